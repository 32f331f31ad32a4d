"""End-to-end tests of `workshift occupation` on the shipped bundle."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from workshift.cli import app

runner = CliRunner()


def test_soc_code_shows_customer_service_representatives_with_labelled_tasks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    result = runner.invoke(app, ["occupation", "43-4051"])
    assert result.exit_code == 0, result.output
    assert "Customer Service Representatives" in result.output
    assert "43-4051.00" in result.output
    assert "Keep records of customer interactions" in result.output
    for label in ("E0", "E1", "E2"):
        assert label in result.output
    assert "Exposure is not job loss" in result.output


def test_json_profile_has_tasks_labels_and_indices() -> None:
    result = runner.invoke(app, ["occupation", "43-4051.00", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["occupation"]["title"] == "Customer Service Representatives"
    assert data["system"] == "onet_soc"
    labels = {task["human_label"] for task in data["tasks"]}
    assert labels <= {"E0", "E1", "E2", None}
    assert len(data["tasks"]) >= 10
    assert 0 <= data["indices"]["human_beta"] <= 1
    assert data["indices"]["microsoft_ai_applicability"] is not None


def test_isco_code_lists_candidate_occupations() -> None:
    result = runner.invoke(app, ["occupation", "4222", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["system"] == "isco08"
    assert data["occupation"] is None
    codes = {c["onet_soc_code"] for c in data["candidates"]}
    assert "43-4051.00" in codes


def test_unknown_code_is_one_line_error_with_closest_codes_and_exit_2() -> None:
    result = runner.invoke(app, ["occupation", "43-4059"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "unknown occupation code '43-4059'" in lines[0]
    assert "43-4051" in lines[0]


def test_text_that_is_no_code_is_rejected_with_exit_2() -> None:
    result = runner.invoke(app, ["occupation", "cashier"])
    assert result.exit_code == 2
    assert "closest valid codes" in result.output
