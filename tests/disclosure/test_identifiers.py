"""Identifier columns dropped, name-like values flagged (issue 14, item 2)."""

from __future__ import annotations

import pandas as pd
import pytest

from workshift.disclosure import identifier_columns, name_like_values, strip_identifiers


def test_identifier_columns_go_and_aggregates_stay() -> None:
    frame = pd.DataFrame(
        {
            "Employee ID": ["E1"],
            "person_id": ["p1"],
            "pseudonym": ["9f2c"],
            "Vorname": ["Hans"],
            "last_name": ["Müller"],
            "E-Mail": ["h@example.org"],
            "manager": ["M. Weber"],
            "file": ["export.csv"],
            "birth_date": ["1970-07-11"],
            "Geburtsdatum": ["11.07.1970"],
            "DOB": ["07/11/1970"],
            "age": [54],
            "Alter": [54],
            "where": ["C:\\HR\\export.xlsx"],
            "department": ["Sales"],
            "department_name": ["Vertrieb"],
            "task_group": ["Documents"],
            "people": [12],
            "beta": [0.4],
            "older": ["yes"],
            "on_leave": ["no"],
        }
    )
    kept = strip_identifiers(frame)
    assert list(kept.columns) == [
        "department", "department_name", "task_group", "people", "beta", "older", "on_leave",
    ]  # fmt: skip
    assert "where" in identifier_columns(frame)  # by its values: file paths


@pytest.mark.parametrize(
    "value",
    ["Maria Schmidt", "Müller, Hans", "Team Becker", "Hans-Peter Meier", "Abteilung Schneider"],
)
def test_person_names_are_flagged(value: str) -> None:
    assert name_like_values(pd.Series([value])).tolist() == [True]


@pytest.mark.parametrize(
    "value",
    ["Sales", "Customer Service", "Frankfurt am Main", "Lager Nord", "IT 2", "R&D", "Fischer"],
)
def test_units_and_places_are_not(value: str) -> None:
    assert name_like_values(pd.Series([value])).tolist() == [False]


def test_missing_values_are_not_flagged() -> None:
    assert name_like_values(pd.Series([None, float("nan")], dtype=object)).tolist() == [
        False,
        False,
    ]
