"""``report.html`` of ``workshift scenario``: a projection's ranges for a CFO and a works council.

One self-contained, offline file like the analysis report (``_html``): the same Jinja2
environment and page layout, plotly.js inline once, every text from the language's
catalogue (``_scenario_messages``). It opens with what it is and is not (a range under
stated assumptions, not a forecast; exposure is not job loss), then the run's settings
and headline ranges, the waterfall from today's headcount to the projected one, fan
charts over the years, what drives the result (tornado), the assumptions, departments,
AI services and what they cover, the rows not projected, and the method.

The projection is read duck-typed (:class:`ProjectionLike`): this package does not
import ``workshift.scenarios``, which imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workshift.reports._charts import figures_html
from workshift.reports._content import (
    Headline,
    Table,
    council_note,
    is_missing,
    make_table,
    plain_text,
    reason_counts,
    signed,
)
from workshift.reports._contract import ColumnKind, ProjectionLike, check_projection
from workshift.reports._scenario_charts import (
    TOP_INPUTS,
    Panel,
    fan_chart,
    shown_steps,
    tornado,
    waterfall,
)
from workshift.reports._scenario_messages import ScenarioMessages, scenario_messages
from workshift.reports._templates import render

__all__ = ["render_scenario_report", "write_scenario_report"]

TOP_GROUPS = 25
"""Departments and services a table shows (largest first); projection.csv has all."""
TOP_REASONS = 10

MONEY_METRICS = frozenset({"labour_cost_saved", "ai_cost", "new_roles_cost", "net_benefit"})
_HEADLINE_METRICS = (
    "fte_equivalent",
    "surplus_headcount",
    "new_roles_fte",
    "net_benefit",
    "co2_kg",
)
_DEPARTMENT_COLUMNS = (
    ("headcount", "p10"),
    ("headcount", "p50"),
    ("headcount", "p90"),
    ("fte_equivalent", "p50"),
    ("surplus_headcount", "p50"),
)
_SERVICE_COLUMNS = (
    ("hours_freed", "p50"),
    ("ai_cost", "p50"),
    ("energy_kwh", "p50"),
    ("co2_kg", "p50"),
)
_SETTINGS = (
    "years",
    "draws",
    "seed",
    "preset",
    "currency",
    "headcount_start",
    "headcount_projected",
    "not_projected_rows",
    "portfolio_file",
    "scenario_file",
    "bundle_version",
    "note",
)


def _positive(value: Any) -> bool:
    return not is_missing(value) and float(value) > 0


def _years(summary: Mapping[str, Any], projection: pd.DataFrame) -> tuple[int | str, int | str]:
    """First and last projected year: from the projection, else from the summary."""
    years = pd.to_numeric(projection["year"], errors="coerce").dropna()
    if len(years):
        return int(years.min()), int(years.max())
    value = summary["years"]
    if isinstance(value, str):  # "2026-2035"
        parts = [part.strip() for part in value.replace("–", "-").split("-", 1)]
        return (parts[0], parts[-1]) if parts[-1] else (parts[0], parts[0])
    if isinstance(value, int):
        return value, value
    listed = list(value) if isinstance(value, Sequence) else []
    return (listed[0], listed[-1]) if listed else ("", "")


def _organisation(projection: pd.DataFrame) -> pd.DataFrame:
    return projection.loc[projection["group_by"] == "organisation"]


def _at(frame: pd.DataFrame, metric: str, year: int | str) -> pd.Series[Any] | None:
    """The organisation's row of ``metric`` in ``year`` (None when there is none)."""
    rows = frame.loc[(frame["metric"] == metric) & (frame["year"] == year)]
    return rows.iloc[0] if len(rows) else None


def _formatter(metric: str, m: ScenarioMessages) -> Callable[[Any], str]:
    return m.money if metric in MONEY_METRICS else m.amount


def _centre(band: Mapping[str, Any]) -> tuple[str, Any]:
    """The statistic a headcount figure is shown as: the mean where the summary has it
    (so it matches the waterfall's additive means), else the P50."""
    if "mean" in band and not is_missing(band["mean"]):
        return "mean", band["mean"]
    return "p50", band["p50"]


def _people(summary: Mapping[str, Any]) -> Any:
    basis = summary.get("headcount_basis")
    if isinstance(basis, Mapping) and "people_projected" in basis:
        return basis["people_projected"]
    return summary.get("people_input")


