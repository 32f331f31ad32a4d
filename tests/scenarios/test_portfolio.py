"""The AI service portfolio: parsing, unit conversion, and errors with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshift.exceptions import DocumentError
from workshift.scenarios import Uncertain, new_role_catalogue, parse_portfolio, read_portfolio
from workshift.scenarios._documents import parse_document
from workshift.scenarios._portfolio import apply_overrides, merge

TEXT = """\
currency: USD
services:
  - id: chat
    name: Support chat
    business_area: Customer Service
    mode: automation
    launch: 2026-07-01
    covers:
      tasks: [2578, 2581]
      activities: [4.A.3.b.6.I10.D03]
      descriptions: [Answer customer questions by chat]
      min_similarity: 0.6
      occupations: ["43-4051"]
    adoption:
      ceiling: {low: 0.5, mode: 0.6, high: 0.9}
      midpoint: [1, 3]
      steepness: 1.5
    time_saved: 0.6
    running_cost:
      requests_per_hour: 12
      price_per_request: 0.004
      energy_wh_per_request: [0.3, 3]
      fixed_per_year: 50000
      pue: 1.1
    new_roles:
      ai_operations: {per_100_fte_freed: 2}
      ai_engineering: {fte: [1, 3]}
  - id: ledger
    name: Ledger copilot
    mode: augmentation
    launch: 2027
    covers: {activities: [4.A.3.b.6.I10]}
    adoption: {ceiling: 0.8, midpoint: 2, steepness: 1}
    running_cost:
      tokens_per_hour: 30000
      price_per_million_tokens: [2, 4]
      energy_wh_per_1k_tokens: 0.5
      grid_gco2_per_kwh: 200
      renewable_share: 0.5
"""
# Line numbers in TEXT used below.
CHAT_LINE, LEDGER_ID_LINE, CEILING_LINE, ROLES_LINE = 3, 28, 15, 25


def _fails(text: str) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        parse_portfolio(text, "my/portfolio.yaml")
    assert caught.value.file == "my/portfolio.yaml"
    return caught.value


def test_a_valid_portfolio_parses() -> None:
    portfolio = parse_portfolio(TEXT, "my/portfolio.yaml")
    assert portfolio.currency == "USD"
    assert portfolio.file == "my/portfolio.yaml"
    assert [s.id for s in portfolio.services] == ["chat", "ledger"]
    chat = portfolio.service("chat")
    assert chat.name == "Support chat"
    assert chat.business_area == "Customer Service"
    assert chat.mode == "automation"
    assert chat.launch == pytest.approx(2026 + 181 / 365)
    assert chat.covers.tasks == (2578, 2581)
    assert chat.covers.activities == ("4.A.3.b.6.I10.D03",)
    assert chat.covers.descriptions == ("Answer customer questions by chat",)
    assert chat.covers.min_similarity == 0.6
    assert chat.covers.occupations == ("43-4051",)
    assert chat.adoption.ceiling == Uncertain(0.5, 0.6, 0.9)
    assert chat.adoption.midpoint == Uncertain(1.0, 2.0, 3.0)
    assert chat.adoption.steepness == Uncertain(1.5, 1.5, 1.5)
    assert chat.time_saved == Uncertain(0.6, 0.6, 0.6)
    assert chat.cost.unit == "request"
    assert chat.cost.per_hour.mode == 12
    assert chat.cost.price.mode == 0.004
    assert chat.cost.energy_wh == Uncertain(0.3, 1.65, 3.0)
    assert chat.cost.fixed_per_year.mode == 50000
    assert chat.cost.pue == Uncertain(1.1, 1.1, 1.1)
    assert chat.cost.grid_gco2_per_kwh is None
    assert chat.cost.renewable_share is None
    assert chat.new_roles == {
        "ai_operations": {"per_100_fte_freed": Uncertain(2.0, 2.0, 2.0)},
        "ai_engineering": {"fte": Uncertain(1.0, 2.0, 3.0)},
    }
    ledger = portfolio.service("ledger")
    assert ledger.launch == 2027.0
    assert ledger.business_area == ""
    assert ledger.time_saved is None
    assert ledger.cost.fixed_per_year == Uncertain(0.0, 0.0, 0.0)
    assert ledger.new_roles == {}
    with pytest.raises(KeyError):
        portfolio.service("nope")


def test_tokens_are_converted_to_per_token_price_and_energy() -> None:
    cost = parse_portfolio(TEXT).service("ledger").cost
    assert cost.unit == "token"
    assert cost.per_hour.mode == 30000
    assert cost.price.low == pytest.approx(2e-6)
    assert cost.price.high == pytest.approx(4e-6)
    assert cost.energy_wh.mode == pytest.approx(0.5e-3)
    assert cost.grid_gco2_per_kwh == Uncertain(200.0, 200.0, 200.0)
    assert cost.renewable_share == Uncertain(0.5, 0.5, 0.5)


def test_usage_per_year_not_tied_to_the_workforce() -> None:
    portfolio = parse_portfolio(TEXT)
    assert portfolio.service("chat").cost.per_year == Uncertain(0.0, 0.0, 0.0)
    customers = TEXT.replace("tokens_per_hour: 30000", "tokens_per_year: [1000000000, 3000000000]")
    cost = parse_portfolio(customers).service("ledger").cost
    assert cost.unit == "token"
    assert cost.per_hour == Uncertain(0.0, 0.0, 0.0)
    assert cost.per_year == Uncertain(1e9, 2e9, 3e9)


def test_currency_defaults_to_eur() -> None:
    assert parse_portfolio(TEXT.replace("currency: USD\n", "")).currency == "EUR"


def test_toml_portfolio(tmp_path: Path) -> None:
    path = tmp_path / "portfolio.toml"
    path.write_text(
        """\
