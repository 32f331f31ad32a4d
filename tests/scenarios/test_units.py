"""Simulation units: cells of the workforce and new roles, exposure per occupation x service."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.scenarios.synthetic import (
    BOOKS,
    CSR,
    PACKERS,
    make_analysis,
    make_tasks,
    make_units,
)
from workshift.reference import ReferenceStore
from workshift.scenarios import (
    Assumptions,
    Portfolio,
    Units,
    build_units,
    load_assumptions,
    people_frame,
    task_coverage,
)
from workshift.scenarios._units import NEW_ROLES_DEPARTMENT
from workshift.text import HashingEmbedder

CELL_COLUMNS = {
    "department", "location", "onet_soc_code", "role", "headcount", "cost_per_head",
    "attrition", "retirement", "cost_source", "rate_source", "new_role", "kind", "occupation",
}  # fmt: skip


def _build(portfolio: Portfolio, assumptions: Assumptions, store: ReferenceStore) -> Units:
    analysis = make_analysis()
    found = task_coverage(portfolio, analysis.tasks, store, HashingEmbedder(), 0.55)
    people = people_frame(analysis.workforce.rows, analysis.matches)
    return build_units(people, analysis.tasks, found.coverage, portfolio, store, assumptions)


def test_build_units_warns_nothing(
    portfolio: Portfolio, base: Assumptions, store: ReferenceStore
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _build(portfolio, base, store)


def test_tasks_of_occupations_nobody_holds_free_no_time(
    portfolio: Portfolio, base: Assumptions, store: ReferenceStore, units: Units
) -> None:
    analysis = make_analysis()
    extra = make_tasks().iloc[[0]].assign(onet_soc_code="11-1021.00", occupation="Managers")
    tasks = pd.concat([analysis.tasks, extra], ignore_index=True)
    found = task_coverage(portfolio, tasks, store, HashingEmbedder(), 0.55)
    assert len(tasks) - 1 in found.coverage["task_row"].tolist()
    people = people_frame(analysis.workforce.rows, analysis.matches)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        other = build_units(people, tasks, found.coverage, portfolio, store, base)
    assert other.occupations == units.occupations
    # The managers' copy of task 2578 is covered, but frees nobody's time.
    assert other.covered[1, 0] == pytest.approx(units.covered[1, 0])
    assert other.covered[2].tolist() == [0.0, 0.0]


def test_people_frame_splits_rows_by_occupation_share() -> None:
    analysis = make_analysis()
    people = people_frame(analysis.workforce.rows, analysis.matches)
    split = people[people["input_row"] == 3].set_index("onet_soc_code")
    assert split["heads"].to_dict() == {CSR: 5.0, BOOKS: 5.0}
    assert split["cost"].to_dict() == {CSR: 250000.0, BOOKS: 250000.0}
    assert people["heads"].sum() == analysis.workforce.rows["headcount"].sum()


def test_cells_are_department_location_occupation(units: Units) -> None:
    cells = units.cells
    assert set(cells.columns) >= CELL_COLUMNS
    today = cells[units.existing].set_index(["department", "location", "onet_soc_code"])
    assert today["headcount"].to_dict() == {
        ("Customer Service", "Berlin", CSR): 40.0,
        ("Customer Service", "Leipzig", CSR): 60.0,
        ("Finance", "Berlin", BOOKS): 20.0,
        ("Finance", "Leipzig", BOOKS): 5.0,
        ("Finance", "Leipzig", CSR): 5.0,
        ("Warehouse", "Leipzig", PACKERS): 50.0,
    }
    assert (today["kind"] == "today").all()
    assert units.occupations == [BOOKS, CSR, PACKERS]
    assert units.services == ["chat", "ledger"]
    codes = today.reset_index().set_index("onet_soc_code")["occupation"]
    assert {code: units.occupations[i] for code, i in codes.items()} == {
        code: code for code in codes.index
    }
    assert today.loc[("Customer Service", "Berlin", CSR), "role"] == (
        "Customer Service Representatives"
    )


def test_cost_per_head_from_the_workforce_else_bls(units: Units, base: Assumptions) -> None:
    today = units.cells[units.existing].set_index(["department", "location", "onet_soc_code"])
    berlin = today.loc[("Customer Service", "Berlin", CSR)]
    assert berlin["cost_per_head"] == pytest.approx(45000.0)
    assert berlin["cost_source"] == "workforce annual_cost"
    assert today.loc[("Finance", "Leipzig", CSR), "cost_per_head"] == pytest.approx(50000.0)
    leipzig = today.loc[("Customer Service", "Leipzig", CSR)]  # no annual_cost given
    on_cost = base.uncertain("on_cost").mode
    assert leipzig["cost_per_head"] == pytest.approx(42830.0 * on_cost)  # BLS 2024 median
    assert leipzig["cost_source"] == "BLS median wage x on_cost"


def test_leaving_rates_from_bls(units: Units) -> None:
    today = units.cells[units.existing].set_index("onet_soc_code")
    csr = today.loc[CSR].iloc[0]
    assert csr["attrition"] == pytest.approx(0.074)
    assert csr["retirement"] == pytest.approx(0.056)
    assert csr["rate_source"] == "BLS 43-4051"


def test_new_role_cells_per_location(units: Units) -> None:
    new = units.cells[~units.existing]
    assert (new["department"] == NEW_ROLES_DEPARTMENT).all()
    assert (new["headcount"] == 0).all()
    assert (new["kind"] == "new").all()
    assert (new["occupation"] == -1).all()
    assert set(zip(new["new_role"], new["location"], strict=True)) == {
        (role, location)
        for role in ("ai_engineering", "ai_operations", "content_design")
        for location in ("Berlin", "Leipzig")
    }
    assert (new["cost_per_head"] > 50000).all()


def test_scenario_rates_and_new_role_costs_win(
    tmp_path: Path, portfolio: Portfolio, store: ReferenceStore
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "assumptions:\n  attrition_by_department: {Finance: 0.2}\n"
        "  retirement_by_department: {Warehouse: 0.01}\n"
        "  new_role_cost: {ai_engineering: 99000}\n  on_cost: 1.5\n",
        encoding="utf-8",
    )
    cells = make_units(portfolio, load_assumptions(path), store).cells
    finance = cells[cells["department"] == "Finance"]
    assert (finance["attrition"] == 0.2).all()
    assert (finance["rate_source"] == "scenario attrition_by_department").all()
    assert finance["attrition_set"].all()
    assert not finance["retirement_set"].any()
    warehouse = cells[cells["department"] == "Warehouse"]
    assert (warehouse["retirement"] == 0.01).all()
    assert warehouse["attrition"].tolist() == pytest.approx([0.075])
    assert warehouse["retirement_set"].all()
    assert not warehouse["attrition_set"].any()
    engineering = cells[cells["new_role"] == "ai_engineering"]
    assert (engineering["cost_per_head"] == 99000).all()
    assert (engineering["cost_source"] == "scenario new_role_cost").all()
    leipzig = cells[(cells["department"] == "Customer Service") & (cells["location"] == "Leipzig")]
    assert leipzig["cost_per_head"].iloc[0] == pytest.approx(42830.0 * 1.5)


def test_exposure_is_the_covered_time_weighted_share(units: Units) -> None:
    books, csr, packers = (units.occupations.index(c) for c in (BOOKS, CSR, PACKERS))
    chat, ledger = units.services.index("chat"), units.services.index("ledger")
    # Customer service: weights 2, 2, 2, 1, 2; chat covers 2578 (E2), 2581 (E2), 18565 (E1).
    assert units.covered[csr, chat] == pytest.approx(6 / 9)
    assert units.e1[csr, chat] == pytest.approx(2 / 9)
    assert units.e2[csr, chat] == pytest.approx(4 / 9)
    # Human and GPT-4 disagree on 18565 (E1 vs E2): ((1 - 0.5) / 2)^2 with weight (2/9)^2.
    assert units.variance[csr, chat] == pytest.approx(0.0625 * (2 / 9) ** 2)
    # Books: weights 2, 2, 1, 2; ledger covers 2489, 2490, 2504 (model-scored).
    assert units.covered[books, ledger] == pytest.approx(5 / 7)
    assert units.e1[books, ledger] == pytest.approx((2 * 0.6 + 2 * 0.7 + 0.5) / 7)
    assert units.e2[books, ledger] == pytest.approx((2 * 0.3 + 2 * 0.2 + 0.3) / 7)
    q = np.array([0.75, 0.8, 0.65])  # p_e1 + p_e2 / 2
    expected = ((np.array([2, 2, 1]) / 7) ** 2 * q * (1 - q)).sum()
    assert units.variance[books, ledger] == pytest.approx(expected)
    for array in (units.covered, units.e1, units.e2, units.variance):
        assert array[packers].tolist() == [0.0, 0.0]
        assert array[csr, ledger] == 0.0
        assert array[books, chat] == 0.0
    assert (units.e1 + units.e2 <= units.covered + 1e-12).all()
    assert (units.covered.sum(axis=1) <= 1 + 1e-12).all()


def test_shared_tasks_count_one_kth(base: Assumptions, store: ReferenceStore) -> None:
    from tests.scenarios.synthetic import make_portfolio

    both = make_portfolio(ledger={"covers": {"tasks": [2578], "occupations": []}})
    units = make_units(both, base, store)
    csr = units.occupations.index(CSR)
    # 2578 (weight 2 of 9) is shared: each service counts half of it.
    assert units.covered[csr, 1] == pytest.approx(1 / 9)
    assert units.covered[csr, 0] == pytest.approx(5 / 9)
    assert units.covered[csr].sum() == pytest.approx(6 / 9)


def test_the_other_rater_gives_the_disagreement(
    portfolio: Portfolio, base: Assumptions, store: ReferenceStore
) -> None:
    analysis = make_analysis()
    found = task_coverage(portfolio, analysis.tasks, store, HashingEmbedder(), 0.55)
    people = people_frame(analysis.workforce.rows, analysis.matches)
    frame = analysis.tasks.copy()
    # Rated by GPT-4 instead: 18565 is E2 there and E1 for the human raters.
    frame.loc[frame["task_id"] == 18565, ["label", "p_e1", "p_e2"]] = ["E2", 0.0, 1.0]
    units = build_units(people, frame, found.coverage, portfolio, store, base, rater="gpt4")
    csr = units.occupations.index(CSR)
    assert units.variance[csr, 0] == pytest.approx(0.0625 * (2 / 9) ** 2)
    assert isinstance(units.cells, pd.DataFrame)
