"""`workshift scenario` end to end on the shipped example (its rows with occupation codes,
so the title matcher is not needed), the portfolio and the scenario file."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift.cli import app
from workshift.exceptions import InputDataError
from workshift.pipeline import Analysis, analyze
from workshift.scenarios import (
    PROJECTION_COLUMNS,
    Projection,
    load_assumptions,
    project,
    read_portfolio,
)

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture(scope="module")
def coded_workforce(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example workforce's rows that carry an occupation code, plus two bad rows."""
    rows = pd.read_csv(EXAMPLES / "workforce.csv", dtype=str, keep_default_na=False)
    coded = rows.loc[rows["occupation_code"] != ""]
    bad = coded.head(2).assign(occupation_code=["99-9999", ""], job_title="")
    path = tmp_path_factory.mktemp("workforce") / "coded_workforce.csv"
    pd.concat([coded, bad]).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def analysis(coded_workforce: Path) -> Analysis:
    return analyze(coded_workforce, tasks=EXAMPLES / "role_tasks.csv")


def _project(
    analysis: Analysis, scenario: Path | None = EXAMPLES / "scenario.yaml", **changes: object
) -> Projection:
    """The example scenario (which states the EUR rate of the German sites), changed."""
    assumptions = load_assumptions(scenario)
    if changes:
        values = {**assumptions.values, **changes}
        assumptions = type(assumptions)(
            values, assumptions.sources, assumptions.preset, assumptions.years,
            assumptions.description, assumptions.service_overrides, assumptions.scenario_file,
        )  # fmt: skip
    portfolio = read_portfolio(EXAMPLES / "portfolio.yaml")
    return project(analysis, portfolio, assumptions, draws=200, seed=3)


def _final(projection: Projection, metric: str) -> float:
    frame = projection.metric(metric)
    return float(frame.loc[frame["year"] == frame["year"].max(), "p50"].iloc[0])


@pytest.mark.slow  # a whole-example end-to-end run
def test_cli_writes_every_output_and_accounts_for_every_row(
    coded_workforce: Path, tmp_path: Path
) -> None:
    out = tmp_path / "scenario"
    result = runner.invoke(
        app,
        [
            "scenario", str(coded_workforce),
            "--portfolio", str(EXAMPLES / "portfolio.yaml"),
            "--scenario", str(EXAMPLES / "scenario.yaml"),
            "--tasks", str(EXAMPLES / "role_tasks.csv"),
            "--years", "2026-2030", "--draws", "200", "--seed", "1", "--output", str(out),
        ],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    projection = pd.read_csv(out / "projection.csv")
    assert list(projection.columns) == PROJECTION_COLUMNS
    assert set(projection["year"]) == set(range(2026, 2031))
    assert {"organisation", "department", "location", "role", "service"} <= set(
        projection["group_by"]
    )
    for metric in ("hours_freed", "fte_equivalent", "headcount", "new_roles_fte",
                   "labour_cost_saved", "ai_cost", "energy_kwh", "co2_kg"):  # fmt: skip
        assert metric in set(projection["metric"]), metric
    assert (projection["p10"] <= projection["p50"] + 1e-9).all()
    assert (projection["p50"] <= projection["p90"] + 1e-9).all()
    summary = json.loads((out / "summary.json").read_text())
    assert summary["not_projected_rows"] == 2
    not_projected = pd.read_csv(out / "not_projected.csv")
    assert len(not_projected) == 2
    assert "99-9999" in " ".join(not_projected["reason"])
    # Projected headcount plus the rows not projected is the whole file.
    rows = pd.read_csv(coded_workforce)
    assert summary["headcount_start"] == pytest.approx(rows["fte"].iloc[:-2].sum())
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "plotly" in report and "http://" not in report.split("<script")[0]
    coverage = pd.read_csv(out / "coverage.csv")
    assert set(coverage["service_id"]) <= {
        s.id for s in read_portfolio(EXAMPLES / "portfolio.yaml").services
    }
    assert "cs-assistant" in set(coverage["service_id"])
    assumptions = pd.read_csv(out / "assumptions.csv")
    chosen = assumptions.loc[assumptions["parameter"] == "hiring_freeze_years"]
    assert chosen["source"].str.contains("scenario.yaml").all()
    assert "headcount" in result.output and "report.html" in result.output.replace("\n", "")


def test_explain_prints_every_assumption_with_its_source() -> None:
    result = runner.invoke(
        app,
        ["scenario", "--explain", "--scenario", str(EXAMPLES / "scenario.yaml"),
         "--portfolio", str(EXAMPLES / "portfolio.yaml")],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "realisation" in result.output and "preset base" in result.output
    assert "cs-assistant" in result.output


def test_a_bad_portfolio_names_file_line_and_field(tmp_path: Path) -> None:
    text = (EXAMPLES / "portfolio.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "portfolio.yaml"
    broken.write_text(text.replace("mode: augmentation", "mode: magic", 1), encoding="utf-8")
    line = next(
        i for i, row in enumerate(broken.read_text().splitlines(), 1) if "mode: magic" in row
    )
    result = runner.invoke(
        app, ["scenario", "--explain", "--portfolio", str(broken)], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 2
    assert f"portfolio.yaml, line {line}" in result.output
    assert ".mode" in result.output


@pytest.mark.slow  # a whole-example end-to-end run
def test_same_seed_same_numbers_and_directions_a_person_expects(analysis: Analysis) -> None:
    base = _project(analysis)
    again = _project(analysis)
    pd.testing.assert_frame_equal(base.projection, again.projection)
    more = _project(analysis, realisation={"low": 0.7, "mode": 0.8, "high": 0.9})
    assert _final(more, "fte_equivalent") > _final(base, "fte_equivalent")
    assert _final(more, "labour_cost_saved") > _final(base, "labour_cost_saved")
    greener = _project(analysis, renewable_share=0.9)
    # Services without their own renewable share use the scenario's.
    assert _final(greener, "co2_kg") <= _final(base, "co2_kg")
    assert _final(greener, "energy_kwh") == pytest.approx(_final(base, "energy_kwh"))
    waterfall = base.waterfall.set_index("step")["value"]
    assert waterfall.iloc[:-1].sum() == pytest.approx(waterfall["headcount_end"], rel=1e-6)


def test_costs_in_two_currencies_are_converted_never_added(analysis: Analysis) -> None:
    """The example's German sites pay in EUR: without a rate the projection stops and says
    where; with the example scenario's rate every EUR cost is converted first."""
    with pytest.raises(InputDataError) as err:
        _project(analysis, scenario=None)
    message = str(err.value)
    assert "coded_workforce.csv, row " in message and "column 'annual_cost'" in message
    assert "annual cost in EUR" in message and "exchange_rates: {EUR: ...}" in message
    projection = _project(analysis)
    money = projection.summary["money"]
    assert money["currency"] == "USD" and money["exchange_rates"] == {"EUR": 1.08}
    rows = analysis.workforce.rows
    german = rows.loc[(rows["country"] == "DE") & rows["annual_cost"].notna()]
    by_code = {r["currency"]: r for r in money["workforce"]}
    assert by_code["EUR"]["amount"] == pytest.approx(german["annual_cost"].sum())
    assert by_code["EUR"]["converted"] == pytest.approx(1.08 * german["annual_cost"].sum())
    report = (
        projection.summary["headcount_basis"]["people_projected"]
        - projection.summary["headcount_basis"]["part_time_gap"]
    )
    assert report == pytest.approx(projection.summary["headcount_start"])
