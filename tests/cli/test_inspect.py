"""`workshift inspect`, and `--map` / `--sheet` on the commands that read a workforce."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"
HRIS = EXAMPLES / "hris_export.csv"
WIDE = {"COLUMNS": "200"}


@pytest.fixture(autouse=True)
def _no_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSHIFT_PSEUDONYM_KEY", raising=False)


def raw_ids() -> set[str]:
    frame = pd.read_csv(HRIS, skiprows=2, dtype=str, encoding="utf-8-sig",
                        on_bad_lines="skip", keep_default_na=False)  # fmt: skip
    return set(frame["EmpID"]) - {"", "Total"}


def test_inspect_shows_columns_structure_and_rejections() -> None:
    result = runner.invoke(app, ["inspect", str(HRIS)], env=WIDE)
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"{HRIS}, header on line 3" in out
    assert "skipped line 1: Northwind Components Inc." in out
    assert "skipped line 2: Report date: | 2025-01-31" in out
    for shown in ("job_title", "Position", "also matched, not used", "Cost Center", "ignored"):
        assert shown in out
    assert "Forklift Operator" in out and "••••" in out
    assert "15 fields where the header has 16" in out and "total row" in out
    assert "339 of 342 rows read (339 with data): 339 people, 299.3 FTE" in out
    assert not any(raw in out for raw in raw_ids())


def test_inspect_json() -> None:
    result = runner.invoke(app, ["inspect", str(HRIS), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["header_line"] == 3 and data["unit"] == "line"
    assert [r["reason"] for r in data["reasons"]] == [
        "15 fields where the header has 16", "blank row", "total row",
    ]  # fmt: skip
    assert data["people"] == 339.0
    by_column = {c["column"]: c for c in data["columns"]}
    assert by_column["EmpID"]["samples"] == ["••••"] * 3
    assert not any(raw in result.stdout for raw in raw_ids())


def test_inspect_with_map_and_a_workbook_sheet() -> None:
    workbook = EXAMPLES / "hris_export.xlsx"
    result = runner.invoke(app, ["inspect", str(workbook), "--json"])
    assert json.loads(result.stdout)["notes"][0].startswith("the workbook has 2 sheets")
    result = runner.invoke(
        app,
        ["inspect", str(workbook), "--sheet", "Staff", "--map", "department=Cost Center",
         "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sheet"] == "Staff"
    assert not any(note.startswith("the workbook has") for note in data["notes"])
    used = {c["canonical"]: c["column"] for c in data["columns"] if c["status"] == "used"}
    assert used["department"] == "Cost Center"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--map", "job_title"], "error: --map 'job_title' is not CANONICAL=SOURCE"),
        (["--map", "jobtitle=Position"], "error: --map 'jobtitle=Position': 'jobtitle' is not"),
        (["--map", "job_title=Rolle"], "no column 'Rolle' (given for job_title)"),
        (["--sheet", "Staff"], "is not a workbook"),
    ],
)
def test_inspect_errors_are_one_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["inspect", str(HRIS), *args], env={"COLUMNS": "80"})
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_sheet_that_does_not_exist_lists_the_sheets() -> None:
    result = runner.invoke(app, ["inspect", str(EXAMPLES / "hris_export.xlsx"), "--sheet", "x"])
    assert result.exit_code == 2
    assert "no sheet 'x'; the sheets are: 'Staff', 'Summary'" in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["analyze", "-o", "out"],
        ["scenario", "--portfolio", str(EXAMPLES / "portfolio.yaml"), "-o", "out"],
        ["reskill", "--catalog", str(EXAMPLES / "courses.csv"), "--openings",
         str(EXAMPLES / "openings.csv"), "-o", "out"],
    ],
)  # fmt: skip
def test_every_workforce_command_takes_map(command: list[str], tmp_path: Path) -> None:
    name, *options = command
    result = runner.invoke(
        app, [name, str(HRIS), *options, "--map", "title"], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 2, result.output
    assert "error: --map 'title' is not CANONICAL=SOURCE" in result.output


def test_analyze_reads_the_workforce_as_mapped(tmp_path: Path) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text(
        "Report\nPers.-Nr.;Bezeichnung;Code;Kostenstelle;Stellenanteil\n"
        "1;Buchhalter;13-2011.00;4100;100\n2;Fahrer;53-3032.00;4200;50\n"
        "3;Fahrer;53-3032.00;4200\nSumme;;;;150\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["analyze", str(staff), "-o", str(out), "--map", "occupation_code=Code",
         "--map", "job_title=Bezeichnung"],
        env=WIDE,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"note: {staff}, line 5: 4 fields where the header has 5; the row is not read" in (
        result.output
    )
    assert "note: header on line 2; line 1 above it skipped" in result.output
    unmatched = pd.read_csv(out / "unmatched.csv", dtype=str)
    assert unmatched["input_row"].tolist() == ["2", "3"]
    assert unmatched["reason"].str.endswith(("4 fields where the header has 5", "total row")).all()
