"""The Monte Carlo engine on small synthetic units: invariants as property tests.

Units are built directly (five cells of three occupations in three departments and two
locations, plus the new-role cells) with random headcounts, leaving rates and exposure, and
simulated under random policies and assumption ranges.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.scenarios.synthetic import make_portfolio, run
from workshift.scenarios import (
    CELL_METRICS,
    GROUP_BYS,
    PROJECTION_COLUMNS,
    SERVICE_METRICS,
    Assumptions,
    Policy,
    Portfolio,
    Simulation,
    Uncertain,
    Units,
    input_ranges,
    load_assumptions,
    new_role_catalogue,
    sample_draws,
    simulate,
)
from workshift.scenarios._units import NEW_ROLES_DEPARTMENT

OCCUPATIONS = ["43-3031.00", "43-4051.00", "53-7064.00"]
TITLES = ["Bookkeepers", "Customer Service Representatives", "Packers"]
EXISTING = [
    ("Customer Service", "Berlin", 1),
    ("Customer Service", "Leipzig", 1),
    ("Finance", "Berlin", 0),
    ("Finance", "Leipzig", 1),
    ("Warehouse", "Leipzig", 2),
]
LOCATIONS = ["Berlin", "Leipzig"]
FLOWS = ("attrition", "exits", "hires", "moves_in", "moves_out")
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True)


@cache
def _portfolio() -> Portfolio:
    return make_portfolio()


@cache
def _base() -> Assumptions:
    return load_assumptions()


def make_cells(
    headcount: list[float],
    attrition: list[float],
    retirement: list[float],
    new_headcount: list[float],
    by_department: list[tuple[bool, bool]],
) -> pd.DataFrame:
    rows = []
    for i, (department, location, occupation) in enumerate(EXISTING):
        rows.append(
            {
                "department": department,
                "location": location,
                "onet_soc_code": OCCUPATIONS[occupation],
                "role": TITLES[occupation],
                "headcount": headcount[i],
                "cost_per_head": 40000.0 + 5000 * i,
                "attrition": attrition[i],
                "retirement": retirement[i],
                "cost_source": "workforce annual_cost",
                "rate_source": "scenario by_department" if any(by_department[i]) else "BLS",
                "attrition_set": by_department[i][0],
                "retirement_set": by_department[i][1],
                "new_role": "",
                "kind": "today",
                "occupation": occupation,
            }
        )
    roles = list(new_role_catalogue().values())
    for j, (role, location) in enumerate((r, loc) for r in roles for loc in LOCATIONS):
        rows.append(
            {
                "department": NEW_ROLES_DEPARTMENT,
                "location": location,
                "onet_soc_code": role.soc_code,
                "role": role.name["en"],
                "headcount": new_headcount[j],
                "cost_per_head": 120000.0,
                "attrition": 0.03,
                "retirement": 0.02,
                "cost_source": "BLS median wage x on_cost",
                "rate_source": f"BLS {role.soc_code}",
                "attrition_set": False,
                "retirement_set": False,
                "new_role": role.id,
                "kind": "new",
                "occupation": -1,
            }
        )
    frame = pd.DataFrame(rows)
    frame["cell"] = [f"{i:02d}" for i in range(len(frame))]  # groups of one, for cell checks
    return frame


@dataclass
class Case:
    units: Units
    ranges: dict[str, Uncertain]
    policy: Policy
    years: list[int]
    draws: int
    seed: int


def _uncertain(low: float, high: float) -> st.SearchStrategy[Uncertain]:
    return st.lists(st.floats(low, high), min_size=3, max_size=3).map(
        lambda v: Uncertain(*sorted(v))
    )


@st.composite
def cases(draw: st.DrawFn) -> Case:
    n_cells, n_new = len(EXISTING), 3 * len(LOCATIONS)
    heads = st.floats(0.0, 300.0)
    rate = st.floats(0.0, 0.3)
    cells = make_cells(
        draw(st.lists(heads, min_size=n_cells, max_size=n_cells)),
        draw(st.lists(rate, min_size=n_cells, max_size=n_cells)),
        draw(st.lists(st.floats(0.0, 0.1), min_size=n_cells, max_size=n_cells)),
        draw(st.lists(st.floats(0.0, 5.0), min_size=n_new, max_size=n_new)),
        draw(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=n_cells, max_size=n_cells)),
    )
    shape = (len(OCCUPATIONS), 2)
    size = shape[0] * shape[1]
    unit = st.lists(st.floats(0.0, 1.0), min_size=size, max_size=size)
    covered = np.array(draw(unit)).reshape(shape)
    covered /= np.maximum(covered.sum(axis=1, keepdims=True), 1.0)  # at most all task time
    e1_part = np.array(draw(unit)).reshape(shape)
    e2_part = np.array(draw(unit)).reshape(shape) * (1 - e1_part)
    variance = np.array(draw(st.lists(st.floats(0.0, 0.05), min_size=size, max_size=size)))
    units = Units(
        cells,
        OCCUPATIONS,
        ["chat", "ledger"],
        covered,
        covered * e1_part,
        covered * e2_part,
        variance.reshape(shape),
    )
    ranges = input_ranges(_base(), _portfolio())
    ranges.update(
        realisation=draw(_uncertain(0.0, 1.0)),
        e2_weight=draw(_uncertain(0.0, 1.0)),
        attrition_scale=draw(_uncertain(0.0, 3.0)),
        redeployment_rate=draw(_uncertain(0.0, 1.0)),
        demand_growth=draw(_uncertain(-0.2, 0.2)),
        capacity_share_automation=draw(_uncertain(0.0, 1.0)),
        capacity_share_augmentation=draw(_uncertain(0.0, 1.0)),
    )
    if draw(st.booleans()):
        ranges["attrition_rate"] = draw(_uncertain(0.0, 0.3))
    if draw(st.booleans()):
        ranges["retirement_rate"] = draw(_uncertain(0.0, 0.1))
    policy = Policy(
        redeploy_within=draw(st.sampled_from(["organisation", "location", "department"])),
        hiring_freeze_years=draw(st.integers(0, 3)),
        exits=draw(st.sampled_from(["none", "residual"])),
    )
    first = draw(st.integers(2024, 2030))
    years = list(range(first, first + draw(st.integers(1, 6))))
    return Case(units, ranges, policy, years, draw(st.integers(1, 12)), draw(st.integers(0, 99)))


def _simulate(case: Case) -> Simulation:
    draws = sample_draws(case.ranges, case.draws, case.seed)
    return simulate(case.units, _portfolio(), draws, case.years, case.policy)


def _per_cell(case: Case) -> Simulation:
    """Per-draw totals of every cell (draws x years x cells), no quantiles."""
    draws = sample_draws(case.ranges, case.draws, case.seed)
    return simulate(
        case.units, _portfolio(), draws, case.years, case.policy,
        group_bys=("cell",), quantiles=False,
    )  # fmt: skip


def _means(sim: Simulation) -> pd.DataFrame:
    """group_by, group, year -> one column per metric (the mean over draws)."""
    return sim.quantiles.pivot_table(
        index=["group_by", "group", "year"], columns="metric", values="mean", aggfunc="first"
    )


def _start(cells: pd.DataFrame, group_by: str) -> pd.Series:
    keys = (
        pd.Series("organisation", index=cells.index)
        if group_by == "organisation"
        else cells[group_by].astype(str)
    )
    return cells["headcount"].groupby(keys).sum()


@SETTINGS
@given(cases())
def test_quantiles_are_ordered(case: Case) -> None:
    q = _simulate(case).quantiles
    assert list(q.columns) == PROJECTION_COLUMNS
    assert not q[["p10", "p50", "p90", "mean"]].isna().any().any()
    assert (q["p10"] <= q["p50"]).all()
    assert (q["p50"] <= q["p90"]).all()
    assert np.isfinite(q["mean"]).all()


@SETTINGS
@given(cases())
def test_flows_are_conserved_per_group_and_year(case: Case) -> None:
    means = _means(_simulate(case))
    cells = case.units.cells
    for group_by in GROUP_BYS:
        start = _start(cells, group_by)
        for group, previous in start.items():
            for year in case.years:
                row = means.loc[(group_by, group, year)]
                expected = (
                    previous
                    - row["attrition"]
                    - row["exits"]
                    + row["hires"]
                    + row["moves_in"]
                    - row["moves_out"]
                )
                scale = 1.0 + abs(previous) + sum(abs(row[f]) for f in FLOWS)
                assert row["headcount"] == pytest.approx(expected, abs=1e-9 * scale), (
                    group_by,
                    group,
                    year,
                )
                previous = row["headcount"]


@SETTINGS
@given(cases())
def test_no_negative_headcount_hires_moves_or_exits(case: Case) -> None:
    q = _simulate(case).quantiles
    chosen = q["metric"].isin(["headcount", "hires", "moves_in", "moves_out", "exits",
                               "attrition", "surplus_headcount", "new_roles_fte"])  # fmt: skip
    assert (q.loc[chosen, ["p10", "p50", "p90", "mean"]] >= -1e-9).all().all()
    # Every cell in every draw, not just the groups.
    cells = _per_cell(case)
    for metric in ("headcount", "hires", "moves_in", "moves_out", "exits", "attrition",
                   "surplus_headcount"):  # fmt: skip
        assert (cells.totals[metric] >= -1e-9).all(), metric


@SETTINGS
@given(cases())
def test_flows_are_conserved_per_cell_and_draw(case: Case) -> None:
    cells = _per_cell(case)
    t = cells.totals
    previous = np.broadcast_to(case.units.cells["headcount"].to_numpy(), t["headcount"][:, 0].shape)
    for y in range(len(case.years)):
        expected = (
            previous - t["attrition"][:, y] - t["exits"][:, y] + t["hires"][:, y]
            + t["moves_in"][:, y] - t["moves_out"][:, y]
        )  # fmt: skip
        assert np.allclose(t["headcount"][:, y], expected, rtol=1e-9, atol=1e-9)
        previous = t["headcount"][:, y]


@SETTINGS
@given(cases())
def test_groups_add_up_to_the_organisation(case: Case) -> None:
    sim = _simulate(case)
    q = sim.quantiles
    org = q[q["group_by"] == "organisation"].set_index(["year", "metric"])["mean"]
    for group_by in ("department", "location", "role"):
        summed = q[q["group_by"] == group_by].groupby(["year", "metric"])["mean"].sum()
        assert np.allclose(summed.loc[org.index], org, rtol=1e-9, atol=1e-6), group_by
    services = q[q["group_by"] == "service"].groupby(["year", "metric"])["mean"].sum()
    for metric in ("hours_freed", "fte_equivalent", "ai_cost", "energy_kwh", "co2_kg"):
        for year in case.years:
            assert services[(year, metric)] == pytest.approx(
                org[(year, metric)], rel=1e-6, abs=1e-6
            ), metric


@SETTINGS
@given(cases())
def test_moves_stay_within_the_redeployment_scope(case: Case) -> None:
    means = _means(_simulate(case))
    org = means.loc["organisation"]
    assert np.allclose(org["moves_in"], org["moves_out"], rtol=1e-9, atol=1e-9)
    scope = case.policy.redeploy_within
    if scope == "location":
        locations = means.loc["location"]
        assert np.allclose(locations["moves_in"], locations["moves_out"], rtol=1e-9, atol=1e-9)
    if scope == "department":
        # Within a department, and from any department into the new roles.
        departments = means.loc["department"].drop(NEW_ROLES_DEPARTMENT, level="group")
        assert (departments["moves_in"] <= departments["moves_out"] + 1e-9).all()


def test_projection_frame_covers_every_metric_group_and_year(
    units: Units, portfolio: Portfolio
) -> None:
    a = load_assumptions(years="2026-2028")
    sim = run(units, portfolio, a, draws=20, quantiles=True)
    q = sim.quantiles
    assert list(q.columns) == PROJECTION_COLUMNS
    assert set(q["group_by"]) == {*GROUP_BYS, "service"}
    assert set(q["year"]) == {2026, 2027, 2028}
    cell_rows = q[q["group_by"] != "service"]
    assert set(cell_rows["metric"]) == set(CELL_METRICS)
    assert set(q.loc[q["group_by"] == "service", "metric"]) == set(SERVICE_METRICS)
    assert set(q.loc[q["group_by"] == "service", "group"]) == {"chat", "ledger"}
    assert set(q.loc[q["group_by"] == "department", "group"]) == {
        "Customer Service", "Finance", "Warehouse", NEW_ROLES_DEPARTMENT,
    }  # fmt: skip
    assert set(q.loc[q["group_by"] == "location", "group"]) == {"Berlin", "Leipzig"}
    assert not q.duplicated(["year", "group_by", "group", "metric"]).any()
    assert sim.totals["headcount"].shape == (20, 3, 1)
    assert sim.total("headcount").shape == (20, 3)


def test_hours_freed_are_fte_times_hours(units: Units, portfolio: Portfolio) -> None:
    sim = run(units, portfolio, load_assumptions(), draws=50)
    assert np.allclose(sim.total("hours_freed"), sim.total("fte_equivalent") * 1720)
    assert (sim.total("need_reduction_fte") <= sim.total("fte_equivalent") + 1e-9).all()
    assert (sim.total("fte_equivalent") > 0).all()


def test_new_roles_free_no_time_and_hold_the_new_role_headcount(
    units: Units, portfolio: Portfolio
) -> None:
    sim = run(units, portfolio, load_assumptions(), draws=50, quantiles=True)
    q = sim.quantiles
    new = q[(q["group_by"] == "department") & (q["group"] == NEW_ROLES_DEPARTMENT)]
    new = new.set_index(["year", "metric"])["mean"]
    org = q[q["group_by"] == "organisation"].set_index(["year", "metric"])["mean"]
    for year in range(2026, 2036):
        assert new[(year, "hours_freed")] == 0
        assert new[(year, "labour_cost_saved")] == 0
        assert new[(year, "new_roles_fte")] == pytest.approx(new[(year, "headcount")])
        assert org[(year, "new_roles_fte")] == pytest.approx(new[(year, "headcount")])
        assert new[(year, "new_roles_cost")] == pytest.approx(org[(year, "new_roles_cost")])
    assert new[(2035, "headcount")] > 0


def test_net_benefit_is_savings_less_costs(units: Units, portfolio: Portfolio) -> None:
    sim = run(units, portfolio, load_assumptions(), draws=50)
    expected = sim.total("labour_cost_saved") - sim.total("ai_cost") - sim.total("new_roles_cost")
    assert np.allclose(sim.total("net_benefit"), expected)


def test_one_draw_works(units: Units, portfolio: Portfolio) -> None:
    sim = run(units, portfolio, load_assumptions(years="2026-2027"), draws=1, quantiles=True)
    q = sim.quantiles
    assert (q["p10"] == q["p90"]).all()
    assert (q["p50"] == q["mean"]).all()


@given(
    st.integers(min_value=1, max_value=300),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=0, max_value=2**32 - 1),
)
@settings(max_examples=25, deadline=None)
def test_quantiles_do_not_depend_on_n_jobs(groups: int, draws: int, seed: int) -> None:
    from workshift import config_context
    from workshift.scenarios._engine import _quantiles

    values = np.random.default_rng(seed).integers(0, 5, size=(groups, draws)).astype(float)
    with config_context(n_jobs=1):
        one = _quantiles(values)
    with config_context(n_jobs=4):
        four = _quantiles(values)
    assert np.array_equal(one, four)
