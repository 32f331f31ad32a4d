"""Redeployment optimiser: the organisation-wide assignment of affected people to openings.

Every affected person gets at most one opening, every opening takes at most its
``capacity`` people, and the training all moves need together costs at most ``budget``.
Among the plans that respect this, :func:`assign` finds one that maximises

.. math::

    \\sum_{(p, o) \\text{ assigned}} \\text{priority}_p \\cdot
    (\\text{retention\\_value} + \\text{fit}_{p,o})

``retention_value`` is the value of keeping one person in work, in units of fit: the plan
keeps one more person whenever that costs less than ``retention_value`` of (priority-weighted)
fit elsewhere. The default of 1 is a whole fit scale (0..1): a better fit for others never
outweighs a kept person unless it adds up to a full unit. ``priority`` (>= 1, from social
criteria such as protected status or tenure) makes a person's retention and fit count more.

It is solved exactly (:mod:`workshift.reskilling._solver`: LP column generation, then HiGHS's
MILP on the pairs that can matter, with a proof of optimality over all of them).

A greedy baseline runs alongside: pairs by value per training cost (by value without a
budget), highest first, ties by ids, each taken while the person is free, the opening has
room and the budget lasts. ``Assignment.gain`` is how much the exact plan adds.

Examples
--------
>>> import pandas as pd
>>> candidates = pd.DataFrame({
...     "employee_id": ["e1", "e1", "e2"],
...     "opening_id": ["o1", "o2", "o1"],
...     "fit": [0.9, 0.6, 0.8],
...     "training_cost": [1000.0, 500.0, 800.0],
...     "training_hours": [40.0, 20.0, 30.0],
... })
>>> openings = pd.DataFrame({"opening_id": ["o1", "o2"], "capacity": [1, 1]})
>>> result = assign(candidates, openings, ["e1", "e2", "e3"])
>>> result.plan[["employee_id", "status", "opening_id", "fit"]]
  employee_id        status opening_id  fit
0          e1      assigned         o2  0.6
1          e2      assigned         o1  0.8
2          e3  not_assigned       None  NaN
>>> result.plan.loc[2, "reason"]
'no opening within reach (location/relocation)'
>>> result.plan.loc[0, "near_misses"]
'o1=0.9'
>>> round(result.objective, 2), round(result.greedy_objective, 2), result.optimal
(3.4, 1.9, True)
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from workshift.exceptions import ConfigError, InputDataError
from workshift.reskilling._checks import numbers, require_columns, unique_ids
from workshift.reskilling._solver import SolverInfo, exact_plan, greedy_plan

__all__ = [
    "ASSIGNED",
    "NOT_ASSIGNED",
    "REASON_BUDGET",
    "REASON_CAPACITY",
    "REASON_NO_VALUE",
    "REASON_OUT_OF_REACH",
    "REASON_PLAN",
    "Assignment",
    "SolverInfo",
    "assign",
]

ASSIGNED = "assigned"
NOT_ASSIGNED = "not_assigned"
REASON_OUT_OF_REACH = "no opening within reach (location/relocation)"
"""The person has no candidate pair at all."""
REASON_BUDGET = "training budget exhausted"
"""An opening within reach had room, but its training cost exceeds what the budget left."""
REASON_CAPACITY = "openings full (capacity)"
"""Every opening within reach is full, each with people who are worth more there."""
REASON_PLAN = "a better overall plan used the openings"
"""An opening within reach went to someone worth less there, because that kept more overall."""
REASON_NO_VALUE = "no opening worth a move (retention_value + fit <= 0)"
"""Every candidate pair has a value of zero or less."""

_NEAR_MISSES = 3
_CANDIDATE_COLUMNS = ["employee_id", "opening_id", "fit", "training_cost", "training_hours"]


@dataclass(frozen=True)
class Assignment:
    """The redeployment plan, its value and the greedy baseline's.

    Attributes
    ----------
    plan : pandas.DataFrame
        One row per person of ``people``, in that order: ``employee_id``, ``status``
        (``assigned`` | ``not_assigned``), ``opening_id``, ``fit``, ``training_cost``,
        ``training_hours``, ``priority``, ``value`` (priority x (retention_value + fit)),
        ``reason`` (empty when assigned), ``near_misses`` (the best three other openings by
        fit, ``opening=fit`` joined by ``"; "``), then any other candidate columns of the
        assigned pair (``target_code``, say).
    objective : float
        Sum of ``value`` over the plan.
    greedy_objective : float
        The same for the greedy baseline.
    gain : float
        ``objective - greedy_objective`` (>= 0).
    optimal : bool
        Whether ``objective`` is proven optimal (within ``mip_gap``) over the candidates.
    budget_used : float
        Total training cost of the plan.
    greedy : pandas.DataFrame
        The baseline's pairs: ``employee_id``, ``opening_id``, ``value``.
    solver : SolverInfo
        Status, gap, bound, sizes and times.
    """

    plan: pd.DataFrame
    objective: float
    greedy_objective: float
    gain: float
    optimal: bool
    budget_used: float
    greedy: pd.DataFrame
    solver: SolverInfo


def assign(
    candidates: pd.DataFrame,
    openings: pd.DataFrame,
    people: Iterable[Hashable] | pd.DataFrame,
    *,
    budget: float | None = None,
    retention_value: float = 1.0,
    mip_gap: float = 0.0,
    time_limit: float | None = None,
) -> Assignment:
    """Assign affected people to openings: exact MILP plan, greedy baseline and the gain.

    Parameters
    ----------
    candidates : pandas.DataFrame
        One row per allowed (person, opening) pair (see :func:`allowed_pairs`):
        ``employee_id``, ``opening_id``, ``fit`` (higher is better), ``training_cost`` and
        ``training_hours`` (>= 0), optional ``priority`` (>= 1, the same on all of a
        person's rows; empty means 1). Other columns are carried into the plan.
    openings : pandas.DataFrame
        ``opening_id`` and ``capacity`` (a whole number >= 0).
    people : iterable of ids, or pandas.DataFrame
        Every affected employee id, also those without candidate rows; or a frame with
        ``employee_id`` and optional ``priority`` (then not in ``candidates``).
    budget : float, optional
        Total training cost the plan may spend; None means no limit.
    retention_value : float, default 1.0
        Value of keeping one person in work, in units of fit (see the module docstring).
    mip_gap : float, default 0.0
        Relative gap at which the MILP stops and the plan counts as optimal: 0 proves the
        optimum (HiGHS stops at an absolute gap of 1e-6). The problem is NP-hard (it
        contains a knapsack); when training costs come in coarse steps (sums of course
        prices, say), closing the last 1e-5 can take minutes, and 1e-5 is plenty for
        planning.
    time_limit : float, optional
        Seconds for the MILP solves; when reached, the best plan found is returned with
        ``optimal=False`` and its gap. The plan then depends on the machine's speed.

    Returns
    -------
    Assignment

    Raises
    ------
    InputDataError
        A column is missing, a value is invalid (the message names the row), a pair
        repeats, or an id is not in ``people``/``openings``.
    ConfigError
        ``budget``, ``retention_value``, ``mip_gap`` or ``time_limit`` is negative or not a
        number.

    Examples
    --------
    Budget binds: three cheap moves are worth more than the one expensive best fit.

    >>> candidates = pd.DataFrame({
    ...     "employee_id": ["a", "a", "b", "c"], "opening_id": ["x", "y", "y", "y"],
    ...     "fit": [1.0, 0.5, 0.5, 0.5], "training_cost": [300, 100, 100, 100],
    ...     "training_hours": [80, 20, 20, 20]})
    >>> openings = pd.DataFrame({"opening_id": ["x", "y"], "capacity": [1, 3]})
    >>> result = assign(candidates, openings, ["a", "b", "c"], budget=300)
    >>> result.plan["opening_id"].tolist(), result.budget_used
    (['y', 'y', 'y'], 300.0)
    """
    started = time.perf_counter()
    _check_parameters(
        budget=budget, retention_value=retention_value, mip_gap=mip_gap, time_limit=time_limit
    )
    ids, priority = _people(people)
    frame = _candidates(candidates, ids, priority)
    capacity_by_id = _capacities(openings)
    missing = ~frame["opening_id"].isin(capacity_by_id.index)
    if missing.any():
        row = int(np.flatnonzero(missing.to_numpy())[0])
        raise InputDataError(
            f"opening {frame['opening_id'].iloc[row]!r} is not in openings",
            file="candidates",
            row=int(frame["_row"].iloc[row]) + 1,
            column="opening_id",
        )
    # The solver sees people and openings by their rank among the ids, and the pairs sorted
    # by (employee id, opening id): the same input in any order gives the same plan.
    person_rank = _rank(ids)
    opening_ids = list(capacity_by_id.index)
    opening_rank = _rank(opening_ids)
    person = person_rank[pd.Index(ids).get_indexer(pd.Index(frame["employee_id"]))]
    opening = opening_rank[pd.Index(opening_ids).get_indexer(pd.Index(frame["opening_id"]))]
    order = np.lexsort((opening, person))
    frame = frame.iloc[order].reset_index(drop=True)
    person, opening = person[order], opening[order]
    capacity = np.empty(len(opening_ids), dtype=np.int64)
    capacity[opening_rank] = capacity_by_id.to_numpy(dtype=np.int64)

    value = frame["priority"].to_numpy() * (retention_value + frame["fit"].to_numpy())
    cost = frame["training_cost"].to_numpy()
    usable = (value > 0) & (capacity[opening] > 0)
    if budget is not None:
        usable &= cost <= budget
    pairs = np.flatnonzero(usable)

    greedy_start = time.perf_counter()
    greedy_pick = pairs[
        greedy_plan(value[pairs], cost[pairs], person[pairs], opening[pairs], capacity, budget)
    ]
    greedy_seconds = time.perf_counter() - greedy_start
    greedy_objective = float(value[greedy_pick].sum())

    picked, solver = exact_plan(
        value[pairs], cost[pairs], person[pairs], opening[pairs], capacity, budget,
        mip_gap, time_limit,
    )  # fmt: skip
    pick = pairs[picked]
    objective = float(value[pick].sum())
    if objective < greedy_objective:  # only possible when a time limit cut the search short
        pick, objective = greedy_pick, greedy_objective
    plan = _plan(frame, ids, person_rank, person, opening, value, capacity, pick, budget)
    greedy = pd.DataFrame(
        {
            "employee_id": frame["employee_id"].to_numpy()[greedy_pick],
            "opening_id": frame["opening_id"].to_numpy()[greedy_pick],
            "value": value[greedy_pick],
        }
    )
    solver = replace(
        solver, greedy_seconds=greedy_seconds, total_seconds=time.perf_counter() - started
    )
    return Assignment(
        plan=plan,
        objective=objective,
        greedy_objective=greedy_objective,
        gain=objective - greedy_objective,
        optimal=solver.status in ("optimal", "trivial"),
        budget_used=float(cost[pick].sum()),
        greedy=greedy,
        solver=solver,
    )


def _plan(
    frame: pd.DataFrame,
    ids: list[Hashable],
    rank: np.ndarray,
    person: np.ndarray,
    opening: np.ndarray,
    value: np.ndarray,
    capacity: np.ndarray,
    pick: np.ndarray,
    budget: float | None,
) -> pd.DataFrame:
    """One row per person: the assigned pair, or the reason and the near misses.

    ``person`` holds ranks; ``rank`` maps the position in ``ids`` to the rank.
    """
    cost = frame["training_cost"].to_numpy()
    assigned = np.full(len(ids), -1)
    assigned[person[pick]] = pick
    left = capacity - np.bincount(opening[pick], minlength=len(capacity))
    money = np.inf if budget is None else float(budget) - float(cost[pick].sum())
    weakest = np.full(len(capacity), np.inf)  # the lowest value placed in each opening
    np.minimum.at(weakest, opening[pick], value[pick])

    # Why each pair of a person left out was not used (only the pairs that add value count).
    worth = value > 0
    room = left[opening] > 0
    affordable = cost <= money + 1e-9 * max(1.0, abs(float(budget or 0.0)))
    waiting = assigned[person] < 0
    flags = (
        pd.DataFrame(
            {
                "worth": worth,
                "budget": worth & room & ~affordable,
                "plan": worth & ((room & affordable) | (value > weakest[opening])),
            }
        )[waiting]
        .groupby(person[waiting])
        .any()
    )
    reason = np.full(len(ids), REASON_OUT_OF_REACH, dtype=object)
    at = flags.index.to_numpy()
    reason[at] = np.select(
        [~flags["worth"], flags["budget"], flags["plan"]],
        [REASON_NO_VALUE, REASON_BUDGET, REASON_PLAN],
        REASON_CAPACITY,
    )
    reason[assigned >= 0] = ""

    others = np.flatnonzero(assigned[person] != np.arange(len(person)))
    ranked = others[np.lexsort((-value[others], -frame["fit"].to_numpy()[others], person[others]))]
    first = np.searchsorted(person[ranked], person[ranked])
    top = ranked[np.arange(len(ranked)) - first < _NEAR_MISSES]
    labels = frame["opening_id"].astype(str).to_numpy()[top] + "=" + _fits(frame["fit"].iloc[top])
    near = pd.Series(labels).groupby(person[top]).agg("; ".join)
    near_misses = np.full(len(ids), "", dtype=object)
    near_misses[near.index.to_numpy()] = near.to_numpy()

    assigned, reason, near_misses = assigned[rank], reason[rank], near_misses[rank]
    plan = pd.DataFrame(
        {"employee_id": ids, "status": np.where(assigned >= 0, ASSIGNED, NOT_ASSIGNED)}
    )
    for column in ["opening_id", "fit", "training_cost", "training_hours", "priority"]:
        plan[column] = _column(frame, column, assigned)
    plan["value"] = np.nan
    plan.loc[assigned >= 0, "value"] = value[assigned[assigned >= 0]]
    plan["reason"] = reason
    plan["near_misses"] = near_misses
    for column in frame.columns:
        if column not in plan.columns and column != "_row":
            plan[column] = _column(frame, column, assigned)
    return plan


def _column(frame: pd.DataFrame, column: str, assigned: np.ndarray) -> pd.Series:
    """The assigned pair's value of ``column`` per person; missing for those not assigned."""
    taken = assigned >= 0
    source = frame[column]
    if not len(frame):
        return pd.Series([None] * len(assigned), dtype=object)
    values = source.iloc[np.where(taken, assigned, 0)].reset_index(drop=True)
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype(float).where(taken, np.nan)
    return values.astype(object).where(taken, None)


def _fits(fit: pd.Series) -> np.ndarray:
    return np.array([f"{f:.3g}" for f in fit.to_numpy(dtype=float)], dtype=object)


def _check_parameters(**numbers: float | None) -> None:
    for name, number in numbers.items():
        if number is None:
            continue
        if not isinstance(number, int | float | np.number) or not np.isfinite(number) or number < 0:
            raise ConfigError(f"{name} must be a number >= 0, got {number!r}")


def _people(people: Iterable[Hashable] | pd.DataFrame) -> tuple[list[Hashable], pd.Series | None]:
    """The ids in order, and their priority when ``people`` is a frame with that column."""
    priority = None
    if isinstance(people, pd.DataFrame):
        require_columns(people, ["employee_id"], "people")
        ids = people["employee_id"].tolist()
        if "priority" in people.columns:
            given = numbers(people, "priority", "people", minimum=1, empty=1.0)
            priority = pd.Series(given, index=pd.Index(ids))
    else:
        ids = list(people)
    twice = pd.Index(ids).duplicated()
    if twice.any():
        row = int(np.flatnonzero(twice)[0])
        raise InputDataError(f"employee {ids[row]!r} is listed twice", file="people", row=row + 1)
    return ids, priority


def _candidates(
    candidates: pd.DataFrame, ids: Sequence[Hashable], priority: pd.Series | None
) -> pd.DataFrame:
    """Validated copy with float columns and a per-person ``priority``; ``_row`` = input row."""
    require_columns(candidates, _CANDIDATE_COLUMNS, "candidates")
    frame = candidates.reset_index(drop=True).copy()
    frame["_row"] = np.arange(len(frame))
    for column in ["fit", "training_cost", "training_hours"]:
        frame[column] = numbers(frame, column, "candidates", minimum=None if column == "fit" else 0)
    if "priority" in frame.columns and priority is not None:
        raise InputDataError(
            "priority is given in people and in candidates; give it once",
            file="candidates",
            column="priority",
        )
    unknown = ~frame["employee_id"].isin(pd.Index(ids))
    if unknown.any():
        row = int(np.flatnonzero(unknown.to_numpy())[0])
        raise InputDataError(
            f"employee {frame['employee_id'].iloc[row]!r} is not in people",
            file="candidates",
            row=row + 1,
            column="employee_id",
        )
    if "priority" in frame.columns:
        frame["priority"] = numbers(frame, "priority", "candidates", minimum=1, empty=1.0)
        spread = frame.groupby("employee_id", sort=False)["priority"].transform("nunique")
        if (spread > 1).any():
            row = int(np.flatnonzero(spread.to_numpy() > 1)[0])
            raise InputDataError(
                f"employee {frame['employee_id'].iloc[row]!r} has different priorities on "
                "different rows; priority is per person",
                file="candidates",
                row=row + 1,
                column="priority",
            )
    else:
        known = priority if priority is not None else pd.Series(dtype=float)
        frame["priority"] = known.reindex(pd.Index(frame["employee_id"])).fillna(1.0).to_numpy()
    twice = frame.duplicated(["employee_id", "opening_id"])
    if twice.any():
        row = int(np.flatnonzero(twice.to_numpy())[0])
        raise InputDataError(
            f"pair ({frame['employee_id'].iloc[row]!r}, {frame['opening_id'].iloc[row]!r}) "
            "appears twice",
            file="candidates",
            row=row + 1,
        )
    return frame


def _capacities(openings: pd.DataFrame) -> pd.Series:
    require_columns(openings, ["opening_id", "capacity"], "openings")
    unique_ids(openings, "opening_id", "openings")
    capacity = numbers(openings, "capacity", "openings", minimum=0, whole=True)
    return pd.Series(capacity.astype(np.int64), index=pd.Index(openings["opening_id"].to_numpy()))


def _rank(ids: Sequence[Hashable]) -> np.ndarray:
    """Position of each id in sorted order (by ``str`` when the ids do not compare)."""
    positions = range(len(ids))
    try:
        order = sorted(positions, key=ids.__getitem__)  # type: ignore[arg-type]
    except TypeError:
        order = sorted(positions, key=lambda i: str(ids[i]))
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.asarray(order, dtype=np.int64)] = np.arange(len(ids))
    return rank
