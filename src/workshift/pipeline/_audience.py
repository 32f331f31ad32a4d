"""Who an analysis is for: HR (every detail) or employee representatives (disclosure
controlled).

:func:`for_council` turns an :class:`~workshift.pipeline.Analysis` into the analysis a
works council may receive: every aggregate (the total, departments, locations, roles,
department x task group) goes through one :func:`workshift.disclosure.protect` call, so
the relations between the tables are part of what is protected; groups below the minimum
size, and the cells that would let someone recompute them, are hidden. Person-level
frames (rows, matches, titles) are left out, rows not analysed keep only their reason,
and the summary names no file. A department or location value that looks like a
person's name is counted in the summary (never shown there).

The minimum group size counts **people** (the workforce's headcount), never FTE.

Examples
--------
``tests/test_audience.py`` runs it on small workforces; from a real analysis::

    from workshift.disclosure import DisclosurePolicy
    from workshift.pipeline import analyze, for_council, write_analysis

    council = for_council(analyze("staff.csv"), DisclosurePolicy(min_people=5))
    write_analysis(council, "out/council")
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Literal

import pandas as pd

from workshift.disclosure import (
    DisclosurePolicy,
    Protected,
    Relation,
    Table,
    name_like_values,
    protect,
)
from workshift.exceptions import SolverError
from workshift.pipeline._analyze import Analysis

__all__ = [
    "AUDIENCES",
    "Audience",
    "council_summary",
    "council_tables",
    "disclosure_facts",
    "for_council",
    "protect_for_council",
    "withhold_names",
]

Audience = Literal["hr", "council"]
AUDIENCES: tuple[Audience, ...] = ("hr", "council")

_PERSON_LEVEL = ("matches", "rows", "titles")
"""Frames with one row per person or per job title: HR only."""


def _people_in(rows: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """``input_row``, ``onet_soc_code`` and the row's people for every occupation a row
    is coded to with a weight (a row unsure of its title counts in each candidate)."""
    weighted = matches.loc[matches["share"] > 0, ["input_row", "onet_soc_code"]]
    return weighted.merge(rows[["input_row", "department", "headcount"]], on="input_row")


def _department_task_group_people(
    rows: pd.DataFrame, matches: pd.DataFrame, tasks: pd.DataFrame
) -> pd.Series:
    """People per (department, task group): everyone in the department whose occupation
    (any candidate) has tasks in the group. A person counts in several groups."""
    coded = _people_in(rows, matches)
    groups = tasks.loc[tasks["weight"] > 0, ["onet_soc_code", "task_group"]].drop_duplicates()
    per_row = coded.merge(groups, on="onet_soc_code")
    per_row = per_row.drop_duplicates(["input_row", "task_group"])
    return per_row.groupby(["department", "task_group"])["headcount"].sum()


def council_tables(analysis: Analysis) -> tuple[list[Table], list[str]]:
    """The aggregates of ``analysis`` as disclosure-control tables (people = headcount),
    and the dimensions on which one person can have several values."""
    rows, matches = analysis.rows, analysis.matches
    people = float(rows["headcount"].sum())
    roles_people = _people_in(rows, matches).groupby("onet_soc_code")["headcount"].sum()
    roles = analysis.roles.assign(
        people=analysis.roles["onet_soc_code"].map(roles_people).fillna(0.0)
    )
    groups = analysis.department_task_groups
    in_groups = _department_task_group_people(rows, matches, analysis.tasks)
    key = pd.MultiIndex.from_frame(groups[["department", "task_group"]])
    groups = groups.assign(people=in_groups.reindex(key).fillna(0.0).to_numpy())
    departments, locations = analysis.departments, analysis.locations

    def values(frame: pd.DataFrame, *skip: str) -> list[str]:
        return [
            str(c)
            for c in frame.columns
            if c not in skip and pd.api.types.is_numeric_dtype(frame[c])
        ]

    tables = [
        Table("total", pd.DataFrame({"people": [people]})),
        Table("departments", departments, ["department"], "headcount",
              values(departments, "headcount")),
        Table("locations", locations, ["location"], "headcount", values(locations, "headcount")),
        Table("roles", roles, ["onet_soc_code"], "people", values(roles, "people")),
        Table("department_task_groups", groups, ["department", "task_group"], "people",
              values(groups, "people")),
    ]  # fmt: skip
    multi = ["task_group"]
    if (matches.loc[matches["share"] > 0, "share"] < 1).any():
        multi.append("onet_soc_code")  # rows unsure of their title count in each candidate
    return tables, multi


def council_summary(
    analysis: Analysis, protected: Protected, policy: DisclosurePolicy, names: dict[str, int]
) -> dict[str, Any]:
    """The analysis summary for employee representatives: no file names, no counts by
    coding method, no figure the total could be read from when the total is withheld,
    and what disclosure control did (``disclosure``: counts, never values)."""
    summary = dict(analysis.summary)
    summary["source_file"] = "(file name withheld)"
    if summary.get("task_file"):
        summary["task_file"] = "(file name withheld)"
    total_hidden = bool(protected.frames["total"]["suppressed"].any())
    if total_hidden:  # the pattern needs the total hidden: no figure may reveal it
        for key in _TOTALS:
            summary[key] = None
    # Rows by coding method can be groups of one ("1 row by override"): not for the council.
    summary["decided_by"] = None
    summary["audience"] = "council"
    summary["disclosure"] = disclosure_facts(protected, policy, names)
    return summary


def disclosure_facts(
    protected: Protected, policy: DisclosurePolicy, names: dict[str, int]
) -> dict[str, Any]:
    """What disclosure control did, for a summary's ``disclosure``: counts per table, the
    audit, the minimum group size, whether the total is withheld and how many department
    or location values were withheld as looking like names (counts, never values)."""
    return {
        **protected.summary(),
        "min_people": policy.min_people,
        "total_withheld": bool(protected.frames["total"]["suppressed"].any()),
        "values_that_look_like_names": names,
    }


_TOTALS = (
    "headcount",
    "fte",
    "headcount_input",
    "headcount_unscored",
    "input_rows",
    "analysed_rows",
    "unmatched_rows",
    "unscored_rows",
    "decided_by",
)
"""Summary figures from which the total people can be read (counts of people or rows)."""

_FIXED_TOTAL_SECONDS = 20.0


def protect_for_council(
    tables: Sequence[Table],
    policy: DisclosurePolicy,
    multi: Sequence[str],
    relations: Sequence[Relation] = (),
) -> Protected:
    """One disclosure-control pass over every table of a run (a ``total`` table among
    them). The total is kept published where a proven pattern allows it within a short
    time (a summary states it); otherwise the total may be hidden too, and
    :func:`council_summary` then withholds every figure it could be read from."""
    keep = replace(policy, time_limit=min(policy.time_limit, _FIXED_TOTAL_SECONDS))
    try:
        return protect(tables, keep, multi_valued=multi, relations=relations, published=["total"])
    except SolverError:
        return protect(tables, policy, multi_valued=multi, relations=relations)


def withhold_names(analysis: Analysis) -> tuple[Analysis, dict[str, dict[str, str]]]:
    """``analysis`` with every department or location value that looks like a person's
    name replaced by a neutral label ("department 1 (name withheld)"), the same in every
    frame, and the replacements per column (``{"department": {old: new}, "location":
    {...}}``), to apply to other frames of the same workforce (a scenario's groups)."""
    frames = {
        name: getattr(analysis, name)
        for name in ("rows", "departments", "locations", "department_task_groups")
    }
    mappings: dict[str, dict[str, str]] = {}
    for column, source in (("department", "departments"), ("location", "locations")):
        values = frames[source][column]
        flagged = sorted(set(values[name_like_values(values.astype(str))].astype(str)))
        mapping = {v: f"{column} {i} (name withheld)" for i, v in enumerate(flagged, start=1)}
        mappings[column] = mapping
        if not flagged:
            continue
        for name, frame in frames.items():
            if column in frame:
                renamed = frame[column].map(lambda v, m=mapping: m.get(str(v), v))
                frames[name] = frame.assign(**{column: renamed})
    return replace(analysis, **frames), mappings


def for_council(analysis: Analysis, policy: DisclosurePolicy | None = None) -> Analysis:
    """``analysis`` as employee representatives may receive it (see the module docstring).

    Raises
    ------
    ReportDataError
        The analysis's tables do not add up as they must (a wiring error).
    SolverError
        No suppression pattern could be proven safe.
    """
    policy = policy or DisclosurePolicy()
    analysis, mappings = withhold_names(analysis)
    names = {column: len(mapping) for column, mapping in mappings.items()}
    tables, multi = council_tables(analysis)
    protected = protect_for_council(tables, policy, multi)
    frames = protected.frames
    roles = frames["roles"].drop(columns="people")
    published_roles = set(roles.loc[~roles["suppressed"], "onet_soc_code"])
    tasks = analysis.tasks.loc[analysis.tasks["onet_soc_code"].isin(published_roles)]
    # Rows not analysed keep their reason only: no title (free text), no row or line.
    unmatched = pd.DataFrame(
        {
            "input_row": pd.Series(pd.NA, index=analysis.unmatched.index, dtype="Int64"),
            "line": pd.Series(pd.NA, index=analysis.unmatched.index, dtype="Int64"),
            "job_title": "",
            "reason": analysis.unmatched["reason"],
        }
    )
    empty = {name: getattr(analysis, name).iloc[0:0] for name in _PERSON_LEVEL}
    return replace(
        analysis,
        summary=council_summary(analysis, protected, policy, names),
        roles=roles.reset_index(drop=True),
        tasks=tasks.reset_index(drop=True),
        departments=frames["departments"],
        locations=frames["locations"],
        department_task_groups=frames["department_task_groups"].drop(columns="people"),
        unmatched=unmatched.reset_index(drop=True),
        suppression_log=protected.log,
        **empty,
    )
