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

The model is a 0/1 programme with one variable per candidate pair: a transportation problem
(totally unimodular, so its LP relaxation is integral) plus, with a budget, one knapsack row.
It is solved exactly with HiGHS through scipy in two steps, both on the full candidate set:

1. The LP relaxation by column generation (``linprog``): solve it over a few promising pairs
   per person, price every other pair with the duals, add those that would improve it,
   repeat until none would. Any duals give an upper bound ``U`` on every plan, and each pair
   a reduced cost ``r``: a plan that uses a pair with ``r < 0`` is worth at most ``U + r``.
2. The MILP (``milp``, relative gap ``mip_gap``, 0 by default) on the *core*: the pairs
   with ``r >= -tau``. Given the core's optimum ``L``, every pair outside it has ``r < -tau
   <= L - U`` when ``U - L <= tau``, so no plan using it can beat ``L``: the core's optimum
   is the optimum. Otherwise ``tau`` grows to ``U - L`` and the core is solved once more,
   which then proves it. The first ``tau`` is 0.5% of the median pair value.

HiGHS accepts rows within a tolerance (1e-6 of the budget); a plan that overruns the budget
by that much is refused, the budget row tightened by the overrun and the core solved again
(plans that would use the last 1e-7 of the budget may be missed).

Pairs that can never be used are left out first: value <= 0, opening capacity 0, or a
training cost above the whole budget. People, openings and pairs enter the solver sorted by
id, so the same input gives the same plan whatever its row order; among equally good plans
HiGHS's choice is then fixed.

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

import ctypes
import os
import sys
import time
from collections.abc import Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from workshift.exceptions import ConfigError, InputDataError, WorkshiftError

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
    "allowed_pairs",
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
_TRUTHY = {"yes", "y", "true", "1", "ja", "j", "x"}
_FALSY = {"no", "n", "false", "0", "nein", ""}
_CANDIDATE_COLUMNS = ["employee_id", "opening_id", "fit", "training_cost", "training_hours"]
_FIRST_CORE = 0.005
"""The first core takes the pairs whose reduced cost is within this share of a typical value."""
_NEAR_ZERO = 1e-3
"""Column generation also adds pairs whose reduced cost is within this share of a value."""
_FULL_LP = 20_000
"""Up to this many pairs the LP starts with all of them (column generation only above)."""


@dataclass(frozen=True)
class SolverInfo:
    """How the exact plan was found and how good the proof is.

    Attributes
    ----------
    status : str
        ``"optimal"`` (proven, within ``mip_gap``), ``"time limit"`` (the best plan found,
        its gap in ``mip_gap``), ``"trivial"`` (no usable pair, nothing to solve) or
        ``"solver failed: ..."`` with HiGHS's message (the best plan found).
    message : str
        HiGHS's message for the last MILP solve.
    mip_gap : float
        (upper bound - objective) / objective of the exact plan; 0 when proven with
        ``mip_gap=0`` (HiGHS stops at an absolute gap of 1e-6).
    upper_bound : float
        The bound from the LP relaxation over all candidate pairs.
    pairs : int
        Candidate pairs in the model (after leaving out those that can never be used).
    lp_pairs : int
        Pairs in the last LP of the column generation.
    core_pairs : int
        Pairs in the last MILP (the core).
    lp_rounds, milp_rounds : int
        LP solves of the column generation; MILP solves (1, or 2 when the core grew).
    lp_seconds, milp_seconds, greedy_seconds, total_seconds : float
        Wall-clock times; ``total_seconds`` covers all of :func:`assign`.
    """

    status: str
    message: str
    mip_gap: float
    upper_bound: float
    pairs: int
    lp_pairs: int
    core_pairs: int
    lp_rounds: int
    milp_rounds: int
    lp_seconds: float
    milp_seconds: float
    greedy_seconds: float
    total_seconds: float


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


