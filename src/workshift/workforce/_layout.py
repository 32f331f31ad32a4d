"""Where a table sits in its file: the header line, the lines skipped above it, the sheet,
and how positions are named ("line" in a text file, "row" in a workbook), so that every
message can say ``staff.csv, line 17`` or ``staff.xlsx, sheet 'Staff', row 17``.

Examples
--------
>>> layout = TableLayout(source="staff.csv", unit="line", header_line=3)
>>> layout.where(17)
'staff.csv, line 17'
>>> TableLayout(source="staff.xlsx", sheet="Staff").where(4)
"staff.xlsx, sheet 'Staff', row 4"
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from workshift.exceptions import InputDataError

__all__ = ["TableLayout", "error_at"]


@dataclass(frozen=True)
class TableLayout:
    """How the data of a table file is laid out.

    Attributes
    ----------
    source : str
        The file path, or ``"<frame>"`` for an in-memory frame.
    unit : {"line", "row"}
        What the numbers of :meth:`where` count: physical lines of a text file (a record
        with a quoted line break spans two), or rows of a sheet (or, without a file
        structure, as for Parquet and frames, 1-based data rows).
    header_line : int or None
        The line (or sheet row) of the header; None when the format has no header row.
    skipped : tuple of (int, str)
        Lines above the header (titles, export dates, blank lines): their number and
        their distinct non-empty cells joined by ``" | "``.
    sheet : str or None
        The sheet read, for a workbook.
    sheets : tuple of str
        Every sheet of the workbook.
    delimiter : str or None
        The field delimiter of a text file.
    names : tuple of str
        The column names as read: stripped, an empty header cell named ``"column N"``
        (N its 1-based position), a repeated name numbered (``"Name"``, ``"Name (2)"``).
    written : mapping of str to str
        Name as read -> the header cell as written, for the names that differ.
    notes : tuple of str
        What the reader decided for the user, e.g. which sheet it read of several.
    """

    source: str = "<frame>"
    unit: Literal["line", "row"] = "row"
    header_line: int | None = None
    skipped: tuple[tuple[int, str], ...] = ()
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    delimiter: str | None = None
    names: tuple[str, ...] = ()
    written: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def where(self, line: int | None = None) -> str:
        """The file, sheet and line (or row) as messages name them."""
        place = self.source if self.sheet is None else f"{self.source}, sheet {self.sheet!r}"
        return place if line is None else f"{place}, {self.unit} {line}"

    def repeated(self, name: str) -> list[str]:
        """Every column read from a header cell written like ``name``'s (itself included):
        more than one when the header repeats a name."""
        as_written = self.written.get(name, name)
        return [n for n in self.names if self.written.get(n, n) == as_written]


def error_at(
    layout: TableLayout, line: int | None, message: str, *, column: str | None = None
) -> InputDataError:
    """An :class:`InputDataError` whose message starts with file, sheet, line and column,
    and whose ``file`` is the file alone.

    >>> str(error_at(TableLayout(source="staff.xlsx", sheet="Staff"), 4, "bad", column="FTE"))
    "staff.xlsx, sheet 'Staff', row 4, column 'FTE': bad"
    """
    error = InputDataError(message, file=layout.where(line), column=column)
    error.file = layout.source
    return error
