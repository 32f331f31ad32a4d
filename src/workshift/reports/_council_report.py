"""``council.html`` and ``council.xlsx``: the works-council pack, German by default.

Renders a :class:`~workshift.council.CouncilPack` (read duck-typed, :class:`CouncilPackLike`):
its sections are already disclosure controlled, so this module only formats them. It adds
no figure of its own about people: a withheld cell shows as ``(ausgeblendet)``/``(withheld)``
in the page and as an empty cell in the workbook, where the column "Withheld" says why.
The page opens with the plain statements (exposure is not job loss; no figure selects
individuals, §1 (3) KSchG), then one section per paragraph of the BetrVG and the method
and validation appendix with the suppression log and the data sources.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import pandas as pd

from workshift.reports._content import Headline, Table, data_sources, is_missing, plain_text
from workshift.reports._council_messages import CouncilMessages, council_messages
from workshift.reports._templates import render

if TYPE_CHECKING:
    from workshift.reference import ReferenceStore

__all__ = ["CouncilPackLike", "render_council_report", "write_council_report"]

MANAGEMENT, COUNCIL = "management", "council"
TOP_DIFFERENCES = 25
"""Department x occupation groups the §92a table shows (largest difference first)."""


class CouncilPackLike(Protocol):
    """What the report reads of a pack: its facts, sections and suppression log."""

    facts: dict[str, Any]
    sections: dict[str, pd.DataFrame]
    log: pd.DataFrame


def _hidden(row: Mapping[Hashable, Any]) -> bool:
    value = row.get("suppressed", False)
    return not is_missing(value) and bool(value)


class _Format:
    """Cell formatting of one language, a withheld cell as its word."""

    def __init__(self, m: CouncilMessages, groups: Mapping[str, str]) -> None:
        self.m = m
        self.groups = groups

    def withheld(self) -> str:
        return self.m("council_withheld")

    def people(self, value: Any) -> str:
        return self.withheld() if is_missing(value) else self.m.number(value)

    def fte(self, value: Any) -> str:
        return self.withheld() if is_missing(value) else self.m.amount(value)

    def band(self, p10: Any, p50: Any, p90: Any, number: Any = None) -> str:
        """``P50 (P10 to P90)``, each formatted by ``number`` (a projected amount)."""
        if is_missing(p50):
            return self.withheld()
        text = number or self.amount
        return self.m("council_range", p50=text(p50), p10=text(p10), p90=text(p90))

    def amount(self, value: Any) -> str:
        """A projected amount with a true minus sign."""
        return self.m.amount(value).replace("-", "\u2212")

    def difference(self, value: Any, number: Any = None) -> str:
        """A signed difference; ``0`` without a sign where it rounds to nothing."""
        text = (number or self.m.amount)(abs(float(value)))
        if text.strip("0,. ") == "" or float(value) == 0:
            return text
        return ("+" if float(value) > 0 else "\u2212") + text

    def group(self, code: Any) -> str:
        text = plain_text(code)
        name = self.groups.get(text, "")
        return f"{text} {name}".strip()

    def scenario(self, name: Any) -> str:
        return self.m.word("scenario", name)


def _table(columns: list[str], rows: list[list[str]], numeric: list[bool]) -> Table:
    return Table(columns=columns, numeric=numeric, rows=rows)


def _services(frame: pd.DataFrame, f: _Format, year: int) -> Table:
    m = f.m
    rows = [
        [
            plain_text(r["name"]),
            m.word("mode", r["mode"]),
            plain_text(r["business_area"]),
            plain_text(r["launch"]),
            " / ".join(m.pct(r[f"adoption_{k}"], 0) for k in ("low", "mode", "high")),
            m.number(r["tasks"]),
            m.number(r["occupations"]),
            m.number(r["departments"]),
            f.band(r["fte_p10"], r["fte_p50"], r["fte_p90"]),
        ]
        for r in frame.to_dict("records")
    ]
    columns = [m.column(c) for c in ("name", "mode", "business_area", "launch", "adoption",
                                     "tasks", "occupations", "departments")]  # fmt: skip
    columns.append(m("ccol.fte_range", year=year))
    return _table(columns, rows, [False] * 5 + [True] * 4)


def _service_tasks(frame: pd.DataFrame, names: Mapping[str, str], f: _Format) -> Table:
    rows = [
        [names.get(str(r["service"]), str(r["service"])), plain_text(r["occupation"]),
         plain_text(r["task"])]
        for r in frame.to_dict("records")
    ]  # fmt: skip
    return _table([f.m.column(c) for c in ("service", "occupation", "task")], rows, [False] * 3)


def _service_departments(frame: pd.DataFrame, names: Mapping[str, str], f: _Format) -> Table:
    rows = [
        [names.get(str(r["service"]), str(r["service"])), plain_text(r["department"]),
         f.withheld() if _hidden(r) else f.m.number(r["people"])]
        for r in frame.to_dict("records")
    ]  # fmt: skip
    columns = [f.m.column(c) for c in ("service", "department", "people")]
    return _table(columns, rows, [False, False, True])


def _plan(frame: pd.DataFrame, scenarios: list[str], year: int, f: _Format) -> Table:
    """§92: one row per department x group, today and each scenario's final year."""
    final = frame.loc[frame["year"] == year]
    rows = []
    keys = final[["department", "occupation_group"]].drop_duplicates()
    keyed = {
        (str(r["department"]), str(r["occupation_group"]), str(r["scenario"])): r
        for r in final.to_dict("records")
    }
    for department, group in keys.itertuples(index=False):
        first = keyed[(str(department), str(group), scenarios[0])]
        hidden = bool(first["suppressed"])
        row = [plain_text(department), f.group(group),
               f.withheld() if hidden else f.m.number(first["people_today"]),
               f.fte(first["fte_today"])]  # fmt: skip
        for name in scenarios:
            r = keyed[(str(department), str(group), name)]
            row.append(f.band(r["p10"], r["p50"], r["p90"]))
        rows.append(row)
    columns = [f.m.column(c) for c in ("department", "occupation_group", "people_today",
                                       "fte_today")]  # fmt: skip
    columns += [f.m("ccol.range", scenario=f.scenario(n), year=year) for n in scenarios]
    return _table(columns, rows, [False, False, True, True] + [True] * len(scenarios))