def _headlines(
    summary: Mapping[str, Any], organisation: pd.DataFrame, last: int | str, m: ScenarioMessages
) -> list[Headline]:
    """Today's headcount, the projected one, the net change and the AI effect (all FTE, as
    means like the waterfall), then last-year medians of the other metrics (labelled P50)."""
    start = float(summary["headcount_start"])
    projected = summary["headcount_projected"]
    stat, centre = _centre(projected)
    people = _people(summary)
    figures = [
        Headline(
            "headcount_start",
            m.summary_key("headcount_start"),
            m.amount(start),
            m("headcount_start_help", people=m.amount(people)) if people is not None else "",
        ),
        Headline(
            "headcount_projected",
            m("in_year_stat", what=m.metric("headcount"), year=last, stat=m(f"stat.{stat}")),
            m.amount(centre),
            m(
                "projected_help_mean",
                p10=m.amount(projected["p10"]),
                p90=m.amount(projected["p90"]),
                p50=m.amount(projected["p50"]),
            )
            if stat == "mean"
            else m("range_help", p10=m.amount(projected["p10"]), p90=m.amount(projected["p90"])),
        ),
    ]
    if not is_missing(centre):
        change = float(centre) - start
        share = change / start if start else float("nan")
        figures.append(
            Headline(
                "net_change",
                m("net_change_to_stat", year=last, stat=m(f"stat.{stat}")),
                signed(change, m.amount(change)),
                m(
                    "net_change_help",
                    pct=signed(share, m.pct(share)),
                    p10=signed(
                        float(projected["p10"]) - start, m.amount(float(projected["p10"]) - start)
                    ),
                    p90=signed(
                        float(projected["p90"]) - start, m.amount(float(projected["p90"]) - start)
                    ),
                ),
            )
        )
    effect = summary.get("ai_effect_final_year")
    if isinstance(effect, Mapping) and {"p10", "p90", "mean"} <= set(effect):
        mean = float(effect["mean"])
        figures.append(
            Headline(
                "ai_effect",
                m("ai_effect_label", year=last),
                signed(mean, m.amount(mean)),
                m(
                    "ai_effect_help",
                    p10=signed(float(effect["p10"]), m.amount(effect["p10"])),
                    p90=signed(float(effect["p90"]), m.amount(effect["p90"])),
                ),
            )
        )
    for metric in _HEADLINE_METRICS:
        row = _at(organisation, metric, last)
        if row is None:
            continue
        fmt: Callable[[Any], str] = m.amount
        if metric in MONEY_METRICS:
            # One scale for the value and its range: EUR 0.9 to 3.9 million, not mixed.
            size = float(np.nanmax(np.abs(row[["p10", "p50", "p90"]].to_numpy(dtype=float))))

            def fmt(value: Any, size: float = size) -> str:
                return m.money_short(value, size)

        figures.append(
            Headline(
                metric,
                m("in_year_stat", what=m.metric(metric), year=last, stat=m("stat.p50")),
                fmt(row["p50"]),
                m("range_help", p10=fmt(row["p10"]), p90=fmt(row["p90"])),
            )
        )
    return figures


def _settings(summary: Mapping[str, Any], first: Any, last: Any, m: ScenarioMessages) -> Table:
    """The run's settings as a two-column table."""
    projected = summary["headcount_projected"]
    values = {key: plain_text(summary[key]) for key in _SETTINGS}
    values["years"] = f"{first}–{last}" if first != last else str(first)
    values["draws"] = m.number(summary["draws"])
    values["headcount_start"] = m.amount(summary["headcount_start"])
    stat, centre = _centre(projected)
    values["headcount_projected"] = m(
        "projected_value_mean" if stat == "mean" else "projected_value",
        mean=m.amount(centre),
        p50=m.amount(projected["p50"]),
        p10=m.amount(projected["p10"]),
        p90=m.amount(projected["p90"]),
    )
    values["not_projected_rows"] = m.number(summary["not_projected_rows"])
    values["scenario_file"] = values["scenario_file"] or m("no_scenario_file")
    # The summary's note is English; the report says the same, translated, at its top.
    values.pop("note", None)
    rows = [[m.summary_key(key), value] for key, value in values.items() if value]
    return Table([m("settings_item"), m("settings_value")], [False, False], rows)


