"""``report.xlsx``: a Summary sheet, then one sheet per frame of the analysis.

Written with XlsxWriter in constant-memory mode: rows stream to disk, and number formats
are set once per column (cells without a format of their own take the column's), so a
sheet with 150,000 matches costs what its values cost. openpyxl, which workshift uses to
read workbooks, is about three times slower here (and ten times without lxml): a cell
object per value. Every sheet has a bold, frozen header row, an autofilter and column
widths from a sample of its values; shares carry a percentage format. Text is always
text: a job title starting with ``=`` is never a formula.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from workshift.reports._content import data_sources, prepare
from workshift.reports._contract import (
    FRAMES,
    SUMMARY_KEYS,
    AnalysisLike,
    ColumnKind,
    column_kind,
)
from workshift.reports._messages import Messages
from workshift.reports._translate import translate_column

if TYPE_CHECKING:
    from workshift.reference import ReferenceStore

__all__ = ["write_xlsx_report"]

_FORMATS: dict[str, dict[str, Any]] = {
    "header": {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#F1F4F7"},
    "wrap": {"text_wrap": True, "valign": "top"},
    "pct": {"num_format": "0.0%"},
    "score": {"num_format": "0.00"},
    "whole": {"num_format": "#,##0"},
    "decimal": {"num_format": "#,##0.0"},
}
# Columns whose meaning differs on one sheet: there, headcount is weighted by task time.
_LABELS = {"department_task_groups": {"headcount": "task_time_headcount"}}
_WIDTH_SAMPLE = 2000
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_MAX_TEXT = 32767  # Excel's limit for one cell


class _Book:
    """An XlsxWriter workbook with the report's formats registered once."""

    def __init__(self, path: Path) -> None:
        import xlsxwriter

        self.workbook = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        self.formats = {name: self.workbook.add_format(spec) for name, spec in _FORMATS.items()}

    def sheet(self, title: str, labels: list[str], widths: list[float], formats: list[Any]) -> Any:
        """A new sheet: column widths and formats, a bold header row, frozen below it."""
        sheet = self.workbook.add_worksheet(title[:31])
        for column, (width, number_format) in enumerate(zip(widths, formats, strict=True)):
            sheet.set_column(column, column, width, number_format)
        sheet.write_row(0, 0, labels, self.formats["header"])
        sheet.freeze_panes(1, 0)
        return sheet

    def close(self) -> None:
        self.workbook.close()


def _cell_values(series: pd.Series[Any]) -> list[Any]:
    """Python values: NaN/NA as empty cells, text cut to Excel's limit."""
    values = series.astype(object).where(series.notna(), None).tolist()
    if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
        values = [v[:_MAX_TEXT] if isinstance(v, str) else v for v in values]
    return values


def _format_name(kind: ColumnKind, values: list[Any]) -> str | None:
    """Which registered format a column takes (counts show decimals only when needed)."""
    if kind in ("pct", "score"):
        return kind
    if kind == "count":
        numbers = np.array([v for v in values if isinstance(v, int | float)], dtype=float)
        return "whole" if bool(np.all(numbers == np.round(numbers))) else "decimal"
    return None


def _width(label: str, values: list[Any], kind: ColumnKind) -> float:
    """Wide enough for the header and most values of a sample, within bounds."""
    if kind != "text":
        return float(max(_MIN_WIDTH + 2, min(len(label) + 2, 16)))
    lengths = [len(str(v)) for v in values[:_WIDTH_SAMPLE] if v is not None]
    typical = float(np.percentile(lengths, 90)) if lengths else 0.0
    return float(min(_MAX_WIDTH, max(_MIN_WIDTH, len(label) + 2, typical + 2)))


EXCEL_DATA_ROWS = 1_048_575  # below the header row


