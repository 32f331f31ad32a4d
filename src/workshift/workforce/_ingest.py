"""Workforce ingest: an HR export (one row per employee, or per position with a headcount)
becomes a :class:`Workforce` of canonical columns, with every input row accounted for.

Columns are found by name, ignoring case, spaces and punctuation, in English and German
(:data:`COLUMN_ALIASES`); ``columns=`` names them explicitly. A missing job title *and*
occupation code column, an explicit column that does not exist, or two columns that could
both be the same thing are errors of the file (:class:`~workshift.exceptions.InputDataError`).
Problems of single rows never raise: the row goes to ``Workforce.rejected`` with the column,
the raw value and the reason, so each input row is in ``rows`` or in ``rejected``, once.

Numbers are read with :func:`~workshift.workforce.parse_number`. Whether a numeric column
uses a decimal comma is decided per column by :func:`~workshift.workforce.uses_decimal_comma`;
when a column has no unambiguous value, the votes of all numeric columns decide, and when
those tie too, the decimal point.

Employee ids are pseudonymised with a keyed hash (HMAC-SHA-256, first 16 hex digits) when a
key is passed or ``WORKSHIFT_PSEUDONYM_KEY`` is set: the same id and key always give the
same pseudonym, and the raw id appears in no output.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({
...     "Stellenbezeichnung": ["Lagerist (m/w/d)", "", "Buchhalter"],
...     "VZÄ": ["2,5", "1", "0"],
...     "Personalnummer": ["4711", "4712", "4713"],
... })
>>> workforce = ingest_frame(frame, pseudonym_key="secret")
>>> workforce.rows[["input_row", "job_title", "headcount", "employee_id"]]
   input_row         job_title  headcount       employee_id
0          0  Lagerist (m/w/d)        2.5  f53b722881c7e54f
>>> workforce.rejected
   input_row              column value                            reason
0          1  Stellenbezeichnung         no job title or occupation code
1          2                 VZÄ     0  headcount must be greater than 0
>>> workforce.columns
{'job_title': 'Stellenbezeichnung', 'headcount': 'VZÄ', 'employee_id': 'Personalnummer'}
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from workshift.exceptions import ConfigError, InputDataError
from workshift.workforce._numbers import decimal_votes, parse_number
from workshift.workforce._readers import read_table

__all__ = [
    "COLUMN_ALIASES",
    "PSEUDONYM_KEY_ENV",
    "REJECTED_COLUMNS",
    "WORKFORCE_COLUMNS",
    "Workforce",
    "column_key",
    "ingest_frame",
    "pseudonymise",
    "read_workforce",
]

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "job_title": (
        "job_title", "title", "job title", "position", "position title", "role", "job",
        "Stellenbezeichnung", "Stelle", "Berufsbezeichnung", "Funktion", "Jobtitel", "Tätigkeit",
    ),
    "department": (
        "department", "dept", "division", "team",
        "Abteilung", "Bereich", "Organisationseinheit", "OE",
    ),
    "location": (
        "location", "site", "office", "city", "Standort", "Ort", "Niederlassung", "Arbeitsort",
    ),
    "headcount": (
        "headcount", "fte", "count", "employees", "n", "Anzahl", "Köpfe", "Mitarbeiterzahl",
        "Mitarbeiteranzahl", "VZÄ", "Vollzeitäquivalent",
    ),
    "occupation_code": (
        "occupation_code", "occupation code", "soc", "soc_code", "onet", "onet_soc",
        "onet_soc_code", "O*NET-SOC Code", "isco", "isco08", "isco_code", "Berufskennziffer",
    ),
    "employee_id": (
        "employee_id", "id", "employee number", "personnel number", "staff id",
        "Personalnummer", "PersNr", "Pers.-Nr.", "Mitarbeiter-ID", "Mitarbeiternummer",
    ),
    "annual_cost": (
        "annual_cost", "cost", "annual cost", "salary", "annual salary", "total cost",
        "Jahreskosten", "Gehalt", "Jahresgehalt", "Personalkosten",
    ),
    "tasks": (
        "tasks", "duties", "task list", "responsibilities", "Aufgaben", "Tätigkeiten",
    ),
    "skills": (
        "skills", "skill", "competencies", "competences", "Kompetenzen", "Fähigkeiten",
        "Kenntnisse", "Qualifikationen",
    ),
}  # fmt: skip
"""Canonical column -> the source column names it is recognised by (compared by
:func:`column_key`, so case, spaces, punctuation and umlaut spelling do not matter)."""

WORKFORCE_COLUMNS = ("input_row", *COLUMN_ALIASES)
"""The columns of ``Workforce.rows``, in order."""

REJECTED_COLUMNS = ("input_row", "column", "value", "reason")
"""The columns of ``Workforce.rejected``; ``column`` is the source column's name."""

