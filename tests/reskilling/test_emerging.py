"""Emerging roles: the shipped catalogue is complete and valid; edits get precise errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from workshift.exceptions import DocumentError
from workshift.reference import ReferenceStore
from workshift.reskilling._emerging import (
    EMERGING_ROLE_COLUMNS,
    emerging_role_skills,
    emerging_roles,
    scenario_role_targets,
)
from workshift.scenarios import new_role_catalogue

ROLE_IDS = [
    "ai_ml_engineer",
    "mlops_engineer",
    "ai_product_owner",
    "ai_quality_oversight_analyst",
    "conversation_prompt_designer",
    "data_steward",
    "automation_specialist",
    "ai_trainer",
]


@pytest.fixture(scope="module")
def store() -> ReferenceStore:
    return ReferenceStore()


@pytest.fixture(scope="module")
def roles(store: ReferenceStore) -> pd.DataFrame:
    return emerging_roles(store=store)


def test_the_shipped_catalogue_has_the_eight_roles_in_both_languages(
    roles: pd.DataFrame,
) -> None:
    assert list(roles.columns) == EMERGING_ROLE_COLUMNS
    assert roles["role_id"].tolist() == ROLE_IDS
    for column in ("name_en", "name_de", "description_en", "description_de", "reference_title"):
        assert roles[column].str.len().gt(0).all(), column
    assert roles["job_zone"].between(1, 5).all()
    ml = roles.set_index("role_id").loc["ai_ml_engineer"]
    assert (ml["reference_soc"], ml["reference_title"]) == ("15-2051.00", "Data Scientists")


def test_every_role_needs_onet_skills_technologies_and_activities(
    roles: pd.DataFrame, store: ReferenceStore
) -> None:
    dwas = set(store.table("dwas")["dwa_id"])
    for role_id, skills, activities in roles[["role_id", "skills", "activities"]].itertuples(
        index=False
    ):
        assert any(s.startswith("onet:") for s in skills), role_id
        assert any(s.startswith("tech:") for s in skills), role_id
        assert all(0 < level <= 7 for level in skills.values()), role_id
        assert activities and set(activities) <= dwas, role_id
    engineer = roles.set_index("role_id").loc["ai_ml_engineer", "skills"]
    assert engineer["onet:2.B.3.e"] >= 5  # Programming
    assert {"tech:python", "tech:tensorflow", "tech:pytorch"} <= set(engineer)


def test_every_scenario_new_role_becomes_openings_of_one_emerging_role(
    roles: pd.DataFrame,
) -> None:
    targets = scenario_role_targets(roles)
    assert set(targets) == set(new_role_catalogue())
    assert targets == {
        "ai_engineering": "ai_ml_engineer",
        "ai_operations": "ai_quality_oversight_analyst",
        "content_design": "conversation_prompt_designer",
    }


def test_long_form_skills(roles: pd.DataFrame) -> None:
    long = emerging_role_skills(roles)
    assert list(long.columns) == ["role_id", "skill_id", "level"]
    assert len(long) == sum(len(s) for s in roles["skills"])
    assert not long.duplicated(["role_id", "skill_id"]).any()


ROLE = {
    "id": "store_ai_coach",
    "name": {"en": "Store AI coach", "de": "KI-Coach Filiale"},
    "description": {"en": "Coaches staff.", "de": "Schult das Team."},
    "reference_soc": "13-1151.00",
    "job_zone": 3,
    "skills": {"Instructing": 4, "python": 2},
    "activities": ["4.A.4.b.3.I04.D01"],
}


def _write(tmp_path: Path, *roles: dict[str, object]) -> Path:
    path = tmp_path / "roles.yaml"
    path.write_text(yaml.safe_dump({"roles": list(roles)}, sort_keys=False), encoding="utf-8")
    return path


def test_an_organisation_can_ship_its_own_catalogue(tmp_path: Path, store: ReferenceStore) -> None:
    own = emerging_roles(_write(tmp_path, ROLE), store=store)
    assert own["role_id"].tolist() == ["store_ai_coach"]
    assert own["skills"].iloc[0] == {"onet:2.B.1.e": 4.0, "tech:python": 2.0}
    assert own["scenario_roles"].iloc[0] == ()


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize(
    ("change", "field", "needle", "message"),
    [
        (
            {"skills": {"Instructing": 4, "Pyhton": 2}},
            "roles[0] (store_ai_coach).skills.Pyhton",
            "Pyhton",
            "unknown skill 'Pyhton'; closest known skills: 'Python'",
        ),
        (
            {"skills": {"python": 2, "tech:python": 3}},
            "roles[0] (store_ai_coach).skills.tech:python",
            "tech:python",
            "tech:python is listed twice (also as 'python')",
        ),
        (
            {"skills": {"Instructing": 9}},
            "roles[0] (store_ai_coach).skills.Instructing",
            "Instructing",
            "9 is greater than the maximum of 7",
        ),
        (
            {"activities": ["4.A.4.b.3.I04.D99"]},
            "roles[0] (store_ai_coach).activities[0]",
            "D99",
            "'4.A.4.b.3.I04.D99' is not an O*NET detailed work activity (DWA) id",
        ),
        (
            {"reference_soc": "13-1159.00"},
            "roles[0] (store_ai_coach).reference_soc",
            "13-1159.00",
            "'13-1159.00' is not an O*NET-SOC occupation; closest:",
        ),
        (
            {"scenario_roles": ["ai_enginering"]},
            "roles[0] (store_ai_coach).scenario_roles[0]",
            "ai_enginering",
            "unknown scenario role 'ai_enginering'; the scenario new roles are: ai_engineering",
        ),
        (
            {"job_zone": 6},
            "roles[0] (store_ai_coach).job_zone",
            "job_zone",
            "6 is greater than the maximum of 5",
        ),
        (
            {"salary": 1},
            "roles[0] (store_ai_coach).salary",
            "salary",
            "Additional properties are not allowed ('salary' was unexpected)",
        ),
    ],
)
def test_errors_name_file_line_role_and_field(
    tmp_path: Path,
    store: ReferenceStore,
    change: dict[str, object],
    field: str,
    needle: str,
    message: str,
) -> None:
    path = _write(tmp_path, {**ROLE, **change})
    with pytest.raises(DocumentError) as caught:
        emerging_roles(path, store=store)
    err = caught.value
    assert err.file == str(path)
    assert err.field == field
    assert err.line == _line_of(path, needle)
    assert str(err).startswith(f"{path}, line {err.line}: {field}: ")
    assert message in str(err)


def test_a_missing_german_name_is_named(tmp_path: Path, store: ReferenceStore) -> None:
    path = _write(tmp_path, {**ROLE, "name": {"en": "Store AI coach"}})
    with pytest.raises(DocumentError, match=r"roles\[0\] \(store_ai_coach\)\.name: 'de' is a"):
        emerging_roles(path, store=store)


def test_duplicate_ids_and_a_scenario_role_claimed_twice(
    tmp_path: Path, store: ReferenceStore
) -> None:
    path = _write(tmp_path, ROLE, ROLE)
    with pytest.raises(DocumentError, match=r"roles\[1\] \(store_ai_coach\)\.id: duplicate"):
        emerging_roles(path, store=store)
    first = {**ROLE, "scenario_roles": ["content_design"]}
    second = {**ROLE, "id": "other", "scenario_roles": ["content_design"]}
    with pytest.raises(DocumentError) as caught:
        emerging_roles(_write(tmp_path, first, second), store=store)
    assert caught.value.field == "roles[1] (other).scenario_roles[0]"
    assert "already belongs to role 'store_ai_coach'" in str(caught.value)


def test_a_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="file not found"):
        emerging_roles(tmp_path / "nope.yaml")
