"""The attacker's linear programme: what can be inferred about one cell from the rest.

The attacker knows every published cell, every relation of the
:class:`~workshift.disclosure.LinearSystem` and that counts are not negative. For a
suppressed cell ``i`` the interval of values consistent with that knowledge is
``[min y_i, max y_i]`` over ``a_eq y = b_eq, a_ub y <= b_ub, lower <= y <= upper``, with the
bounds of published cells fixed at their values. :class:`Attacker` solves these LPs with
HiGHS, one connected block of unknown cells at a time (the relations split the unknowns
into independent blocks), and returns the LP duals, from which the suppression model
builds its cuts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog
from scipy.sparse.csgraph import connected_components

from workshift.disclosure._tables import LinearSystem
from workshift.exceptions import SolverError

__all__ = ["Attacker", "Solution"]


@dataclass(frozen=True)
class Solution:
    """The optimum of ``max sign * y_i`` and the row duals (in the max convention)."""

    value: float
    """``max sign * y_i``; ``inf`` when unbounded."""
    dual_eq: np.ndarray | None
    dual_ub: np.ndarray | None


class Attacker:
    """Solve ``max (sign * y_target)`` for many targets under one set of bounds.

    Parameters
    ----------
    system : LinearSystem
    lower, upper : ndarray
        Bounds per variable (``upper`` may be ``inf``); a variable with equal bounds is
        known to the attacker.
    """

    def __init__(self, system: LinearSystem, lower: np.ndarray, upper: np.ndarray) -> None:
        self.system = system
        self.lower, self.upper = lower, upper
        free = upper - lower > 1e-12
        self.free = np.flatnonzero(free)
        fixed_value = np.where(free, 0.0, lower)
        self.b_eq = system.b_eq - system.a_eq @ fixed_value
        self.b_ub = system.b_ub - system.a_ub @ fixed_value
        self.eq_free = system.a_eq[:, self.free].tocsr()
        self.ub_free = system.a_ub[:, self.free].tocsr()
        n_eq, n_ub, n_free = self.eq_free.shape[0], self.ub_free.shape[0], len(self.free)
        incidence = sp.vstack([abs(self.eq_free), abs(self.ub_free)]).tocsr()
        graph = sp.bmat([[None, incidence], [incidence.T, None]], format="csr")
        _, labels = connected_components(graph, directed=False)
        row_label, var_label = labels[: n_eq + n_ub], labels[n_eq + n_ub :]
        self._var_label = dict(zip(self.free.tolist(), var_label.tolist(), strict=True))
        self._blocks: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        order = np.argsort(var_label, kind="stable")
        starts = np.searchsorted(var_label[order], np.unique(var_label))
        for group in np.split(order, starts[1:]):
            label = int(var_label[group[0]])
            rows = np.flatnonzero(row_label == label)
            self._blocks[label] = (group, rows[rows < n_eq], rows[rows >= n_eq] - n_eq)
        self.n_eq, self.n_ub = n_eq, n_ub
        del n_free

    def solve(self, target: int, sign: float) -> Solution:
        """``max sign * y_target``; a known (fixed) target returns its value, no duals."""
        if target not in self._var_label:
            return Solution(sign * float(self.lower[target]), None, None)
        cols, rows_eq, rows_ub = self._blocks[self._var_label[target]]
        c = np.zeros(len(cols))
        c[int(np.flatnonzero(self.free[cols] == target)[0])] = -sign
        bounds = np.column_stack([self.lower[self.free[cols]], self.upper[self.free[cols]]])
        result = linprog(
            c,
            A_ub=self.ub_free[rows_ub][:, cols] if len(rows_ub) else None,
            b_ub=self.b_ub[rows_ub] if len(rows_ub) else None,
            A_eq=self.eq_free[rows_eq][:, cols] if len(rows_eq) else None,
            b_eq=self.b_eq[rows_eq] if len(rows_eq) else None,
            bounds=bounds,
            method="highs",
        )
        if result.status == 3:
            return Solution(np.inf, None, None)
        if result.status != 0:
            raise SolverError(f"the attacker LP failed: {result.message}")
        dual_eq = np.zeros(self.n_eq)
        dual_ub = np.zeros(self.n_ub)
        if len(rows_eq):
            dual_eq[rows_eq] = -result.eqlin.marginals
        if len(rows_ub):
            dual_ub[rows_ub] = np.maximum(-result.ineqlin.marginals, 0.0)
        return Solution(-float(result.fun), dual_eq, dual_ub)