[[services]]
id = "chat"
name = "Chat"
mode = "augmentation"
launch = 2026-04-01
covers = {tasks = [2578]}
adoption = {ceiling = [0.5, 0.9], midpoint = 2, steepness = 1}
running_cost = {requests_per_hour = 10, price_per_request = 0.01, energy_wh_per_request = 1}
""",
        encoding="utf-8",
    )
    service = read_portfolio(path).services[0]
    assert service.launch == pytest.approx(2026 + 90 / 365)
    assert service.adoption.ceiling == Uncertain(0.5, 0.7, 0.9)


def test_ceiling_above_one_names_file_line_and_field() -> None:
    err = _fails(TEXT.replace("high: 0.9}", "high: 1.4}"))
    assert err.line == CEILING_LINE
    assert err.field == "services[0] (chat).adoption.ceiling"
    assert "must lie within [0, 1]" in str(err)
    assert str(err).startswith(f"my/portfolio.yaml, line {CEILING_LINE}: ")


def test_low_above_high_names_file_line_and_field() -> None:
    err = _fails(TEXT.replace("midpoint: [1, 3]", "midpoint: [3, 1]"))
    assert (err.line, err.field) == (16, "services[0] (chat).adoption.midpoint")
    assert "needs low <= mode <= high" in str(err)


def test_negative_price_is_rejected() -> None:
    err = _fails(TEXT.replace("price_per_request: 0.004", "price_per_request: -1"))
    assert (err.line, err.field) == (21, "services[0] (chat).running_cost.price_per_request")
    assert "must lie within [0, inf]" in str(err)


def test_zero_steepness_is_rejected() -> None:
    err = _fails(TEXT.replace("steepness: 1.5", "steepness: 0"))
    assert (err.line, err.field) == (17, "services[0] (chat).adoption.steepness")
    assert "must be above 0" in str(err)


def test_pue_below_one_is_rejected() -> None:
    err = _fails(TEXT.replace("pue: 1.1", "pue: 0.9"))
    assert (err.line, err.field) == (24, "services[0] (chat).running_cost.pue")


def test_duplicate_id_names_both_items() -> None:
    err = _fails(TEXT.replace("  - id: ledger", "  - id: chat"))
    assert (err.line, err.field) == (LEDGER_ID_LINE, "services[1] (chat).id")
    assert "duplicate service id 'chat' (also services[0])" in str(err)


def test_unknown_new_role_lists_the_known_ones() -> None:
    err = _fails(TEXT.replace("ai_engineering: {fte", "ai_wizardry: {fte"))
    assert (err.line, err.field) == (ROLES_LINE + 2, "services[0] (chat).new_roles.ai_wizardry")
    known = ", ".join(sorted(new_role_catalogue()))
    assert f"unknown new role 'ai_wizardry'; known: {known}" in str(err)


def test_new_role_demand_needs_fte_or_a_ratio() -> None:
    err = _fails(TEXT.replace("ai_engineering: {fte: [1, 3]}", "ai_engineering: {people: 3}"))
    assert err.line == ROLES_LINE + 2
    assert err.field == "services[0] (chat).new_roles.ai_engineering.people"


def test_missing_running_cost_fields_say_what_is_needed() -> None:
    err = _fails(TEXT.replace("      energy_wh_per_request: [0.3, 3]\n", ""))
    assert (err.line, err.field) == (19, "services[0] (chat).running_cost")
    message = str(err).split("running_cost: ")[1]
    assert message.startswith("needs ")
    # Both ways to price a service are named, with every field each needs.
    for name in (
        "requests_per_hour", "price_per_request", "energy_wh_per_request",
        "tokens_per_hour", "price_per_million_tokens", "energy_wh_per_1k_tokens",
    ):  # fmt: skip
        assert name in message


def test_missing_service_fields_are_named() -> None:
    err = _fails(TEXT.replace("    mode: augmentation\n", ""))
    assert err.field == "services[1] (ledger)"
    assert "'mode' is a required property" in str(err)


def test_an_uncertain_value_of_the_wrong_shape() -> None:
    err = _fails(TEXT.replace("steepness: 1.5", "steepness: fast"))
    assert (err.line, err.field) == (17, "services[0] (chat).adoption.steepness")
    assert "'fast' is not a number, a [low, high] pair or {low, mode, high}" in str(err)


@pytest.mark.parametrize("launch", ["2026-7-1", "soon", "1980", "'2026-07-01T10:00'"])
def test_bad_launch_date_format_names_the_line(launch: str) -> None:
    err = _fails(TEXT.replace("launch: 2026-07-01", f"launch: {launch}"))
    assert (err.line, err.field) == (7, "services[0] (chat).launch")
    assert "is not a date (2026-04-01) or a year (2026)" in str(err)


@pytest.mark.parametrize("launch", ["2026-13-01", "2026-02-30", "2026-00"])
def test_impossible_launch_date_names_the_line(launch: str) -> None:
    # Matches the date pattern of the schema but is no calendar date.
    err = _fails(TEXT.replace("launch: 2026-07-01", f"launch: {launch}"))
    assert (err.line, err.field) == (7, "services[0] (chat).launch")


@pytest.mark.parametrize(
    ("launch", "year"), [("2026", 2026.0), ("'2026'", 2026.0), ("2026-01-01", 2026.0)]
)
def test_launch_as_year(launch: str, year: float) -> None:
    assert parse_portfolio(TEXT.replace("launch: 2026-07-01", f"launch: {launch}")).services[
        0
    ].launch == pytest.approx(year)


def test_launch_as_month_is_its_first_day() -> None:
    service = parse_portfolio(TEXT.replace("launch: 2026-07-01", "launch: 2026-07")).services[0]
    assert service.launch == pytest.approx(2026 + 181 / 365)


def test_merge_is_deep_and_does_not_touch_its_inputs() -> None:
    base = {"a": {"b": 1, "c": [1, 2]}, "d": 1}
    override = {"a": {"c": [3]}, "e": {"f": 1}}
    merged = merge(base, override)
    assert merged == {"a": {"b": 1, "c": [3]}, "d": 1, "e": {"f": 1}}
    merged["e"]["f"] = 2
    assert override["e"]["f"] == 1
    assert base == {"a": {"b": 1, "c": [1, 2]}, "d": 1}


SCENARIO = """\
description: overrides
services:
  chat:
    adoption:
      ceiling: 0.95
  ledger:
    running_cost:
      price_per_million_tokens: 9
