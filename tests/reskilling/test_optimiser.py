"""The redeployment optimiser: known optima, reasons, rules, errors and invariants."""

from __future__ import annotations

import itertools
from collections import Counter
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshift.exceptions import ConfigError, InputDataError
from workshift.reskilling import _solver
from workshift.reskilling._optimiser import (
    REASON_BUDGET,
    REASON_CAPACITY,
    REASON_NO_VALUE,
    REASON_OUT_OF_REACH,
    REASON_PLAN,
    Assignment,
    assign,
)
from workshift.reskilling._sites import allowed_pairs


def _pairs(*rows: tuple[str, str, float, float]) -> pd.DataFrame:
    """Candidates from (employee, opening, fit, cost) with hours = cost / 10."""
    frame = pd.DataFrame(rows, columns=["employee_id", "opening_id", "fit", "training_cost"])
    frame["training_hours"] = frame["training_cost"] / 10
    return frame


def _openings(**capacity: int) -> pd.DataFrame:
    return pd.DataFrame({"opening_id": list(capacity), "capacity": list(capacity.values())})


def _placed(result: Assignment) -> dict[str, str]:
    plan = result.plan[result.plan["status"] == "assigned"]
    return dict(zip(plan["employee_id"], plan["opening_id"], strict=True))


def _reasons(result: Assignment) -> dict[str, str]:
    plan = result.plan[result.plan["status"] == "not_assigned"]
    return dict(zip(plan["employee_id"], plan["reason"], strict=True))


# Known optima


def test_exact_beats_greedy_when_the_best_fit_blocks_a_second_move() -> None:
    candidates = _pairs(("a", "x", 0.9, 0), ("a", "y", 0.6, 0), ("b", "x", 0.8, 0))
    result = assign(candidates, _openings(x=1, y=1), ["a", "b"])
    assert _placed(result) == {"a": "y", "b": "x"}
    assert result.objective == pytest.approx(1.6 + 1.8)
    assert result.greedy_objective == pytest.approx(1.9)  # greedy: a -> x, b left out
    assert result.gain == pytest.approx(1.5)
    assert result.optimal and result.solver.status == "optimal"
    assert result.solver.mip_gap == pytest.approx(0.0, abs=1e-9)


def test_budget_binds_and_the_greedy_spends_it_on_the_cheapest_move() -> None:
    candidates = _pairs(("a", "x", 1.0, 100), ("a", "y", 0.0, 10), ("b", "y", 0.9, 95))
    result = assign(candidates, _openings(x=1, y=1), ["a", "b"], budget=105)
    assert _placed(result) == {"a": "x"}
    assert result.objective == pytest.approx(2.0)
    assert result.budget_used == 100
    assert result.greedy_objective == pytest.approx(1.0)  # a -> y has the best value per cost
    assert _reasons(result) == {"b": REASON_BUDGET}  # y had room, but 95 > the 5 left


def test_the_budget_holds_to_the_unit_beyond_the_solvers_tolerance() -> None:
    # Both moves together overrun a budget of a billion by 500 (5e-7 of it): HiGHS would
    # accept that within its feasibility tolerance.
    candidates = _pairs(("a", "x", 0.5, 5e8), ("b", "x", 0.5, 5e8 + 500))
    result = assign(candidates, _openings(x=2), ["a", "b"], budget=1e9)
    assert _placed(result) == {"a": "x"}
    assert result.budget_used <= 1e9 and result.optimal


def test_capacity_binds_the_best_values_get_the_places() -> None:
    candidates = _pairs(("a", "x", 0.5, 0), ("b", "x", 0.9, 0), ("c", "x", 0.7, 0))
    result = assign(candidates, _openings(x=2), ["a", "b", "c"])
    assert _placed(result) == {"b": "x", "c": "x"}
    assert _reasons(result) == {"a": REASON_CAPACITY}


