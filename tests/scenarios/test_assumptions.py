"""Assumptions: presets layered under a scenario file, years, errors, explain()."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from tests.scenarios.synthetic import portfolio_data
from workshift.exceptions import ConfigError, DocumentError
from workshift.scenarios import PRESETS, Uncertain, load_assumptions, parse_years, read_portfolio
from workshift.scenarios._documents import schema

EXPLAIN_COLUMNS = ["parameter", "scope", "low", "mode", "high", "unit", "source", "description"]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_base_sets_every_assumption_the_schema_knows_but_the_optional_ones() -> None:
    base = load_assumptions()
    props = set(schema("scenario")["$defs"]["assumptions"]["properties"])
    optional = {
        "attrition_rate", "retirement_rate", "attrition_by_department",
        "retirement_by_department", "new_role_cost",
    }  # fmt: skip
    assert set(base.values) == props - optional
    assert set(base.sources.values()) == {"preset base"}
    assert base.preset == "base"
    assert base.years == (2026, 2035)
    assert base.scenario_file is None
    assert base.service_overrides == {}
    assert base.description.startswith("Base case")


@pytest.mark.parametrize("preset", ["slow", "fast"])
def test_presets_layer_over_base(preset: str) -> None:
    a = load_assumptions(preset=preset)
    assert a.preset == preset
    assert a.sources["realisation"] == f"preset {preset}"
    assert a.sources["adoption_ceiling_scale"] == f"preset {preset}"
    assert a.sources["hours_per_fte"] == "preset base"
    assert a.value("hours_per_fte") == 1720
    assert a.description.lower().startswith(preset)


def test_presets_are_ordered() -> None:
    slow, base, fast = (load_assumptions(preset=p) for p in PRESETS)
    assert slow.uncertain("realisation").mode < base.uncertain("realisation").mode
    assert base.uncertain("realisation").mode < fast.uncertain("realisation").mode
    assert slow.value("adoption_ceiling_scale") < 1 < fast.value("adoption_ceiling_scale")
    assert slow.value("adoption_midpoint_shift") > 0 > fast.value("adoption_midpoint_shift")


def test_a_scenario_file_overrides_its_preset(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "what-if.yaml",
        """\
preset: slow
description: Slow, with more attrition
years: 2027-2030
assumptions:
  realisation: {low: 0.1, mode: 0.2, high: 0.3}
  attrition_scale: [1.0, 2.0]
  exits: residual
  attrition_by_department: {Finance: 0.2}
""",
    )
    a = load_assumptions(path)
    assert a.preset == "slow"
    assert a.years == (2027, 2030)
    assert a.description == "Slow, with more attrition"
    assert a.uncertain("realisation") == Uncertain(0.1, 0.2, 0.3)
    assert a.uncertain("attrition_scale") == Uncertain(1.0, 1.5, 2.0)
    assert a.value("exits") == "residual"
    assert a.value("attrition_by_department") == {"Finance": 0.2}
    scenario = f"scenario file {path}"
    assert a.sources["realisation"] == scenario
    assert a.sources["exits"] == scenario
    assert a.sources["adoption_ceiling_scale"] == "preset slow"  # not in the file
    assert a.sources["pue"] == "preset base"
    assert a.optional("attrition_rate") is None
    assert a.scenario_file is not None
    assert a.scenario_file.file == str(path)


def test_a_toml_scenario_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "what-if.toml",
        """\
preset = "fast"
years = "2026-2028"

[assumptions]
realisation = [0.4, 0.6]
redeploy_within = "location"

