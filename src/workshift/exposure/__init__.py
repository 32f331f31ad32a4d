"""Exposure: task-level E0/E1/E2 labels and role/organisation aggregates (alpha, beta, zeta).

Published indices are shown beside ours, never averaged into them; exposure is not job
loss. Tasks without a published label (newer O*NET tasks, an organisation's own task
statements in English or German) are scored by :class:`TaskExposureModel`; every score
says its source (``human``, ``gpt4`` or ``model``).
"""

from __future__ import annotations

from workshift.exposure._aggregate import (
    department_task_group_exposure,
    occupation_headcount,
    occupation_shares,
    role_exposure,
)
from workshift.exposure._default import default_task_model, task_model_cache_path
from workshift.exposure._reference_labels import (
    Rater,
    published_task_labels,
    reference_task_labels,
)
from workshift.exposure._score_tasks import SCORE_COLUMNS, fill_from_model, score_tasks
from workshift.exposure._scores import LABELS, exposure_scores, label_probabilities
from workshift.exposure._summary import exposure_summary, soc_exposure
from workshift.exposure._task_groups import OTHER_GROUP, task_groups
from workshift.exposure._task_model import TaskExposureModel, occupation_features
from workshift.exposure._task_table import TASK_POLICY, score_task_table, write_task_scores
from workshift.exposure._uncertainty import (
    CLOSE,
    PLAUSIBLE,
    TITLE_COLUMNS,
    exposure_by,
    ranged_summary,
    title_review,
    unit_exposure,
)

__all__ = [
    "CLOSE",
    "LABELS",
    "OTHER_GROUP",
    "PLAUSIBLE",
    "SCORE_COLUMNS",
    "TASK_POLICY",
    "TITLE_COLUMNS",
    "Rater",
    "TaskExposureModel",
    "default_task_model",
    "department_task_group_exposure",
    "exposure_by",
    "exposure_scores",
    "exposure_summary",
    "fill_from_model",
    "label_probabilities",
    "occupation_features",
    "occupation_headcount",
    "occupation_shares",
    "published_task_labels",
    "ranged_summary",
    "reference_task_labels",
    "role_exposure",
    "score_task_table",
    "score_tasks",
    "soc_exposure",
    "task_groups",
    "task_model_cache_path",
    "title_review",
    "unit_exposure",
    "write_task_scores",
]