def allowed_pairs(
    people: pd.DataFrame, openings: pd.DataFrame, *, relocation: bool = True
) -> pd.DataFrame:
    """Every (person, opening) pair that location and relocation rules allow.

    A pair is allowed when both are in the same ``location`` (compared trimmed and
    case-insensitive), or when ``relocation`` is on, the person accepts relocation and the
    opening allows it (``relocation`` column on both sides: yes/no, true/false, 1/0, ja/nein
    or booleans; empty means no).

    Parameters
    ----------
    people : pandas.DataFrame
        ``employee_id``, ``location`` and, with ``relocation=True``, ``relocation``.
    openings : pandas.DataFrame
        ``opening_id``, ``location`` and, with ``relocation=True``, ``relocation``.
    relocation : bool, default True
        Consult the relocation columns; False allows same-location pairs only (and needs
        no relocation columns).

    Returns
    -------
    pandas.DataFrame
        ``employee_id``, ``opening_id``, ``relocates`` (True when the locations differ), in
        the order of ``people``, then of ``openings``.

    Raises
    ------
    InputDataError
        A column is missing, an id repeats, or a relocation value is not yes or no.

    Examples
    --------
    >>> people = pd.DataFrame({"employee_id": ["a", "b"], "location": ["Berlin", "Leipzig"],
    ...                        "relocation": ["no", "yes"]})
    >>> openings = pd.DataFrame({"opening_id": ["o1", "o2"], "location": ["berlin", "Hamburg"],
    ...                          "relocation": ["yes", "no"]})
    >>> allowed_pairs(people, openings)
      employee_id opening_id  relocates
    0           a         o1      False
    1           b         o1       True
    """
    columns = ["location", "relocation"] if relocation else ["location"]
    hint = " (or pass relocation=False)" if relocation else ""
    sides = []
    for frame, key, name in (
        (people, "employee_id", "people"),
        (openings, "opening_id", "openings"),
    ):
        _require(frame, [key, *columns], name, hint)
        _unique(frame, key, name)
        location = frame["location"].astype("string").str.strip().str.casefold()
        side = pd.DataFrame(
            {
                "id": frame[key].to_numpy(),
                "position": np.arange(len(frame)),
                "location": location.mask(location == "").to_numpy(dtype=object),
                "moves": _flags(frame, name) if relocation else np.zeros(len(frame), bool),
            }
        )
        sides.append(side)
    who, where = sides
    known = [side[side["location"].notna()] for side in sides]
    same = known[0].merge(known[1], on="location", suffixes=("_p", "_o"))
    same["relocates"] = False
    pieces = [same.rename(columns={"location": "location_p"})]
    if relocation:  # an unknown location counts as different from every other
        moves = who[who["moves"]].merge(where[where["moves"]], how="cross", suffixes=("_p", "_o"))
        differ = moves["location_p"].isna() | moves["location_o"].isna()
        differ |= moves["location_p"] != moves["location_o"]
        moves = moves[differ.to_numpy(dtype=bool)].assign(relocates=True)
        pieces.append(moves)
    out = pd.concat(pieces, ignore_index=True).sort_values(["position_p", "position_o"])
    return pd.DataFrame(
        {
            "employee_id": out["id_p"].to_numpy(),
            "opening_id": out["id_o"].to_numpy(),
            "relocates": out["relocates"].to_numpy(dtype=bool),
        }
    )


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
        _greedy(value[pairs], cost[pairs], person[pairs], opening[pairs], capacity, budget)
    ]
    greedy_seconds = time.perf_counter() - greedy_start
    greedy_objective = float(value[greedy_pick].sum())

    picked, solver = _solve(
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


def _solve(
    value: np.ndarray,
    cost: np.ndarray,
    person: np.ndarray,
    opening: np.ndarray,
    capacity: np.ndarray,
    budget: float | None,
    mip_gap: float,
    time_limit: float | None,
) -> tuple[np.ndarray, SolverInfo]:
    """The exact plan over the usable pairs (a boolean mask) and how it was found."""
    n = len(value)
    if n == 0:
        info = SolverInfo("trivial", "no usable candidate pair", 0.0, 0.0, 0, 0, 0, 0, 0, 0.0,
                          0.0, 0.0, 0.0)  # fmt: skip
        return np.zeros(0, bool), info
    matrix, rhs = _constraints(cost, person, opening, capacity, budget)
    lp_start = time.perf_counter()
    reduced, upper, lp_pairs, lp_rounds = _relaxation(matrix, rhs, value, cost, person)
    lp_seconds = time.perf_counter() - lp_start
    milp_start = time.perf_counter()
    tolerance = 1e-9 * max(1.0, abs(upper))
    tau = _FIRST_CORE * float(np.median(value))
    picked, best, rounds = np.zeros(n, bool), 0.0, 0
    while True:
        rounds += 1
        core = np.flatnonzero(reduced >= -tau)
        remaining = None
        if time_limit is not None:
            remaining = max(0.0, time_limit - (time.perf_counter() - milp_start))
        chosen, res = _milp(matrix[:, core], rhs, value[core], mip_gap, remaining)
        over = float(cost[core[chosen]].sum()) - (np.inf if budget is None else budget)
        if over > 0:  # accepted within HiGHS's tolerance (1e-6 of the budget): tighten
            rhs = rhs.copy()
            rhs[-1] -= over / float(budget or 1.0) + 1e-7  # clear of the tolerance's edge
            continue
        if value[core[chosen]].sum() > best:  # a larger core can stop at a worse plan
            picked = np.zeros(n, bool)
            picked[core[chosen]] = True
            best = float(value[picked].sum())
        if res.status != 0:  # stopped early: no plan outside the core beats upper - tau
            bound = upper if res.mip_dual_bound is None else -float(res.mip_dual_bound)
            bound = min(upper, max(bound, upper - tau))
            status = "time limit" if res.status == 1 else f"solver failed: {res.message}"
            gap = (bound - best) / max(best, 1e-12)
            break
        # Proven when no plan with a pair outside the core can beat `best`: then the
        # core's optimum (within mip_gap) is the optimum.
        if upper - best <= tau + tolerance or len(core) == n:
            status, gap = "optimal", float(res.mip_gap or 0.0)
            break
        tau = upper - best + tolerance  # this core holds every plan better than `best`
    info = SolverInfo(
        status=status,
        message=str(res.message),
        mip_gap=gap,
        upper_bound=upper,
        pairs=n,
        lp_pairs=lp_pairs,
        core_pairs=len(core),
        lp_rounds=lp_rounds,
        milp_rounds=rounds,
        lp_seconds=lp_seconds,
        milp_seconds=time.perf_counter() - milp_start,
        greedy_seconds=0.0,
        total_seconds=0.0,
    )
    return picked, info


def _constraints(
    cost: np.ndarray,
    person: np.ndarray,
    opening: np.ndarray,
    capacity: np.ndarray,
    budget: float | None,
) -> tuple[sp.csc_array, np.ndarray]:
    """Rows: one per person (<= 1), one per opening (<= capacity), the budget (scaled to 1)."""
    n = len(cost)
    people, row_person = np.unique(person, return_inverse=True)
    places, row_opening = np.unique(opening, return_inverse=True)
    rows = [row_person, len(people) + row_opening]
    data = [np.ones(n), np.ones(n)]
    rhs = [np.ones(len(people)), capacity[places].astype(float)]
    # Without a budget, or one that every plan stays within, the model is a pure
    # transportation problem: leave the row out so the LP is integral.
    if budget is not None and pd.Series(cost).groupby(person).max().sum() > budget:
        rows.append(np.full(n, len(people) + len(places)))
        data.append(cost / budget)
        rhs.append(np.ones(1))
    row = np.concatenate(rows)
    column = np.concatenate([np.arange(n)] * len(rows))
    shape = (int(sum(len(r) for r in rhs)), n)
    matrix = sp.csc_array((np.concatenate(data), (row, column)), shape=shape)
    return matrix, np.concatenate(rhs)


def _relaxation(
    matrix: sp.csc_array,
    rhs: np.ndarray,
    value: np.ndarray,
    cost: np.ndarray,
    person: np.ndarray,
) -> tuple[np.ndarray, float, int, int]:
    """LP relaxation by column generation: reduced costs, upper bound, LP size, rounds.

    The bound ``U = pi.b + sum(max(0, r))`` holds for any duals ``pi >= 0``, with reduced
    costs ``r = value - A^T pi``, so it is valid over all pairs whatever the LP's accuracy.
    """
    n = len(value)
    active = np.ones(n, bool)
    if n > _FULL_LP:  # start with each person's 5 best pairs by value, 2 by value per cost
        active[:] = False
        per_cost = value / np.maximum(cost, 1e-9 * max(1.0, float(cost.max())))
        for key, count in ((value, 5), (per_cost, 2)):
            order = np.lexsort((-key, person))
            first = np.searchsorted(person[order], person[order])
            active[order[np.arange(n) - first < count]] = True
    rounds = 0
    while True:
        rounds += 1
        columns = np.flatnonzero(active)
        method = "highs-ipm" if len(columns) > _FULL_LP else "highs-ds"
        res = linprog(
            -value[columns], A_ub=matrix[:, columns], b_ub=rhs, bounds=(0, 1), method=method
        )
        if res.status != 0:
            raise WorkshiftError(f"the LP relaxation failed: {res.message}")
        duals = -res.ineqlin.marginals
        reduced = value - matrix.T @ duals
        upper = float(duals @ rhs + np.maximum(reduced, 0).sum())
        if not (~active & (reduced > 1e-9)).any():
            return reduced, upper, len(columns), rounds
        # Add every pair that would improve the LP, and those close to it: fewer rounds.
        active |= reduced > -_NEAR_ZERO * float(np.median(value))


def _milp(
    matrix: sp.csc_array,
    rhs: np.ndarray,
    value: np.ndarray,
    mip_gap: float,
    time_limit: float | None,
) -> tuple[np.ndarray, Any]:
    """Solve the 0/1 programme over these columns; the chosen mask and scipy's result."""
    sub = matrix.tocsr()
    used = np.diff(sub.indptr) > 0
    options: dict[str, float] = {"mip_rel_gap": mip_gap}
    if time_limit is not None:
        options["time_limit"] = time_limit
    with _quiet_c_stdout():
        res = milp(
            -value,
            integrality=np.ones(len(value)),
            bounds=Bounds(0, 1),
            constraints=LinearConstraint(sub[used], -np.inf, rhs[used]),
            options=options,
        )
    if res.x is None:
        return np.zeros(len(value), bool), res
    return np.asarray(res.x) > 0.5, res


def _greedy(
    value: np.ndarray,
    cost: np.ndarray,
    person: np.ndarray,
    opening: np.ndarray,
    capacity: np.ndarray,
    budget: float | None,
) -> np.ndarray:
    """Indices the greedy baseline takes: by value per cost (by value without a budget)."""
    n = len(value)
    if budget is None:
        order = np.lexsort((np.arange(n), cost, -value))
    else:
        with np.errstate(divide="ignore"):
            ratio = np.where(cost > 0, value / np.where(cost > 0, cost, 1), np.inf)
        order = np.lexsort((np.arange(n), cost, -value, -ratio))
    left = capacity.copy()
    placed = np.zeros(int(person.max(initial=-1)) + 1, bool)
    money = np.inf if budget is None else float(budget)
    taken = []
    for index in order.tolist():
        who, where, price = person[index], opening[index], cost[index]
        if not placed[who] and left[where] > 0 and price <= money:
            placed[who] = True
            left[where] -= 1
            money -= price
            taken.append(index)
    return np.sort(np.asarray(taken, dtype=np.int64))


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


@contextmanager
def _quiet_c_stdout() -> Iterator[None]:
    """Drop what C code prints to standard output meanwhile.

    HiGHS 1.12 (scipy 1.17) prints a debug line from its MIP solver even with
    ``disp=False``, straight to file descriptor 1: it would land in the CLI's output.
    """
    try:
        libc = ctypes.CDLL(None)
        sys.stdout.flush()
        saved = os.dup(1)
    except Exception:  # no C library to flush or no descriptor 1: leave output alone
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    try:
        yield
    finally:
        libc.fflush(None)
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def _people(people: Iterable[Hashable] | pd.DataFrame) -> tuple[list[Hashable], pd.Series | None]:
    """The ids in order, and their priority when ``people`` is a frame with that column."""
    priority = None
    if isinstance(people, pd.DataFrame):
        _require(people, ["employee_id"], "people")
        ids = people["employee_id"].tolist()
        if "priority" in people.columns:
            numbers = _numbers(people, "priority", "people", minimum=1, empty=1.0)
            priority = pd.Series(numbers, index=pd.Index(ids))
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
    _require(candidates, _CANDIDATE_COLUMNS, "candidates")
    frame = candidates.reset_index(drop=True).copy()
    frame["_row"] = np.arange(len(frame))
    for column in ["fit", "training_cost", "training_hours"]:
        frame[column] = _numbers(
            frame, column, "candidates", minimum=None if column == "fit" else 0
        )
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
        frame["priority"] = _numbers(frame, "priority", "candidates", minimum=1, empty=1.0)
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
    _require(openings, ["opening_id", "capacity"], "openings")
    _unique(openings, "opening_id", "openings")
    capacity = _numbers(openings, "capacity", "openings", minimum=0, whole=True)
    return pd.Series(capacity.astype(np.int64), index=pd.Index(openings["opening_id"].to_numpy()))


def _numbers(
    frame: pd.DataFrame,
    column: str,
    name: str,
    *,
    minimum: float | None,
    whole: bool = False,
    empty: float | None = None,
) -> np.ndarray:
    """The column as floats; the first bad cell is an error naming its row."""
    numbers = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float, copy=True)
    if empty is not None:  # only cells left empty take the default, not unreadable ones
        numbers[frame[column].isna().to_numpy()] = empty
    bad = ~np.isfinite(numbers)
    if minimum is not None:
        bad |= numbers < minimum
    if whole:
        bad |= numbers != np.round(numbers)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        kind = "a whole number" if whole else "a number"
        limit = f" >= {minimum:g}" if minimum is not None else ""
        raise InputDataError(
            f"{frame[column].iloc[row]!r} is not {kind}{limit}",
            file=name,
            row=row + 1,
            column=column,
        )
    return numbers


def _require(frame: pd.DataFrame, columns: Sequence[str], name: str, hint: str = "") -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        found = ", ".join(map(str, frame.columns)) or "none"
        raise InputDataError(
            f"missing column(s) {', '.join(missing)}{hint}; found: {found}", file=name
        )


def _unique(frame: pd.DataFrame, key: str, name: str) -> None:
    twice = frame[key].duplicated()
    if twice.any():
        row = int(np.flatnonzero(twice.to_numpy())[0])
        raise InputDataError(
            f"{frame[key].iloc[row]!r} appears twice", file=name, row=row + 1, column=key
        )


def _flags(frame: pd.DataFrame, name: str) -> np.ndarray:
    """The ``relocation`` column as booleans; empty means no."""
    out = np.zeros(len(frame), bool)
    for row, raw in enumerate(frame["relocation"].tolist()):
        text = "" if pd.isna(raw) else str(raw).strip().casefold().removesuffix(".0")
        if text not in _TRUTHY | _FALSY:
            raise InputDataError(
                f"{raw!r} is not yes or no", file=name, row=row + 1, column="relocation"
            )
        out[row] = text in _TRUTHY
    return out


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
