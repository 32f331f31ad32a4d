"""`workshift analyze --audience council`: every aggregate through disclosure control, no
identifier, no title of a single row, no file path, no published group below k."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift.cli import app

runner = CliRunner()

STAFF = (
    "Personalnummer,Stellenbezeichnung,Abteilung,Standort,occupation_code\n"
    + "".join(f"P{i:04d},Kundenberater,Service,Leipzig,43-4051\n" for i in range(12))
    + "".join(f"Q{i:04d},Lagerist,Logistik,Leipzig,53-7062\n" for i in range(9))
    + "".join(f"R{i:04d},Softwareentwickler,IT,Berlin,15-1252\n" for i in range(7))
    + "S0001,Geschäftsführerin,Vorstand,Berlin,11-1011\n"
    + "S0002,Justiziar Maria Huber,Recht,Berlin,23-1011\n"
)


def _council(tmp_path: Path, text: str, *options: str) -> Path:
    """``workshift analyze --audience council`` on ``text`` as a CSV; the output folder."""
    staff = tmp_path / "staff.csv"
    staff.write_text(text, encoding="utf-8")
    out = tmp_path / "council"
    result = runner.invoke(
        app, ["analyze", str(staff), "--audience", "council", *options, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def test_the_council_gets_aggregates_only_and_no_small_group(tmp_path: Path) -> None:
    staff = tmp_path / "Belegschaft_Export.csv"
    staff.write_text(STAFF, encoding="utf-8")
    out = tmp_path / "council"
    result = runner.invoke(
        app, ["analyze", str(staff), "--audience", "council", "--lang", "de", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "audit of every hidden cell passed" in " ".join(result.output.split())
    written = {p.name for p in out.iterdir()}
    assert not written & {"rows.csv", "matches.csv", "titles.csv"}  # person-level: HR only
    assert "suppression_log.csv" in written
    everything = " ".join(
        p.read_text(encoding="utf-8")
        for p in out.iterdir()
        if p.suffix in (".csv", ".json", ".html")
    )
    for secret in ("P0001", "S0002", "Maria Huber", "Belegschaft_Export", str(tmp_path)):
        assert secret not in everything, secret
    for name in ("departments", "locations", "roles", "department_task_groups"):
        frame = pd.read_csv(out / f"{name}.csv")
        people = "headcount" if name in ("departments", "locations") else "people"
        shown = frame.loc[~frame["suppressed"]]
        if people in shown:
            assert ((shown[people] == 0) | (shown[people] >= 5)).all(), name
    departments = pd.read_csv(out / "departments.csv").set_index("department")
    assert departments.loc[["Vorstand", "Recht"], "suppressed"].all()  # one person each
    assert departments.loc[["Vorstand", "Recht"], "beta"].isna().all()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["audience"] == "council"
    assert summary["disclosure"]["audit"]["ok"] is True
    assert summary["disclosure"]["min_people"] == 5
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="council"' in report and 'id="hr-only"' not in report


def test_hr_keeps_every_detail_and_says_so(tmp_path: Path) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text(STAFF, encoding="utf-8")
    out = tmp_path / "hr"
    result = runner.invoke(app, ["analyze", str(staff), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "rows.csv").is_file()
    departments = pd.read_csv(out / "departments.csv").set_index("department")
    assert departments.loc["Recht", "headcount"] == 1
    assert 'id="hr-only"' in (out / "report.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_council_report_holds_its_layout(tmp_path: Path) -> None:
    """Hidden cells leave the page intact: no overflow, no cut label (headless Chromium)."""
    from tests.reports.test_layout import CHROMIUM, _problems

    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    out = _council(tmp_path, STAFF, "--lang", "de")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            assert _problems(browser, out / "report.html", 1280) == []
            assert _problems(browser, out / "report.html", 794, media="print") == []
        finally:
            browser.close()


def test_a_department_named_like_a_person_is_withheld(tmp_path: Path) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text(
        "job_title,department,occupation_code\n"
        + "Accountant,Finance,13-2011\n" * 8
        + "Accountant,Team Becker,13-2011\n" * 6
        + "Accountant,Maria Schmidt,13-2011\n",
        encoding="utf-8",
    )
    out = tmp_path / "council"
    result = runner.invoke(app, ["analyze", str(staff), "--audience", "council", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "look like a person's name" in " ".join(result.output.split())
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8") if path.suffix != ".xlsx" else ""
        assert "Becker" not in text and "Schmidt" not in text, path.name
    departments = pd.read_csv(out / "departments.csv")
    assert set(departments["department"]) == {
        "Finance", "department 1 (name withheld)", "department 2 (name withheld)"
    }  # fmt: skip
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["disclosure"]["values_that_look_like_names"] == {"department": 2, "location": 0}
