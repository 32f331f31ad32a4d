"""Every aggregate of the works-council pack as disclosure-control tables.

:func:`pack_tables` turns the pack's inputs into the :class:`~workshift.disclosure.Table`
objects and :class:`~workshift.disclosure.Relation` objects of **one**
:func:`~workshift.disclosure.protect` call (docs/design/council.md lists them):

- the **workforce** universe (today's people): the analysis's tables
  (:func:`workshift.pipeline.council_tables`), people per department x occupation group
  (``unit_groups``, the scenario tables' cells) and per service x department (the people
  whose occupations have a task the service covers);
- the **plan** universe (the analysed people the redeployment plan covers): the plan's
  total (with training hours and cost), people placed or not, people per
  department x status (placed or not, with training hours and cost), per occupation group
  x target, per department x skill to learn (``plan_skills``) and skill brought
  (``plan_strengths``), and per access group (part-time, 50 or older, on leave: yes/no)
  x status, where the workforce has the column;
- the **learners** universe (the plan's placed people with skills to learn): people per
  department x occupation group of origin (``plan_learners``, the §97 (2) plan criterion
  per group), tied to the plan by relations (at most the department's placed people, at
  most the group's placed people, at least the people of any one skill to learn).

A row coded over several candidate occupations counts in each candidate (occupation,
occupation group and service are then multi-valued dimensions), as in
:func:`~workshift.pipeline.council_tables`. The roles table carries the occupation group,
so the attacker model knows that an occupation lies in one group.

:func:`result_tables` builds the same tables from an analysis with an optional scenario
coverage and plan: the scenario and reskill reports for employee representatives
(:mod:`workshift.pipeline._audience_results`) protect them as the pack does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from workshift.council._inputs import MANAGEMENT, PackInputs
from workshift.disclosure import Relation, Table

if TYPE_CHECKING:
    from workshift.pipeline import Analysis
    from workshift.reskilling import Redeployment

__all__ = [
    "ACCESS_GROUPS",
    "NOT_PLACED",
    "OLDER_FROM",
    "PackTables",
    "occupation_group",
    "pack_tables",
    "plan_learners",
    "plan_skills",
    "result_tables",
]

OLDER_FROM = 50
"""Age from which a person counts as older staff in the §96 access breakdown."""
NOT_PLACED = "not placed"
"""``plan_flows`` target of the people the plan places nowhere."""
ACCESS_GROUPS = ("part_time", "older", "on_leave")
"""The §96 (1) access groups, each from a workforce column: ``fte`` below the row's
headcount (part-time), ``age`` at least :data:`OLDER_FROM`, ``on_leave``."""


def occupation_group(codes: pd.Series) -> pd.Series:
    """The SOC major group of O*NET-SOC codes.

    >>> occupation_group(pd.Series(["43-4051.00", "11-1011.03"])).tolist()
    ['43-0000', '11-0000']
    """
    return codes.astype(str).str[:2] + "-0000"


@dataclass
class PackTables:
    """The tables and relations of one protect call and the dimensions that are
    multi-valued."""

    tables: list[Table]
    relations: list[Relation]
    multi_valued: list[str]

    def names(self) -> list[str]:
        """The tables' names."""
        return [table.name for table in self.tables]


def _coded(analysis: Analysis) -> pd.DataFrame:
    """``input_row``, department, headcount and each candidate occupation (share > 0)."""
    weighted = analysis.matches.loc[analysis.matches["share"] > 0, ["input_row", "onet_soc_code"]]
    rows = analysis.rows[["input_row", "department", "headcount"]]
    coded = weighted.merge(rows, on="input_row")
    return coded.assign(occupation_group=occupation_group(coded["onet_soc_code"]))


def _count(frame: pd.DataFrame, keys: list[str], row: str = "input_row") -> pd.DataFrame:
    """People per group: each row once per group, its headcount summed."""
    once = frame.drop_duplicates([row, *keys])
    counted = once.groupby(keys)["headcount"].sum().rename("people")
    return counted.reset_index()


def unit_groups(inputs: PackInputs) -> pd.DataFrame:
    """People per department x occupation group (SOC major group)."""
    return _count(_coded(inputs.analysis), ["department", "occupation_group"])


def service_departments(inputs: PackInputs) -> pd.DataFrame:
    """People per service x department: everyone whose occupation (any candidate) has a
    task the service covers in management's scenario."""
    return _service_departments(inputs.analysis, inputs.scenarios[MANAGEMENT].coverage)


def _service_departments(analysis: Analysis, coverage: pd.DataFrame) -> pd.DataFrame:
    touched = coverage[["service_id", "onet_soc_code"]].drop_duplicates()
    frame = _coded(analysis).merge(touched, on="onet_soc_code")
    return _count(frame.rename(columns={"service_id": "service"}), ["service", "department"])


