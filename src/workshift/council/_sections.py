"""The sections of the works-council pack, one function per legal section (BetrVG).

Each function takes the pack's inputs (HR-side objects, names already withheld) and the
frames of the one :func:`~workshift.disclosure.protect` call, and returns plain frames the
report renders. A figure about people comes from a protected frame and is missing where
its cell is suppressed; a projected figure about a group is shown only where the group's
people are published. Reference data (O*NET task statements, the portfolio) is shown as
it is. Column names are English; the report translates them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from workshift.council._inputs import COUNCIL, MANAGEMENT, PackInputs
from workshift.council._tables import ACCESS_GROUPS, NOT_PLACED, occupation_group
from workshift.council._thresholds import reduction_threshold

if TYPE_CHECKING:
    from workshift.scenarios import Projection

__all__ = [
    "SKILL_CHANGE_SHARE",
    "TOP_TASKS",
    "access",
    "assumption_differences",
    "codetermination",
    "comparison",
    "covered_sites",
    "establishments",
    "service_departments",
    "service_tasks",
    "services",
    "site_countries",
    "skills",
    "training",
    "training_flows",
    "unit_differences",
    "workforce_plan",
]

SKILL_CHANGE_SHARE = 0.10
"""§97 (2) flag: the share of a group's (or one of its occupations') working time (FTE)
the services take over by the final year (P50) from which its work counts as changed so
that current skills may no longer suffice. An assumption of this pack, stated in it, not
a legal limit; the default of ``build_pack(skill_change_share=...)`` and of
``workshift council --skill-change-share``, so that a works agreement can set another."""
TOP_TASKS = 5
"""Covered tasks listed per service (§90) and per flagged group (§97)."""

Frames = Mapping[str, pd.DataFrame]


def _published(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.loc[~frame["suppressed"].astype(bool)]


def _published_roles(frames: Frames) -> set[str]:
    return set(_published(frames["roles"])["onet_soc_code"].astype(str))


def _band(frame: pd.DataFrame, prefix: str = "") -> dict[str, float]:
    row = frame.iloc[0]
    return {f"{prefix}{q}": float(row[q]) for q in ("p10", "p50", "p90")}


def _year_label(launch: float) -> str:
    """A launch as a year and month: ``2026.5`` -> ``2026-07``."""
    year = math.floor(launch)
    month = min(12, 1 + round((launch - year) * 12))
    return f"{year:04d}-{month:02d}"


def _covered_tasks(inputs: PackInputs, frames: Frames) -> pd.DataFrame:
    """Management's covered tasks of occupations whose people are published: service,
    occupation code and name, task statement, its share of the task counted for the
    service, and the task's weight in its occupation (O*NET importance)."""
    coverage = inputs.scenarios[MANAGEMENT].coverage
    shown = coverage.loc[coverage["onet_soc_code"].astype(str).isin(_published_roles(frames))]
    weights = inputs.analysis.tasks[["onet_soc_code", "task", "weight"]].drop_duplicates(
        ["onet_soc_code", "task"]
    )
    frame = shown.merge(weights, on=["onet_soc_code", "task"], how="left")
    frame["weight"] = frame["weight"].fillna(1.0)
    return frame[["service_id", "onet_soc_code", "occupation", "task", "share", "weight"]]


