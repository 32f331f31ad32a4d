"""Task exposure labels from the reference data, per occupation.

``reference_task_labels`` gives the O*NET 30.1 tasks of occupations with the published
label of each task (human annotators by default, GPT-4 on request) and the source of
the label; tasks that the published data does not label (added after O*NET 27.2) carry
no label yet and say so (a trained model scores them; see issue 4).

``published_task_labels`` gives the labels exactly as released, on O*NET 27.2 tasks:
the basis of the paper's own occupation scores, used to reproduce its results.

Examples
--------
>>> from workshift.reference import ReferenceStore
>>> labels = reference_task_labels(ReferenceStore(), ["43-4051.00"])
>>> sorted(labels["source"].unique())
['human']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import pandas as pd

from workshift.reference import ReferenceStore

__all__ = ["Rater", "published_task_labels", "reference_task_labels"]

Rater = Literal["human", "gpt4"]
_COLUMN = {"human": "human_label", "gpt4": "gpt4_label"}
_WEIGHTS = {"Core": 2.0, "Supplemental": 1.0}


def _column(rater: Rater) -> str:
    if rater not in _COLUMN:
        raise ValueError(f"rater must be 'human' or 'gpt4', not {rater!r}")
    return _COLUMN[rater]


def reference_task_labels(
    store: ReferenceStore, codes: Iterable[str], rater: Rater = "human"
) -> pd.DataFrame:
    """O*NET 30.1 tasks of ``codes`` with ``label`` and ``source`` (``human``/``gpt4``/None)."""
    column = _column(rater)
    tasks = store.task_exposure(list(codes))
    out = tasks[["onet_soc_code", "task_id", "task", "task_type", "weight"]].copy()
    out["weight"] = out["weight"].astype(float)
    out["label"] = tasks[column]
    out["source"] = tasks[column].map(lambda v: None if pd.isna(v) else rater)
    out["automation"] = tasks["gpt4_automation"]
    return out


def published_task_labels(store: ReferenceStore, rater: Rater = "human") -> pd.DataFrame:
    """Every labelled task as released (O*NET 27.2 tasks, retired ones included)."""
    column = _column(rater)
    labels = store.table("eloundou_tasks")
    return pd.DataFrame(
        {
            "onet_soc_code": labels["onet_soc_code"],
            "task": labels["task"],
            "weight": labels["task_type"].map(_WEIGHTS).fillna(1.0),
            "label": labels[column],
            "source": rater,
        }
    )
