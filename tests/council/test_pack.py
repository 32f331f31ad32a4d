"""The works-council pack end to end: `workshift council` on rows of the shipped example
(those with occupation codes, so the title matcher is not needed; the hashing embedder),
both scenario files, the course catalogue, openings and the affected list. Nothing in the
pack identifies a person: no employee id, no file path, no published group of 1 to k-1
people; every legal section is there, in German and in English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift.cli import app
from workshift.council import SECTIONS

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"
K = 5
HEADINGS_DE = ("§ 90 Abs. 1 Nr. 3 BetrVG", "§ 92 Abs. 1 BetrVG", "§ 92a BetrVG",
               "§ 96 Abs. 1 BetrVG", "§ 97 Abs. 2 BetrVG", "§ 111 BetrVG",
               "§ 1 Abs. 3 Satz 1 KSchG", "§ 87 Abs. 1 Nr. 6 BetrVG")  # fmt: skip
HEADINGS_EN = ("§90 (1) no. 3 BetrVG", "§92 BetrVG", "§92a BetrVG", "§96 (1) BetrVG",
               "§97 (2) BetrVG", "§111 BetrVG", "§1 (3) KSchG",
               "§87 (1) no. 6 BetrVG")  # fmt: skip
PEOPLE = {
    "departments.csv": ["headcount"],
    "locations.csv": ["headcount"],
    "service_departments.csv": ["people"],
    "workforce_plan.csv": ["people_today"],
    "unit_differences.csv": ["people_today"],
    "codetermination.csv": ["people_today", "plan_people"],
    "training.csv": ["people", "placed", "not_placed"],
    "skills.csv": ["people"],
    "training_flows.csv": ["people"],
    "access.csv": ["people", "placed"],
    "establishments.csv": ["people"],
}
"""Every published column that counts people, by file."""


@pytest.fixture(scope="module")
def workforce(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = pd.read_csv(EXAMPLES / "workforce.csv", dtype=str, keep_default_na=False)
    coded = rows.loc[rows["occupation_code"] != ""]
    path = tmp_path_factory.mktemp("council_inputs") / "workforce.csv"
    coded.to_csv(path, index=False)
    return path


def _invoke(workforce: Path, out: Path, *extra: str) -> str:
    result = runner.invoke(
        app,
        [
            "council", str(workforce),
            "--portfolio", str(EXAMPLES / "portfolio.yaml"),
            "--scenario", str(EXAMPLES / "scenario.yaml"),
            "--council-scenario", str(EXAMPLES / "council_scenario.yaml"),
            "--catalog", str(EXAMPLES / "courses.csv"),
            "--openings", str(EXAMPLES / "openings.csv"),
            "--affected", str(EXAMPLES / "affected.csv"),
            "--priority", "protected=1",
            "--embedder", "hashing", "--draws", "200", "--min-group", str(K),
            "--output", str(out), *extra,
        ],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def pack(workforce: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("council") / "pack"
    return out, _invoke(workforce, out)


def _texts(folder: Path) -> dict[str, str]:
    """Every file of the pack as text (the workbook's cells joined)."""
    texts = {}
    for path in folder.iterdir():
        if path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path, read_only=True)
            cells = [str(v) for ws in book for row in ws.iter_rows(values_only=True)
                     for v in row if v is not None]  # fmt: skip
            texts[path.name] = "\n".join(cells)
        else:
            texts[path.name] = path.read_text(encoding="utf-8")
    return texts