def test_a_lower_fit_takes_the_place_when_that_keeps_more_people() -> None:
    # a fits x best but needs the whole budget; b (x) and c (y) together are worth more.
    candidates = _pairs(("a", "x", 0.9, 100), ("b", "x", 0.5, 10), ("c", "y", 0.5, 95))
    result = assign(candidates, _openings(x=1, y=1), ["a", "b", "c"], budget=105)
    assert _placed(result) == {"b": "x", "c": "y"}
    assert _reasons(result) == {"a": REASON_PLAN}


def test_priority_changes_who_is_kept() -> None:
    candidates = _pairs(("a", "x", 0.8, 0), ("b", "x", 0.6, 0))
    assert _placed(assign(candidates, _openings(x=1), ["a", "b"])) == {"a": "x"}
    weighted = candidates.assign(priority=[1.0, 1.5])  # b: protected group
    result = assign(weighted, _openings(x=1), ["a", "b"])
    assert _placed(result) == {"b": "x"}
    assert result.objective == pytest.approx(1.5 * 1.6)
    people = pd.DataFrame({"employee_id": ["a", "b"], "priority": [None, 1.5]})
    assert _placed(assign(candidates, _openings(x=1), people)) == {"b": "x"}


def test_retention_value_trades_fit_for_people_kept() -> None:
    # The budget pays for a's excellent move or for b's and c's modest ones.
    candidates = _pairs(("a", "x", 1.0, 100), ("b", "y", 0.3, 50), ("c", "y", 0.3, 50))
    openings = _openings(x=1, y=2)
    kept = assign(candidates, openings, ["a", "b", "c"], budget=100)
    assert _placed(kept) == {"b": "y", "c": "y"}
    fit_only = assign(candidates, openings, ["a", "b", "c"], budget=100, retention_value=0.0)
    assert _placed(fit_only) == {"a": "x"}


def test_everyone_is_in_the_plan_with_a_reason() -> None:
    candidates = _pairs(
        ("a", "x", 0.5, 0),
        ("b", "x", 0.4, 0),
        ("c", "closed", 0.9, 0),  # capacity 0
        ("d", "y", -2.0, 0),  # fit so low that the move is worth nothing
        ("e", "y", 0.5, 500),  # above the whole budget
    )
    result = assign(
        candidates, _openings(x=1, y=1, closed=0), ["f", "a", "b", "c", "d", "e"], budget=100
    )
    assert result.plan["employee_id"].tolist() == ["f", "a", "b", "c", "d", "e"]
    assert _reasons(result) == {
        "f": REASON_OUT_OF_REACH,
        "b": REASON_CAPACITY,
        "c": REASON_CAPACITY,
        "d": REASON_NO_VALUE,
        "e": REASON_BUDGET,
    }
    assert result.plan.loc[result.plan["status"] == "assigned", "reason"].eq("").all()


def test_near_misses_are_the_best_other_openings_by_fit() -> None:
    candidates = _pairs(
        ("a", "w", 0.2, 0), ("a", "x", 0.9, 0), ("a", "y", 0.8, 0), ("a", "z", 0.7, 0),
        ("b", "x", 0.95, 0),
    )  # fmt: skip
    result = assign(candidates, _openings(w=1, x=1, y=0, z=0), ["a", "b"])
    plan = result.plan.set_index("employee_id")
    assert plan.loc["a", "opening_id"] == "w"
    assert plan.loc["a", "near_misses"] == "x=0.9; y=0.8; z=0.7"
    assert plan.loc["b", "near_misses"] == ""


def test_plan_columns_and_carried_candidate_columns() -> None:
    candidates = _pairs(("a", "x", 0.5, 200)).assign(target_code="15-1252.00")
    result = assign(candidates, _openings(x=1), ["a", "b"])
    plan = result.plan
    assert list(plan.columns[:10]) == [
        "employee_id", "status", "opening_id", "fit", "training_cost", "training_hours",
        "priority", "value", "reason", "near_misses",
    ]  # fmt: skip
    assert plan["target_code"].tolist() == ["15-1252.00", None]
    assert plan.loc[0, "training_hours"] == 20.0 and np.isnan(plan.loc[1, "fit"])
    assert result.greedy.columns.tolist() == ["employee_id", "opening_id", "value"]


