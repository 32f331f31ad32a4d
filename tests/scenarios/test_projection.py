"""project() end to end on the synthetic analysis: the report contract, and same seed, same
bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from tests.scenarios.synthetic import make_analysis, make_portfolio
from workshift.reference import ReferenceStore
from workshift.scenarios import (
    NEW_ROLE_COLUMNS,
    PROJECTION_COLUMNS,
    REDUCTION_COLUMNS,
    SENSITIVITY_COLUMNS,
    UNIT_GROUP_COLUMNS,
    UNIT_GROUP_METRICS,
    WATERFALL_COLUMNS,
    Assumptions,
    Portfolio,
    Projection,
    load_assumptions,
    project,
    write_projection,
)
from workshift.text import HashingEmbedder

FILES = (
    "summary.json", "projection.csv", "assumptions.csv", "sensitivity.csv", "waterfall.csv",
    "coverage.csv", "coverage_unresolved.csv", "not_projected.csv", "new_roles.csv",
    "unit_groups.csv", "reductions.csv",
)  # fmt: skip
DRAWS = 150


def _project(
    portfolio: Portfolio,
    store: ReferenceStore,
    seed: int = 1,
    assumptions: Assumptions | None = None,
) -> Projection:
    return project(
        make_analysis(),
        portfolio,
        assumptions or load_assumptions(years="2026-2030"),
        draws=DRAWS,
        seed=seed,
        store=store,
        embedder=HashingEmbedder(),
    )


@pytest.fixture(scope="module")
def projection(portfolio: Portfolio, store: ReferenceStore) -> Projection:
    return _project(portfolio, store)


def test_same_seed_same_bytes_different_seed_different(
    tmp_path: Path, portfolio: Portfolio, store: ReferenceStore
) -> None:
    first = write_projection(_project(portfolio, store, seed=11), tmp_path / "a")
    second = write_projection(_project(portfolio, store, seed=11), tmp_path / "b")
    other = write_projection(_project(portfolio, store, seed=12), tmp_path / "c")
    assert sorted(p.name for p in first.iterdir()) == sorted(FILES)
    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert (first / "projection.csv").read_bytes() != (other / "projection.csv").read_bytes()
    assert (first / "sensitivity.csv").read_bytes() != (other / "sensitivity.csv").read_bytes()
    assert json.loads((other / "summary.json").read_text(encoding="utf-8"))["seed"] == 12


def test_projection_follows_the_contract(projection: Projection) -> None:
    frame = projection.projection
    assert list(frame.columns) == PROJECTION_COLUMNS
    assert set(frame["year"]) == set(range(2026, 2031))
    assert set(frame["group_by"]) == {"organisation", "department", "location", "role", "service"}
    required = {
        "hours_freed", "fte_equivalent", "headcount", "new_roles_fte", "labour_cost_saved",
        "ai_cost", "energy_kwh", "co2_kg", "need_reduction_fte", "attrition", "exits",
        "hires", "moves_in", "moves_out", "surplus_headcount", "new_roles_cost", "net_benefit",
        "usage",
    }  # fmt: skip
    assert required <= set(frame["metric"])
    assert (frame["p10"] <= frame["p50"]).all()
    assert (frame["p50"] <= frame["p90"]).all()
    headcount = projection.metric("headcount")
    assert headcount["year"].tolist() == list(range(2026, 2031))
    assert (headcount["group"] == "organisation").all()
    assert len(projection.metric("headcount", "department")) == 4 * 5
    assert len(projection.metric("headcount", "department", "Finance")) == 5


def test_summary(projection: Projection, portfolio: Portfolio, store: ReferenceStore) -> None:
    summary = projection.summary
    assert summary["years"] == "2026-2030"
    assert (summary["draws"], summary["seed"], summary["preset"]) == (DRAWS, 1, "base")
    assert summary["currency"] == "USD"
    assert summary["headcount_start"] == 180.0
    band = summary["headcount_projected"]
    assert band["p10"] <= band["p50"] <= band["p90"]
    final = projection.metric("headcount").iloc[-1]
    assert band["p50"] == pytest.approx(final["p50"], abs=1e-3)
    assert summary["not_projected_rows"] == 2
    assert summary["input_rows"] == 7
    assert summary["services"] == 2
    assert summary["tasks_covered"] == 6
    assert summary["coverage_unresolved"] == []
    assert summary["policy"] == {
        "redeploy_within": "organisation", "hiring_freeze_years": 0, "exits": "none",
    }  # fmt: skip
    assert summary["bundle_version"] == store.version
    assert summary["portfolio_file"] == portfolio.file
    assert summary["scenario_file"] is None
    assert "not a forecast" in summary["note"]
    for band in summary["cumulative"].values():
        assert band["p10"] <= band["p50"] <= band["p90"]


def test_tables(projection: Projection) -> None:
    assert list(projection.sensitivity.columns) == SENSITIVITY_COLUMNS
    assert list(projection.assumptions.columns) == [
        "parameter", "scope", "low", "mode", "high", "unit", "source", "description",
    ]  # fmt: skip
    assert {"all", "chat", "ledger"} == set(projection.assumptions["scope"])
    assert {"service_id", "onet_soc_code", "occupation", "task_id", "task", "matched_by",
            "similarity", "share"} <= set(projection.coverage.columns)  # fmt: skip
    assert projection.not_projected.to_dict("records") == [
        {"input_row": 5, "reason": "needs review: no candidate; second reason"},
        {"input_row": 6, "reason": "no job title"},
    ]
    assert projection.cells["headcount"].sum() == 180.0


def test_waterfall_adds_up(projection: Projection) -> None:
    frame = projection.waterfall
    assert list(frame.columns) == WATERFALL_COLUMNS
    steps = frame.set_index("step")["value"]
    assert steps.index.tolist() == [
        "headcount_start", "churn_without_ai", "ai_fewer_hires", "ai_fewer_leavers",
        "redeployment_to_new_roles", "exits", "new_roles", "headcount_end",
    ]  # fmt: skip
    assert frame["part"].tolist() == ["start", "churn", *["ai"] * 5, "end"]
    assert steps["headcount_start"] == 180.0
    assert steps["exits"] == 0.0
    assert steps["new_roles"] > 0
    middle = steps.drop(["headcount_start", "headcount_end"]).sum()
    assert steps["headcount_start"] + middle == pytest.approx(steps["headcount_end"], abs=1e-3)
    final = projection.metric("headcount").iloc[-1]
    assert steps["headcount_end"] == pytest.approx(final["mean"], abs=1e-3)


def test_ai_effect_is_the_scenario_less_the_same_draws_without_ai(projection: Projection) -> None:
    """The AI steps add up to the AI effect, and churn is what happens without AI."""
    frame = projection.waterfall
    summary = projection.summary
    ai = frame.loc[frame["part"] == "ai", "value"].sum()
    assert ai == pytest.approx(summary["ai_effect_final_year"]["mean"], abs=1e-3)
    churn = frame.loc[frame["part"] == "churn", "value"].sum()
    without = summary["without_ai"]
    assert 180.0 + churn == pytest.approx(without["headcount_end"]["mean"], abs=1e-3)
    assert without["attrition"]["mean"] > 0 and without["hires"]["mean"] > 0
    band = summary["ai_effect_final_year"]
    assert band["p10"] <= band["p50"] <= band["p90"]
    # The headline and the waterfall use the same statistic: the mean.
    end = frame.set_index("step").loc["headcount_end", "value"]
    assert end == pytest.approx(summary["headcount_projected"]["mean"], abs=1e-3)


def test_people_and_fte_from_the_file_to_the_start(projection: Projection) -> None:
    """The report explains the start headcount with numbers from the data."""
    basis = projection.summary["headcount_basis"]
    assert projection.summary["measure"] == "FTE"
    assert basis["fte_projected"] == projection.summary["headcount_start"] == 180.0
    assert basis["people_input"] - basis["people_not_projected"] == basis["people_projected"]
    assert basis["people_projected"] - basis["part_time_gap"] == pytest.approx(180.0)
    assert basis["rows_input"] == len(make_analysis().workforce.rows)
    assert projection.summary["service_names"] == {
        "chat": "Customer chat", "ledger": "Bookkeeping copilot",
    }  # fmt: skip
    assert projection.summary["new_role_names"]["ai_engineering"]["de"] == "KI-Entwicklung"


def test_new_roles_by_site_add_up_to_the_projection(projection: Projection) -> None:
    """Per draw, the new roles at each site sum to the organisation's: so do their means."""
    frame = projection.new_roles
    assert list(frame.columns) == NEW_ROLE_COLUMNS
    assert (frame["p10"] <= frame["p50"]).all() and (frame["p50"] <= frame["p90"]).all()
    org = projection.metric("new_roles_fte").set_index("year")["mean"]
    by_year = frame.groupby("year")["mean"].sum()
    assert by_year.to_numpy() == pytest.approx(org.loc[by_year.index].to_numpy(), abs=1e-3)
    sites = projection.metric("new_roles_fte", "location").set_index(["year", "group"])["mean"]
    by_site = frame.groupby(["year", "location"])["mean"].sum()
    assert by_site.to_numpy() == pytest.approx(sites.loc[by_site.index].to_numpy(), abs=1e-3)