def test_the_pack_has_every_file_and_section(pack: tuple[Path, str]) -> None:
    out, output = pack
    names = {p.name for p in out.iterdir()}
    expected = {"council.html", "council.xlsx", "summary.json", "suppression_log.csv"}
    assert expected | {f"{s}.csv" for s in SECTIONS} <= names
    html = (out / "council.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in html
    for heading in HEADINGS_DE:
        assert heading in html, heading
    assert "Betroffenheit ist kein Arbeitsplatzverlust" in html
    # The headline line of the CLI names what was hidden and where the pack is.
    assert "works-council pack:" in output and "audit passed" in output
    sheets = openpyxl.load_workbook(out / "council.xlsx", read_only=True).sheetnames
    assert "§ 92 Personalplanung" in sheets and "Ausgeblendete Zellen" in sheets


def test_nothing_identifies_a_person(pack: tuple[Path, str], workforce: Path) -> None:
    out, _ = pack
    ids = set(pd.read_csv(workforce, dtype=str)["employee_id"])
    ids |= set(pd.read_csv(EXAMPLES / "affected.csv", dtype=str)["employee_id"])
    pattern = re.compile(r"\bE\d{6}\b")
    for name, text in _texts(out).items():
        found = set(pattern.findall(text)) & ids
        assert not found, (name, sorted(found)[:5])
        assert str(workforce.parent) not in text, name
        assert str(EXAMPLES) not in text, name
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["analysis"]["source_file"] == "(file name withheld)"


def test_no_published_group_below_the_minimum(pack: tuple[Path, str]) -> None:
    out, _ = pack
    for name, columns in PEOPLE.items():
        path = out / name
        if not path.exists():
            continue
        frame = pd.read_csv(path)
        for column in columns:
            values = pd.to_numeric(frame[column], errors="coerce").dropna()
            small = values[(values > 0) & (values < K)]
            assert small.empty, (name, column, small.tolist()[:5])


def test_suppressed_cells_carry_no_figures(pack: tuple[Path, str]) -> None:
    out, _ = pack
    plan = pd.read_csv(out / "workforce_plan.csv")
    hidden = plan["suppressed"].astype(bool)
    assert hidden.any()
    assert plan.loc[hidden, ["people_today", "fte_today", "p10", "p50", "p90"]].isna().all().all()
    log = pd.read_csv(out / "suppression_log.csv")
    assert set(log.columns) == {"table", "cells", "published", "suppressed_primary",
                                "suppressed_complementary"}  # fmt: skip
    assert (log["published"] + log["suppressed_primary"] + log["suppressed_complementary"]
            == log["cells"]).all()  # fmt: skip


def test_both_scenarios_stand_side_by_side(pack: tuple[Path, str]) -> None:
    out, _ = pack
    comparison = pd.read_csv(out / "comparison.csv")
    assert {"management_p50", "council_p50", "difference_p50"} <= set(comparison.columns)
    assert (comparison["difference_p50"]
            == comparison["council_p50"] - comparison["management_p50"]).all()  # fmt: skip
    assumptions = pd.read_csv(out / "assumption_differences.csv", keep_default_na=False)
    assert "hiring_freeze_years" in set(assumptions["parameter"])
    assert (assumptions["management"] != assumptions["council"]).all()
    plan = pd.read_csv(out / "workforce_plan.csv")
    assert set(plan["scenario"]) == {"management", "council"}


def test_the_english_pack(workforce: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack_en"
    _invoke(workforce, out, "--lang", "en")
    html = (out / "council.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    for heading in HEADINGS_EN:
        assert heading in html, heading
    assert "Exposure is not job loss" in html


def test_a_catalogue_without_openings_is_refused_before_any_work(
    workforce: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app,
        ["council", str(workforce), "--portfolio", str(EXAMPLES / "portfolio.yaml"),
         "--scenario", str(EXAMPLES / "scenario.yaml"),
         "--catalog", str(EXAMPLES / "courses.csv"), "--output", str(tmp_path / "x")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--openings" in result.output
    assert not (tmp_path / "x").exists()


def test_a_bad_council_scenario_names_its_file_before_the_analysis(
    workforce: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "council.yaml"
    bad.write_text("exits: [unclosed\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["council", str(workforce), "--portfolio", str(EXAMPLES / "portfolio.yaml"),
         "--scenario", str(EXAMPLES / "scenario.yaml"), "--council-scenario", str(bad),
         "--output", str(tmp_path / "x")],
    )  # fmt: skip
    assert result.exit_code != 0
    assert "council.yaml" in result.output
    assert not (tmp_path / "x").exists()


@pytest.mark.browser
def test_the_pack_holds_its_layout(pack: tuple[Path, str]) -> None:
    """Wide tables (§111 with both scenarios) stay inside the page on screen and in print
    (headless Chromium)."""
    from tests.reports.test_layout import CHROMIUM, _problems

    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    out, _ = pack
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            assert _problems(browser, out / "council.html", 1280) == []
            assert _problems(browser, out / "council.html", 794, media="print") == []
        finally:
            browser.close()


def test_a_pack_of_management_s_scenario_alone(workforce: Path, tmp_path: Path) -> None:
    """Without the council's scenario and without a plan the pack still has every section:
    §92a says there is nothing to compare, §96 that there is no plan."""
    out = tmp_path / "pack"
    result = runner.invoke(
        app,
        [
            "council", str(workforce), "--portfolio", str(EXAMPLES / "portfolio.yaml"),
            "--scenario", str(EXAMPLES / "scenario.yaml"), "--embedder", "hashing",
            "--draws", "50", "--lang", "en", "--output", str(out),
        ],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert pd.read_csv(out / "unit_differences.csv").empty
    html = (out / "council.html").read_text(encoding="utf-8")
    for heading in HEADINGS_EN:
        assert heading in html, heading
