"""The exact assignment and the greedy baseline, on arrays: the mathematics of
:func:`~workshift.reskilling.assign`.

The model is a 0/1 programme with one variable per candidate pair: a transportation problem
(totally unimodular, so its LP relaxation is integral) plus, with a budget, one knapsack row.
:func:`exact_plan` solves it exactly with HiGHS through scipy in two steps, both on the full
candidate set:

1. The LP relaxation by column generation (``linprog``): solve it over a few promising pairs
   per person, price every other pair with the duals, add those that would improve it,
   repeat until none would. Any duals give an upper bound ``U`` on every plan, and each pair
   a reduced cost ``r``: a plan that uses a pair with ``r < 0`` is worth at most ``U + r``.
2. The MILP (``milp``, relative gap ``mip_gap``) on the *core*: the pairs with
   ``r >= -tau``. Given the core's optimum ``L``, every pair outside it has ``r < -tau
   <= L - U`` when ``U - L <= tau``, so no plan using it can beat ``L``: the core's optimum
   is the optimum. Otherwise ``tau`` grows to ``U - L`` and the core is solved once more,
   which then proves it. The first ``tau`` is 0.5% of the median pair value.

HiGHS accepts rows within a tolerance (1e-6 of the budget); a plan that overruns the budget
by that much is refused, the budget row tightened by the overrun and the core solved again
(plans that would use the last 1e-7 of the budget may be missed).

:func:`greedy_plan` is the baseline: pairs by value per training cost (by value without a
budget), highest first, ties by position, each taken while the person is free, the opening
has room and the budget lasts.

Examples
--------
Two people, one opening with one place: the exact plan takes the more valuable pair.

>>> value, cost = np.array([1.5, 1.9]), np.array([10.0, 10.0])
>>> person, opening, capacity = np.array([0, 1]), np.array([0, 0]), np.array([1])
>>> picked, info = exact_plan(value, cost, person, opening, capacity, None, 0.0, None)
>>> picked.tolist(), info.status
([False, True], 'optimal')
>>> greedy_plan(value, cost, person, opening, capacity, None).tolist()
[1]
"""

from __future__ import annotations

import ctypes
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from workshift.exceptions import SolverError

__all__ = ["SolverInfo", "exact_plan", "greedy_plan"]

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


def exact_plan(
    value: np.ndarray,
    cost: np.ndarray,
    person: np.ndarray,
    opening: np.ndarray,
    capacity: np.ndarray,
    budget: float | None,
    mip_gap: float,
    time_limit: float | None,
) -> tuple[np.ndarray, SolverInfo]:
    """The exact plan (a boolean mask over the pairs) and how it was found.

    Pair ``i`` is worth ``value[i]``, costs ``cost[i]`` and joins ``person[i]`` to
    ``opening[i]`` (integer ids; ``capacity`` is indexed by opening id); ``budget`` None
    means no limit. ``time_limit`` (seconds for the MILP solves) may end the search with the
    best plan found (status ``"time limit"``).

    Raises
    ------
    SolverError
        HiGHS could not solve the LP relaxation.
    """
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
            raise SolverError(f"the LP relaxation failed: {res.message}")
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


def greedy_plan(
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