def services(inputs: PackInputs, frames: Frames) -> pd.DataFrame:
    """§90 (1) no. 3: each planned service, its timing, what it covers and its effect.

    ``launch`` is year-month; ``adoption_*`` the long-run share of the covered work done
    with it (low, mode, high); ``tasks`` and ``occupations`` count what it covers
    (reference data); ``departments`` the departments with people it touches (published
    cells only); ``fte_*`` the work it takes over in the final year (FTE, P10-P90 of
    management's scenario)."""
    projection = inputs.scenarios[MANAGEMENT]
    q = projection.projection
    final = int(q["year"].max())
    coverage = projection.coverage
    touched = _published(frames["service_departments"])
    rows = []
    for service in inputs.portfolio.services:
        work = q.loc[
            (q["group_by"] == "service")
            & (q["group"] == service.id)
            & (q["metric"] == "fte_equivalent")
            & (q["year"] == final)
        ]
        covered = coverage.loc[coverage["service_id"] == service.id]
        ceiling = service.adoption.ceiling
        rows.append(
            {
                "service": service.id,
                "name": service.name,
                "mode": service.mode,
                "business_area": service.business_area,
                "launch": _year_label(service.launch),
                "adoption_low": ceiling.low,
                "adoption_mode": ceiling.mode,
                "adoption_high": ceiling.high,
                "tasks": int(covered["task"].nunique()),
                "occupations": int(covered["onet_soc_code"].nunique()),
                "departments": int((touched["service"] == service.id).sum()),
                **(
                    {f"fte_{k}": v for k, v in _band(work).items()}
                    if len(work)
                    else {"fte_p10": np.nan, "fte_p50": np.nan, "fte_p90": np.nan}
                ),
            }
        )
    return pd.DataFrame(rows)


def service_tasks(inputs: PackInputs, frames: Frames, top: int = TOP_TASKS) -> pd.DataFrame:
    """§90: per service the covered tasks that weigh most (share x weight), with their
    occupation; tasks of occupations whose people are not published are not listed."""
    tasks = _covered_tasks(inputs, frames)
    tasks = tasks.assign(score=tasks["share"] * tasks["weight"])
    tasks = tasks.sort_values(["service_id", "score", "task"], ascending=[True, False, True])
    tasks = tasks.drop_duplicates(["service_id", "task"]).groupby("service_id").head(top)
    return tasks.rename(columns={"service_id": "service"})[
        ["service", "occupation", "onet_soc_code", "task"]
    ].reset_index(drop=True)


def service_departments(frames: Frames) -> pd.DataFrame:
    """§90: people per service x department (protected; missing where suppressed)."""
    frame = frames["service_departments"]
    return frame[["service", "department", "people", "suppressed"]].reset_index(drop=True)


def _unit_mask(frames: Frames) -> pd.DataFrame:
    units = frames["unit_groups"][["department", "occupation_group", "people", "suppressed"]]
    return units.rename(columns={"people": "people_today"})


def _fte_today(inputs: PackInputs) -> pd.DataFrame:
    """Today's FTE per department x occupation group, as the projection starts from it
    (a row whose title has several candidate occupations counts in each by its weight)."""
    cells = inputs.scenarios[MANAGEMENT].cells
    cells = cells.loc[cells["kind"] == "today"]
    return (
        cells.assign(occupation_group=cells["onet_soc_code"].astype(str).str[:2] + "-0000")
        .groupby(["department", "occupation_group"])["headcount"]
        .sum()
        .rename("fte_today")
        .reset_index()
    )


def workforce_plan(inputs: PackInputs, frames: Frames) -> pd.DataFrame:
    """§92: per scenario, year, department and occupation group the projected workforce
    (FTE, P10/P50/P90) beside today's people and FTE; missing where the group is
    suppressed. ``people_today`` counts everyone who may hold an occupation of the group
    (a row with candidates in two groups counts in both); ``fte_today`` weights them by
    the candidates' shares, as the projection does."""
    units = _unit_mask(frames).merge(
        _fte_today(inputs), on=["department", "occupation_group"], how="left"
    )
    parts = []
    for name, projection in inputs.scenarios.items():
        frame = projection.unit_groups
        frame = frame.loc[frame["metric"] == "headcount"].drop(columns=["metric", "mean"])
        parts.append(frame.assign(scenario=name))
    plan = pd.concat(parts, ignore_index=True).merge(
        units, on=["department", "occupation_group"], how="inner"
    )
    hidden = plan["suppressed"].astype(bool)
    for column in ("fte_today", "p10", "p50", "p90"):
        plan[column] = plan[column].astype(float).where(~hidden)
    columns = ["scenario", "year", "department", "occupation_group", "people_today",
               "fte_today", "p10", "p50", "p90", "suppressed"]  # fmt: skip
    return plan[columns].sort_values(["scenario", "department", "occupation_group", "year"])


