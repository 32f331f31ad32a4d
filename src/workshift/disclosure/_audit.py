"""The audit: what an attacker can infer about every suppressed cell.

For each suppressed cell one LP maximises and one minimises its people given everything
published in the same run (published cells fixed), every relation of the
:class:`~workshift.disclosure.LinearSystem` and non-negativity; suppressed cells and
latent totals are free, with no upper bound. A primary cell passes when its interval
reaches ``margin`` above and ``min(margin, value)`` below its value; a complementary cell
when its interval is at least ``margin`` wide.

The audit frame holds true values and intervals: it is for HR and tests, never for
publication (the suppression log is).

Examples
--------
>>> import numpy as np
>>> import pandas as pd
>>> from workshift.disclosure import DisclosurePolicy, Table, linear_system
>>> from workshift.disclosure._audit import audit
>>> parts = pd.DataFrame({"d": ["A", "B", "C"], "people": [3, 8, 20]})
>>> total = pd.DataFrame({"people": [31]})
>>> system = linear_system([Table("parts", parts, ["d"]), Table("total", total)])
>>> first = np.array([True, False, False, False])
>>> audit(system, first, first, DisclosurePolicy())[["people", "lower", "upper", "ok"]]
   people  lower  upper     ok
0     3.0    3.0    3.0  False
>>> both = np.array([True, True, False, False])
>>> audit(system, both, first, DisclosurePolicy())[["people", "lower", "upper", "ok"]]
   people  lower  upper    ok
0     3.0    0.0   11.0  True
1     8.0    0.0   11.0  True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workshift.disclosure._attacker import Attacker
from workshift.disclosure._policy import DisclosurePolicy
from workshift.disclosure._suppress import requirements
from workshift.disclosure._tables import LinearSystem

__all__ = ["audit"]

_TOL = 1e-6

COLUMNS = ["var", "reason", "people", "lower", "upper", "width", "need_lower", "need_upper", "ok"]


def audit(
    system: LinearSystem,
    suppressed: np.ndarray,
    first: np.ndarray,
    policy: DisclosurePolicy,
) -> pd.DataFrame:
    """The attacker's interval for every suppressed cell and whether it is wide enough.

    Parameters
    ----------
    system : LinearSystem
    suppressed : ndarray of bool
        The pattern to audit, one entry per cell.
    first : ndarray of bool
        The primary cells (stricter requirement).
    policy : DisclosurePolicy

    Returns
    -------
    DataFrame
        One row per suppressed cell: ``var``, ``reason``, ``people`` and the interval
        ``lower``, ``upper``, ``width``; ``need_lower``/``need_upper`` (what a primary cell
        must reach) and ``ok``.
    """
    n = system.n_cells
    value = system.value[:n]
    lower = np.concatenate([np.where(suppressed, 0.0, value), np.zeros(system.n_latent)])
    upper = np.concatenate([np.where(suppressed, np.inf, value), np.full(system.n_latent, np.inf)])
    attacker = Attacker(system, lower, upper)
    up, down = requirements(system, policy)
    records = []
    for i in np.flatnonzero(suppressed):
        high = attacker.solve(int(i), 1.0).value
        low = -attacker.solve(int(i), -1.0).value
        if first[i]:
            need_low, need_high = value[i] - down[i], value[i] + up[i]
            ok = high >= need_high - _TOL and low <= need_low + _TOL
        else:
            need_low, need_high = np.nan, np.nan
            ok = high - low >= up[i] - _TOL
        reason = "primary" if first[i] else "complementary"
        records.append(
            (int(i), reason, value[i], low, high, high - low, need_low, need_high, bool(ok))
        )
    return pd.DataFrame.from_records(records, columns=COLUMNS)