[services.chat.adoption]
ceiling = 0.9
""",
    )
    a = load_assumptions(path)
    assert a.preset == "fast"
    assert a.years == (2026, 2028)
    assert a.uncertain("realisation") == Uncertain(0.4, 0.5, 0.6)
    assert a.value("redeploy_within") == "location"
    assert a.service_overrides == {"chat": {"adoption": {"ceiling": 0.9}}}


def test_command_line_preset_wins_over_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.yaml", "preset: slow\nassumptions:\n  on_cost: 1.5\n")
    a = load_assumptions(path, preset="fast")
    assert a.preset == "fast"
    assert a.sources["realisation"] == "preset fast"
    assert a.uncertain("realisation") == load_assumptions(preset="fast").uncertain("realisation")
    assert a.value("on_cost") == 1.5  # the file still wins over every preset


def test_command_line_years_win_over_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.yaml", "years: '2026-2040'\n")
    assert load_assumptions(path).years == (2026, 2040)
    assert load_assumptions(path, years="2030").years == (2030, 2030)


def test_unknown_preset() -> None:
    with pytest.raises(
        ConfigError, match="unknown preset 'medium'; choose one of slow, base, fast"
    ):
        load_assumptions(preset="medium")


@pytest.mark.parametrize(
    ("text", "years"),
    [("2026-2035", (2026, 2035)), ("2027", (2027, 2027)), ("2030-2030", (2030, 2030))],
)
def test_parse_years(text: str, years: tuple[int, int]) -> None:
    assert parse_years(text) == years


@pytest.mark.parametrize("text", ["2035-2026", "soon", "2026-2030-2031", "1900-2000", ""])
def test_parse_years_errors(text: str) -> None:
    with pytest.raises(ConfigError, match="years must look like 2026-2035"):
        parse_years(text)


def test_x_range_violation_names_file_line_and_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "s.yaml",
        "description: too good\nassumptions:\n  on_cost: 1.2\n  realisation: [0.5, 1.5]\n",
    )
    with pytest.raises(DocumentError) as caught:
        load_assumptions(path)
    err = caught.value
    assert (err.file, err.line, err.field) == (str(path), 4, "assumptions.realisation")
    assert "must lie within [0, 1], got [0.5, 1.5]" in str(err)


def test_disordered_range_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.yaml", "assumptions:\n  attrition_scale: {low: 2, high: 1}\n")
    with pytest.raises(DocumentError, match=r"line 2: assumptions.attrition_scale: needs low"):
        load_assumptions(path)


def test_unknown_assumption_lists_the_allowed_ones(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.yaml", "assumptions:\n  realization: 0.5\n")
    with pytest.raises(DocumentError) as caught:
        load_assumptions(path)
    assert "'realization' was unexpected" in str(caught.value)
    assert "realisation" in str(caught.value).split("allowed: ")[1]
    # The unknown key's own line, not its mapping's.
    assert (caught.value.line, caught.value.field) == (2, "assumptions.realization")


def test_bad_policy_value(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.yaml", "\nassumptions:\n  exits: all\n")
    with pytest.raises(DocumentError, match=r"line 3: assumptions.exits: 'all' is not one of"):
        load_assumptions(path)


def test_explain_lists_every_assumption() -> None:
    table = load_assumptions(preset="slow").explain()
    assert list(table.columns) == EXPLAIN_COLUMNS
    assert (table["scope"] == "all").all()
    rows = table.set_index("parameter")
    assert rows.loc["realisation", ["low", "mode", "high"]].tolist() == [0.2, 0.35, 0.5]
    assert rows.loc["realisation", "unit"] == "share"
    assert rows.loc["realisation", "source"] == "preset slow"
    assert rows.loc["exits", "mode"] == "none"
    assert rows.loc["hours_per_fte", "source"] == "preset base"
    assert (table["description"] != "").all()


SCENARIO = """\
assumptions:
  realisation: [0.4, 0.6]
services:
  chat:
    launch: 2028
    adoption:
      ceiling: 0.95
    running_cost:
      price_per_request: 0.01
  ledger:
    running_cost:
      price_per_million_tokens: 9
      energy_wh_per_1k_tokens: 1
"""


def _explained(tmp_path: Path, scenario: str) -> tuple[pd.DataFrame, dict[tuple[str, str], str]]:
    portfolio_path = tmp_path / "portfolio.yaml"
    portfolio_path.write_text(yaml.safe_dump(portfolio_data()), encoding="utf-8")
    scenario_path = _write(tmp_path / "what-if.yaml", scenario)
    a = load_assumptions(scenario_path)
    assert a.scenario_file is not None
    portfolio = read_portfolio(portfolio_path, (a.service_overrides, a.scenario_file))
    table = a.explain(portfolio)
    assert list(table.columns) == EXPLAIN_COLUMNS
    sources = {(r.scope, r.parameter): r.source for r in table.itertuples()}
    return table, sources


def test_explain_names_the_scenario_file_for_overridden_service_fields(tmp_path: Path) -> None:
    _, sources = _explained(tmp_path, SCENARIO)
    scenario = f"scenario file {tmp_path / 'what-if.yaml'}"
    portfolio = f"portfolio {tmp_path / 'portfolio.yaml'}"
    overridden = {
        ("chat", "launch"),
        ("chat", "adoption.ceiling"),
        ("chat", "price_per_request"),
        ("ledger", "price_per_million_tokens"),
        ("ledger", "energy_wh_per_1k_tokens"),
    }
    assert sources[("all", "realisation")] == scenario
    for key, source in sources.items():
        if key[0] == "all":
            continue
        if key in overridden:
            assert source == scenario, key
        else:
            assert source in (portfolio, f"assumption {key[1].split('.')[-1]}"), key
            assert not source.startswith("scenario file"), key


def test_explain_shows_overridden_values_and_defaults(tmp_path: Path) -> None:
    table, sources = _explained(tmp_path, SCENARIO)
    rows = table.set_index(["scope", "parameter"])
    assert rows.loc[("chat", "launch"), "mode"] == 2028.0
    assert rows.loc[("chat", "adoption.ceiling"), "mode"] == 0.95
    # Token prices and energy as the files write them.
    assert rows.loc[("ledger", "price_per_million_tokens"), "mode"] == pytest.approx(9.0)
    assert rows.loc[("ledger", "price_per_million_tokens"), "unit"] == "currency/million tokens"
    assert rows.loc[("ledger", "energy_wh_per_1k_tokens"), "mode"] == pytest.approx(1.0)
    assert rows.loc[("ledger", "tokens_per_hour"), "high"] == 40000
    assert rows.loc[("chat", "price_per_request"), "mode"] == 0.01
    # Fields the portfolio leaves empty fall back to the scenario-wide assumption.
    assert sources[("chat", "time_saved")] == "assumption time_saved"
    assert sources[("chat", "pue")] == "assumption pue"
    assert rows.loc[("chat", "new_roles.ai_engineering.fte"), "unit"] == "FTE"
