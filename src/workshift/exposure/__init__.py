"""Exposure: task-level E0/E1/E2 labels and role/organisation aggregates (alpha, beta, zeta).

Published indices are shown beside ours, never averaged into them; exposure is not job
loss. The trained TaskExposureModel for unlabelled and organisation-specific tasks, and
``workshift analyze``, follow in issue 4.
"""

from __future__ import annotations

from workshift.exposure._reference_labels import (
    Rater,
    published_task_labels,
    reference_task_labels,
)
from workshift.exposure._scores import LABELS, exposure_scores, label_probabilities
from workshift.exposure._summary import exposure_summary, soc_exposure

__all__ = [
    "LABELS",
    "Rater",
    "exposure_scores",
    "exposure_summary",
    "label_probabilities",
    "published_task_labels",
    "reference_task_labels",
    "soc_exposure",
]
