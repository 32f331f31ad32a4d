"""Money in one currency: the report's currency, stated exchange rates, each amount converted.

A projection adds up annual costs of people at several sites (a German site's in EUR, a US
site's in USD), BLS median wages (USD) and the portfolio's prices (its ``currency``). Two
currencies are never added: every amount is converted into the report currency first, at
a rate the scenario file states, and an amount whose currency has no rate is an error that
names the file, row and column.

The scenario file says (top level, beside ``assumptions``)::

    currency: USD                 # the report's currency (default: the portfolio's)
    exchange_rates:               # report-currency units for one unit of each currency
      EUR: 1.08                   # 1 EUR = 1.08 USD
    workforce_currency:           # the currency of the workforce's annual_cost
      default: USD
      by_country: {DE: EUR}       # or by_location: {Berlin: EUR, Leipzig: EUR}

The currency of a workforce row is, first that applies: its own ``currency`` column, the
scenario's ``by_location``, ``by_country``, ``default``, the currency of its country
(:data:`COUNTRY_CURRENCIES`, ``DE`` -> EUR), and else the report currency.

Examples
--------
>>> money = Money("USD", {"EUR": 1.08}, by_country={"DE": "EUR"})
>>> money.rate("EUR"), money.rate("USD"), money.rate("GBP") is None
(1.08, 1.0, True)
>>> rows = pd.DataFrame({"input_row": [0, 1], "line": [2, 3], "location": ["Austin", "Berlin"],
...                      "country": ["US", "DE"], "annual_cost": [50000.0, 40000.0]})
>>> converted = convert_costs(rows, money, "workforce.csv")
>>> columns = ["cost_currency", "annual_cost_original", "annual_cost"]
>>> converted[columns].to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
{'cost_currency': ['USD', 'EUR'], 'annual_cost_original': [50000.0, 40000.0],
 'annual_cost': [50000.0, 43200.0]}
>>> currency_totals(converted).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'currency': 'EUR', 'rows': 1, 'amount': 40000.0, 'rate': 1.08, 'converted': 43200.0,
  'basis': 'scenario workforce_currency.by_country'},
 {'currency': 'USD', 'rows': 1, 'amount': 50000.0, 'rate': 1.0, 'converted': 50000.0,
  'basis': 'country of the row'}]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from workshift.exceptions import ConfigError, InputDataError
from workshift.scenarios._portfolio import Portfolio

__all__ = [
    "COUNTRY_CURRENCIES",
    "CURRENCY_COLUMNS",
    "Money",
    "convert_costs",
    "convert_portfolio",
    "currency_totals",
    "money_settings",
]

COUNTRY_CURRENCIES: dict[str, str] = {
    "US": "USD", "USA": "USD", "UNITED STATES": "USD", "CA": "CAD", "MX": "MXN", "BR": "BRL",
    "DE": "EUR", "GERMANY": "EUR", "DEUTSCHLAND": "EUR", "AT": "EUR", "FR": "EUR", "NL": "EUR",
    "BE": "EUR", "LU": "EUR", "IE": "EUR", "IT": "EUR", "ES": "EUR", "PT": "EUR", "FI": "EUR",
    "GR": "EUR", "SK": "EUR", "SI": "EUR", "EE": "EUR", "LV": "EUR", "LT": "EUR", "HR": "EUR",
    "GB": "GBP", "UK": "GBP", "CH": "CHF", "PL": "PLN", "CZ": "CZK", "HU": "HUF", "SE": "SEK",
    "DK": "DKK", "NO": "NOK", "JP": "JPY", "CN": "CNY", "IN": "INR", "AU": "AUD", "SG": "SGD",
}  # fmt: skip
"""Country (ISO 3166 alpha-2 or name, upper case) -> the currency its payroll is in."""

CURRENCY_COLUMNS = ["currency", "rows", "amount", "rate", "converted", "basis"]
"""The columns of :func:`currency_totals` (``summary["money"]["workforce"]``)."""

BLS_CURRENCY = "USD"
"""BLS median wages, the cost of a role without ``annual_cost``, are US dollars."""


def _code(value: Any) -> str:
    return str(value).strip().upper()


@dataclass(frozen=True)
class Money:
    """The report currency, the stated rates, and where workforce costs' currencies come from.

    ``rates[code]`` is the number of report-currency units one unit of ``code`` buys.
    """

    currency: str
    rates: dict[str, float] = field(default_factory=dict)
    default: str | None = None
    by_country: dict[str, str] = field(default_factory=dict)
    by_location: dict[str, str] = field(default_factory=dict)
    file: str = ""

    def rate(self, code: str) -> float | None:
        """Report-currency units per unit of ``code`` (1 for the report currency), or None."""
        code = _code(code)
        if code == self.currency:
            return 1.0
        return self.rates.get(code)

    def require(self, code: str, what: str) -> float:
        """The rate of ``code``, else a :class:`ConfigError` that says what to add."""
        rate = self.rate(code)
        if rate is None:
            raise ConfigError(
                f"{what} is in {code}, but the scenario states no exchange rate {code} -> "
                f"{self.currency}; add `exchange_rates: {{{code}: ...}}` "
                f"({self.currency} per {code}) to the scenario file{_in(self.file)}"
            )
        return rate

    def used_rates(self, codes: list[str]) -> dict[str, float]:
        """The rates of ``codes`` other than the report currency (what the report lists)."""
        chosen = sorted({_code(c) for c in codes} - {self.currency})
        return {c: float(r) for c in chosen if (r := self.rate(c)) is not None}


def _in(file: str) -> str:
    return f" {file}" if file else ""


def money_settings(
    document: Mapping[str, Any] | None, portfolio_currency: str, file: str = ""
) -> Money:
    """The :class:`Money` a scenario file's top level states (``None``: no file).

    >>> money_settings({"currency": "eur", "exchange_rates": {"usd": 0.92}}, "USD").rates
    {'USD': 0.92}
    """
    data = document or {}
    currency = _code(data.get("currency") or portfolio_currency)
    rates = {_code(k): float(v) for k, v in (data.get("exchange_rates") or {}).items()}
    for code, rate in rates.items():
        if not rate > 0:
            raise ConfigError(f"exchange_rates.{code} must be above 0, got {rate!r}{_in(file)}")
    given = data.get("workforce_currency") or {}
    if isinstance(given, str):
        given = {"default": given}
    return Money(
        currency=currency,
        rates=rates,
        default=_code(given["default"]) if given.get("default") else None,
        by_country={_code(k): _code(v) for k, v in (given.get("by_country") or {}).items()},
        by_location={str(k).strip(): _code(v) for k, v in (given.get("by_location") or {}).items()},
        file=file,
    )


def _row_currencies(rows: pd.DataFrame, money: Money) -> tuple[pd.Series[str], pd.Series[str]]:
    """Each row's currency and why (column, scenario mapping, country, report currency)."""
    index = rows.index
    currency = pd.Series(money.currency, index=index, dtype=object)
    basis = pd.Series("report currency (no currency stated)", index=index, dtype=object)

    def text(column: str) -> pd.Series[str]:
        if column not in rows:
            return pd.Series("", index=index, dtype=object)
        return rows[column].fillna("").astype(str).str.strip()

    country = text("country").str.upper()
    layers: list[tuple[pd.Series[Any], str]] = [
        (country.map(COUNTRY_CURRENCIES), "country of the row"),
        (
            pd.Series(money.default, index=index, dtype=object),
            "scenario workforce_currency.default",
        ),
        (country.map(money.by_country), "scenario workforce_currency.by_country"),
        (text("location").map(money.by_location), "scenario workforce_currency.by_location"),
        (text("currency").str.upper().where(lambda c: c != ""), "workforce column currency"),
    ]
    # Later layers win: the row's own column over the scenario's mappings over its country.
    for values, why in layers:
        known = values.notna()
        currency = currency.where(~known, values)
        basis = basis.where(~known, why)
    return currency.astype(str), basis.astype(str)


