"""Column mapping: aliases in order of preference, what also matched, ties, honorifics."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workshift.exceptions import InputDataError
from workshift.workforce import COLUMN_ALIASES, PSEUDONYM_KEY_ENV, ingest_frame, read_workforce

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture(autouse=True)
def _no_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PSEUDONYM_KEY_ENV, raising=False)


def one_row(**cells: str) -> pd.DataFrame:
    return pd.DataFrame([cells], dtype=object)


@pytest.mark.parametrize(
    ("names", "canonical", "chosen", "also"),
    [
        (["Location", "State", "Zip"], "location", "Location", ("State", "Zip")),
        (["Zip", "State"], "location", "State", ("Zip",)),
        (["PLZ", "Region"], "location", "Region", ("PLZ",)),
        (["Kostenstelle", "Department"], "department", "Department", ("Kostenstelle",)),
        (["Cost Centre", "Org Unit"], "department", "Org Unit", ("Cost Centre",)),
        (["Emp ID", "ID"], "employee_id", "Emp ID", ("ID",)),
        (["Title", "Job Title"], "job_title", "Job Title", ("Title",)),
        (["Title", "Position"], "job_title", "Position", ("Title",)),
        (["Salary", "Total cost"], "annual_cost", "Total cost", ("Salary",)),
    ],
)
def test_the_most_preferred_alias_wins(
    names: list[str], canonical: str, chosen: str, also: tuple[str, ...]
) -> None:
    cells = {name: "Picker" for name in names}
    if canonical != "job_title":
        cells["Role"] = "Picker"
    workforce = ingest_frame(one_row(**cells))
    assert workforce.columns[canonical] == chosen
    assert workforce.also_matched[canonical] == also


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("EmpID", "employee_id"), ("Employee ID", "employee_id"), ("Pers.-Nr.", "employee_id"),
        ("Personalnummer", "employee_id"), ("State", "location"), ("Postal code", "location"),
        ("Country", "country"), ("Land", "country"), ("Country code", "country"),
        ("Staat", "country"), ("Organisational unit", "department"), ("OE", "department"),
        ("FTE", "fte"), ("FTE %", "fte"), ("Beschäftigungsgrad", "fte"), ("VZÄ", "fte"),
        ("Stellenanteil", "fte"), ("Arbeitszeitanteil", "fte"), ("Köpfe", "headcount"),
        ("Number of employees", "headcount"), ("Mitarbeiteranzahl", "headcount"),
    ],
)  # fmt: skip
def test_hris_names(name: str, canonical: str) -> None:
    assert ingest_frame(one_row(**{name: "1", "Position": "Picker"})).columns[canonical] == name


def test_country_is_its_own_column_in_the_example_workforce() -> None:
    head = pd.read_csv(EXAMPLES / "workforce.csv", dtype=str, keep_default_na=False, nrows=5)
    workforce = ingest_frame(head)
    assert workforce.columns == {
        "job_title": "job_title", "department": "department", "location": "location",
        "country": "country", "fte": "fte", "occupation_code": "occupation_code",
        "employee_id": "employee_id", "annual_cost": "annual_cost",
    }  # fmt: skip
    assert workforce.rows["location"].tolist() == head["location"].tolist()
    assert workforce.rows["country"].tolist() == head["country"].tolist()
    assert workforce.rows["headcount"].tolist() == [1.0] * 5
    assert workforce.rows["fte"].tolist() == head["fte"].astype(float).tolist()


def test_explicit_columns_report_the_other_matches() -> None:
    workforce = ingest_frame(
        one_row(Position="Picker", Role="Lagerist", Department="Ops", Team="A"),
        columns={"job_title": "Role"},
    )
    assert workforce.columns["job_title"] == "Role"
    assert workforce.also_matched == {"job_title": ("Position",), "department": ("Team",)}


def test_a_tie_is_an_error_that_says_how_to_choose() -> None:
    data = one_row(**{"Job Title": "Picker", "job_title": "Packer"})
    with pytest.raises(InputDataError) as caught:
        ingest_frame(data, source="hr.csv")
    assert str(caught.value) == (
        "hr.csv: columns 'Job Title', 'job_title' could all be job_title; choose one with "
        "columns={'job_title': ...} (--map job_title=... on the command line)"
    )


def test_a_job_title_column_of_honorifics_is_passed_over() -> None:
    data = pd.DataFrame(
        {"Position": ["Mr", "Ms", "Dr.", "Frau"], "Title": ["Picker", "Driver", "Cook", "CIO"]}
    )
    workforce = ingest_frame(data)
    assert workforce.columns["job_title"] == "Title"
    assert workforce.rows["job_title"].tolist() == ["Picker", "Driver", "Cook", "CIO"]
    assert workforce.also_matched == {"job_title": ("Position",)}
    assert workforce.notes == (
        "'Position' holds honorifics (Mr, Ms, Dr, ...), not job titles; using 'Title'",
    )


def test_honorifics_alone_are_no_job_title() -> None:
    data = pd.DataFrame({"Title": ["Mr", "Herr", "Prof. Dr."], "SOC": ["53-7065"] * 3})
    workforce = ingest_frame(data)
    assert "job_title" not in workforce.columns
    assert workforce.rows["occupation_code"].tolist() == ["53-7065"] * 3
    assert workforce.notes[0].endswith("not job titles; no job title")
    with pytest.raises(InputDataError, match=r"column \('Title' holds honorifics"):
        ingest_frame(data[["Title"]])
    mapped = ingest_frame(data[["Title"]], columns={"job_title": "Title"})  # the user knows
    assert mapped.rows["job_title"].tolist() == ["Mr", "Herr", "Prof. Dr."]


def test_every_alias_list_starts_with_the_canonical_name() -> None:
    for canonical, aliases in COLUMN_ALIASES.items():
        assert aliases[0] == canonical


def test_the_hris_export_maps_as_documented() -> None:
    workforce = read_workforce(EXAMPLES / "hris_export.csv")
    assert workforce.columns == {
        "job_title": "Position", "department": "Department", "location": "State",
        "country": "Country", "fte": "FTE", "employee_id": "EmpID",
        "annual_cost": "Annual Salary", "birth_date": "DOB",
    }  # fmt: skip
    assert "birth_date" not in workforce.rows  # read as ages (US month/day/year), not kept
    assert workforce.rows["age"].between(16, 70).all()
    assert workforce.also_matched == {
        "job_title": ("Title",), "department": ("Cost Center",), "location": ("Zip",),
    }  # fmt: skip