def test_no_candidates_at_all() -> None:
    empty = _pairs()
    result = assign(empty, _openings(x=1), ["a", "b"], budget=10)
    assert result.plan["status"].eq("not_assigned").all()
    assert result.plan["reason"].eq(REASON_OUT_OF_REACH).all()
    assert result.objective == 0 and result.optimal and result.solver.status == "trivial"


def test_same_input_in_any_row_order_gives_the_same_plan() -> None:
    rng = np.random.default_rng(3)
    candidates = _random_instance(rng, people=30, openings=8)
    openings = _openings(**{f"o{j}": 2 for j in range(8)})
    people = [f"p{i:02d}" for i in range(30)]
    first = assign(candidates, openings, people, budget=800)
    shuffled = candidates.sample(frac=1, random_state=7)
    second = assign(shuffled, openings.iloc[::-1], people[::-1], budget=800)
    assert second.plan["employee_id"].tolist() == people[::-1]
    pd.testing.assert_frame_equal(first.plan, second.plan.iloc[::-1].reset_index(drop=True))
    assert first.greedy.equals(second.greedy)


def test_column_generation_finds_the_same_optimum() -> None:
    rng = np.random.default_rng(5)
    candidates = _random_instance(rng, people=60, openings=30)  # about 15 pairs a person
    openings = _openings(**{f"o{j}": 1 for j in range(30)})
    people = [f"p{i:02d}" for i in range(60)]
    full = assign(candidates, openings, people, budget=1500)
    with mock.patch.object(_solver, "_FULL_LP", 0):
        generated = assign(candidates, openings, people, budget=1500)
    assert generated.solver.lp_pairs < full.solver.lp_pairs
    assert generated.solver.lp_rounds > 1
    assert generated.optimal
    assert generated.objective == pytest.approx(full.objective, abs=1e-6)


def test_a_second_milp_round_when_the_first_core_is_too_small() -> None:
    rng = np.random.default_rng(11)
    candidates = _random_instance(rng, people=40, openings=6)
    openings = _openings(**{f"o{j}": 3 for j in range(6)})
    people = [f"p{i:02d}" for i in range(40)]
    with mock.patch.object(_solver, "_FIRST_CORE", 0.0):
        small = assign(candidates, openings, people, budget=700)
    with mock.patch.object(_solver, "_FIRST_CORE", 1e9):  # every pair in the core
        whole = assign(candidates, openings, people, budget=700)
    assert small.solver.milp_rounds == 2 and small.optimal
    assert small.solver.core_pairs < whole.solver.core_pairs == whole.solver.pairs
    assert small.objective == pytest.approx(whole.objective, abs=1e-6)


def test_time_limit_returns_a_feasible_plan_and_its_gap() -> None:
    rng = np.random.default_rng(2)
    candidates = _random_instance(rng, people=40, openings=6)
    openings = _openings(**{f"o{j}": 3 for j in range(6)})
    people = [f"p{i:02d}" for i in range(40)]
    result = assign(candidates, openings, people, budget=700, time_limit=0.0)
    _check_invariants(result, candidates, openings, people, 700)
    assert result.solver.status in {"optimal", "time limit"}
    assert result.optimal == (result.solver.status == "optimal")
    assert result.solver.mip_gap >= 0


# Location and relocation rules


def test_allowed_pairs_applies_location_and_relocation() -> None:
    people = pd.DataFrame(
        {
            "employee_id": ["stays", "moves", "nowhere", "unknown"],
            "location": ["Berlin ", "Leipzig", "Köln", None],
            "relocation": ["no", "Ja", None, True],
            "country": "DE",
        }
    )
    openings = pd.DataFrame(
        {
            "opening_id": ["b1", "b2", "h1"],
            "location": ["berlin", "Berlin", "Hamburg"],
            "relocation": [1.0, 0.0, 1.0],
            "country": "de ",
        }
    )
    pairs = allowed_pairs(people, openings).drop(columns="abroad")
    assert list(pairs.itertuples(index=False, name=None)) == [
        ("stays", "b1", False),
        ("stays", "b2", False),
        ("moves", "b1", True),
        ("moves", "h1", True),
        ("unknown", "b1", True),
        ("unknown", "h1", True),
    ]
    local = allowed_pairs(people.drop(columns="relocation"), openings, relocation=False)
    assert list(local.drop(columns="abroad").itertuples(index=False, name=None)) == [
        ("stays", "b1", False),
        ("stays", "b2", False),
    ]


