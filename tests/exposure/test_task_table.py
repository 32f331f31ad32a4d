"""score_task_table: occupation codes resolved under TASK_POLICY, every row kept."""

from __future__ import annotations

import pandas as pd

from workshift.exposure import TaskExposureModel, score_task_table
from workshift.reference import ReferenceStore
from workshift.text import HashingEmbedder


def test_a_code_for_several_occupations_is_no_context_and_says_why() -> None:
    store = ReferenceStore()
    model = TaskExposureModel(embedder=HashingEmbedder(), k=5).fit(store, max_tasks=400)
    tasks = pd.DataFrame(
        {"task": ["Rechnungen prüfen"] * 4, "code": ["43-3031", "433031.00", "43-0000", "99-9999"]}
    )
    scored = score_task_table(tasks, occupation_column="code", model=model, store=store)
    assert len(scored) == 4
    assert scored["reason"].iloc[0] == scored["reason"].iloc[1]
    assert "stands for" in scored["reason"].iloc[2]
    assert "scored without occupation context" in scored["reason"].iloc[2]
    assert scored["reason"].iloc[3].startswith("unknown occupation code 99-9999")
