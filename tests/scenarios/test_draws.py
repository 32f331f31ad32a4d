"""Uncertain inputs by name, the preset's levers, and seeded Monte Carlo draws."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.scenarios.synthetic import make_portfolio
from workshift.scenarios import (
    Assumptions,
    Portfolio,
    Uncertain,
    input_ranges,
    load_assumptions,
    sample_draws,
)
from workshift.scenarios._draws import GLOBAL_INPUTS, resolve


def test_every_global_and_service_input_is_named(portfolio: Portfolio, base: Assumptions) -> None:
    ranges = input_ranges(base, portfolio)
    assert list(ranges)[: len(GLOBAL_INPUTS)] == list(GLOBAL_INPUTS)
    for service in ("chat", "ledger"):
        for name in ("adoption.ceiling", "adoption.midpoint", "adoption.steepness",
                     "per_hour", "price", "energy_wh", "fixed_per_year"):  # fmt: skip
            assert f"{service}.{name}" in ranges
    assert ranges["chat.new_roles.ai_operations.per_100_fte_freed"] == Uncertain(1.0, 2.0, 3.0)
    assert ranges["chat.new_roles.ai_engineering.fte"] == Uncertain(1.0, 1.5, 2.0)
    # Fields the portfolio leaves empty use the scenario-wide input.
    assert "chat.time_saved" not in ranges
    assert "chat.pue" not in ranges
    assert "attrition_rate" not in ranges


def test_service_fields_win_over_scenario_wide_ones(base: Assumptions) -> None:
    portfolio = make_portfolio(chat={"time_saved": 0.8, "running_cost": {"pue": 1.05}})
    ranges = input_ranges(base, portfolio)
    assert ranges["chat.time_saved"] == Uncertain(0.8, 0.8, 0.8)
    draws = sample_draws(ranges, 10, seed=1)
    assert (resolve(draws, "chat", "time_saved") == 0.8).all()
    assert (resolve(draws, "chat", "pue") == 1.05).all()
    assert (resolve(draws, "ledger", "pue") == 1.2).all()  # base preset
    assert np.array_equal(resolve(draws, "ledger", "time_saved"), draws["time_saved"])


def test_preset_levers_apply_to_every_service(portfolio: Portfolio) -> None:
    base = input_ranges(load_assumptions(), portfolio)
    fast = input_ranges(load_assumptions(preset="fast"), portfolio)
    slow = input_ranges(load_assumptions(preset="slow"), portfolio)
    # Ceiling 0.5/0.7/0.9 times 1.2, capped at 1; times 0.7.
    assert fast["chat.adoption.ceiling"] == Uncertain(0.6, 0.84, 1.0)
    assert slow["chat.adoption.ceiling"].high == pytest.approx(0.63)
    # Midpoint 1.5/2/2.5 a year earlier; two years later.
    assert fast["chat.adoption.midpoint"] == Uncertain(0.5, 1.0, 1.5)
    assert slow["chat.adoption.midpoint"] == Uncertain(3.5, 4.0, 4.5)
    assert fast["ledger.adoption.steepness"].mode == pytest.approx(1.5 * 1.3)
    assert base["chat.adoption.ceiling"] == Uncertain(0.5, 0.7, 0.9)


def test_midpoints_never_go_below_launch(portfolio: Portfolio, base: Assumptions) -> None:
    early = replace(base, values={**base.values, "adoption_midpoint_shift": -5.0})
    ranges = input_ranges(early, portfolio)
    assert ranges["chat.adoption.midpoint"] == Uncertain(0.0, 0.0, 0.0)


def test_optional_rates_become_inputs(portfolio: Portfolio, base: Assumptions) -> None:
    rates = replace(base, values={**base.values, "attrition_rate": [0.05, 0.15]})
    assert input_ranges(rates, portfolio)["attrition_rate"] == Uncertain(0.05, 0.1, 0.15)


def test_draws_are_seeded(portfolio: Portfolio, base: Assumptions) -> None:
    ranges = input_ranges(base, portfolio)
    a, b = sample_draws(ranges, 50, seed=4), sample_draws(ranges, 50, seed=4)
    c = sample_draws(ranges, 50, seed=5)
    assert a.n == 50
    assert a.seed == 4
    assert a.noise
    for name, value in ranges.items():
        assert np.array_equal(a[name], b[name]), name
        assert (a[name] >= value.low).all()
        assert (a[name] <= value.high).all()
        if not value.is_fixed:
            assert not np.array_equal(a[name], c[name]), name


def test_changing_one_range_changes_only_its_draws(portfolio: Portfolio, base: Assumptions) -> None:
    ranges = input_ranges(base, portfolio)
    wider = {**ranges, "realisation": Uncertain(0.1, 0.5, 0.9)}
    a, b = sample_draws(ranges, 50, seed=4), sample_draws(wider, 50, seed=4)
    for name in ranges:
        if name != "realisation":
            assert np.array_equal(a[name], b[name]), name
    assert not np.array_equal(a["realisation"], b["realisation"])


def test_at_least_one_draw(portfolio: Portfolio, base: Assumptions) -> None:
    with pytest.raises(ValueError, match="draws must be at least 1, got 0"):
        sample_draws(input_ranges(base, portfolio), 0, seed=1)
