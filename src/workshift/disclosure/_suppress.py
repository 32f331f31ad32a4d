"""Primary and complementary cell suppression (Fischetti-Salazar, by constraint generation).

Primary: a cell with ``0 < people < k`` is suppressed. Complementary: the fewest further
cells (or people, per the policy) such that, for the attacker, every primary cell ``i``
can move up by ``p = margin`` and down by ``l_i = min(margin, a_i)``, and every other
suppressed cell lies in an interval at least ``p`` wide (it must not be recomputable).

The model (Fischetti and Salazar-Gonzalez 2000, "Models and algorithms for optimizing
cell suppression in tabular data with linear constraints"): a binary ``x_j`` per cell
(1 = suppressed, primaries fixed at 1). With ``x`` given, the attacker's bounds are
``a_j (1 - x_j) <= y_j <= a_j + B x_j`` (a published cell is fixed, a suppressed one may
drop to 0 or rise by ``B``, the largest table total plus the margin) and the requirement is
``max y_i >= a_i + p x_i`` and ``max -y_i >= -a_i + l_i x_i`` (for a complementary cell:
their sum, ``max y_i - min y_i >= p x_i``). By LP duality the attacker's
optimum is the minimum, over dual-feasible ``(lambda, gamma, alpha, beta)``, of a function
*linear in x*; so every dual solution gives a valid cut
``K + sum_j (beta_j B + alpha_j a_j) x_j >= sign a_i + req_i x_i``, which holds for every
protected pattern and is violated by the pattern whose LP produced it. The master MILP
(HiGHS) is solved, each suppressed cell's two attacker LPs separate violated cuts, and
the loop ends when no cell is violated: the final pattern is protected *by the LP*, not
by a hope. Cuts are conditional on ``x_i``, so complementary cells are protected too.

Before the MILP, the LP relaxation is tightened the same way, and each relation gets its
single-row capacity cuts (a child can only rise if its parent rises or a sibling falls).
The model is at least as strict as the audit: its attacker is bounded by ``B`` above,
the audit's is not.

Examples
--------
>>> import numpy as np
>>> import pandas as pd
>>> from workshift.disclosure import DisclosurePolicy, Table, linear_system
>>> from workshift.disclosure._suppress import complementary, primary
>>> grid = pd.DataFrame({"r": list("aabb"), "c": list("xyxy"), "people": [2, 10, 9, 12]})
>>> rows = grid.groupby("r", as_index=False)["people"].sum()
>>> cols = grid.groupby("c", as_index=False)["people"].sum()
>>> total = pd.DataFrame({"people": [33]})
>>> system = linear_system([Table("g", grid, ["r", "c"]), Table("r", rows, ["r"]),
...                         Table("c", cols, ["c"]), Table("total", total)])
>>> first = primary(system, DisclosurePolicy())
>>> outcome = complementary(system, first, DisclosurePolicy())
>>> int(first.sum()), int(outcome.suppressed.sum()), outcome.optimal
(1, 4, True)
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from workshift.disclosure._attacker import Attacker
from workshift.disclosure._policy import DisclosurePolicy
from workshift.disclosure._tables import LinearSystem
from workshift.exceptions import SolverError

__all__ = ["Outcome", "complementary", "primary", "requirements", "smallest_sibling"]

_TOL = 1e-6
_VIOLATION = 1e-4


@dataclass(frozen=True)
class Outcome:
    """A suppression pattern over the cells of a system and how it was found."""

    suppressed: np.ndarray
    """Boolean per cell (published variable)."""
    optimal: bool
    """The solver proved the pattern minimal (over the model)."""
    rounds: int
    cuts: int
    seconds: float


def primary(system: LinearSystem, policy: DisclosurePolicy) -> np.ndarray:
    """Cells with ``0 < people < min_people`` (boolean per cell)."""
    value = system.value[: system.n_cells]
    return (value > 0) & (value < policy.min_people)


def requirements(system: LinearSystem, policy: DisclosurePolicy) -> tuple[np.ndarray, np.ndarray]:
    """Per cell, how far up and down it must be able to move when suppressed."""
    value = system.value[: system.n_cells]
    up = np.full(system.n_cells, policy.protection)
    return up, np.minimum(policy.protection, value)


_MASTER_SLICE = 5.0
"""Seconds one master MILP may take before its best pattern is separated."""

_Cut = tuple[sp.csr_matrix, float]
"""``g @ x >= rhs``: one sparse row and its right-hand side."""


def _cut(g: np.ndarray, rhs: float) -> _Cut:
    g = np.where(np.abs(g) < 1e-12, 0.0, g)
    return sp.csr_matrix(g[None, :]), rhs


class _Separator:
    """The attacker LPs of the suppression model and the cuts they yield."""

    def __init__(
        self,
        system: LinearSystem,
        policy: DisclosurePolicy,
        first: np.ndarray,
        backend: str | None = None,
    ) -> None:
        self.system = system
        self.first = first
        self.backend = backend
        self.violated = 0
        self.witness: dict[tuple[int, float], np.ndarray] = {}
        self.n = system.n_cells
        self.a = np.nan_to_num(system.value[: self.n])
        self.big = system.bound + policy.protection
        self.up, self.down = requirements(system, policy)
        self.at = sp.vstack([system.a_eq, system.a_ub]).T.tocsr()
        self.b = np.concatenate([system.b_eq, system.b_ub])

    def bounds(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n_latent = self.system.n_latent
        lower = np.concatenate([self.a * (1 - x), np.zeros(n_latent)])
        upper = np.concatenate([self.a + self.big * x, np.full(n_latent, self.big)])
        return lower, upper

    def cuts(self, x: np.ndarray, cells: np.ndarray) -> list[_Cut]:
        """Violated cuts ``g @ x >= rhs`` for the given cells under pattern ``x``.

        A primary cell must move up by ``up`` and down by ``down``; any other suppressed
        cell must have an interval at least ``margin`` wide (the sum of both cuts).
        """
        lower, upper = self.bounds(x)
        attacker: Attacker | None = None
        found = []
        for i in cells:
            if self._witnessed(int(i), x, lower, upper):
                continue
            if attacker is None:
                attacker = Attacker(self.system, lower, upper, backend=self.backend)
            sides = [self._side(attacker, int(i), sign) for sign in (1.0, -1.0)]
            if self.first[i]:
                for (opt, g, k), sign, need in zip(
                    sides, (1.0, -1.0), (self.up[i], self.down[i]), strict=True
                ):
                    if need > 0 and opt - sign * self.a[i] < need * x[i] - _VIOLATION:
                        g = g.copy()
                        g[i] -= need
                        found.append((g, sign * self.a[i] - k))
            else:
                width = sides[0][0] + sides[1][0]
                if width < self.up[i] * x[i] - _VIOLATION:
                    g = sides[0][1] + sides[1][1]
                    g[i] -= self.up[i]
                    found.append((g, -sides[0][2] - sides[1][2]))
        # Keep a cut only when it separates x (HiGHS's duals are exact to ~1e-7); relax its
        # right-hand side by a hair so that rounding never cuts off a protected pattern.
        self.violated = len(found)
        return [_cut(g, rhs - _TOL) for g, rhs in found if g @ x < rhs - _VIOLATION]

    def _witnessed(self, i: int, x: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> bool:
        """Earlier optimal points for cell ``i`` still within the bounds already show
        that it can move far enough (the relations never change, only the bounds): then
        no LP is needed this round."""
        reach = []
        for sign in (1.0, -1.0):
            point = self.witness.get((i, sign))
            if point is None or (point < lower - 1e-9).any() or (point > upper + 1e-9).any():
                return False
            reach.append(sign * (point[i] - self.a[i]))
        if self.first[i]:
            return bool(reach[0] >= self.up[i] * x[i] and reach[1] >= self.down[i] * x[i])
        return bool(reach[0] + reach[1] >= self.up[i] * x[i])

    def _side(self, attacker: Attacker, i: int, sign: float) -> tuple[float, np.ndarray, float]:
        """``max sign * y_i`` and its dual bound ``k + g @ x`` (valid for every x)."""
        solution = attacker.solve(i, sign)
        if solution.dual_eq is None or solution.dual_ub is None:
            raise SolverError("a suppressed cell is fixed in the attacker model")
        if solution.point is not None:
            self.witness[(i, sign)] = solution.point
        dual = np.concatenate([solution.dual_eq, solution.dual_ub])
        d = -(self.at @ dual)
        d[i] += sign
        beta, alpha = np.maximum(d, 0.0), np.maximum(-d, 0.0)
        n = self.n
        constant = float(self.b @ dual)
        constant += float(beta[:n] @ self.a - alpha[:n] @ self.a)
        constant += float(beta[n:].sum() * self.big)
        return solution.value, beta[:n] * self.big + alpha[:n] * self.a, constant


def _capacity_cuts(sep: _Separator) -> list[_Cut]:
    """Single-relation cuts: a cell moves only if others in its relation move against it."""
    system, n = sep.system, sep.n
    cuts = []
    for row in system.a_eq:
        cols, coefs = row.indices, row.data
        if len(cols) < 2 or (cols >= n).any():
            continue
        for k, i in enumerate(cols):
            if not sep.first[i]:
                continue
            same = np.sign(coefs) == np.sign(coefs[k])
            same[k] = False
            other = ~same
            other[k] = False
            w = np.abs(coefs) / abs(coefs[k])
            for need, falls, rises in ((sep.up[i], same, other), (sep.down[i], other, same)):
                if need <= 0:
                    continue
                g = np.zeros(n)
                g[cols[falls]] = w[falls] * sep.a[cols[falls]]
                g[cols[rises]] = w[rises] * sep.big
                g[i] -= need
                cuts.append(_cut(g, -_TOL))
    return cuts


def _stack(cuts: list[_Cut]) -> tuple[sp.csr_matrix, np.ndarray]:
    return sp.vstack([g for g, _ in cuts]).tocsr(), np.array([r for _, r in cuts])


def complementary(
    system: LinearSystem,
    first: np.ndarray,
    policy: DisclosurePolicy,
    published: np.ndarray | None = None,
) -> Outcome:
    """The cheapest protected pattern containing the primary cells ``first``; cells
    where ``published`` is true stay published (a figure published elsewhere anyway)."""
    start = time.perf_counter()
    sep = _Separator(system, policy, first)
    n = sep.n
    if not first.any():
        return Outcome(first.copy(), True, 0, 0, time.perf_counter() - start)
    people = sep.a
    if policy.cost == "people":
        weight = people + 0.01
    else:
        weight = 1.0 + 0.001 * people / max(1.0, float(people.max()))
    weight = np.where(first, 0.0, weight)
    lower = first.astype(float)
    upper = np.ones(n) if published is None else np.where(published[:n], 0.0, 1.0)
    if (lower > upper).any():
        raise SolverError("a cell below the minimum group size must stay published")
    cuts = _capacity_cuts(sep)
    rounds = 0
    # Phase 1: the LP relaxation, tightened by cuts at fractional patterns.
    for _ in range(30):
        if time.perf_counter() - start > policy.time_limit / 2:
            break  # leave the MILP its half of the time
        rounds += 1
        a_cut, b_cut = _stack(cuts) if cuts else (None, None)
        relax = linprog(
            weight,
            A_ub=-a_cut if a_cut is not None else None,
            b_ub=-b_cut if b_cut is not None else None,
            bounds=np.column_stack([lower, upper]),
            method="highs",
        )
        if relax.status != 0:
            raise SolverError(f"the suppression LP failed: {relax.message}")
        x = np.clip(relax.x, 0.0, 1.0)
        new = sep.cuts(x, np.flatnonzero(x > 1e-6))
        if not new:
            break
        cuts += new
    # Phase 2: the MILP, with separation at each integer pattern.
    optimal = True
    while True:
        rounds += 1
        remaining = policy.time_limit - (time.perf_counter() - start)
        if remaining <= 0:
            raise SolverError(
                f"complementary suppression did not finish within {policy.time_limit} s"
            )
        constraints = [LinearConstraint(*_stack(cuts), np.inf)] if cuts else []
        # Each master MILP gets a slice of the time: proving a master optimal can take
        # far longer than finding a good pattern, and every pattern is checked by the
        # separation below anyway (a pattern found within the slice is safe once no cut
        # separates it; only its minimality is then unproven, and ``optimal`` says so).
        result = milp(
            weight,
            constraints=constraints,
            integrality=np.ones(n),
            bounds=Bounds(lower, upper),
            options={"time_limit": min(remaining, _MASTER_SLICE), "mip_rel_gap": 0.0},
        )
        if result.x is None:
            raise SolverError(f"the suppression MILP found no pattern: {result.message}")
        optimal = optimal and result.status == 0
        x = np.round(result.x)
        new = sep.cuts(x, np.flatnonzero(x > 0.5))
        if not new and sep.violated:
            raise SolverError("a suppressed cell is exposed but no cut separates it (numerics)")
        if not new:
            break
        cuts += new
    return Outcome(x > 0.5, optimal, rounds, len(cuts), time.perf_counter() - start)


def smallest_sibling(groups: list[list[int]], value: np.ndarray, first: np.ndarray) -> np.ndarray:
    """The naive baseline: while a sum (a total and its parts, from
    :func:`~workshift.disclosure._tables.margin_groups`) has exactly one hidden cell,
    hide its smallest non-empty published cell.

    It is what a spreadsheet rule does: table by table, no atoms, no LP. It is not
    guaranteed to protect; the audit shows where it fails (two small cells hiding each
    other, differences across tables, complements too small to hide a cell).
    """
    suppressed = first.copy()
    changed = True
    while changed:
        changed = False
        for cols in groups:
            hidden = [c for c in cols if suppressed[c]]
            if len(hidden) != 1:
                continue
            options = [c for c in cols if not suppressed[c] and value[c] > 0]
            if not options:
                continue
            suppressed[min(options, key=lambda c: (value[c], c))] = True
            changed = True
    return suppressed