def _totals(summary: Mapping[str, Any], m: ScenarioMessages) -> Table:
    """Totals over the years, where the summary has them (``cumulative``: metric -> band).

    Not part of the contract: a projection without them shows no such table.
    """
    cumulative = summary.get("cumulative")
    rows = []
    if isinstance(cumulative, Mapping):
        for metric, band in cumulative.items():
            if not isinstance(band, Mapping) or not {"p10", "p50", "p90"} <= set(band):
                continue
            fmt = _formatter(str(metric), m)
            rows.append([m.metric(str(metric)), *(fmt(band[q]) for q in ("p10", "p50", "p90"))])
    return Table([m.column("total_metric"), "P10", "P50", "P90"], [False, True, True, True], rows)


def _money(summary: Mapping[str, Any], m: ScenarioMessages) -> tuple[list[str], Table]:
    """What the money is in, and every conversion: per currency of the workforce's annual
    cost (rows, amount, rate, converted), the portfolio's prices and the BLS wages.

    ``summary["money"]`` is not part of the contract: without it the report says only the
    currency.
    """
    money = summary.get("money")
    currency = m.currency
    columns = [
        m("col.money_source"),
        m("col.money_currency"),
        m("col.money_rows"),
        m("col.money_amount"),
        m("col.money_rate", currency=currency),
        m("col.money_converted", currency=currency),
        m("col.money_basis"),
    ]
    numeric = [False, False, True, True, True, True, False]
    if not isinstance(money, Mapping):
        return [m("money_unknown", currency=currency)], Table(columns, numeric, [])
    rates = money.get("exchange_rates") or {}

    def rate(code: str) -> float:
        return 1.0 if code == currency else float(rates.get(code, float("nan")))

    rows: list[list[str]] = []
    for record in money.get("workforce") or []:
        code = plain_text(record["currency"])
        amount = f"{m.number(round(float(record['amount'])))}\u00a0{code}"
        rows.append(
            [
                m("money.workforce"),
                code,
                m.number(record["rows"]),
                amount,
                m.decimal(record["rate"], 4),
                m.money(record["converted"]),
                m.text(f"basis.{record['basis']}", plain_text(record["basis"])),
            ]
        )
    sources: list[tuple[str, Any]] = [
        ("money.portfolio", money.get("portfolio_currency")),
        ("money.wages", money.get("wage_currency")),
    ]
    for key, code in sources:
        if code:
            rows.append([m(key), str(code), "", "", m.decimal(rate(str(code)), 4), "", ""])
    converted = any(code != currency for code in rates)
    text = [m("money_text", currency=currency)]
    if converted and money.get("rates_file"):
        text.append(m("money_rates_from", file=plain_text(money["rates_file"])))
    elif not converted:
        text.append(m("money_no_conversion", currency=currency))
    return text, Table(columns, numeric, rows)


def _people_basis(summary: Mapping[str, Any], m: ScenarioMessages) -> tuple[Table, list[str]]:
    """From the people in the workforce file to the FTE projected, step by step.

    ``summary["headcount_basis"]`` is not part of the contract: without it, no table.
    """
    basis = summary.get("headcount_basis")
    columns = [m("col.people_item"), m("col.people_value"), m("col.people_unit")]
    numeric = [False, True, False]
    if not isinstance(basis, Mapping):
        return Table(columns, numeric, []), []
    people, fte = m("unit.people"), m("unit.FTE")

    def rows_of(key: str) -> str:
        return m.number(basis.get(key) or 0)

    lines: list[tuple[str, Any, str]] = [
        (m("people.input", rows=rows_of("rows_input")), basis.get("people_input"), people),
        (
            m("people.not_projected", rows=rows_of("rows_not_projected")),
            -float(basis.get("people_not_projected") or 0),
            people,
        ),
        (m("people.projected"), basis.get("people_projected"), people),
    ]
    if basis.get("people_scored") is not None:
        lines.append((m("people.scored"), basis["people_scored"], people))
    if basis.get("people_unscored") is not None:
        lines.append(
            (m("people.unscored", rows=rows_of("rows_unscored")), basis["people_unscored"], people)
        )
    lines += [
        (m("people.part_time"), -float(basis.get("part_time_gap") or 0), fte),
        (m("people.fte"), basis.get("fte_projected"), fte),
    ]
    rows = [[label, m.number(value), unit] for label, value, unit in lines]
    notes = []
    if basis.get("rows_without_fte"):
        notes.append(m("people.without_fte", rows=rows_of("rows_without_fte")))
    return Table(columns, numeric, rows), notes