def _comparison(frame: pd.DataFrame, f: _Format, currency: str) -> Table:
    m = f.m
    rows = []
    for r in frame.to_dict("records"):
        money = r["figure"] in ("net_benefit", "ai_cost")

        def number(value: Any, money: bool = money) -> str:
            text = m.money_short(value) if money else m.amount(value)
            return text.replace("-", "\u2212")

        def band(side: str, r: Mapping[Hashable, Any] = r, number: Any = number) -> str:
            low, mid, high = (r[f"{side}_{q}"] for q in ("p10", "p50", "p90"))
            return f.band(low, mid, high, number=number)

        rows.append(
            [m(f"council_figure.{r['figure']}", currency=currency), band(MANAGEMENT),
             band(COUNCIL), f.difference(r["difference_p50"], number),
             m("council_overlap_yes" if r["ranges_overlap"] else "council_overlap_no")]
        )  # fmt: skip
    columns = [m.column("figure"), f.scenario(MANAGEMENT) + " P50 (P10–P90)",
               f.scenario(COUNCIL) + " P50 (P10–P90)", m.column("difference"),
               m.column("ranges_overlap")]  # fmt: skip
    return _table(columns, rows, [False, True, True, True, False])


def _assumption_value(text: Any, m: CouncilMessages) -> str:
    parts = [p.strip() for p in plain_text(text).split(" / ")]
    out = []
    for part in parts:
        try:
            out.append(m.decimal(float(part)))
        except ValueError:
            out.append(m.value_text(part))
    return " / ".join(out)


def _assumptions(frame: pd.DataFrame, f: _Format, names: Mapping[str, str]) -> Table:
    m = f.m
    rows = []
    for r in frame.to_dict("records"):
        scope = str(r["scope"])
        rows.append(
            [m.parameter(str(r["parameter"]), scope),
             m.word("scope", scope) if scope == "all" else names.get(scope, scope),
             m.unit(plain_text(r["unit"]), str(r["parameter"])),
             _assumption_value(r[MANAGEMENT], m), _assumption_value(r[COUNCIL], m)]
        )  # fmt: skip
    columns = [m.column("parameter"), m.column("scope"), m.column("unit"),
               f.scenario(MANAGEMENT), f.scenario(COUNCIL)]  # fmt: skip
    return _table(columns, rows, [False, False, False, True, True])


