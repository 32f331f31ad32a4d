"""The scenario report: offline, escaped, both languages, its charts drawn from the frames."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest
from markupsafe import escape

from tests.reports.scenario_data import MALICIOUS, SyntheticProjection, make_projection
from workshift.exceptions import ConfigError, ReportDataError
from workshift.reports import write_scenario_report
from workshift.reports._scenario_charts import TOP_INPUTS, fan_chart, tornado, waterfall
from workshift.reports._scenario_messages import scenario_messages
from workshift.reports._scenario_report import _fans, render_scenario_report

CHARTS = (
    "waterfall",
    "fan_headcount",
    "fan_fte",
    "fan_money",
    "fan_energy",
    "fan_new_roles",
    "tornado",
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("scenario") / "out" / "report.html"
    written = write_scenario_report(make_projection(), path)
    assert written == path
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report_de() -> str:
    return render_scenario_report(make_projection(), "de")


@pytest.fixture
def projection() -> SyntheticProjection:
    return make_projection()


def _section(report: str, start: str, end: str) -> str:
    return report.split(f'id="{start}"')[1].split(f'id="{end}"')[0]


def _headline(report: str, key: str) -> str:
    match = re.search(rf'<span class="value" data-key="{key}">([^<]*)</span>', report)
    assert match, key
    return match.group(1)


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
        assert f'id="workshift-scenario-{chart}"' in report
    # plotly.js comes with the first chart on the page, before any chart uses it
    assert report.index("window.PlotlyConfig") < report.index("Plotly.newPlot(")
    assert report.index('id="workshift-scenario-waterfall"') < report.index(
        'id="workshift-scenario-fan_headcount"'
    )


def test_what_it_is_and_is_not_comes_first(report: str, report_de: str) -> None:
    assert report.index("not a forecast") < report.index('id="glance"')
    assert report.index("Exposure is not job loss.") < report.index('id="glance"')
    assert "in eight of ten draws the result lies between P10 and P90" in report
    # nobody exits in the synthetic scenario (exits P90 is 0 every year)
    assert "nobody leaves other than through attrition and retirement" in report
    assert report_de.index("keine Prognose") < report_de.index('id="glance"')
    assert "Betroffenheit bedeutet keinen Arbeitsplatzverlust" in report_de
    assert '<html lang="de">' in report_de
    assert '<html lang="en">' in report


def test_exits_are_said_when_the_scenario_has_them(projection: SyntheticProjection) -> None:
    frame = projection.projection
    exits = (frame["metric"] == "exits") & (frame["year"] == 2027)
    frame.loc[exits, ["p50", "p90"]] = [2.0, 6.0]
    text = render_scenario_report(projection)
    assert "lets the surplus that attrition and redeployment do not absorb leave" in text
    assert "nobody leaves other than" not in text


def test_settings_and_headlines(report: str, report_de: str) -> None:
    glance = _section(report, "glance", "waterfall")
    for label, value in (
        ("Years", "2026–2027"),
        ("Monte Carlo draws", "2,000"),
        ("Seed", "1"),
        ("Preset", "base"),
        ("Currency", "EUR"),
        ("Scenario file", "none (preset only)"),
        ("Input rows not projected", "3"),
    ):
        assert f"<td>{label}</td><td>{value}</td>" in glance
    assert "Preset base; 2,000 Monte Carlo draws with seed 1; money in EUR." in report
    expected = {
        "headcount_start": ("1,200", "1.200"),
        # The headcount bridge is in means, like the waterfall: one statistic, labelled.
        "headcount_projected": ("1,148", "1.148"),
        "net_change": ("-52", "-52"),
        "ai_effect": ("-30.5", "-30,5"),
        "fte_equivalent": ("52.5", "52,5"),
        "surplus_headcount": ("17", "17"),
        "net_benefit": ("EUR\xa02.2 million", "2,2\xa0Mio.\xa0EUR"),
    }
    for key, (en, de) in expected.items():
        assert _headline(report, key) == en, key
        assert _headline(report_de, key) == de, key
    assert "Headcount (FTE) in 2027 (mean)" in glance
    assert "Net change to 2027 (FTE, mean)" in glance
    assert "Surplus (FTE) in 2027 (P50)" in glance
    assert "Nettoveränderung bis 2027 (VZÄ, Mittelwert)" in report_de
    assert "P10 to P90: EUR\xa00.9 million to EUR\xa03.9 million" in glance
    assert "P10 bis P90: 0,9\xa0Mio.\xa0EUR bis 3,9\xa0Mio.\xa0EUR" in report_de
    assert "1,148 (mean; P10 to P90: 1,120 to 1,175)" in glance


def test_money_takes_the_summary_currency(projection: SyntheticProjection) -> None:
    projection.summary["currency"] = "USD"
    text = render_scenario_report(projection)
    projection.summary.pop("money")
    text = render_scenario_report(projection)
    assert _headline(text, "net_benefit") == "USD\xa02.2 million"
    assert "USD\xa0260,000" in _section(text, "services", "not-projected")
    assert "EUR" not in re.sub(r"<script[^>]*>.*?</script>", "", text, flags=re.S)
    assert "Money is in USD, as the projection states." in text


def test_money_section_lists_every_currency_and_rate(report: str, report_de: str) -> None:
    money = _section(report, "money", "waterfall")
    assert "Every amount in this report is in EUR." in money
    assert "Rates as stated in the scenario file scenario.yaml." in money
    rows = re.findall(r"<tr>(.*?)</tr>", money.split("<tbody>")[1])
    cells = [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in rows]
    assert cells == [
        ["Workforce annual cost", "EUR", "700", "30,000,000\xa0EUR", "1",
         "EUR\xa030,000,000", "the scenario, by country"],
        ["Workforce annual cost", "USD", "307", "10,000,000\xa0USD", "0.92",
         "EUR\xa09,200,000", "the row&#39;s country"],
        ["AI service prices and fixed costs (portfolio)", "USD", "", "", "0.92", "", ""],
        ["BLS median wages (roles without annual cost, new AI roles)", "USD", "", "", "0.92",
         "", ""],
    ]  # fmt: skip
    assert "Rate (EUR per unit)" in money
    assert "Kurs (EUR je Einheit)" in report_de and "0,92" in report_de


def test_people_and_fte_explained_from_the_data(report: str, report_de: str) -> None:
    people = _section(report, "people", "money")
    rows = re.findall(r"<tr>(.*?)</tr>", people.split("<tbody>")[1])
    cells = [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in rows]
    assert [row[1:] for row in cells] == [
        ["1,260", "people"], ["-3", "people"], ["1,257", "people"], ["1,240.5", "people"],
        ["16.5", "people"], ["-57", "FTE"], ["1,200", "FTE"],
    ]  # fmt: skip
    assert cells[0][0] == "People in the workforce file (1,010 rows)"
    assert "without scored tasks (2 rows)" in cells[4][0]
    assert "1 projected rows have no FTE value" in people
    assert "Personen und VZÄ" in report_de and "1.240,5" in report_de
    # the start headline says how many people its FTE are
    assert "Full-time equivalents of the 1,257 people projected" in report


def test_waterfall_isolates_the_ai_effect_and_leaves_out_zero_steps() -> None:
    m = scenario_messages("en")
    frame = make_projection().waterfall
    trace = waterfall(frame, m).to_dict()["data"][0]
    assert trace["type"] == "waterfall"
    assert trace["x"] == [
        "Today",
        "Churn without AI<br>(net)",
        "AI: hires not made",
        "AI: fewer leavers",
        "AI: redeployed to<br>new AI roles",
        "AI: new AI roles",
        "Projected",
    ]  # no "Exits 0"
    assert trace["measure"] == ["absolute", *["relative"] * 5, "absolute"]
    assert trace["y"] == [1200.0, -21.5, -40.0, 3.0, -4.0, 10.5, 1148.0]
    assert trace["text"] == ["1,200", "-21.5", "-40", "+3", "-4", "+10.5", "1,148"]
    assert "0" not in trace["text"]
    # The axis is around the flows, not from zero, so an AI effect stays visible.
    layout = waterfall(frame, m).to_dict()["layout"]
    assert layout["yaxis"]["range"][0] > 1000
    # An unknown step keeps its name (escaped), a known one is translated.
    frame.loc[4, "step"] = MALICIOUS
    german = waterfall(frame, scenario_messages("de")).to_dict()["data"][0]
    assert german["x"][2] == "KI: nicht<br>getätigte<br>Einstellungen"
    assert german["x"][4].startswith("&lt;script&gt;alert(")  # escaped


def test_waterfall_net_change_and_a_residual(report: str, projection: SyntheticProjection) -> None:
    assert "Net change (mean): -52 (-4.3%), from 1,200 to 1,148 FTE." in report
    # The headline's net change is the waterfall's: the same statistic (the mean).
    assert _headline(report, "net_change") == "-52"
    assert "unexplained" not in report
    assert (
        "Without AI, over 2026 to 2027, 160 FTE would leave through attrition and retirement "
        "and 138 FTE would be hired (means over the draws): net -21.5."
    ) in report
    assert "in 2027: -30.5 FTE (mean; P10 to P90: -40 to -20)" in report
    assert "Not shown because they are zero: Exits." in report
    projection.waterfall.loc[1, "value"] = -31.5  # the steps no longer add up
    text = render_scenario_report(projection)
    assert "The steps leave +10 of the change unexplained" in text
    assert "Net change (mean): -52 (-4.3%), from 1,200 to 1,148 FTE." in text


def test_fan_chart_band_and_median() -> None:
    m = scenario_messages("en", "EUR")
    frame = make_projection().projection
    organisation = frame.loc[frame["group_by"] == "organisation"]
    upper, lower, median = fan_chart(organisation, _fans(m)["headcount"], m).to_dict()["data"]
    assert upper["y"] == [1200.0, 1175.0] and upper["showlegend"] is False
    assert lower["y"] == [1180.0, 1120.0] and lower["fill"] == "tonexty"
    assert median["y"] == [1190.0, 1150.0] and median["x"] == [2026, 2027]
    assert median["hovertext"][1] == (
        "Headcount (FTE), 2027<br>P50: 1,150<br>P10 to P90: 1,120 to 1,175"
    )
    layout = fan_chart(organisation, _fans(m)["headcount"], m).to_dict()["layout"]
    assert layout["yaxis"]["title"]["text"] == "FTE"
    assert layout["legend"]["y"] < 0  # below the plot, clear of the modebar
    money = fan_chart(organisation, _fans(m)["money"], m).to_dict()
    assert money["layout"]["yaxis"]["title"]["text"] == "million EUR"
    names = [trace.get("name") for trace in money["data"] if trace.get("name")]
    assert names[:2] == ["Net benefit, P10 to P90", "Net benefit, P50"]
    assert len(money["data"]) == 9  # three metrics, three traces each
    energy = fan_chart(organisation, _fans(m)["energy"], m).to_dict()
    assert energy["layout"]["yaxis2"]["title"]["text"] == "kg CO2"  # a second plot area


def test_tornado_top_inputs_by_swing(projection: SyntheticProjection) -> None:
    m = scenario_messages("en")
    rows = projection.sensitivity
    first = rows.loc[rows["metric"] == "headcount"].sort_values("swing", ascending=False)
    figure = tornado(first.head(TOP_INPUTS), "headcount", m, money=False).to_dict()
    low, high = figure["data"]
    assert low["y"][0] == html.escape(MALICIOUS, quote=False)
    assert low["base"][0] == 1150.0 and low["x"][0] == -7.0 and high["x"][0] == 7.0
    assert "Share of the spread: 13.3%" in low["hovertext"][0]
    # In the report: the first metric of the frame, largest swing first, top 12 of 14.
    section = _section(render_scenario_report(projection), "drivers", "assumptions")
    inputs = re.findall(r"<tr><td>([^<]*)</td>", section)
    assert len(inputs) == TOP_INPUTS
    # Inputs by name: the service's name and the assumption's, never the draws' keys.
    assert inputs[:3] == [
        str(escape(MALICIOUS)),
        "Customer-service assistant: Adoption ceiling (long-run share of covered work)",
        "Weight of tasks that need software built on an LLM (E2)",
    ]
    assert "cs-assistant.adoption" not in section and "e2_weight" not in section
    assert "input_00" not in section.split("<table>")[1]
    assert "Showing the first 12 of 14; sensitivity.csv has all." in section
    assert "sensitivity.csv also has: Net benefit." in section
    figure = render_scenario_report(projection).split('id="workshift-scenario-tornado"')[1]
    assert "Customer-service assistant: Adoption" in figure.split("</script>")[0]
    assert "13.3%" in section  # spread share of the largest


def test_tables_department_service_coverage_assumptions(report: str, report_de: str) -> None:
    departments = _section(report, "departments", "services")
    rows = re.findall(r"<tr>(.*?)</tr>", departments.split("<tbody>")[1])
    cells = [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in rows]
    assert cells == [
        ["Customer Service", "690", "705", "720", "40", "14"],
        [str(escape(MALICIOUS)), "430", "445", "455", "12.5", "3"],
    ]
    services = _section(report, "services", "not-projected")
    # Services by name, money columns naming the currency, ways in words (no "::").
    assert '<td>Customer-service assistant</td><td class="num">70,000</td>' in services
    assert "AI running cost (EUR) P50" in services
    assert "EUR\xa0260,000" in services and "6,400" in services
    assert (
        '<td>Customer-service assistant</td><td class="num">3</td><td class="num">2</td>'
    ) in services
    assert "O*NET task ID: 2, work activity: 1" in services
    assert "similarity of a description: 1" in services
    for text in (report, report_de):
        assert "::" not in re.sub(r"<script[^>]*>.*?</script>", "", text, flags=re.S)
    assert "cs-assistant" not in services
    assumptions = _section(report, "assumptions", "departments")
    # Grouped by topic and service, human names and units in words, keys only in the appendix.
    assert "<h3>Adoption and exposure</h3>" in assumptions
    assert "<h3>AI service: Customer-service assistant</h3>" in assumptions
    assert "<h3>AI service: Invoice reader</h3>" in assumptions
    assert (
        '<td>Share of the time saved that is realised</td><td class="num">40.0%</td>'
        '<td class="num">60.0%</td><td class="num">80.0%</td><td>per cent</td>'
        "<td>preset base</td>"
    ) in assumptions
    assert '<td class="num">the site</td>' in assumptions
    assert "<td>EUR per request</td>" in assumptions
    assert "<td>AI operations and oversight: FTE per 100 FTE freed</td>" in assumptions
    assert "<td>FTE per 100 FTE freed</td>" in assumptions
    # a launch is a date with its quarter, given once (it is fixed)
    assert (
        '<td>Launch</td><td class="num"></td><td class="num">July 2, 2025 (Q3 2025)</td>'
    ) in assumptions
    for key in ("realisation", "adoption.ceiling", "currency/request", "2025.5"):
        assert f">{key}<" not in assumptions, key
    keys = report.split('id="assumption-keys"')[1]
    assert "<td>realisation</td><td>all</td>" in keys
    assert '<td class="num">2025.5</td>' in keys  # the raw key table keeps file values
    assert "<td>currency/request</td>" in keys
    de_assumptions = _section(report_de, "assumptions", "departments")
    assert "<h3>Einführung und Betroffenheit</h3>" in de_assumptions
    assert "<td>EUR je Anfrage</td>" in de_assumptions
    assert "2. Juli 2025 (Q3 2025)" in de_assumptions
    assert '<td class="num">40,0\xa0%</td>' in de_assumptions
    assert "Realisierter Anteil der eingesparten Zeit" in de_assumptions
    not_projected = _section(report, "not-projected", "method")
    assert "3 input rows were not projected" in not_projected
    # reasons by kind (the text before the colon), with the first row's full reason
    assert (
        '<td>needs review</td><td class="num">2</td>'
        "<td>needs review: best guess 53-7065.00 Stockers (confidence 0.33)</td>"
    ) in not_projected
    assert '<td>no job title</td><td class="num">1</td>' in not_projected


def test_group_names_and_inputs_are_escaped(report: str, report_de: str) -> None:
    for text in (report, report_de):
        assert MALICIOUS not in text
        assert str(escape(MALICIOUS)) in text
    # Inside a chart's JSON the label was escaped before plotly saw it.
    tornado_json = report.split('id="workshift-scenario-tornado"')[1].split("</script>")[0]
    assert "&lt;script&gt;alert" in tornado_json


def test_same_projection_same_bytes(report: str, tmp_path: Path) -> None:
    again = write_scenario_report(make_projection(), tmp_path / "report.html")
    assert again.read_text(encoding="utf-8") == report


def test_empty_frames_render_without_charts(projection: SyntheticProjection) -> None:
    for name in ("projection", "sensitivity", "waterfall", "coverage", "not_projected"):
        setattr(projection, name, getattr(projection, name).iloc[0:0])
    projection.summary["not_projected_rows"] = 0
    text = render_scenario_report(projection, "de")
    assert "Plotly.newPlot(" not in text
    assert "Jede Eingabezeile wurde projiziert." in text
    assert "Belegschaftsszenario für generative KI, 2026 bis 2027" in text  # years from summary


def test_missing_columns_fail_loudly(tmp_path: Path, projection: SyntheticProjection) -> None:
    projection.projection = projection.projection.drop(columns=["p90", "mean"])
    projection.sensitivity = projection.sensitivity.drop(columns=["spread_share"])
    del projection.summary["currency"]
    with pytest.raises(ReportDataError) as err:
        write_scenario_report(projection, tmp_path / "report.html")
    message = str(err.value)
    assert message.startswith("the projection cannot be reported: ")
    assert "summary lacks currency" in message
    assert "projection lacks p90, mean" in message
    assert "sensitivity lacks spread_share" in message
    assert not (tmp_path / "report.html").exists()


def test_a_missing_frame_and_a_bad_projected_headcount(projection: SyntheticProjection) -> None:
    projection.summary["headcount_projected"] = {"p50": 1150.0}
    del projection.coverage
    with pytest.raises(ReportDataError, match="no coverage frame") as err:
        render_scenario_report(projection)
    assert "headcount_projected lacks p10, p50 or p90" in str(err.value)


def test_unknown_language(projection: SyntheticProjection) -> None:
    with pytest.raises(ConfigError, match="unknown report language 'fr'"):
        render_scenario_report(projection, "fr")


def test_extra_columns_and_metrics_are_ignored(projection: SyntheticProjection) -> None:
    extra = pd.DataFrame(
        {
            "year": [2027],
            "group_by": ["location"],
            "group": ["Leipzig"],
            "metric": ["usage"],
            "p10": [1.0],
            "p50": [2.0],
            "p90": [3.0],
            "mean": [2.0],
        }
    )
    projection.projection = pd.concat([projection.projection, extra], ignore_index=True).assign(
        draws_kept=1
    )
    text = render_scenario_report(projection)
    assert "Leipzig" not in text


def test_totals_over_the_years_when_the_summary_has_them(
    report: str, projection: SyntheticProjection
) -> None:
    assert "Totals over" not in report  # not part of the contract: shown only when given
    projection.summary["cumulative"] = {
        "net_benefit": {"p10": 8.0e5, "p50": 2.85e6, "p90": 5.4e6},
        "co2_kg": {"p10": 24000.0, "p50": 32100.0, "p90": 39500.0},
        "odd": "not a band",
    }
    projection.summary["years"] = "2026-2027"
    text = render_scenario_report(projection)
    totals = text.split("Totals over 2026 to 2027")[1].split("</table>")[0]
    assert (
        '<td>Net benefit</td><td class="num">EUR\xa0800,000</td>'
        '<td class="num">EUR\xa02,850,000</td><td class="num">EUR\xa05,400,000</td>'
    ) in totals
    assert '<td>CO2 (kg)</td><td class="num">24,000</td>' in totals
    assert "odd" not in totals


def test_every_table_scrolls_inside_its_box_and_prints_to_the_page(report: str) -> None:
    """No table can push the page wider than the window (1280-1920 px): each sits in a
    box that scrolls sideways; in print, tables take the page's width and wrap."""
    tables = report.count("<table>")
    assert tables > 5
    assert report.count('<div class="table-wrap">\n<table>') == tables
    assert ".table-wrap { max-width: 100%; overflow-x: auto; }" in report
    style = report.split("Paper does not scroll")[1].split("}\n  }")[0]
    assert "table-layout: fixed" in style and "overflow-wrap: anywhere" in style


def test_tornado_legend_below_the_plot() -> None:
    m = scenario_messages("en")
    frame = make_projection().sensitivity
    figure = tornado(frame.head(TOP_INPUTS), "headcount", m, money=False).to_dict()
    assert figure["layout"]["legend"]["y"] < 0
    assert figure["layout"]["yaxis"]["automargin"] is True
