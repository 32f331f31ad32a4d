"""Money in one currency: rows' currencies, stated rates, conversion, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.scenarios.synthetic import make_analysis, make_portfolio
from workshift.exceptions import ConfigError, InputDataError
from workshift.reference import ReferenceStore
from workshift.scenarios import (
    Money,
    convert_costs,
    convert_portfolio,
    currency_totals,
    load_assumptions,
    money_settings,
    project,
)
from workshift.scenarios._documents import parse_document
from workshift.text import HashingEmbedder

ROWS = pd.DataFrame(
    {
        "input_row": [0, 1, 2, 3],
        "line": [2, 3, 4, 5],
        "location": ["Austin", "Berlin", "Leipzig", "Zurich"],
        "country": ["US", "DE", "DE", "CH"],
        "annual_cost": [50000.0, 40000.0, float("nan"), 90000.0],
        "currency": ["", "", "", "CHF"],
    }
)


def test_a_currency_without_a_rate_names_file_row_and_column() -> None:
    money = Money("USD", {"EUR": 1.08}, file="scenario.yaml")
    with pytest.raises(InputDataError) as err:
        convert_costs(ROWS, money, "workforce.csv")
    message = str(err.value)
    assert message.startswith("workforce.csv, row 4, column 'currency': annual cost in CHF")
    assert "line 5" in message and "exchange_rates: {CHF: ...}" in message
    assert "scenario.yaml" in message


def test_the_row_country_decides_without_a_column_or_mapping() -> None:
    rows = ROWS.drop(columns="currency").iloc[:3]
    with pytest.raises(InputDataError, match=r"row 2, column 'annual_cost': annual cost in EUR"):
        convert_costs(rows, Money("USD"), "workforce.csv")
    # A stated default wins over the country: costs already in USD stay as they are.
    converted = convert_costs(rows, Money("USD", default="USD"), "workforce.csv")
    assert converted["cost_currency"].tolist() == ["USD"] * 3


def test_mappings_in_order_column_location_country_default() -> None:
    money = Money(
        "EUR",
        {"USD": 0.9, "CHF": 1.05, "GBP": 1.2},
        default="GBP",
        by_country={"US": "USD"},
        by_location={"Berlin": "EUR"},
    )
    converted = convert_costs(ROWS.assign(country=["US", "", "", "CH"]), money, "w.csv")
    assert converted["cost_currency"].tolist() == ["USD", "EUR", "GBP", "CHF"]
    assert converted["cost_basis"].tolist() == [
        "scenario workforce_currency.by_country",
        "scenario workforce_currency.by_location",
        "scenario workforce_currency.default",
        "workforce column currency",
    ]
    assert converted["annual_cost"].tolist()[:2] == [45000.0, 40000.0]
    assert pd.isna(converted["annual_cost"].iloc[2])  # no cost: no rate needed either


def test_money_settings_from_a_scenario_file() -> None:
    doc = parse_document(
        "currency: usd\nexchange_rates: {EUR: 1.08}\nworkforce_currency: {by_country: {DE: eur}}\n",
        "s.yaml",
    )
    money = money_settings(doc.data, "EUR", doc.file)
    assert (money.currency, money.rates, money.by_country) == ("USD", {"EUR": 1.08}, {"DE": "EUR"})
    assert money_settings({"workforce_currency": "usd"}, "USD").default == "USD"
    assert money_settings(None, "EUR").currency == "EUR"
    with pytest.raises(ConfigError, match=r"exchange_rates\.EUR must be above 0"):
        money_settings({"exchange_rates": {"EUR": 0}}, "USD")


def test_the_scenario_schema_takes_the_money_block(tmp_path: Path) -> None:
    from workshift.exceptions import DocumentError

    good = tmp_path / "good.yaml"
    good.write_text("currency: USD\nexchange_rates: {EUR: 1.08}\nworkforce_currency: EUR\n")
    assert load_assumptions(good).scenario_file is not None
    bad = tmp_path / "bad.yaml"
    bad.write_text("exchange_rates: {EUR: -1}\n")
    with pytest.raises(DocumentError, match="line 1"):
        load_assumptions(bad)


def test_the_portfolio_is_converted_and_a_missing_rate_is_an_error() -> None:
    portfolio = make_portfolio()  # USD
    eur = convert_portfolio(portfolio, Money("EUR", {"USD": 0.5}))
    assert eur.currency == "EUR"
    before, after = portfolio.services[0].cost, eur.services[0].cost
    assert after.fixed_per_year.mode == pytest.approx(before.fixed_per_year.mode * 0.5)
    assert after.price.high == pytest.approx(before.price.high * 0.5)
    assert after.per_hour == before.per_hour  # usage is not money
    assert convert_portfolio(portfolio, Money("USD")) is portfolio
    with pytest.raises(ConfigError, match=r"no exchange rate USD -> EUR"):
        convert_portfolio(portfolio, Money("EUR"))


codes = st.sampled_from(["USD", "EUR", "GBP", "CHF"])
amounts = st.one_of(st.none(), st.floats(0, 1e7, allow_nan=False))


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.tuples(codes, amounts), min_size=1, max_size=30),
    rates=st.tuples(*[st.floats(0.01, 100, allow_nan=False)] * 3),
)
def test_converting_then_summing_per_currency_equals_the_total(
    rows: list[tuple[str, float | None]], rates: tuple[float, float, float]
) -> None:
    """The invariant: no amount is lost or added in two currencies; per currency, the
    converted sum is the original sum times that currency's rate, and the per-currency
    converted sums add up to the total in the report currency."""
    money = Money("USD", dict(zip(("EUR", "GBP", "CHF"), rates, strict=True)))
    frame = pd.DataFrame(
        {
            "input_row": range(len(rows)),
            "currency": [code for code, _ in rows],
            "annual_cost": [float("nan") if a is None else a for _, a in rows],
        }
    )
    converted = convert_costs(frame, money, "w.csv")
    totals = currency_totals(converted)
    assert totals["converted"].sum() == pytest.approx(converted["annual_cost"].sum(), rel=1e-9)
    for record in totals.to_dict("records"):
        original = frame.loc[frame["currency"] == record["currency"], "annual_cost"].sum()
        assert record["amount"] == pytest.approx(original, abs=0.01)
        assert record["converted"] == pytest.approx(
            original * money.rate(record["currency"]), abs=0.01
        )
    assert totals["rows"].sum() == frame["annual_cost"].notna().sum()


def test_project_converts_eur_costs_and_lists_the_rates(
    store: ReferenceStore, tmp_path: Path
) -> None:
    """German rows' EUR costs are converted into the report currency before adding."""
    analysis = make_analysis()
    rows = analysis.workforce.rows
    rows["country"] = ["DE" if loc == "Berlin" else "US" for loc in rows["location"]]
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        "years: '2026-2027'\ncurrency: USD\nexchange_rates: {EUR: 2.0}\n"
        "workforce_currency: {default: USD, by_country: {DE: EUR}}\n"
    )
    result = project(
        analysis,
        make_portfolio(),
        load_assumptions(scenario),
        draws=20,
        seed=1,
        store=store,
        embedder=HashingEmbedder(),
    )
    money = result.summary["money"]
    assert money["currency"] == result.summary["currency"] == "USD"
    assert money["exchange_rates"] == {"EUR": 2.0}
    by_code = {r["currency"]: r for r in money["workforce"]}
    assert by_code["EUR"]["amount"] == 40 * 45000.0 + 20 * 55000.0
    assert by_code["EUR"]["converted"] == 2 * (40 * 45000.0 + 20 * 55000.0)
    assert by_code["USD"]["amount"] == 10 * 50000.0 + 50 * 38000.0
    cells = result.cells.set_index(["department", "location"])
    assert cells.loc[("Customer Service", "Berlin"), "cost_per_head"] == pytest.approx(90000.0)
    assert cells.loc[("Warehouse", "Leipzig"), "cost_per_head"] == pytest.approx(38000.0)