def _differences(frame: pd.DataFrame, f: _Format) -> Table:
    published = frame.loc[~frame["suppressed"].astype(bool)]
    # Groups whose medians agree to the shown precision are not a difference.
    differs = published["difference"].abs().round(1) > 0
    shown = published.loc[differs].head(TOP_DIFFERENCES)
    rows = []
    for r in shown.to_dict("records"):
        rows.append(
            [plain_text(r["department"]), f.group(r["occupation_group"]),
             f.m.number(r["people_today"]), f.fte(r["fte_today"]), f.fte(r[MANAGEMENT]),
             f.fte(r[COUNCIL]), f.difference(r["difference"])]
        )  # fmt: skip
    columns = [f.m.column(c) for c in ("department", "occupation_group", "people_today",
                                       "fte_today")]  # fmt: skip
    columns += [f.scenario(MANAGEMENT), f.scenario(COUNCIL), f.m.column("difference")]
    return _table(columns, rows, [False, False] + [True] * 5)


def _training(frame: pd.DataFrame, f: _Format) -> Table:
    m = f.m
    rows = [
        [plain_text(r["department"]), f.people(r["people"]), f.people(r["placed"]),
         f.people(r["not_placed"]),
         f.withheld() if is_missing(r["training_hours"]) else m.number(r["training_hours"]),
         f.withheld() if is_missing(r["training_cost"]) else m.money(r["training_cost"])]
        for r in frame.to_dict("records")
    ]  # fmt: skip
    columns = [m.column(c) for c in ("department", "people", "placed", "not_placed",
                                     "training_hours", "training_cost")]  # fmt: skip
    return _table(columns, rows, [False] + [True] * 5)


def _skills(frame: pd.DataFrame, f: _Format) -> Table:
    rows = [
        [plain_text(r["department"]), f.m.word("kind", r["kind"]), plain_text(r["skill"]),
         f.m.number(r["people"])]
        for r in frame.to_dict("records")
    ]  # fmt: skip
    columns = [f.m.column(c) for c in ("department", "kind", "skill", "people")]
    return _table(columns, rows, [False, False, False, True])


def _flows(frame: pd.DataFrame, f: _Format) -> Table:
    rows = [
        [f.group(r["origin_group"]),
         f.m("council_not_placed") if r["target"] == "not placed" else plain_text(r["target"]),
         f.withheld() if _hidden(r) else f.m.number(r["people"])]
        for r in frame.to_dict("records")
    ]  # fmt: skip
    columns = [f.m.column(c) for c in ("origin_group", "target", "people")]
    return _table(columns, rows, [False, False, True])


def _access(frame: pd.DataFrame, f: _Format) -> Table:
    m = f.m
    rows = [
        [m.word("group", r["group"]), m.word("value", r["value"]), f.people(r["people"]),
         f.people(r["placed"]),
         f.withheld() if is_missing(r["placed_share"]) else m.pct(r["placed_share"]),
         f.withheld() if is_missing(r["hours_per_placed"]) else m.number(
             round(float(r["hours_per_placed"]), 1))]
        for r in frame.to_dict("records")
    ]  # fmt: skip
    columns = [m.column(c) for c in ("group", "value", "people", "placed", "placed_share",
                                     "hours_per_placed")]  # fmt: skip
    return _table(columns, rows, [False, False] + [True] * 4)


def _reasons(r: Mapping[Hashable, Any], m: CouncilMessages) -> str:
    """Why a group is flagged, in words: each criterion that holds."""
    why = []
    if r["because_work"] is True:
        why.append(m("council_because_work", share=m.pct(r["share_taken_over"])))
    if r.get("because_occupation") is True:
        occupation = " ".join(
            t for t in (plain_text(r["occupation_code"]), plain_text(r["occupation"])) if t
        )
        why.append(
            m("council_because_occupation", occupation=occupation,
              share=m.pct(r["occupation_share"]))
        )  # fmt: skip
    if r["because_plan"] is True:
        why.append(m("council_because_plan", people=m.number(r["plan_people"])))
    if r.get("because_tasks") is True:
        why.append(m("council_because_tasks"))
    return "; ".join(why)