def convert_costs(rows: pd.DataFrame, money: Money, file: str) -> pd.DataFrame:
    """``rows`` with ``annual_cost`` in the report currency.

    Adds ``cost_currency`` (the row's currency), ``cost_basis`` (why), ``cost_rate`` and
    ``annual_cost_original``. A row with a cost in a currency without a rate raises
    :class:`InputDataError` naming the file, row and column.
    """
    out = rows.copy()
    currency, basis = _row_currencies(rows, money)
    cost = (
        out["annual_cost"].astype(float)
        if "annual_cost" in out
        else pd.Series(float("nan"), index=out.index)
    )
    rates = currency.map(lambda code: money.rate(code))
    missing = cost.notna() & rates.isna()
    if missing.any():
        first = int(np.flatnonzero(missing.to_numpy())[0])
        code, why = str(currency.iloc[first]), str(basis.iloc[first])
        column = "currency" if why == "workforce column currency" else "annual_cost"
        record = out.iloc[first]
        row = int(record["input_row"]) + 1 if "input_row" in out else None
        line = f" (line {int(record['line'])})" if "line" in out else ""
        raise InputDataError(
            f"annual cost in {code}{line}, from {why}, and the scenario states no "
            f"exchange rate {code} -> {money.currency}; add `exchange_rates: {{{code}: ...}}` "
            f"({money.currency} per {code}) to the scenario file{_in(money.file)} "
            f"({int(missing.sum())} rows in {', '.join(sorted(set(currency[missing])))})",
            file=file,
            row=row,
            column=column,
        )
    out["cost_currency"] = currency
    out["cost_basis"] = basis
    out["cost_rate"] = rates.astype(float)
    out["annual_cost_original"] = cost
    out["annual_cost"] = cost * out["cost_rate"]
    return out


