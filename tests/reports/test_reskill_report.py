"""The redeployment report: offline, escaped, both languages, its charts drawn from the frames."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from markupsafe import escape

from tests.reports.reskill_data import (
    LOCALISATION,
    MALICIOUS,
    SERVICE,
    SyntheticRedeployment,
    make_redeployment,
)
from workshift.exceptions import ConfigError, ReportDataError
from workshift.reference import ReferenceStore
from workshift.reports import RedeploymentLike, write_reskill_report
from workshift.reports import _reskill_report as reskill_report
from workshift.reports._reskill_charts import department_bars, flows_sankey, gap_heatmap
from workshift.reports._reskill_messages import REASONS, reskill_messages
from workshift.reports._reskill_report import render_reskill_report

CHARTS = ("flows", "gaps", "departments")


@pytest.fixture(scope="module")
def bundle() -> ReferenceStore:
    return ReferenceStore()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, bundle: ReferenceStore) -> str:
    path = tmp_path_factory.mktemp("reskill") / "out" / "report.html"
    written = write_reskill_report(make_redeployment(), path, store=bundle)
    assert written == path
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report_de(bundle: ReferenceStore) -> str:
    return render_reskill_report(make_redeployment(), "de", store=bundle)


@pytest.fixture
def redeployment() -> SyntheticRedeployment:
    return make_redeployment()


def _section(report: str, start: str, end: str) -> str:
    return report.split(f'id="{start}"')[1].split(f'id="{end}"')[0]


def _headline(report: str, key: str) -> str:
    match = re.search(rf'<span class="value" data-key="{key}">([^<]*)</span>', report)
    assert match, key
    return match.group(1)


def _rows(section: str) -> list[list[str]]:
    """The cells of the first table's body (markup inside a cell kept)."""
    body = section.split("<tbody>")[1].split("</tbody>")[0]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_the_synthetic_plan_is_redeployment_like(redeployment: SyntheticRedeployment) -> None:
    plan: RedeploymentLike = redeployment  # mypy checks the protocol
    assert len(plan.plan) == 6


def test_offline_plotly_inline_once_and_every_chart(report: str) -> None:
    assert not re.search(r"<script[^>]*\bsrc\s*=", report, re.I)
    markup = re.sub(r"<script[^>]*>.*?</script>", "", report, flags=re.S)
    assert not re.search(r"<(img|iframe|link|source|embed|object)\b", markup, re.I)
    assert not re.search(r"@import|url\(", markup, re.I)
    assert not re.search(r"\b(src|href)\s*=\s*['\"]?(https?:)?//", markup, re.I)
    assert "cdn" not in markup.lower()
    assert report.count("window.PlotlyConfig") == 1
    assert report.count("Plotly.newPlot(") == len(CHARTS)
    for chart in CHARTS:
        assert f'id="workshift-reskill-{chart}"' in report
    assert report.index("window.PlotlyConfig") < report.index("Plotly.newPlot(")


def test_what_it_is_and_is_not_comes_first(report: str, report_de: str) -> None:
    assert report.index("A plan to discuss, not a decision.") < report.index('id="glance"')
    assert "consent" in report.split('id="glance"')[0]
    assert "co-determination of the works council" in report
    assert report_de.index("Ein Plan zur Diskussion") < report_de.index('id="glance"')
    assert "Mitbestimmung des Betriebsrats" in report_de
    assert '<html lang="de">' in report_de
    assert '<html lang="en">' in report
    # The bundle the plan used is not the one listing the sources: said in the header.
    assert "The analysis used reference bundle test-bundle" in report


