"""Changing one assumption changes the result in the direction a person would expect.

Every comparison runs the synthetic units twice with the same seed: each input has its own
random stream, so only the changed input's draws differ (common random numbers), and the
direction holds draw by draw, not just on average.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from tests.scenarios.synthetic import make_portfolio, make_units, run
from workshift.reference import ReferenceStore
from workshift.scenarios import PRESETS, Assumptions, Portfolio, Units, load_assumptions

YEARS = list(range(2026, 2036))


def _with(assumptions: Assumptions, **values: Any) -> Assumptions:
    return replace(assumptions, values={**assumptions.values, **values})


def _totals(
    units: Units, portfolio: Portfolio, assumptions: Assumptions, **kwargs: Any
) -> dict[str, np.ndarray]:
    """Organisation totals, metric -> draws x years."""
    sim = run(units, portfolio, assumptions, **kwargs)
    return {metric: sim.total(metric) for metric in sim.totals}


def _p50(values: np.ndarray, year: int = -1) -> float:
    return float(np.median(values[:, year]))


# name, value at the low end, value at the high end, metrics that rise, fall, stay equal
ASSUMPTION_CHANGES: list[tuple[str, Any, Any, list[str], list[str], list[str]]] = [
    ("realisation", [0.2, 0.3], [0.7, 0.8],
     ["fte_equivalent", "hours_freed", "need_reduction_fte", "labour_cost_saved",
      "net_benefit", "new_roles_fte"],
     [], ["ai_cost", "energy_kwh", "co2_kg"]),
    ("time_saved", [0.2, 0.3], [0.7, 0.8],
     ["fte_equivalent", "need_reduction_fte", "labour_cost_saved"], [], ["ai_cost"]),
    ("e2_weight", 0.0, 1.0, ["fte_equivalent", "labour_cost_saved"], [], ["ai_cost"]),
    ("capacity_share_automation", 0.3, 0.9,
     ["need_reduction_fte", "labour_cost_saved", "net_benefit"], [],
     ["fte_equivalent", "hours_freed", "ai_cost"]),
    ("adoption_ceiling_scale", 0.6, 1.3,
     ["fte_equivalent", "hours_freed", "ai_cost", "energy_kwh", "co2_kg"], [], []),
    ("adoption_midpoint_shift", -1.0, 2.0, [], ["fte_equivalent", "hours_freed", "ai_cost"],
     []),
    ("renewable_share", 0.0, 0.6, [], ["co2_kg"],
     ["energy_kwh", "ai_cost", "hours_freed", "headcount"]),
    ("grid_gco2_per_kwh", 100, 500, ["co2_kg"], [], ["energy_kwh", "ai_cost"]),
    ("pue", 1.1, 1.6, ["energy_kwh", "co2_kg"], [], ["ai_cost", "hours_freed"]),
    ("attrition_scale", [0.4, 0.6], [1.6, 2.0], ["attrition"], [],
     ["fte_equivalent", "ai_cost"]),
    ("demand_growth", -0.02, 0.03, ["headcount", "hires", "hours_freed"], [], []),
    ("on_cost", 1.1, 1.6, [], [], ["fte_equivalent", "headcount"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "low", "high", "rise", "fall", "same"),
    ASSUMPTION_CHANGES,
    ids=[change[0] for change in ASSUMPTION_CHANGES],
)
def test_one_assumption_moves_the_result_the_expected_way(
    units: Units,
    portfolio: Portfolio,
    base: Assumptions,
    name: str,
    low: Any,
    high: Any,
    rise: list[str],
    fall: list[str],
    same: list[str],
) -> None:
    lower = _totals(units, portfolio, _with(base, **{name: low}))
    higher = _totals(units, portfolio, _with(base, **{name: high}))
    for metric in rise:
        assert (higher[metric] >= lower[metric] - 1e-9).all(), metric
        assert _p50(higher[metric]) > _p50(lower[metric]), metric
        assert higher[metric].sum() > lower[metric].sum(), metric
    for metric in fall:
        assert (higher[metric] <= lower[metric] + 1e-9).all(), metric
        assert _p50(higher[metric]) < _p50(lower[metric]), metric
    for metric in same:
        assert np.array_equal(higher[metric], lower[metric]), metric


def test_higher_realisation_lowers_the_headcount_needed(
    units: Units, portfolio: Portfolio, base: Assumptions
) -> None:
    lower = _totals(units, portfolio, _with(base, realisation=[0.2, 0.3]))
    higher = _totals(units, portfolio, _with(base, realisation=[0.7, 0.8]))
    assert _p50(higher["fte_equivalent"]) > _p50(lower["fte_equivalent"])
    assert _p50(higher["headcount"]) < _p50(lower["headcount"])
    assert higher["hires"].sum() < lower["hires"].sum()


def test_higher_adoption_ceiling_frees_more_hours_at_more_ai_cost(
    units: Units, base: Assumptions
) -> None:
    low = _totals(units, make_portfolio(chat={"adoption": {"ceiling": 0.3}}), base)
    high = _totals(units, make_portfolio(chat={"adoption": {"ceiling": 0.9}}), base)
    for metric in ("hours_freed", "fte_equivalent", "ai_cost", "energy_kwh", "usage"):
        key = metric if metric in low else f"service.{metric}"
        assert (high[key] >= low[key]).all(), metric
        assert _p50(high[key]) > _p50(low[key]), metric


def test_higher_price_raises_ai_cost_and_lowers_net_benefit_not_hours(
    units: Units, base: Assumptions
) -> None:
    cheap = _totals(
        units, make_portfolio(chat={"running_cost": {"price_per_request": 0.002}}), base
    )
    dear = _totals(units, make_portfolio(chat={"running_cost": {"price_per_request": 0.02}}), base)
    assert (dear["ai_cost"] > cheap["ai_cost"]).all()
    assert (dear["net_benefit"] < cheap["net_benefit"]).all()
    for metric in ("hours_freed", "fte_equivalent", "headcount", "energy_kwh", "co2_kg"):
        assert np.array_equal(dear[metric], cheap[metric]), metric


def test_token_price_moves_ai_cost_too(units: Units, base: Assumptions) -> None:
    cheap = _totals(
        units, make_portfolio(ledger={"running_cost": {"price_per_million_tokens": 1}}), base
    )
    dear = _totals(
        units, make_portfolio(ledger={"running_cost": {"price_per_million_tokens": 30}}), base
    )
    # The ledger copilot launches in 2027: from then on its tokens cost money.
    assert np.array_equal(dear["ai_cost"][:, 0], cheap["ai_cost"][:, 0])
    assert (dear["ai_cost"][:, 1:] > cheap["ai_cost"][:, 1:]).all()


def test_fixed_cost_counts_from_launch(units: Units, base: Assumptions) -> None:
    without = _totals(units, make_portfolio(chat={"running_cost": {"fixed_per_year": 0}}), base)
    with_fixed = _totals(units, make_portfolio(), base)  # 20,000 a year from 2026-01-01
    assert np.allclose(with_fixed["ai_cost"] - without["ai_cost"], 20000.0)


def test_a_service_that_covers_nothing_still_costs_its_fixed_cost(
    units: Units, base: Assumptions
) -> None:
    def by_department(fixed: float) -> Any:
        nothing = {"covers": {"tasks": [99999999]}, "running_cost": {"fixed_per_year": fixed}}
        q = run(units, make_portfolio(ledger=nothing), base, quantiles=True).quantiles
        chosen = q["group_by"].isin(["department", "service"]) & (q["metric"] != "usage")
        return q[chosen].set_index(["group_by", "group", "year", "metric"])["mean"]

    extra = by_department(5000.0) - by_department(0.0)
    assert extra[("service", "ledger", 2026, "ai_cost")] == 0.0  # launches in 2027
    assert extra[("service", "ledger", 2027, "ai_cost")] == pytest.approx(5000.0)
    # Charged to the service's business area (Finance), where it covers no work.
    assert extra[("department", "Finance", 2027, "ai_cost")] == pytest.approx(5000.0)
    for department in ("Customer Service", "Warehouse"):
        assert extra[("department", department, 2027, "ai_cost")] == pytest.approx(0.0)
    assert extra.drop("ai_cost", level="metric").drop("net_benefit", level="metric").eq(0).all()


def test_use_per_year_costs_money_and_energy_as_adoption_grows(
    units: Units, base: Assumptions
) -> None:
    def ledger(portfolio: Portfolio) -> Any:
        q = run(units, portfolio, base, quantiles=True).quantiles
        chosen = (q["group_by"] == "service") & (q["group"] == "ledger")
        return q[chosen].set_index(["metric", "year"])["mean"]

    plain = ledger(make_portfolio())
    customers = ledger(make_portfolio(ledger={"running_cost": {"tokens_per_year": 1.0e9}}))
    extra = customers - plain
    assert extra[("ai_cost", 2026)] == 0.0  # launches in 2027
    for metric in ("ai_cost", "energy_kwh", "co2_kg", "usage"):
        rising = extra[metric].loc[2027:].to_numpy()
        assert (rising > 0).all(), metric
        assert (np.diff(rising) >= 0).all(), metric
    for metric in ("hours_freed", "fte_equivalent"):
        assert (extra[metric] == 0).all(), metric


def test_residual_exits_absorb_surplus_that_attrition_does_not(
    units: Units, base: Assumptions
) -> None:
    portfolio = make_portfolio(chat={"adoption": {"ceiling": 0.95, "steepness": 3}})
    lean = _with(
        base,
        attrition_rate=0.01,
        retirement_rate=0.0,
        realisation=0.9,
        time_saved=0.9,
        capacity_share_automation=1.0,
        redeployment_rate=0.1,
    )
    kept = _totals(units, portfolio, _with(lean, exits="none"))
    cut = _totals(units, portfolio, _with(lean, exits="residual"))
    assert (kept["exits"] == 0).all()
    assert _p50(kept["surplus_headcount"]) > 1.0
    assert _p50(cut["exits"].cumsum(axis=1)) > 1.0
    assert _p50(cut["surplus_headcount"]) < _p50(kept["surplus_headcount"])
    assert _p50(cut["headcount"]) < _p50(kept["headcount"])
    # Exits absorb surplus, nothing else: the freed time is the same.
    assert np.array_equal(cut["fte_equivalent"], kept["fte_equivalent"])


def test_later_launch_frees_fewer_hours_early(units: Units, base: Assumptions) -> None:
    early = run(units, make_portfolio(chat={"launch": "2026-01-01"}), base, quantiles=True)
    late = run(units, make_portfolio(chat={"launch": "2029-01-01"}), base, quantiles=True)
    early_hours, late_hours = early.total("hours_freed"), late.total("hours_freed")
    assert (late_hours[:, :4] < early_hours[:, :4]).all()
    q = late.quantiles
    chat = q[(q["group_by"] == "service") & (q["group"] == "chat")]
    chat = chat[chat["metric"] == "hours_freed"].set_index("year")
    assert (chat.loc[[2026, 2027, 2028], ["p10", "p50", "p90", "mean"]] == 0).all().all()
    assert chat.loc[2029, "p50"] > 0


def test_hiring_freeze_lowers_hires_in_its_years(units: Units, base: Assumptions) -> None:
    portfolio = make_portfolio()
    busy = _with(base, attrition_rate=0.15, realisation=[0.1, 0.2])
    free = _totals(units, portfolio, busy)
    frozen = _totals(units, portfolio, _with(busy, hiring_freeze_years=2))
    assert (free["hires"][:, :2] > 0).all()
    assert (frozen["hires"][:, :2] < free["hires"][:, :2]).all()
    assert _p50(frozen["headcount"], 1) < _p50(free["headcount"], 1)
    # Afterwards the roles hire again, to catch up.
    assert (frozen["hires"][:, 2] >= free["hires"][:, 2]).all()
    # Roles the services do not touch keep hiring during the freeze.
    assert (frozen["hires"][:, 0] > 0).all()


def test_more_redeployment_moves_more_people(units: Units, base: Assumptions) -> None:
    portfolio = make_portfolio(chat={"adoption": {"ceiling": 0.95, "steepness": 3}})
    lean = _with(base, attrition_rate=0.01, retirement_rate=0.0, realisation=0.9)
    few = _totals(units, portfolio, _with(lean, redeployment_rate=0.1))
    many = _totals(units, portfolio, _with(lean, redeployment_rate=0.9))
    assert many["moves_out"].sum() > few["moves_out"].sum()
    assert many["moves_out"].sum() > 0


def test_fast_base_slow_presets_are_ordered(units: Units, portfolio: Portfolio) -> None:
    results = {
        preset: _totals(units, portfolio, load_assumptions(preset=preset)) for preset in PRESETS
    }
    for metric in ("fte_equivalent", "hours_freed", "labour_cost_saved"):
        slow, base, fast = (_p50(results[p][metric]) for p in PRESETS)
        assert fast > base > slow, metric
    slow, base, fast = (results[p]["fte_equivalent"].sum(axis=1).mean() for p in PRESETS)
    assert fast > base > slow


def test_scenario_leaving_rates_replace_bls_rates(
    portfolio: Portfolio, base: Assumptions, store: ReferenceStore
) -> None:
    # Nobody leaves: no voluntary leavers anywhere (Finance by its own rate), no retirements.
    still = _with(
        base, attrition_rate=0.0, retirement_rate=0.0, attrition_by_department={"Finance": 0.0}
    )
    units = make_units(portfolio, still, store)
    assert (_totals(units, portfolio, still)["attrition"] == 0).all()


def test_department_rates_win_over_the_scenario_wide_rate(
    portfolio: Portfolio, base: Assumptions, store: ReferenceStore
) -> None:
    rates = _with(
        base,
        attrition_scale=1.0,
        attrition_rate=0.0,
        retirement_rate=0.0,
        attrition_by_department={"Warehouse": 0.2},
        retirement_by_department={"Warehouse": 0.0},
    )
    units = make_units(portfolio, rates, store)
    sim = run(units, portfolio, rates, quantiles=True)
    q = sim.quantiles
    leavers = q[(q["group_by"] == "department") & (q["metric"] == "attrition")]
    first = leavers[leavers["year"] == 2026].set_index("group")["mean"]
    assert first["Warehouse"] == pytest.approx(50 * 0.2)
    assert first["Customer Service"] == 0.0
    assert first["Finance"] == 0.0