_COMPARED = (
    ("headcount_projected", "headcount_projected"),
    ("ai_effect_final_year", "ai_effect_final_year"),
    ("fte_equivalent_final_year", "fte_equivalent_final_year"),
    ("surplus_headcount_final_year", "surplus_headcount_final_year"),
    ("new_roles_fte_final_year", "new_roles_fte_final_year"),
    ("cumulative.net_benefit", "net_benefit"),
    ("cumulative.ai_cost", "ai_cost"),
    ("cumulative.co2_kg", "co2_kg"),
)
"""§92a headline figures: summary key (``a.b`` for nested) and the figure's name."""


def _summary_band(summary: Mapping[str, Any], key: str) -> dict[str, float] | None:
    value: Any = summary
    for part in key.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    if not isinstance(value, Mapping):
        return None
    return {q: float(value[q]) for q in ("p10", "p50", "p90")}


def comparison(inputs: PackInputs, total_published: bool) -> pd.DataFrame:
    """§92a: the organisation's headline figures under management's and the council's
    scenario, the difference of the medians (council less management) and whether the
    P10-P90 ranges overlap. Empty without a council scenario; missing figures when the
    organisation's total is withheld (they would reveal it)."""
    if COUNCIL not in inputs.scenarios:
        return pd.DataFrame()
    rows = []
    for key, figure in _COMPARED:
        a = _summary_band(inputs.scenarios[MANAGEMENT].summary, key)
        b = _summary_band(inputs.scenarios[COUNCIL].summary, key)
        if a is None or b is None or not total_published:
            continue
        rows.append(
            {
                "figure": figure,
                **{f"management_{q}": v for q, v in a.items()},
                **{f"council_{q}": v for q, v in b.items()},
                "difference_p50": b["p50"] - a["p50"],
                "ranges_overlap": a["p10"] <= b["p90"] and b["p10"] <= a["p90"],
            }
        )
    return pd.DataFrame(rows)


def unit_differences(inputs: PackInputs, frames: Frames) -> pd.DataFrame:
    """§92a: per department x occupation group the final year's workforce (FTE, P50) of
    both scenarios and the difference, largest first; missing where suppressed."""
    columns = ["department", "occupation_group", "people_today", "fte_today", MANAGEMENT,
               COUNCIL, "difference", "suppressed"]  # fmt: skip
    if COUNCIL not in inputs.scenarios:  # management's scenario only: nothing to compare
        return pd.DataFrame(columns=columns)
    plan = workforce_plan(inputs, frames)
    final = plan.loc[plan["year"] == plan["year"].max()]
    wide = final.pivot_table(
        index=["department", "occupation_group"], columns="scenario", values="p50",
        dropna=False,
    ).reset_index()  # fmt: skip
    today = final.loc[final["scenario"] == MANAGEMENT, ["department", "occupation_group",
                                                          "fte_today"]]  # fmt: skip
    units = _unit_mask(frames).merge(today, on=["department", "occupation_group"], how="left")
    wide = units.merge(wide, on=["department", "occupation_group"], how="left")
    wide["difference"] = wide[COUNCIL] - wide[MANAGEMENT]
    order = wide["difference"].abs().fillna(-1.0)
    wide = wide.assign(_order=order).sort_values(
        ["_order", "department", "occupation_group"], ascending=[False, True, True]
    )
    return wide[columns].reset_index(drop=True)


def _assumption_text(row: pd.Series, side: str) -> str:
    values = [row.get(f"{k}_{side}") for k in ("low", "mode", "high")]
    texts = ["" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
             for v in values]  # fmt: skip
    low, mode, high = texts
    if low == high == "" or low == mode == high:
        return mode
    return f"{low} / {mode} / {high}"


