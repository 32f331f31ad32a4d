"""The attacker's linear programme: what can be inferred about one cell from the rest.

The attacker knows every published cell, every relation of the
:class:`~workshift.disclosure.LinearSystem` and that counts are not negative. For a
suppressed cell ``i`` the interval of values consistent with that knowledge is
``[min y_i, max y_i]`` over ``a_eq y = b_eq, a_ub y <= b_ub, lower <= y <= upper``, with the
bounds of published cells fixed at their values. :class:`Attacker` builds that LP once
(published cells substituted out) and re-solves it for each target with only the
objective changed, warm-started from the previous basis: HiGHS through ``highspy``, the
same HiGHS that scipy bundles when ``highspy`` is not installed, or ``scipy.optimize
.linprog`` (one solve from scratch per target) when neither binding is importable. The
duals it returns are what the suppression model builds its cuts from.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

from workshift.disclosure._tables import LinearSystem
from workshift.exceptions import SolverError

__all__ = ["Attacker", "Solution", "highs_binding"]


def highs_binding() -> Any | None:
    """The HiGHS Python core (``highspy``, else scipy's bundled copy), or None."""
    try:
        return importlib.import_module("highspy")
    except ImportError:
        pass
    try:  # scipy >= 1.15 bundles highspy's core privately; used only when it imports
        from scipy.optimize._highspy import _core

        return _core if hasattr(_core, "_Highs") else None
    except ImportError:
        return None


@dataclass(frozen=True)
class Solution:
    """The optimum of ``max sign * y_i`` and the row duals (in the max convention)."""

    value: float
    """``max sign * y_i``; ``inf`` when unbounded."""
    dual_eq: np.ndarray | None
    dual_ub: np.ndarray | None
    point: np.ndarray | None = None
    """An optimal ``y`` (every variable): a witness that stays valid while it is within
    the bounds, since the relations do not change."""


class Attacker:
    """Solve ``max (sign * y_target)`` for many targets under one set of bounds.

    Parameters
    ----------
    system : LinearSystem
    lower, upper : ndarray
        Bounds per variable (``upper`` may be ``inf``); a variable with equal bounds is
        known to the attacker.
    backend : {"highs", "linprog"}, optional
        Default: ``highs`` when a binding imports.
    """

    def __init__(
        self,
        system: LinearSystem,
        lower: np.ndarray,
        upper: np.ndarray,
        backend: str | None = None,
    ) -> None:
        self.lower, self.upper = lower, upper
        free = upper - lower > 1e-12
        self.free = np.flatnonzero(free)
        self.position = np.full(len(lower), -1)
        self.position[self.free] = np.arange(len(self.free))
        fixed_value = np.where(free, 0.0, lower)
        self.fixed_value = fixed_value
        b_eq = system.b_eq - system.a_eq @ fixed_value
        b_ub = system.b_ub - system.a_ub @ fixed_value
        matrix = sp.vstack([system.a_eq, system.a_ub]).tocsc()[:, self.free]
        used = np.flatnonzero(np.diff(matrix.tocsr().indptr))  # rows with a free variable
        self.n_eq, self.n_ub = system.a_eq.shape[0], system.a_ub.shape[0]
        self.rows = used
        self.matrix = matrix.tocsr()[used].tocsc()
        self.row_lower = np.concatenate([b_eq, np.full(self.n_ub, -np.inf)])[used]
        self.row_upper = np.concatenate([b_eq, b_ub])[used]
        self.col_lower, self.col_upper = lower[self.free], upper[self.free]
        binding = highs_binding() if backend in (None, "highs") else None
        if backend == "highs" and binding is None:
            raise SolverError("no HiGHS binding (highspy) could be imported")
        self._highs = self._build(binding) if binding is not None and len(self.free) else None

    def _build(self, binding: Any) -> Any:
        inf = binding.kHighsInf
        lp = binding.HighsLp()
        lp.num_col_, lp.num_row_ = len(self.free), len(self.rows)
        lp.col_cost_ = np.zeros(len(self.free))
        lp.col_lower_ = self.col_lower
        lp.col_upper_ = np.where(np.isinf(self.col_upper), inf, self.col_upper)
        lp.row_lower_ = np.where(np.isinf(self.row_lower), -inf, self.row_lower)
        lp.row_upper_ = self.row_upper
        lp.a_matrix_.format_ = binding.MatrixFormat.kColwise
        lp.a_matrix_.start_ = self.matrix.indptr
        lp.a_matrix_.index_ = self.matrix.indices
        lp.a_matrix_.value_ = self.matrix.data
        highs = binding._Highs() if hasattr(binding, "_Highs") else binding.Highs()
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("presolve", "off")  # warm starts need the original model
        # Only the objective changes between solves, so the last basis stays primal
        # feasible: primal simplex restarts from it in a few pivots (dual simplex, the
        # default, would start over: ~15x slower on the benchmark).
        highs.setOptionValue("simplex_strategy", 4)
        highs.passModel(lp)
        self._binding = binding
        self._last: int | None = None
        return highs

    def solve(self, target: int, sign: float) -> Solution:
        """``max sign * y_target``; a known (fixed) target returns its value, no duals."""
        column = int(self.position[target])
        if column < 0:
            return Solution(sign * float(self.lower[target]), None, None)
        if self._highs is None:
            return self._linprog(column, sign)
        highs = self._highs
        if self._last is not None and self._last != column:
            highs.changeColCost(self._last, 0.0)
        highs.changeColCost(column, -sign)
        self._last = column
        highs.run()
        status = highs.getModelStatus()
        model_status = self._binding.HighsModelStatus
        if status in (model_status.kUnbounded, model_status.kUnboundedOrInfeasible):
            return Solution(np.inf, None, None)
        if status != model_status.kOptimal:
            raise SolverError(f"the attacker LP failed: {highs.modelStatusToString(status)}")
        solution = highs.getSolution()
        value = -float(highs.getInfo().objective_function_value)
        return self._solution(value, np.asarray(solution.row_dual), np.asarray(solution.col_value))

    def _solution(self, value: float, row_dual: np.ndarray, col_value: np.ndarray) -> Solution:
        dual = np.zeros(self.n_eq + self.n_ub)
        dual[self.rows] = -row_dual  # min -sign*y: d(min)/d(rhs) = row dual; max = -min
        point = self.fixed_value.copy()
        point[self.free] = col_value
        return Solution(value, dual[: self.n_eq], np.maximum(dual[self.n_eq :], 0.0), point)

    def _linprog(self, column: int, sign: float) -> Solution:
        c = np.zeros(len(self.free))
        c[column] = -sign
        eq = np.isfinite(self.row_lower)
        a = self.matrix.tocsr()
        result = linprog(
            c,
            A_ub=a[~eq] if (~eq).any() else None,
            b_ub=self.row_upper[~eq] if (~eq).any() else None,
            A_eq=a[eq] if eq.any() else None,
            b_eq=self.row_upper[eq] if eq.any() else None,
            bounds=np.column_stack([self.col_lower, self.col_upper]),
            method="highs",
        )
        if result.status == 3:
            return Solution(np.inf, None, None)
        if result.status != 0:
            raise SolverError(f"the attacker LP failed: {result.message}")
        row_dual = np.zeros(len(self.rows))
        if eq.any():
            row_dual[eq] = result.eqlin.marginals
        if (~eq).any():
            row_dual[~eq] = result.ineqlin.marginals
        return self._solution(-float(result.fun), row_dual, np.asarray(result.x))
