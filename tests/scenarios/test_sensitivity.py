"""Sensitivity: the swing of every uncertain input and its share of the spread."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
import pytest

from tests.scenarios.synthetic import policy_of
from workshift.scenarios import (
    SENSITIVITY_COLUMNS,
    Assumptions,
    Portfolio,
    Units,
    design_draws,
    input_ranges,
    sample_draws,
    sensitivity,
    simulate,
)
from workshift.scenarios._sensitivity import SENSITIVITY_METRICS

YEARS = list(range(2026, 2031))


def _sensitivity(
    units: Units, portfolio: Portfolio, assumptions: Assumptions, draws: int = 300
) -> tuple[pd.DataFrame, dict[str, Any]]:
    ranges = input_ranges(assumptions, portfolio)
    sample = sample_draws(ranges, draws, seed=5)
    policy = policy_of(assumptions)
    sim = simulate(units, portfolio, sample, YEARS, policy, quantiles=False)
    totals = {metric: sim.total(metric) for metric in sim.totals}
    frame = sensitivity(units, portfolio, ranges, YEARS, policy, sample, totals)
    return frame, ranges


@pytest.fixture(scope="module")
def drivers(units: Units, portfolio: Portfolio, base: Assumptions) -> pd.DataFrame:
    return _sensitivity(units, portfolio, base)[0]


def test_a_row_for_every_uncertain_input_and_metric(
    drivers: pd.DataFrame, portfolio: Portfolio, base: Assumptions
) -> None:
    ranges = input_ranges(base, portfolio)
    uncertain = {name for name, value in ranges.items() if not value.is_fixed}
    assert list(drivers.columns) == SENSITIVITY_COLUMNS
    assert list(dict.fromkeys(drivers["metric"])) == list(SENSITIVITY_METRICS)
    for metric in SENSITIVITY_METRICS:
        rows = drivers[drivers["metric"] == metric]
        assert len(rows) == len(uncertain)
        assert set(rows["input"]) == uncertain
    assert {"realisation", "chat.adoption.ceiling", "ledger.price"} <= uncertain
    named = drivers.drop_duplicates("input").set_index("input")
    for name in uncertain:
        assert (named.loc[name, "low"], named.loc[name, "high"]) == (
            ranges[name].low,
            ranges[name].high,
        )


def test_fixed_inputs_do_not_appear(drivers: pd.DataFrame) -> None:
    # hours_per_fte is 1720 in the base preset; chat's fixed cost is 20,000 in the portfolio.
    assert "hours_per_fte" not in set(drivers["input"])
    assert "chat.fixed_per_year" not in set(drivers["input"])


def test_an_input_made_fixed_by_the_scenario_disappears(
    units: Units, portfolio: Portfolio, base: Assumptions
) -> None:
    fixed = replace(base, values={**base.values, "realisation": 0.5})
    frame, _ = _sensitivity(units, portfolio, fixed, draws=100)
    assert "realisation" not in set(frame["input"])
    assert "e2_weight" in set(frame["input"])


def test_swings_are_non_negative_and_sorted(drivers: pd.DataFrame) -> None:
    assert (drivers["swing"] >= 0).all()
    assert np.allclose(drivers["swing"], (drivers["value_high"] - drivers["value_low"]).abs())
    for metric in SENSITIVITY_METRICS:
        rows = drivers[drivers["metric"] == metric]
        assert rows["swing"].is_monotonic_decreasing
        assert rows["base"].nunique() == 1


def test_spread_shares_sum_to_one_per_metric(drivers: pd.DataFrame) -> None:
    assert ((drivers["spread_share"] >= 0) & (drivers["spread_share"] <= 1)).all()
    sums = drivers.groupby("metric")["spread_share"].sum()
    for total in sums:
        assert total == pytest.approx(1.0) or total == 0.0


def test_inputs_that_cannot_matter_do_not_swing(drivers: pd.DataFrame) -> None:
    swing = drivers.set_index(["metric", "input"])["swing"]
    assert swing[("fte_equivalent", "chat.energy_wh")] == 0.0
    assert swing[("fte_equivalent", "ledger.price")] == 0.0
    assert swing[("headcount", "chat.price")] == 0.0
    assert swing[("ai_cost", "realisation")] == 0.0
    assert swing[("ai_cost", "ledger.price")] > 0.0
    assert swing[("fte_equivalent", "realisation")] > 0.0


def test_the_widest_input_drives_the_result(
    units: Units, portfolio: Portfolio, base: Assumptions
) -> None:
    wide = replace(base, values={**base.values, "realisation": {"low": 0.05, "high": 0.95}})
    frame, _ = _sensitivity(units, portfolio, wide)
    fte = frame[frame["metric"] == "fte_equivalent"]
    assert "realisation" in fte.head(3)["input"].tolist()
    by_spread = fte.sort_values("spread_share", ascending=False)
    assert "realisation" in by_spread.head(3)["input"].tolist()
    realisation = fte.set_index("input").loc["realisation"]
    assert realisation["value_high"] > realisation["base"] > realisation["value_low"]


def test_design_draws_vary_one_input_at_a_time(portfolio: Portfolio, base: Assumptions) -> None:
    ranges = input_ranges(base, portfolio)
    design, varied = design_draws(ranges)
    assert design.n == 1 + 2 * len(varied)
    assert not design.noise
    for name, value in ranges.items():
        column = design[name]
        if name in varied:
            i = varied.index(name)
            assert column[1 + 2 * i] == value.low
            assert column[2 + 2 * i] == value.high
            others = np.delete(column, [1 + 2 * i, 2 + 2 * i])
            assert (others == value.mode).all()
        else:
            assert (column == value.mode).all()


def test_nothing_uncertain_gives_an_empty_frame(
    units: Units, portfolio: Portfolio, base: Assumptions
) -> None:
    ranges = {name: type(value)(value.mode, value.mode, value.mode)
              for name, value in input_ranges(base, portfolio).items()}  # fmt: skip
    sample = sample_draws(ranges, 5, seed=1)
    policy = policy_of(base)
    sim = simulate(units, portfolio, sample, YEARS, policy, quantiles=False)
    totals = {metric: sim.total(metric) for metric in sim.totals}
    frame = sensitivity(units, portfolio, ranges, YEARS, policy, sample, totals)
    assert frame.empty
    assert list(frame.columns) == SENSITIVITY_COLUMNS
