"""Openings files and candidate moves."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workshift.exceptions import InputDataError
from workshift.reference import ReferenceStore
from workshift.reskilling import Transitions, default_transitions, read_courses
from workshift.reskilling._candidates import CANDIDATE_COLUMNS, candidate_pairs
from workshift.reskilling._openings import read_openings

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture(scope="module")
def engine() -> Transitions:
    return default_transitions(embedder="hashing")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "openings.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_openings_resolve(engine: Transitions) -> None:
    openings = read_openings(EXAMPLES / "openings.csv", ReferenceStore(), emerging=engine.emerging)
    assert openings["opening_id"].is_unique
    assert set(openings["target_code"]) <= set(engine.profiles.codes)
    assert (openings["capacity"] > 0).all()


@pytest.mark.parametrize(
    ("text", "row", "column", "message"),
    [
        ("opening_id,target_code,capacity,location\nA,43-4051,2.5,X\n", 1, "capacity", "whole"),
        ("opening_id,target_code,capacity,location\nA,43-4051,-1,X\n", 1, "capacity", ">= 0"),
        ("opening_id,target_code,capacity,location\nA,99-9999,1,X\n", 1, "target_code",
         "unknown occupation code"),
        ("opening_id,target_code,capacity,location\nA,43-4051,1,X\nA,43-4051,1,Y\n", 2,
         "opening_id", "also in row 1"),
        ("opening_id,target_code,capacity,location,relocation\nA,43-4051,1,X,maybe\n", 1,
         "relocation", "yes or no"),
        ("opening_id,target_code,capacity,location\nA,43-4051,1,\n", 1, "location", "empty"),
    ],
)  # fmt: skip
def test_bad_rows_name_file_row_and_column(
    tmp_path: Path, text: str, row: int, column: str, message: str
) -> None:
    with pytest.raises(InputDataError) as caught:
        read_openings(_write(tmp_path, text), ReferenceStore(), emerging={"ai_trainer"})
    assert (caught.value.row, caught.value.column) == (row, column)
    assert message in str(caught.value)
    assert "openings.csv" in str(caught.value)


def test_candidates_respect_sites_and_training(engine: Transitions, tmp_path: Path) -> None:
    openings = read_openings(
        _write(
            tmp_path,
            "opening_id,target_code,capacity,location,relocation,country\n"
            "HERE,43-4171.00,1,Leipzig,no,DE\n"
            "AWAY,43-4171.00,1,Berlin,yes,DE\n"
            "FAR,43-4171.00,1,Munich,no,DE\n",
        ),
        ReferenceStore(),
        emerging=engine.emerging,
    )
    people = pd.DataFrame(
        {
            "employee_id": ["stay", "move"],
            "origin_code": ["43-4051.00", "43-4051.00"],
            "location": ["Leipzig", "Leipzig"],
            "country": ["DE", "DE"],
            "relocation": [False, True],
        }
    )
    found = candidate_pairs(people, openings, engine, read_courses(EXAMPLES / "courses.csv"))
    both = pd.concat([found.pairs, found.blocked])
    assert list(found.pairs.columns) == [*CANDIDATE_COLUMNS, "profile"]
    pairs = set(zip(both["employee_id"], both["opening_id"], strict=True))
    # Same site always; another site only when both the person and the opening accept it.
    assert pairs == {("stay", "HERE"), ("move", "HERE"), ("move", "AWAY")}
    assert (found.pairs["uncovered"] == "").all()
    assert ((found.blocked["uncovered"] != "") | (found.blocked["limit"] != "")).all()
    assert (both["training_cost"] >= 0).all()
    assert not both["abroad"].any()


def test_listed_skills_close_gaps(engine: Transitions, tmp_path: Path) -> None:
    """A person who lists a gap skill at the level the target needs does not learn it."""
    openings = read_openings(
        _write(tmp_path, "opening_id,target_code,capacity,location\nDEV,15-1252.00,1,X\n"),
        ReferenceStore(),
        emerging=engine.emerging,
    )
    programming = "onet:2.B.3.e"
    people = pd.DataFrame(
        {
            "employee_id": ["plain", "coder"],
            "origin_code": ["43-4051.00", "43-4051.00"],
            "location": ["X", "X"],
            "relocation": [False, False],
            "skills": ["", f"{programming}=7"],
        }
    )
    found = candidate_pairs(people, openings, engine, read_courses(EXAMPLES / "courses.csv"))
    gaps = found.gaps.groupby("profile")["skill_id"].agg(set)
    assert programming in gaps["43-4051.00||"]
    assert programming not in gaps[f"43-4051.00|{programming}=7|"]
    both = pd.concat([found.pairs, found.blocked]).set_index("employee_id")
    assert both.loc["coder", "training_hours"] <= both.loc["plain", "training_hours"]


def test_per_person_keeps_the_best_fits(engine: Transitions, tmp_path: Path) -> None:
    rows = "".join(f"O{i},{code},1,X\n" for i, code in enumerate(
        ["13-1071.00", "43-4171.00", "43-3031.00", "43-5011.00", "27-3042.00"]))  # fmt: skip
    openings = read_openings(
        _write(tmp_path, "opening_id,target_code,capacity,location\n" + rows),
        ReferenceStore(),
        emerging=engine.emerging,
    )
    people = pd.DataFrame({"employee_id": ["a"], "origin_code": ["43-4051.00"],
                           "location": ["X"], "relocation": [False]})  # fmt: skip
    courses = read_courses(EXAMPLES / "courses.csv")
    every = candidate_pairs(people, openings, engine, courses, per_person=None)
    two = candidate_pairs(people, openings, engine, courses, per_person=2)
    assert len(every.pairs) > 2 and len(two.pairs) == 2
    assert set(two.pairs["opening_id"]) == set(every.pairs.nlargest(2, "fit")["opening_id"])
    assert len(two.blocked) == min(3, len(every.blocked))