def assumption_differences(inputs: PackInputs) -> pd.DataFrame:
    """§92a: every assumption (parameter, scope) on which the two scenario files
    differ, with each side's value (low / mode / high, or the single value)."""
    if COUNCIL not in inputs.scenarios:
        return pd.DataFrame()
    keys = ["parameter", "scope"]
    columns = [*keys, "low", "mode", "high", "unit", "description"]
    a = inputs.scenarios[MANAGEMENT].assumptions[columns]
    b = inputs.scenarios[COUNCIL].assumptions[columns]
    both = a.merge(b, on=keys, how="outer", suffixes=("_m", "_c"))
    rows = []
    for _, row in both.iterrows():
        management, council = _assumption_text(row, "m"), _assumption_text(row, "c")
        if management != council:
            unit = row["unit_m"] if isinstance(row["unit_m"], str) else row["unit_c"]
            text = (
                row["description_m"]
                if isinstance(row["description_m"], str)
                else (row["description_c"])
            )
            rows.append(
                {"parameter": row["parameter"], "scope": row["scope"],
                 "description": text if isinstance(text, str) else "",
                 "unit": unit if isinstance(unit, str) else "",
                 MANAGEMENT: management, COUNCIL: council}
            )  # fmt: skip
    return pd.DataFrame(
        rows, columns=["parameter", "scope", "description", "unit", MANAGEMENT, COUNCIL]
    )


def training(frames: Frames) -> pd.DataFrame:
    """§96 (1): per department the people the plan covers, placed and not placed, and
    the training hours and cost of the placed (protected; a department's total only
    where both its cells are published)."""
    if "plan_status" not in frames:
        return pd.DataFrame()
    status = frames["plan_status"]
    out = []
    for department, part in status.groupby("department", sort=True):
        cells = {str(r["placed"]): r for r in part.to_dict("records")}

        def figure(placed: str, column: str, cells: dict[str, Any] = cells) -> float:
            cell = cells.get(placed)
            if cell is None:
                return 0.0
            return np.nan if bool(cell["suppressed"]) else float(cell[column])

        a, b = figure("placed", "people"), figure(NOT_PLACED, "people")
        out.append(
            {"department": department, "people": a + b, "placed": a, "not_placed": b,
             "training_hours": figure("placed", "training_hours"),
             "training_cost": figure("placed", "training_cost")}
        )  # fmt: skip
    return pd.DataFrame(out)


def skills(frames: Frames) -> pd.DataFrame:
    """§96 (1): per department the skills the plan's moves use that people bring
    (``kind`` today) and the skills they must learn (the gap), people per skill;
    published cells only, most people first."""
    parts = []
    for name, dim, kind in (("plan_strengths", "strength", "today"),
                            ("plan_skills", "skill", "gap")):  # fmt: skip
        if name in frames:
            frame = _published(frames[name]).rename(columns={dim: "skill"})
            parts.append(frame.assign(kind=kind)[["department", "kind", "skill", "people"]])
    if not parts:
        return pd.DataFrame(columns=["department", "kind", "skill", "people"])
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.loc[frame["people"] > 0]
    return frame.sort_values(
        ["department", "kind", "people", "skill"], ascending=[True, False, False, True]
    ).reset_index(drop=True)


def training_flows(frames: Frames) -> pd.DataFrame:
    """§96: people per occupation group of origin x target role (protected)."""
    if "plan_flows" not in frames:
        return pd.DataFrame()
    frame = frames["plan_flows"].rename(columns={"target_name": "target"})
    return (
        frame[["origin_group", "target", "people", "suppressed"]]
        .sort_values(["origin_group", "target"])
        .reset_index(drop=True)
    )