def _codetermination(frame: pd.DataFrame, f: _Format) -> Table:
    m = f.m
    shown = frame.assign(_flag=frame["flag"].eq(True)).sort_values(
        ["_flag", "department", "occupation_group"], ascending=[False, True, True],
        kind="mergesort",
    )  # fmt: skip
    rows = []
    for r in shown.to_dict("records"):
        if _hidden(r):
            rows.append([plain_text(r["department"]), f.group(r["occupation_group"]),
                         f.withheld(), f.withheld(), "", "", "", ""])  # fmt: skip
            continue
        rows.append(
            [plain_text(r["department"]), f.group(r["occupation_group"]),
             m.number(r["people_today"]), m.pct(r["share_taken_over"]),
             m("council_flag_yes" if r["flag"] is True else "council_flag_no"),
             _reasons(r, m), plain_text(r["tasks"]), plain_text(r["skills"])]
        )  # fmt: skip
    columns = [m.column(c) for c in ("department", "occupation_group", "people_today",
                                     "share_taken_over", "flag", "because", "group_tasks",
                                     "skills")]  # fmt: skip
    return _table(columns, rows, [False, False, True, True, False, False, False, False])


def _site_basis(r: Mapping[Hashable, Any], m: CouncilMessages) -> str:
    """A site's basis in words: the rule and its note, or why the BetrVG does not apply
    (a site abroad), and a note where the site's country is unknown."""
    if r.get("in_germany") is False:
        return m("council_betrvg.abroad", country=plain_text(r.get("country")))
    keys = [plain_text(r.get(k)) for k in ("basis_key", "note_key", "scope_key")]
    return "; ".join(m(f"council_{k}") for k in keys if k)


def _establishments(frame: pd.DataFrame, scenarios: list[str], f: _Format) -> Table:
    m = f.m
    rows = []
    per_scenario = 3
    for r in frame.to_dict("records"):
        country = plain_text(r.get("country"))
        if _hidden(r):
            rows.append([plain_text(r["location"]), country, f.withheld(), "", "", ""]
                        + [""] * per_scenario * len(scenarios))  # fmt: skip
            continue
        basis = _site_basis(r, m)
        minimum = "" if is_missing(r["minimum"]) else m.number(r["minimum"])
        row = [plain_text(r["location"]), country, m.number(r["people"]), plain_text(r["band"]),
               minimum, basis]  # fmt: skip
        for name in scenarios:
            row.append(f"{m.amount(r[f'{name}_p50'])} / {m.amount(r[f'{name}_p90'])}")
            row.append(m.amount(r[f"{name}_year_p50"]))
            reaches = r[f"{name}_p90_reaches"]
            row.append(
                "" if reaches is None or is_missing(reaches)
                else m("council_reaches_yes" if reaches else "council_reaches_no")
            )  # fmt: skip
        rows.append(row)
    columns = [m.column(c) for c in ("location", "country", "people_usual", "band", "minimum",
                                     "basis")]  # fmt: skip
    for name in scenarios:
        columns += [m("ccol.reduction", scenario=f.scenario(name)),
                    m("ccol.reduction_year", scenario=f.scenario(name)),
                    m("ccol.reaches", scenario=f.scenario(name)) + " (P90)"]  # fmt: skip
    numeric = [False, False, True, False, True, False] + [True, True, False] * len(scenarios)
    return _table(columns, rows, numeric)


def _log(frame: pd.DataFrame, m: CouncilMessages) -> Table:
    columns = ["table", "cells", "published", "suppressed_primary", "suppressed_complementary"]
    rows = [
        [m.text(f"council_sheet.{r['table']}", str(r["table"]))]
        + [m.number(r[c]) for c in columns[1:]]
        for r in frame.to_dict("records")
    ]
    return _table([m.column(c) for c in columns], rows, [False] + [True] * 4)


def _evaluation(figures: Mapping[Hashable, Any], m: CouncilMessages) -> Table:
    sets = figures.get("matching", {}).get("sets", {})
    metrics = ("titles", "top1", "top5", "soc6_top1", "major_group_top1")
    rows = [
        [m.text(f"council_eval.{name}", name), m.number(values["titles"]),
         *(m.pct(values[k], 0) for k in metrics[1:])]
        for name, values in sets.items()
    ]  # fmt: skip
    return _table([m.column("set"), *(m.column(k) for k in metrics)], rows,
                  [False] + [True] * 5)  # fmt: skip


