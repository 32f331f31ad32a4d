"""Uncertain inputs: the three written forms, their errors, and sampling inside the range."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift.scenarios import Uncertain


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.5, Uncertain(0.5, 0.5, 0.5)),
        (3, Uncertain(3.0, 3.0, 3.0)),
        ([0.2, 0.6], Uncertain(0.2, 0.4, 0.6)),
        ((1, 3), Uncertain(1.0, 2.0, 3.0)),
        ({"low": 0.2, "high": 0.6}, Uncertain(0.2, 0.4, 0.6)),
        ({"low": 0.2, "mode": 0.3, "high": 0.6}, Uncertain(0.2, 0.3, 0.6)),
        (Uncertain(1.0, 2.0, 4.0), Uncertain(1.0, 2.0, 4.0)),
    ],
)
def test_parse_forms(value: object, expected: Uncertain) -> None:
    assert Uncertain.parse(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "expected a number, got True"),
        ("0.5", "expected a number, \\[low, high\\] or \\{low, mode, high\\}"),
        ([0.1, 0.2, 0.3], "expected a number, \\[low, high\\]"),
        ({"low": 0.1}, "expected a number, \\[low, high\\]"),
        (None, "expected a number"),
        ([0.8, 0.2], "needs low <= mode <= high, got low=0.8"),
        ({"low": 0.2, "mode": 0.9, "high": 0.6}, "needs low <= mode <= high"),
        (float("nan"), "needs low <= mode <= high"),
    ],
)
def test_parse_errors(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Uncertain.parse(value)


def test_fixed_values_sample_as_constants() -> None:
    fixed = Uncertain.parse(1720)
    assert fixed.is_fixed
    assert fixed.mean == 1720
    draws = fixed.sample(np.random.default_rng(0), 5)
    assert draws.tolist() == [1720.0] * 5


def test_helpers() -> None:
    u = Uncertain(0.2, 0.5, 0.8)
    assert not u.is_fixed
    assert u.mean == pytest.approx(0.5)
    assert u.scaled(2.0, upper=1.0) == Uncertain(0.4, 1.0, 1.0)
    assert u.scaled(0.5) == Uncertain(0.1, 0.25, 0.4)
    assert u.shifted(1.0) == Uncertain(1.2, 1.5, 1.8)
    assert u.within(0.0, 1.0)
    assert not u.within(0.3, 1.0)
    assert not u.within(0.0, 0.7)


@settings(max_examples=50, deadline=None, derandomize=True)
@given(
    low=st.floats(-100, 100),
    width=st.floats(0.001, 100),
    at=st.floats(0, 1),
    seed=st.integers(0, 2**32 - 1),
)
def test_samples_stay_within_bounds_and_centre_on_the_mean(
    low: float, width: float, at: float, seed: int
) -> None:
    u = Uncertain(low, low + at * width, low + width)
    draws = u.sample(np.random.default_rng(seed), 4000)
    assert draws.shape == (4000,)
    assert (draws >= u.low).all()
    assert (draws <= u.high).all()
    # The triangular sd is at most width / sqrt(18); 5 standard errors of the mean.
    assert abs(draws.mean() - u.mean) <= 5 * width / np.sqrt(18) / np.sqrt(4000)


def test_same_generator_state_same_draws() -> None:
    u = Uncertain(0.0, 0.3, 1.0)
    a = u.sample(np.random.default_rng(7), 10)
    b = u.sample(np.random.default_rng(7), 10)
    assert (a == b).all()
