"""Structure of table files: the header where it is, rows never read shifted, totals,
repeated and empty column names, sheets and merged cells; every row keeps its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from workshift.exceptions import ConfigError, InputDataError
from workshift.workforce import (
    PSEUDONYM_KEY_ENV,
    read_source_table,
    read_table,
    read_workforce,
)

DATA = Path(__file__).parents[1] / "data" / "workforce"


@pytest.fixture(autouse=True)
def _no_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PSEUDONYM_KEY_ENV, raising=False)


def write(tmp_path: Path, text: str, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


# --- a German export with everything at once ---------------------------------------------


def test_an_export_with_titles_a_line_break_bad_rows_and_a_total() -> None:
    workforce = read_workforce(DATA / "mitarbeiter.csv")
    assert workforce.layout.header_line == 3
    assert workforce.layout.skipped == (
        (1, "Acme GmbH – Mitarbeiterliste"),
        (2, "Stand: 31.01.2025"),
    )
    assert workforce.layout.delimiter == ";"
    rows = workforce.rows
    assert rows[["input_row", "line", "employee_id", "job_title", "location"]].to_dict(
        "records"
    ) == [
        {"input_row": 0, "line": 4, "employee_id": "1001", "job_title": "Lagerist (m/w/d)",
         "location": "Leipzig"},
        {"input_row": 1, "line": 5, "employee_id": "1002",
         "job_title": "Schichtleiter\nSpätschicht", "location": "Leipzig"},
        {"input_row": 4, "line": 9, "employee_id": "1005",
         "job_title": "Bereichsleiter Vertrieb", "location": "Köln"},
    ]  # fmt: skip
    assert rows["annual_cost"].tolist() == [38500.0, 46000.0, 98000.0]
    assert workforce.rejected.to_dict("records") == [
        {"input_row": 2, "line": 7, "column": "", "value": "",
         "reason": "5 fields where the header has 6"},
        {"input_row": 3, "line": 8, "column": "", "value": "",
         "reason": "7 fields where the header has 6"},
        {"input_row": 5, "line": 10, "column": "", "value": "", "reason": "blank row"},
        {"input_row": 6, "line": 11, "column": "Personalnummer", "value": "Summe",
         "reason": "total row"},
    ]  # fmt: skip
    assert workforce.where(7) == f"{DATA / 'mitarbeiter.csv'}, line 7"


def test_a_short_row_is_never_read_shifted(tmp_path: Path) -> None:
    # pandas would fill the missing last field and shift nothing visible; here the
    # manager's name must not become the department.
    path = write(
        tmp_path,
        "EmpID,Position,Manager,Department,Site\n"
        "1,Picker,Ada Lovelace,Logistics,Leipzig\n"
        "2,Driver,Grace Hopper,Leipzig\n"
        "3,Packer,Alan Turing,Logistics,Leipzig\n",
    )
    workforce = read_workforce(path)
    assert workforce.rows["department"].tolist() == ["Logistics", "Logistics"]
    assert "Grace Hopper" not in workforce.rows.to_csv()
    assert workforce.rejected[["line", "reason"]].to_dict("records") == [
        {"line": 3, "reason": "4 fields where the header has 5"}
    ]


def test_read_table_refuses_a_row_it_cannot_place(tmp_path: Path) -> None:
    path = write(tmp_path, "title,team,site\nPicker,Ops,Leipzig\nDriver,Leipzig\n")
    with pytest.raises(InputDataError) as caught:
        read_table(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line 3: 2 fields where the header has 3")
    assert caught.value.file == str(path)


def test_line_numbers_count_physical_lines_with_crlf_and_quoted_breaks(tmp_path: Path) -> None:
    path = tmp_path / "crlf.csv"
    path.write_bytes(
        "\ufeffTitle,Notes,FTE\r\n"
        'Picker,"line one\r\nline two\r\nline three",1\r\n'
        "Driver,,1\r\n"
        'Packer,"a, b",0.5,\r\n'  # a trailing delimiter is no extra field
        "Cook,x\r\n".encode()
    )
    table = read_source_table(path)
    assert table.lines.tolist() == [2, 5, 6, 7]
    assert table.faults == {3: "2 fields where the header has 3"}
    assert table.frame["Notes"].tolist() == ["line one\r\nline two\r\nline three", "", "a, b", ""]


def test_a_misshapen_record_over_several_lines_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, 'Title,Notes\nPicker,"a\nb",extra\nDriver,x\n')
    assert read_source_table(path).faults == {
        0: "3 fields where the header has 2 (the record spans lines 2-3)"
    }


def test_a_quote_that_is_never_closed_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'Title,Notes\nPicker,ok\nDriver,"oops\nPacker,x\nCook,y\n')
    with pytest.raises(InputDataError, match=r"line 3: a quoted field opened on this line is "):
        read_source_table(path)


def test_excel_sep_line_names_the_delimiter(tmp_path: Path) -> None:
    path = write(tmp_path, "sep=;\nTitle;FTE\nPicker;0,5\n")
    table = read_source_table(path)
    assert table.layout.delimiter == ";"
    assert table.layout.header_line == 2
    assert table.layout.skipped == ((1, "sep=;"),)
    assert table.frame.to_dict("records") == [{"Title": "Picker", "FTE": "0,5"}]


def test_unnamed_trailing_columns_may_be_left_out(tmp_path: Path) -> None:
    path = write(tmp_path, "Title,FTE,,\nPicker,1,,\nDriver,1\nCook,1,,note\n")
    table = read_source_table(path)
    assert table.layout.names == ("Title", "FTE", "column 3", "column 4")
    assert not table.faults
    assert table.frame["column 4"].tolist() == ["", "", "note"]


# --- the header -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "above",
    [
        "",
        "Employee roster\n",
        "Employee roster\nReport date:,2025-01-31\n\n",
        "Employee roster,,,\nReport date:,2025-01-31,,\n",  # padded as Excel writes them
        "ACME,Employee roster,2025\n",
    ],
)
def test_the_header_is_found_below_title_lines(tmp_path: Path, above: str) -> None:
    body = "EmpID,Position,FTE,Site\n1001,Picker,1,Leipzig\n1002,Driver,0.5,Köln\n"
    table = read_source_table(write(tmp_path, above + body))
    n_above = above.count("\n")
    assert table.layout.header_line == n_above + 1
    assert [line for line, _ in table.layout.skipped] == list(range(1, n_above + 1))
    assert table.layout.names == ("EmpID", "Position", "FTE", "Site")
    assert table.lines.tolist() == [n_above + 2, n_above + 3]


def test_data_rows_with_a_trailing_delimiter_the_header_lacks(tmp_path: Path) -> None:
    path = write(tmp_path, "Title\nTitle,Team,FTE\nPicker,Ops,1,\nDriver,Ops,1,\n")
    table = read_source_table(path)
    assert table.layout.header_line == 2
    assert table.frame.to_dict("records")[0] == {"Title": "Picker", "Team": "Ops", "FTE": "1"}


def test_repeated_and_empty_header_cells_get_names(tmp_path: Path) -> None:
    path = write(tmp_path, "Name,Position,,Name,Name (2)\nAda,Picker,x,Lovelace,y\n")
    table = read_source_table(path)
    assert table.layout.names == ("Name", "Position", "column 3", "Name (3)", "Name (2)")
    assert table.layout.repeated("Name (3)") == ["Name", "Name (3)"]
    workforce = read_workforce(path)  # the repeated names are not used: fine
    assert workforce.rows["job_title"].tolist() == ["Picker"]


def test_a_repeated_name_that_a_column_needs_is_not_guessed(tmp_path: Path) -> None:
    path = write(tmp_path, "Department,Position,Department\nOps,Picker,4100\n")
    with pytest.raises(InputDataError) as caught:
        read_workforce(path)
    message = str(caught.value)
    assert "'Department', 'Department (2)' could all be department (the header repeats" in message
    with pytest.raises(InputDataError, match="the header has 'Department' 2 times"):
        read_workforce(path, columns={"department": "Department"})
    chosen = read_workforce(path, columns={"department": "Department (2)"})
    assert chosen.rows["department"].tolist() == ["4100"]


# --- totals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "total"),
    [
        ("Total", True), ("TOTAL:", True), ("Summe", True), ("Gesamt", True),
        ("Grand total", True), ("Gesamtsumme", True), ("Insgesamt", True),
        ("Total Rewards Specialist", False), ("Summer intern", False),
    ],
)  # fmt: skip
def test_total_rows_are_rejected_not_dropped(tmp_path: Path, first: str, total: bool) -> None:
    path = write(tmp_path, f"Position,Headcount\nPicker,3\n{first},3\n")
    workforce = read_workforce(path)
    if total:
        assert workforce.rejected.to_dict("records") == [
            {"input_row": 1, "line": 3, "column": "Position", "value": first,
             "reason": "total row"}
        ]  # fmt: skip
    else:
        assert workforce.rows["job_title"].tolist() == ["Picker", first]


def test_a_total_in_a_later_column_counts_when_the_first_ones_are_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "EmpID,Position,FTE\n1,Picker,1\n,Summe:,1\n")
    assert read_workforce(path).rejected["reason"].tolist() == ["total row"]


# --- workbooks ----------------------------------------------------------------------------


def make_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Staff"
    sheet.append(["ACME Staff list"])
    sheet.merge_cells("A1:F1")
    sheet.append(["Report date:", dt.date(2025, 1, 31)])
    sheet.append(["EmpID", "Name", None, "Position", "FTE", None])
    sheet.merge_cells("B3:C3")
    sheet.append([1001, "Ada", "Lovelace", "Picker", 1, None])
    sheet.append([1002, "Alan", "Turing", "Driver", 0.5, "moves in May"])
    sheet.append([1003, "Grace", "Hopper", "Picker", 1, None])
    sheet.merge_cells("D6:D7")  # one position for two people
    sheet.append([1004, "Edsger", "Dijkstra", None, dt.datetime(2020, 1, 1), None])
    sheet.append(["Total", None, None, None, 3.5, None])
    summary = book.create_sheet("Summary")
    summary.append(["Position", "Headcount"])
    summary.append(["Picker", 2])
    book.save(path)
    return path


def test_workbook_header_below_titles_merged_and_empty_header_cells(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "staff.xlsx")
    table = read_source_table(path)
    layout = table.layout
    assert (layout.sheet, layout.sheets, layout.unit) == ("Staff", ("Staff", "Summary"), "row")
    assert layout.header_line == 3
    assert layout.skipped == ((1, "ACME Staff list"), (2, "Report date: | 2025-01-31"))
    assert layout.names == ("EmpID", "Name", "Name (2)", "Position", "FTE", "column 6")
    assert layout.notes == (
        "the workbook has 2 sheets ('Staff', 'Summary'); read the first, 'Staff' (choose "
        "another with sheet=, --sheet on the command line)",
    )
    assert table.lines.tolist() == [4, 5, 6, 7, 8]
    assert table.frame["Position"].tolist() == ["Picker", "Driver", "Picker", "Picker", ""]
    assert table.frame["FTE"].tolist() == ["1", "0.5", "1", "2020-01-01", "3.5"]
    workforce = read_workforce(path)
    assert workforce.rows["line"].tolist() == [4, 5, 6]
    assert workforce.rejected[["line", "column", "value", "reason"]].to_dict("records") == [
        {"line": 7, "column": "FTE", "value": "2020-01-01", "reason": "fte is not a number"},
        {"line": 8, "column": "EmpID", "value": "Total", "reason": "total row"},
    ]
    assert workforce.where(7) == f"{path}, sheet 'Staff', row 7"
    assert workforce.notes == layout.notes


@pytest.mark.parametrize("sheet", ["Summary", " summary ", 1, "1"])
def test_a_sheet_by_name_or_index(tmp_path: Path, sheet: str | int) -> None:
    path = make_workbook(tmp_path / "staff.xlsx")
    table = read_source_table(path, sheet=sheet)
    assert table.layout.sheet == "Summary"
    assert table.layout.notes == ()
    assert table.frame.to_dict("records") == [{"Position": "Picker", "Headcount": "2"}]


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        ("Staf", "no sheet 'Staf'; the sheets are: 'Staff', 'Summary'"),
        (2, "no sheet 2 (sheets count from 0); the workbook has 2: 'Staff', 'Summary'"),
        ("7", "no sheet 7 (sheets count from 0)"),
    ],
)
def test_a_sheet_that_does_not_exist(tmp_path: Path, sheet: str | int, message: str) -> None:
    path = make_workbook(tmp_path / "staff.xlsx")
    with pytest.raises(InputDataError) as caught:
        read_source_table(path, sheet=sheet)
    assert str(caught.value).startswith(f"{path}: {message}")


def test_a_sheet_for_a_text_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a workbook"):
        read_source_table(write(tmp_path, "Title\nPicker\n"), sheet="Staff")


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(InputDataError, match="cannot read workbook"):
        read_source_table(path)


# --- other formats ------------------------------------------------------------------------


def test_parquet_rows_count_from_one(tmp_path: Path) -> None:
    path = tmp_path / "staff.parquet"
    pd.DataFrame({"Position": ["Picker", "Total"], "FTE": [1.0, 1.0]}).to_parquet(path)
    workforce = read_workforce(path)
    assert workforce.rows["line"].tolist() == [1]
    assert workforce.rejected[["line", "reason"]].to_dict("records") == [
        {"line": 2, "reason": "total row"}
    ]
    assert workforce.where(2) == f"{path}, row 2"


@pytest.mark.parametrize("text", ["", "\n\n", ",,\n,,\n"])
def test_an_empty_file(tmp_path: Path, text: str) -> None:
    with pytest.raises(InputDataError, match="the file is empty"):
        read_source_table(write(tmp_path, text))
