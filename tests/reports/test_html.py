"""report.html: offline, escaped, the headline numbers equal the summary, says what exposure is."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from markupsafe import escape

from tests.reports.conftest import MALICIOUS, SyntheticAnalysis, make_analysis
from workshift.exceptions import ConfigError, ReportDataError
from workshift.reference import ReferenceStore
from workshift.reports import write_html_report


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("html") / "out" / "report.html"
    written = write_html_report(make_analysis(), path, store=ReferenceStore())
    assert written == path
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report_de(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("html") / "bericht.html"
    write_html_report(make_analysis(), path, store=ReferenceStore(), lang="de")
    return path.read_text(encoding="utf-8")


def test_offline_plotly_inline_once_and_nothing_fetched(report: str) -> None:
    # No resource is loaded from anywhere: no script/img/iframe src, no stylesheet link,
    # no CSS import or url(); plotly.js sits inline exactly once. (plotly.js itself holds
    # URLs for map tiles, which these charts never use, so its code is left out of the
    # markup checks.)
    assert not re.search(r"<script[^>]*\bsrc\s*=", report, re.I)
    markup = re.sub(r"<script>.*?</script>", "", report, flags=re.S)
    assert not re.search(r"<(img|iframe|link|source|embed|object)\b", markup, re.I)
    assert not re.search(r"@import|url\(", markup, re.I)
    assert not re.search(r"\b(src|href)\s*=\s*['\"]?(https?:)?//", markup, re.I)
    assert "cdn" not in markup.lower()
    assert "fonts.googleapis" not in report
    assert report.count("window.PlotlyConfig") == 1
    assert report.count("Plotly.newPlot(") == 4
    for chart in ("heatmap", "task_groups", "roles", "sources"):
        assert f'id="workshift-{chart}"' in report


def _headline(report: str, key: str) -> str:
    match = re.search(rf'<span class="value" data-key="{key}">([^<]*)</span>', report)
    assert match, key
    return match.group(1)


def test_headline_numbers_equal_the_summary(report: str, report_de: str) -> None:
    expected = {
        "headcount": ("1,234", "1.234"),
        "share_beta_ge_10pct": ("86.2%", "86,2 %"),
        "share_beta_gt_50pct": ("35.5%", "35,5 %"),
        "alpha_mean": ("12.3%", "12,3 %"),
        "beta_mean": ("38.8%", "38,8 %"),
        "zeta_mean": ("60.1%", "60,1 %"),
        "unmatched_rows": ("10", "10"),
        "model_task_share": ("8.2%", "8,2 %"),
        "confident_share": ("87.4%", "87,4 %"),
    }
    for key, (en, de) in expected.items():
        assert _headline(report, key) == en
        assert _headline(report_de, key) == de
    assert "1,180.5 FTE. 6 more people are in occupations for which O*NET lists no tasks" in report
    assert "1,250 people in the input." in report
    assert "Coding range 31.0% to 40.2%." in report
    assert "Spanne durch die Berufszuordnung: 31,0 % bis 40,2 %." in report_de
    assert "1,290 of 1,300 rows analysed;" in report


def test_data_is_escaped(report: str) -> None:
    assert MALICIOUS not in report
    assert "<b>bold</b>" not in report
    assert str(escape(MALICIOUS)) in report  # in the tables, as text
    # Inside the charts' JSON the label is escaped before plotly sees it.
    assert "&lt;script&gt;alert" in report.split('id="workshift-roles"')[1]


def test_not_job_loss_statement_comes_first(report: str, report_de: str) -> None:
    statement = escape(
        "Exposure is the share of a role's task time that a large language model (LLM) "
        "could speed up by half or more at equal quality. It is not job loss"
    )
    assert isinstance(statement, str)
    assert statement in report
    assert report.index(statement) < report.index('id="headline"')
    assert "bedeutet keinen Arbeitsplatzverlust" in report_de
    assert '<html lang="de">' in report_de


def test_sources_and_attribution_from_the_manifest(report: str) -> None:
    manifest = ReferenceStore().manifest
    assert len(manifest["sources"]) >= 10
    for source in manifest["sources"]:
        assert str(escape(source["attribution"])) in report
        assert str(escape(source["licence"])) in report
        assert str(escape(source["version"])) in report
    assert "USDOL/ETA has not approved, endorsed, or tested these modifications." in report


def test_sources_shown_side_by_side(report: str) -> None:
    section = report.split('id="sources"')[1].split('id="model"')[0]
    for label in (
        "beta (GPT-4 labels)",
        "Microsoft AI applicability",
        "Anthropic observed exposure",
    ):
        assert label in section
    # Customer Service Representatives: ours 55% (with the share the model scored beside
    # it), GPT-4 70%, Microsoft 0.45, Anthropic 31%.
    assert re.search(
        r"55\.0%</td>\s*<td[^>]*>[\d.]+%</td>\s*<td[^>]*>70\.0%</td>\s*<td[^>]*>0\.45</td>",
        section,
    )
    assert "Model-scored task weight" in section
    assert "our labels" not in section


def test_same_analysis_same_bytes(report: str, tmp_path: Path) -> None:
    again = write_html_report(make_analysis(), tmp_path / "r.html", store=ReferenceStore())
    assert again.read_text(encoding="utf-8") == report


def test_empty_sections_render_without_charts(tmp_path: Path, analysis: SyntheticAnalysis) -> None:
    for name in ("roles", "tasks", "departments", "locations", "department_task_groups"):
        frame = getattr(analysis, name)
        setattr(analysis, name, frame.iloc[0:0])
    analysis.unmatched = analysis.unmatched.iloc[0:0]
    text = write_html_report(analysis, tmp_path / "r.html", store=ReferenceStore()).read_text()
    assert "Plotly.newPlot(" not in text
    assert "Every input row was matched" in text


def test_missing_columns_fail_loudly(tmp_path: Path, analysis: SyntheticAnalysis) -> None:
    analysis.roles = analysis.roles.drop(columns=["beta_gpt4", "automation_share"])
    del analysis.summary["model_task_share"]
    with pytest.raises(ReportDataError) as err:
        write_html_report(analysis, tmp_path / "r.html")
    message = str(err.value)
    assert "roles lacks beta_gpt4, automation_share" in message
    assert "summary lacks model_task_share" in message
    assert not (tmp_path / "r.html").exists()


def test_unknown_language(tmp_path: Path, analysis: SyntheticAnalysis) -> None:
    with pytest.raises(ConfigError, match="unknown report language 'fr'"):
        write_html_report(analysis, tmp_path / "r.html", lang="fr")


def test_large_heatmap_is_capped(tmp_path: Path, analysis: SyntheticAnalysis) -> None:
    departments = [f"Dept {i:02d}" for i in range(45)]
    groups = [f"Group {j:02d}" for j in range(25)]
    analysis.departments = pd.DataFrame(
        {"department": departments, "headcount": range(100, 145), "alpha": 0.1, "beta": 0.2}
    ).assign(zeta=0.3)
    analysis.department_task_groups = pd.DataFrame(
        [
            {"department": d, "task_group": g, "headcount": 1.0 + j, "beta": j / 25}
            for d in departments
            for j, g in enumerate(groups)
        ]
    )
    text = write_html_report(analysis, tmp_path / "r.html", store=ReferenceStore()).read_text()
    assert "The 40 largest of 45 departments are shown." in text
    assert "The 20 of 25 task groups with the most task time are shown" in text
    heatmap = text.split('id="workshift-heatmap"')[1].split("</script>")[0]
    assert "Dept 44" in heatmap and "Dept 04" not in heatmap  # largest departments kept
    assert "Group 24" in heatmap and "Group 04" not in heatmap  # most task time kept


def test_task_groups_rank_whatever_dtype_the_frame_has() -> None:
    """An analysis whose frames come as objects (e.g. every task scored by the model) must
    still give numeric task-group figures that can be ranked."""
    from workshift.reports._content import task_group_exposure

    groups = pd.DataFrame(
        {
            "department": ["A", "A", "B"],
            "task_group": ["g1", "g2", "g1"],
            "headcount": pd.Series([1.5, 2.0, 3.0], dtype=object),
            "beta": pd.Series([0.2, 0.9, 0.4], dtype=object),
        }
    )
    ranked = task_group_exposure(groups)
    assert ranked["headcount"].dtype == float
    assert ranked.nlargest(1, "headcount")["task_group"].tolist() == ["g1"]
    assert ranked["beta"].round(4).tolist() == [0.9, round((0.3 + 1.2) / 4.5, 4)]


def test_every_hr_report_says_it_is_not_for_circulation(tmp_path: Path) -> None:
    from tests.reports.reskill_data import make_redeployment
    from tests.reports.scenario_data import make_projection
    from workshift.reports import write_reskill_report, write_scenario_report

    store = ReferenceStore()
    for lang, words in (("en", "not for circulation"), ("de", "nicht zur Weitergabe")):
        written = [
            write_html_report(make_analysis(), tmp_path / f"a-{lang}.html", store=store, lang=lang),
            write_scenario_report(make_projection(), tmp_path / f"s-{lang}.html", lang=lang),
            write_reskill_report(
                make_redeployment(), tmp_path / f"r-{lang}.html", lang=lang, store=store
            ),
        ]
        for path in written:
            text = path.read_text(encoding="utf-8")
            assert 'id="hr-only"' in text, path.name
            assert words in text, path.name