# The assumptions of the whole scenario by topic, in the order the report shows them.
_TOPICS: dict[str, tuple[str, ...]] = {
    "adoption": (
        "adoption_ceiling_scale", "adoption_midpoint_shift", "adoption_steepness_scale",
        "time_saved", "realisation", "e2_weight", "min_similarity",
    ),
    "flows": (
        "hours_per_fte", "capacity_share_automation", "capacity_share_augmentation",
        "demand_growth", "attrition_scale", "attrition_rate", "retirement_rate",
        "attrition_by_department", "retirement_by_department", "redeployment_rate",
        "redeploy_within", "hiring_freeze_years", "exits",
    ),
    "money": ("on_cost", "new_role_cost"),
    "energy": ("pue", "grid_gco2_per_kwh", "renewable_share"),
}  # fmt: skip
_SHARE_UNITS = frozenset({"share", "share/year"})


def _number(value: Any) -> float | None:
    """A number, also one read back from a CSV as text (``"0.5"``); None for words."""
    if isinstance(value, bool) or is_missing(value):
        return None
    if isinstance(value, int | float | np.number):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return None


def _value(value: Any, unit: str, m: ScenarioMessages) -> str:
    """One assumption value in the report's language: shares in per cent, dates as dates."""
    if is_missing(value):
        return ""
    number = _number(value)
    if number is None:
        return m.value_text(value)
    if unit in _SHARE_UNITS:
        return m.pct(number)
    if unit == "year":
        return m.date(number)
    return m.decimal(number)


def _names(summary: Mapping[str, Any], key: str, m: ScenarioMessages) -> dict[str, str]:
    """Service or new-role id -> name (in the report's language where given)."""
    found = summary.get(key)
    if not isinstance(found, Mapping):
        return {}
    names = {}
    for ident, name in found.items():
        if isinstance(name, Mapping):
            name = name.get(m.lang) or name.get("en") or ident
        names[str(ident)] = plain_text(name)
    return names


def _assumption_groups(
    assumptions: pd.DataFrame, summary: Mapping[str, Any], m: ScenarioMessages
) -> list[tuple[str, Table]]:
    """The assumptions by topic, then by AI service, in words (the keys are in the appendix)."""
    services = _names(summary, "service_names", m)
    roles = _names(summary, "new_role_names", m)
    columns = [
        m("col.assumption"), m("col.low"), m("col.mode"), m("col.high"), m("col.unit"),
        m("assumption_source"),
    ]  # fmt: skip
    numeric = [False, True, True, True, False, False]
    frame = assumptions.assign(
        parameter=assumptions["parameter"].map(plain_text),
        scope=assumptions["scope"].map(plain_text),
        unit=assumptions["unit"].map(plain_text),
        source=assumptions["source"].map(plain_text),
    )

    def row(record: Mapping[Any, Any]) -> list[str]:
        name, scope, unit = record["parameter"], record["scope"], record["unit"]
        low, mode, high = (_value(record[q], unit, m) for q in ("low", "mode", "high"))
        if low == mode == high:  # a fixed value: once, as the most likely
            low = high = ""
        return [m.parameter(name, scope, roles), low, mode, high, m.unit(unit, name),
                m.source(record["source"])]  # fmt: skip

    general = frame.loc[frame["scope"] == "all"]
    groups: list[tuple[str, Table]] = []
    placed: set[str] = set()
    for topic, names in _TOPICS.items():
        chosen = general.loc[general["parameter"].isin(names)]
        order = {name: i for i, name in enumerate(names)}
        chosen = chosen.iloc[np.argsort(chosen["parameter"].map(order).to_numpy(), kind="stable")]
        placed.update(chosen["parameter"])
        if len(chosen):
            rows = [row(r) for r in chosen.to_dict("records")]
            groups.append((m(f"group.{topic}"), Table(columns, numeric, rows)))
    rest = general.loc[~general["parameter"].isin(placed)]
    if len(rest):
        rows = [row(r) for r in rest.to_dict("records")]
        groups.append((m("group.other"), Table(columns, numeric, rows)))
    for scope, chosen in frame.loc[frame["scope"] != "all"].groupby("scope", sort=False):
        title = m("group.service", service=services.get(str(scope), str(scope)))
        groups.append((title, Table(columns, numeric, [row(r) for r in chosen.to_dict("records")])))
    return groups