def access(frames: Frames) -> pd.DataFrame:
    """§96 (1): for part-time, older and on-leave staff (and the others) the people in
    the plan, how many of them the plan places with training and their training hours
    per person; one row per group and value, only for the columns the data has."""
    rows = []
    for group in ACCESS_GROUPS:
        name = f"plan_{group}"
        if name not in frames:
            continue
        frame = frames[name]
        for value in ("yes", "no"):
            part = frame.loc[frame[group] == value].set_index("placed")
            if part.empty:
                continue
            hidden = bool(part["suppressed"].any())
            placed = part["people"].get("placed", 0.0)
            total = part["people"].sum()
            hours = part["training_hours"].get("placed", 0.0)
            rows.append(
                {"group": group, "value": value,
                 "people": np.nan if hidden else float(total),
                 "placed": np.nan if hidden else float(placed),
                 "placed_share": np.nan if hidden or not total else float(placed / total),
                 "hours_per_placed": np.nan if hidden or not placed else float(hours / placed)}
            )  # fmt: skip
    return pd.DataFrame(
        rows, columns=["group", "value", "people", "placed", "placed_share", "hours_per_placed"]
    )


def _occupation_shares(inputs: PackInputs) -> pd.DataFrame:
    """``onet_soc_code`` and ``occupation_share``: the work the services take over in the
    final year (FTE, P50 of management's scenario) over the occupation's FTE today.

    The projection frees an occupation's work in proportion to its FTE, with the same
    exposure and adoption in every department (per draw, each cell's freed FTE is its
    FTE today times a factor of its occupation), so the organisation-wide share of an
    occupation (the ``role`` groups of the projection) is its share in each department."""
    projection = inputs.scenarios[MANAGEMENT]
    cells = projection.cells
    cells = cells.loc[cells["kind"] == "today", ["onet_soc_code", "role", "headcount"]]
    today = cells.groupby("role")["headcount"].sum()
    q = projection.projection
    final = q.loc[
        (q["group_by"] == "role") & (q["metric"] == "fte_equivalent")
        & (q["year"] == q["year"].max())
    ].set_index("group")["p50"]  # fmt: skip
    roles = cells[["onet_soc_code", "role"]].drop_duplicates("onet_soc_code")
    fte = roles["role"].map(today)
    share = (roles["role"].map(final).astype(float) / fte).where(fte > 0)
    return pd.DataFrame(
        {"onet_soc_code": roles["onet_soc_code"].astype(str), "occupation_share": share}
    ).dropna()


def _learners(frames: Frames) -> pd.Series:
    """People per (department, origin group) the plan trains (``plan_learners``): NaN
    where the cell is withheld; a group the table does not list has none."""
    if "plan_learners" not in frames:
        return pd.Series(dtype=float)
    frame = frames["plan_learners"]
    people = frame["people"].astype(float).where(~frame["suppressed"].astype(bool))
    return pd.Series(
        people.to_numpy(),
        index=pd.MultiIndex.from_frame(
            frame[["department", "origin_group"]].rename(
                columns={"origin_group": "occupation_group"}
            )
        ),
    )