def _headlines(pack: CouncilPackLike, m: CouncilMessages) -> list[Headline]:
    facts, sections = pack.facts, pack.sections
    analysis = facts["analysis"]
    control = analysis["disclosure"]
    hidden = int(control["suppressed_primary"]) + int(control["suppressed_complementary"])
    cells = sum(int(t["cells"]) for t in control["tables"].values())
    services = sections["services"]
    codet = sections["codetermination"]
    shown = codet.loc[~codet["suppressed"].astype(bool)]
    from workshift.council import covered_sites

    reached, sites, abroad = covered_sites(sections["establishments"])
    total_hidden = bool(analysis["disclosure"].get("total_withheld"))
    people = m("council_withheld") if total_hidden else m.number(analysis["headcount"])
    values = {
        "people": (people, m("council_headline.people_help",
                             fte=m.amount(analysis.get("fte")),
                             rows=m.number(analysis["analysed_rows"]),
                             input=m.number(analysis["input_rows"]))),
        "services": (m.number(len(services)), m("council_headline.services_help",
                                                 touching=m.number((services["tasks"] > 0).sum()))),
        "flagged": (m.number(int(shown["flag"].eq(True).sum())),
                    m("council_headline.flagged_help", groups=m.number(len(shown)))),
        "sites": (m.number(reached), m("council_headline.sites_help", sites=m.number(sites),
                                       abroad=m.number(abroad))),
        "hidden": (m.number(hidden), m("council_headline.hidden_help", cells=m.number(cells),
                                       ok=m("audit_passed" if control["audit"]["ok"]
                                            else "audit_failed"))),
    }  # fmt: skip
    return [
        Headline(key, m(f"council_headline.{key}"), value, help_text)
        for key, (value, help_text) in values.items()
    ]


def _occupation_groups(lang: str) -> dict[str, str]:
    from workshift.council import occupation_groups

    frame = occupation_groups()
    return dict(zip(frame["code"], frame[lang], strict=True))


def _final_year(facts: Mapping[str, Any]) -> int:
    years = str(facts["scenarios"][MANAGEMENT]["years"])
    return int(years.split("-")[-1])


def render_council_report(
    pack: CouncilPackLike, lang: str = "de", *, store: ReferenceStore | None = None
) -> str:
    """The pack as an HTML string (see :func:`write_council_report`)."""
    facts, sections = pack.facts, pack.sections
    currency = plain_text(facts.get("currency"))
    m = council_messages(lang, currency)
    if store is None:
        from workshift.reference import ReferenceStore

        store = ReferenceStore()
    f = _Format(m, _occupation_groups(m.lang))
    scenarios = [n for n in (MANAGEMENT, COUNCIL) if n in facts["scenarios"]]
    year = _final_year(facts)
    names = {str(k): str(v) for k, v in facts.get("service_names", {}).items()}
    control = facts["analysis"]["disclosure"]
    hidden = int(control["suppressed_primary"]) + int(control["suppressed_complementary"])
    cells = sum(int(t["cells"]) for t in control["tables"].values())
    management = facts["scenarios"][MANAGEMENT]
    evaluation = facts.get("evaluation", {})
    exposure = evaluation.get("exposure", {})
    access_missing = [m.word("group", g) for g, has in facts["access_columns"].items() if not has]
    context = {
        "lang": m.lang,
        "m": m,
        "subtitle": m(
            "council_subtitle",
            portfolio_file=plain_text(facts.get("portfolio_file")),
            scenario_files=", ".join(
                f"{f.scenario(n)} ({facts['scenarios'][n]['scenario_file']})" for n in scenarios
            ),
            bundle_version=plain_text(facts.get("bundle_version")),
            k=m.number(facts["min_people"]),
        ),
        "council_note": m(
            "council_note",
            k=m.number(facts["min_people"]),
            hidden=m.number(hidden),
            cells=m.number(cells),
            ok=m("audit_passed" if control["audit"]["ok"] else "audit_failed"),
        ),
        "ranges": m(
            "council_statement_ranges", draws=m.number(management["draws"]), seed=management["seed"]
        ),
        "headlines": _headlines(pack, m),
        "year": year,
        "s90_text": m("council_s90_text", year=year),
        "services": _services(sections["services"], f, year),
        "service_tasks": _service_tasks(sections["service_tasks"], names, f),
        "service_departments": _service_departments(sections["service_departments"], names, f),
        "s92_text": m("council_s92_text", year=year),
        "plan": _plan(sections["workforce_plan"], scenarios, year, f),
        "has_council": COUNCIL in scenarios,
        "s92a_text": m(
            "council_s92a_text",
            council_file=plain_text(facts["scenarios"].get(COUNCIL, {}).get("scenario_file")),
            management_file=plain_text(management["scenario_file"]),
        ),
        "descriptions": [
            (f.scenario(n), plain_text(facts["scenarios"][n]["description"])) for n in scenarios
        ],
        "comparison": _comparison(sections["comparison"], f, currency),
        "assumptions": _assumptions(sections["assumption_differences"], f, names),
        "units_heading": m("council_s92a_units_heading", year=year),
        "differences": _differences(sections["unit_differences"], f),
        "has_plan": bool(facts["has_plan"]),
        "training": _training(sections["training"], f),
        "skills_text": m("council_s96_skills_text", k=m.number(facts["min_people"])),
        "skills": _skills(sections["skills"], f),
        "flows": _flows(sections["training_flows"], f),
        "access_text": m("council_s96_access_text", older=facts["older_from"]),
        "access_missing": (
            m("council_s96_access_missing", groups=", ".join(access_missing))
            if access_missing
            else ""
        ),
        "access": _access(sections["access"], f),
        "s97_text": m("council_s97_text", year=year, share=m.pct(facts["skill_change_share"], 0)),
        "codetermination": _codetermination(sections["codetermination"], f),
        "establishments": _establishments(sections["establishments"], scenarios, f),
        "evaluation": _evaluation(evaluation, m),
        "exposure_text": m(
            "council_method_exposure",
            tasks=m.number(exposure.get("tasks")),
            agreement=m.pct(exposure.get("agreement"), 0),
            beta_r=m.score(exposure.get("beta_r")),
            german=m.pct(exposure.get("german_same_label"), 0),
            run=plain_text(exposure.get("run")),
        )
        if exposure
        else "",
        "log_text": m(
            "council_log_text",
            k=m.number(facts["min_people"]),
            margin=m.number(facts["protection"]),
        ),
        "log": _log(pack.log, m),
        "sources": data_sources(store.manifest),
    }
    return render("council.html.j2", context)


