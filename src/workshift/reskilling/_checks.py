"""Checks of the frames the reskilling stage reads: columns, ids, numbers, yes/no cells.

Each check raises :class:`~workshift.exceptions.InputDataError` naming the file (or the
frame's name), the 1-based row and the column of the first bad cell.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from workshift.exceptions import InputDataError

__all__ = ["NO", "YES", "numbers", "require_columns", "unique_ids", "yes_no"]

YES = frozenset({"yes", "y", "true", "1", "ja", "j", "x", "wahr"})
"""Cells that mean yes (compared trimmed and case-insensitive), English and German."""
NO = frozenset({"no", "n", "false", "0", "nein", "falsch", ""})
"""Cells that mean no; an empty cell is no."""


def numbers(
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


def require_columns(frame: pd.DataFrame, columns: Sequence[str], name: str, hint: str = "") -> None:
    """Every column of ``columns`` is in ``frame``; the error lists what is missing and found."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        found = ", ".join(map(str, frame.columns)) or "none"
        raise InputDataError(
            f"missing column(s) {', '.join(missing)}{hint}; found: {found}", file=name
        )


def unique_ids(frame: pd.DataFrame, key: str, name: str) -> None:
    """No value of ``key`` repeats."""
    twice = frame[key].duplicated()
    if twice.any():
        row = int(np.flatnonzero(twice.to_numpy())[0])
        raise InputDataError(
            f"{frame[key].iloc[row]!r} appears twice", file=name, row=row + 1, column=key
        )


def yes_no(frame: pd.DataFrame, column: str, name: str) -> np.ndarray:
    """A yes/no column as booleans (:data:`YES`, :data:`NO`, booleans; empty means no);
    anything else is an error naming its row.

    >>> yes_no(pd.DataFrame({"relocation": ["Ja", "", "no", True]}), "relocation", "people")
    array([ True, False, False,  True])
    """
    out = np.zeros(len(frame), bool)
    for row, raw in enumerate(frame[column].tolist()):
        text = "" if pd.isna(raw) else str(raw).strip().casefold().removesuffix(".0")
        if text not in YES | NO:
            raise InputDataError(f"{raw!r} is not yes or no", file=name, row=row + 1,
                                 column=column)  # fmt: skip
        out[row] = text in YES
    return out
