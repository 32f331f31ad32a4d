"""Read a user's table file: CSV (comma, semicolon, tab, pipe; UTF-8, UTF-8 with BOM or
cp1252), XLSX or Parquet, into a DataFrame of strings, with errors that name the file and
the line.

Values are kept as text (``""`` for empty cells) so that nothing is lost or silently
converted; the stage that uses a column parses it (German decimal commas included).

Structure is checked, never guessed:

- **Header not on line 1.** Title and date lines above the header are skipped and listed
  (``TableLayout.skipped``); the header is found as :mod:`~workshift.workforce._header`
  describes.
- **Column names.** Stripped; an empty header cell is named ``"column N"``; a repeated
  name is numbered (``"Name"``, ``"Name (2)"``), so both columns are kept.
- **Field counts (CSV).** A record with fewer fields than the header, or with more and
  something in the extra ones, cannot be placed without guessing which field is missing,
  so it is not read: :func:`read_source_table` keeps its place with empty cells and a
  *fault* (``"35 fields where the header has 36"``) that the workforce ingest turns into a
  rejected row; :func:`read_table` raises. Extra fields that are all empty (trailing
  delimiters) are dropped, and a record may leave out trailing columns that have no name.
- **Blank lines** below the header are records of empty cells, so that row numbers match
  what the user sees.
- **Positions.** Each data record keeps its line: the physical line it starts on (CSV;
  a quoted line break makes a record span two), its sheet row (XLSX), its 1-based row
  (Parquet).

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "staff.csv"
>>> _ = path.write_bytes("Stellenbezeichnung;Anzahl\\nLagerist (m/w/d);2,5\\n".encode("cp1252"))
>>> read_table(path).to_dict("records")
[{'Stellenbezeichnung': 'Lagerist (m/w/d)', 'Anzahl': '2,5'}]

An export with a title above the header and a row that lost a field:

>>> _ = path.write_text("Staff list\\nExported 2025-01-31\\nTitle,Team,Site\\n"
...                     "Picker,Ops,Leipzig\\nDriver,Leipzig\\n")
>>> table = read_source_table(path)
>>> table.layout.header_line, table.layout.skipped
(3, ((1, 'Staff list'), (2, 'Exported 2025-01-31')))
>>> table.lines.tolist(), table.faults
([4, 5], {1: '2 fields where the header has 3'})
>>> table.frame.to_dict("records")
[{'Title': 'Picker', 'Team': 'Ops', 'Site': 'Leipzig'}, {'Title': '', 'Team': '', 'Site': ''}]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from workshift.exceptions import ConfigError, InputDataError
from workshift.workforce._delimited import csv_records, decode
from workshift.workforce._header import find_header, header_names, width
from workshift.workforce._layout import TableLayout, error_at
from workshift.workforce._workbook import sheet_rows

__all__ = [
    "FRAME_SOURCE",
    "SUFFIXES",
    "SourceTable",
    "TableInput",
    "load_table",
    "read_source_table",
    "read_table",
    "require_column",
    "source_name",
]

SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".parquet")
_TEXT = (".csv", ".tsv", ".txt")
_WORKBOOK = (".xlsx", ".xlsm")
_SKIPPED_TEXT = 80

FRAME_SOURCE = "<DataFrame>"
"""How errors and summaries name a table given as a DataFrame rather than a file."""

TableInput = str | Path | pd.DataFrame
"""A table input: a file (CSV, XLSX, Parquet) or a DataFrame of the same columns."""


@dataclass(frozen=True, eq=False)
class SourceTable:
    """A table as found in its file.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per data record below the header (blank ones too), cells as text, column
        names :attr:`TableLayout.names`. A record with a fault has empty cells.
    lines : numpy.ndarray of int64
        The line (CSV), sheet row (XLSX) or 1-based row (Parquet, frames) of each record.
    faults : dict of int to str
        Record position -> why its cells could not be placed (CSV field counts).
    layout : TableLayout
        Header line, lines skipped above it, sheet, names.
    """

    frame: pd.DataFrame
    lines: np.ndarray
    faults: dict[int, str] = field(default_factory=dict)
    layout: TableLayout = field(default_factory=TableLayout)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, *, source: str = "<frame>") -> SourceTable:
        """An in-memory frame as a table: repeated column names numbered, rows counted
        from 1."""
        names, written = header_names([str(name) for name in frame.columns], strip=False)
        renamed = frame if list(frame.columns) == names else frame.set_axis(names, axis=1)
        lines = np.arange(1, len(frame) + 1, dtype="int64")
        layout = TableLayout(source=source, names=tuple(names), written=written)
        return cls(renamed.reset_index(drop=True), lines, {}, layout)


def _skipped(records: Sequence[Sequence[str]], lines: Sequence[int]) -> tuple[tuple[int, str], ...]:
    out = []
    for cells, line in zip(records, lines, strict=True):
        # dict.fromkeys: a merged title carried across the sheet is shown once
        text = " | ".join(dict.fromkeys(cell.strip() for cell in cells if cell.strip()))
        out.append((line, text if len(text) <= _SKIPPED_TEXT else text[: _SKIPPED_TEXT - 1] + "…"))
    return tuple(out)


def _table(
    records: list[list[str]],
    lines: list[int],
    layout: TableLayout,
    *,
    fixed_width: bool,
    ends: list[int] | None = None,
) -> SourceTable:
    """The table below the header of ``records``; ``fixed_width`` for sheets, whose cells
    have positions and so no field counts to check."""
    at = find_header(records)
    if at < 0:
        raise error_at(layout, None, "the file is empty")
    body = records[at + 1 :]
    header = records[at]
    if fixed_width:  # columns to the right of the header's that hold data get a name too
        n_fields = max([width(header), *map(width, body)])
        header = [*header[:n_fields], *[""] * (n_fields - len(header))]
    names, written = header_names(header)
    n_fields, named = len(names), width(header)
    faults: dict[int, str] = {}
    rows: list[list[str]] = []
    empty = [""] * n_fields
    for i, cells in enumerate(body):
        n = len(cells)
        if n == n_fields:
            rows.append(cells)
        elif n > n_fields and not any(c.strip() for c in cells[n_fields:]):
            rows.append(cells[:n_fields])  # trailing delimiters
        elif named <= n < n_fields or not width(cells):
            rows.append([*cells, *empty[n:]])  # leaves out unnamed trailing columns
        else:
            reason = f"{n} fields where the header has {n_fields}"
            if ends is not None and ends[at + 1 + i] > lines[at + 1 + i]:
                reason += f" (the record spans lines {lines[at + 1 + i]}-{ends[at + 1 + i]})"
            faults[i] = reason
            rows.append(empty)
    frame = (
        pd.DataFrame(rows, columns=names, dtype="str")
        if rows
        else pd.DataFrame({name: pd.Series(dtype="str") for name in names})
    )
    layout = TableLayout(
        source=layout.source,
        unit=layout.unit,
        header_line=lines[at],
        skipped=_skipped(records[:at], lines[:at]),
        sheet=layout.sheet,
        sheets=layout.sheets,
        delimiter=layout.delimiter,
        names=tuple(names),
        written=written,
        notes=layout.notes,
    )
    return SourceTable(frame, np.asarray(lines[at + 1 :], dtype="int64"), faults, layout)


def read_source_table(path: str | Path, *, sheet: str | int | None = None) -> SourceTable:
    """Read a CSV/TSV, XLSX or Parquet file with its structure checked (module docstring).

    Parameters
    ----------
    path : str or Path
        The file; its suffix decides the format (:data:`SUFFIXES`).
    sheet : str or int, optional
        The sheet of a workbook, by name or 0-based index; default the first (with a note
        in ``layout.notes`` when there are several). Refused for other formats.

    Returns
    -------
    SourceTable

    Raises
    ------
    InputDataError
        The file is missing, empty, of an unknown type, cannot be decoded or parsed, or
        the sheet does not exist.
    ConfigError
        ``sheet`` given for a file that is not a workbook.
    """
    path = Path(path)
    source = str(path)
    if not path.is_file():
        raise InputDataError("file not found", file=source)
    suffix = path.suffix.lower()
    if sheet is not None and suffix not in _WORKBOOK:
        raise ConfigError(f"a sheet is given ({sheet!r}) but {source} is not a workbook")
    if suffix in _TEXT:
        text = decode(path)
        if not text.strip():
            raise InputDataError("the file is empty", file=source)
        records, starts, ends, sep = csv_records(text, source=source, prefer_tab=suffix == ".tsv")
        layout = TableLayout(source=source, unit="line", delimiter=sep)
        return _table(records, starts, layout, fixed_width=False, ends=ends)
    if suffix in _WORKBOOK:
        rows, name, names, notes = sheet_rows(path, sheet)
        layout = TableLayout(source=source, unit="row", sheet=name, sheets=names,
                             notes=tuple(notes))  # fmt: skip
        return _table(rows, list(range(1, len(rows) + 1)), layout, fixed_width=True)
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except (OSError, ValueError) as err:
            raise InputDataError(f"cannot read Parquet: {err}", file=source) from err
        return SourceTable.from_frame(_as_text(frame), source=source)
    raise InputDataError(
        f"unsupported file type {suffix or '(none)'!r}; use one of {', '.join(SUFFIXES)}",
        file=source,
    )


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as text (``""`` where missing) and stripped column names, as a file gives them."""
    frame = frame.astype(object).where(frame.notna(), "").astype(str)
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def source_name(source: object) -> str:
    """How errors and summaries name an input: a file by its path, a DataFrame as
    :data:`FRAME_SOURCE`, a parsed document (a mapping) as ``"<document>"``.

    >>> source_name("staff.csv"), source_name(pd.DataFrame()), source_name({"services": []})
    ('staff.csv', '<DataFrame>', '<document>')
    """
    if isinstance(source, pd.DataFrame):
        return FRAME_SOURCE
    if isinstance(source, Mapping):
        return "<document>"
    return str(source)


