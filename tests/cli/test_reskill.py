"""`workshift reskill` end to end on the shipped example: its rows with occupation codes (so the
title matcher is not needed), the example openings and course catalogue, and an affected list
built from those rows with social criteria, listed skills, an unknown id and an unmatched row."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift.cli import app
from workshift.reskilling import REDEPLOYMENT_COLUMNS

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"
DEPARTMENTS = ("Customer Service", "Media Localisation", "Finance", "Administration")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("reskill_inputs")
    rows = pd.read_csv(EXAMPLES / "workforce.csv", dtype=str, keep_default_na=False)
    coded = rows.loc[rows["occupation_code"] != ""].copy()
    coded["skills"] = ""
    coded.iloc[0, coded.columns.get_loc("occupation_code")] = "99-9999"  # unmatched
    coded.iloc[0, coded.columns.get_loc("job_title")] = ""
    workforce = folder / "workforce.csv"
    coded.to_csv(workforce, index=False)
    chosen = coded.loc[coded["department"].isin(DEPARTMENTS), "employee_id"].tolist()
    listed = pd.DataFrame({"employee_id": [coded["employee_id"].iloc[0], *chosen, "E999999"]})
    listed["relocation"] = ["yes" if i % 4 == 0 else "no" for i in range(len(listed))]
    listed["protected"] = ["ja" if i % 9 == 0 else "nein" for i in range(len(listed))]
    listed["tenure_years"] = [str(i % 30) for i in range(len(listed))]
    listed["skills"] = ""
    listed.loc[1, "skills"] = "Programmieren=4; Zauberei"
    affected = folder / "affected.csv"
    listed.to_csv(affected, index=False)
    return workforce, affected


def _run(workforce: Path, affected: Path, out: Path, *extra: str) -> None:
    result = runner.invoke(
        app,
        [
            "reskill", str(workforce),
            "--openings", str(EXAMPLES / "openings.csv"),
            "--catalog", str(EXAMPLES / "courses.csv"),
            "--affected", str(affected),
            "--priority", "protected=1", "--priority", "tenure_years=0.02",
            "--embedder", "hashing", "--output", str(out), *extra,
        ],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "assigned" in result.output
    assert (out / "report.html").stat().st_size > 10_000


@pytest.fixture(scope="module")
def run(inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reskill") / "out"
    _run(*inputs, out)
    return out


def test_every_listed_person_is_in_the_plan(run: Path, inputs: tuple[Path, Path]) -> None:
    plan = pd.read_csv(run / "plan.csv", dtype={"employee_id": str}, keep_default_na=False)
    listed = pd.read_csv(inputs[1], dtype=str, keep_default_na=False)
    assert list(plan.columns) == REDEPLOYMENT_COLUMNS
    assert plan["employee_id"].tolist() == listed["employee_id"].tolist()
    assert set(plan["status"]) == {"assigned", "not_assigned"}
    reasons = plan.set_index("employee_id")["reason"]
    assert reasons["E999999"] == "not in the workforce file"
    assert reasons[listed["employee_id"].iloc[0]].startswith("no occupation: ")
    not_assigned = plan.loc[plan["status"] == "not_assigned"]
    assert (not_assigned["reason"] != "").all()


def test_moves_keep_capacity_sites_and_are_explained(run: Path) -> None:
    plan = pd.read_csv(run / "plan.csv", keep_default_na=False)
    openings = pd.read_csv(run / "openings.csv", keep_default_na=False).set_index("opening_id")
    moved = plan.loc[plan["status"] == "assigned"]
    assert len(moved) > 0
    assert moved["employee_id"].is_unique
    filled = moved["opening_id"].value_counts()
    assert (filled <= openings.loc[filled.index, "capacity"]).all()
    assert (openings.loc[filled.index, "filled"] == filled).all()
    # Another site only when the opening takes people from elsewhere.
    away = moved.loc[moved["location"] != moved["opening_id"].map(openings["location"])]
    assert openings.loc[away["opening_id"], "relocation"].all()
    assert (away["relocates"] == "True").all()
    assert ((moved["shared_activities"] != "") | (moved["strengths"] != "")).all()
    assert (moved["target"] != "").all() and (moved["origin"] != "").all()


def test_summary_matches_the_plan(run: Path) -> None:
    plan = pd.read_csv(run / "plan.csv", keep_default_na=False)
    summary = json.loads((run / "summary.json").read_text(encoding="utf-8"))
    assert summary["affected"] == len(plan)
    assert summary["assigned"] == int((plan["status"] == "assigned").sum())
    assert summary["training_cost"] == pytest.approx(plan["training_cost"].sum())
    assert summary["objective"] >= summary["greedy_objective"]
    assert summary["optimal"] is True
    assert summary["priority"] == {"protected": 1.0, "tenure_years": 0.02}
    departments = pd.read_csv(run / "departments.csv")
    assert departments["affected"].sum() == len(plan)
    flows = pd.read_csv(run / "flows.csv")
    assert flows["people"].sum() == len(plan)


def test_listed_skills_are_used_or_reported(run: Path) -> None:
    unresolved = pd.read_csv(run / "skills_unresolved.csv")
    assert unresolved[["row", "column", "value"]].values.tolist() == [[2, "skills", "Zauberei"]]
    assert unresolved["file"].iloc[0].endswith("affected.csv")


def test_a_budget_caps_the_training_cost(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    _run(*inputs, tmp_path / "capped", "--budget", "20000", "--lang", "de")
    plan = pd.read_csv(tmp_path / "capped" / "plan.csv", keep_default_na=False)
    assert plan["training_cost"].sum() <= 20000
    assert "training budget exhausted" in set(plan["reason"])


def test_bad_priority_is_a_clear_error(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "reskill", str(inputs[0]), "--openings", str(EXAMPLES / "openings.csv"),
            "--catalog", str(EXAMPLES / "courses.csv"), "--affected", str(inputs[1]),
            "--priority", "seniority=1", "--embedder", "hashing", "--output", str(tmp_path),
        ],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "seniority" in result.output


def test_a_scenarios_new_roles_become_openings(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    demand = pd.DataFrame(
        {
            "year": [2029, 2030, 2030, 2030],
            "new_role": ["ai_operations", "ai_operations", "ai_operations", "content_design"],
            "location": ["Austin", "Austin", "Nashville", "Berlin"],
            "p10": [1.0, 2.0, 0.2, 1.0],
            "p50": [2.0, 4.6, 0.4, 2.2],
            "p90": [3.0, 6.0, 0.9, 3.0],
            "mean": [2.0, 4.4, 0.5, 2.1],
        }
    )
    demand.to_csv(tmp_path / "new_roles.csv", index=False)
    out = tmp_path / "from_scenario"
    result = runner.invoke(
        app,
        [
            "reskill", str(inputs[0]), "--new-roles", str(tmp_path / "new_roles.csv"),
            "--catalog", str(EXAMPLES / "courses.csv"), "--affected", str(inputs[1]),
            "--embedder", "hashing", "--output", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    openings = pd.read_csv(out / "openings.csv").set_index("opening_id")
    # 2030, P50 rounded down to whole people; Nashville's 0.4 is no opening.
    assert openings["capacity"].to_dict() == {
        "SCN-2030-ai_quality_oversight_analyst-Austin": 4,
        "SCN-2030-conversation_prompt_designer-Berlin": 2,
    }
    plan = pd.read_csv(out / "plan.csv", keep_default_na=False)
    assert set(plan.loc[plan["status"] == "assigned", "opening_id"]) <= set(openings.index)
    bad = runner.invoke(
        app,
        [
            "reskill", str(inputs[0]), "--new-roles", str(tmp_path / "new_roles.csv"),
            "--year", "2040", "--catalog", str(EXAMPLES / "courses.csv"),
            "--embedder", "hashing", "--output", str(out),
        ],
    )  # fmt: skip
    assert bad.exit_code == 2
    assert "no year 2040" in bad.output


def test_pseudonymised_plan_shows_no_raw_id(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    """With a key, the list's ids are pseudonymised as the workforce's are: they still meet,
    and no raw id is in any output."""
    out = tmp_path / "pseudonymised"
    result = runner.invoke(
        app,
        [
            "reskill", str(inputs[0]), "--openings", str(EXAMPLES / "openings.csv"),
            "--catalog", str(EXAMPLES / "courses.csv"), "--affected", str(inputs[1]),
            "--embedder", "hashing", "--output", str(out),
        ],
        env={"WORKSHIFT_PSEUDONYM_KEY": "works-council-key"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    raw = pd.read_csv(inputs[1], dtype=str)["employee_id"].tolist()
    plan = pd.read_csv(out / "plan.csv", dtype={"employee_id": str}, keep_default_na=False)
    assert len(plan) == len(raw) and not set(plan["employee_id"]) & set(raw)
    assert (plan["status"] == "assigned").sum() > 0
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not any(identifier in text for identifier in raw[:50]), path.name


def test_the_cli_default_moves_per_person_is_the_librarys() -> None:
    import inspect

    from workshift.cli._reskill import reskill
    from workshift.reskilling._candidates import PER_PERSON

    default = inspect.signature(reskill).parameters["moves_per_person"].default
    assert default == PER_PERSON


def test_the_cli_limits_are_the_librarys() -> None:
    import inspect

    from workshift.cli._reskill import reskill
    from workshift.reskilling import MAX_TRAINING_HOURS, MIN_FIT

    parameters = inspect.signature(reskill).parameters
    assert parameters["min_fit"].default == MIN_FIT
    assert parameters["max_training_hours"].default == MAX_TRAINING_HOURS


def test_priority_without_a_list_is_refused_before_any_work(inputs: tuple[Path, Path]) -> None:
    from workshift.exceptions import ConfigError
    from workshift.pipeline import reskill

    with pytest.raises(ConfigError, match="priority"):
        reskill(inputs[0], EXAMPLES / "openings.csv", EXAMPLES / "courses.csv",
                priority={"protected": 1.0})  # fmt: skip


def test_a_workforce_without_employee_ids_is_planned_by_row(
    inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    """Regression: reskill crashed (merge on object and float64 employee_id) without ids."""
    workforce, affected = inputs
    rows = pd.read_csv(workforce, dtype=str, keep_default_na=False).drop(columns="employee_id")
    no_ids = tmp_path / "no_ids.csv"
    rows.to_csv(no_ids, index=False)
    out = tmp_path / "plan"
    result = runner.invoke(
        app,
        [
            "reskill", str(no_ids), "--openings", str(EXAMPLES / "openings.csv"),
            "--catalog", str(EXAMPLES / "courses.csv"), "--min-beta", "0.6",
            "--embedder", "hashing", "--output", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    plan = pd.read_csv(out / "plan.csv", dtype=str)
    assert len(plan) > 0
    assert plan["employee_id"].str.fullmatch(r"row \d+").all()
    # A list of affected people cannot be joined without ids: a one-line error.
    result = runner.invoke(
        app,
        [
            "reskill", str(no_ids), "--openings", str(EXAMPLES / "openings.csv"),
            "--catalog", str(EXAMPLES / "courses.csv"), "--affected", str(affected),
            "--embedder", "hashing", "--output", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "no employee ids" in result.output
    assert result.output.strip().count("\n") == 0 and str(affected) in result.output


def test_a_plan_by_exposure_where_everyone_has_an_occupation(
    inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    """Regression: with no person lacking an occupation, the empty 'no occupation' notes
    were joined as float and reskill crashed (str + float64)."""
    from workshift.pipeline import reskill

    rows = pd.read_csv(inputs[0], dtype=str, keep_default_na=False).iloc[1:]
    coded = tmp_path / "coded.csv"
    rows.to_csv(coded, index=False)
    plan = reskill(coded, EXAMPLES / "openings.csv", EXAMPLES / "courses.csv",
                   min_beta=0.6, embedder="hashing")  # fmt: skip
    assert len(plan.plan) > 0
    assert not plan.plan["reason"].astype(str).str.startswith("no occupation").any()