_XLSX_COLUMNS: dict[str, str] = {"p10": "p10", "p50": "p50", "p90": "p90"}


def _sheet_frame(name: str, frame: pd.DataFrame, m: CouncilMessages) -> pd.DataFrame:
    """A section for the workbook: words for codes, the column labels of the language."""
    out = frame.copy()
    for column in ("scenario",):
        if column in out:
            out[column] = out[column].map(lambda v: m.word("scenario", v))
    if "kind" in out and name == "skills":
        out["kind"] = out["kind"].map(lambda v: m.word("kind", v))
    if name == "access":
        out["group"] = out["group"].map(lambda v: m.word("group", v))
        out["value"] = out["value"].map(lambda v: m.word("value", v))
    if name == "establishments":
        basis = [_site_basis(r, m) for r in out.to_dict("records")]
        out = out.assign(basis=basis).drop(
            columns=[c for c in ("basis_key", "note_key", "scope_key") if c in out]
        )
    if "mode" in out and name == "services":
        out["mode"] = out["mode"].map(lambda v: m.word("mode", v))
    labels = {}
    for column in out.columns:
        text = str(column)
        for scenario in (MANAGEMENT, COUNCIL):
            if text == scenario or text.startswith(scenario + "_"):
                rest = text[len(scenario) :].lstrip("_")
                label = m.word("scenario", scenario)
                text = f"{label} {rest}".strip()
                break
        else:
            text = m.column(text) or text
        labels[column] = text
    return out.rename(columns=labels)


