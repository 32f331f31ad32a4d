"""``report.html`` of ``workshift reskill``: a redeployment plan for a works council and HR.

One self-contained, offline file like the other reports (``_html``, ``_scenario_report``):
the same Jinja2 environment and page layout, plotly.js inline once, every text from the
language's catalogue (``_reskill_messages``). It opens with what the plan is and is not (a
plan to discuss; every move needs consent and co-determination), then the run's settings
and headline figures, the flows from today's occupations to the target roles, what
people learn by department, training time and cost by department, the openings, why
people were not assigned, the plan person by person (each move explained), listed skills
not recognised, the method and the data sources.

The plan is read duck-typed (:class:`RedeploymentLike`): this package does not import
``workshift.reskilling``, which the pipeline joins to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from markupsafe import Markup

from workshift.reports._charts import MAX_HEATMAP_DEPARTMENTS, figures_html
from workshift.reports._content import (
    Headline,
    Table,
    council_note,
    data_sources,
    is_missing,
    make_table,
    plain_text,
    reason_counts,
    signed,
)
from workshift.reports._contract import (
    REDEPLOYMENT_FRAMES,
    RedeploymentLike,
    check_redeployment,
)
from workshift.reports._reskill_messages import ReskillMessages, reskill_messages
from workshift.reports._templates import render

if TYPE_CHECKING:
    from workshift.reference import ReferenceStore

__all__ = ["render_reskill_report", "write_reskill_report"]

MAX_PEOPLE = 500
"""People the person-by-person table shows (in plan order); plan.csv has everyone."""
MAX_FLOW_NODES = 25
"""Occupations (and target roles) the flows chart draws apart; the rest are gathered."""
TOP_SKILLS = 20
"""Skills (columns) of the gap heatmap: those learnt by the most people."""
TOP_GROUPS = 25
"""Departments the chart and table show (most affected first)."""
MAX_OPENINGS = 100
TOP_REASONS = 10
TOP_UNRESOLVED = 25

_ASSIGNED = "assigned"
_SETTINGS = (
    "selection",
    "priority",
    "budget",
    "retention_value",
    "min_fit",
    "max_training_hours",
    "openings",
    "capacity",
    "candidate_pairs",
    "blocked_pairs",
    "skills_unresolved",
    "source_file",
    "openings_file",
    "catalogue_file",
    "bundle_version",
)
_NEAR_MISS = re.compile(
    r"(?P<opening>.+) \(fit (?P<fit>-?[\d.]+); "
    r"(?:(?P<hours>[\d.]+) h(?:; (?P<limit>[^)]*))?"
    r"|not taught(?: in (?P<languages>[a-z]{2}(?:, [a-z]{2})*))?: (?P<skills>.*))\)"
)
_LIMIT = re.compile(
    r"fit below the (?P<min_fit>[\d.]+) minimum|over the (?P<max_hours>[\d.]+) h limit"
)


def _selection(text: str, m: ReskillMessages) -> str:
    """Who is in the plan, in words (``listed in FILE`` or ``... beta >= 0.5``)."""
    listed = re.fullmatch(r"listed in (.+)", text)
    if listed:
        return m("selection_listed", file=listed.group(1))
    beta = re.fullmatch(r"occupation exposure beta >= ([\d.]+)", text)
    if beta:
        return m("selection_beta", min_beta=m.decimal(float(beta.group(1))))
    return text


def _signed_money(value: float, m: ReskillMessages) -> str:
    """An amount with its sign before the currency: ``+USD 2,710``, ``\u2212USD 600``."""
    text = m.money(abs(value))
    return f"+{text}" if value > 0 else f"\u2212{text}" if value < 0 else text


def _signed(value: float, m: ReskillMessages, fmt: Callable[[Any], str] | None = None) -> str:
    """A difference with its sign (``+3``, ``\u221228``, ``0``), formatted by ``fmt``."""
    text = (fmt or m.number)(abs(value))
    return f"+{text}" if value > 0 else f"\u2212{text}" if value < 0 else text


def _comparison(summary: Mapping[str, Any], m: ReskillMessages) -> tuple[str, str]:
    """What the exact plan gives over the greedy one, in people and money: the headline's
    value (people kept in work) and its help (training hours and cost, relocations, and
    the greedy plan's own figures)."""
    difference = summary["comparison"]["difference"]
    greedy = summary["comparison"]["greedy"]
    if is_missing(difference["people"]):  # withheld for employee representatives
        return "\u2014", m("withheld_help")
    people = float(difference["people"])
    value = m("gain_people" if abs(people) == 1 else "gain_people_plural",
              people=_signed(people, m))  # fmt: skip
    moved = difference["relocations"]  # withheld (None) for employee representatives
    help_text = m(
        "headline.gain_help",
        cost=_signed_money(float(difference["training_cost"]), m),
        hours=_signed(float(difference["training_hours"]), m),
        relocations="\u2014" if is_missing(moved) else _signed(float(moved), m),
        fit=_signed(float(difference.get("mean_fit", 0.0)), m, m.score),
        people=m.number(greedy["people"]),
        greedy_hours=m.number(greedy["training_hours"]),
        greedy_cost=m.money(greedy["training_cost"]),
    )
    return value, help_text


def _headlines(summary: Mapping[str, Any], m: ReskillMessages) -> list[Headline]:
    """Affected, assigned, not assigned, training totals, moves to other sites and
    countries, what the exact plan adds over a greedy one (people and money), the solver."""
    assigned = summary["assigned"]  # None where withheld for employee representatives
    hours, cost, budget = summary["training_hours"], summary["training_cost"], summary["budget"]
    cost_help = (
        m("headline.training_cost_help_no_budget")
        if is_missing(budget)
        else m(
            "headline.training_cost_help_budget",
            budget=m.money(budget),
            share=m.pct(
                float(cost) / float(budget)
                if float(budget) and not is_missing(cost)
                else float("nan")
            ),
        )
    )
    solver = summary["solver"]
    exact = summary["comparison"]["exact"]
    values = {
        "affected": (
            m.number(summary["affected"]),
            m("headline.affected_help", selection=_selection(str(summary["selection"]), m)),
        ),
        "assigned": (
            m.number(assigned),
            m("headline.assigned_help", share=m.pct(summary["retained_share"])),
        ),
        "not_assigned": (
            m.number(summary["not_assigned"]),
            m(
                "headline.not_assigned_help_council"
                if summary.get("audience") == "council"
                else "headline.not_assigned_help"
            ),
        ),
        "training_hours": (
            m.number(hours),
            m(
                "headline.training_hours_help",
                hours=m.number(
                    round(float(hours) / float(assigned), 1)
                    if not is_missing(assigned) and not is_missing(hours) and assigned
                    else float("nan")
                ),
            ),
        ),
        "training_cost": (m.money(cost), cost_help),
        "relocations": (
            ("\u2014", m("withheld_help"))  # one move can be one person: never for the council
            if is_missing(exact["relocations"])
            else (
                m.number(exact["relocations"]),
                m("headline.relocations_help", abroad=m.number(exact["abroad"])),
            )
        ),
        "gain": _comparison(summary, m),
        "solver": (
            m("headline.solver_optimal" if summary["optimal"] else "headline.solver_not_optimal"),
            m(
                "headline.solver_help",
                status=plain_text(solver["status"]),
                gap=m.pct(solver["mip_gap"], 2),
                seconds=m.decimal(solver["seconds"]),
            ),
        ),
    }
    return [
        Headline(key, m(f"headline.{key}"), value, help_text)
        for key, (value, help_text) in values.items()
    ]


def _priority(weights: Any, m: ReskillMessages) -> str:
    if not isinstance(weights, Mapping) or not weights:
        return m("no_priority")
    return ", ".join(f"{name}: {m.decimal(weight)}" for name, weight in weights.items())


def _settings(summary: Mapping[str, Any], m: ReskillMessages) -> Table:
    """The run's settings as a two-column table."""
    values = {key: plain_text(summary.get(key)) for key in _SETTINGS}
    values["selection"] = _selection(values["selection"], m)
    values["priority"] = _priority(summary["priority"], m)
    values["budget"] = (
        m("no_budget") if is_missing(summary["budget"]) else m.money(summary["budget"])
    )
    values["retention_value"] = m.decimal(summary["retention_value"])
    if summary.get("audience") == "council":
        values["source_file"] = m("council_source")
    if not is_missing(summary.get("min_fit")):
        values["min_fit"] = m.score(summary["min_fit"])
    limit = summary.get("max_training_hours")
    values["max_training_hours"] = (
        m("no_limit") if "min_fit" in summary and is_missing(limit) else
        m("hours", hours=m.number(limit)) if not is_missing(limit) else ""
    )  # fmt: skip
    for key in ("openings", "capacity", "candidate_pairs", "blocked_pairs", "skills_unresolved"):
        values[key] = m.number(summary[key])
    rows = [[m.summary_key(key), value] for key, value in values.items() if value]
    return Table([m("settings_item"), m("settings_value")], [False, False], rows)


def _department_names(departments: pd.Series[Any], m: ReskillMessages) -> pd.Series[Any]:
    return departments.map(plain_text).replace("", m("no_department"))


def _flows(
    flows: pd.DataFrame, m: ReskillMessages
) -> tuple[pd.DataFrame, list[str], list[str], list[str]]:
    """The bands, the nodes of each side and notes on what was gathered.

    Each side keeps its :data:`MAX_FLOW_NODES` - 1 largest nodes and gathers the rest in
    one; "not assigned" always stays a node of its own, drawn last. The people add up to
    the plan's either way.
    """
    assigned = flows["target_code"].map(plain_text) != ""
    frame = pd.DataFrame(
        {
            "origin": flows["origin"]
            .map(plain_text)
            .where(flows["origin_code"].map(plain_text) != "", m("node.no_occupation")),
            "target": flows["target"].map(plain_text).where(assigned, m("node.not_assigned")),
            "assigned": assigned,
            "people": flows["people"].astype(float),
        }
    )
    notes = []
    everyone = pd.Series(True, index=frame.index)
    sides = (
        ("origin", "node.other_origins", "flows_side_origins", everyone),
        ("target", "node.other_targets", "flows_side_targets", frame["assigned"]),
    )
    for column, other, side, kept in sides:
        totals = (
            frame.loc[kept]
            .groupby(column)["people"]
            .sum()
            .reset_index()
            .sort_values(["people", column], ascending=[False, True], kind="mergesort")
        )
        if len(totals) > MAX_FLOW_NODES:
            keep = set(totals[column].head(MAX_FLOW_NODES - 1))
            gathered = kept & ~frame[column].isin(keep)
            frame.loc[gathered, column] = m(other)
            notes.append(
                m(
                    "flows_capped",
                    shown=MAX_FLOW_NODES - 1,
                    total=len(totals),
                    side=m(side),
                    other=m(other),
                )
            )
    bands = (
        frame.groupby(["origin", "target", "assigned"], sort=False)["people"].sum().reset_index()
    )
    bands = bands.loc[bands["people"] > 0].sort_values(
        ["people", "origin", "target"], ascending=[False, True, True], kind="mergesort"
    )
    bands = bands.reset_index(drop=True)

    def order(column: str, rows: pd.Series[Any], other: str) -> list[str]:
        """The nodes of one side, largest first, the gathered node last."""
        totals = bands.loc[rows].groupby(column)["people"].sum().reset_index()
        totals = totals.assign(other=totals[column] == m(other)).sort_values(
            ["other", "people", column], ascending=[True, False, True], kind="mergesort"
        )
        return [str(name) for name in totals[column]]

    assigned_rows = bands["assigned"].astype(bool)
    origins = order("origin", bands["people"] > 0, "node.other_origins")
    targets = order("target", assigned_rows, "node.other_targets")
    targets += order("target", ~assigned_rows, "node.other_targets")
    return bands, origins, targets, notes


def _gaps(
    gaps: pd.DataFrame, departments: pd.DataFrame, m: ReskillMessages
) -> tuple[pd.DataFrame, list[str], list[str], list[str]]:
    """The heatmap's cells, its departments (most affected first), skills and notes."""
    frame = pd.DataFrame(
        {
            "department": _department_names(gaps["department"], m),
            "skill": gaps["skill"]
            .map(plain_text)
            .where(gaps["skill"].map(plain_text) != "", gaps["skill_id"].map(plain_text)),
            "people": gaps["people"].astype(float),
        }
    )
    frame = frame.loc[frame["people"] > 0]
    skills = frame.groupby("skill")["people"].sum().reset_index()
    skills = skills.sort_values(["people", "skill"], ascending=[False, True], kind="mergesort")
    ranked = [str(d) for d in _department_names(departments["department"], m)]
    present = set(frame["department"])
    order = [d for d in dict.fromkeys(ranked) if d in present] + sorted(present - set(ranked))
    notes = []
    if len(skills) > TOP_SKILLS:
        notes.append(m("gaps_capped", shown=TOP_SKILLS, total=len(skills)))
    if len(order) > MAX_HEATMAP_DEPARTMENTS:
        notes.append(m("gaps_departments_capped", shown=MAX_HEATMAP_DEPARTMENTS, total=len(order)))
    return frame, order[:MAX_HEATMAP_DEPARTMENTS], list(skills["skill"].head(TOP_SKILLS)), notes


def _split(text: Any) -> list[str]:
    """The items of a ``"; "``-separated list."""
    return [item.strip() for item in plain_text(text).split("; ") if item.strip()]


def _near_misses(text: Any, m: ReskillMessages) -> str:
    """The plan's nearest options in the report's language (unknown forms as they are)."""
    options = []
    for option in plain_text(text).split(" | "):
        found = _NEAR_MISS.fullmatch(option.strip())
        if not found:
            options.append(option.strip())
            continue
        opening, fit = found.group("opening"), m.score(float(found.group("fit")))
        if found.group("hours") is not None:
            hours = m.number(float(found.group("hours")))
            limit = _limit(found.group("limit") or "", m)
            key = "near_miss_limit" if limit else "near_miss_hours"
            options.append(m(key, opening=opening, fit=fit, hours=hours, limit=limit))
        else:
            skills, spoken = found.group("skills"), found.group("languages")
            if spoken:
                names = ", ".join(m.language_name(code) for code in spoken.split(", "))
                options.append(
                    m("near_miss_untaught_in", opening=opening, fit=fit, skills=skills,
                      languages=names)
                )  # fmt: skip
            else:
                options.append(m("near_miss_untaught", opening=opening, fit=fit, skills=skills))
    return " | ".join(option for option in options if option)


def _limit(text: str, m: ReskillMessages) -> str:
    """``fit below the 0.2 minimum; over the 480 h limit`` in the report's language."""
    parts = []
    for found in _LIMIT.finditer(text):
        if found.group("min_fit"):
            parts.append(m("limit_fit", min_fit=m.score(float(found.group("min_fit")))))
        else:
            parts.append(m("limit_hours", hours=m.number(float(found.group("max_hours")))))
    return "; ".join(parts) if parts else text


def _languages(row: Mapping[Hashable, Any], m: ReskillMessages) -> str:
    """The course languages of a person and where they come from, in words."""
    codes = _split(row.get("languages", ""))
    source = plain_text(row.get("languages_from", ""))
    if not codes:
        return m("explain_languages_unknown")
    sources = []
    for part in source.split("; "):
        country = re.fullmatch(r"site country (\w+)", part)
        if country:
            sources.append(m("languages_from_country", country=country.group(1)))
        elif part in ("languages column", "listed skills"):
            sources.append(m(f"languages_from_{part.replace(' ', '_')}"))
    names = ", ".join(m.language_name(code) for code in codes)
    return m("explain_languages", languages=names, sources=", ".join(sources) or source)


def _explanation(row: Mapping[Hashable, Any], m: ReskillMessages) -> Markup:
    """Why this move (what both roles share, what is learnt where), or why none; one line
    per part, each escaped."""
    if row["status"] != _ASSIGNED:
        lines = [m("explain_reason", reason=m.reason(plain_text(row["reason"])))]
        options = _near_misses(row["near_misses"], m)
        if options:
            lines.append(m("explain_near_misses", options=options))
        if _split(row.get("languages", "")):
            lines.append(_languages(row, m))
        return Markup("<br>").join(lines)
    lines = []
    shared = [activity.rstrip(".") for activity in _split(row["shared_activities"])]
    if shared:
        lines.append(m("explain_shares", activities="; ".join(shared)))
    brings = _split(row["strengths"])
    if brings:
        lines.append(m("explain_brings", skills=", ".join(brings)))
    if not is_missing(row["education"]) and str(row["education"]):
        lines.append(m("explain_education", education=plain_text(row["education"])))
    on_the_job = _split(row["on_the_job"])
    learnt = [skill for skill in _split(row["gap_skills"]) if skill not in on_the_job]
    modules = _split(row["modules"])
    if learnt or modules:
        text = m("explain_learns", skills=", ".join(learnt)) if learnt else ""
        if modules:
            text = f"{text} {m('explain_modules', modules=', '.join(modules))}".strip()
        lines.append(text)
    if on_the_job:
        lines.append(m("explain_on_the_job", skills=", ".join(on_the_job)))
    if not learnt and not modules and not on_the_job:
        lines.append(m("explain_nothing"))
    if modules:
        lines.append(_languages(row, m))
    if _flag(row.get("abroad")):
        lines.append(m("explain_abroad"))
    return Markup("<br>").join(lines)


def _flag(value: Any) -> bool:
    return not is_missing(value) and bool(value)


def _move(row: Mapping[Hashable, Any], m: ReskillMessages) -> str:
    if row["status"] != _ASSIGNED:
        return m("move_none")
    move = m("move_to", opening_id=plain_text(row["opening_id"]), target=plain_text(row["target"]))
    if _flag(row.get("abroad")):
        return m("move_abroad", move=move)
    return m("move_relocates", move=move) if _flag(row["relocates"]) else move


def _people(plan: pd.DataFrame, m: ReskillMessages) -> Table:
    """Every person (the first :data:`MAX_PEOPLE`), each move explained."""
    shown = plan.head(MAX_PEOPLE)
    records = shown.to_dict("records")
    assigned = shown["status"] == _ASSIGNED
    frame = pd.DataFrame(
        {
            "employee_id": shown["employee_id"].map(plain_text),
            "department": _department_names(shown["department"], m),
            "location": shown["location"].map(plain_text),
            "origin": shown["origin"].map(plain_text).replace("", m("node.no_occupation")),
            "move": [_move(row, m) for row in records],
            "fit": shown["fit"].where(assigned),
            "training_hours": shown["training_hours"].where(assigned),
            "training_cost": shown["training_cost"].where(assigned),
            "explanation": "",
        }
    )
    table = make_table(
        frame,
        list(frame.columns),
        m,
        total=len(plan),
        kinds={"fit": "score", "training_hours": "number", "training_cost": "money"},
        more="more_in_plan_csv",
    )
    # Set apart from the frame, which would turn markup into plain text (escaped twice).
    for row, record in zip(table.rows, records, strict=True):
        row[-1] = _explanation(record, m)
    return table


def _reasons(plan: pd.DataFrame, m: ReskillMessages) -> Table:
    """Why people were not assigned, by kind of reason, with what it means."""
    counts = reason_counts(plan.loc[plan["status"] != _ASSIGNED, "reason"])
    frame = pd.DataFrame(
        {
            "reason": counts["reason"].map(m.reason),
            "people": counts["rows"],
            "meaning": counts["reason"].map(m.reason_help),
            "example_reason": [
                "" if example == kind else m.reason(example)
                for kind, example in zip(counts["reason"], counts["example_reason"], strict=True)
            ],
        }
    )
    columns = ["reason", "people", "meaning"]
    if (frame["example_reason"] != "").any():
        columns.append("example_reason")
    return make_table(
        frame.head(TOP_REASONS),
        columns,
        m,
        total=len(frame),
        labels={"example_reason": m("col.example_person")},
        kinds={"people": "count"},
        more="more_reasons",
    )


def _unresolved_reason(text: str, m: ReskillMessages) -> str:
    """Why a listed skill was not used, in the report's language (others as they are)."""
    if text.startswith("not in the skill vocabulary"):
        rest = text.removeprefix("not in the skill vocabulary").removeprefix("; closest: ")
        return m("unresolved_closest", names=rest) if rest else m("unresolved_unknown")
    if text == "not a language the language table knows":
        return m("unresolved_language")
    return text


def _yes_no(value: Any, m: ReskillMessages) -> str:
    if is_missing(value):
        return ""
    if isinstance(value, str):
        return value
    return m("yes") if value else m("no")


def _departments(departments: pd.DataFrame, m: ReskillMessages) -> pd.DataFrame:
    frame = departments.assign(department=_department_names(departments["department"], m))
    return frame.sort_values(
        ["affected", "department"], ascending=[False, True], kind="mergesort"
    ).reset_index(drop=True)


def _charts(
    redeployment: RedeploymentLike, departments: pd.DataFrame, m: ReskillMessages
) -> tuple[dict[str, str], list[str], list[str]]:
    """Every chart's HTML by name ('' where there is no data), in the page's order, and the
    notes on what the flows and the heatmap leave out."""
    from workshift.reports import _reskill_charts as charts

    figures: dict[str, Any] = {}
    bands, origins, targets, flow_notes = _flows(redeployment.flows, m)
    if len(bands):
        figures["flows"] = charts.flows_sankey(bands, origins, targets, m)
    cells, rows, skills, gap_notes = _gaps(redeployment.gaps, redeployment.departments, m)
    if len(cells):
        figures["gaps"] = charts.gap_heatmap(cells, rows, skills, m)
    if len(departments):
        figures["departments"] = charts.department_bars(departments.head(TOP_GROUPS), m)
    html = dict.fromkeys(["flows", "gaps", "departments"], "")
    html.update(figures_html(figures, "workshift-reskill"))
    return html, flow_notes, gap_notes


def render_reskill_report(
    redeployment: RedeploymentLike, lang: str = "en", *, store: ReferenceStore | None = None
) -> str:
    """The redeployment report as an HTML string (see :func:`write_reskill_report`)."""
    check_redeployment(redeployment)
    summary = redeployment.summary
    m = reskill_messages(lang, plain_text(summary.get("currency")))
    if store is None:
        from workshift.reference import ReferenceStore

        store = ReferenceStore()
    plan = redeployment.plan
    departments = _departments(redeployment.departments, m)
    charts, flow_notes, gap_notes = _charts(redeployment, departments, m)
    openings = redeployment.openings.assign(
        relocation=redeployment.openings["relocation"].map(lambda value: _yes_no(value, m))
    )
    unresolved = redeployment.skills_unresolved
    mismatch = ""
    if plain_text(summary["bundle_version"]) != store.version:
        mismatch = m(
            "meta_bundle_mismatch",
            analysis_version=plain_text(summary["bundle_version"]),
            store_version=store.version,
        )
    not_assigned = int((plan["status"] != _ASSIGNED).sum())
    note = council_note(summary, m)
    council = bool(note)
    context = {
        "lang": m.lang,
        "m": m,
        "subtitle": m(
            "reskill_subtitle",
            source_file=m("council_source") if council else plain_text(summary["source_file"]),
            openings_file=plain_text(summary["openings_file"]),
            catalogue_file=plain_text(summary["catalogue_file"]),
        ),
        "meta": m(
            "reskill_meta",
            selection=_selection(plain_text(summary["selection"]), m),
            bundle_version=plain_text(summary["bundle_version"]),
        ),
        "bundle_mismatch": mismatch,
        "headlines": _headlines(summary, m),
        "settings": _settings(summary, m),
        "charts": charts,
        "flows_text": m(
            "flows_text", people=m.number(summary["affected"] if council else plan.shape[0])
        ),
        "flow_notes": flow_notes,
        "gap_notes": gap_notes,
        "departments": make_table(
            departments.head(TOP_GROUPS),
            list(REDEPLOYMENT_FRAMES["departments"]),
            m,
            total=len(departments),
            kinds={
                "affected": "count",
                "assigned": "count",
                "not_assigned": "count",
                "training_hours": "number",
                "training_cost": "money",
            },
            more="more_in_departments_csv",
        ),
        "openings": make_table(
            openings.head(MAX_OPENINGS),
            list(REDEPLOYMENT_FRAMES["openings"]),
            m,
            total=len(openings),
            kinds={"capacity": "count", "filled": "count", "left": "count"},
            more="more_in_openings_csv",
        ),
        "not_assigned": not_assigned,
        "reasons_text": m(
            "reasons_text", people=m.number(not_assigned), affected=m.number(len(plan))
        ),
        "reasons": _reasons(plan, m),
        "people": _people(plan, m),
        "unresolved_text": m("unresolved_text", rows=m.number(len(unresolved))),
        "unresolved": make_table(
            unresolved.head(TOP_UNRESOLVED).assign(
                reason=unresolved["reason"]
                .head(TOP_UNRESOLVED)
                .map(lambda text: _unresolved_reason(plain_text(text), m))
            ),
            ["file", "row", "column", "value", "reason"],
            m,
            total=len(unresolved),
            kinds={"row": "int"},
            more="more_in_unresolved_csv",
        ),
        "sources": data_sources(store.manifest),
        "council_note": note,
        "council_text": m(
            "council_people_text",
            k=m.number(summary.get("disclosure", {}).get("min_people")),
        )
        if council
        else "",
        "objective_text": ""
        if is_missing(summary["objective"])
        else m(
            "reskill_method_objective",
            objective=m.score(summary["objective"]),
            greedy=m.score(summary["greedy_objective"]),
            gain=signed(float(summary["gain"]), m.score(summary["gain"])),
            retention=m.decimal(summary["retention_value"]),
        ),
    }
    return render("reskill.html.j2", context)


def write_reskill_report(
    redeployment: RedeploymentLike,
    path: str | Path,
    *,
    lang: str = "en",
    store: ReferenceStore | None = None,
) -> Path:
    """Write a redeployment plan as one self-contained, offline HTML file.

    Sections: what the plan is and is not (a plan to discuss; every move needs the
    person's consent and the works council's co-determination), the run's settings and
    headline figures (the exact plan against a greedy one), flows from today's
    occupations to the target roles, what people learn by department, training time and
    cost by department, the openings, why people were not assigned, the plan person by
    person with each move explained, listed skills not recognised, the method and the data
    sources with their licences and attribution.

    Parameters
    ----------
    redeployment : Redeployment
        What :func:`workshift.pipeline.reskill` returns, or anything with its frames and
        summary (:class:`~workshift.reports.RedeploymentLike`).
    path : str or Path
        The file to write (its folder is created).
    lang : {"en", "de"}
        Language of every text and number format. Money is in the summary's ``currency``
        where it has one (the catalogue's, else without a code).
    store : ReferenceStore, optional
        Where the data sources and their attribution come from (the shipped bundle by
        default).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ReportDataError
        The plan lacks a frame, column or summary entry (all are named); nothing is
        written.
    ConfigError
        ``lang`` is not a known language.

    Examples
    --------
    ``tests/reports/reskill_data.py`` builds a small plan by hand; with a real one::

        from workshift.pipeline import reskill
        from workshift.reports import write_reskill_report

        plan = reskill("examples/workforce.csv", "examples/openings.csv",
                       "examples/courses.csv", affected="examples/affected.csv")
        write_reskill_report(plan, "out/reskill/report.html", lang="de")
    """
    text = render_reskill_report(redeployment, lang, store=store)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