def codetermination(
    inputs: PackInputs,
    frames: Frames,
    top: int = 3,
    *,
    share: float = SKILL_CHANGE_SHARE,
    min_people: int = 5,
) -> pd.DataFrame:
    """§97 (2): per department x occupation group whether the planned services change
    the work so that current skills may no longer suffice, and why.

    Four criteria, each its own column; ``flag`` is True where any holds:

    - ``because_work``: ``share_taken_over``, the work the services take over in the
      final year (FTE, P50 of management's scenario) over the group's FTE today,
      reaches ``share`` (:data:`SKILL_CHANGE_SHARE` unless the pack sets another);
    - ``because_occupation``: a published occupation of the group with people in the
      department reaches ``share`` (``occupation_share``, the largest such share,
      ``occupation_code`` and ``occupation``, its O*NET-SOC code and title), so that
      the group's average does not dilute the occupation the services target. An
      occupation's share is the same in every department (see
      :func:`_occupation_shares`); its presence in the department is the test that
      lists its tasks;
    - ``because_plan``: the redeployment plan trains people whose occupation group of
      origin is this group in this department (``plan_people``, people, from the
      protected ``plan_learners``; missing where that cell is withheld, which counts as
      no);
    - ``because_tasks``: a planned service covers tasks of the group's published
      occupations (``tasks`` not empty): a change in kind of the work, which §97 (2)
      does not measure by a quantity.

    ``tasks`` names the covered tasks that weigh most in the group's published
    occupations, ``skills`` the skills the plan teaches in the department most often
    (published cells of ``plan_skills``; a department's, shown for groups the plan
    trains). Missing (no flag) where the group's people are suppressed."""
    projection = inputs.scenarios[MANAGEMENT]
    frame = projection.unit_groups
    final = frame.loc[
        (frame["metric"] == "fte_equivalent") & (frame["year"] == frame["year"].max())
    ][["department", "occupation_group", "p50"]]
    units = _unit_mask(frames).merge(
        _fte_today(inputs), on=["department", "occupation_group"], how="left"
    )
    units = units.merge(final, on=["department", "occupation_group"], how="left")
    taken = (units["p50"] / units["fte_today"]).where(units["fte_today"] > 0)
    hidden = units["suppressed"].astype(bool)
    units["share_taken_over"] = taken.where(~hidden)
    learnt = skills(frames)
    learnt = learnt.loc[learnt["kind"] == "gap"]
    gap_skills = learnt.groupby("department")["skill"].apply(lambda s: "; ".join(s.head(top)))
    roles = _published(frames["roles"])[["onet_soc_code"]].astype(str)
    present = _coded_departments(inputs, roles["onet_soc_code"], min_people)
    present = present.assign(occupation_group=occupation_group(present["onet_soc_code"]))
    tasks = _covered_tasks(inputs, frames)
    tasks = tasks.assign(
        occupation_group=occupation_group(tasks["onet_soc_code"]),
        score=tasks["share"] * tasks["weight"],
    )
    tasks = tasks.merge(present[["onet_soc_code", "department"]], on="onet_soc_code")
    tasks = tasks.sort_values("score", ascending=False).drop_duplicates(
        ["department", "occupation_group", "task"]
    )
    top_tasks = tasks.groupby(["department", "occupation_group"])["task"].apply(
        lambda s: "; ".join(s.head(top))
    )
    occupations = present.merge(_occupation_shares(inputs), on="onet_soc_code")
    occupations = occupations.sort_values(
        ["occupation_share", "onet_soc_code"], ascending=[False, True]
    ).drop_duplicates(["department", "occupation_group"])
    key = pd.MultiIndex.from_frame(units[["department", "occupation_group"]])
    best = occupations.set_index(["department", "occupation_group"]).reindex(key)
    units["occupation_share"] = best["occupation_share"].to_numpy()
    units["occupation_code"] = best["onet_soc_code"].astype(object).fillna("").to_numpy()
    names = _published(frames["roles"]).set_index("onet_soc_code")["occupation"]
    units["occupation"] = units["occupation_code"].map(names).astype(object).fillna("")
    # Empty lists map to float NaN: as objects, they fill with text.
    units["tasks"] = top_tasks.reindex(key).astype(object).fillna("").to_numpy()
    learners = _learners(frames)
    listed = key.isin(learners.index) if len(learners) else np.zeros(len(key), bool)
    found = learners.reindex(key).to_numpy(dtype=float) if len(learners) else np.nan
    # A group the table does not list has no one in training (with a plan at all).
    units["plan_people"] = np.where(listed, found, 0.0 if inputs.plan is not None else np.nan)
    work = units["share_taken_over"] >= share
    occupation = units["occupation_share"] >= share
    plan = units["plan_people"].fillna(0.0) > 0
    covered = units["tasks"] != ""
    units["skills"] = units["department"].map(gap_skills).astype(object).fillna("").where(plan, "")
    units["flag"] = (work | occupation | plan | covered).where(~hidden)
    for column, values in (("because_work", work), ("because_occupation", occupation),
                           ("because_plan", plan), ("because_tasks", covered)):  # fmt: skip
        units[column] = values.where(~hidden)
    for column in ("occupation_share", "plan_people"):
        units[column] = units[column].astype(float).where(~hidden)
    for column in ("occupation_code", "occupation", "tasks", "skills"):
        units[column] = units[column].where(~hidden, "")
    columns = ["department", "occupation_group", "people_today", "share_taken_over",
               "occupation_code", "occupation", "occupation_share", "plan_people", "flag",
               "because_work",
               "because_occupation", "because_plan", "because_tasks", "tasks", "skills",
               "suppressed"]  # fmt: skip
    return units[columns].sort_values(["department", "occupation_group"]).reset_index(drop=True)