"""


def test_overrides_replace_service_fields() -> None:
    source = parse_document(SCENARIO, "what-if.yaml")
    portfolio = parse_portfolio(TEXT, "p.yaml", (source.data["services"], source))
    chat = portfolio.service("chat")
    assert chat.adoption.ceiling == Uncertain(0.95, 0.95, 0.95)
    assert chat.adoption.midpoint == Uncertain(1.0, 2.0, 3.0)  # untouched siblings stay
    assert portfolio.service("ledger").cost.price.mode == pytest.approx(9e-6)
    assert portfolio.service("ledger").cost.per_hour.mode == 30000


def test_override_of_an_unknown_service_names_the_scenario_file() -> None:
    source = parse_document(SCENARIO.replace("  ledger:", "  ledgr:"), "what-if.yaml")
    with pytest.raises(DocumentError) as caught:
        parse_portfolio(TEXT, "p.yaml", (source.data["services"], source))
    err = caught.value
    assert err.file == "what-if.yaml"
    assert err.line == 6
    assert err.field == "services.ledgr"
    assert "no service 'ledgr' in p.yaml; services: chat, ledger" in str(err)


def test_an_override_that_breaks_a_bound_is_an_error_of_the_scenario_file() -> None:
    source = parse_document(SCENARIO.replace("ceiling: 0.95", "ceiling: 1.5"), "what-if.yaml")
    with pytest.raises(DocumentError) as caught:
        parse_portfolio(TEXT, "p.yaml", (source.data["services"], source))
    err = caught.value
    assert (err.file, err.line) == ("what-if.yaml", 5)
    assert err.field == "services.chat.adoption.ceiling"
    assert "must lie within [0, 1], got 1.5" in str(err)


def test_apply_overrides_keeps_the_portfolio_document() -> None:
    doc = parse_document(TEXT, "p.yaml")
    source = parse_document(SCENARIO, "what-if.yaml")
    merged = apply_overrides(doc, source.data["services"], source)
    assert merged.file == "p.yaml"
    assert merged.data["services"][0]["adoption"]["ceiling"] == 0.95
    assert doc.data["services"][0]["adoption"]["ceiling"] != 0.95


def test_new_role_catalogue() -> None:
    catalogue = new_role_catalogue()
    assert set(catalogue) == {"ai_engineering", "ai_operations", "content_design"}
    assert all(role.name["en"] and role.name["de"] for role in catalogue.values())