def test_headlines_and_settings(report: str, report_de: str) -> None:
    expected = {
        "affected": ("6", "6"),
        "assigned": ("3", "3"),
        "not_assigned": ("3", "3"),
        "training_hours": ("674", "674"),
        "training_cost": ("15,620", "15.620"),
        "gain": ("+1 person kept in work", "+1 Person in Arbeit gehalten"),
        "relocations": ("1", "1"),
        "solver": ("proven optimal", "nachweislich optimal"),
    }
    for key, (en, de) in expected.items():
        assert _headline(report, key) == en, key
        assert _headline(report_de, key) == de, key
    glance = _section(report, "glance", "flows")
    assert "50.0% of the people affected." in glance
    assert "224.7 hours per person assigned, on average." in glance
    assert "Budget 20,000; 78.1% of it used." in glance
    # What the exact plan adds, in people and money; the objective only in the method.
    assert (
        "Against a simple plan that takes the best moves one by one: training +630 h, "
        "\u221212,400; moves to another site +1; mean fit of the moves \u22120.19 (0 to 1). That "
        "plan places 2 people with 44 h of training for 28,020." in glance
    )
    assert "4.50" not in glance and "Plan value" not in glance
    assert "Of these, 1 to another country" in glance
    method = _section(report, "method", "data")
    assert "Exact plan 4.50, greedy plan 4.20, difference +0.30." in method
    assert "Exakter Plan 4,50, gieriger Plan 4,20, Unterschied +0,30." in report_de
    assert "Solver status: optimal; remaining gap 0.00%; 0.038 s." in glance
    for label, value in (
        ("Who is affected", "the people listed in affected.csv"),
        ("Priority weights (social criteria)", "protected: 1, tenure_years: 0.02"),
        ("Training budget", "20,000"),
        ("Value of keeping a person in work (in units of fit)", "1"),
        ("Least fit of a proposed move", "0.20"),
        ("Most training hours of a proposed move", "480 h"),
        ("Places in the openings", "3"),
        ("Moves not proposed (no course teaches the gap, or beyond a limit)", "1"),
        ("Course catalogue", "courses.csv"),
    ):
        assert f"<td>{label}</td><td>{value}</td>" in glance
    assert "<td>Gewichte der Priorität (soziale Kriterien)</td>" in report_de
    assert "die in affected.csv aufgeführten Beschäftigten" in report_de


def test_no_budget_no_priority_and_selection_by_exposure(
    redeployment: SyntheticRedeployment, bundle: ReferenceStore
) -> None:
    redeployment.summary.update(
        budget=None, priority={}, selection="occupation exposure beta >= 0.5"
    )
    text = render_reskill_report(redeployment, "de", store=bundle)
    assert "Kein Budget vorgegeben." in text
    assert "<td>Qualifizierungsbudget</td><td>keines</td>" in text
    assert "keine (alle zählen gleich)" in text
    assert "alle, deren Beruf eine Betroffenheit (Beta) von mindestens 0,5 hat" in text


def test_sankey_draws_every_person_from_origin_to_target(
    redeployment: SyntheticRedeployment,
) -> None:
    m = reskill_messages("de")
    bands, origins, targets, notes = reskill_report._flows(redeployment.flows, m)
    figure = flows_sankey(bands, origins, targets, m).to_dict()
    trace = figure["data"][0]
    assert trace["type"] == "sankey"
    assert sum(trace["link"]["value"]) == len(redeployment.plan) == 6
    # Labels are annotations beside the bands (plotly's own labels would sit on them):
    # the left side's right-aligned left of the bands, the right side's right of them.
    assert trace["node"]["label"] == [""] * len(trace["node"]["label"])
    notes = figure["layout"]["annotations"]
    labels = [note["text"].split("<br>")[0] for note in notes]
    low, high = trace["domain"]["x"]
    for k, note in enumerate(notes):
        left = k < len(origins)
        assert note["xanchor"] == ("right" if left else "left")
        assert note["x"] < low if left else note["x"] > high
        assert abs(note["y"] - (1 - trace["node"]["y"][k])) < 1e-9  # level with its node
        assert "Person" in note["text"]  # "1 Person", "2 Personen"
    assert trace["arrangement"] == "fixed"
    bands, origins, targets, notes = reskill_report._flows(redeployment.flows, m)
    assert labels[: len(origins)] == [
        "Customer Service Representatives",
        "Interpreters and Translators",
        "kein Beruf zugeordnet",
    ]
    assert labels[-1] == "nicht zugeordnet"  # drawn last, in its own colour
    assert trace["node"]["color"][-1] != trace["node"]["color"][len(origins)]
    # each band links its origin to its target
    links = {
        (labels[s], labels[t]): v
        for s, t, v in zip(
            trace["link"]["source"], trace["link"]["target"], trace["link"]["value"], strict=True
        )
    }
    assert links[("Interpreters and Translators", "nicht zugeordnet")] == 1.0
    assert links[("Customer Service Representatives", "AI trainer")] == 1.0
    assert notes == []


