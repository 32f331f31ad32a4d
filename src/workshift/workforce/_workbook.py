"""The rows of one sheet of an Excel workbook (XLSX, XLSM) as text, with merged cells
carried over.

A merged range holds its value in its top-left cell only; here every cell of the range
gets it, so a header cell merged across two columns names both (they become ``"Name"``
and ``"Name (2)"``) and a department merged down ten rows belongs to all ten. Numbers
are written the shortest way that reads back the same (``2``, ``0.5``, ``38500.5``),
dates as ISO 8601 (``2019-04-01``), formulas as the value Excel last calculated.

``sheet`` is a sheet name (exact, or ignoring case and surrounding spaces), a 0-based
index, or a string of digits that is no sheet's name (then an index, as ``--sheet 1``);
``None`` reads the first sheet and, if there are more, says so in a note.
"""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from pathlib import Path

from workshift.exceptions import InputDataError

__all__ = ["cell_text", "sheet_rows"]


def cell_text(value: object) -> str:
    """A cell value as text.

    >>> cell_text(2), cell_text(2.0), cell_text(0.1), cell_text(None)
    ('2', '2', '0.1', '')
    >>> cell_text(dt.datetime(2019, 4, 1)), cell_text(dt.datetime(2019, 4, 1, 8, 30))
    ('2019-04-01', '2019-04-01 08:30:00')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _choose(names: list[str], sheet: str | int | None, source: str) -> tuple[int, list[str]]:
    notes = []
    listing = ", ".join(map(repr, names))
    if sheet is None:
        if len(names) > 1:
            notes.append(
                f"the workbook has {len(names)} sheets ({listing}); read the first, "
                f"{names[0]!r} (choose another with sheet=, --sheet on the command line)"
            )
        return 0, notes
    if isinstance(sheet, str):
        if sheet in names:
            return names.index(sheet), notes
        close = [
            i for i, name in enumerate(names) if name.strip().casefold() == sheet.strip().casefold()
        ]
        if len(close) == 1:
            return close[0], notes
        if not sheet.strip().isdigit():
            raise InputDataError(f"no sheet {sheet!r}; the sheets are: {listing}", file=source)
        sheet = int(sheet)
    if not 0 <= sheet < len(names):
        raise InputDataError(
            f"no sheet {sheet} (sheets count from 0); the workbook has {len(names)}: {listing}",
            file=source,
        )
    return sheet, notes


def sheet_rows(
    path: Path, sheet: str | int | None
) -> tuple[list[list[str]], str, tuple[str, ...], list[str]]:
    """``(rows as text from sheet row 1 on, sheet name, all sheet names, notes)``.

    Raises
    ------
    InputDataError
        The file is no workbook, or ``sheet`` names none of its sheets (the message lists
        them).
    """
    import openpyxl  # only for workbooks

    source = str(path)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, styles); not ours.
            warnings.simplefilter("ignore", UserWarning)
            # Not read-only: only the full reader knows the merged cells.
            book = openpyxl.load_workbook(path, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise InputDataError(f"cannot read workbook: {err}", file=source) from err
    names = [ws.title for ws in book.worksheets]
    if not names:
        raise InputDataError("the workbook has no worksheet", file=source)
    index, notes = _choose(names, sheet, source)
    ws = book.worksheets[index]
    rows = [[cell_text(v) for v in row] for row in ws.iter_rows(min_row=1, values_only=True)]
    for merged in ws.merged_cells.ranges:
        value = cell_text(ws.cell(merged.min_row, merged.min_col).value)
        for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            row = rows[r]
            row.extend([""] * (merged.max_col - len(row)))
            for c in range(merged.min_col - 1, merged.max_col):
                row[c] = value
    book.close()
    return rows, names[index], tuple(names), notes
