"""Score free-text tasks: published labels for known O*NET tasks, the model for the rest.

``score_tasks`` is what ``workshift exposure`` runs. A task whose text is an O*NET task
statement with a published label (compared case- and space-insensitively; with its
occupation when one is given) takes that label (source ``human`` or ``gpt4``); every
other text, English or German, is scored by the task model (source ``model``). Empty
texts keep a row, with the reason.

Examples
--------
>>> from workshift.reference import ReferenceStore
>>> from workshift.text import HashingEmbedder
>>> store = ReferenceStore()
>>> model = TaskExposureModel(embedder=HashingEmbedder(), k=5).fit(store, max_tasks=400)
>>> known = store.table("eloundou_tasks")["task"].iloc[0]
>>> scored = score_tasks([known, "Kundenanfragen beantworten", ""], model=model, store=store)
>>> scored["source"].tolist(), scored["reason"].tolist()[2]
(['human', 'model', None], 'empty task')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from workshift.exposure._reference_labels import Rater
from workshift.exposure._scores import label_probabilities
from workshift.exposure._task_model import TaskExposureModel
from workshift.reference import ReferenceStore

__all__ = ["SCORE_COLUMNS", "fill_from_model", "score_tasks"]

SCORE_COLUMNS = [
    "input_row", "task", "label", "p_e0", "p_e1", "p_e2", "alpha", "beta", "zeta", "source",
    "reason",
]  # fmt: skip
_LABEL = {"human": "human_label", "gpt4": "gpt4_label"}


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


def fill_from_model(
    frame: pd.DataFrame,
    rows: np.ndarray,
    model: TaskExposureModel | None,
    *,
    code: str = "onet_soc_code",
    task_id: str | None = None,
) -> pd.DataFrame:
    """Score ``frame.task`` where ``rows`` (a mask) with the model, then add the rubric.

    ``label``, ``p_e0``..``p_e2`` and ``source`` of those rows come from the model (with
    the occupation in column ``code`` and, for O*NET tasks, the id in ``task_id``);
    ``alpha``, ``beta`` and ``zeta`` are then computed for every row from its
    probabilities. ``model`` may be None when no row needs it.
    """
    frame = frame.copy()
    if rows.any():
        if model is None:
            raise ValueError("rows to score but no model")
        ids = frame.loc[rows, task_id].tolist() if task_id else None
        scores = model.score(frame.loc[rows, "task"].tolist(), frame.loc[rows, code].tolist(), ids)
        for column in ("label", "p_e0", "p_e1", "p_e2", "source"):
            frame.loc[rows, column] = scores[column].to_numpy()
    for column in ("p_e0", "p_e1", "p_e2"):
        frame[column] = frame[column].astype(float)
    frame["alpha"] = frame["p_e1"]
    frame["beta"] = frame["p_e1"] + 0.5 * frame["p_e2"]
    frame["zeta"] = frame["p_e1"] + frame["p_e2"]
    return frame


def score_tasks(
    texts: Sequence[str],
    occupation_codes: Sequence[str | None] | None = None,
    *,
    model: TaskExposureModel,
    store: ReferenceStore,
    rater: Rater = "human",
) -> pd.DataFrame:
    """One row per text with ``SCORE_COLUMNS``; see the module docstring."""
    codes = list(occupation_codes) if occupation_codes is not None else [None] * len(texts)
    frame = pd.DataFrame({"input_row": range(len(texts)), "task": list(texts), "code": codes})
    frame["task"] = frame["task"].fillna("").astype(str).str.strip()
    published = store.table("eloundou_tasks").dropna(subset=[_LABEL[rater]])
    published = published.assign(key=published["task"].map(_key))
    by_both = published.drop_duplicates(["key", "onet_soc_code"]).set_index(
        ["key", "onet_soc_code"]
    )[_LABEL[rater]]
    by_text = published.drop_duplicates("key").set_index("key")[_LABEL[rater]]
    keys = frame["task"].map(_key)
    pairs = pd.MultiIndex.from_arrays([keys, frame["code"].fillna("")])
    label = pd.Series(by_both.reindex(pairs).to_numpy(), index=frame.index)
    label = label.fillna(pd.Series(by_text.reindex(keys).to_numpy(), index=frame.index))
    frame["label"] = label
    frame = frame.join(label_probabilities(frame))
    frame["source"] = frame["label"].map(lambda v: None if pd.isna(v) else rater)
    frame["reason"] = frame["task"].map(lambda t: None if t else "empty task")
    todo = (frame["source"].isna() & frame["reason"].isna()).to_numpy()
    frame = fill_from_model(frame, todo, model, code="code")
    for column in ("label", "source", "reason"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame[SCORE_COLUMNS]