def _roles(table: Table) -> Table:
    """The roles table with its occupation group as a dimension."""
    frame = table.frame.assign(occupation_group=occupation_group(table.frame["onet_soc_code"]))
    return Table(
        table.name, frame, ["occupation_group", "onet_soc_code"], table.people, table.values
    )


def plan_people(inputs: PackInputs) -> pd.DataFrame:
    """The plan's people whose workforce row was analysed (others have no occupation and
    no move), with department, status, origin group, target, training and the access
    columns of their workforce row; one row per person."""
    return _plan_people(inputs.analysis, inputs.plan)


def _plan_people(analysis: Analysis, plan: Redeployment | None) -> pd.DataFrame:
    if plan is None:
        return pd.DataFrame()
    rows = analysis.rows.set_index("input_row")
    people = plan.plan.loc[plan.plan["input_row"].isin(rows.index)].copy()
    people["department"] = people["input_row"].map(rows["department"]).fillna("")
    people["placed"] = people["status"].eq("assigned").map({True: "placed", False: NOT_PLACED})
    people["origin_group"] = occupation_group(people["origin_code"].fillna(""))
    people["target_name"] = people["target"].where(people["placed"] == "placed", NOT_PLACED)
    people["target_name"] = people["target_name"].fillna(NOT_PLACED).astype(str)
    for column in ("training_hours", "training_cost"):
        people[column] = pd.to_numeric(people[column], errors="coerce").fillna(0.0)
    source = analysis.workforce.rows.set_index("input_row")
    for group, flags in _access_flags(source).items():
        people[group] = people["input_row"].map(flags).map({True: "yes", False: "no"})
    people["headcount"] = 1.0
    return people.reset_index(drop=True)


def _access_flags(rows: pd.DataFrame) -> dict[str, pd.Series]:
    """Per workforce row, True/False for each access group whose column the data has."""
    flags: dict[str, pd.Series] = {}
    if "fte" in rows and rows["fte"].notna().any():
        fte = pd.to_numeric(rows["fte"], errors="coerce")
        flags["part_time"] = (fte < rows["headcount"].astype(float)).where(fte.notna(), False)
    if "age" in rows and rows["age"].notna().any():
        flags["older"] = pd.to_numeric(rows["age"], errors="coerce").ge(OLDER_FROM)
    if "on_leave" in rows and rows["on_leave"].notna().any():
        flags["on_leave"] = rows["on_leave"].fillna(False).astype(bool)
    return flags


def plan_skills(people: pd.DataFrame, column: str = "gap_skills") -> pd.DataFrame:
    """``department``, ``skill``, ``input_row``, ``headcount``: one row per placed person
    and skill of ``column`` (``; ``-separated): ``gap_skills``, what their move teaches;
    ``strengths``, what they bring that the new work uses."""
    placed = people.loc[people["placed"] == "placed", ["input_row", "department", column]]
    skills = placed[column].fillna("").astype(str).str.split(";")
    frame = placed.assign(skill=skills).explode("skill")
    frame["skill"] = frame["skill"].str.strip()
    frame = frame.loc[frame["skill"] != ""]
    return frame.assign(headcount=1.0)[["department", "skill", "input_row", "headcount"]]


def plan_learners(people: pd.DataFrame) -> pd.DataFrame:
    """People per department x ``origin_group`` among the placed whose move teaches at
    least one skill (``gap_skills`` not empty): the people of a group the plan trains.

    >>> people = pd.DataFrame({"input_row": [0, 1, 2], "department": "A",
    ...                        "origin_group": ["43-0000", "43-0000", "13-0000"],
    ...                        "placed": ["placed", "placed", "not placed"],
    ...                        "gap_skills": ["Writing", "", "Writing"], "headcount": 1.0})
    >>> plan_learners(people)
      department origin_group  people
    0          A      43-0000     1.0
    """
    gap = people.get("gap_skills", pd.Series("", index=people.index)).fillna("").astype(str)
    learning = (people["placed"] == "placed") & gap.str.replace(";", "").str.strip().ne("")
    return _count(people.loc[learning], ["department", "origin_group"])


