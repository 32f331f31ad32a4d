"""What a report needs from its input: the frames, their columns and the summary entries.

Reports take anything shaped like :class:`workshift.pipeline.Analysis`, a scenario
projection or a redeployment plan (structural protocols, :class:`AnalysisLike`,
:class:`ProjectionLike` and :class:`RedeploymentLike`, so this package imports neither the
pipeline, the scenario engine nor ``workshift.reskilling``, which import it).
:func:`check_analysis`, :func:`check_projection` and :func:`check_redeployment` name every
missing column at once and raise :class:`~workshift.exceptions.ReportDataError`; no
section is silently left out.
Values may be missing (NaN) where a source has no figure for a role.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Protocol

import pandas as pd

from workshift.exceptions import ReportDataError
from workshift.exposure import TITLE_COLUMNS

__all__ = [
    "FRAMES",
    "PROJECTION_FRAMES",
    "PROJECTION_SUMMARY_KEYS",
    "REDEPLOYMENT_FRAMES",
    "REDEPLOYMENT_SUMMARY_KEYS",
    "SUMMARY_KEYS",
    "AnalysisLike",
    "ColumnKind",
    "ProjectionLike",
    "RedeploymentLike",
    "check_analysis",
    "check_projection",
    "check_redeployment",
    "column_kind",
]

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
    "titles": TITLE_COLUMNS,
}
"""Each frame a report reads, with the columns it must have (in the workbook's order)."""


PROJECTION_SUMMARY_KEYS: tuple[str, ...] = (
    "years",
    "draws",
    "seed",
    "preset",
    "currency",
    "headcount_start",
    "headcount_projected",
    "not_projected_rows",
    "bundle_version",
    "portfolio_file",
    "scenario_file",
    "note",
)
"""The summary entries of a scenario projection that its report reads
(``headcount_projected`` is a mapping with ``p10``, ``p50`` and ``p90``)."""

PROJECTION_FRAMES: dict[str, tuple[str, ...]] = {
    "projection": ("year", "group_by", "group", "metric", "p10", "p50", "p90", "mean"),
    "assumptions": ("parameter", "scope", "low", "mode", "high", "unit", "source", "description"),
    "sensitivity": (
        "metric",
        "input",
        "low",
        "high",
        "value_low",
        "value_high",
        "base",
        "swing",
        "spread_share",
    ),
    "waterfall": ("step", "value"),
    "coverage": (
        "service_id",
        "onet_soc_code",
        "occupation",
        "task_id",
        "task",
        "matched_by",
        "similarity",
        "share",
    ),
    "not_projected": ("input_row", "reason"),
}
"""Each frame of a scenario projection with the columns its report reads
(docs/design/scenarios.md, "Contract for the report")."""


REDEPLOYMENT_SUMMARY_KEYS: tuple[str, ...] = (
    "affected",
    "assigned",
    "not_assigned",
    "retained_share",
    "training_hours",
    "training_cost",
    "budget",
    "retention_value",
    "objective",
    "greedy_objective",
    "gain",
    "greedy_assigned",
    "comparison",
    "optimal",
    "solver",
    "openings",
    "capacity",
    "candidate_pairs",
    "blocked_pairs",
    "selection",
    "priority",
    "skills_unresolved",
    "source_file",
    "openings_file",
    "catalogue_file",
    "bundle_version",
    "note",
)
"""The summary entries of a redeployment plan that its report reads (``solver`` is a
mapping with ``status``, ``mip_gap`` and ``seconds``; ``priority`` maps each social
criterion to its weight; ``comparison`` maps ``exact``, ``greedy`` and ``difference`` to
``people``, ``training_hours``, ``training_cost``, ``relocations`` and ``abroad``)."""

REDEPLOYMENT_FRAMES: dict[str, tuple[str, ...]] = {
    "plan": (
        "employee_id",
        "status",
        "opening_id",
        "target",
        "origin",
        "department",
        "location",
        "relocates",
        "abroad",
        "languages",
        "languages_from",
        "fit",
        "training_hours",
        "training_cost",
        "modules",
        "gap_skills",
        "on_the_job",
        "shared_activities",
        "strengths",
        "education",
        "reason",
        "near_misses",
    ),
    "flows": ("origin_code", "origin", "target_code", "target", "people"),
    "gaps": ("department", "skill_id", "skill", "people"),
    "departments": (
        "department",
        "affected",
        "assigned",
        "not_assigned",
        "training_hours",
        "training_cost",
    ),
    "openings": (
        "opening_id",
        "role",
        "target",
        "location",
        "country",
        "relocation",
        "capacity",
        "filled",
        "left",
    ),
    "skills_unresolved": ("file", "row", "column", "value", "reason"),
}
"""Each frame of a redeployment plan (``workshift.reskilling.Redeployment``) with the
columns its report reads."""


ColumnKind = Literal["text", "pct", "score", "count", "number", "int", "amount", "money", "decimal"]

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
    "unscored_rows": "count",
    "fte": "count",
    "weight": "number",
    "input_row": "int",
    "line": "int",
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
    "occupation_confidence",
    "exposure_confidence",
    "beta_low",
    "beta_high",
    "alpha_mean_low",
    "alpha_mean_high",
    "beta_mean_low",
    "beta_mean_high",
    "zeta_mean_low",
    "zeta_mean_high",
    "narrows_share_gt_50pct",
    "narrows_beta_mean",
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

    @property
    def titles(self) -> pd.DataFrame: ...


class ProjectionLike(Protocol):
    """The shape of a scenario projection (``workshift.scenarios``) that its report reads."""

    @property
    def summary(self) -> Mapping[str, Any]: ...

    @property
    def projection(self) -> pd.DataFrame: ...

    @property
    def assumptions(self) -> pd.DataFrame: ...

    @property
    def sensitivity(self) -> pd.DataFrame: ...

    @property
    def waterfall(self) -> pd.DataFrame: ...

    @property
    def coverage(self) -> pd.DataFrame: ...

    @property
    def not_projected(self) -> pd.DataFrame: ...


class RedeploymentLike(Protocol):
    """The shape of a redeployment plan (``workshift.reskilling.Redeployment``) that its
    report reads."""

    @property
    def summary(self) -> Mapping[str, Any]: ...

    @property
    def plan(self) -> pd.DataFrame: ...

    @property
    def flows(self) -> pd.DataFrame: ...

    @property
    def gaps(self) -> pd.DataFrame: ...

    @property
    def departments(self) -> pd.DataFrame: ...

    @property
    def openings(self) -> pd.DataFrame: ...

    @property
    def skills_unresolved(self) -> pd.DataFrame: ...


def _problems(
    source: object, keys: tuple[str, ...], frames: Mapping[str, tuple[str, ...]]
) -> list[str]:
    """Every summary entry, frame and column of the contract that ``source`` lacks."""
    problems = []
    summary = getattr(source, "summary", None)
    if not isinstance(summary, Mapping):
        problems.append("no summary")
    else:
        missing_keys = [key for key in keys if key not in summary]
        if missing_keys:
            problems.append(f"summary lacks {', '.join(missing_keys)}")
    for name, columns in frames.items():
        frame = getattr(source, name, None)
        if not isinstance(frame, pd.DataFrame):
            problems.append(f"no {name} frame")
            continue
        absent = [column for column in columns if column not in frame.columns]
        if absent:
            problems.append(f"{name} lacks {', '.join(absent)}")
    return problems


def check_analysis(analysis: AnalysisLike) -> None:
    """Raise :class:`ReportDataError` naming every frame, column or summary entry missing."""
    problems = _problems(analysis, SUMMARY_KEYS, FRAMES)
    if problems:
        raise ReportDataError("the analysis cannot be reported: " + "; ".join(problems))


def check_projection(projection: ProjectionLike) -> None:
    """Raise :class:`ReportDataError` naming every frame, column or summary entry missing.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> partial = SimpleNamespace(
    ...     summary=dict.fromkeys(PROJECTION_SUMMARY_KEYS[:-1]),
    ...     waterfall=pd.DataFrame({"step": ["start"]}),
    ... )
    >>> try:
    ...     check_projection(partial)
    ... except ReportDataError as err:
    ...     for problem in str(err).split("; "):
    ...         print(problem)
    the projection cannot be reported: summary lacks note
    no projection frame
    no assumptions frame
    no sensitivity frame
    waterfall lacks value
    no coverage frame
    no not_projected frame
    """
    problems = _problems(projection, PROJECTION_SUMMARY_KEYS, PROJECTION_FRAMES)
    summary = getattr(projection, "summary", None)
    projected = summary.get("headcount_projected") if isinstance(summary, Mapping) else None
    if projected is not None and not (
        isinstance(projected, Mapping) and {"p10", "p50", "p90"} <= set(projected)
    ):
        problems.append("summary headcount_projected lacks p10, p50 or p90")
    if problems:
        raise ReportDataError("the projection cannot be reported: " + "; ".join(problems))


def check_redeployment(redeployment: RedeploymentLike) -> None:
    """Raise :class:`ReportDataError` naming every frame, column or summary entry missing.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> partial = SimpleNamespace(
    ...     summary={**dict.fromkeys(REDEPLOYMENT_SUMMARY_KEYS), "solver": {"status": "ok"}},
    ...     flows=pd.DataFrame({"origin": ["a"], "target": ["b"], "people": [1]}),
    ... )
    >>> try:
    ...     check_redeployment(partial)
    ... except ReportDataError as err:
    ...     for problem in str(err).split("; "):
    ...         print(problem)
    the redeployment plan cannot be reported: no plan frame
    flows lacks origin_code, target_code
    no gaps frame
    no departments frame
    no openings frame
    no skills_unresolved frame
    summary solver lacks status, mip_gap or seconds
    """
    problems = _problems(redeployment, REDEPLOYMENT_SUMMARY_KEYS, REDEPLOYMENT_FRAMES)
    summary = getattr(redeployment, "summary", None)
    solver = summary.get("solver") if isinstance(summary, Mapping) else None
    if solver is not None and not (
        isinstance(solver, Mapping) and {"status", "mip_gap", "seconds"} <= set(solver)
    ):
        problems.append("summary solver lacks status, mip_gap or seconds")
    if problems:
        raise ReportDataError("the redeployment plan cannot be reported: " + "; ".join(problems))
