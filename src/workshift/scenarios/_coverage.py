"""Which tasks of the workforce each AI service covers.

A service names what it covers three ways (``covers`` in the portfolio): O*NET task ids,
O*NET detailed or intermediate work activity ids (every task linked to the DWA, or to a DWA
of the IWA), and free-text descriptions in any language the embedder knows, matched by
cosine similarity to every task of the analysis (O*NET's and the organisation's own).
A task covered by ``k`` services counts ``1/k`` for each (``share``), so overlapping
services never free the same hour twice. Items that cover nothing are listed in
``unresolved`` with the reason, never dropped.

Examples
--------
>>> import pandas as pd
>>> from workshift.reference import ReferenceStore
>>> from workshift.text import HashingEmbedder
>>> from workshift.scenarios._portfolio import parse_portfolio
>>> tasks = pd.DataFrame({"onet_soc_code": ["43-4051.00", "43-4051.00"],
...     "occupation": ["Customer Service Representatives"] * 2, "task_id": [9999999, None],
...     "task": ["Keep records", "Beantworten von Kundenanfragen per Chat"]})
>>> portfolio = parse_portfolio('''services:
...   - {id: chat, name: Chat, mode: augmentation, launch: 2026,
...      covers: {tasks: [9999999, 5], descriptions: [Beantworten von Kundenanfragen per Chat]},
...      adoption: {ceiling: 0.8, midpoint: 2, steepness: 1},
...      running_cost: {requests_per_hour: 10, price_per_request: 0.01,
...                     energy_wh_per_request: 1}}''')
>>> found = task_coverage(portfolio, tasks, ReferenceStore(), HashingEmbedder(), 0.5)
>>> found.coverage["matched_by"].tolist(), found.coverage["share"].tolist()
(['task 9999999', 'description: Beantworten von Kundenanfragen pe...'], [1.0, 1.0])
>>> found.unresolved["reason"].tolist()
['no task of the analysed occupations has this O*NET task id']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workshift.reference import ReferenceStore
from workshift.scenarios._portfolio import Portfolio, Service
from workshift.text import Embedder

__all__ = ["COVERAGE_COLUMNS", "CoverageResult", "task_coverage"]

COVERAGE_COLUMNS = [
    "service_id",
    "task_row",
    "onet_soc_code",
    "occupation",
    "task_id",
    "task",
    "matched_by",
    "similarity",
    "share",
]
_UNRESOLVED = ["service_id", "item", "reason"]


@dataclass
class CoverageResult:
    """``coverage``: one row per (service, task row of the analysis); ``unresolved``: the
    portfolio's ids and descriptions that cover no task, with the reason."""

    coverage: pd.DataFrame
    unresolved: pd.DataFrame


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _in_scope(service: Service, tasks: pd.DataFrame) -> np.ndarray:
    """Tasks of the service's occupations (all when it names none); SOC codes match by prefix."""
    if not service.covers.occupations:
        return np.ones(len(tasks), dtype=bool)
    codes = tasks["onet_soc_code"].astype(str)
    inside: np.ndarray = np.logical_or.reduce(
        [codes.str.startswith(c).to_numpy() for c in service.covers.occupations]
    )
    return inside


def _by(reason: str, via: np.ndarray) -> np.ndarray:
    """The reason, marked where it came through the nearest O*NET task of an own task."""
    return np.where(via, f"{reason} (own task, via its nearest O*NET task)", reason)


def _nearest_onet_tasks(
    tasks: pd.DataFrame,
    task_ids: pd.Series,
    store: ReferenceStore,
    embedder: Embedder,
    min_similarity: float,
) -> pd.Series:
    """For the organisation's own tasks (no O*NET id): the id of the most similar O*NET task
    of the same occupation, when at least ``min_similarity`` similar; else NaN."""
    out = pd.Series(np.nan, index=task_ids.index)
    own = np.flatnonzero(task_ids.isna().to_numpy())
    if not len(own):
        return out
    codes = tasks["onet_soc_code"].to_numpy()
    reference = store.tasks(sorted(set(codes[own])))
    if not len(reference):
        return out
    pool = embedder.encode(reference["task"].tolist())
    queries = embedder.encode(tasks["task"].astype(str).to_numpy()[own].tolist())
    similarity = queries @ pool.T
    same = codes[own][:, None] == reference["onet_soc_code"].to_numpy()[None, :]
    similarity = np.where(same, similarity, -np.inf)
    best = similarity.argmax(axis=1)
    good = similarity[np.arange(len(own)), best] >= min_similarity
    out.iloc[own[good]] = reference["task_id"].to_numpy(dtype=float)[best[good]]
    return out


