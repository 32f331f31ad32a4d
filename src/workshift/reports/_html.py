"""``report.html``: one self-contained, offline file for an HR director and a works council.

Jinja2 renders ``templates/report.html.j2`` with autoescape on; the charts are plotly
fragments, plotly.js inline once (with the first chart). No CDN, no web fonts, no
external requests: the file opens from a USB stick on a machine without network.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshift.reports import _content as content
from workshift.reports._contract import AnalysisLike, check_analysis
from workshift.reports._messages import Messages
from workshift.reports._templates import render
from workshift.reports._translate import translate_column

if TYPE_CHECKING:
    from workshift.reference import ReferenceStore

__all__ = ["render_html_report", "write_html_report"]

_ROLE_COLUMNS = [
    "occupation",
    "onet_soc_code",
    "headcount",
    "alpha",
    "beta",
    "zeta",
    "automation_share",
]
_GROUP_COLUMNS = [
    "department",
    "headcount",
    "alpha",
    "beta",
    "beta_low",
    "beta_high",
    "zeta",
    "confident_share",
]
_TASK_COLUMNS = [
    "task",
    "occupation",
    "task_group",
    "label",
    "source",
    "beta",
    "task_time_share",
    "headcount",
]
_DISAGREEMENT_COLUMNS = [
    "occupation",
    "headcount",
    "beta",
    "model_task_share",
    "beta_gpt4",
    "microsoft_ai_applicability",
    "anthropic_observed_exposure",
]


def _charts(analysis: AnalysisLike, m: Messages) -> tuple[dict[str, str], str]:
    """The charts' HTML by name (empty where there is no data) and the heatmap's note."""
    from workshift.reports import _charts as charts

    figures: dict[str, Any] = {}
    note = ""
    groups = analysis.department_task_groups
    groups = groups.loc[groups["beta"].notna()]
    if len(groups):
        departments = content.department_order(analysis.departments, groups)
        if len(departments) > charts.MAX_HEATMAP_DEPARTMENTS:
            note = m("heatmap_capped", shown=charts.MAX_HEATMAP_DEPARTMENTS, total=len(departments))
            departments = departments[: charts.MAX_HEATMAP_DEPARTMENTS]
        task_groups = content.task_group_exposure(groups)
        columns = task_groups
        if len(task_groups) > charts.MAX_HEATMAP_TASK_GROUPS:
            largest = task_groups.nlargest(charts.MAX_HEATMAP_TASK_GROUPS, "headcount")
            columns = task_groups.loc[task_groups.index.isin(largest.index)]
            capped = m("heatmap_groups_capped", shown=len(columns), total=len(task_groups))
            note = f"{note} {capped}".strip()
        named = groups.assign(task_group=translate_column(groups["task_group"], "task_group", m))
        figures["heatmap"] = charts.heatmap(
            named,
            departments,
            translate_column([str(g) for g in columns["task_group"]], "task_group", m),
            m,
        )
        top_groups = task_groups.head(content.TOP_ROLES)
        figures["task_groups"] = charts.ranked_bars(
            top_groups.assign(
                task_group=translate_column(top_groups["task_group"], "task_group", m)
            ),
            "task_group",
            m,
            m("roles_chart_axis"),
        )
    roles = content.top_roles(analysis.roles)
    if len(roles):
        figures["roles"] = charts.ranked_bars(roles, "occupation", m, m("roles_chart_axis"))
    compared = content.disagreement(analysis.roles)
    if len(compared):
        rater = m.rater(str(analysis.summary["rater"]))
        figures["sources"] = charts.disagreement_dots(compared, m, rater)
    html: dict[str, str] = dict.fromkeys(("heatmap", "task_groups", "roles", "sources"), "")
    html.update(charts.figures_html(figures))
    return html, note


def render_html_report(
    analysis: AnalysisLike, manifest: dict[str, Any], bundle_version: str, m: Messages
) -> str:
    """The report as an HTML string (see :func:`write_html_report`)."""
    check_analysis(analysis)
    summary = analysis.summary
    council = summary.get("audience") == "council"
    charts, heatmap_note = _charts(analysis, m)
    if council:
        heatmap_note = f"{heatmap_note} {m('council_hidden_cells')}".strip()
    roles = analysis.roles
    tasks = analysis.tasks
    shown_roles = content.top_roles(roles, content.TOP_TABLE)
    shown_tasks = content.with_time_share(content.top_tasks(tasks), tasks)
    names = content.source_names(m)
    shown_tasks = shown_tasks.assign(
        source=[names.get(str(source), source) for source in shown_tasks["source"]]
    )
    compared = content.disagreement(roles)
    mismatch = ""
    if str(summary["bundle_version"]) != bundle_version:
        mismatch = m(
            "meta_bundle_mismatch",
            analysis_version=summary["bundle_version"],
            store_version=bundle_version,
        )
    departments = analysis.departments.sort_values("headcount", ascending=False, kind="mergesort")
    locations = analysis.locations.sort_values("headcount", ascending=False, kind="mergesort")
    context = {
        "lang": m.lang,
        "m": m,
        "summary": {
            "source_file": m("council_source") if council else summary["source_file"],
            "rater": m.rater(str(summary["rater"])),
            "bundle_version": summary["bundle_version"],
            "model_share": m.pct(summary["model_task_share"]),
        },
        "method_limits": content.method_limits(summary, m),
        "onet_names_note": m("onet_names_note") if m.lang != "en" else "",
        "bundle_mismatch": mismatch,
        "headlines": content.headlines(summary, m),
        "unmatched": (
            content.make_table(
                content.reason_counts(analysis.unmatched["reason"]),
                ["reason", "rows", "example_reason"],
                m,
            )
            if council
            else content.unmatched_titles(analysis.unmatched, m)
        ),
        "council_note": content.council_note(summary, m),
        "unmatched_caption": m(
            "council_unmatched_caption" if council else "unmatched_table_caption"
        ),
        "unmatched_text": m("council_unmatched_text")
        if council
        else m(
            "unmatched_text",
            rows=m.number(summary["unmatched_rows"]),
            input=m.number(summary["input_rows"]),
        ),
        "charts": charts,
        "heatmap_note": heatmap_note,
        "roles": content.make_table(
            shown_roles, _ROLE_COLUMNS, m, total=len(content.rankable(roles))
        ),
        "roles_note": content.automation_note(shown_roles, m),
        "tasks": content.make_table(
            shown_tasks, _TASK_COLUMNS, m, total=len(content.rankable(tasks))
        ),
        "tasks_note": content.task_ranking_note(tasks, m),
        "min_group_note": " ".join(
            [m("min_group_note", min_headcount=content.MIN_HEADCOUNT)]
            + ([m("expected_people_note")] if content.has_fractions(roles["headcount"]) else [])
        ),
        "departments": content.make_table(
            departments.head(content.TOP_TABLE),
            [c for c in _GROUP_COLUMNS if c in departments],
            m,
            total=len(departments),
        ),
        "locations": content.make_table(
            locations.head(content.TOP_TABLE),
            ["location", *(c for c in _GROUP_COLUMNS[1:] if c in locations)],
            m,
            total=len(locations),
        ),
        "sources_text": m("sources_text", shown=len(compared)),
        "disagreement": content.make_table(
            compared,
            _DISAGREEMENT_COLUMNS,
            m,
            labels={"beta": m("source_ours", rater=m.rater(str(summary["rater"])))},
        ),
        "model_text": m("model_text", share=m.pct(summary["model_task_share"])),
        "label_sources": content.label_sources(tasks, m),
        "model_roles": content.make_table(
            content.top_model_roles(roles),
            ["occupation", "headcount", "model_task_share", "beta"],
            m,
        ),
        "sources": content.data_sources(manifest),
    }
    return render("report.html.j2", context)


def write_html_report(
    analysis: AnalysisLike,
    path: str | Path,
    *,
    store: ReferenceStore | None = None,
    lang: str = "en",
) -> Path:
    """Write the analysis as one self-contained, offline HTML file.

    Sections: what exposure means (and that it is not job loss), headline figures, rows
    not analysed and what to do, beta by department and task group, the most exposed
    roles and tasks, departments and locations, where published sources disagree, how
    much was scored by the trained model, the method, and the data sources with their
    licences and attribution.

    Parameters
    ----------
    analysis : Analysis
        What :func:`workshift.pipeline.analyze` returns (or anything with its frames).
    path : str or Path
        The file to write (its folder is created).
    store : ReferenceStore, optional
        Where the data sources and their attribution come from (the shipped bundle by
        default).
    lang : {"en", "de"}
        Language of every text and number format.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ReportDataError
        The analysis lacks a frame, column or summary entry (all are named).

    Examples
    --------
    ``tests/reports/conftest.py`` builds a small analysis by hand; with a real one::

        from workshift.pipeline import analyze
        from workshift.reports import write_html_report

        analysis = analyze("examples/workforce.csv", overrides="examples/overrides.csv")
        write_html_report(analysis, "out/report.html", lang="de")
    """
    m, store = content.prepare(analysis, store, lang)
    text = render_html_report(analysis, store.manifest, store.version, m)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