def test_allowed_pairs_names_what_is_wrong() -> None:
    people = pd.DataFrame({"employee_id": ["a"], "location": ["X"]})
    openings = pd.DataFrame({"opening_id": ["o"], "location": ["X"], "relocation": ["no"]})
    with pytest.raises(InputDataError, match=r"people: missing column\(s\) relocation"):
        allowed_pairs(people, openings)
    with pytest.raises(InputDataError, match="openings: missing column"):
        allowed_pairs(people, openings.drop(columns="location"), relocation=False)
    bad = people.assign(relocation=["maybe"])
    with pytest.raises(InputDataError, match=r"people, row 1, column 'relocation'"):
        allowed_pairs(bad, openings)
    twice = pd.concat([openings, openings])
    with pytest.raises(InputDataError, match="appears twice"):
        allowed_pairs(bad, twice, relocation=False)


# Errors


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c.drop(columns="fit"), r"candidates: missing column\(s\) fit"),
        (lambda c: c.assign(training_cost=[-1.0, 0]), r"row 1, column 'training_cost'"),
        (lambda c: c.assign(fit=[0.5, "high"]), r"row 2, column 'fit'"),
        (lambda c: c.assign(priority=[0.5, 1]), r"column 'priority'.*>= 1"),
        (lambda c: c.assign(priority=[None, "high"]), r"row 2, column 'priority'"),
        (lambda c: c.assign(employee_id=["a", "a"], opening_id=["x", "x"]), "appears twice"),
        (lambda c: c.assign(employee_id=["a", "zz"]), "'zz' is not in people"),
        (lambda c: c.assign(opening_id=["x", "nope"]), "'nope' is not in openings"),
        (
            lambda c: c.assign(employee_id=["a", "a"], priority=[1, 2]),
            "different priorities",
        ),
    ],
)
def test_bad_candidates_are_named(change, message) -> None:  # type: ignore[no-untyped-def]
    candidates = _pairs(("a", "x", 0.5, 0), ("b", "y", 0.5, 0))
    with pytest.raises(InputDataError, match=message):
        assign(change(candidates), _openings(x=1, y=1), ["a", "b"])


def test_bad_openings_people_and_parameters() -> None:
    candidates = _pairs(("a", "x", 0.5, 0))
    with pytest.raises(InputDataError, match=r"openings, row 1, column 'capacity'"):
        assign(candidates, _openings(x=1).assign(capacity=[1.5]), ["a"])
    with pytest.raises(InputDataError, match="listed twice"):
        assign(candidates, _openings(x=1), ["a", "a"])
    people = pd.DataFrame({"employee_id": ["a"], "priority": [2.0]})
    with pytest.raises(InputDataError, match="give it once"):
        assign(candidates.assign(priority=1.0), _openings(x=1), people)
    for name, number in [("budget", -1.0), ("retention_value", float("nan")), ("mip_gap", -0.1)]:
        with pytest.raises(ConfigError, match=name):
            assign(candidates, _openings(x=1), ["a"], **{name: number})


# Invariants


def _random_instance(rng: np.random.Generator, *, people: int, openings: int) -> pd.DataFrame:
    rows = [
        (f"p{i:02d}", f"o{j}", round(float(rng.random()), 3), float(rng.integers(0, 200)))
        for i in range(people)
        for j in range(openings)
        if rng.random() < 0.5
    ]
    frame = _pairs(*rows)
    frame["priority"] = frame["employee_id"].map(
        {f"p{i:02d}": float(rng.choice([1.0, 1.0, 1.5])) for i in range(people)}
    )
    return frame