def currency_totals(converted: pd.DataFrame) -> pd.DataFrame:
    """Per currency of :func:`convert_costs`'s rows: rows with a cost, amount, rate, converted.

    ``basis`` is the most frequent reason for the currency. The ``converted`` column adds
    up to the workforce's total cost in the report currency.
    """
    known = converted.loc[converted["annual_cost_original"].notna()]
    rows = []
    for code, group in known.groupby("cost_currency", sort=True):
        amount = float(group["annual_cost_original"].sum())
        total = float(group["annual_cost"].sum())
        rows.append(
            {
                "currency": str(code),
                "rows": len(group),
                "amount": amount,
                "rate": float(group["cost_rate"].iloc[0]),
                "converted": total,
                "basis": str(group["cost_basis"].mode().iloc[0]),
            }
        )
    return pd.DataFrame(rows, columns=CURRENCY_COLUMNS)


def convert_portfolio(portfolio: Portfolio, money: Money) -> Portfolio:
    """The portfolio with its prices and fixed costs in the report currency.

    >>> from workshift.scenarios._portfolio import parse_portfolio
    >>> text = '''
    ... currency: EUR
    ... services:
    ...   - {id: chat, name: Chat, mode: augmentation, launch: 2026, covers: {tasks: [1]},
    ...      adoption: {ceiling: 0.5, midpoint: 2, steepness: 1},
    ...      running_cost: {requests_per_hour: 1, price_per_request: 0.01, energy_wh_per_request: 1,
    ...                     fixed_per_year: 1000}}
    ... '''
    >>> usd = convert_portfolio(parse_portfolio(text, "p.yaml"), Money("USD", {"EUR": 1.1}))
    >>> usd.currency, round(usd.services[0].cost.fixed_per_year.mode, 6)
    ('USD', 1100.0)
    """
    source = _code(portfolio.currency)
    if source == money.currency:
        return portfolio
    rate = money.require(source, f"the portfolio {portfolio.file}".rstrip())
    services = tuple(
        replace(
            service,
            cost=replace(
                service.cost,
                price=service.cost.price.scaled(rate),
                fixed_per_year=service.cost.fixed_per_year.scaled(rate),
            ),
        )
        for service in portfolio.services
    )
    return Portfolio(services, money.currency, portfolio.file)
