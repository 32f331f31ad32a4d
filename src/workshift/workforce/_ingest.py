"""Workforce ingest: an HR export (one row per employee, or per position with a headcount)
becomes a :class:`Workforce` of canonical columns, with every input row accounted for.

Columns are found by name in English and German, in order of preference
(:data:`~workshift.workforce.COLUMN_ALIASES`, see :mod:`~workshift.workforce._columns`);
``columns=`` names them explicitly. A missing job title *and* occupation code column, an
explicit column that does not exist, or two columns that are equally good candidates for
the same canonical column are errors of the file
(:class:`~workshift.exceptions.InputDataError`). Problems of single rows never raise: the
row goes to ``Workforce.rejected`` with its line, the column, the raw value and the
reason, so each input row is in ``rows`` or in ``rejected``, once. A row is rejected for
the first of these that applies:

1. its fields could not be placed (a CSV record with too few or too many fields);
2. ``"total row"``: its first non-empty cell is Total, Totals, Grand total, Sum, Summe,
   Gesamt, Gesamtsumme or Insgesamt (with or without a colon), as exports end;
3. ``"blank row"``;
4. no job title and no occupation code;
5. headcount empty, not a number, not above 0, or not a whole number of people;
6. FTE not a number, negative, or more than 1.5 per person;
7. annual cost not a number or negative;
8. age not a number, negative or more than 120; or, without an age column, a birth date
   that is no date, lies after the reference date or gives an age above 120;
9. on leave neither yes/no nor a kind of leave.

**Personal columns.** ``age`` is in years, NaN where unknown; a ``birth_date`` column
becomes the age in whole years on ``as_of`` (default today) and is then dropped: birth
dates are never kept, and a rejected birth date's value is left out as an employee id
is. With both columns the age column wins (a note says so). ``on_leave`` is True, False
or missing (``pd.NA``; an empty cell is missing, not False). The values read are those of
:mod:`~workshift.workforce._personal`.

**People and FTE.** ``headcount`` counts people: 1 per row without a headcount column.
``fte`` is the row's full-time equivalent (the person's, or the group's total), NaN
without an FTE column or where its cell is empty (callers then count the row's headcount
as its FTE). FTE 0 is kept: people on leave or on a zero-hour contract are people with no
hours. A cell written as a percentage (``80%``) is a share of full time for each person
of the row (80% of a row of 5 people is 4.0 FTE). When rows are people (no headcount
column, or every headcount 1), a column without percent signs whose values all lie in
0-100, some above 1.5 and none in (0, 1.5], is read as percentages too (``80`` is 0.8,
and ``Workforce.notes`` says so); ``1, 0.8, 80`` is neither and its 80 is rejected as
more than 1.5 per person.

Numbers are read with :func:`~workshift.workforce.parse_number`. Whether a numeric column
uses a decimal comma is decided per column by :func:`~workshift.workforce.uses_decimal_comma`;
when a column has no unambiguous value, the votes of all numeric columns decide, and when
those tie too, the decimal point.

Employee ids are pseudonymised (:func:`~workshift.workforce.pseudonymise`) when a key is
passed or ``WORKSHIFT_PSEUDONYM_KEY`` is set.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({
...     "Stellenbezeichnung": ["Lagerist (m/w/d)", "", "Buchhalter", "Summe"],
...     "VZÄ": ["0,5", "1", "-1", "1,5"],
...     "Personalnummer": ["4711", "4712", "4713", ""],
... })
>>> workforce = ingest_frame(frame, pseudonym_key="secret")
>>> workforce.rows[["input_row", "job_title", "headcount", "fte", "employee_id"]]
   input_row         job_title  headcount  fte       employee_id
0          0  Lagerist (m/w/d)        1.0  0.5  f53b722881c7e54f
>>> workforce.rejected[["input_row", "column", "value", "reason"]]
   input_row              column  value                           reason
0          1  Stellenbezeichnung         no job title or occupation code
1          2                 VZÄ     -1                  fte is negative
2          3  Stellenbezeichnung  Summe                        total row
>>> workforce.columns
{'job_title': 'Stellenbezeichnung', 'fte': 'VZÄ', 'employee_id': 'Personalnummer'}
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path

import numpy as np
import pandas as pd

from workshift.workforce._columns import COLUMN_ALIASES, ColumnMatch, match_columns
from workshift.workforce._layout import TableLayout
from workshift.workforce._numbers import decimal_votes, parse_number
from workshift.workforce._personal import personal_checks, personal_numbers
from workshift.workforce._pseudonym import pseudonymise, resolve_key
from workshift.workforce._readers import SourceTable, load_table, read_source_table

__all__ = [
    "REJECTED_COLUMNS",
    "WORKFORCE_COLUMNS",
    "Workforce",
    "ingest_frame",
    "ingest_table",
    "read_workforce",
]

_NOT_KEPT = ("birth_date",)  # identifying: read as the age, then dropped
WORKFORCE_COLUMNS = ("input_row", "line", *(c for c in COLUMN_ALIASES if c not in _NOT_KEPT))
"""The columns of ``Workforce.rows``, in order (every canonical column but ``birth_date``,
which becomes ``age``)."""

REJECTED_COLUMNS = ("input_row", "line", "column", "value", "reason")
"""The columns of ``Workforce.rejected``; ``column`` is the source column's name."""

