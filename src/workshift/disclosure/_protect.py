"""``protect``: every table of a run through one disclosure-control pass.

Examples
--------
>>> import pandas as pd
>>> from workshift.disclosure import DisclosurePolicy, Table, protect
>>> cells = pd.DataFrame({"department": ["A", "A", "B", "B"],
...                       "location": ["X", "Y", "X", "Y"],
...                       "people": [2, 10, 9, 12], "beta": [0.4, 0.3, 0.2, 0.5]})
>>> depts = pd.DataFrame({"department": ["A", "B"], "people": [12, 21]})
>>> sites = pd.DataFrame({"location": ["X", "Y"], "people": [11, 22]})
>>> total = pd.DataFrame({"people": [33]})
>>> out = protect([Table("dl", cells, ["department", "location"], values=["beta"]),
...                Table("d", depts, ["department"]), Table("l", sites, ["location"]),
...                Table("total", total)], DisclosurePolicy(min_people=5))
>>> out.frames["dl"]
  department location  people  beta  suppressed
0          A        X    <NA>  <NA>        True
1          A        Y    <NA>  <NA>        True
2          B        X    <NA>  <NA>        True
3          B        Y    <NA>  <NA>        True
>>> out.frames["d"]
  department  people  suppressed
0          A      12       False
1          B      21       False
>>> out.log
   table  cells  published  suppressed_primary  suppressed_complementary
0     dl      4          0                   1                         3
1      d      2          2                   0                         0
2      l      2          2                   0                         0
3  total      1          1                   0                         0
>>> out.ok
True
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from workshift.disclosure._audit import audit as run_audit
from workshift.disclosure._log import REASONS, suppression_log
from workshift.disclosure._policy import DisclosurePolicy
from workshift.disclosure._suppress import complementary, primary, smallest_sibling
from workshift.disclosure._tables import Relation, Table, linear_system, margin_groups

__all__ = ["Protected", "protect"]


@dataclass(frozen=True)
class Protected:
    """The outcome of :func:`protect`.

    Attributes
    ----------
    frames : dict of str to DataFrame
        The publishable tables, in input order and row order: a suppressed cell's people
        and values are missing (``<NA>``) and ``suppressed`` is True. The flag does not
        say *why* (primary or complementary): that would tell which cells are small.
    log : DataFrame
        The suppression log (counts per table, no values): publishable.
    audit : DataFrame
        Per suppressed cell: table, key, reason, true people, the attacker's interval and
        ``ok``. Internal (HR, tests): it holds values.
    status : DataFrame
        Per table row: table, row, status (published / primary / complementary).
        Internal.
    """

    frames: dict[str, pd.DataFrame]
    log: pd.DataFrame
    audit: pd.DataFrame
    status: pd.DataFrame = field(repr=False)
    policy: DisclosurePolicy
    method: str
    optimal: bool
    seconds: float

    @property
    def ok(self) -> bool:
        """Every suppressed cell passed the audit."""
        return bool(self.audit["ok"].all()) if len(self.audit) else True

    def summary(self) -> dict[str, Any]:
        """Counts for ``summary.json``: no values, no keys of suppressed cells."""
        counts = ("cells", "published", "suppressed_primary", "suppressed_complementary")
        tables = {
            str(record["table"]): {c: int(record[c]) for c in counts}
            for record in self.log.to_dict("records")
        }
        return {
            "min_people": self.policy.min_people,
            "margin": self.policy.protection,
            "method": self.method,
            "optimal": self.optimal,
            "reasons": dict(REASONS),
            "tables": tables,
            "suppressed_primary": int(self.log["suppressed_primary"].sum()),
            "suppressed_complementary": int(self.log["suppressed_complementary"].sum()),
            "audit": {
                "cells_checked": len(self.audit),
                "passed": int(self.audit["ok"].sum()) if len(self.audit) else 0,
                "ok": self.ok,
            },
        }


def _blank(column: pd.Series, hide: np.ndarray) -> pd.Series:
    """The column with the hidden rows missing, in a dtype that can say so."""
    out: pd.Series
    if pd.api.types.is_bool_dtype(column):
        out = column.astype("boolean")
    elif pd.api.types.is_integer_dtype(column):
        out = column.astype("Int64")
    elif pd.api.types.is_numeric_dtype(column):
        out = column.astype("Float64")
    else:
        out = column.astype(object)
    return out.mask(hide)


def protect(
    tables: Sequence[Table],
    policy: DisclosurePolicy | None = None,
    *,
    multi_valued: Collection[str] = (),
    relations: Sequence[Relation] = (),
    method: Literal["optimal", "smallest_sibling"] = "optimal",
    published: Collection[str] = (),
) -> Protected:
    """Suppress small groups in all tables of a run, and whatever would reveal them.

    Parameters
    ----------
    tables : sequence of Table
        Every table the run publishes, at once: the relations *between* them are part
        of what an attacker knows.
    policy : DisclosurePolicy, optional
        Minimum group size and protection margin (default ``DisclosurePolicy()``).
    multi_valued : collection of str
        Dimensions on which one person can have several values (``task_group``).
    relations : sequence of Relation
        Further relations an attacker knows (ties between universes).
    published : collection of str
        Tables whose cells must stay published because the run publishes them anyway
        (e.g. the grand total a summary states): complementary cells are chosen elsewhere.
    method : {"optimal", "smallest_sibling"}
        ``optimal`` (default): the fewest complementary cells that the attacker LP
        proves protected. ``smallest_sibling``: the naive rule, for comparison only (its
        audit shows whether it protects).

    Returns
    -------
    Protected
    """
    policy = policy or DisclosurePolicy()
    start = time.perf_counter()
    system = linear_system(tables, multi_valued=multi_valued, relations=relations)
    first = primary(system, policy)
    optimal = True
    if method == "optimal":
        kept = system.cells.loc[system.cells["table"].isin(list(published)), "var"].to_numpy()
        fixed = np.zeros(system.n_cells, dtype=bool)
        fixed[kept[kept < system.n_cells]] = True
        outcome = complementary(system, first, policy, fixed)
        suppressed, optimal = outcome.suppressed, outcome.optimal
    elif method == "smallest_sibling":
        groups = margin_groups(tables, system, multi_valued=multi_valued)
        suppressed, optimal = smallest_sibling(groups, system.value, first), False
    else:
        raise ValueError(f"unknown method {method!r}")
    checked = run_audit(system, suppressed, first, policy)
    kind = np.where(first, "primary", np.where(suppressed, "complementary", "published"))
    status = system.cells.assign(status=kind[system.cells["var"].to_numpy()])
    frames = {}
    for table in tables:
        rows = status[status["table"] == table.name].sort_values("row")
        hide = rows["status"].to_numpy() != "published"
        frame = table.frame.reset_index(drop=True).copy()
        for column in (table.people, *table.values):
            frame[column] = _blank(frame[column], hide)
        frame["suppressed"] = hide
        frames[table.name] = frame
    shown_in: dict[int, list[str]] = {}
    first_row: dict[int, tuple[str, int]] = {}
    for name, row, var in system.cells.itertuples(index=False, name=None):
        shown_in.setdefault(int(var), []).append(str(name))
        first_row.setdefault(int(var), (str(name), int(row)))
    named = {t.name: t for t in tables}

    def key(var: int) -> str:
        name, position = first_row[var]
        table = named[name]
        row = table.frame.iloc[position]
        return ", ".join(f"{d}={row[d]}" for d in table.dims) or "total"

    checked.insert(0, "table", [", ".join(shown_in[int(v)]) for v in checked["var"]])
    checked.insert(1, "key", [key(int(v)) for v in checked["var"]])
    return Protected(
        frames=frames,
        log=suppression_log(status, [t.name for t in tables]),
        audit=checked.drop(columns="var"),
        status=status.drop(columns="var"),
        policy=policy,
        method=method,
        optimal=optimal,
        seconds=time.perf_counter() - start,
    )
