"""Personal columns: age (given, or from a birth date on a reference date, the birth date
never kept) and on leave, for the works council's §96 access groups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from workshift.council._tables import _access_flags, _plan_tables, plan_people
from workshift.workforce import (
    PSEUDONYM_KEY_ENV,
    WORKFORCE_COLUMNS,
    Workforce,
    ingest_frame,
    inspect_workforce,
    read_workforce,
)
from workshift.workforce._personal import MAX_AGE

AS_OF = dt.date(2025, 6, 30)


@pytest.fixture(autouse=True)
def _no_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PSEUDONYM_KEY_ENV, raising=False)


def ingest(**columns: list[str]) -> Workforce:
    n_rows = len(next(iter(columns.values())))
    frame = pd.DataFrame({"Position": ["Picker"] * n_rows, **columns}, dtype=object)
    return ingest_frame(frame, as_of=AS_OF)


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def whole_years(born: dt.date, on: dt.date) -> int:
    """Counted, not computed: the last birthday on or before ``on`` (29 February's in a
    common year is 1 March)."""
    years = 0
    while True:
        year = born.year + years + 1
        try:
            birthday = born.replace(year=year)
        except ValueError:
            birthday = dt.date(year, 3, 1)
        if birthday > on:
            return years
        years += 1


# --- recognised by English and German names ---------------------------------------------


@pytest.mark.parametrize("name", ["Age", "age", "Alter", "Lebensalter", "ALTER IN JAHREN"])
def test_age_columns(name: str) -> None:
    workforce = ingest(**{name: ["41", "63,5", ""]})
    assert workforce.columns["age"] == name
    assert workforce.rows["age"].tolist()[:2] == [41.0, 63.5]
    assert pd.isna(workforce.rows["age"].iloc[2])


@pytest.mark.parametrize(
    "name",
    ["Birth Date", "Date of Birth", "DOB", "Birthdate", "Geburtsdatum", "Geb.-Datum",
     "Geburtstag", "birth_date"],
)  # fmt: skip
def test_birth_date_columns(name: str) -> None:
    workforce = ingest(**{name: ["1970-07-11"]})
    assert workforce.columns["birth_date"] == name
    assert workforce.rows["age"].tolist() == [54.0]


@pytest.mark.parametrize(
    "name", ["On Leave", "Leave Status", "Beurlaubt", "Ruhend", "Elternzeit", "Abwesend"]
)
def test_on_leave_columns(name: str) -> None:
    workforce = ingest(**{name: ["ja", "nein"]})
    assert workforce.columns["on_leave"] == name
    assert workforce.rows["on_leave"].tolist() == [True, False]


@pytest.mark.parametrize("name", ["Status", "Employment Status", "Leave", "Abwesenheit"])
def test_columns_that_are_not_a_yes_no_of_leave_are_left_alone(name: str) -> None:
    workforce = ingest(**{name: ["Active", "Terminated", "25"]})
    assert "on_leave" not in workforce.columns
    assert workforce.rejected.empty
    assert workforce.rows["on_leave"].isna().all()


def test_without_personal_columns_age_and_on_leave_are_unknown() -> None:
    rows = ingest(FTE=["1"]).rows
    assert list(rows.columns) == list(WORKFORCE_COLUMNS)
    assert "birth_date" not in rows
    assert rows["age"].isna().all() and rows["age"].dtype == "float64"
    assert rows["on_leave"].isna().all() and rows["on_leave"].dtype == "boolean"


# --- birth dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "age"),
    [
        ("1970-07-11", 54),
        ("1970-07-11 00:00:00", 54),  # Parquet and workbook date-times
        ("1970-06-30", 55),  # birthday on the reference date
        ("1970-07-01", 54),  # the day after
        ("11.07.1970", 54),
        ("1.7.1970", 54),
        ("30.06.1970", 55),
    ],
)
def test_each_date_form(written: str, age: int) -> None:
    workforce = ingest(Geburtsdatum=[written])
    assert workforce.rows["age"].tolist() == [age]
    assert workforce.rejected.empty


def test_dates_with_slashes_are_month_first_unless_the_column_says_otherwise() -> None:
    us = ingest(DOB=["07/11/1970", "12/25/1980", "01/02/1990"])
    assert us.rows["age"].tolist() == [54.0, 44.0, 35.0]  # July 11, Dec 25, Jan 2
    assert "dates with slashes as month/day/year" in us.notes[0]
    uk = ingest(DOB=["07/11/1970", "25/12/1980", "01/02/1990"])
    assert uk.rows["age"].tolist() == [54.0, 44.0, 35.0]  # 7 Nov, 25 Dec, 1 Feb
    assert "dates with slashes as day/month/year" in uk.notes[0]


def test_a_birthday_on_29_february_comes_on_1_march_in_a_common_year() -> None:
    born = ["2004-02-29"]
    on = {day: ingest_frame(pd.DataFrame({"Role": ["Picker"], "DOB": born}), as_of=day)
          for day in (dt.date(2025, 2, 28), dt.date(2025, 3, 1), dt.date(2024, 2, 29))}  # fmt: skip
    assert [wf.rows["age"].item() for wf in on.values()] == [20.0, 21.0, 20.0]


def test_excel_date_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Stellenbezeichnung", "Geburtsdatum", "Elternzeit"])
    sheet.append(["Lagerist", dt.datetime(1970, 7, 11), True])
    sheet.append(["Fahrer", dt.date(1990, 1, 2), 0])
    sheet.append(["Buchhalter", "30.06.1960", None])
    path = tmp_path / "staff.xlsx"
    book.save(path)
    workforce = read_workforce(path, as_of=AS_OF)
    assert workforce.rows["age"].tolist() == [54.0, 35.0, 65.0]
    assert workforce.rows["on_leave"].tolist() == [True, False, pd.NA]


def test_the_birth_date_is_not_kept_anywhere(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "staff.csv",
        "Job Title,Date of Birth\nPicker,1970-07-11\nDriver,1970-02-31\nClerk,2030-01-01\n"
        "Cook,1899-12-31\n",
    )
    workforce = read_workforce(path, as_of=AS_OF)
    assert "birth_date" not in workforce.rows
    assert workforce.rows["age"].tolist() == [54.0]
    everything = workforce.rows.to_csv() + workforce.rejected.to_csv() + " ".join(workforce.notes)
    for written in ("1970-07-11", "1970-02-31", "2030-01-01", "1899-12-31", "1970", "2030"):
        assert written not in everything
    assert workforce.rejected[["line", "column", "value", "reason"]].to_dict("records") == [
        {"line": 3, "column": "Date of Birth", "value": "",
         "reason": "birth date is not a date (YYYY-MM-DD, DD.MM.YYYY or with slashes)"},
        {"line": 4, "column": "Date of Birth", "value": "",
         "reason": "birth date is after the reference date 2025-06-30"},
        {"line": 5, "column": "Date of Birth", "value": "",
         "reason": "birth date gives an age above 120 on 2025-06-30"},
    ]  # fmt: skip
    assert workforce.notes == (
        "'Date of Birth' read as ages in whole years on 2025-06-30; the birth dates are not kept",
    )


def test_the_reference_date_is_today_by_default() -> None:
    today = dt.date.today()
    frame = pd.DataFrame({"Role": ["Picker"], "DOB": [f"{today.year - 30}-01-01"]})
    workforce = ingest_frame(frame)
    assert workforce.rows["age"].tolist() == [30.0]
    assert workforce.notes == ("'DOB' read as ages in whole years today; the birth dates are "
                               "not kept",)  # fmt: skip


def test_a_reference_date_with_a_time_counts_its_date() -> None:
    frame = pd.DataFrame({"Role": ["Picker"], "DOB": ["1970-06-30"]})
    workforce = ingest_frame(frame, as_of=dt.datetime(2025, 6, 30, 23, 59))
    assert workforce.rows["age"].tolist() == [55.0]
    assert "on 2025-06-30;" in workforce.notes[0]


@given(st.dates(dt.date(1940, 1, 1), dt.date(2008, 12, 31)), st.booleans())
def test_any_birth_date_gives_the_whole_years_to_the_reference_date(
    born: dt.date, german: bool
) -> None:
    written = born.strftime("%d.%m.%Y") if german else born.isoformat()
    age = ingest(Geburtsdatum=[written]).rows["age"].item()
    assert 0 <= age <= MAX_AGE
    assert age == whole_years(born, AS_OF)


# --- age wins over a birth date -----------------------------------------------------------


def test_an_age_column_wins_over_a_birth_date_and_a_note_says_so() -> None:
    workforce = ingest(Geburtsdatum=["1970-07-11", "kaputt"], Alter=["40", "41"])
    assert workforce.rows["age"].tolist() == [40.0, 41.0]  # the bad birth date is not read
    assert workforce.columns["age"] == "Alter" and "birth_date" not in workforce.columns
    assert workforce.also_matched == {"birth_date": ("Geburtsdatum",)}
    assert workforce.notes == ("'Alter' gives the age; 'Geburtsdatum' is not used",)


def test_a_birth_date_named_explicitly_wins() -> None:
    frame = pd.DataFrame({"Role": ["Picker"], "Age": ["40"], "Born": ["1970-07-11"]})
    workforce = ingest_frame(frame, columns={"birth_date": "Born"}, as_of=AS_OF)
    assert workforce.rows["age"].tolist() == [54.0]
    assert workforce.also_matched == {"age": ("Age",)}
    assert workforce.notes[0] == "'Born' gives the age (columns= names it); 'Age' is not used"


# --- bad values name file, row and column -------------------------------------------------


def test_bad_ages_are_rejected_with_file_line_and_column(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "staff.csv", "Job Title;Alter\nPicker;41\nDriver;alt\nClerk;-3\nCook;130\n"
    )
    workforce = read_workforce(path, as_of=AS_OF)
    assert workforce.source == str(path)
    assert workforce.rows["age"].tolist() == [41.0]
    assert workforce.rejected[["line", "column", "value", "reason"]].to_dict("records") == [
        {"line": 3, "column": "Alter", "value": "alt", "reason": "age is not a number"},
        {"line": 4, "column": "Alter", "value": "-3", "reason": "age is negative"},
        {"line": 5, "column": "Alter", "value": "130", "reason": "age 130 is more than 120"},
    ]
    assert workforce.where(3) == f"{path}, line 3"


@pytest.mark.parametrize(
    ("written", "flag"),
    [
        ("yes", True), ("No", False), ("JA", True), ("nein", False), ("true", True),
        ("False", False), ("1", True), ("0", False), ("1.0", True), ("x", True), ("X", True),
        ("Elternzeit", True), ("parental leave", True), ("Parental-Leave", True),
        ("Sabbatical", True), ("Mutterschutz", True), ("ruhend", True), ("Active", False),
        ("aktiv", False),
    ],
)  # fmt: skip
def test_on_leave_values(written: str, flag: bool) -> None:
    workforce = ingest(**{"On Leave": [written]})
    assert workforce.rows["on_leave"].tolist() == [flag]


def test_an_empty_on_leave_cell_is_unknown_not_no() -> None:
    workforce = ingest(Beurlaubt=["", "  ", "nein"])
    assert workforce.rows["on_leave"].tolist() == [pd.NA, pd.NA, False]
    assert workforce.rejected.empty


def test_an_unknown_on_leave_value_is_rejected_naming_its_cell(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "staff.csv", "Job Title,On Leave\nPicker,yes\nDriver,maybe\n")
    workforce = read_workforce(path)
    assert workforce.rows["on_leave"].tolist() == [True]
    assert workforce.rejected[["line", "column", "value", "reason"]].to_dict("records") == [
        {"line": 3, "column": "On Leave", "value": "maybe",
         "reason": "on leave is not yes/no, 1/0, x or a kind of leave (Elternzeit, sabbatical)"},
    ]  # fmt: skip


def test_inspection_masks_personal_samples() -> None:
    frame = pd.DataFrame(
        {"Role": ["Picker"] * 2, "Age": ["41", "52"], "Geburtsdatum": ["11.07.1970", ""],
         "Beurlaubt": ["Elternzeit", "nein"]}
    )  # fmt: skip
    report = inspect_workforce(frame, as_of=AS_OF)
    columns = report.columns.set_index("column")
    assert columns.loc["Geburtsdatum", "status"] == "also matched, not used"
    for name in ("Age", "Geburtsdatum", "Beurlaubt"):
        assert columns.loc[name, "masked"], name
        assert set(columns.loc[name, "samples"]) == {"••••"}


# --- the works council's §96 access groups ------------------------------------------------


STAFF = (
    "Personalnummer;Stellenbezeichnung;Abteilung;VZÄ;Geburtsdatum;Beurlaubt\n"
    "P1;Lagerist;Logistik;1;11.07.1970;nein\n"
    "P2;Lagerist;Logistik;0,5;1990-01-02;Elternzeit\n"
    "P3;Fahrer;Logistik;1;30.06.1975;\n"
    "P4;Fahrer;Logistik;1;01.07.1975;ja\n"
)


def test_the_council_access_groups_come_from_the_workforce_file(tmp_path: Path) -> None:
    rows = read_workforce(write_csv(tmp_path / "staff.csv", STAFF), as_of=AS_OF).rows
    assert rows["age"].tolist() == [54.0, 35.0, 50.0, 49.0]
    flags = _access_flags(rows.set_index("input_row"))
    assert set(flags) == {"part_time", "older", "on_leave"}
    assert flags["older"].tolist() == [True, False, True, False]  # 50 or older
    assert flags["on_leave"].tolist() == [False, True, False, True]  # unknown counts as no
    assert flags["part_time"].tolist() == [False, True, False, False]


def test_the_plan_tables_show_the_groups_and_no_age(tmp_path: Path) -> None:
    workforce = read_workforce(write_csv(tmp_path / "staff.csv", STAFF), as_of=AS_OF)
    plan = pd.DataFrame(
        {"input_row": [0, 1, 2, 3], "status": ["assigned", "assigned", "not assigned", "assigned"],
         "origin_code": ["53-7062.00"] * 4, "target": ["Planner", "Planner", None, "Planner"],
         "training_hours": [40.0, 40.0, 0.0, 20.0], "training_cost": [900.0, 900.0, 0.0, 500.0]}
    )  # fmt: skip
    analysis = SimpleNamespace(rows=workforce.rows[["input_row", "department"]],
                               workforce=workforce)  # fmt: skip
    inputs = SimpleNamespace(analysis=analysis, plan=SimpleNamespace(plan=plan))
    people = plan_people(inputs)  # type: ignore[arg-type]
    assert people["older"].tolist() == ["yes", "no", "yes", "no"]
    assert people["on_leave"].tolist() == ["no", "yes", "no", "yes"]
    tables = {table.name: table for table in _plan_tables(people)}
    assert {"plan_part_time", "plan_older", "plan_on_leave"} <= set(tables)
    older = tables["plan_older"].frame.set_index(["older", "placed"])["people"]
    assert older.to_dict() == {("no", "placed"): 2.0, ("yes", "not placed"): 1.0,
                               ("yes", "placed"): 1.0}  # fmt: skip
    for table in tables.values():
        assert not {"age", "birth_date"} & set(table.frame.columns), table.name
