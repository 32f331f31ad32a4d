"""The redeployment plan: everyone affected, assigned to an opening with a training plan, or
not assigned with the reason and the nearest options.

:func:`redeploy` joins the stages of this package: candidate moves
(:func:`~workshift.reskilling.candidate_pairs`: sites, fit, cheapest training), the exact
assignment (:func:`~workshift.reskilling.assign`, greedy baseline beside it) and the
explanations a works council and an HR team need: which work the two roles share, which
skills are learnt in which modules, why someone was not placed. It returns a
:class:`Redeployment` of DataFrames that the CLI writes and the report draws.

Examples
--------
See :func:`workshift.pipeline.reskill`, which builds people, openings, engine and catalogue
from files and calls :func:`redeploy`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workshift.exceptions import InputDataError
from workshift.reskilling._candidates import (
    MAX_TRAINING_HOURS,
    MIN_FIT,
    PER_PERSON,
    Candidates,
    candidate_pairs,
)
from workshift.reskilling._checks import yes_no
from workshift.reskilling._courses import Courses
from workshift.reskilling._optimiser import ASSIGNED, NOT_ASSIGNED, REASON_OUT_OF_REACH, assign
from workshift.reskilling._person_skills import UNRESOLVED_COLUMNS
from workshift.reskilling._transitions import Transitions

__all__ = ["COMPARED", "REASON_LIMITS", "REASON_NO_COURSE", "REASON_NO_PROFILE",
           "REDEPLOYMENT_COLUMNS", "Redeployment", "compare_plans", "opening_classes",
           "redeploy"]  # fmt: skip

REDEPLOYMENT_COLUMNS = [
    "employee_id", "status", "opening_id", "target_code", "target", "origin_code", "origin",
    "department", "location", "relocates", "abroad", "languages", "languages_from", "fit",
    "similarity", "training_hours",
    "training_cost", "modules", "gap_skills", "on_the_job", "shared_activities", "strengths",
    "education", "reason",
    "near_misses", "priority", "input_row",
]  # fmt: skip
"""The columns of ``Redeployment.plan``, one row per affected person."""
REASON_NO_COURSE = "no course in the catalogue closes the gap to the openings within reach"
"""Openings are within reach, but every one needs a skill the catalogue does not teach."""
REASON_NO_PROFILE = "no skill profile for the occupation"
REASON_LIMITS = "no opening within reach meets the fit and training-time limits"
"""Openings are within reach and teachable, but every move is below the least fit or over
the most training hours (:data:`~workshift.reskilling.MIN_FIT`,
:data:`~workshift.reskilling.MAX_TRAINING_HOURS`)."""
COMPARED = ("people", "training_hours", "training_cost", "relocations", "abroad", "mean_fit")
"""What :func:`compare_plans` counts for the exact plan and the greedy one: people placed
(kept in work), training hours and cost (catalogue currency), moves to another site, moves
to another country, and the mean fit of the moves (0-1; how well people fit their new
roles, what the exact plan also improves when it places no more people)."""
_NEAR_MISSES = 3


@dataclass
class Redeployment:
    """Everything ``workshift reskill`` writes.

    Attributes
    ----------
    plan
        One row per affected person (:data:`REDEPLOYMENT_COLUMNS`), in the order given.
    summary
        Counts, training totals, objective of the exact plan and of the greedy baseline, the
        gain, solver status.
    flows
        ``origin_code``, ``origin``, ``target_code``, ``target``, ``people``: how many move
        from each of today's occupations to each target (target ``not assigned`` for the rest).
    gaps
        ``department``, ``skill_id``, ``skill``, ``people``: how many assigned people of a
        department learn each skill.
    departments
        ``department``, ``affected``, ``assigned``, ``not_assigned``, ``training_hours``,
        ``training_cost`` (sums over the assigned).
    openings
        The openings with ``filled`` and ``left``.
    candidates
        Every candidate move (the optimiser's input), ``blocked``: pairs no course closes.
        Interchangeable openings (:func:`opening_classes`) appear once, under the first
        opening id of their class; ``plan`` names the opening each person fills.
    skills_unresolved
        Listed skills that name no known skill (``file``, ``row``, ``column``, ``value``,
        ``reason``), filled by :func:`workshift.pipeline.reskill`.
    """

    plan: pd.DataFrame
    summary: dict[str, Any]
    flows: pd.DataFrame
    gaps: pd.DataFrame
    departments: pd.DataFrame
    openings: pd.DataFrame
    candidates: pd.DataFrame
    blocked: pd.DataFrame
    skills_unresolved: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=UNRESOLVED_COLUMNS)
    )


def redeploy(
    people: pd.DataFrame,
    openings: pd.DataFrame,
    engine: Transitions,
    courses: Courses,
    *,
    budget: float | None = None,
    retention_value: float = 1.0,
    languages: list[str] | None = None,
    on_the_job: bool = True,
    per_person: int | None = PER_PERSON,
    min_fit: float = MIN_FIT,
    max_training_hours: float | None = MAX_TRAINING_HOURS,
    mip_gap: float = 1e-5,
    time_limit: float | None = None,
) -> Redeployment:
    """Plan the moves of ``people`` (:data:`~workshift.reskilling.PEOPLE_COLUMNS`, optional
    ``skills``) into ``openings`` (:func:`~workshift.reskilling.read_openings`).

    ``budget`` caps the total training cost (in the catalogue's currency: its optional
    ``currency`` column, one value for all modules); ``retention_value``
    and ``mip_gap`` are passed to :func:`~workshift.reskilling.assign` (a relative gap of
    1e-5 is far below what the inputs can tell apart and keeps knapsack-hard budgets fast);
    ``on_the_job``, ``per_person``, ``min_fit`` and ``max_training_hours`` are passed to
    :func:`~workshift.reskilling.candidate_pairs` (the plan is optimal over each person's
    ``per_person`` best-fitting moves within the limits). Optional people columns
    ``country``, ``relocation_abroad`` (relocation to another country allowed) and ``languages``
    (course languages, ``"de; en"``), with ``languages_from`` (where they came from), and
    an optional openings column ``country`` apply the rules of
    :func:`~workshift.reskilling.allowed_pairs` and of the course languages.

    ``summary["comparison"]`` is :func:`compare_plans` of the exact plan and the greedy one.
    """
    currency = _currency(courses)  # before any work: a mixed catalogue cannot be summed
    people = people.reset_index(drop=True)
    note = people["note"].fillna("").astype(str)
    note = note.mask((note == "") & ~people["origin_code"].isin(engine.profiles.codes),
                     REASON_NO_PROFILE)  # fmt: skip
    people = people.assign(note=note)
    plannable = people.loc[note == ""]
    classes, class_of = opening_classes(openings)
    found = candidate_pairs(
        plannable, classes, engine, courses, languages=languages, on_the_job=on_the_job,
        per_person=per_person, min_fit=min_fit, max_training_hours=max_training_hours,
    )  # fmt: skip
    result = assign(
        found.pairs,
        classes[["opening_id", "capacity"]],
        plannable[["employee_id", "priority"]],
        budget=budget,
        retention_value=retention_value,
        mip_gap=mip_gap,
        time_limit=time_limit,
    )
    titles = dict(zip(engine.profiles.codes, engine.profiles.titles, strict=True))
    plan = _plan(people, result.plan, found, engine, titles)
    plan["opening_id"] = _spread(plan, openings, class_of)
    summary: dict[str, Any] = {
        "affected": len(plan),
        "assigned": int((plan["status"] == ASSIGNED).sum()),
        "not_assigned": int((plan["status"] == NOT_ASSIGNED).sum()),
        "reasons": {str(k): int(v) for k, v in plan["reason"].value_counts().items() if k},
        "training_hours": round(float(plan["training_hours"].sum()), 2),
        "training_cost": round(float(plan["training_cost"].sum()), 2),
        "budget": budget,
        "retention_value": retention_value,
        "objective": round(result.objective, 6),
        "greedy_objective": round(result.greedy_objective, 6),
        "gain": round(result.gain, 6),
        "greedy_assigned": len(result.greedy),
        "optimal": result.optimal,
        "solver": {
            "status": result.solver.status,
            "mip_gap": result.solver.mip_gap,
            "seconds": round(result.solver.total_seconds, 3),
        },
        "openings": len(openings),
        "capacity": int(openings["capacity"].sum()),
        "candidate_pairs": len(found.pairs),
        "blocked_pairs": len(found.blocked),
        "moves_per_person": per_person,
        "min_fit": min_fit,
        "max_training_hours": max_training_hours,
        "catalogue": courses.file,
        "currency": currency,
        "comparison": compare_plans(
            plan.loc[plan["status"] == ASSIGNED],
            result.greedy.merge(found.pairs, on=["employee_id", "opening_id"], how="left"),
        ),
        "relocations": int(plan["relocates"].fillna(False).astype(bool).sum()),
        "abroad_moves": int(plan["abroad"].fillna(False).astype(bool).sum()),
        "languages_unknown": int((plan["languages_from"] == "unknown").sum()),
    }
    summary["retained_share"] = (
        round(summary["assigned"] / summary["affected"], 4) if summary["affected"] else None
    )
    filled = plan.loc[plan["status"] == ASSIGNED, "opening_id"].value_counts()
    opening_table = openings.assign(
        target=openings["target_code"].map(titles),
        filled=openings["opening_id"].map(filled).fillna(0).astype(int),
    )
    opening_table["left"] = opening_table["capacity"] - opening_table["filled"]
    return Redeployment(
        plan=plan,
        summary=summary,
        flows=_flows(plan),
        gaps=_gaps(plan, found),
        departments=_departments(plan),
        openings=opening_table,
        candidates=found.pairs.drop(columns="profile"),
        blocked=found.blocked.drop(columns="profile"),
    )


def compare_plans(exact: pd.DataFrame, greedy: pd.DataFrame) -> dict[str, dict[str, float]]:
    """The two plans in people and money (:data:`COMPARED`), and ``difference`` = exact -
    greedy: what solving the assignment exactly rather than greedily gives.

    Each frame has one row per move, with ``fit``, ``training_hours``, ``training_cost``,
    ``relocates`` and ``abroad``.

    >>> exact = pd.DataFrame({"fit": [0.8, 0.5, 0.5], "training_hours": [40.0, 10.0, 0.0],
    ...     "training_cost": [900.0, 100.0, 0.0], "relocates": [True, False, False],
    ...     "abroad": [False, False, False]})
    >>> greedy = exact.head(2).assign(training_cost=[1500.0, 100.0])
    >>> compare_plans(exact, greedy)["difference"]  # doctest: +NORMALIZE_WHITESPACE
    {'people': 1, 'training_hours': 0.0, 'training_cost': -600.0, 'relocations': 0,
     'abroad': 0, 'mean_fit': -0.05}
    """

    def counts(frame: pd.DataFrame) -> dict[str, float]:
        return {
            "people": len(frame),
            "training_hours": round(float(frame["training_hours"].fillna(0.0).sum()), 2),
            "training_cost": round(float(frame["training_cost"].fillna(0.0).sum()), 2),
            "relocations": int(frame["relocates"].fillna(False).astype(bool).sum()),
            "abroad": int(frame["abroad"].fillna(False).astype(bool).sum()),
            "mean_fit": round(float(frame["fit"].mean()), 4) if len(frame) else 0.0,
        }

    a, b = counts(exact), counts(greedy)
    difference = {key: type(a[key])(round(a[key] - b[key], 2)) for key in COMPARED}
    return {"exact": a, "greedy": b, "difference": difference}


def opening_classes(openings: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Interchangeable openings as one: same target, site (trimmed, any case) and relocation
    rule. A move's fit and training depend on nothing else, so the assignment over classes
    (capacities summed) is the assignment over openings, with far fewer pairs when an
    organisation has many openings of one kind.

    Returns the classes (``opening_id`` is the class's first opening id, ``capacity`` the
    sum, other columns of that opening) and each opening's class id, by opening id.

    >>> openings = pd.DataFrame({"opening_id": ["b", "a", "c"], "target_code": ["x", "x", "y"],
    ...     "capacity": [2, 1, 1], "location": ["Berlin", "berlin ", "Berlin"],
    ...     "relocation": [False, False, False]})
    >>> classes, class_of = opening_classes(openings)
    >>> classes[["opening_id", "target_code", "capacity"]]
      opening_id target_code  capacity
    0          a           x         3
    1          c           y         1
    >>> class_of.to_dict()
    {'a': 'a', 'b': 'a', 'c': 'c'}
    """
    moves = (
        yes_no(openings, "relocation", "openings")
        if "relocation" in openings
        else np.zeros(len(openings), bool)
    )
    key = (
        openings["target_code"].astype(str) + "\x1f"
        + openings["location"].astype(str).str.strip().str.casefold() + "\x1f"
        + pd.Series(moves, index=openings.index).astype(str)
    )  # fmt: skip
    order = openings["opening_id"].astype(str).argsort(kind="stable").to_numpy()
    ordered = openings.iloc[order]
    first = ordered.groupby(key.iloc[order].to_numpy(), sort=False)["opening_id"].transform("first")
    class_of = pd.Series(first.to_numpy(), index=pd.Index(ordered["opening_id"].to_numpy()))
    capacity = ordered.groupby(first.to_numpy(), sort=False)["capacity"].sum()
    classes = ordered.loc[ordered["opening_id"].isin(capacity.index)].copy()
    classes["capacity"] = classes["opening_id"].map(capacity).astype(int)
    return classes.reset_index(drop=True), class_of


def _spread(plan: pd.DataFrame, openings: pd.DataFrame, class_of: pd.Series) -> pd.Series:
    """The openings of each class to the people the plan put in it: in opening id order,
    each filled to its capacity, people in plan order."""
    out = plan["opening_id"].copy()
    members = openings.assign(cls=openings["opening_id"].map(class_of))
    members = members.iloc[members["opening_id"].astype(str).argsort(kind="stable").to_numpy()]
    taken = plan["status"] == ASSIGNED
    for cls, people in plan.loc[taken].groupby("opening_id", sort=False):
        group = members.loc[members["cls"] == cls]
        if len(group) < 2:
            continue
        bounds = np.cumsum(group["capacity"].to_numpy())
        slot = np.searchsorted(bounds, np.arange(len(people)), side="right")
        out.loc[people.index] = group["opening_id"].to_numpy()[slot]
    return out


def _plan(
    people: pd.DataFrame,
    assigned: pd.DataFrame,
    found: Candidates,
    engine: Transitions,
    titles: dict[str, str],
) -> pd.DataFrame:
    """Everyone in ``people`` order: the optimiser's rows joined to who they are."""
    carried = ["employee_id", "status", "opening_id", "target_code", "relocates", "abroad", "fit",
               "similarity", "training_hours", "training_cost", "modules", "gap_skills",
               "on_the_job", "reason", "priority", "profile"]  # fmt: skip
    plan = people.drop(columns=["priority"]).merge(
        assigned.reindex(columns=carried), on="employee_id", how="left"
    )
    unplanned = plan["status"].isna()
    plan.loc[unplanned, "status"] = NOT_ASSIGNED
    plan.loc[unplanned, "reason"] = plan.loc[unplanned, "note"]
    plan["priority"] = plan["priority"].fillna(people["priority"])
    blocked = found.blocked
    untaught = set(blocked.loc[blocked["uncovered"] != "", "employee_id"])
    limited = set(blocked["employee_id"]) - untaught
    out_of_reach = plan["reason"] == REASON_OUT_OF_REACH
    plan.loc[out_of_reach & plan["employee_id"].isin(untaught), "reason"] = REASON_NO_COURSE
    plan.loc[out_of_reach & plan["employee_id"].isin(limited), "reason"] = REASON_LIMITS
    for column, default in (("languages", ""), ("languages_from", "unknown")):
        if column not in plan:
            plan[column] = default
        plan[column] = plan[column].fillna(default).astype(str)
    plan["origin"] = plan["origin_code"].map(titles).fillna("")
    plan["target"] = plan["target_code"].map(titles).fillna("")
    moves = plan.loc[plan["status"] == ASSIGNED, ["origin_code", "target_code"]].drop_duplicates()
    shared = {
        (o, t): "; ".join(engine.profiles.shared_activities(str(o), str(t)))
        for o, t in moves.itertuples(index=False)
    }
    plan["shared_activities"] = [
        shared.get((o, t), "")
        for o, t in zip(plan["origin_code"], plan["target_code"], strict=True)
    ]
    strengths = {
        (o, t): "; ".join(engine.profiles.strengths(str(o), str(t)))
        for o, t in moves.itertuples(index=False)
    }
    plan["strengths"] = [
        strengths.get((o, t), "")
        for o, t in zip(plan["origin_code"], plan["target_code"], strict=True)
    ]
    plan["education"] = [
        engine.profiles.education_step(str(o), str(t)) if (o, t) in strengths else ""
        for o, t in zip(plan["origin_code"], plan["target_code"], strict=True)
    ]
    misses = plan["employee_id"].map(_near_misses(found, engine, titles))
    plan["near_misses"] = misses.astype(object).fillna("")
    plan.loc[plan["status"] == ASSIGNED, "near_misses"] = ""
    for column in ("training_hours", "training_cost"):
        plan[column] = plan[column].where(plan["status"] == ASSIGNED, 0.0).astype(float)
    plan["relocates"] = plan["relocates"].astype("boolean")
    plan["abroad"] = plan["abroad"].astype("boolean")
    for column in ("opening_id", "target_code", "modules", "gap_skills", "on_the_job", "reason"):
        plan[column] = plan[column].fillna("")
    names = _skill_names(engine)
    plan["on_the_job"] = plan["on_the_job"].map(lambda ids: _names(ids, names))
    return plan[[*REDEPLOYMENT_COLUMNS, "profile"]]


def _near_misses(found: Candidates, engine: Transitions, titles: dict[str, str]) -> pd.Series:
    """Per person, the best three pairs by fit: ``OP-1 Title (fit 0.62; 40 h)``, for a pair
    beyond a limit ``(fit 0.32; 720 h; over the 480 h limit)``, for a pair no course closes
    ``(fit 0.62; not taught: Programming)`` (``not taught in de:`` when the person's course
    languages are known), joined by `` | ``."""
    frame = pd.concat([found.pairs, found.blocked], ignore_index=True)
    if frame.empty:
        return pd.Series(dtype=object)
    frame = frame.sort_values(["employee_id", "fit", "opening_id"], ascending=[True, False, True])
    frame = frame.groupby("employee_id", sort=False).head(_NEAR_MISSES)
    names = _skill_names(engine)
    untaught = frame["uncovered"].map(lambda ids: _names(ids, names, ", "))
    limit = frame["limit"].fillna("") if "limit" in frame else pd.Series("", index=frame.index)
    hours = frame["training_hours"].map(lambda h: f"{h:g} h")
    detail = np.where(
        untaught == "",
        hours + np.where(limit == "", "", "; " + limit),
        np.where(
            frame["languages"].fillna("") != "",
            "not taught in " + frame["languages"].fillna("").str.replace("; ", ", ") + ": ",
            "not taught: ",
        )
        + untaught,
    )
    label: pd.Series = (
        frame["opening_id"].astype(str) + " " + frame["target_code"].map(titles).fillna("")
        + " (fit " + frame["fit"].map(lambda f: f"{f:.2f}") + "; " + detail + ")"
    )  # fmt: skip
    return label.groupby(frame["employee_id"], sort=False).agg(" | ".join)


def _currency(courses: Courses) -> str | None:
    """The catalogue's ``currency`` column (one value for every module), or None."""
    if "currency" not in courses.modules:
        return None
    given = courses.modules["currency"].fillna("").astype(str).str.strip().str.upper()
    found = sorted(set(given) - {""})
    if len(found) > 1:
        raise InputDataError(
            f"modules are priced in {', '.join(found)}; give every cost in one currency",
            file=courses.file, column="currency",
        )  # fmt: skip
    return found[0] if found else None


def _skill_names(engine: Transitions) -> dict[str, str]:
    return dict(zip(engine.profiles.skill_ids, engine.profiles.skill_names, strict=True))


def _names(ids: str, names: dict[str, str], sep: str = "; ") -> str:
    """Skill names for ``"; "``-separated skill ids (an unknown id as it is)."""
    return sep.join(names.get(i, i) for i in str(ids).split("; ") if i)


def _flows(plan: pd.DataFrame) -> pd.DataFrame:
    target = plan["target"].where(plan["status"] == ASSIGNED, "not assigned")
    frame = plan.assign(target=target, origin=plan["origin"].replace("", "no occupation"))
    flows: pd.DataFrame = (
        frame.groupby(["origin_code", "origin", "target_code", "target"], dropna=False)
        .size()
        .rename("people")
        .reset_index()
    )
    return flows.sort_values(["people", "origin", "target"], ascending=[False, True, True])


def _gaps(plan: pd.DataFrame, found: Candidates) -> pd.DataFrame:
    moved = plan.loc[plan["status"] == ASSIGNED, ["department", "profile", "target_code"]]
    if moved.empty or found.gaps.empty:  # nothing to learn (and nothing to merge on)
        return pd.DataFrame(columns=["department", "skill_id", "skill", "people"])
    learnt = moved.merge(found.gaps, on=["profile", "target_code"])
    gaps: pd.DataFrame = (
        learnt.groupby(["department", "skill_id", "skill"]).size().rename("people").reset_index()
    )
    return gaps.sort_values(["department", "people", "skill"], ascending=[True, False, True])


def _departments(plan: pd.DataFrame) -> pd.DataFrame:
    frame = plan.assign(
        assigned=plan["status"] == ASSIGNED, not_assigned=plan["status"] == NOT_ASSIGNED
    )
    table: pd.DataFrame = (
        frame.groupby("department", dropna=False)
        .agg(
            affected=("employee_id", "size"),
            assigned=("assigned", "sum"),
            not_assigned=("not_assigned", "sum"),
            training_hours=("training_hours", "sum"),
            training_cost=("training_cost", "sum"),
        )
        .reset_index()
    )
    return table.sort_values("affected", ascending=False).reset_index(drop=True)
