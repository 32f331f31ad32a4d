"""Build the works-council pack: every aggregate through one disclosure-control pass.

:func:`build_pack` withholds department and location values that look like a person's
name (the same labels in the analysis and in every scenario), turns every aggregate
into a disclosure table (:func:`~workshift.council.pack_tables`), protects them all in
**one** :func:`~workshift.pipeline.protect_for_council` call (both through
:func:`~workshift.pipeline.protect_run`, which the council's scenario and reskill
reports use too) and derives each legal
section from the protected frames (:mod:`workshift.council._sections`). Nothing
person-level reaches the pack: no identifier, no job title, no file path.

Examples
--------
``tests/council/test_pack.py`` builds packs from small workforces; from files, use
:func:`workshift.pipeline.council`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from workshift.council import _sections as sections
from workshift.council._inputs import COUNCIL, MANAGEMENT, PackInputs
from workshift.council._tables import ACCESS_GROUPS, OLDER_FROM
from workshift.disclosure import DisclosurePolicy, Protected
from workshift.exceptions import ConfigError
from workshift.scenarios import Projection

__all__ = [
    "SECTIONS",
    "CouncilPack",
    "build_pack",
    "check_skill_change_share",
    "evaluation",
    "occupation_groups",
    "rename_groups",
]

SECTIONS = (
    "departments", "locations", "services", "service_tasks", "service_departments",
    "workforce_plan", "comparison", "unit_differences", "assumption_differences",
    "training", "skills", "training_flows", "access", "codetermination", "establishments",
)  # fmt: skip
"""The frames of :attr:`CouncilPack.sections`, in the pack's order."""

Progress = Callable[[str, int, int], None]


@dataclass
class CouncilPack:
    """What a works council receives (everything in it is publishable).

    Attributes
    ----------
    facts : dict
        JSON-safe facts: the analysis summary for employee representatives (no file
        names; what disclosure control did), the scenario names, years and file names,
        the minimum group size, which access columns the data has, the pack's own
        assumptions and the evaluation figures.
    sections : dict of str to DataFrame
        :data:`SECTIONS`: figures about people are missing where suppressed.
    log : DataFrame
        The suppression log: counts per table and reasons, never values.
    """

    facts: dict[str, Any]
    sections: dict[str, pd.DataFrame]
    log: pd.DataFrame
    protected: Protected = field(repr=False)

    def section(self, name: str) -> pd.DataFrame:
        """One section's frame (``KeyError`` for an unknown name)."""
        return self.sections[name]


def evaluation() -> dict[str, Any]:
    """The evaluation figures the pack quotes (``council/data/evaluation.json``, written
    from benchmarks/RESULTS.md by ``benchmarks/council_evaluation.py``).

    >>> evaluation()["exposure"]["agreement"] > 0.5
    True
    """
    text = resources.files("workshift.council").joinpath("data/evaluation.json").read_text()
    figures: dict[str, Any] = json.loads(text)
    return figures


def occupation_groups() -> pd.DataFrame:
    """The SOC major groups: ``code`` (``43-0000``), ``en`` and ``de`` names.

    >>> occupation_groups().set_index("code").loc["43-0000", "de"]
    'Büro und Verwaltung'
    """
    path = resources.files("workshift.council").joinpath("data/occupation_groups.csv")
    with path.open(encoding="utf-8") as handle:
        return pd.read_csv(handle, dtype=str)


def rename_groups(projection: Projection, mappings: dict[str, dict[str, str]]) -> Projection:
    """``projection`` with the department and location names the analysis withholds
    (``mappings`` from :func:`workshift.pipeline.withhold_names`)."""

    def apply(frame: pd.DataFrame, column: str, mapping: dict[str, str]) -> pd.DataFrame:
        if column not in frame or not mapping:
            return frame
        return frame.assign(**{column: frame[column].map(lambda v: mapping.get(str(v), v))})

    frames = {}
    for name in ("unit_groups", "reductions", "cells", "projection"):
        frame = getattr(projection, name)
        for column, mapping in mappings.items():
            frame = apply(frame, column, mapping)
            if name == "projection" and mapping:
                chosen = frame["group_by"] == column
                groups = frame["group"].where(~chosen, frame["group"].map(
                    lambda v, m=mapping: m.get(str(v), v)
                ))  # fmt: skip
                frame = frame.assign(group=groups)
        frames[name] = frame
    return replace(projection, **frames)


def _file_name(value: Any) -> str:
    return Path(str(value)).name if value else ""


def _assumption(projection: Projection, parameter: str) -> str:
    """A scenario's setting (``mode``) of a parameter that applies to all, ``""`` if none."""
    frame = projection.assumptions
    found = frame.loc[(frame["parameter"] == parameter) & (frame["scope"] == "all"), "mode"]
    return str(found.iloc[0]) if len(found) else ""