def _coded_departments(inputs: PackInputs, codes: pd.Series, min_people: int) -> pd.DataFrame:
    """``onet_soc_code`` x ``department`` pairs with at least ``min_people`` people (any
    candidate weight), for the given occupation codes. Only such pairs may steer what the
    pack says of a department's group (its tasks, the occupation criterion): that an
    occupation is present in a department is then never about fewer than k people. The
    count itself is not published."""
    analysis = inputs.analysis
    matches = analysis.matches.loc[analysis.matches["share"] > 0, ["input_row", "onet_soc_code"]]
    matches = matches.loc[matches["onet_soc_code"].astype(str).isin(set(codes))]
    rows = analysis.rows[["input_row", "department", "headcount"]]
    pairs = matches.merge(rows, on="input_row").drop_duplicates(["input_row", "onet_soc_code"])
    people = pairs.groupby(["onet_soc_code", "department"], as_index=False)["headcount"].sum()
    enough: pd.DataFrame = people.loc[people["headcount"] >= min_people]
    return enough[["onet_soc_code", "department"]].reset_index(drop=True)


_GERMANY = {"de", "deu", "germany", "deutschland", "bundesrepublik deutschland",
            "federal republic of germany"}  # fmt: skip
"""Values of the ``country`` column that mean Germany (compared trimmed, any case)."""


def site_countries(inputs: PackInputs) -> dict[str, str]:
    """The country of each site (``location``): the most common non-empty ``country``
    of the workforce rows there (ISO 3166 alpha-2 or a name, upper case; Germany as
    ``DE``), none for a site whose rows give none or when the workforce has no country
    column.

    >>> from types import SimpleNamespace as NS
    >>> rows = pd.DataFrame({"input_row": [0, 1, 2, 3], "location": ["B", "B", "S", "X"]})
    >>> source = rows.assign(country=["Deutschland", "de", "us", ""])
    >>> analysis = NS(rows=rows, workforce=NS(rows=source))
    >>> site_countries(NS(analysis=analysis))
    {'B': 'DE', 'S': 'US'}
    """
    analysis = inputs.analysis
    source = analysis.workforce.rows
    if "country" not in source:
        return {}
    country = source.set_index("input_row")["country"].fillna("").astype(str).str.strip()
    country = country.where(~country.str.casefold().isin(_GERMANY), "DE").str.upper()
    sites = analysis.rows[["input_row", "location"]].assign(
        country=lambda f: f["input_row"].map(country).fillna("")
    )
    known = sites.loc[sites["country"] != ""].astype({"location": str})
    usual = (
        known.groupby(["location", "country"]).size().reset_index(name="n")
        .sort_values(["location", "n", "country"], ascending=[True, False, True])
        .drop_duplicates("location")
    )  # fmt: skip
    return dict(zip(usual["location"], usual["country"], strict=True))


def _enterprise(frames: Frames) -> int | None:
    """People in the whole workforce (every site), None where the total is withheld."""
    total = frames["total"]
    if bool(total["suppressed"].any()):
        return None
    return round(float(total["people"].iloc[0]))


def _largest_year(projection: Projection, location: str) -> float:
    """The site's largest exits in one year of the horizon (P50, FTE); 0 without any."""
    q = projection.projection
    found = q.loc[
        (q["group_by"] == "location") & (q["group"].astype(str) == location)
        & (q["metric"] == "exits")
    ]  # fmt: skip
    return float(found["p50"].max()) if len(found) else 0.0


