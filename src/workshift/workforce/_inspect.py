"""What a workforce file will be read as, before anything runs: which source column is
used for what, with sample values and counts, what is ignored or matched but not used,
where the header is, what was skipped above it, which rows are rejected and why, and the
people and FTE that remain.

Sample values can travel in screenshots, so some are masked (``••••``): those of the
employee id, annual cost, age, birth date and on-leave columns (used or only matched), of
columns whose values are mostly dates (birth and hire dates), and of columns whose names
suggest personal data (names, managers, birth, contact details, ids, pay) unless the name
is a workforce column's alias (``Department Name`` is shown). Counts are always shown.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({
...     "EmpID": ["E1", "E2", "E3", "Total"], "Last Name": ["Ode", "Ray", "Kim", ""],
...     "Position": ["Picker", "Picker", "", ""], "FTE": ["1", "0.5", "1", "2.5"],
... })
>>> report = inspect_workforce(frame)
>>> report.columns[["column", "canonical", "status", "samples", "filled"]]
      column    canonical   status             samples  filled
0      EmpID  employee_id     used  [••••, ••••, ••••]       3
1  Last Name               ignored  [••••, ••••, ••••]       3
2   Position    job_title     used            [Picker]       2
3        FTE          fte     used            [1, 0.5]       3
>>> report.reasons.to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'reason': 'no job title or occupation code', 'rows': 1, 'lines': [3]},
 {'reason': 'total row', 'rows': 1, 'lines': [4]}]
>>> report.people, report.fte
(2.0, 1.5)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workshift.exceptions import ConfigError
from workshift.workforce._columns import COLUMN_ALIASES, column_key
from workshift.workforce._ingest import Workforce, ingest_table
from workshift.workforce._layout import TableLayout
from workshift.workforce._readers import SourceTable, read_source_table

__all__ = ["MASK", "WorkforceInspection", "inspect_workforce"]

MASK = "••••"
"""What a masked sample value shows."""

_SAMPLES = 3
_SAMPLE_LENGTH = 40
_LINES_PER_REASON = 5
_PERSONAL = (
    "name", "dob", "birth", "geburt", "mail", "phone", "telefon", "mobil", "handy", "address",
    "adress", "anschrift", "street", "strasse", "ssn", "socialsecurity", "sozialversicherung",
    "iban", "bank", "tax", "steuer", "passport", "ausweis", "manager", "vorgesetzt",
    "supervisor", "gender", "geschlecht", "religion", "konfession", "nationalit", "staatsang",
    "salary", "gehalt", "lohn", "wage", "pay", "bonus",
)  # fmt: skip
_PERSONAL_KEYS = {"age", "alter", "sex"}
_ID_LIKE = re.compile(r".*(id|nr|nummer|number|no)$")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}( .*)?")
_MASKED_CANONICAL = ("employee_id", "annual_cost", "age", "birth_date", "on_leave")
_STRUCTURE = ("", "total row")  # a rejected row's column "" (structure, blank) or a total


@dataclass(frozen=True, eq=False)
class WorkforceInspection:
    """What :func:`inspect_workforce` found.

    Attributes
    ----------
    workforce : Workforce
        The ingested workforce (rows, rejected, layout, notes).
    columns : pandas.DataFrame
        One row per source column in header order: ``column``, ``canonical`` (the workforce
        column it is or would be, ``""`` if none), ``status`` (``used``, ``also matched,
        not used``, ``ignored``), ``samples`` (up to 3 distinct values, masked where the
        module docstring says), ``filled`` and ``distinct`` (over the data rows), ``masked``.
    reasons : pandas.DataFrame
        ``reason``, ``rows`` (how many), ``lines`` (the first few), most frequent first.
    rejected : pandas.DataFrame
        ``Workforce.rejected`` with the values of masked columns masked.
    data_rows : int
        Records below the header that hold data: not blank, not a total, not misshapen.
    people : float
        Headcount of the accepted rows.
    fte : float
        Their FTE, each row's headcount where the file gives no FTE.
    fte_given : int
        Accepted rows whose FTE comes from the file.
    """

    workforce: Workforce
    columns: pd.DataFrame
    reasons: pd.DataFrame
    rejected: pd.DataFrame
    data_rows: int
    people: float
    fte: float
    fte_given: int

    @property
    def layout(self) -> TableLayout:
        """Header line, skipped lines, sheet: ``workforce.layout``."""
        return self.workforce.layout

    def to_dict(self, *, rejected: int = 20) -> dict[str, Any]:
        """Everything as JSON-ready data; the first ``rejected`` rejected rows in full."""
        layout, wf = self.layout, self.workforce
        return {
            "source": wf.source,
            "sheet": layout.sheet,
            "sheets": list(layout.sheets),
            "unit": layout.unit,
            "header_line": layout.header_line,
            "skipped": [{"line": line, "text": text} for line, text in layout.skipped],
            "notes": list(wf.notes),
            "columns": [
                {**row, "samples": list(row["samples"])} for row in self.columns.to_dict("records")
            ],
            "input_rows": len(wf.rows) + len(wf.rejected),
            "data_rows": self.data_rows,
            "accepted_rows": len(wf.rows),
            "rejected_rows": len(wf.rejected),
            "reasons": self.reasons.to_dict("records"),
            "rejected": self.rejected.head(rejected).to_dict("records"),
            "people": self.people,
            "fte": self.fte,
            "fte_given": self.fte_given,
        }


def _personal(name: str) -> bool:
    key = column_key(name)
    return (
        key in _PERSONAL_KEYS
        or any(word in key for word in _PERSONAL)
        or bool(_ID_LIKE.fullmatch(key))
    )


def _alias_of(name: str, canonical: str) -> bool:
    return column_key(name) in {column_key(alias) for alias in COLUMN_ALIASES.get(canonical, ())}


def _masked(name: str, canonical: str, values: list[str]) -> bool:
    if canonical in _MASKED_CANONICAL:  # an id matched but not used is still an id
        return True
    if values and sum(bool(_DATE.fullmatch(v)) for v in values) * 2 >= len(values):
        return True
    return _personal(name) and not (canonical and _alias_of(name, canonical))


def _column_rows(table: SourceTable, wf: Workforce, data: np.ndarray) -> pd.DataFrame:
    canonical_of = {source: c for c, source in wf.columns.items()}
    also_of = {source: c for c, sources in wf.also_matched.items() for source in sources}
    records = []
    for name in map(str, table.frame.columns):
        column = table.frame[name].iloc[data]
        values = [v.strip() for v in column.fillna("").astype(str).tolist()]
        filled = [v for v in values if v]
        distinct = list(dict.fromkeys(filled))
        used = name in canonical_of
        canonical = canonical_of.get(name) or also_of.get(name, "")
        masked = _masked(name, canonical, distinct[:50])
        samples = distinct[:_SAMPLES]
        shown = [
            MASK if masked else v if len(v) <= _SAMPLE_LENGTH else v[: _SAMPLE_LENGTH - 1] + "…"
            for v in samples
        ]
        status = "used" if used else "also matched, not used" if name in also_of else "ignored"
        records.append({
            "column": name, "canonical": canonical, "status": status, "samples": shown,
            "filled": len(filled), "distinct": len(distinct), "masked": masked,
        })  # fmt: skip
    return pd.DataFrame(
        records,
        columns=["column", "canonical", "status", "samples", "filled", "distinct", "masked"],
    )


def _reasons(rejected: pd.DataFrame) -> pd.DataFrame:
    if rejected.empty:
        return pd.DataFrame({"reason": [], "rows": [], "lines": []}).astype(
            {"reason": object, "rows": "int64", "lines": object}
        )
    lines: dict[str, list[int]] = {}
    for reason, line in zip(rejected["reason"], rejected["line"], strict=True):
        lines.setdefault(str(reason), []).append(int(line))
    frame = pd.DataFrame(
        {
            "reason": list(lines),
            "rows": [len(found) for found in lines.values()],
            "lines": [found[:_LINES_PER_REASON] for found in lines.values()],
            "first": [found[0] for found in lines.values()],
        }
    )
    return (
        frame.sort_values(["rows", "first"], ascending=[False, True])
        .drop(columns="first")
        .reset_index(drop=True)
    )


def inspect_workforce(
    source: str | Path | pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    sheet: str | int | None = None,
    pseudonym_key: str | bytes | None = None,
    as_of: dt.date | None = None,
) -> WorkforceInspection:
    """Read a workforce file (or frame) and report what it will be read as.

    Parameters
    ----------
    source : str, Path or pandas.DataFrame
        A workforce file (CSV, XLSX, Parquet) or a frame as :func:`ingest_frame` takes.
    columns, sheet, pseudonym_key, as_of
        As :func:`~workshift.workforce.read_workforce`.

    Returns
    -------
    WorkforceInspection

    Raises
    ------
    InputDataError, ConfigError
        As :func:`~workshift.workforce.read_workforce`: what stops the file from being read
        at all.
    """
    if isinstance(source, pd.DataFrame):
        if sheet is not None:
            raise ConfigError("sheet= applies to workbook files, not to a frame")
        table = SourceTable.from_frame(source)
    else:
        table = read_source_table(source, sheet=sheet)
    wf = ingest_table(table, columns=columns, pseudonym_key=pseudonym_key, as_of=as_of)
    rejected = wf.rejected
    not_data = rejected["input_row"].to_numpy()[
        (rejected["column"] == "").to_numpy() | (rejected["reason"] == "total row").to_numpy()
    ]
    data = np.setdiff1d(np.arange(len(table.frame)), not_data)
    column_rows = _column_rows(table, wf, data)
    masked = set(column_rows.loc[column_rows["masked"], "column"])
    shown = rejected.copy()
    hide = shown["column"].isin(masked) & (shown["value"] != "") & (shown["reason"] != "total row")
    shown.loc[hide, "value"] = MASK
    rows = wf.rows
    fte = rows["fte"].where(rows["fte"].notna(), rows["headcount"])
    return WorkforceInspection(
        workforce=wf,
        columns=column_rows,
        reasons=_reasons(rejected),
        rejected=shown,
        data_rows=len(data),
        people=float(rows["headcount"].sum()),
        fte=float(fte.sum()),
        fte_given=int(rows["fte"].notna().sum()),
    )
