"""Affected people: from a list (with social criteria) or by an exposure threshold."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workshift.exceptions import InputDataError
from workshift.reskilling._people import PEOPLE_COLUMNS, affected_people
from workshift.workforce import pseudonymise

ROWS = pd.DataFrame(
    {
        "input_row": [0, 1, 2, 3],
        "employee_id": ["a", "b", "c", "d"],
        "department": ["CS", "CS", "IT", "CS"],
        "location": ["Leipzig", "Berlin", "Berlin", "Leipzig"],
    }
)
MATCHES = pd.DataFrame(
    {
        "input_row": [0, 1, 2, 2],
        "onet_soc_code": ["43-4051.00", "43-4051.00", "15-1252.00", "15-1253.00"],
        "share": [1.0, 1.0, 0.6, 0.4],
    }
)
BETA = pd.Series({"43-4051.00": 0.7, "15-1252.00": 0.4, "15-1253.00": 0.9})


def test_by_threshold_everyone_in_an_exposed_occupation() -> None:
    people = affected_people(ROWS, MATCHES, exposure=BETA, min_beta=0.5)
    assert list(people.columns) == PEOPLE_COLUMNS
    # c's main occupation (largest share) is 15-1252.00 (beta 0.4); d is unmatched.
    assert people["employee_id"].tolist() == ["a", "b"]
    assert (people["priority"] == 1.0).all() and not people["relocation"].any()


def test_a_list_with_criteria_sets_priority_and_keeps_everyone(tmp_path: Path) -> None:
    listed = tmp_path / "affected.csv"
    listed.write_text(
        "employee_id,protected,tenure_years,relocation\na,yes,10,no\nd,no,2,ja\nzz,no,1,no\n",
        encoding="utf-8",
    )
    people = affected_people(
        ROWS, MATCHES, exposure=BETA, listed=listed,
        priority={"protected": 0.5, "tenure_years": 0.02},
    )  # fmt: skip
    frame = people.set_index("employee_id")
    assert frame.loc["a", "priority"] == pytest.approx(1 + 0.5 + 0.2)
    assert frame.loc["d", "relocation"]
    assert frame.loc["d", "note"] == "no occupation: the workforce row is unmatched"
    assert frame.loc["zz", "note"] == "not in the workforce file"


def test_listed_ids_are_pseudonymised_like_the_workforce(tmp_path: Path) -> None:
    rows = ROWS.assign(employee_id=[pseudonymise(i, "k") for i in ROWS["employee_id"]])
    listed = tmp_path / "affected.csv"
    listed.write_text("employee_id\na\n", encoding="utf-8")
    people = affected_people(rows, MATCHES, exposure=BETA, listed=listed, pseudonym_key="k")
    assert people["employee_id"].tolist() == [pseudonymise("a", "k")]
    assert people["note"].tolist() == [""]


def test_a_bad_criterion_value_names_row_and_column(tmp_path: Path) -> None:
    listed = tmp_path / "affected.csv"
    listed.write_text("employee_id,protected\na,yes\nb,perhaps\n", encoding="utf-8")
    with pytest.raises(InputDataError) as caught:
        affected_people(ROWS, MATCHES, exposure=BETA, listed=listed, priority={"protected": 1})
    assert (caught.value.row, caught.value.column) == (2, "protected")


def test_relocation_says_how_far_and_languages_are_carried(tmp_path: Path) -> None:
    """yes: within the country; abroad: to other countries too; anything else names its row."""
    listed = tmp_path / "affected.csv"
    listed.write_text(
        "employee_id,relocation,languages\na,yes,Deutsch\nb,abroad,de; en\nc,Ausland,\n",
        encoding="utf-8",
    )
    people = affected_people(
        ROWS.assign(country=["DE", "DE", "DE", "DE"]), MATCHES, exposure=BETA, listed=listed
    ).set_index("employee_id")
    assert people["relocation"].tolist() == [True, True, True]
    assert people["relocation_abroad"].tolist() == [False, True, True]
    assert people["listed_languages"].tolist() == ["Deutsch", "de; en", ""]
    assert people["country"].tolist() == ["DE", "DE", "DE"]
    listed.write_text("employee_id,relocation\na,maybe\n", encoding="utf-8")
    with pytest.raises(InputDataError) as caught:
        affected_people(ROWS, MATCHES, exposure=BETA, listed=listed)
    assert (caught.value.row, caught.value.column) == (1, "relocation")
    assert "abroad" in str(caught.value)