def establishments(inputs: PackInputs, frames: Frames) -> pd.DataFrame:
    """§111: per establishment (location) today's people, the §17 (1) KSchG band and
    the smallest reduction that reaches it, the reduction each scenario implies over its
    horizon (exits plus the final surplus, P50 and P90, FTE turned into people with the
    site's people per FTE) and whether it reaches the threshold. Missing where the
    site's people are suppressed. An indicator, not legal advice.

    The threshold is :func:`~workshift.council.reduction_threshold` with the whole
    workforce (every site; unknown where the total is withheld) as the enterprise, so a
    site of 20 or fewer takes 6 (BAG 1 AZR 708/09) and none applies in an enterprise of
    20 or fewer. ``country`` is the site's (:func:`site_countries`); ``in_germany`` is
    False for a site abroad, which the BetrVG does not cover: no threshold, no
    indicator (``scope_key`` ``"betrvg.abroad"``); None where the country is unknown,
    which keeps the indicator with the note ``"betrvg.country_unknown"``.
    ``<scenario>_year_p50`` is the largest reduction within one year (the site's exits
    in its worst year, P50, in people): the surplus left at the end belongs to no year,
    so it is not in this figure."""
    sites = frames["locations"][["location", "headcount", "fte", "suppressed"]]
    countries = site_countries(inputs)
    enterprise = _enterprise(frames)
    rows = []
    for _, site in sites.iterrows():
        hidden = bool(site["suppressed"])
        country = countries.get(str(site["location"]), "")
        in_germany = None if not country else country == "DE"
        scope_key = {None: "betrvg.country_unknown", False: "betrvg.abroad"}.get(in_germany, "")
        row: dict[str, Any] = {"location": site["location"], "country": country,
                               "in_germany": in_germany, "scope_key": scope_key,
                               "suppressed": hidden}  # fmt: skip
        if hidden:
            rows.append(row)
            continue
        people = float(site["headcount"])
        fte = float(site["fte"]) if pd.notna(site["fte"]) else people
        ratio = people / fte if fte > 0 else 1.0
        threshold = reduction_threshold(
            round(people), None if enterprise is None else max(enterprise, round(people))
        )
        minimum = None if in_germany is False else threshold.minimum
        row.update(
            people=people, band=threshold.band, minimum=minimum,
            basis_key=threshold.basis_key if in_germany is not False else "",
            note_key=threshold.note_key if in_germany is not False else "",
        )  # fmt: skip
        for name, projection in inputs.scenarios.items():
            found = projection.reductions.loc[
                projection.reductions["location"].astype(str) == str(site["location"])
            ]
            for q in ("p50", "p90"):
                value = float(found.iloc[0][q]) * ratio if len(found) else 0.0
                row[f"{name}_{q}"] = value
                row[f"{name}_{q}_reaches"] = None if minimum is None else value >= minimum
            row[f"{name}_year_p50"] = _largest_year(projection, str(site["location"])) * ratio
        rows.append(row)
    return pd.DataFrame(rows)


def covered_sites(sites: pd.DataFrame) -> tuple[int, int, int]:
    """The §111 headline of the establishments section: sites reaching an indicator in
    any scenario (P90), sites the BetrVG may cover (in Germany or of unknown country)
    and sites abroad, which it does not cover.

    >>> sites = pd.DataFrame({"in_germany": [True, None, False],
    ...                       "management_p90_reaches": [True, None, None]})
    >>> covered_sites(sites)
    (1, 2, 1)
    """
    abroad = (
        sites["in_germany"].eq(False) if "in_germany" in sites else pd.Series(False, sites.index)
    )
    reaches = [c for c in sites.columns if str(c).endswith("_p90_reaches")]
    reached = int(sites.loc[~abroad, reaches].eq(True).any(axis=1).sum()) if reaches else 0
    return reached, int((~abroad).sum()), int(abroad.sum())