def _write_frame(book: _Book, name: str, frame: pd.DataFrame, m: Messages) -> None:
    """One sheet: the contract's columns first, then any others the frame has."""
    required = FRAMES[name]
    columns = [*required, *(str(c) for c in frame.columns if c not in required)]
    kinds = [column_kind(c) for c in columns]
    values = [translate_column(_cell_values(frame[c]), c, m) for c in columns]
    labels = [m.column(_LABELS.get(name, {}).get(c, c)) for c in columns]
    widths = [_width(lab, v, k) for lab, v, k in zip(labels, values, kinds, strict=True)]
    names = [_format_name(k, v) for k, v in zip(kinds, values, strict=True)]
    formats = [book.formats[name] if name else None for name in names]
    records = list(zip(*values, strict=True))
    # An Excel sheet holds 1,048,576 rows: longer frames continue on "Name (2)", ...
    for part, start in enumerate(range(0, max(len(records), 1), EXCEL_DATA_ROWS), start=1):
        suffix = f" ({part})" if part > 1 else ""
        title = m(f"sheet.{name}")[: 31 - len(suffix)] + suffix
        sheet = book.sheet(title, labels, widths, formats)
        chunk = records[start : start + EXCEL_DATA_ROWS]
        for row, record in enumerate(chunk, start=1):
            sheet.write_row(row, 0, record)
        sheet.autofilter(0, 0, len(chunk), len(columns) - 1)


def _write_summary(
    book: _Book, summary: Mapping[str, Any], manifest: Mapping[str, Any], m: Messages
) -> None:
    """Key/value pairs, what exposure means, then the data sources with their attribution."""
    wrap = book.formats["wrap"]
    sheet = book.sheet(
        m("sheet.summary"),
        [m("xlsx.item"), m("xlsx.value")],
        [44, 60, 24, 40, 80],
        [wrap, wrap, wrap, wrap, wrap],
    )
    keys = [*SUMMARY_KEYS, *(k for k in summary if k not in SUMMARY_KEYS)]
    row = 0
    for row, key in enumerate(keys, start=1):
        value = summary[key]
        if value is None or (np.ndim(value) == 0 and bool(pd.isna(value))):
            value = None
        elif isinstance(value, np.generic):
            value = value.item()
        elif not isinstance(value, str | int | float):
            value = str(value)
        name = _format_name(column_kind(key), [value])
        sheet.write_string(row, 0, m.summary_key(key))
        if value is not None:
            sheet.write(row, 1, value, book.formats[name] if name else wrap)
    row += 1
    sheet.write_row(row, 0, [m.summary_key("what_exposure_means"), m("not_job_loss")])
    row += 2
    heading = ["xlsx.sources", "source_version", "source_licence", "source_url", "xlsx.attribution"]
    sheet.write_row(row, 0, [m(key) for key in heading], book.formats["header"])
    fields = ("name", "version", "licence", "url", "attribution")
    for offset, source in enumerate(data_sources(manifest), start=1):
        sheet.write_row(row + offset, 0, [source[field] for field in fields])


def write_xlsx_report(
    analysis: AnalysisLike,
    path: str | Path,
    *,
    store: ReferenceStore | None = None,
    lang: str = "en",
) -> Path:
    """Write the analysis as an Excel workbook.

    Sheets: Summary (key/value, what exposure means, data sources with attribution),
    Roles, Tasks, Departments, Locations, Department x task group, Unmatched, Matches
    (names and headers in ``lang``). Each has a bold, frozen header row; alpha, beta,
    zeta and shares are formatted as percentages.

    Parameters
    ----------
    analysis : Analysis
        What :func:`workshift.pipeline.analyze` returns (or anything with its frames).
    path : str or Path
        The file to write (its folder is created).
    store : ReferenceStore, optional
        Where the data sources and their attribution come from (the shipped bundle by
        default).
    lang : {"en", "de"}
        Language of sheet names, headers and texts.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ReportDataError
        The analysis lacks a frame, column or summary entry (all are named).

    Examples
    --------
    ``tests/reports/conftest.py`` builds a small analysis by hand; with a real one::

        from workshift.pipeline import analyze
        from workshift.reports import write_xlsx_report

        analysis = analyze("examples/workforce.csv", overrides="examples/overrides.csv")
        write_xlsx_report(analysis, "out/report.xlsx", lang="de")
    """
    m, store = prepare(analysis, store, lang)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    book = _Book(out)
    try:
        _write_summary(book, analysis.summary, store.manifest, m)
        for name in FRAMES:
            _write_frame(book, name, getattr(analysis, name), m)
    finally:
        book.close()
    return out
