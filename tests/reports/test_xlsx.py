"""report.xlsx: sheets and headers read back with openpyxl, formats, attribution, no formulas."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.reports.conftest import FORMULA, SyntheticAnalysis, make_analysis
from workshift.exceptions import ReportDataError
from workshift.reference import ReferenceStore
from workshift.reports import write_xlsx_report

SHEETS = [
    "Summary",
    "Roles",
    "Tasks",
    "Departments",
    "Locations",
    "Department x task group",
    "Unmatched",
    "Matches",
    "Titles",
]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("xlsx") / "out" / "report.xlsx"
    assert write_xlsx_report(make_analysis(), path, store=ReferenceStore()) == path
    return openpyxl.load_workbook(path)


def _header(sheet: object) -> list[str]:
    return [c.value for c in sheet[1] if c.value is not None]  # type: ignore[index]


def test_sheets_headers_bold_and_frozen(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == SHEETS
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.b for cell in sheet[1] if cell.value is not None), sheet.title
    assert _header(workbook["Roles"])[:6] == [
        "O*NET-SOC code",
        "Occupation",
        "Headcount",
        "alpha",
        "beta",
        "zeta",
    ]
    assert _header(workbook["Department x task group"]) == [
        "Department",
        "Task group",
        "Headcount (by share of task time)",
        "beta",
    ]
    assert _header(workbook["Matches"]) == [
        "Input row",
        "O*NET-SOC code",
        "Share of row",
        "Decided by",
        "Confidence",
        "Note",
    ]
    assert workbook["Roles"].column_dimensions["B"].width > 20
    assert workbook["Roles"].auto_filter.ref == "A1:L5"


def test_values_and_percent_formats(workbook: openpyxl.Workbook) -> None:
    roles = workbook["Roles"]
    header = _header(roles)
    row = {h: roles.cell(row=2, column=i + 1) for i, h in enumerate(header)}
    assert row["Occupation"].value == "Customer Service Representatives"
    for column in ("alpha", "beta", "zeta", "beta (GPT-4 labels)", "Model-scored task weight"):
        assert row[column].number_format == "0.0%", column
    assert row["beta"].value == pytest.approx(0.55)
    assert row["Microsoft AI applicability"].number_format == "0.00"
    assert row["Headcount"].number_format == "#,##0"
    # Missing values are empty cells, not NaN.
    assert roles.cell(row=5, column=header.index("beta (GPT-4 labels)") + 1).value is None
    tasks = workbook["Tasks"]
    assert tasks.cell(row=4, column=3).value is None  # task_id NA (an organisation's own task)
    assert tasks.cell(row=2, column=_header(tasks).index("P(E1)") + 1).number_format == "0.0%"


def test_summary_sheet(workbook: openpyxl.Workbook) -> None:
    rows = [r for r in workbook["Summary"].iter_rows(values_only=True)]
    pairs = {r[0]: r[1] for r in rows if r[0] is not None}
    assert pairs["People analysed (headcount)"] == 1234
    assert pairs["Share of people with beta >= 10%"] == pytest.approx(0.862)
    assert pairs["Source file"] == "staff_2025.csv"
    assert "It is not job loss" in pairs["What exposure means"]
    summary = workbook["Summary"]
    share_row = next(c for c in summary["A"] if c.value == "Share of people with beta > 50%").row
    assert summary.cell(row=share_row, column=2).number_format == "0.0%"
    attributions = {r[4] for r in rows if len(r) > 4 and r[4]}
    for source in ReferenceStore().manifest["sources"]:
        assert source["attribution"] in attributions


def test_text_is_never_a_formula(workbook: openpyxl.Workbook) -> None:
    cells = [c for c in workbook["Unmatched"]["B"] if c.value == FORMULA]
    assert cells and all(c.data_type == "s" for c in cells)


def test_german_sheet_names(tmp_path: Path) -> None:
    path = write_xlsx_report(
        make_analysis(), tmp_path / "b.xlsx", store=ReferenceStore(), lang="de"
    )
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[:3] == ["Übersicht", "Rollen", "Aufgaben"]


def test_missing_frame_fails_loudly(tmp_path: Path, analysis: SyntheticAnalysis) -> None:
    analysis.department_task_groups = None  # type: ignore[assignment]
    with pytest.raises(ReportDataError, match="no department_task_groups frame"):
        write_xlsx_report(analysis, tmp_path / "r.xlsx")


def test_frames_longer_than_a_sheet_continue_on_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshift.reports import _xlsx

    analysis = make_analysis()
    monkeypatch.setattr(_xlsx, "EXCEL_DATA_ROWS", 2)
    path = write_xlsx_report(analysis, tmp_path / "long.xlsx", store=ReferenceStore())
    book = openpyxl.load_workbook(path, read_only=True)
    parts = [name for name in book.sheetnames if name.startswith("Matches")]
    expected = -(-len(analysis.matches) // 2)
    assert len(parts) == expected > 1
    rows = sum(book[name].max_row - 1 for name in parts)
    assert rows == len(analysis.matches)
