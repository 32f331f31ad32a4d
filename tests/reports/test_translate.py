"""Our data texts in the report language: every reason the library writes, every task group."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshift.matching._match import _problem
from workshift.reference import ReferenceStore
from workshift.reports._messages import messages
from workshift.reports._translate import reason_text, task_group_name
from workshift.workforce import read_workforce

MESSY = (
    "employee_id,job_title,headcount,fte,annual_cost,occupation_code\n"
    "1,Clerk,1,1,50000,\n"
    "2,Clerk,,1,50000,\n"  # headcount empty
    "3,Clerk,abc,1,50000,\n"  # not a number
    "4,Clerk,0,1,50000,\n"  # must be > 0
    "5,Clerk,1.5,1,50000,\n"  # not whole
    "6,Clerk,1,x,50000,\n"  # fte not a number
    "7,Clerk,1,-1,50000,\n"  # fte negative
    "8,Clerk,2,9,50000,\n"  # fte too much for the people
    "9,Clerk,1,1,abc,\n"  # cost not a number
    "10,Clerk,1,1,-5,\n"  # cost negative
    "11,,1,1,50000,\n"  # no title, no code
    "12,Clerk,1,1\n"  # too few fields
    ",,,,,\n"  # blank
    "Total,,13,,,\n"  # total row
)


def test_every_ingest_reason_has_a_german_text(tmp_path: Path) -> None:
    path = tmp_path / "messy.csv"
    path.write_text(MESSY, encoding="utf-8")
    reasons = read_workforce(path).rejected["reason"].tolist()
    assert len(reasons) >= 12
    de = messages("de")
    for reason in reasons:
        german = reason_text(f"rejected on ingest: {reason}", de)
        assert german.startswith("beim Einlesen abgelehnt: "), reason
        assert german.removeprefix("beim Einlesen abgelehnt: ") != reason, reason


@pytest.mark.parametrize("title", ["n/a", "???", "TBD", " "])
def test_title_reasons_have_german_texts(title: str) -> None:
    reason = _problem(title)
    assert reason
    assert reason_text(reason, messages("de")) != reason


def test_numbers_inside_reasons_are_written_as_the_language_writes_them() -> None:
    text = "1035 fields where the header has 36 (the record spans lines 1035-1036)"
    assert reason_text(text, messages("de")) == (
        "1.035 Felder, die Kopfzeile hat 36 (der Datensatz reicht über die Zeilen 1.035 bis 1.036)"
    )
    assert reason_text(text, messages("en")) == (
        "1,035 fields where the header has 36 (the record spans lines 1,035-1,036)"
    )


def test_every_task_group_has_a_german_name() -> None:
    names = ReferenceStore().table("work_activities")["name"].tolist()
    assert len(names) == 41
    de = messages("de")
    german = {task_group_name(name, de) for name in names}
    assert len(german) == 41
    assert not german & set(names)
