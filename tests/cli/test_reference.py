"""End-to-end tests of `workshift reference info` and the console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from workshift import config_context
from workshift.cli import app
from workshift.reference import SOURCES

runner = CliRunner()


def test_info_shows_every_source_with_its_licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    result = runner.invoke(app, ["reference", "info"])
    assert result.exit_code == 0, result.output
    for source in SOURCES.values():
        assert source.licence.split()[0] in result.output
        assert source.version.split()[0] in result.output
    assert "Attribution" in result.output or "attribution" in result.output


def test_info_json_is_the_manifest() -> None:
    result = runner.invoke(app, ["reference", "info", "--json"])
    assert result.exit_code == 0, result.output
    manifest = json.loads(result.output)
    assert {s["key"] for s in manifest["sources"]} == set(SOURCES)
    assert all(s["attribution"] for s in manifest["sources"])
    onet = next(s for s in manifest["sources"] if s["key"] == "onet")
    assert "O*NET® is a trademark of USDOL/ETA" in onet["attribution"]
    assert {t["name"] for t in manifest["tables"]} >= {"occupations", "tasks", "eloundou_tasks"}


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "workshift", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("workshift ")


def test_missing_bundle_is_a_clear_error(tmp_path: Path) -> None:
    with config_context(bundle_dir=str(tmp_path)):
        result = runner.invoke(app, ["reference", "info"])
    assert result.exit_code == 1
    assert "no reference bundle" in result.output


def test_info_verify_checks_the_shipped_bundle() -> None:
    result = runner.invoke(app, ["reference", "info", "--verify", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["format"] == 1
