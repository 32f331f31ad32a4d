"""Numbers as people type them in HR exports: English (``1,234.5``) and German
(``1.234,5``) forms, currency signs and codes, and spaces between digit groups.

Only one written form is ambiguous: a *single* separator followed by exactly three digits,
with one to three digits before it and no leading zero (``1,234``, ``12.500``). One
convention reads it as a thousands separator, the other as a decimal separator. The caller
decides with ``decimal_comma``, usually once per column with :func:`uses_decimal_comma`.
Every other form has one reading whatever the flag says:

- both ``.`` and ``,`` appear: the last one is the decimal separator, the other groups
  thousands (``1.234,5`` and ``1,234.5`` are both 1234.5);
- the same separator twice or more: it groups thousands (``1.234.567``, ``1,234,567``);
- a single separator that cannot be grouping: decimal (``2,5``, ``0,500``, ``1234.5``).

Grouping must be well formed (``12,34.5`` is not a number), currency may stand before or
after the number (``€``, ``$``, ``£``, ``EUR``, ``USD``, ``GBP``, ``CHF``), spaces of any
kind (non-breaking and thin spaces too) are ignored, and ``1E+05`` as Excel writes it is
read. NaN and infinity are not numbers here.

Examples
--------
>>> parse_number("1.234,50 €", decimal_comma=True)
1234.5
>>> parse_number("1,234", decimal_comma=False), parse_number("1,234", decimal_comma=True)
(1234.0, 1.234)
>>> parse_number("2,5", decimal_comma=False)
2.5
>>> parse_number("n/a", decimal_comma=False) is None
True
>>> uses_decimal_comma(["0,5", "1", "2,5", "1.000"])
True
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Literal

__all__ = ["decimal_votes", "parse_number", "uses_decimal_comma"]

_CURRENCY = r"(€|\$|£|EUR|USD|GBP|CHF)?"
# Python's \s covers every Unicode space, so U+00A0 and U+202F (thin no-break) go too.
_SPACES = re.compile(r"\s+")
_SHAPE = re.compile(
    rf"([-+]?){_CURRENCY}([-+]?)([\d.,]*\d[\d.,]*)(?:E([-+]?\d{{1,3}}))?{_CURRENCY}",
    re.IGNORECASE,
)
_GROUPED = {sep: re.compile(rf"[1-9]\d{{0,2}}(?:{re.escape(sep)}\d{{3}})+") for sep in ".,"}

Separator = Literal[".", ",", "?", ""]


def _split(text: str) -> tuple[str, str, str] | None:
    """``(sign, digits with separators, exponent)``, or None when it is no number shape."""
    match = _SHAPE.fullmatch(_SPACES.sub("", text.replace("\u2212", "-")))
    if match is None:
        return None
    sign1, cur1, sign2, body, exponent, cur2 = match.groups()
    if (sign1 and sign2) or (cur1 and cur2):
        return None
    return sign1 or sign2, body, exponent or "0"


def _decimal_separator(body: str) -> Separator:
    """The decimal separator of ``body``: ``"."`` or ``","``, ``"?"`` when the single
    separator could be either, ``""`` when there is none."""
    has_dot, has_comma = "." in body, "," in body
    if has_dot and has_comma:
        return "." if body.rfind(".") > body.rfind(",") else ","
    if not (has_dot or has_comma):
        return ""
    sep: Literal[".", ","] = "." if has_dot else ","
    other: Literal[".", ","] = "," if has_dot else "."
    if body.count(sep) > 1:
        return other  # repeated: it can only group thousands
    return "?" if _GROUPED[sep].fullmatch(body) else sep


def _value(body: str, decimal: Literal[".", ","]) -> str | None:
    """``body`` rewritten as ``digits.digits``, or None when its grouping is malformed."""
    group = "," if decimal == "." else "."
    head, point, tail = body.partition(decimal)
    if decimal in tail or group in tail or (point and not tail):
        return None
    if group in head:
        if not _GROUPED[group].fullmatch(head):
            return None
        head = head.replace(group, "")
    if not (head or tail):
        return None
    return f"{head or '0'}.{tail or '0'}"


def parse_number(text: str, *, decimal_comma: bool) -> float | None:
    """Read a number written in English or German style; None when it is not a number.

    Parameters
    ----------
    text : str
        The cell as written, e.g. ``"1.234,5"``, ``"$1,234.50"``, ``"2,5"``, ``"52 000 EUR"``.
    decimal_comma : bool
        How to read the one ambiguous form, a single separator before exactly three digits
        (``"1,234"``, ``"1.234"``): as a decimal comma (True, German style; ``"1.234"`` is
        then 1234) or as a decimal point (False, English style; ``"1,234"`` is then 1234).
        All other forms read the same either way (see the module docstring).

    Returns
    -------
    float or None
        The value; None for empty text and for anything that is not a finite number.

    Examples
    --------
    >>> parse_number("1.234", decimal_comma=True), parse_number("1.234", decimal_comma=False)
    (1234.0, 1.234)
    >>> parse_number("-$1,234.50", decimal_comma=True)
    -1234.5
    >>> parse_number("52\u202f000,00 EUR", decimal_comma=False)
    52000.0
    >>> parse_number("12,34.5", decimal_comma=False) is None
    True
    """
    parts = _split(text)
    if parts is None:
        return None
    sign, body, exponent = parts
    found = _decimal_separator(body)
    decimal: Literal[".", ","] = found if found in (".", ",") else "," if decimal_comma else "."
    value = _value(body, decimal)
    if value is None:
        return None
    number = float(f"{sign}{value}e{exponent}")
    return number if math.isfinite(number) else None


def _vote(text: str) -> Separator:
    parts = _split(text)
    if parts is None:
        return ""
    decimal = _decimal_separator(parts[1])
    if decimal in (".", ",") and _value(parts[1], decimal) is not None:
        return decimal
    return ""


def uses_decimal_comma(values: Iterable[str], *, default: bool = False) -> bool:
    """Decide whether a column of numbers is written German style (decimal comma).

    Each value that shows its decimal separator unambiguously casts one vote: ``"2,5"``,
    ``"1.234,5"`` and ``"1.234.567"`` vote for the comma, ``"2.5"``, ``"1,234.5"`` and
    ``"1,234,567"`` for the point. Values without a separator, the ambiguous ``"1,234"``
    and ``"1.234"``, and non-numbers do not vote (so an English column ``"52,000"``,
    ``"48,500"`` is not mistaken for a German one). The comma wins with more votes than the
    point; on a tie (no votes included) the answer is ``default``.

    Parameters
    ----------
    values : iterable of str
        The cells of one column.
    default : bool, default False
        The answer when the votes are tied, e.g. the decision for the whole file.

    Returns
    -------
    bool
        True to read the column with ``parse_number(..., decimal_comma=True)``.

    Examples
    --------
    >>> uses_decimal_comma(["52,000", "48,500", "61,250.50"])
    False
    >>> uses_decimal_comma(["52.000", "48.500"]), uses_decimal_comma(["52.000"], default=True)
    (False, True)
    """
    commas, dots = decimal_votes(values)
    return default if commas == dots else commas > dots


def decimal_votes(values: Iterable[str]) -> tuple[int, int]:
    """``(votes for the decimal comma, votes for the decimal point)`` of
    :func:`uses_decimal_comma`; add them up to decide for several columns at once.

    >>> decimal_votes(["2,5", "0,5", "1.5", "1.000", ""])
    (2, 1)
    """
    commas = dots = 0
    for text, count in Counter(values).items():
        vote = _vote(text)
        commas += count * (vote == ",")
        dots += count * (vote == ".")
    return commas, dots
