"""Number parsing: English and German forms, currency, spaces, and the per-column decision."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshift.workforce import parse_number, uses_decimal_comma

NNBSP = "\u202f"  # narrow no-break space, the French/Swiss thousands separator
NBSP = "\u00a0"
THIN = "\u2009"

# text, value read English style (decimal_comma=False), value read German style
CASES = [
    ("0", 0.0, 0.0),
    ("1234", 1234.0, 1234.0),
    ("1234.5", 1234.5, 1234.5),
    ("1234,5", 1234.5, 1234.5),
    ("2,5", 2.5, 2.5),
    ("0,5", 0.5, 0.5),
    (",5", 0.5, 0.5),
    ("0,500", 0.5, 0.5),  # a leading zero cannot start a thousands group
    ("1,234", 1234.0, 1.234),  # the one ambiguous form
    ("1.234", 1.234, 1234.0),
    ("12,500", 12500.0, 12.5),
    ("1,234,567", 1234567.0, 1234567.0),  # repeated: grouping whatever the flag
    ("1.234.567", 1234567.0, 1234567.0),
    ("1,234.5", 1234.5, 1234.5),  # both: the last one is decimal
    ("1.234,5", 1234.5, 1234.5),
    ("1.234.567,89", 1234567.89, 1234567.89),
    ("-1.5", -1.5, -1.5),
    ("+2", 2.0, 2.0),
    ("\u22123,5", -3.5, -3.5),  # Unicode minus sign
    ("  42  ", 42.0, 42.0),
    ("€ 1.234,50", 1234.5, 1234.5),
    ("1.234,50 €", 1234.5, 1234.5),
    ("$1,234.50", 1234.5, 1234.5),
    ("-$1,234.50", -1234.5, -1234.5),
    ("$-5", -5.0, -5.0),
    ("52000 EUR", 52000.0, 52000.0),
    ("eur 52000", 52000.0, 52000.0),
    ("USD 1,000.00", 1000.0, 1000.0),
    ("1 234,5", 1234.5, 1234.5),
    (f"52{NBSP}000,00", 52000.0, 52000.0),
    (f"52{NNBSP}000", 52000.0, 52000.0),
    (f"1{THIN}234{THIN}567", 1234567.0, 1234567.0),
    ("1E+05", 100000.0, 100000.0),
    ("2.5e-1", 0.25, 0.25),
    ("", None, None),
    ("   ", None, None),
    ("n/a", None, None),
    ("abc", None, None),
    ("-", None, None),
    ("€", None, None),
    ("1,2,3", None, None),
    ("12,34.5", None, None),  # malformed grouping
    ("1.2.3,4", None, None),
    ("1,234.5.6", None, None),
    ("5.", None, None),
    ("1-2", None, None),
    ("--5", None, None),
    ("€5€", None, None),
    ("nan", None, None),
    ("inf", None, None),
    ("1e999", None, None),  # overflows to infinity
    ("0x10", None, None),
    ("12 %", None, None),
]


@pytest.mark.parametrize(("text", "english", "german"), CASES)
def test_parse_number(text: str, english: float | None, german: float | None) -> None:
    assert parse_number(text, decimal_comma=False) == english
    assert parse_number(text, decimal_comma=True) == german


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["2,5", "1", "0,5"], True),
        (["2.5", "1", "0.5"], False),
        (["1.234,5", "2"], True),
        (["1,234.5", "2"], False),
        (["1.234.567"], True),
        (["1,234,567"], False),
        # ambiguous thousands forms do not vote, so English grouping is not taken for German
        (["52,000", "48,500", "61,250"], False),
        (["52,000", "48,500", "0.5"], False),
        (["52.000", "48.500", "0,5"], True),
        (["2,5", "2.5"], False),  # tie: the default
        (["", "abc", "12,34.5"], False),  # no votes
    ],
)
def test_uses_decimal_comma(values: list[str], expected: bool) -> None:
    assert uses_decimal_comma(values) is expected


def test_uses_decimal_comma_falls_back_to_the_default_on_a_tie() -> None:
    assert uses_decimal_comma(["52.000", "1"], default=True) is True
    assert uses_decimal_comma(["52.000", "1"], default=False) is False
    assert uses_decimal_comma(["2,5", "0,5", "1.5"], default=False) is True


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_python_float_text_reads_back(value: float) -> None:
    # Excel and Parquet cells arrive as Python's str(float)
    assert parse_number(repr(value), decimal_comma=False) == value


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2), st.booleans(), st.booleans())
def test_two_decimal_amounts_read_the_same_either_way(
    value: Decimal, german: bool, decimal_comma: bool
) -> None:
    english = f"{value:,.2f}"
    text = english.translate(str.maketrans(",.", ".,")) if german else english
    assert parse_number(text, decimal_comma=decimal_comma) == float(english.replace(",", ""))


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([".", ","]))
def test_grouped_integers_read_back(value: int, sep: str) -> None:
    grouped = f"{value:,}".replace(",", sep)
    decimal_comma = sep == "."  # the reading that makes a lone group separator thousands
    assert parse_number(grouped, decimal_comma=decimal_comma) == value