def _assumption_keys(assumptions: pd.DataFrame, m: ScenarioMessages) -> Table:
    """The appendix: the assumptions under their file keys, as assumptions.csv has them."""
    return make_table(
        _parameter_values(assumptions, m),
        ["parameter", "scope", "low", "mode", "high", "unit", "description"],
        m,
        labels={"parameter": m("col.key"), "scope": m("col.scope_key")},
        kinds={
            "low": "decimal",
            "mode": "decimal",
            "high": "decimal",
            "scope": "text",
            "unit": "text",
        },
    )


_USAGE_FIELDS = {
    "request": {
        "per_hour": "requests_per_hour", "per_year": "requests_per_year",
        "price": "price_per_request", "energy_wh": "energy_wh_per_request",
    },
    "token": {
        "per_hour": "tokens_per_hour", "per_year": "tokens_per_year",
        "price": "price_per_token", "energy_wh": "energy_wh_per_token",
    },
}  # fmt: skip


def _usage_units(assumptions: pd.DataFrame) -> dict[str, str]:
    """Service id -> ``token`` or ``request``: how the portfolio prices it."""
    tokens = assumptions.loc[assumptions["parameter"].map(plain_text) == "tokens_per_hour", "scope"]
    return {plain_text(scope): "token" for scope in tokens}


def _input_name(
    name: str,
    services: Mapping[str, str],
    roles: Mapping[str, str],
    units: Mapping[str, str],
    m: ScenarioMessages,
) -> str:
    """A sensitivity input (a draws column) in words: ``cs-assistant.adoption.ceiling`` is
    "Customer-service assistant: Adoption ceiling ...", ``e2_weight`` its parameter's name."""
    for ident in sorted(services, key=len, reverse=True):
        if name.startswith(ident + "."):
            field = name[len(ident) + 1 :]
            field = _USAGE_FIELDS[units.get(ident, "request")].get(field, field)
            return m(
                "tornado_input",
                service=services[ident],
                parameter=m.parameter(field, ident, roles),
            )
    return m.parameter(name)


def _exits_text(organisation: pd.DataFrame, m: ScenarioMessages) -> str:
    """Whether anybody leaves other than through attrition, said in words."""
    exits = organisation.loc[organisation["metric"] == "exits", "p90"]
    if not len(exits):
        return ""
    return m("exits_some") if float(exits.fillna(0).abs().max()) > 0 else m("exits_none")


def _wide(
    projection: pd.DataFrame, group_by: str, year: Any, columns: Sequence[tuple[str, str]]
) -> pd.DataFrame:
    """One row per group of ``group_by`` in ``year``: a column ``<metric>_<quantile>`` each.

    Sorted by the first column, largest first (then by name, so ties keep one order).
    """
    rows = projection.loc[(projection["group_by"] == group_by) & (projection["year"] == year)]
    rows = rows.assign(group=rows["group"].map(plain_text))
    wide = pd.DataFrame({"group": pd.unique(rows["group"])})
    for metric, quantile in columns:
        values = rows.loc[rows["metric"] == metric].groupby("group", sort=False)[quantile].first()
        wide[f"{metric}_{quantile}"] = wide["group"].map(values).astype(float)
    first = f"{columns[0][0]}_{columns[0][1]}"
    return wide.sort_values(
        [first, "group"], ascending=[False, True], kind="mergesort", na_position="last"
    ).reset_index(drop=True)


def _group_table(
    projection: pd.DataFrame,
    group_by: str,
    label: str,
    year: Any,
    columns: Sequence[tuple[str, str]],
    m: ScenarioMessages,
    names_of: Mapping[str, str] | None = None,
) -> Table:
    """The groups of ``group_by`` in ``year``, largest first; ``names_of`` maps a group's id
    to its name (services)."""
    wide = _wide(projection, group_by, year, columns)
    if names_of:
        wide["group"] = wide["group"].map(lambda g: names_of.get(g, g))
    wide = wide.rename(columns={"group": label})
    names = [f"{metric}_{quantile}" for metric, quantile in columns]
    kinds: dict[str, ColumnKind] = {
        name: "money" if metric in MONEY_METRICS else "amount"
        for name, (metric, _) in zip(names, columns, strict=True)
    }
    kinds[label] = "text"
    labels = {
        name: f"{m.metric(metric)}{f' ({m.currency})' if metric in MONEY_METRICS else ''} "
        f"{quantile.upper()}"
        for name, (metric, quantile) in zip(names, columns, strict=True)
    }
    return make_table(
        wide.head(TOP_GROUPS),
        [label, *names],
        m,
        total=len(wide),
        labels=labels,
        kinds=kinds,
        more="more_in_projection_csv",
    )