def test_unit_groups_add_up_to_the_start_and_the_exits(projection: Projection) -> None:
    """Department x occupation group: means add up per draw, so they sum to the
    organisation's today's-roles figures; quantiles are ordered."""
    frame = projection.unit_groups
    assert list(frame.columns) == UNIT_GROUP_COLUMNS
    assert set(frame["metric"]) == set(UNIT_GROUP_METRICS)
    assert frame["occupation_group"].str.fullmatch(r"\d\d-0000").all()
    assert (frame["p10"] <= frame["p50"]).all() and (frame["p50"] <= frame["p90"]).all()

    def org(metric: str) -> pd.Series:
        return projection.metric(metric).set_index("year")["mean"]

    for metric, expected in (
        ("exits", org("exits")),
        ("headcount", org("headcount") - org("new_roles_fte")),
    ):
        summed = frame.loc[frame["metric"] == metric].groupby("year")["mean"].sum()
        assert summed.to_numpy() == pytest.approx(expected.loc[summed.index].to_numpy(), abs=1e-2)


def test_reductions_per_site_are_exits_over_the_horizon_plus_the_final_surplus(
    tmp_path: Path, store: ReferenceStore
) -> None:
    """Under ``exits: residual`` the site reductions' means add up to the organisation's
    exits over the years plus its final-year surplus."""
    path = tmp_path / "cut.yaml"
    path.write_text(
        "assumptions:\n  exits: residual\n  redeployment_rate: 0.1\n  attrition_rate: 0.01\n"
        "  retirement_rate: 0\n  realisation: 0.9\n  time_saved: 0.9\n"
        "  capacity_share_automation: 1.0\n"
    )
    assumptions = load_assumptions(path, years="2026-2030")
    busy = make_portfolio(chat={"adoption": {"ceiling": 0.95, "steepness": 3}})
    projection = _project(busy, store, assumptions=assumptions)
    frame = projection.reductions
    assert list(frame.columns) == REDUCTION_COLUMNS
    assert (frame["p10"] <= frame["p50"]).all() and (frame["p50"] <= frame["p90"]).all()
    org = projection.metric("exits").set_index("year")["mean"].sum()
    org += projection.metric("surplus_headcount").iloc[-1]["mean"]
    assert frame["mean"].sum() == pytest.approx(org, abs=1e-2)
    assert frame["mean"].sum() > 0
    assert frame["mean"].to_numpy() == pytest.approx(
        (frame["exits_mean"] + frame["surplus_end_mean"]).to_numpy(), abs=1e-3
    )


def test_unresolved_coverage_is_reported(store: ReferenceStore) -> None:
    from tests.scenarios.synthetic import make_portfolio

    portfolio = make_portfolio(ledger={"covers": {"tasks": [99999999]}})
    result = _project(portfolio, store)
    assert result.summary["coverage_unresolved"] == [
        {"service_id": "ledger", "item": "task 99999999", "reason": "not an O*NET task id"}
    ]
    assert result.coverage_unresolved["item"].tolist() == ["task 99999999"]
    ledger = result.metric("hours_freed", "service", "ledger")
    assert (ledger["p90"] == 0).all()
    assert isinstance(result.projection, pd.DataFrame)
