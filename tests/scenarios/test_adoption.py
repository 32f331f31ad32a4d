"""Adoption S-curves: zero before launch, rising with time, approaching the ceiling."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift.scenarios import adoption


def _one(
    launch: float, ceiling: float, midpoint: float, steepness: float, years: list[int]
) -> np.ndarray:
    """One draw's adoption by year."""
    one = adoption(launch, np.array([ceiling]), np.array([midpoint]), np.array([steepness]), years)
    return one[0]


def test_zero_before_launch() -> None:
    a = _one(2028.0, 0.8, 2.0, 1.5, [2025, 2026, 2027, 2028])
    assert a[:3].tolist() == [0.0, 0.0, 0.0]
    assert a[3] > 0


def test_a_mid_year_launch_counts_for_part_of_its_first_year() -> None:
    january = _one(2026.0, 0.8, 2.0, 1.5, [2026])[0]
    july = _one(2026.5, 0.8, 2.0, 1.5, [2026])[0]
    assert 0 < july < january


def test_approaches_the_ceiling() -> None:
    a = _one(2026.0, 0.7, 2.0, 1.5, list(range(2026, 2060)))
    assert a[-1] == pytest.approx(0.7, abs=1e-6)
    assert (a <= 0.7).all()


def test_half_the_ceiling_near_the_midpoint() -> None:
    # The quarters of 2030 lie symmetrically around tau = 4.5, where the logistic is at half.
    a = _one(2026.0, 0.8, 4.5, 4.0, [2030])[0]
    assert a == pytest.approx(0.4, abs=1e-6)


def test_one_row_per_draw() -> None:
    a = adoption(
        2026.0,
        np.array([0.5, 0.9]),
        np.array([2.0, 2.0]),
        np.array([1.0, 1.0]),
        [2026, 2027, 2028],
    )
    assert a.shape == (2, 3)
    assert (a[1] > a[0]).all()


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    launch=st.floats(2020, 2035),
    ceiling=st.floats(0.01, 1),
    midpoint=st.floats(0, 8),
    steepness=st.floats(0.1, 5),
)
def test_monotone_in_time_and_bounded(
    launch: float, ceiling: float, midpoint: float, steepness: float
) -> None:
    years = list(range(2018, 2050))
    a = _one(launch, ceiling, midpoint, steepness, years)
    assert (a >= 0).all()
    assert (a <= ceiling + 1e-12).all()
    assert (np.diff(a) >= -1e-12).all()
    before = np.array(years) + 1 <= launch
    assert (a[before] == 0).all()


@settings(max_examples=40, deadline=None, derandomize=True)
@given(midpoint=st.floats(0.5, 6), shift=st.floats(0.1, 3), steepness=st.floats(0.2, 4))
def test_a_later_midpoint_never_adopts_faster(
    midpoint: float, shift: float, steepness: float
) -> None:
    years = list(range(2026, 2040))
    early = _one(2026.0, 0.8, midpoint, steepness, years)
    late = _one(2026.0, 0.8, midpoint + shift, steepness, years)
    assert (late <= early + 1e-12).all()