def _coverage(
    coverage: pd.DataFrame, m: ScenarioMessages, names: Mapping[str, str] | None = None
) -> Table:
    """Per service (by name): distinct tasks and occupations it covers, and how tasks
    were linked.

    ``matched_by`` names the way and the item (``task 2578``, ``activity 4.A.2.b.2``,
    ``description: ...``): the ways are counted by their first word, its colon dropped,
    and named in words.
    """
    named = names or {}
    frame = coverage.assign(
        service_id=coverage["service_id"].map(plain_text).map(lambda s: named.get(s, s)),
        task_key=coverage["task_id"]
        .map(plain_text)
        .where(coverage["task_id"].notna(), coverage["task"].map(plain_text)),
        matched_by=coverage["matched_by"]
        .map(plain_text)
        .str.split(" ", n=1)
        .str[0]
        .str.rstrip(":"),
    )
    rows = []
    for service, group in frame.groupby("service_id", sort=True):
        counts = group.drop_duplicates("task_key")["matched_by"].value_counts()
        ways = ", ".join(
            f"{m.text(f'way.{way}', str(way)) if way else '?'}: {m.number(n)}"
            for way, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        )
        rows.append(
            {
                "service_id": service,
                "tasks_covered": group["task_key"].nunique(),
                "occupations": group["onet_soc_code"].dropna().nunique(),
                "matched_by": ways,
            }
        )
    table = pd.DataFrame(rows, columns=["service_id", "tasks_covered", "occupations", "matched_by"])
    return make_table(
        table,
        list(table.columns),
        m,
        kinds={"tasks_covered": "count", "occupations": "count"},
    )


def _sensitivity(
    sensitivity: pd.DataFrame, m: ScenarioMessages
) -> tuple[str, pd.DataFrame, int, list[str]]:
    """The tornado's metric (the first in the frame), its top inputs, their count, the rest."""
    if not len(sensitivity):
        return "", sensitivity, 0, []
    metrics = [str(metric) for metric in pd.unique(sensitivity["metric"])]
    metric = metrics[0]
    rows = sensitivity.loc[sensitivity["metric"].astype(str) == metric]
    order = rows["swing"].astype(float).abs().sort_values(ascending=False, kind="mergesort")
    top = rows.loc[order.index].head(TOP_INPUTS).reset_index(drop=True)
    return metric, top, len(rows), metrics[1:]


def _sensitivity_table(top: pd.DataFrame, total: int, metric: str, m: ScenarioMessages) -> Table:
    result: ColumnKind = "money" if metric in MONEY_METRICS else "amount"
    columns = ["input", "low", "high", "value_low", "value_high", "swing", "spread_share"]
    return make_table(
        top.assign(input=top["input"].map(plain_text)),
        columns,
        m,
        total=total,
        kinds={
            "low": "decimal",
            "high": "decimal",
            "value_low": result,
            "value_high": result,
            "swing": result,
            "spread_share": "pct",
        },
        more="more_in_sensitivity_csv",
    )


def _not_projected(not_projected: pd.DataFrame, m: ScenarioMessages) -> Table:
    """Rows not projected by kind of reason, most frequent first, with the first row's reason."""
    counts = reason_counts(not_projected["reason"])
    return make_table(
        counts.head(TOP_REASONS),
        ["reason", "rows", "example_reason"],
        m,
        total=len(counts),
        more="more_in_not_projected_csv",
    )