def task_coverage(
    portfolio: Portfolio,
    tasks: pd.DataFrame,
    store: ReferenceStore,
    embedder: Embedder,
    min_similarity: float,
) -> CoverageResult:
    """The tasks (rows of ``tasks``, an analysis' task table) each service covers."""
    task_ids = pd.Series(
        pd.to_numeric(tasks["task_id"], errors="coerce").astype("float64").to_numpy()
    )
    proxy = _nearest_onet_tasks(tasks, task_ids, store, embedder, min_similarity)
    via = proxy.notna().to_numpy()
    task_ids = task_ids.fillna(proxy)
    known_ids = set(store.sql("SELECT task_id FROM tasks")["task_id"].astype(int))
    links = store.sql(
        "SELECT d.task_id, d.dwa_id, w.iwa_id FROM task_dwas d JOIN dwas w USING (dwa_id)"
    )
    known_activities = set(links["dwa_id"]) | set(links["iwa_id"])
    texts = tasks["task"].astype(str).tolist()
    task_vectors: np.ndarray | None = None
    found: list[pd.DataFrame] = []
    unresolved: list[dict[str, str]] = []

    def add(
        service: Service,
        rows: np.ndarray,
        matched_by: str | np.ndarray,
        similarity: float | np.ndarray,
    ) -> None:
        found.append(
            pd.DataFrame(
                {
                    "service_id": service.id,
                    "task_row": rows,
                    "matched_by": matched_by,
                    "similarity": similarity,
                }
            )
        )

    for service in portfolio.services:
        scope = _in_scope(service, tasks)
        # (item, the task ids it stands for, whether O*NET knows it, what it is)
        by_id = [
            (f"task {task_id}", {task_id}, task_id in known_ids, "O*NET task id")
            for task_id in service.covers.tasks
        ] + [
            (
                f"activity {activity}",
                set(links.loc[links["dwa_id" if ".D" in activity else "iwa_id"] == activity,
                              "task_id"].astype(int)),
                activity in known_activities,
                "work activity",
            )
            for activity in service.covers.activities
        ]  # fmt: skip
        for item, linked, known, kind in by_id:
            rows = np.flatnonzero(scope & task_ids.isin(linked).to_numpy())
            if len(rows):
                add(service, rows, _by(item, via[rows]), 1.0)
                continue
            reason = (
                f"no task of the analysed occupations has this {kind}"
                if known
                else ("not an O*NET task id" if kind == "O*NET task id" else
                      "not an O*NET DWA or IWA id")
            )  # fmt: skip
            unresolved.append({"service_id": service.id, "item": item, "reason": reason})
        if service.covers.descriptions:
            if task_vectors is None:
                task_vectors = embedder.encode(texts) if texts else np.zeros((0, 1))
            own = service.covers.min_similarity
            threshold = own if own is not None else min_similarity
            queries = embedder.encode(list(service.covers.descriptions))
            similarity = queries @ task_vectors.T if len(texts) else np.zeros((len(queries), 0))
            for description, sims in zip(service.covers.descriptions, similarity, strict=True):
                rows = np.flatnonzero(scope & (sims >= threshold))
                if len(rows):
                    add(service, rows, f"description: {_short(description)}", sims[rows])
                else:
                    best = float(sims.max()) if len(sims) else 0.0
                    unresolved.append(
                        {"service_id": service.id, "item": f"description: {description}",
                         "reason": f"no task at similarity {threshold:.2f} or above "
                                   f"(best {best:.2f})"}
                    )  # fmt: skip
    frame = (
        pd.concat(found, ignore_index=True)
        if found
        else pd.DataFrame(columns=["service_id", "task_row", "matched_by", "similarity"])
    )
    # One row per (service, task): the strongest reason it is covered.
    frame = frame.sort_values(
        ["service_id", "task_row", "similarity"], ascending=[True, True, False]
    )
    frame = frame.drop_duplicates(["service_id", "task_row"]).reset_index(drop=True)
    frame["task_row"] = frame["task_row"].astype("int64")
    frame["similarity"] = frame["similarity"].astype(float).round(4)
    frame["share"] = 1.0 / frame.groupby("task_row")["service_id"].transform("size")
    context = tasks.reset_index(drop=True)[["onet_soc_code", "occupation", "task_id", "task"]]
    frame = frame.join(context, on="task_row")
    order = {service.id: i for i, service in enumerate(portfolio.services)}
    frame = frame.sort_values(
        ["service_id", "task_row"], key=lambda c: c.map(order) if c.name == "service_id" else c
    )
    return CoverageResult(
        frame[COVERAGE_COLUMNS].reset_index(drop=True),
        pd.DataFrame(unresolved, columns=_UNRESOLVED),
    )