def test_sankey_gathers_the_smallest_occupations(redeployment: SyntheticRedeployment) -> None:
    many = pd.DataFrame(
        {
            "origin_code": [f"c{i:02d}" for i in range(30)],
            "origin": [f"Occupation {i:02d}" for i in range(30)],
            "target_code": ["ai_trainer"] * 30,
            "target": ["AI trainer"] * 30,
            "people": [30 - i for i in range(30)],
        }
    )
    m = reskill_messages("en")
    bands, origins, targets, notes = reskill_report._flows(many, m)
    assert len(origins) == reskill_report.MAX_FLOW_NODES
    assert origins[-1] == "other occupations"
    assert bands["people"].sum() == many["people"].sum()
    assert notes == [
        "The 24 largest of 30 occupations of today are shown; the others are gathered as "
        "\u201cother occupations\u201d. flows.csv has every pair."
    ]
    assert targets == ["AI trainer"]


def test_gap_heatmap_counts_people_per_department_and_skill(
    redeployment: SyntheticRedeployment,
) -> None:
    m = reskill_messages("en")
    cells, departments, skills, notes = reskill_report._gaps(
        redeployment.gaps, redeployment.departments, m
    )
    assert departments == [SERVICE, LOCALISATION]  # most affected first
    assert notes == []
    trace = gap_heatmap(cells, departments, skills, m).data[0]
    assert trace.type == "heatmap"
    z = np.asarray(trace.z, dtype=float)
    assert np.nansum(z) == redeployment.gaps["people"].sum()
    assert z[0, skills.index("Writing")] == 1.0
    assert np.isnan(z[0, skills.index("Mathematics")])  # nobody in service learns it
    assert trace.y[1].startswith("Localisation &lt;script&gt;")  # escaped, cut to fit
    assert "Localisation &lt;script&gt;" in trace.hovertext[1][0]


def test_gap_heatmap_keeps_the_most_learnt_skills(redeployment: SyntheticRedeployment) -> None:
    gaps = pd.DataFrame(
        {
            "department": SERVICE,
            "skill_id": [f"s{i:02d}" for i in range(25)],
            "skill": [f"Skill {i:02d}" for i in range(25)],
            "people": [25 - i for i in range(25)],
        }
    )
    m = reskill_messages("en")
    _, _, skills, notes = reskill_report._gaps(gaps, redeployment.departments, m)
    assert skills == [f"Skill {i:02d}" for i in range(reskill_report.TOP_SKILLS)]
    assert notes == ["The 20 skills learnt by the most people are shown, of 25; gaps.csv has all."]


def test_training_by_department_chart_and_table(report: str, report_de: str) -> None:
    m = reskill_messages("en")
    frame = reskill_report._departments(make_redeployment().departments, m)
    hours, cost = department_bars(frame, m).data
    assert list(hours.x) == [44.0, 630.0, 0.0] and list(cost.x) == [1240.0, 14380.0, 0.0]
    assert hours.y[2] == "(no department)"
    assert list(cost.text) == ["1,240", "14,380", "0"]
    section = _section(report, "departments", "openings")
    assert _rows(section)[:2] == [
        [SERVICE, "3", "2", "1", "44", "1,240"],
        [str(escape(LOCALISATION)), "2", "1", "1", "630", "14,380"],
    ]
    assert "<td>(keine Abteilung)</td>" in _section(report_de, "departments", "openings")


def test_openings_table(report: str, report_de: str) -> None:
    rows = _rows(_section(report, "openings", "not-assigned"))
    assert rows[0] == [
        "OP-1",
        "Cargo and freight agent",
        "Cargo and Freight Agents",
        "Austin",
        "US",
        "no",
        "2",
        "1",
        "1",
    ]
    assert rows[2][5] == "yes"
    assert "<td>ja</td>" in _section(report_de, "openings", "not-assigned")


def test_why_people_were_not_assigned(report: str, report_de: str) -> None:
    section = _section(report, "not-assigned", "people")
    assert "3 of 6 people were not assigned." in section
    rows = _rows(section)
    assert [row[:2] for row in rows] == [["openings full (capacity)", "2"], ["no occupation", "1"]]
    assert rows[0][2].startswith("Every opening within reach is full")
    assert rows[1][3] == "no occupation: needs review: best guess 43-4051.00 (confidence 0.39)"
    german = _rows(_section(report_de, "not-assigned", "people"))
    assert german[0][:2] == ["Stellen voll (Kapazität)", "2"]
    assert german[1][3].startswith("kein Beruf zugeordnet: needs review")