def _plan_tables(people: pd.DataFrame) -> list[Table]:
    status = people.groupby(["department", "placed"], as_index=False).agg(
        people=("headcount", "sum"),
        training_hours=("training_hours", "sum"),
        training_cost=("training_cost", "sum"),
    )
    flows = _count(people, ["origin_group", "target_name"])
    total = pd.DataFrame(
        {
            "people": [people["headcount"].sum()],
            "training_hours": [people["training_hours"].sum()],
            "training_cost": [people["training_cost"].sum()],
        }
    )
    placed = people.groupby("placed", as_index=False).agg(people=("headcount", "sum"))
    tables = [
        Table("plan_total", total, [], "people", ["training_hours", "training_cost"],
              universe="plan"),
        Table("plan_placed", placed, ["placed"], universe="plan"),
        Table("plan_status", status, ["department", "placed"], "people",
              ["training_hours", "training_cost"], universe="plan"),
        Table("plan_flows", flows, ["origin_group", "target_name"], universe="plan"),
    ]  # fmt: skip
    # Different dimensions: the same skill learnt and brought are different groups.
    for name, column, dim in (
        ("plan_skills", "gap_skills", "skill"), ("plan_strengths", "strengths", "strength"),
    ):  # fmt: skip
        skills = plan_skills(people, column) if column in people else pd.DataFrame()
        if len(skills):
            counted = _count(skills, ["department", "skill"]).rename(columns={"skill": dim})
            tables.append(Table(name, counted, ["department", dim], universe="plan"))
    learners = plan_learners(people)
    if len(learners):
        tables.append(
            Table("plan_learners", learners, ["department", "origin_group"],
                  universe="plan_learners")
        )  # fmt: skip
    for group in ACCESS_GROUPS:
        if group in people:
            counted = people.groupby([group, "placed"], as_index=False).agg(
                people=("headcount", "sum"), training_hours=("training_hours", "sum")
            )
            tables.append(
                Table(f"plan_{group}", counted, [group, "placed"], "people",
                      ["training_hours"], universe="plan")
            )  # fmt: skip
    return tables


def _plan_relations(people: pd.DataFrame, departments: Iterable[str]) -> list[Relation]:
    """A department's planned people are at most its people today; the learners of a
    department (of an origin group) are at most its placed people, and at least the
    people of any one skill it learns."""
    statuses = people.groupby("department")["placed"].unique()
    known = set(departments)
    relations = [
        Relation(
            [*(("plan_status", (d, s), 1.0) for s in sorted(values)), ("departments", (d,), -1.0)],
            "<=",
        )
        for d, values in statuses.items()
        if d in known
    ]
    learners = plan_learners(people)
    if not len(learners):
        return relations
    cells = {d: [("plan_learners", (d, g), 1.0) for g in sorted(part["origin_group"])]
             for d, part in learners.groupby("department")}  # fmt: skip
    for d, terms in cells.items():
        relations.append(Relation([*terms, ("plan_status", (d, "placed"), -1.0)], "<="))
    flows = _count(people, ["origin_group", "target_name"])
    flows = flows.loc[flows["target_name"] != NOT_PLACED]
    for g, part in learners.groupby("origin_group"):
        moved = flows.loc[flows["origin_group"] == g, "target_name"]
        relations.append(
            Relation(
                [*(("plan_learners", (d, g), 1.0) for d in sorted(part["department"])),
                 *(("plan_flows", (g, t), -1.0) for t in sorted(moved))],
                "<=",
            )
        )  # fmt: skip
    if "gap_skills" in people:
        learnt = _count(plan_skills(people), ["department", "skill"])
        for d, skill in learnt[["department", "skill"]].itertuples(index=False):
            relations.append(
                Relation([("plan_skills", (d, skill), 1.0),
                          *(("plan_learners", key, -1.0) for key in
                            (t[1] for t in cells.get(d, [])))], "<=")
            )  # fmt: skip
    return relations


def pack_tables(inputs: PackInputs) -> PackTables:
    """Every table of the pack (see the module docstring)."""
    return result_tables(
        inputs.analysis, coverage=inputs.scenarios[MANAGEMENT].coverage, plan=inputs.plan
    )


def result_tables(
    analysis: Analysis,
    *,
    coverage: pd.DataFrame | None = None,
    plan: Redeployment | None = None,
) -> PackTables:
    """The tables of one protect call over an analysis, a scenario's task ``coverage``
    (people per service x department) and a redeployment ``plan`` of the same analysis
    (its tables: the plan's total and people placed or not, per department x status,
    per origin group x target, per skill and access group); the pack, and the scenario
    and reskill reports for employee representatives, all protect these."""
    from workshift.pipeline import council_tables

    base, multi = council_tables(analysis)
    tables = [_roles(t) if t.name == "roles" else t for t in base]
    groups = _count(_coded(analysis), ["department", "occupation_group"])
    tables.append(Table("unit_groups", groups, ["department", "occupation_group"]))
    if coverage is not None:
        served = _service_departments(analysis, coverage)
        tables.append(Table("service_departments", served, ["service", "department"]))
        multi = [*multi, "service"]
    if "onet_soc_code" in multi:
        multi.append("occupation_group")
    relations: list[Relation] = []
    people = _plan_people(analysis, plan)
    if len(people):
        tables.extend(_plan_tables(people))
        multi.extend(["skill", "strength"])
        departments = analysis.departments["department"].astype(str)
        relations = _plan_relations(people, departments)
    return PackTables(tables, relations, multi)