PSEUDONYM_KEY_ENV = "WORKSHIFT_PSEUDONYM_KEY"
"""Environment variable with the pseudonymisation key used when none is passed."""

_NUMERIC = ("headcount", "annual_cost")
_IDENTITY = ("job_title", "occupation_code")  # a row needs one of them
_TEXT = (
    "job_title", "department", "location", "occupation_code", "employee_id", "tasks", "skills",
)  # fmt: skip


@dataclass(frozen=True, eq=False)
class Workforce:
    """An ingested workforce file.

    Attributes
    ----------
    rows : pandas.DataFrame
        Accepted rows with the columns :data:`WORKFORCE_COLUMNS`, ordered by ``input_row``
        (the 0-based data row in the file). Text columns are ``""`` when absent,
        ``headcount`` is > 0 (1.0 without a headcount column), ``annual_cost`` may be NaN.
    rejected : pandas.DataFrame
        Rows that cannot be used, with :data:`REJECTED_COLUMNS`: the source column at fault
        (``""`` for a blank row), its raw value (an employee id pseudonymised) and the reason.
    columns : dict of str to str
        Canonical column -> the source column it was read from.
    source : str
        The file path, or ``"<frame>"`` for an in-memory frame.
    """

    rows: pd.DataFrame
    rejected: pd.DataFrame
    columns: dict[str, str]
    source: str


def column_key(name: str) -> str:
    """Comparison key of a column name: lower case, letters and digits only, umlauts as
    ``ae``/``oe``/``ue``.

    >>> column_key("Pers.-Nr."), column_key("VZÄ"), column_key(" O*NET-SOC Code ")
    ('persnr', 'vzae', 'onetsoccode')
    """
    text = unicodedata.normalize("NFC", name).casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def _alias_keys(alias: str) -> set[str]:
    # "Tätigkeit" also matches "Taetigkeit" and "Tatigkeit" (umlaut dropped).
    plain = "".join(c for c in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(c))
    return {column_key(alias), column_key(plain)}


_ALIAS_KEYS = {
    canonical: set().union(*map(_alias_keys, aliases))
    for canonical, aliases in COLUMN_ALIASES.items()
}


def pseudonymise(value: str, key: str | bytes) -> str:
    """The pseudonym of an identifier: HMAC-SHA-256 with ``key``, first 16 hex digits;
    ``""`` stays ``""``.

    >>> pseudonymise("4711", "secret"), pseudonymise("", "secret")
    ('f53b722881c7e54f', '')
    """
    if not value:
        return ""
    raw_key = key.encode() if isinstance(key, str) else key
    return hmac.new(raw_key, value.encode(), hashlib.sha256).hexdigest()[:16]


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(map(repr, names))


def _find_explicit(names: Sequence[str], wanted: str, canonical: str, source: str) -> str:
    if wanted in names:
        return wanted
    close = [name for name in names if column_key(name) == column_key(wanted)]
    if len(close) == 1:
        return close[0]
    raise InputDataError(
        f"no column {wanted!r} (given for {canonical}); the columns are: {_quoted(names)}",
        file=source,
        column=wanted,
    )