def test_everyone_assigned(redeployment: SyntheticRedeployment, bundle: ReferenceStore) -> None:
    plan = redeployment.plan
    redeployment.plan = plan.loc[plan["status"] == "assigned"]
    text = render_reskill_report(redeployment, store=bundle)
    assert "Everyone affected was assigned to an opening." in text


def test_the_plan_person_by_person_explains_each_move(report: str, report_de: str) -> None:
    rows = _rows(_section(report, "people", "unresolved"))
    assert [row[0] for row in rows] == ["E1", "E2", "E3", "E4", "E5", "E6"]
    first, second, third, fourth, _, sixth = rows
    assert first[1:8] == [
        SERVICE,
        "Austin",
        "Customer Service Representatives",
        "OP-1 Cargo and Freight Agents",
        "0.81",
        "0",
        "0",
    ]
    assert first[8] == (
        "Shares: Provide notifications to customers; Recommend shipping methods<br>"
        "Brings: Active Listening, Speaking<br>"
        "Nothing to learn: today&#39;s skills cover the role."
    )
    evil = str(escape(f"{MALICIOUS} software"))
    assert second[5:8] == ["0.56", "44", "1,240"]
    assert second[8] == (
        "Education the role usually asks for: Bachelor&#39;s Degree (today&#39;s occupation: "
        "High School Diploma)<br>"
        f"Learns: Writing, Active Learning in modules AIFLU-EN, WRITE-EN<br>On the job: {evil}"
        "<br>Courses in: English (languages of the site country US)"
    )
    assert third[4] == "OP-3 AI/ML engineer (moves to another country)"
    assert third[8] == (
        "Learns: Mathematics, Programming in modules MATH-ML-EN, DL-EN<br>"
        "Courses in: German, English (languages of the site country DE, languages listed as "
        "skills)<br>Moves to another country: the person accepts relocation abroad."
    )
    assert rows[4][8].endswith(
        "OP-3 AI/ML engineer (fit 0.12; 630 h; fit below the minimum of 0.20; over the limit "
        "of 480 h)<br>Courses in: German (languages of the site country DE)"
    )
    assert fourth[4:8] == ["not assigned", "", "", ""]
    assert fourth[8] == (
        "Not assigned: openings full (capacity).<br>Nearest options: OP-2 AI trainer "
        "(fit 0.56; 144 h) | OP-9 Supply Chain Managers (fit 0.65; no course in English "
        "teaches: Management of Material Resources)<br>"
        "Courses in: English (languages of the site country US)"
    )
    assert sixth[1] == "(no department)" and sixth[3] == "no occupation"
    german = _rows(_section(report_de, "people", "unresolved"))
    assert german[3][8] == (
        "Nicht zugeordnet: Stellen voll (Kapazität).<br>Nächstliegende Möglichkeiten: OP-2 AI "
        "trainer (Passung 0,56; 144 h) | OP-9 Supply Chain Managers (Passung 0,65; kein Kurs "
        "auf Englisch lehrt: Management of Material Resources)<br>"
        "Kurse auf: Englisch (Sprachen des Standortlands US)"
    )
    assert german[2][4] == "OP-3 AI/ML engineer (Wechsel ins Ausland)"
    assert "Kurse auf: Deutsch, Englisch (Sprachen des Standortlands DE" in german[2][8]
    assert german[4][8].endswith(
        "(Passung 0,12; 630 h; Passung unter dem Mindestwert 0,20; über der Grenze von 480 h)"
        "<br>Kurse auf: Deutsch (Sprachen des Standortlands DE)"
    )


def test_a_long_plan_is_cut_with_a_pointer_to_plan_csv(
    redeployment: SyntheticRedeployment, bundle: ReferenceStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reskill_report, "MAX_PEOPLE", 4)
    text = render_reskill_report(redeployment, store=bundle)
    section = _section(text, "people", "unresolved")
    assert [row[0] for row in _rows(section)] == ["E1", "E2", "E3", "E4"]
    assert "Showing the first 4 of 6 people; plan.csv lists everyone." in section