def _parameter_values(assumptions: pd.DataFrame, m: ScenarioMessages) -> pd.DataFrame:
    """The assumptions with years (unit ``year``) written as years: 2026, not 2,026."""
    years = assumptions["unit"].map(plain_text).str.strip().str.lower() == "year"
    if not years.any():
        return assumptions
    frame = assumptions.astype({"low": object, "mode": object, "high": object})
    for column in ("low", "mode", "high"):
        numeric = years & frame[column].map(lambda v: isinstance(v, int | float | np.number))
        frame.loc[numeric, column] = frame.loc[numeric, column].map(m.year)
    return frame


def _fans(m: ScenarioMessages) -> dict[str, tuple[Panel, ...]]:
    """The fan charts: name -> panels (metrics sharing an axis, the axis unit)."""
    return {
        "headcount": (Panel(("headcount",), m("axis.headcount"), from_zero=False),),
        "fte": (Panel(("fte_equivalent",), m("axis.fte")),),
        "money": (Panel(("net_benefit", "labour_cost_saved", "ai_cost"), m.currency, money=True),),
        "energy": (
            Panel(("energy_kwh",), m("axis.energy_kwh")),
            Panel(("co2_kg",), m("axis.co2_kg")),
        ),
        "new_roles": (Panel(("new_roles_fte",), m("axis.fte")),),
    }


def _charts(
    projection: ProjectionLike, metric: str, top: pd.DataFrame, m: ScenarioMessages
) -> dict[str, str]:
    """Every chart's HTML by name ('' where there is no data), in the page's order.

    The first chart present carries plotly.js, so the dictionary follows the page.
    """
    organisation = _organisation(projection.projection)
    figures: dict[str, Any] = {}
    if len(projection.waterfall):
        figures["waterfall"] = waterfall(projection.waterfall, m)
    fans = _fans(m)
    for name, panels in fans.items():
        present = [p for p in panels if organisation["metric"].isin(p.metrics).any()]
        if present:
            figures[f"fan_{name}"] = fan_chart(organisation, present, m)
    if len(top):
        figures["tornado"] = tornado(top, metric, m, money=metric in MONEY_METRICS)
    html = dict.fromkeys(["waterfall", *(f"fan_{name}" for name in fans), "tornado"], "")
    html.update(figures_html(figures, "workshift-scenario"))
    return html


def _waterfall_notes(
    waterfall: pd.DataFrame, summary: Mapping[str, Any], first: Any, last: Any,
    m: ScenarioMessages,
) -> list[str]:  # fmt: skip
    """The net change in words, churn without AI and the AI effect with their ranges, the
    steps left out because they are zero and, if the steps do not add up, by how much."""
    if len(waterfall) < 2:
        return []
    values = waterfall["value"].astype(float).to_numpy()
    start, end = float(values[0]), float(values[-1])
    change = end - start
    share = change / start if start else float("nan")
    notes = [
        m(
            "waterfall_net",
            change=signed(change, m.amount(change)),
            pct=signed(share, m.pct(share)),
            start=m.amount(start),
            end=m.amount(end),
        )
    ]
    without = summary.get("without_ai")
    if isinstance(without, Mapping) and {"attrition", "hires", "headcount_end"} <= set(without):
        net = float(without["headcount_end"]["mean"]) - start
        notes.append(
            m(
                "churn_note",
                first=first,
                last=last,
                attrition=m.amount(without["attrition"]["mean"]),
                hires=m.amount(without["hires"]["mean"]),
                net=signed(net, m.amount(net)),
            )
        )
    effect = summary.get("ai_effect_final_year")
    if isinstance(effect, Mapping) and {"p10", "p90", "mean"} <= set(effect):
        notes.append(
            m(
                "ai_effect_note",
                year=last,
                mean=signed(float(effect["mean"]), m.amount(effect["mean"])),
                p10=signed(float(effect["p10"]), m.amount(effect["p10"])),
                p90=signed(float(effect["p90"]), m.amount(effect["p90"])),
            )
        )
    hidden = waterfall.loc[~waterfall.index.isin(shown_steps(waterfall).index), "step"]
    if len(hidden):
        notes.append(m("zero_steps_note", steps=", ".join(m.step(str(s)) for s in hidden)))
    residual = change - float(np.nansum(values[1:-1]))
    if abs(residual) >= 0.5:
        notes.append(m("waterfall_residual", residual=signed(residual, m.amount(residual))))
    return notes