MAX_FTE_PER_PERSON = 1.5
"""More FTE than this per person is taken for a misread column, not a contract."""

_NUMERIC = ("headcount", "fte", "annual_cost", "age")
_FLAGS = ("on_leave",)  # True, False or missing
_IDENTITY = ("job_title", "occupation_code")  # a row needs one of them
_TEXT = tuple(c for c in COLUMN_ALIASES if c not in (*_NUMERIC, *_FLAGS, *_NOT_KEPT))
_VALUE_LEFT_OUT = ("employee_id", "birth_date")  # never in Workforce.rejected
_TOTALS = {"total", "totals", "grand total", "sum", "summe", "gesamt", "gesamtsumme", "insgesamt"}


@dataclass(frozen=True, eq=False)
class Workforce:
    """An ingested workforce file.

    Attributes
    ----------
    rows : pandas.DataFrame
        Accepted rows with the columns :data:`WORKFORCE_COLUMNS`, ordered by ``input_row``
        (the 0-based data record below the header, blank ones and rejected ones counted)
        and with ``line``, the 1-based line (CSV; where the record starts), sheet row
        (XLSX) or data row (Parquet, frames) the user sees. Text columns are ``""`` when
        absent; ``headcount`` is a whole number > 0 (1.0 without a headcount column);
        ``fte`` is >= 0, NaN without an FTE column or value; ``annual_cost`` and ``age``
        may be NaN; ``on_leave`` is a nullable boolean (``pd.NA`` where unknown).
    rejected : pandas.DataFrame
        Rows that cannot be used, with :data:`REJECTED_COLUMNS`: input row, line, the
        source column at fault (``""`` when the whole row is), its raw value and the
        reason. Employee ids and birth dates never appear (their value is ``""``).
    columns : dict of str to str
        Canonical column -> the source column it was read from.
    source : str
        The file path, or ``"<frame>"`` for an in-memory frame.
    layout : TableLayout
        Header line, lines skipped above it, sheet, column names as read.
    also_matched : dict of str to tuple of str
        Canonical column -> source columns that match it too but are not used.
    notes : tuple of str
        What was decided for the user (sheet, honorifics, FTE as percentages, birth
        dates read as ages).
    """

    rows: pd.DataFrame
    rejected: pd.DataFrame
    columns: dict[str, str]
    source: str
    layout: TableLayout = field(default_factory=TableLayout)
    also_matched: dict[str, tuple[str, ...]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def where(self, line: int | None = None) -> str:
        """File, sheet and line as messages name them: ``"staff.csv, line 17"``."""
        return self.layout.where(line)


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    missing = value is None or value is pd.NA or value is pd.NaT
    return "" if missing or (isinstance(value, float) and math.isnan(value)) else str(value)


def _texts(column: pd.Series) -> list[str]:
    """The cells of a column as text, ``""`` for missing ones (what :func:`_text` makes of
    each cell); a column of strings, as :func:`read_table` returns, without a Python loop."""
    if isinstance(column.dtype, pd.StringDtype):
        return column.fillna("").tolist()
    return [_text(value) for value in column.tolist()]


def _filled(values: Sequence[str]) -> np.ndarray:
    """Which cells hold more than white space."""
    return np.fromiter(map(bool, map(str.strip, values)), dtype=bool, count=len(values))


def _decide(column: tuple[int, int], overall: tuple[int, int]) -> bool:
    """Decimal comma? The column's votes decide, on a tie the votes of all numeric columns,
    on a tie again the decimal point (as :func:`uses_decimal_comma` does)."""
    for commas, dots in (column, overall):
        if commas != dots:
            return commas > dots
    return False


def _without_percent(values: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The cells with a trailing ``%`` removed, and which had one."""
    stripped = [value.strip() for value in values]
    percent = np.fromiter((s.endswith("%") for s in stripped), dtype=bool, count=len(values))
    if not percent.any():
        return list(values), percent
    return [s[:-1] if p else v for s, p, v in zip(stripped, percent, values, strict=True)], percent


def _parse_all(values: Sequence[str], decimal_comma: bool) -> np.ndarray:
    """Each cell as a number, NaN when empty or not a number (each distinct text parsed
    once)."""
    parsed = {
        text: parse_number(text, decimal_comma=decimal_comma) if text.strip() else None
        for text in set(values)
    }
    cache = {text: math.nan if number is None else number for text, number in parsed.items()}
    return np.fromiter(map(cache.__getitem__, values), dtype="float64", count=len(values))


def _first_cells(frame: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Per row, the position of its first non-empty cell (-1 for a blank row) and that
    cell, stripped."""
    n_rows = len(frame)
    where = np.full(n_rows, -1, dtype="int64")
    first = [""] * n_rows
    pending = np.arange(n_rows)
    for i in range(frame.shape[1]):
        if not len(pending):
            break
        texts = _texts(frame.iloc[pending, i])
        filled = _filled(texts)
        hit = pending[filled]
        where[hit] = i
        for row, text in zip(hit.tolist(), compress(texts, filled), strict=True):
            first[row] = text.strip()
        pending = pending[~filled]
    return where, first


def _is_total(text: str) -> bool:
    return " ".join(text.rstrip(":").split()).casefold() in _TOTALS


Reason = str | Callable[[int], str]


@dataclass(frozen=True)
class _Cells:
    """The mapped columns of a table: text, numbers (on leave as 1/0/NaN), the source
    names and the date ages are taken on."""

    text: dict[str, list[str]]
    numbers: dict[str, np.ndarray]
    mapping: dict[str, str]
    as_of: dt.date


def _numbers(
    text: Mapping[str, list[str]], mapping: Mapping[str, str], considered: np.ndarray
) -> tuple[dict[str, np.ndarray], tuple[str, ...]]:
    """Headcount, FTE and annual cost as numbers, FTE percentages as shares (module
    docstring), decided on the ``considered`` rows (not misshapen, totals or blank); and
    the note when a column was read as percentages."""
    n_rows = len(considered)
    plain = dict(text)
    percent = np.zeros(n_rows, dtype=bool)
    if "fte" in text:
        plain["fte"], percent = _without_percent(text["fte"])
    votes = {c: decimal_votes(plain[c]) for c in _NUMERIC if c in plain}
    overall = (sum(c for c, _ in votes.values()), sum(d for _, d in votes.values()))
    numbers = {c: _parse_all(plain[c], _decide(v, overall)) for c, v in votes.items()}
    notes: list[str] = []
    if "fte" in numbers:
        fte = numbers["fte"]
        headcount = numbers.get("headcount", np.ones(n_rows))
        known = headcount[considered & np.isfinite(headcount)]
        values = fte[considered & np.isfinite(fte) & ~percent]
        people = bool((known == 1).all())
        if (
            people
            and len(values)
            and ((values >= 0) & (values <= 100)).all()
            and (values > MAX_FTE_PER_PERSON).any()
            and not ((values > 0) & (values <= MAX_FTE_PER_PERSON)).any()
        ):
            fte = np.where(percent, fte, fte / 100)
            notes.append(
                f"{mapping['fte']!r} read as percentages of full time (all values 0-100): "
                "80 is 0.8 FTE"
            )
        numbers["fte"] = np.where(percent, fte / 100 * headcount, fte)
    return numbers, tuple(notes)


def _whole_people(column: str, values: np.ndarray) -> Callable[[int], str]:
    def reason(row: int) -> str:
        return (
            f"headcount {values[row]:g} is not a whole number of people; is {column!r} FTE? "
            f"map it as fte (columns={{'fte': {column!r}}}, --map fte={column!r})"
        )

    return reason


def _too_much(fte: np.ndarray, headcount: np.ndarray, people: bool) -> Callable[[int], str]:
    def reason(row: int) -> str:
        if people:
            return (
                f"fte {fte[row]:g} is more than {MAX_FTE_PER_PERSON:g} for one person "
                "(percentages: write them with %, or the whole column as 0-100)"
            )
        return (
            f"fte {fte[row]:g} for {headcount[row]:g} people is more than "
            f"{MAX_FTE_PER_PERSON:g} per person"
        )

    return reason


def _problems(cells: _Cells, n_rows: int) -> list[tuple[np.ndarray, str, Reason]]:
    """``(rows, canonical column at fault, reason)`` in the order the checks apply after
    structure, totals and blank rows: a row is rejected for the first check that finds
    it."""
    text, numbers, mapping = cells.text, cells.numbers, cells.mapping
    filled = {canonical: _filled(values) for canonical, values in text.items()}
    nothing = np.zeros(n_rows, dtype=bool)
    title, code = (filled.get(c, nothing) for c in _IDENTITY)
    at = _IDENTITY[0] if _IDENTITY[0] in text else _IDENTITY[1]
    checks: list[tuple[np.ndarray, str, Reason]] = [
        (~(title | code), at, "no job title or occupation code")
    ]
    headcount = numbers.get("headcount", np.ones(n_rows))
    if "headcount" in text:
        with np.errstate(invalid="ignore"):
            fraction = np.isfinite(headcount) & (np.abs(headcount - np.round(headcount)) > 1e-9)
        checks += [
            (~filled["headcount"], "headcount", "headcount is empty"),
            (np.isnan(headcount), "headcount", "headcount is not a number"),
            (headcount <= 0, "headcount", "headcount must be greater than 0"),
            (fraction, "headcount", _whole_people(mapping["headcount"], headcount)),
        ]
    if "fte" in text:
        fte = numbers["fte"]
        people = "headcount" not in text
        checks += [
            (filled["fte"] & np.isnan(fte), "fte", "fte is not a number"),
            (fte < 0, "fte", "fte is negative"),
            (fte > MAX_FTE_PER_PERSON * headcount + 1e-9, "fte", _too_much(fte, headcount, people)),
        ]
    if "annual_cost" in text:
        cost = numbers["annual_cost"]
        checks += [
            (filled["annual_cost"] & np.isnan(cost), "annual_cost", "annual cost is not a number"),
            (cost < 0, "annual_cost", "annual cost is negative"),
        ]
    return checks + personal_checks(filled, numbers, cells.as_of)


def _distinct(frame: pd.DataFrame, name: str) -> list[str]:
    values = _texts(frame[name])
    return sorted({value.strip() for value in values if value.strip()})


def _match(table: SourceTable, columns: Mapping[str, str] | None) -> ColumnMatch:
    layout = table.layout
    if not layout.names:  # a SourceTable built by hand
        layout = TableLayout(source=layout.source, names=tuple(map(str, table.frame.columns)))
    return match_columns(layout, columns or {}, lambda name: _distinct(table.frame, name))


def ingest_table(
    table: SourceTable,
    *,
    columns: Mapping[str, str] | None = None,
    pseudonym_key: str | bytes | None = None,
    as_of: dt.date | None = None,
) -> Workforce:
    """Map, validate and pseudonymise a table read by
    :func:`~workshift.workforce.read_source_table` (parameters as :func:`ingest_frame`).
    """
    today = as_of is None
    on = dt.date.today() if as_of is None else as_of
    if isinstance(on, dt.datetime):  # a date and time: its date
        on = on.date()
    frame, layout = table.frame, table.layout
    match = _match(table, columns)
    mapping = match.columns
    key = resolve_key(pseudonym_key)
    n_rows = len(frame)
    position = {name: i for i, name in enumerate(map(str, frame.columns))}
    text = {c: _texts(frame.iloc[:, position[name]]) for c, name in mapping.items()}

    first_at, first_cell = _first_cells(frame)
    names = list(map(str, frame.columns))
    rejected: list[tuple[int, str, str, str]] = []
    decided = np.zeros(n_rows, dtype=bool)
    for row, fault in table.faults.items():
        rejected.append((row, "", "", fault))
        decided[row] = True
    totals = {cell for cell in set(first_cell) if cell and _is_total(cell)}
    if totals:
        for row in np.flatnonzero(~decided & (first_at >= 0)).tolist():
            if first_cell[row] in totals:
                rejected.append((row, names[int(first_at[row])], first_cell[row], "total row"))
                decided[row] = True
    blank = np.flatnonzero(~decided & (first_at < 0))
    rejected += [(int(row), "", "", "blank row") for row in blank]
    decided[blank] = True
    numbers, number_notes = _numbers(text, mapping, ~decided)
    personal, personal_notes = personal_numbers(text, mapping, on, today=today)
    numbers.update(personal)
    cells = _Cells(text, numbers, dict(mapping), on)
    for rows, at, reason in _problems(cells, n_rows):
        hit = np.flatnonzero(rows & ~decided)
        decided[hit] = True
        at_cells = [""] * n_rows if at in _VALUE_LEFT_OUT else text[at]
        rejected += [
            (r, mapping[at], at_cells[r], reason if isinstance(reason, str) else reason(r))
            for r in hit.tolist()
        ]
    rejected.sort()
    kept = np.flatnonzero(~decided)

    every_row, kept_rows = len(kept) == n_rows, kept.tolist()
    data: dict[str, pd.Series] = {
        "input_row": pd.Series(kept, dtype="int64"),
        "line": pd.Series(table.lines[kept], dtype="int64"),
    }
    for canonical in WORKFORCE_COLUMNS[2:]:
        if canonical in _TEXT:
            values = text.get(canonical)
            if values is None:
                column = [""] * len(kept)
            else:
                column = list(
                    map(str.strip, values if every_row else [values[i] for i in kept_rows])
                )
            if canonical == "employee_id" and key is not None:
                column = [pseudonymise(value, key) for value in column]
            data[canonical] = pd.Series(column, dtype=object)
        elif canonical in _FLAGS:
            flags = numbers.get(canonical)
            known = np.full(len(kept), math.nan) if flags is None else flags[kept]
            data[canonical] = pd.Series(known, dtype="float64").astype("boolean")
        else:
            parsed = numbers.get(canonical)
            default = 1.0 if canonical == "headcount" else math.nan
            data[canonical] = pd.Series(
                np.full(len(kept), default) if parsed is None else parsed[kept], dtype="float64"
            )
    by_column = list(zip(*rejected, strict=True)) or [()] * 4
    rejected_rows = np.asarray(by_column[0], dtype="int64")
    rejected_frame = pd.DataFrame(
        {
            "input_row": pd.Series(rejected_rows, dtype="int64"),
            "line": pd.Series(table.lines[rejected_rows], dtype="int64"),
            **{
                name: pd.Series(list(values), dtype=object)
                for name, values in zip(REJECTED_COLUMNS[2:], by_column[1:], strict=True)
            },
        }
    )
    notes = (*layout.notes, *match.notes, *number_notes, *personal_notes)
    return Workforce(
        pd.DataFrame(data), rejected_frame, dict(mapping), layout.source, layout,
        match.also_matched, notes,
    )  # fmt: skip


def ingest_frame(
    frame: pd.DataFrame,
    *,
    source: str = "<frame>",
    columns: Mapping[str, str] | None = None,
    pseudonym_key: str | bytes | None = None,
    as_of: dt.date | None = None,
) -> Workforce:
    """Map, validate and pseudonymise a workforce table already in memory.

    Parameters
    ----------
    frame : pandas.DataFrame
        Cells as text (as :func:`~workshift.workforce.read_table` returns them); missing
        values and non-text cells are accepted and read as text. Row ``i`` (by position)
        becomes ``input_row`` ``i`` and ``line`` ``i + 1``. A repeated column name is
        numbered (``"Name"``, ``"Name (2)"``).
    source : str, default "<frame>"
        Named in errors and kept in ``Workforce.source``.
    columns : mapping of str to str, optional
        Canonical column -> source column, winning over the aliases of
        :data:`COLUMN_ALIASES`, e.g. ``{"job_title": "Bezeichnung (intern)"}``.
    pseudonym_key : str or bytes, optional
        Key for :func:`pseudonymise`; default the ``WORKSHIFT_PSEUDONYM_KEY`` environment
        variable, and no pseudonymisation when that is unset too.
    as_of : datetime.date, optional
        The date a birth date column gives the ages on; default today (the day the file
        is read). Pass one for results that do not change with the day they are made.

    Returns
    -------
    Workforce

    Raises
    ------
    InputDataError
        No job title or occupation code column, a column of ``columns`` that does not
        exist or that the header repeats, or several equally good candidates for one
        canonical column.
    ConfigError
        ``columns`` names an unknown canonical column or one source column for two, or
        the key is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"Role": ["Picker", "Driver"], "Cost": ["$48,500", "lots"]})
    >>> workforce = ingest_frame(frame)
    >>> workforce.rows[["job_title", "headcount", "annual_cost"]].to_dict("records")
    [{'job_title': 'Picker', 'headcount': 1.0, 'annual_cost': 48500.0}]
    >>> workforce.rejected.to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'input_row': 1, 'line': 2, 'column': 'Cost', 'value': 'lots',
      'reason': 'annual cost is not a number'}]

    Birth dates become ages on ``as_of`` and are not kept:

    >>> import datetime as dt
    >>> staff = pd.DataFrame({"Position": ["Picker", "Driver", "Clerk"],
    ...                       "Geburtsdatum": ["11.07.1970", "1975-03-02", "2031-01-01"],
    ...                       "Beurlaubt": ["Elternzeit", "", "nein"]})
    >>> workforce = ingest_frame(staff, as_of=dt.date(2025, 7, 10))
    >>> workforce.rows[["job_title", "age", "on_leave"]]
      job_title   age  on_leave
    0    Picker  54.0      True
    1    Driver  50.0      <NA>
    >>> workforce.rejected[["column", "value", "reason"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'column': 'Geburtsdatum', 'value': '',
      'reason': 'birth date is after the reference date 2025-07-10'}]
    """
    table = SourceTable.from_frame(frame, source=source)
    return ingest_table(table, columns=columns, pseudonym_key=pseudonym_key, as_of=as_of)


def read_workforce(
    path: str | Path | pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    sheet: str | int | None = None,
    pseudonym_key: str | bytes | None = None,
    as_of: dt.date | None = None,
) -> Workforce:
    """Read a workforce file (CSV, XLSX or Parquet):
    :func:`~workshift.workforce.read_source_table` followed by :func:`ingest_table` (see
    :func:`ingest_frame` for the parameters and errors; ``sheet`` picks a workbook's
    sheet by name or 0-based index).

    ``path`` may be the raw export as a DataFrame instead: it goes through the same
    column recognition and row checks as the file would (:func:`ingest_frame`, read as
    from Parquet: cells as text, column names stripped), every row accounted for, and
    errors name the source :data:`~workshift.workforce.FRAME_SOURCE`. Read the export
    with ``dtype=str`` (as a file is read) so that ids and codes stay as written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "staff.csv"
    >>> _ = path.write_text("Staff, 31 Jan 2025\\nJob Title,FTE,Site\\nPicker,\\"0,5\\",Leipzig\\n"
    ...                     "Driver,1\\nTotal,\\"1,5\\",\\n")
    >>> workforce = read_workforce(path)
    >>> workforce.rows[["input_row", "line", "job_title", "headcount", "fte", "location"]]
       input_row  line job_title  headcount  fte location
    0          0     3    Picker        1.0  0.5  Leipzig
    >>> workforce.rejected[["line", "reason"]].to_dict("records")
    [{'line': 4, 'reason': '2 fields where the header has 3'}, {'line': 5, 'reason': 'total row'}]

    The same export as a DataFrame (its lines are then its 1-based rows):

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"Job Title": ["Picker", "Total"], "FTE": ["0,5", "0,5"]})
    >>> workforce = read_workforce(frame)
    >>> workforce.source, workforce.rows["fte"].tolist(), workforce.rejected["reason"].tolist()
    ('<DataFrame>', [0.5], ['total row'])
    """
    if isinstance(path, pd.DataFrame):
        frame, source = load_table(path, sheet=sheet)
        return ingest_frame(
            frame, source=source, columns=columns, pseudonym_key=pseudonym_key, as_of=as_of
        )
    table = read_source_table(path, sheet=sheet)
    return ingest_table(table, columns=columns, pseudonym_key=pseudonym_key, as_of=as_of)
