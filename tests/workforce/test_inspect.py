"""inspect_workforce: what a file will be read as, with personal data masked."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from workshift.workforce import PSEUDONYM_KEY_ENV, inspect_workforce

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATA = Path(__file__).parents[1] / "data" / "workforce"
MASK = "••••"


@pytest.fixture(autouse=True)
def _no_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PSEUDONYM_KEY_ENV, raising=False)


def test_the_hris_export_column_by_column() -> None:
    report = inspect_workforce(EXAMPLES / "hris_export.csv")
    columns = report.columns.set_index("column")
    assert columns.loc["Position", ["canonical", "status"]].tolist() == ["job_title", "used"]
    assert columns.loc["Title", "status"] == "also matched, not used"
    assert columns.loc["Employment Status", ["canonical", "status"]].tolist() == ["", "ignored"]
    masked = set(columns.index[columns["masked"]])
    assert masked == {
        "EmpID", "First Name", "Last Name", "ManagerName", "DOB", "Hire Date", "Annual Salary",
    }  # fmt: skip
    for name in masked:
        assert set(columns.loc[name, "samples"]) == {MASK}
    assert columns.loc["Country", "samples"] == ["US", "DE"]
    assert columns.loc["EmpID", ["filled", "distinct"]].tolist() == [339, 339]
    assert report.data_rows == 339
    assert report.people == 339.0
    assert report.fte == pytest.approx(report.workforce.rows["fte"].sum())
    assert report.fte_given == 339
    assert report.reasons["reason"].tolist() == [
        "15 fields where the header has 16", "blank row", "total row",
    ]  # fmt: skip


def test_no_raw_id_name_or_birth_date_in_the_json() -> None:
    report = inspect_workforce(EXAMPLES / "hris_export.csv")
    text = json.dumps(report.to_dict(), ensure_ascii=False)
    frame = pd.read_csv(EXAMPLES / "hris_export.csv", skiprows=2, dtype=str, encoding="utf-8-sig",
                        on_bad_lines="skip", keep_default_na=False)  # fmt: skip
    for column in ("EmpID", "Last Name", "DOB", "ManagerName"):
        for value in set(frame[column]) - {"", "Total"}:
            assert f'"{value}"' not in text, (column, value)
    data = report.to_dict()
    assert data["header_line"] == 3
    assert data["skipped"][1] == {"line": 2, "text": "Report date: | 2025-01-31"}
    assert data["input_rows"] == 342 and data["accepted_rows"] == 339
    assert data["rejected"][2] == {
        "input_row": 341, "line": 346, "column": "EmpID", "value": "Total", "reason": "total row",
    }  # fmt: skip


def test_rejected_values_of_masked_columns_are_masked() -> None:
    frame = pd.DataFrame(
        {"Position": ["Picker", "Driver"], "Salary": ["48500", "ask Ada"], "FTE": ["1", "1"]}
    )
    report = inspect_workforce(frame)
    assert report.rejected[["line", "column", "value"]].to_dict("records") == [
        {"line": 2, "column": "Salary", "value": MASK}
    ]
    assert report.workforce.rejected["value"].tolist() == ["ask Ada"]  # the library keeps it


def test_aliases_are_shown_even_when_their_name_sounds_personal() -> None:
    frame = pd.DataFrame({"Job Name": ["Picker"], "Department Name": ["Ops"], "Nickname": ["x"]})
    columns = inspect_workforce(frame).columns.set_index("column")
    assert not columns.loc["Job Name", "masked"] and not columns.loc["Department Name", "masked"]
    assert columns.loc["Nickname", "masked"]


def test_mapping_and_sheets_pass_through(tmp_path: Path) -> None:
    report = inspect_workforce(DATA / "mitarbeiter.csv", columns={"job_title": "Abteilung"})
    assert report.workforce.columns["job_title"] == "Abteilung"
    assert report.columns.set_index("column").loc["Stellenbezeichnung", "status"] == (
        "also matched, not used"
    )
    workbook = inspect_workforce(EXAMPLES / "hris_export.xlsx", sheet="Staff")
    assert workbook.layout.sheet == "Staff"
    assert workbook.workforce.notes == (  # no note on the sheet: it was chosen
        "'DOB' read as ages in whole years today; dates with slashes as month/day/year; "
        "the birth dates are not kept",
    )