def render_scenario_report(projection: ProjectionLike, lang: str = "en") -> str:
    """The scenario report as an HTML string (see :func:`write_scenario_report`)."""
    check_projection(projection)
    summary = projection.summary
    m = scenario_messages(lang, plain_text(summary["currency"]))
    frame = projection.projection
    first, last = _years(summary, frame)
    organisation = _organisation(frame)
    metric, top, inputs, other_metrics = _sensitivity(projection.sensitivity, m)
    services = _names(summary, "service_names", m)
    roles = _names(summary, "new_role_names", m)
    units = _usage_units(projection.assumptions)
    top = top.assign(
        input=[_input_name(plain_text(n), services, roles, units, m) for n in top["input"]]
    )
    metric_name = m.metric(metric)
    money_text, money = _money(summary, m)
    people, people_notes = _people_basis(summary, m)
    not_projected = projection.not_projected
    context = {
        "lang": m.lang,
        "m": m,
        "first": first,
        "last": last,
        "subtitle": m(
            "scenario_subtitle",
            portfolio_file=plain_text(summary["portfolio_file"]),
            scenario_file=plain_text(summary["scenario_file"]) or m("no_scenario_file"),
        ),
        "meta": m(
            "scenario_meta",
            preset=plain_text(summary["preset"]),
            draws=m.number(summary["draws"]),
            seed=plain_text(summary["seed"]),
            currency=m.currency,
            bundle_version=plain_text(summary["bundle_version"]),
        ),
        "scenario_is": m("scenario_is", draws=m.number(summary["draws"])),
        "exits_text": _exits_text(organisation, m),
        "headlines": _headlines(summary, organisation, last, m),
        "settings": _settings(summary, first, last, m),
        "totals": _totals(summary, m),
        "charts": _charts(projection, metric, top, m),
        "waterfall_notes": _waterfall_notes(projection.waterfall, summary, first, last, m),
        "money_text": money_text,
        "money": money,
        "people": people,
        "people_notes": people_notes,
        "tornado_text": m("tornado_text", metric=metric_name) if metric else "",
        "tornado_spread": m("tornado_spread", metric=metric_name) if metric else "",
        "tornado_others": (
            m("tornado_others", metrics=", ".join(m.metric(name) for name in other_metrics))
            if other_metrics
            else ""
        ),
        "sensitivity": _sensitivity_table(top, inputs, metric, m),
        "assumption_groups": _assumption_groups(projection.assumptions, summary, m),
        "assumption_keys": _assumption_keys(projection.assumptions, m),
        "departments": _group_table(
            frame, "department", "department", last, _DEPARTMENT_COLUMNS, m
        ),
        "services": _group_table(
            frame, "service", "service", last, _SERVICE_COLUMNS, m, names_of=services
        ),
        "coverage": _coverage(projection.coverage, m, services),
        "any_not_projected": len(not_projected) > 0 or _positive(summary["not_projected_rows"]),
        "not_projected_text": m("not_projected_text", rows=m.number(summary["not_projected_rows"])),
        "not_projected": _not_projected(not_projected, m),
        "council_note": council_note(summary, m),
    }
    return render("scenario.html.j2", context)


def write_scenario_report(projection: ProjectionLike, path: str | Path, lang: str = "en") -> Path:
    """Write a scenario projection as one self-contained, offline HTML file.

    Sections: what the report is and is not (a range under stated assumptions, not a
    forecast; exposure is not job loss), the run's settings and headline ranges, the
    waterfall from today's headcount to the projected one, fan charts (P10 to P90 band,
    P50 line) of headcount, FTE freed, money, energy and CO2 and new AI roles, what
    drives the result (tornado), the assumptions, departments and AI services in the
    last year, what each service covers, the rows not projected, and the method.

    Parameters
    ----------
    projection : Projection
        What ``workshift.scenarios.project`` returns, or anything with its frames and
        summary (:class:`~workshift.reports.ProjectionLike`).
    path : str or Path
        The file to write (its folder is created).
    lang : {"en", "de"}
        Language of every text and number format. Money is shown in the summary's
        ``currency``.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ReportDataError
        The projection lacks a frame, column or summary entry (all are named); nothing
        is written.
    ConfigError
        ``lang`` is not a known language.

    Examples
    --------
    ``tests/reports/test_scenario_report.py`` builds a small projection by hand; with a
    real one::

        from workshift.reports import write_scenario_report

        write_scenario_report(projection, "out/scenario/report.html", lang="de")
    """
    text = render_scenario_report(projection, lang)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
