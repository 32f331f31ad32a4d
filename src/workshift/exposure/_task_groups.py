"""Task groups: the O*NET generalized work activity (GWA) a task belongs to.

Reports group tasks by what kind of work they are ("Documenting/Recording Information",
"Handling and Moving Objects" ...). An O*NET task gets the GWA of its detailed work
activities (the most frequent one when they differ); a free-text task (an
organisation's own, in English or German) gets the GWA of the most similar O*NET task
in the multilingual embedding space. A task with neither is ``Other``.

Examples
--------
>>> from workshift.reference import ReferenceStore
>>> from workshift.text import HashingEmbedder
>>> task_groups(ReferenceStore(), [8823], ["Direct financial activities"], HashingEmbedder())
['Guiding, Directing, and Motivating Subordinates']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from workshift.reference import ReferenceStore
from workshift.text import Embedder, cached_embeddings

__all__ = ["OTHER_GROUP", "task_groups"]

OTHER_GROUP = "Other"


def _group_of_task(store: ReferenceStore) -> pd.Series:
    """GWA name per O*NET task id (the most frequent among its DWAs)."""
    frame = store.sql(
        """
        SELECT t.task_id, w.name, count(*) AS n
        FROM task_dwas t JOIN dwas d USING (dwa_id) JOIN work_activities w USING (element_id)
        GROUP BY t.task_id, w.element_id, w.name
        ORDER BY t.task_id, n DESC, w.element_id
        """
    )
    first = frame.drop_duplicates("task_id")
    return pd.Series(first["name"].to_numpy(), index=first["task_id"].astype("int64"))


def task_groups(
    store: ReferenceStore,
    task_ids: Sequence[int | None],
    texts: Sequence[str],
    embedder: Embedder,
) -> list[str]:
    """The task group of each task; see the module docstring."""
    groups = _group_of_task(store)
    ids = pd.Series(list(task_ids), dtype="Int64")
    out = ids.map(lambda i: groups.get(int(i)) if pd.notna(i) else None).astype(object)
    missing = np.flatnonzero(out.isna().to_numpy())
    if len(missing):
        reference = store.tasks()
        reference = reference.loc[reference["task_id"].isin(groups.index)]
        pool = cached_embeddings(embedder, reference["task"].tolist())
        queries = embedder.encode([texts[int(i)] for i in missing])
        nearest = (queries @ pool.T).argmax(axis=1)
        found = groups.reindex(reference["task_id"].to_numpy()[nearest]).to_numpy()
        out.iloc[missing] = found
    return [OTHER_GROUP if pd.isna(v) else str(v) for v in out]
