"""The suppression log: counts and reasons per table, never values.

It may be published beside the protected tables: it says how many cells each table
has, how many are shown and how many are hidden and why, and whether the audit passed.

Examples
--------
>>> from collections.abc import Sequence

import pandas as pd
>>> status = pd.DataFrame({"table": ["t", "t", "t", "u"],
...                        "status": ["published", "primary", "complementary", "published"]})
>>> suppression_log(status)
  table  cells  published  suppressed_primary  suppressed_complementary
0     t      3          1                   1                         1
1     u      1          1                   0                         0
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["REASONS", "suppression_log"]

REASONS = {
    "primary": "fewer people than the minimum group size",
    "complementary": "hidden so that a smaller group cannot be worked out from the rest",
}
"""Why a cell is suppressed (the log's reasons, in words)."""


def suppression_log(status: pd.DataFrame, tables: Sequence[str] | None = None) -> pd.DataFrame:
    """Per table: cells, published, suppressed as primary and as complementary.

    Parameters
    ----------
    status : DataFrame
        One row per table row, with ``table`` and ``status`` (``published``,
        ``primary`` or ``complementary``).
    tables : sequence of str, optional
        The tables in the order to list them, empty ones included (default: as they
        first appear in ``status``).
    """
    counts = pd.crosstab(status["table"], status["status"])
    out = pd.DataFrame({"table": counts.index})
    out["cells"] = counts.sum(axis=1).to_numpy()
    for column, kind in (
        ("published", "published"),
        ("suppressed_primary", "primary"),
        ("suppressed_complementary", "complementary"),
    ):
        out[column] = counts[kind].to_numpy() if kind in counts else 0
    order = list(tables) if tables is not None else list(dict.fromkeys(status["table"]))
    out = out.set_index("table").reindex(order, fill_value=0).astype(int)
    return out.rename_axis("table").reset_index()