def _write_xlsx(pack: CouncilPackLike, path: Path, m: CouncilMessages, store: Any) -> None:
    """One sheet per section and the suppression log, after an overview of the facts."""
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False,
                    "strings_to_urls": False, "nan_inf_to_errors": False},
    )  # fmt: skip
    header = book.add_format({"bold": True, "text_wrap": True, "valign": "top",
                              "bg_color": "#F1F4F7"})  # fmt: skip
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    try:
        overview = book.add_worksheet(m("council_sheet.overview")[:31])
        overview.set_column(0, 0, 48, wrap)
        overview.set_column(1, 1, 90, wrap)
        facts = pack.facts
        lines = [
            (m("council_title"), ""),
            (m("council_first_heading"), m("council_statement_exposure")),
            ("", m("council_statement_selection")),
            ("", m("council_xlsx_note")),
            (m.column("suppressed"),
             m("council_log_text", k=m.number(facts["min_people"]),
               margin=m.number(facts["protection"]))),
        ]  # fmt: skip
        for name, scenario in facts["scenarios"].items():
            lines.append((m.word("scenario", name), plain_text(scenario.get("description"))))
            lines.append(("", f"{scenario['scenario_file']}; {scenario['years']}; "
                              f"{scenario['draws']} / {scenario['seed']}"))  # fmt: skip
        for row, (key, value) in enumerate(lines):
            overview.write_string(row, 0, key, header if row == 0 else wrap)
            overview.write_string(row, 1, value, wrap)
        row = len(lines) + 1
        for source in data_sources(store.manifest):
            overview.write_string(row, 0, str(source["name"]), wrap)
            overview.write_string(
                row, 1, f"{source['licence']} ({source['licence_url']}). {source['attribution']}",
                wrap,
            )  # fmt: skip
            row += 1
        frames = {**pack.sections, "suppression_log": pack.log}
        for name, frame in frames.items():
            sheet = book.add_worksheet(m.text(f"council_sheet.{name}", name)[:31])
            shown = _sheet_frame(name, frame, m)
            labels = [str(c) for c in shown.columns]
            sheet.write_row(0, 0, labels, header)
            sheet.freeze_panes(1, 0)
            for column, label in enumerate(labels):
                sheet.set_column(column, column, max(10, min(50, len(label) + 2)))
            for r, record in enumerate(shown.itertuples(index=False), start=1):
                for c, value in enumerate(record):
                    if is_missing(value):
                        continue
                    if isinstance(value, bool | np.bool_):
                        sheet.write_string(r, c, m("council_flag_yes" if value else
                                                   "council_flag_no"))  # fmt: skip
                    elif isinstance(value, int | float | np.number):
                        sheet.write_number(r, c, float(value))
                    else:
                        sheet.write_string(r, c, str(value)[:32767])
            if len(shown.columns):
                sheet.autofilter(0, 0, max(len(shown), 1), len(shown.columns) - 1)
    finally:
        book.close()


def write_council_report(
    pack: CouncilPackLike,
    output: str | Path,
    *,
    lang: str = "de",
    store: ReferenceStore | None = None,
) -> list[Path]:
    """Write ``council.html`` and ``council.xlsx`` into the folder ``output``.

    The page: the plain statements first (exposure is not job loss; no figure may select
    individuals, §1 (3) KSchG; ranges, not forecasts), the headline figures, then §90
    (planned services, the tasks they change, people per service and department), §92
    (workforce per department x occupation group, today and the final year per scenario),
    §92a (management's and the council's scenario side by side: headline figures, the
    assumptions that differ, the groups that differ most), §96 (training per department,
    skills today and to learn, flows, access of part-time, older and on-leave staff),
    §97 (2) (flag per group and each reason; the group's covered tasks and the
    department's skills to learn in two columns), §111 (indicator per site on the §17 (1)
    KSchG scale, the BAG's 6 for small establishments, sites abroad marked as not covered
    by the BetrVG, the largest reduction in one year), and the method and validation
    appendix with the suppression log and the data sources. The workbook has an overview
    and one sheet per section and the log.

    Parameters
    ----------
    pack : CouncilPack
        What :func:`workshift.pipeline.council` returns.
    output : str or Path
        The folder (created if needed).
    lang : {"de", "en"}
        Language of every text and number format.
    store : ReferenceStore, optional
        Where the data sources and their attribution come from (the shipped bundle).

    Returns
    -------
    list of Path
        The two files written.

    Raises
    ------
    ConfigError
        ``lang`` is not a known language.

    Examples
    --------
    ``tests/council/test_pack.py`` builds a pack and writes it; from files::

        from workshift.pipeline import council
        from workshift.reports import write_council_report

        pack = council("examples/workforce.csv", "examples/portfolio.yaml",
                       scenario_file="examples/scenario.yaml")
        write_council_report(pack, "out/council_pack")
    """
    m = council_messages(lang, plain_text(pack.facts.get("currency")))
    if store is None:
        from workshift.reference import ReferenceStore

        store = ReferenceStore()
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    html = folder / "council.html"
    html.write_text(render_council_report(pack, lang, store=store), encoding="utf-8")
    xlsx = folder / "council.xlsx"
    _write_xlsx(pack, xlsx, m, store)
    return [html, xlsx]
