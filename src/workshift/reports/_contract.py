"""What a report needs from an analysis: the frames, their columns and the summary entries.

Reports take anything shaped like :class:`workshift.pipeline.Analysis` (a structural
:class:`AnalysisLike` protocol, so this package does not import the pipeline, which
imports it). :func:`check_analysis` names every missing column at once and raises
:class:`~workshift.exceptions.ReportDataError`; no section is silently left out. Values
may be missing (NaN) where a source has no figure for a role.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Protocol

import pandas as pd

from workshift.exceptions import ReportDataError

__all__ = ["FRAMES", "SUMMARY_KEYS", "AnalysisLike", "ColumnKind", "check_analysis", "column_kind"]

SUMMARY_KEYS: tuple[str, ...] = (
    "headcount",
    "headcount_unscored",
    "alpha_mean",
    "beta_mean",
    "zeta_mean",
    "share_beta_ge_10pct",
    "share_beta_gt_50pct",
    "input_rows",
    "analysed_rows",
    "unmatched_rows",
    "headcount_input",
    "rater",
    "bundle_version",
    "note",
    "model_task_share",
    "source_file",
)
"""The summary entries every report reads, in the order the workbook lists them."""

_SCORES = ("alpha", "beta", "zeta")

FRAMES: dict[str, tuple[str, ...]] = {
    "roles": (
        "onet_soc_code",
        "occupation",
        "headcount",
        *_SCORES,
        "tasks",
        "model_task_share",
        "beta_gpt4",
        "microsoft_ai_applicability",
        "anthropic_observed_exposure",
        "automation_share",
    ),
    "tasks": (
        "onet_soc_code",
        "occupation",
        "task_id",
        "task",
        "task_type",
        "weight",
        "label",
        "p_e0",
        "p_e1",
        "p_e2",
        *_SCORES,
        "source",
        "automation",
        "task_group",
        "headcount",
    ),
    "departments": ("department", "headcount", *_SCORES),
    "locations": ("location", "headcount", *_SCORES),
    "department_task_groups": ("department", "task_group", "headcount", "beta"),
    "unmatched": ("input_row", "job_title", "reason"),
    "matches": ("input_row", "onet_soc_code", "share", "decided_by", "confidence", "note"),
}
"""Each frame a report reads, with the columns it must have (in the workbook's order)."""


ColumnKind = Literal["text", "pct", "score", "count", "number", "int"]

_KINDS: dict[str, ColumnKind] = {
    "microsoft_ai_applicability": "score",  # 0 to about 0.5: a score, not a share
    "headcount": "count",
    "headcount_unscored": "count",
    "headcount_input": "count",
    "tasks": "count",
    "rows": "count",
    "input_rows": "count",
    "analysed_rows": "count",
    "unmatched_rows": "count",
    "weight": "number",
    "input_row": "int",
}
_PCT = {
    *_SCORES,
    "beta_gpt4",
    "anthropic_observed_exposure",
    "p_e0",
    "p_e1",
    "p_e2",
    "confidence",
    "alpha_mean",
    "beta_mean",
    "zeta_mean",
}


def column_kind(name: str) -> ColumnKind:
    """How a column or summary entry is written: a share as a percentage, a score, a count.

    >>> column_kind("beta"), column_kind("automation_share"), column_kind("headcount")
    ('pct', 'pct', 'count')
    """
    if name in _KINDS:
        return _KINDS[name]
    if name in _PCT or name == "share" or name.endswith("_share") or name.startswith("share_"):
        return "pct"
    return "text"


class AnalysisLike(Protocol):
    """The shape of :class:`workshift.pipeline.Analysis` that reports read."""

    @property
    def summary(self) -> Mapping[str, Any]: ...

    @property
    def roles(self) -> pd.DataFrame: ...

    @property
    def tasks(self) -> pd.DataFrame: ...

    @property
    def departments(self) -> pd.DataFrame: ...

    @property
    def locations(self) -> pd.DataFrame: ...

    @property
    def department_task_groups(self) -> pd.DataFrame: ...

    @property
    def unmatched(self) -> pd.DataFrame: ...

    @property
    def matches(self) -> pd.DataFrame: ...


def check_analysis(analysis: AnalysisLike) -> None:
    """Raise :class:`ReportDataError` naming every frame, column or summary entry missing."""
    problems = []
    missing_keys = [key for key in SUMMARY_KEYS if key not in analysis.summary]
    if missing_keys:
        problems.append(f"summary lacks {', '.join(missing_keys)}")
    for name, columns in FRAMES.items():
        frame = getattr(analysis, name, None)
        if not isinstance(frame, pd.DataFrame):
            problems.append(f"no {name} frame")
            continue
        absent = [column for column in columns if column not in frame.columns]
        if absent:
            problems.append(f"{name} lacks {', '.join(absent)}")
    if problems:
        raise ReportDataError("the analysis cannot be reported: " + "; ".join(problems))
