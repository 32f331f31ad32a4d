"""`workshift analyze` end to end: every row accounted for, and the published US result."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift.cli import app
from workshift.exposure._reference_labels import reference_task_labels
from workshift.pipeline import analyze
from workshift.reference import ReferenceStore
from workshift.reports import write_html_report

runner = CliRunner()


@pytest.fixture(scope="module")
def oews_workforce(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """BLS OEWS May 2021 as an organisation: title, SOC code, employment."""
    frame = ReferenceStore().sql(
        "SELECT title AS job_title, soc_code AS occupation_code, employment AS headcount "
        "FROM oews WHERE year = 2021 AND o_group = 'detailed' AND employment IS NOT NULL "
        "ORDER BY soc_code"
    )
    path = tmp_path_factory.mktemp("oews") / "us_workforce_2021.csv"
    frame.to_csv(path, index=False)
    return path


@pytest.mark.slow  # a whole-example end-to-end run
def test_us_workforce_reproduces_gpts_are_gpts(oews_workforce: Path) -> None:
    """About 80% of workers with beta >= 10% and 19-21% above 50% (81.6% / 20.5%)."""
    result = analyze(oews_workforce)
    summary = result.summary
    assert summary["input_rows"] == summary["analysed_rows"] + summary["unmatched_rows"]
    assert summary["share_beta_ge_10pct"] == pytest.approx(0.816, abs=0.02)
    assert summary["share_beta_gt_50pct"] == pytest.approx(0.205, abs=0.015)
    # Occupations without labelled tasks are counted apart, not as unexposed.
    assert 0 < summary["headcount_unscored"] < 0.2 * summary["headcount"]
    by = result.matches.drop_duplicates("input_row")["decided_by"]
    assert (by == "occupation_code").mean() > 0.98  # OEWS-only aggregate codes use titles


def test_cli_writes_every_output_and_accounts_for_every_row(tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text(
        "Personalnummer;Stellenbezeichnung;Abteilung;Standort;Anzahl;occupation_code\n"
        "1;Kundenberater;Service;Leipzig;2;43-4051\n"
        "2;;Service;Leipzig;1;99-9999\n"
        "3;Irgendwas;IT;Berlin;1;15-1252.00\n"
        "4;;;;;\n",
        encoding="cp1252",
    )
    out = tmp_path / "result"
    result = runner.invoke(app, ["analyze", str(source), "--output", str(out)])
    assert result.exit_code == 0, result.output
    for name in (
        "summary.json",
        "matches.csv",
        "roles.csv",
        "tasks.csv",
        "departments.csv",
        "locations.csv",
        "unmatched.csv",
    ):
        assert (out / name).is_file(), name
    summary = json.loads((out / "summary.json").read_text())
    assert summary["input_rows"] == 4
    assert summary["analysed_rows"] == 2
    assert summary["headcount"] == 3.0
    unmatched = pd.read_csv(out / "unmatched.csv")
    assert sorted(unmatched["input_row"]) == [1, 3]
    assert sorted(unmatched["line"]) == [3, 5]  # where to look in the file
    assert "unknown occupation code '99-9999'" in unmatched.loc[0, "reason"]
    roles = pd.read_csv(out / "roles.csv", dtype={"onet_soc_code": str})
    assert set(roles["onet_soc_code"]) == {"43-4051.00", "15-1252.00"}
    assert "not job loss" in summary["note"]


def test_overrides_settle_titles_without_the_matcher(tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text("job_title,fte\nZauberer (m/w/d),1\nZauberer (w/m/d),0.5\n", encoding="utf-8")
    rules = tmp_path / "rules.csv"
    rules.write_text("title,code\nZauberer,43-4051\n", encoding="utf-8")
    result = analyze(source, overrides=rules)
    assert result.summary["analysed_rows"] == 2
    assert set(result.matches["decided_by"]) == {"override"}
    # Two people, one and a half full-time equivalents.
    assert result.summary["headcount"] == 2.0
    assert result.summary["fte"] == 1.5


def test_an_invalid_code_falls_back_to_the_title_and_says_so(tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text("job_title,occupation_code\nZauberer,12-3456\n", encoding="utf-8")
    rules = tmp_path / "rules.csv"
    rules.write_text("title,code\nZauberer,43-4051\n", encoding="utf-8")
    result = analyze(source, overrides=rules)
    match = result.matches.iloc[0]
    assert match["onet_soc_code"] == "43-4051.00"
    assert "unknown occupation code '12-3456'" in match["note"]


def test_own_tasks_replace_onet_tasks_and_are_scored_by_the_model(tmp_path: Path) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text(
        "job_title,department,headcount,occupation_code\n"
        "Kundenberater,Service,3,43-4051\n"
        "Developer,IT,2,15-1252.00\n",
        encoding="utf-8",
    )
    own = tmp_path / "tasks.csv"
    own.write_text(
        "occupation_code,task,time_share\n"
        "43-4051.00,Kundenanfragen per E-Mail und Chat beantworten,3\n"
        "43-4051.00,Retouren im Lager annehmen und prüfen,1\n",
        encoding="utf-8",
    )
    result = analyze(staff, tasks=own)
    tasks = result.tasks
    mine = tasks.loc[tasks["onet_soc_code"] == "43-4051.00"]
    assert sorted(mine["task"]) == sorted(
        ["Kundenanfragen per E-Mail und Chat beantworten", "Retouren im Lager annehmen und prüfen"]
    )
    assert set(mine["source"]) == {"model"}
    assert mine["weight"].tolist() == [3.0, 1.0]
    assert set(tasks["source"]) <= {"human", "model"}
    assert tasks[["p_e0", "p_e1", "p_e2"]].sum(axis=1).round(9).eq(1).all()
    roles = result.roles.set_index("onet_soc_code")
    assert roles.loc["43-4051.00", "model_task_share"] == 1.0
    assert roles.loc["15-1252.00", "model_task_share"] < 1.0
    # Beside ours, never averaged in: the published indices keep their own columns.
    assert {"beta_gpt4", "microsoft_ai_applicability", "anthropic_observed_exposure"} <= set(
        roles.columns
    )
    # The summary says which source scored how much, and that own tasks were used.
    summary = result.summary
    assert set(summary["label_sources"]) == {"human", "model"}
    assert sum(summary["label_sources"].values()) == pytest.approx(1.0)
    assert summary["label_sources"]["model"] == pytest.approx(summary["model_task_share"])
    assert summary["own_task_occupations"] == 1
    report = write_html_report(result, tmp_path / "report.html")
    text = html.unescape(report.read_text(encoding="utf-8"))
    assert "own task file (" in text and "for 1 of the occupations, by O*NET for" in text
    assert "as O*NET describes them" not in text
    assert "Scored by: workshift model" in text


def test_a_header_only_file_is_a_one_line_error(tmp_path: Path) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("employee_id,job_title,department\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(staff), "--output", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "staff.csv: no data rows below the header (line 1)" in result.output
    assert not (tmp_path / "out").exists()


def test_a_workforce_of_model_scored_occupations_gets_its_report(tmp_path: Path) -> None:
    """Occupations without any published label: every task scored by the model, and the
    reports (with more than the heatmap's 20 task groups) are still written."""
    store = ReferenceStore()
    labels = reference_task_labels(store, store.occupations()["onet_soc_code"].tolist(), "human")
    labelled = labels.groupby("onet_soc_code")["source"].count()
    codes = sorted(labelled.index[labelled == 0])[:40]
    staff = tmp_path / "staff.csv"
    pd.DataFrame(
        {
            "employee_id": range(len(codes) * 2),
            "job_title": "x",
            "department": [f"D{i % 6}" for i in range(len(codes) * 2)],
            "occupation_code": codes * 2,
        }
    ).to_csv(staff, index=False)
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(staff), "--output", str(out)])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["model_task_share"] == 1.0
    assert summary["label_sources"] == {"model": 1.0}
    text = (out / "report.html").read_text(encoding="utf-8")
    assert "Scored by: workshift model 100.0%" in text


def test_department_task_groups_split_each_departments_headcount(tmp_path: Path) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text(
        "job_title,department,headcount,occupation_code\n"
        "Clerk,Service,3,43-4051\n"
        "Developer,IT,2,15-1252.00\n"
        "Accountant,IT,1,13-2011\n",
        encoding="utf-8",
    )
    result = analyze(staff)
    cells = result.department_task_groups
    per_department = cells.groupby("department")["headcount"].sum()
    expected = result.departments.set_index("department")["headcount"]
    assert per_department.to_dict() == pytest.approx(expected.to_dict())
    assert cells["beta"].between(0, 1).all()
    assert cells["task_group"].notna().all()


def test_task_file_rows_for_occupations_nobody_holds_are_listed(tmp_path: Path) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("job_title,headcount,occupation_code\nClerk,1,43-4051\n", encoding="utf-8")
    own = tmp_path / "tasks.csv"
    own.write_text(
        "occupation_code,task\n43-4051,Kundenanfragen beantworten\n15-1252,Code schreiben\n",
        encoding="utf-8",
    )
    assert analyze(staff, tasks=own).summary["task_file_rows_unused"] == [1]