def _map_columns(names: Sequence[str], explicit: Mapping[str, str], source: str) -> dict[str, str]:
    unknown = [canonical for canonical in explicit if canonical not in COLUMN_ALIASES]
    if unknown:
        raise ConfigError(
            f"columns= names {_quoted(unknown)}, which are not workforce columns; "
            f"use {_quoted(COLUMN_ALIASES)}"
        )
    chosen = {c: _find_explicit(names, w, c, source) for c, w in explicit.items()}
    taken = set(chosen.values())
    if len(taken) < len(chosen):  # one column read twice, e.g. an id as a title, would leak
        twice = [c for c in chosen if list(chosen.values()).count(chosen[c]) > 1]
        raise ConfigError(f"columns= gives one source column for {_quoted(twice)}")
    for canonical, keys in _ALIAS_KEYS.items():
        if canonical in chosen:
            continue
        hits = [name for name in names if name not in taken and column_key(name) in keys]
        if len(hits) > 1:
            raise InputDataError(
                f"columns {_quoted(hits)} could all be {canonical}; choose one with "
                f"columns={{{canonical!r}: ...}}",
                file=source,
            )
        if hits:
            chosen[canonical] = hits[0]
    if "job_title" not in chosen and "occupation_code" not in chosen:
        looked_for = (*COLUMN_ALIASES["job_title"], *COLUMN_ALIASES["occupation_code"])
        raise InputDataError(
            f"no job title or occupation code column; looked for: {', '.join(looked_for)}; "
            f"the columns are: {_quoted(names)}",
            file=source,
        )
    return {canonical: chosen[canonical] for canonical in COLUMN_ALIASES if canonical in chosen}


def _resolve_key(key: str | bytes | None) -> bytes | None:
    key = os.environ.get(PSEUDONYM_KEY_ENV) or None if key is None else key
    if key is None:
        return None
    raw = key.encode() if isinstance(key, str) else key
    if not raw:
        raise ConfigError("the pseudonymisation key is empty")
    return raw


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


def _parse_all(values: Sequence[str], decimal_comma: bool) -> np.ndarray:
    """Each cell as a number, NaN when empty or not a number (each distinct text parsed
    once)."""
    parsed = {
        text: parse_number(text, decimal_comma=decimal_comma) if text.strip() else None
        for text in set(values)
    }
    cache = {text: math.nan if number is None else number for text, number in parsed.items()}
    return np.fromiter(map(cache.__getitem__, values), dtype="float64", count=len(values))


def _problems(
    cells: Mapping[str, Sequence[str]], numbers: Mapping[str, np.ndarray], n_rows: int
) -> list[tuple[np.ndarray, str, str]]:
    """``(rows, canonical column at fault, reason)`` in the order the checks apply: a row
    is rejected for the first check that finds it."""
    filled = {canonical: _filled(values) for canonical, values in cells.items()}
    nothing = np.zeros(n_rows, dtype=bool)
    title, code = (filled.get(c, nothing) for c in _IDENTITY)
    at = _IDENTITY[0] if _IDENTITY[0] in cells else _IDENTITY[1]
    checks = [(~(title | code), at, "no job title or occupation code")]
    if "headcount" in cells:
        headcount, given = numbers["headcount"], filled["headcount"]
        checks += [
            (~given, "headcount", "headcount is empty"),
            (np.isnan(headcount), "headcount", "headcount is not a number"),
            (headcount <= 0, "headcount", "headcount must be greater than 0"),
        ]
    if "annual_cost" in cells:
        cost, given = numbers["annual_cost"], filled["annual_cost"]
        checks += [
            (given & np.isnan(cost), "annual_cost", "annual cost is not a number"),
            (cost < 0, "annual_cost", "annual cost is negative"),
        ]
    return checks