def test_unknown_reasons_and_near_misses_are_shown_as_they_are(
    redeployment: SyntheticRedeployment, bundle: ReferenceStore
) -> None:
    redeployment.plan.loc[4, ["reason", "near_misses"]] = ["a new reason", "OP-7 something odd"]
    text = render_reskill_report(redeployment, "de", store=bundle)
    people = _section(text, "people", "unresolved")
    assert (
        "Nicht zugeordnet: a new reason.<br>Nächstliegende Möglichkeiten: OP-7 something odd"
        in (people)
    )


def test_every_reason_of_the_planner_is_translated() -> None:
    from workshift.reskilling import _optimiser, _redeployment

    constants = [
        value
        for module in (_optimiser, _redeployment)
        for name, value in vars(module).items()
        if name.startswith("REASON_") and isinstance(value, str)
    ]
    assert len(constants) >= 7
    assert set(constants) <= set(REASONS)
    for lang in ("en", "de"):
        m = reskill_messages(lang)
        for reason in REASONS:
            assert m.reason(reason) and m.reason_help(reason), (lang, reason)


def test_skills_not_recognised(report: str, report_de: str) -> None:
    section = _section(report, "unresolved", "method")
    assert "1 skills listed for people name no known skill" in section
    assert _rows(section) == [
        ["affected.csv", "4", "skills", "Englisch", "unknown skill &#39;Englisch&#39;"]
    ]
    assert "Nicht erkannte angegebene Kompetenzen" in report_de


def test_method_and_data_sources(report: str, bundle: ReferenceStore) -> None:
    method = _section(report, "method", "data")
    assert "solved exactly with HiGHS" in method and "greedy plan" in method
    data = report.split('id="data"')[1]
    for source in bundle.manifest["sources"]:
        assert f'id="source-{source["key"]}"' in data
        assert str(escape(source["attribution"])) in data


def test_strings_from_the_data_are_escaped(report: str, report_de: str) -> None:
    for text in (report, report_de):
        assert MALICIOUS not in text
        assert str(escape(MALICIOUS)) in text
    gaps_json = report.split('id="workshift-reskill-gaps"')[1].split("</script>")[0]
    assert "&lt;script&gt;alert" in gaps_json


def test_same_plan_same_bytes(report: str, tmp_path: Path, bundle: ReferenceStore) -> None:
    again = write_reskill_report(make_redeployment(), tmp_path / "report.html", store=bundle)
    assert again.read_text(encoding="utf-8") == report


def test_an_empty_plan_renders_without_charts(
    redeployment: SyntheticRedeployment, bundle: ReferenceStore
) -> None:
    for name in ("plan", "flows", "gaps", "departments", "openings", "skills_unresolved"):
        setattr(redeployment, name, getattr(redeployment, name).iloc[0:0])
    redeployment.summary.update(affected=0, assigned=0, not_assigned=0, retained_share=None)
    text = render_reskill_report(redeployment, "de", store=bundle)
    assert "Plotly.newPlot(" not in text
    assert "Keine zugeordnete Person muss etwas dazulernen." in text
    assert "Alle Betroffenen wurden einer Stelle zugeordnet." in text


def test_missing_columns_fail_loudly(
    tmp_path: Path, redeployment: SyntheticRedeployment, bundle: ReferenceStore
) -> None:
    redeployment.plan = redeployment.plan.drop(columns=["gap_skills", "near_misses"])
    redeployment.gaps = redeployment.gaps.drop(columns=["people"])
    del redeployment.summary["gain"]
    with pytest.raises(ReportDataError) as err:
        write_reskill_report(redeployment, tmp_path / "report.html", store=bundle)
    message = str(err.value)
    assert message.startswith("the redeployment plan cannot be reported: ")
    assert "summary lacks gain" in message
    assert "plan lacks gap_skills, near_misses" in message
    assert "gaps lacks people" in message
    assert not (tmp_path / "report.html").exists()


def test_a_missing_frame_and_a_bad_solver(redeployment: SyntheticRedeployment) -> None:
    redeployment.summary["solver"] = "optimal"
    del redeployment.openings
    with pytest.raises(ReportDataError, match="no openings frame") as err:
        render_reskill_report(redeployment)
    assert "summary solver lacks status, mip_gap or seconds" in str(err.value)


def test_unknown_language(redeployment: SyntheticRedeployment) -> None:
    with pytest.raises(ConfigError, match="unknown report language 'fr'"):
        render_reskill_report(redeployment, "fr")