def _check_invariants(
    result: Assignment,
    candidates: pd.DataFrame,
    openings: pd.DataFrame,
    people: list[str],
    budget: float | None,
) -> None:
    plan = result.plan
    assert plan["employee_id"].tolist() == people  # nobody lost, nobody twice
    taken = plan[plan["status"] == "assigned"]
    assert set(plan["status"]) <= {"assigned", "not_assigned"}
    used = taken["opening_id"].value_counts()
    capacity = openings.set_index("opening_id")["capacity"]
    assert (used <= capacity.reindex(used.index)).all()  # no capacity exceeded
    allowed = set(zip(candidates["employee_id"], candidates["opening_id"], strict=True))
    assert set(zip(taken["employee_id"], taken["opening_id"], strict=True)) <= allowed
    if budget is not None:
        assert taken["training_cost"].sum() <= budget + 1e-9  # budget respected
    assert (plan.loc[plan["status"] == "not_assigned", "reason"] != "").all()
    assert result.objective == pytest.approx(taken["value"].sum())
    assert result.objective >= result.greedy_objective - 1e-9  # exact >= greedy
    greedy = result.greedy
    assert greedy["employee_id"].is_unique
    assert (greedy["opening_id"].value_counts() <= capacity.reindex(
        greedy["opening_id"].value_counts().index)).all()  # fmt: skip


def _brute_force(
    candidates: pd.DataFrame, openings: pd.DataFrame, budget: float | None, retention: float
) -> float:
    """The best objective by trying every subset of the candidate pairs."""
    capacity = openings.set_index("opening_id")["capacity"].to_dict()
    rows = list(candidates.itertuples(index=False))
    best = 0.0
    for size in range(len(rows) + 1):
        for chosen in itertools.combinations(rows, size):
            who = [r.employee_id for r in chosen]
            if len(set(who)) < len(who):
                continue
            where = Counter(r.opening_id for r in chosen)
            if any(count > capacity[o] for o, count in where.items()):
                continue
            if budget is not None and sum(r.training_cost for r in chosen) > budget:
                continue
            best = max(best, sum(r.priority * (retention + r.fit) for r in chosen))
    return best


@st.composite
def instances(draw: st.DrawFn, max_pairs: int = 30):  # type: ignore[no-untyped-def]
    people = draw(st.integers(1, 8))
    openings = draw(st.integers(1, 4))
    grid = [(i, j) for i in range(people) for j in range(openings)]
    chosen = draw(st.lists(st.sampled_from(grid), unique=True, max_size=max_pairs)) if grid else []
    rows = [
        (
            f"p{i}",
            f"o{j}",
            draw(st.floats(-0.5, 1.0).map(lambda f: round(f, 2))),
            float(draw(st.integers(0, 100))),
        )
        for i, j in chosen
    ]
    candidates = _pairs(*rows)
    priority = {f"p{i}": draw(st.sampled_from([1.0, 1.25, 2.0])) for i in range(people)}
    candidates["priority"] = candidates["employee_id"].map(priority).astype(float)
    capacity = {f"o{j}": draw(st.integers(0, 3)) for j in range(openings)}
    budget = draw(st.none() | st.integers(0, 250).map(float))
    retention = draw(st.sampled_from([0.0, 0.5, 1.0]))
    return candidates, _openings(**capacity), [f"p{i}" for i in range(people)], budget, retention


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_plan_invariants(instance) -> None:  # type: ignore[no-untyped-def]
    candidates, openings, people, budget, retention = instance
    result = assign(candidates, openings, people, budget=budget, retention_value=retention)
    _check_invariants(result, candidates, openings, people, budget)
    assert result.optimal


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_pairs=9), st.booleans())
def test_the_optimum_is_the_brute_force_optimum(instance, generated) -> None:  # type: ignore[no-untyped-def]
    candidates, openings, people, budget, retention = instance
    with mock.patch.object(_solver, "_FULL_LP", -1 if generated else 20_000):
        result = assign(candidates, openings, people, budget=budget, retention_value=retention)
    _check_invariants(result, candidates, openings, people, budget)
    assert result.objective == pytest.approx(
        _brute_force(candidates, openings, budget, retention), abs=1e-6
    )
