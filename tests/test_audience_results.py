"""`workshift scenario` and `workshift reskill` with `--audience council`: the same reports
through the one disclosure-control pass, no identifier, no person, no file path, no
published group below k; HR's versions keep every detail and say so."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).parents[1] / "examples"
K = 5

STAFF = (
    "Personalnummer,Stellenbezeichnung,Abteilung,Standort,occupation_code\n"
    + "".join(f"P{i:04d},Kundenberater,Service,Leipzig,43-4051\n" for i in range(30))
    + "".join(f"T{i:04d},Sachbearbeiter,Service,Leipzig,43-9061\n" for i in range(8))
    + "".join(f"Q{i:04d},Lagerist,Logistik,Leipzig,53-7062\n" for i in range(14))
    + "".join(f"R{i:04d},Softwareentwickler,IT,Berlin,15-1252\n" for i in range(9))
    + "".join(f"U{i:04d},Buchhalter,Finanzen,Berlin,43-3031\n" for i in range(6))
    + "S0001,Geschäftsführerin,Vorstand,Berlin,11-1011\n"
    + "S0002,Justiziar,Recht,Hamburg,23-1011\n"
    + "S0003,Buchhalterin,Recht,Hamburg,43-3031\n"
)
SECRETS = ("P0001", "S0002", "Belegschaft_Export")
SMALL = ["Vorstand", "Recht"]


@pytest.fixture(scope="module")
def staff(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audience") / "Belegschaft_Export.csv"
    path.write_text(STAFF, encoding="utf-8")
    return path


def _scenario(staff: Path, out: Path, *extra: str) -> str:
    result = runner.invoke(
        app,
        [
            "scenario", str(staff), "--portfolio", str(EXAMPLES / "portfolio.yaml"),
            "--scenario", str(EXAMPLES / "scenario.yaml"), "--embedder", "hashing",
            "--draws", "100", "--output", str(out), *extra,
        ],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output


def _reskill(staff: Path, out: Path, *extra: str) -> str:
    result = runner.invoke(
        app,
        [
            "reskill", str(staff), "--openings", str(EXAMPLES / "openings.csv"),
            "--catalog", str(EXAMPLES / "courses.csv"), "--min-beta", "0.2",
            "--embedder", "hashing", "--output", str(out), *extra,
        ],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output


def _everything(out: Path) -> str:
    return " ".join(
        p.read_text(encoding="utf-8")
        for p in out.iterdir()
        if p.suffix in (".csv", ".json", ".html")
    )


@pytest.fixture(scope="module")
def scenario_council(staff: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("scenario") / "council"
    return out, _scenario(staff, out, "--audience", "council", "--lang", "de")


@pytest.fixture(scope="module")
def reskill_council(staff: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("reskill") / "council"
    return out, _reskill(staff, out, "--audience", "council", "--min-group", str(K))


def test_the_council_scenario_hides_small_groups(
    scenario_council: tuple[Path, str], staff: Path
) -> None:
    out, output = scenario_council
    assert "audit of every hidden cell passed" in " ".join(output.split())
    everything = _everything(out)
    for secret in (*SECRETS, str(staff.parent)):
        assert secret not in everything, secret
    projection = pd.read_csv(out / "projection.csv")
    departments = projection.loc[projection["group_by"] == "department"]
    small = departments["group"].isin(SMALL)
    assert small.any() and departments.loc[small, ["p10", "p50", "p90"]].isna().all().all()
    # Large groups stay, but for the one hidden beside the small ones (complementary).
    hidden = set(departments.loc[departments["p50"].isna(), "group"])
    assert set(SMALL) < hidden and len(hidden) <= len(SMALL) + 1
    organisation = projection.loc[projection["group_by"] == "organisation"]
    assert organisation["p50"].notna().all()
    units = pd.read_csv(out / "unit_groups.csv")
    assert units.loc[units["department"].isin(SMALL), "p50"].isna().all()
    sites = pd.read_csv(out / "reductions.csv").set_index("location")
    assert sites.loc["Hamburg", ["p50", "exits_mean"]].isna().all()  # two people
    assert pd.read_csv(out / "not_projected.csv")["input_row"].isna().all()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["audience"] == "council" and summary["disclosure"]["audit"]["ok"]
    assert summary["portfolio_file"] == "portfolio.yaml"  # a name, never a path
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="council"' in report and 'id="hr-only"' not in report
    assert '<html lang="de">' in report


def test_the_hr_scenario_keeps_every_group_and_says_so(staff: Path, tmp_path: Path) -> None:
    out = tmp_path / "hr"
    _scenario(staff, out)
    projection = pd.read_csv(out / "projection.csv")
    departments = projection.loc[projection["group_by"] == "department"]
    assert departments.loc[departments["group"].isin(SMALL), "p50"].notna().all()
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="hr-only"' in report and 'id="council"' not in report


def test_the_council_plan_lists_nobody_and_no_small_group(
    reskill_council: tuple[Path, str], staff: Path
) -> None:
    out, output = reskill_council
    assert "audit of every hidden cell passed" in " ".join(output.split())
    everything = _everything(out)
    for secret in (*SECRETS, str(staff.parent)):
        assert secret not in everything, secret
    assert pd.read_csv(out / "plan.csv").empty and pd.read_csv(out / "candidates.csv").empty
    assert pd.read_csv(out / "skills_unresolved.csv").empty  # a person's words, their row
    for name in ("flows", "gaps"):
        people = pd.read_csv(out / f"{name}.csv")["people"]
        assert (people >= K).all(), name  # published cells only
    departments = pd.read_csv(out / "departments.csv")
    for column in ("affected", "assigned", "not_assigned"):
        shown = departments[column].dropna()
        assert ((shown == 0) | (shown >= K)).all(), column
    assert (
        not departments["department"].isin(SMALL).any()
        or departments.loc[departments["department"].isin(SMALL), "affected"].isna().all()
    )
    openings = pd.read_csv(out / "openings.csv")
    assert openings["filled"].isna().all() and openings["capacity"].notna().all()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["reasons"] is None and summary["comparison"]["exact"]["relocations"] is None
    affected = summary["affected"]
    assert affected is None or affected >= K
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="council"' in report and 'id="hr-only"' not in report
    assert "names nobody" in report


def test_the_hr_plan_lists_everyone_and_says_so(staff: Path, tmp_path: Path) -> None:
    out = tmp_path / "hr"
    _reskill(staff, out)
    plan = pd.read_csv(out / "plan.csv")
    assert len(plan) > 0 and plan["employee_id"].notna().all()
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="hr-only"' in report and 'id="council"' not in report


def test_a_workforce_below_k_gets_no_council_report(staff: Path, tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.csv"
    tiny.write_text(
        "Personalnummer,Stellenbezeichnung,Abteilung,occupation_code\n"
        "A1,Kundenberater,Service,43-4051\nA2,Lagerist,Logistik,53-7062\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            "scenario", str(tiny), "--portfolio", str(EXAMPLES / "portfolio.yaml"),
            "--embedder", "hashing", "--draws", "20", "--audience", "council",
            "--output", str(tmp_path / "out"),
        ],
    )  # fmt: skip
    assert result.exit_code != 0
    assert "minimum group size of 5" in " ".join(result.output.split())
    assert not (tmp_path / "out" / "report.html").exists()


def test_an_unknown_audience_is_refused(staff: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "reskill", str(staff), "--openings", str(EXAMPLES / "openings.csv"),
            "--catalog", str(EXAMPLES / "courses.csv"), "--audience", "press",
            "--output", str(tmp_path / "out"),
        ],
    )  # fmt: skip
    assert result.exit_code != 0 and "use hr or council" in result.output


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["scenario", "reskill"])
def test_the_council_reports_hold_their_layout(
    kind: str,
    scenario_council: tuple[Path, str],
    reskill_council: tuple[Path, str],
) -> None:
    """Empty cells and missing sections leave the page intact (headless Chromium)."""
    from tests.reports.test_layout import CHROMIUM, _problems

    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    out = (scenario_council if kind == "scenario" else reskill_council)[0]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            assert _problems(browser, out / "report.html", 1280) == []
            assert _problems(browser, out / "report.html", 794, media="print") == []
        finally:
            browser.close()