def ingest_frame(
    frame: pd.DataFrame,
    *,
    source: str = "<frame>",
    columns: Mapping[str, str] | None = None,
    pseudonym_key: str | bytes | None = None,
) -> Workforce:
    """Map, validate and pseudonymise a workforce table already in memory.

    Parameters
    ----------
    frame : pandas.DataFrame
        Cells as text (as :func:`~workshift.workforce.read_table` returns them); missing
        values and non-text cells are accepted and read as text. Row ``i`` (by position)
        becomes ``input_row`` ``i``.
    source : str, default "<frame>"
        Named in errors and kept in ``Workforce.source``.
    columns : mapping of str to str, optional
        Canonical column -> source column, winning over the aliases of
        :data:`COLUMN_ALIASES`, e.g. ``{"job_title": "Bezeichnung (intern)"}``.
    pseudonym_key : str or bytes, optional
        Key for :func:`pseudonymise`; default the ``WORKSHIFT_PSEUDONYM_KEY`` environment
        variable, and no pseudonymisation when that is unset too.

    Returns
    -------
    Workforce

    Raises
    ------
    InputDataError
        No job title or occupation code column, a column of ``columns`` that does not
        exist, several columns that could be the same canonical column, or duplicate
        column names.
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
    >>> workforce.rejected.to_dict("records")
    [{'input_row': 1, 'column': 'Cost', 'value': 'lots', 'reason': 'annual cost is not a number'}]
    """
    names = [str(name) for name in frame.columns]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise InputDataError(f"duplicate column names: {_quoted(duplicates)}", file=source)
    mapping = _map_columns(names, columns or {}, source)
    key = _resolve_key(pseudonym_key)

    n_rows = len(frame)
    position = {name: i for i, name in enumerate(names)}
    cells = {
        canonical: _texts(frame.iloc[:, position[name]]) for canonical, name in mapping.items()
    }
    votes = {
        canonical: decimal_votes(cells[canonical]) for canonical in _NUMERIC if canonical in cells
    }
    overall = (sum(c for c, _ in votes.values()), sum(d for _, d in votes.values()))
    numbers = {
        canonical: _parse_all(cells[canonical], _decide(column_votes, overall))
        for canonical, column_votes in votes.items()
    }

    # Checks in order; a row goes to the first that finds it. Only a row without title and
    # code can be blank, so only those rows are looked at in every column.
    checks = _problems(cells, numbers, n_rows)
    no_identity = np.flatnonzero(checks[0][0])  # the first check: no title, no code
    blank = np.zeros(n_rows, dtype=bool)
    if len(no_identity):
        anything = np.zeros(len(no_identity), dtype=bool)
        for i in range(len(names)):
            anything |= _filled(_texts(frame.iloc[no_identity, i]))
        blank[no_identity[~anything]] = True
    rejected: list[tuple[int, str, str, str]] = []
    decided = np.zeros(n_rows, dtype=bool)
    for rows, at, reason in [(blank, "", "blank row"), *checks]:
        hit = np.flatnonzero(rows & ~decided)
        decided[hit] = True
        at_cells = cells.get(at)
        rejected += [
            (int(r), mapping.get(at, ""), at_cells[r] if at_cells else "", reason) for r in hit
        ]
    rejected.sort()
    kept = np.flatnonzero(~decided)

    every_row, kept_rows = len(kept) == n_rows, kept.tolist()
    data: dict[str, pd.Series] = {"input_row": pd.Series(kept, dtype="int64")}
    for canonical in COLUMN_ALIASES:
        if canonical in _TEXT:
            values = cells.get(canonical)
            if values is None:
                column = [""] * len(kept)
            else:
                column = list(
                    map(str.strip, values if every_row else [values[i] for i in kept_rows])
                )
            if canonical == "employee_id" and key is not None:
                column = [pseudonymise(value, key) for value in column]
            data[canonical] = pd.Series(column, dtype=object)
        else:
            parsed = numbers.get(canonical)
            default = 1.0 if canonical == "headcount" else math.nan
            data[canonical] = pd.Series(
                np.full(len(kept), default) if parsed is None else parsed[kept], dtype="float64"
            )
    by_column = list(zip(*rejected, strict=True)) or [()] * len(REJECTED_COLUMNS)
    rejected_frame = pd.DataFrame(
        {
            name: pd.Series(list(values), dtype="int64" if name == "input_row" else object)
            for name, values in zip(REJECTED_COLUMNS, by_column, strict=True)
        }
    )
    return Workforce(pd.DataFrame(data), rejected_frame, mapping, source)


def read_workforce(
    path: str | Path,
    *,
    columns: Mapping[str, str] | None = None,
    pseudonym_key: str | bytes | None = None,
) -> Workforce:
    """Read a workforce file (CSV, XLSX or Parquet): :func:`~workshift.workforce.read_table`
    followed by :func:`ingest_frame` (see there for the parameters and errors).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "staff.csv"
    >>> _ = path.write_text("Job Title,FTE,Site\\nPicker,\\"1,5\\",Leipzig\\n\\n")
    >>> workforce = read_workforce(path)
    >>> workforce.rows[["input_row", "job_title", "headcount", "location"]]
       input_row job_title  headcount location
    0          0    Picker        1.5  Leipzig
    >>> workforce.rejected[["input_row", "reason"]].to_dict("records")
    [{'input_row': 1, 'reason': 'blank row'}]
    """
    return ingest_frame(
        read_table(path), source=str(path), columns=columns, pseudonym_key=pseudonym_key
    )