def _facts(
    inputs: PackInputs, summary: dict[str, Any], policy: DisclosurePolicy, share: float
) -> dict[str, Any]:
    management = inputs.scenarios[MANAGEMENT].summary
    rows = inputs.analysis.workforce.rows
    present = {
        "part_time": "fte" in rows and bool(rows["fte"].notna().any()),
        "older": "age" in rows and bool(rows["age"].notna().any()),
        "on_leave": "on_leave" in rows and bool(rows["on_leave"].notna().any()),
    }
    return {
        "analysis": summary,
        "scenarios": {
            name: {
                "years": projection.summary.get("years"),
                "preset": projection.summary.get("preset"),
                "draws": projection.summary.get("draws"),
                "seed": projection.summary.get("seed"),
                "measure": projection.summary.get("measure"),
                "currency": projection.summary.get("currency"),
                "scenario_file": _file_name(projection.summary.get("scenario_file")),
                "description": inputs.descriptions.get(name, ""),
                "exits": _assumption(projection, "exits"),
                "redeploy_within": _assumption(projection, "redeploy_within"),
            }
            for name, projection in inputs.scenarios.items()
        },
        "has_council_scenario": COUNCIL in inputs.scenarios,
        "has_plan": inputs.plan is not None,
        "portfolio_file": _file_name(management.get("portfolio_file")),
        "currency": management.get("currency"),
        "service_names": management.get("service_names", {}),
        "bundle_version": summary.get("bundle_version"),
        "min_people": policy.min_people,
        "protection": policy.protection,
        "access_columns": {group: present[group] for group in ACCESS_GROUPS},
        "older_from": OLDER_FROM,
        "skill_change_share": share,
        "evaluation": evaluation(),
    }


def check_skill_change_share(value: float) -> float:
    """``value`` as the §97 (2) share of :func:`build_pack`: a number above 0, at most 1.

    >>> check_skill_change_share(0.2)
    0.2
    >>> check_skill_change_share(0)
    Traceback (most recent call last):
    ...
    workshift.exceptions.ConfigError: the skill-change share must be above 0 and at most 1, got 0
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ConfigError(f"the skill-change share must be above 0 and at most 1, got {value!r}")
    return float(value)


def build_pack(
    inputs: PackInputs,
    policy: DisclosurePolicy | None = None,
    *,
    skill_change_share: float = sections.SKILL_CHANGE_SHARE,
    progress: Progress | None = None,
) -> CouncilPack:
    """The works-council pack of ``inputs`` under ``policy`` (default k = 5 people).

    ``skill_change_share`` is the share of a group's working time taken over from which
    §97 (2) flags it (:data:`~workshift.council.SKILL_CHANGE_SHARE`, 0.10, by default;
    above 0, at most 1): an assumption a works agreement may set.

    Raises
    ------
    ConfigError
        ``skill_change_share`` is not above 0 and at most 1.
    SolverError
        No suppression pattern could be proven safe.
    """
    from workshift.pipeline import council_summary, protect_run

    share = check_skill_change_share(skill_change_share)
    policy = policy or DisclosurePolicy()
    if progress:
        progress("disclosure control", 0, 2)
    run = protect_run(
        inputs.analysis, policy, coverage=inputs.scenarios[MANAGEMENT].coverage, plan=inputs.plan
    )
    analysis, protected = run.analysis, run.protected
    inputs = replace(
        inputs,
        analysis=analysis,
        scenarios={n: rename_groups(p, run.mappings) for n, p in inputs.scenarios.items()},
    )
    if progress:
        progress("sections", 1, 2)
    frames = protected.frames
    summary = council_summary(analysis, protected, policy, run.names)
    total_published = not bool(frames["total"]["suppressed"].any())
    built = {
        "departments": frames["departments"],
        "locations": frames["locations"],
        "services": sections.services(inputs, frames),
        "service_tasks": sections.service_tasks(inputs, frames),
        "service_departments": sections.service_departments(frames),
        "workforce_plan": sections.workforce_plan(inputs, frames),
        "comparison": sections.comparison(inputs, total_published),
        "unit_differences": sections.unit_differences(inputs, frames),
        "assumption_differences": sections.assumption_differences(inputs),
        "training": sections.training(frames),
        "skills": sections.skills(frames),
        "training_flows": sections.training_flows(frames),
        "access": sections.access(frames),
        "codetermination": sections.codetermination(
            inputs, frames, share=share, min_people=policy.min_people
        ),
        "establishments": sections.establishments(inputs, frames),
    }
    if progress:
        progress("sections", 2, 2)
    return CouncilPack(
        facts=_facts(inputs, summary, policy, share),
        sections={name: built[name].reset_index(drop=True) for name in SECTIONS},
        log=protected.log,
        protected=protected,
    )
