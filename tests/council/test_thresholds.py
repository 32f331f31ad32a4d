"""The §17 (1) KSchG scale of a staff reduction that is a Betriebsänderung (§111 BetrVG):
band edges, the 10 %-or-more-than-25 rule, the BAG 5 % floor, the BAG's 6 for small
establishments and the enterprise condition, and what is refused."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshift.council import reaches_threshold, reduction_threshold

BANDS = {"21-59": (21, 59), "60-499": (60, 499), "500+": (500, 100_000)}


@pytest.mark.parametrize(
    ("employees", "band", "minimum"),
    [
        (0, "none", 6),
        (20, "none", 6),
        (21, "21-59", 6),
        (59, "21-59", 6),
        (60, "60-499", 6),
        (61, "60-499", 7),  # 10 % is 6.1 people: 7 reach it
        (499, "60-499", 26),
        (500, "500+", 30),
        (600, "500+", 30),  # 5 % is exactly 30
        (601, "500+", 31),  # 5 % is 30.05: the BAG floor bites
        (1000, "500+", 50),
    ],
)
def test_band_edges(employees: int, band: str, minimum: int | None) -> None:
    threshold = reduction_threshold(employees)
    assert (threshold.employees, threshold.band, threshold.minimum) == (employees, band, minimum)


@pytest.mark.parametrize(
    ("employees", "minimum"),
    [(100, 10), (120, 12), (250, 25), (251, 26), (259, 26), (260, 26), (300, 26), (499, 26)],
)
def test_band_2_is_10_percent_or_more_than_25_whichever_is_fewer(
    employees: int, minimum: int
) -> None:
    assert reduction_threshold(employees).minimum == minimum
    assert reaches_threshold(employees, minimum) is True
    assert reaches_threshold(employees, minimum - 1) is False


def test_a_small_establishment_takes_6_and_the_note_says_to_count_the_enterprise() -> None:
    small = reduction_threshold(20)
    assert (small.basis_key, small.note_key) == ("bag.small", "betrvg111.enterprise")
    assert "1 AZR 708/09" in small.basis and "112a" in small.basis
    assert reaches_threshold(20, 6) is True
    assert reaches_threshold(20, 5.9) is False
    assert reaches_threshold(4, 4) is False  # 6 is out of reach for 4 people
    assert reduction_threshold(21).note == ""


@pytest.mark.parametrize("employees", [0, 5, 20])
def test_an_enterprise_of_20_or_fewer_has_no_threshold(employees: int) -> None:
    threshold = reduction_threshold(employees, enterprise=20)
    assert threshold.minimum is None
    assert (threshold.basis_key, threshold.note_key) == (
        "betrvg111.small_enterprise",
        "betrvg111.enterprise",
    )
    assert reaches_threshold(employees, 20, enterprise=20) is None
    assert reaches_threshold(employees, 0, enterprise=employees) is None


@pytest.mark.parametrize("employees", [0, 5, 20, 21, 120, 1000])
def test_an_enterprise_above_20_changes_nothing(employees: int) -> None:
    assert reduction_threshold(employees, enterprise=max(employees, 21)) == reduction_threshold(
        employees
    )


def test_an_enterprise_smaller_than_its_establishment_is_refused() -> None:
    with pytest.raises(ValueError, match="at least the establishment"):
        reduction_threshold(30, enterprise=29)
    with pytest.raises(TypeError, match="enterprise must be a whole number"):
        reduction_threshold(10, enterprise=30.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("employees", "key"),
    [(21, "kschg17.band1"), (60, "kschg17.band2"), (500, "kschg17.band3")],
)
def test_each_band_names_its_rule(employees: int, key: str) -> None:
    assert reduction_threshold(employees).basis_key == key


def test_a_numpy_integer_is_a_whole_number_of_people() -> None:
    assert reduction_threshold(np.int64(120)).minimum == 12
    assert reaches_threshold(np.int64(120), np.float64(12.0)) is True


@pytest.mark.parametrize("employees", [20.0, 120.5, "120", None, True, np.float64(120)])
def test_employees_that_are_no_whole_number_are_refused(employees: object) -> None:
    with pytest.raises(TypeError, match="whole number of people"):
        reduction_threshold(employees)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="whole number of people"):
        reaches_threshold(employees, 5)  # type: ignore[arg-type]


def test_negative_employees_are_refused() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        reduction_threshold(-1)
    with pytest.raises(ValueError, match="0 or more"):
        reaches_threshold(-1, 5)


@pytest.mark.parametrize("reduction", [-1, -0.5, math.nan, math.inf])
def test_a_reduction_must_be_finite_and_not_negative(reduction: float) -> None:
    with pytest.raises(ValueError, match="finite number of people"):
        reaches_threshold(120, reduction)
    with pytest.raises(ValueError, match="finite number of people"):
        reaches_threshold(18, reduction, enterprise=18)  # refused where none applies too


@pytest.mark.parametrize("reduction", ["12", None, True])
def test_a_reduction_must_be_a_number(reduction: object) -> None:
    with pytest.raises(TypeError, match="number of people"):
        reaches_threshold(120, reduction)  # type: ignore[arg-type]


@given(st.sampled_from(sorted(BANDS)), st.data())
def test_the_minimum_grows_with_the_establishment_and_is_the_exact_edge(
    band: str, data: st.DataObject
) -> None:
    low, high = BANDS[band]
    smaller = data.draw(st.integers(low, high - 1), label="smaller")
    larger = data.draw(st.integers(smaller + 1, high), label="larger")
    at_smaller, at_larger = reduction_threshold(smaller), reduction_threshold(larger)
    assert at_smaller.band == at_larger.band == band
    assert at_smaller.minimum is not None and at_larger.minimum is not None
    assert at_smaller.minimum <= at_larger.minimum
    for n, minimum in ((smaller, at_smaller.minimum), (larger, at_larger.minimum)):
        assert 0 < minimum <= n
        assert reaches_threshold(n, minimum) is True
        assert reaches_threshold(n, minimum - 1) is False
        assert reaches_threshold(n, minimum - 0.5) is False  # a projection's fractional people


@given(st.integers(0, 100_000), st.integers(0, 200_000))
def test_the_minimum_follows_the_wording_of_section_17(employees: int, more: int) -> None:
    enterprise = employees + more
    minimum = reduction_threshold(employees, enterprise).minimum
    if enterprise <= 20:
        assert minimum is None  # §111 needs more than 20 in the enterprise
        return
    assert minimum is not None
    if employees <= 20:
        assert minimum == 6  # BAG 1 AZR 708/09: §112a (1) sentence 1 no. 1 BetrVG
    elif employees < 60:
        assert minimum == 6  # more than 5
    elif employees < 500:
        # 10 % of the employees, or more than 25: the smaller number of people that is either
        assert minimum == min(math.ceil(employees / 10 - 1e-9), 26)
        assert minimum * 10 >= employees or minimum == 26
    else:
        # at least 30, and (BAG) at least 5 %
        assert minimum >= 30 and minimum * 20 >= employees
        assert minimum == 30 or (minimum - 1) * 20 < employees