def load_table(source: TableInput, *, sheet: str | int | None = None) -> tuple[pd.DataFrame, str]:
    """A table input as :func:`read_table` gives it, and its name for errors.

    A file is read with :func:`read_table`; a DataFrame is taken as the same table would
    be read from a Parquet file (cells as text, ``""`` where missing, column names
    stripped, a repeated name numbered), so every reader checks both alike. This is the
    one way a reader accepts a path or a DataFrame.

    >>> frame, name = load_table(pd.DataFrame({" code ": ["43-4051", None], "n": [2, 3]}))
    >>> name, frame.to_dict("records")
    ('<DataFrame>', [{'code': '43-4051', 'n': '2'}, {'code': '', 'n': '3'}])
    """
    if isinstance(source, pd.DataFrame):
        if sheet is not None:
            raise ConfigError(f"a sheet is given ({sheet!r}) but the table is a DataFrame")
        return SourceTable.from_frame(_as_text(source), source=FRAME_SOURCE).frame, FRAME_SOURCE
    return read_table(source, sheet=sheet), str(source)


def read_table(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read CSV/TSV, XLSX or Parquet into a DataFrame of strings, one row per data record.

    The structure checks of :func:`read_source_table` apply; a record that cannot be
    placed (its field count) is an error here, naming its line, as there is no list of
    rejected rows to put it in.

    Raises
    ------
    InputDataError
        As :func:`read_source_table`, and for the first record with a fault.
    """
    table = read_source_table(path, sheet=sheet)
    if table.faults:
        first = min(table.faults)
        raise error_at(
            table.layout,
            int(table.lines[first]),
            f"{table.faults[first]}; the row cannot be read without guessing which field is "
            "missing or extra (check the delimiters and quotes)",
        )
    return table.frame


def require_column(frame: pd.DataFrame, column: str, *, file: str) -> None:
    """Raise a clear error when ``column`` is missing, listing the columns there are."""
    if column not in frame.columns:
        raise InputDataError(
            f"no column {column!r}; the columns are: {', '.join(map(repr, frame.columns))}",
            file=file,
            column=column,
        )
