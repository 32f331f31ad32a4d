"""Personal columns of a workforce: a person's age and whether they are on leave, for the
works council's §96 BetrVG access breakdown (training for older staff and staff on leave).

**Age** is a number of years, from 0 to :data:`MAX_AGE`. A **birth date** becomes the age
in whole years on a reference date (default today): a person born on 29 February is a
year older on 1 March of a common year. Dates are read as ISO 8601 (``1980-07-11``, with
or without a time, as workbooks and Parquet give them), German ``TT.MM.JJJJ``
(``11.07.1980``, ``1.7.1980``) and with slashes, whose order of day and month is decided
per column like a decimal comma: values whose first part is above 12 vote for day/month,
values whose second part is above 12 for month/day, and a tie (no vote included) reads
month/day/year, as US HRIS exports write it. Two-digit years are no date: their century
is a guess. The birth date itself is identifying and is never kept.

**On leave** is True, False or missing: yes/no, ja/nein, true/false, 1/0, x (an empty
cell is *missing*, not no); the kinds of leave in :data:`LEAVE` count as yes and ``active``
/ ``aktiv`` as no. Values are compared by :func:`~workshift.workforce.column_key` (case,
spaces and punctuation do not matter). Anything else is no answer (NaN here; the ingest
rejects the row, naming the cell).

Examples
--------
>>> import datetime as dt
>>> ages(["1980-07-11", "11.07.1980", "", "07/11/1980", "31.02.1980"], dt.date(2025, 7, 10))
(array([44., 44., nan, 44., nan]), 'month/day')
>>> leave_flags(["ja", "Elternzeit", "", "no", "maybe"])
array([ 1.,  1., nan,  0., nan])
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import numpy as np

from workshift.workforce._columns import column_key

__all__ = [
    "LEAVE",
    "MAX_AGE",
    "age_on",
    "ages",
    "leave_flags",
    "parse_date",
    "personal_checks",
    "personal_numbers",
    "slash_votes",
]

MAX_AGE = 120
"""An age above this many years is taken for a misread column, not a person."""

LEAVE = (
    "on leave", "leave", "leave of absence", "parental leave", "maternity leave",
    "paternity leave", "sabbatical", "unpaid leave", "care leave", "military leave",
    "beurlaubt", "Beurlaubung", "ruhend", "ruhendes Arbeitsverhältnis", "Elternzeit",
    "Mutterschutz", "Pflegezeit", "Familienpflegezeit", "Sonderurlaub", "unbezahlter Urlaub",
    "Wehrdienst",
)  # fmt: skip
"""Kinds of leave that count as on leave (besides yes, ja, true, 1, x)."""

_YES = {"yes", "y", "ja", "j", "true", "wahr", "1", "x", *map(column_key, LEAVE)}
_NO = {"no", "n", "nein", "false", "falsch", "0", "active", "aktiv"}
_NUMBERS = {"1.0": "1", "0.0": "0"}  # a float column of Parquet, as text

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_GERMAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")

Order = Literal["month/day", "day/month"]


def parse_date(text: str, *, order: Order = "month/day") -> dt.date | None:
    """A date as HR exports write it (module docstring); None when it is none.

    ``order`` says how to read a date with slashes.

    >>> parse_date("1980-07-11 00:00:00"), parse_date("1.7.1980")
    (datetime.date(1980, 7, 11), datetime.date(1980, 7, 1))
    >>> parse_date("07/11/1980"), parse_date("07/11/1980", order="day/month")
    (datetime.date(1980, 7, 11), datetime.date(1980, 11, 7))
    >>> parse_date("29.02.1981") is None, parse_date("11.07.80") is None
    (True, True)
    """
    text = text.strip()
    parts: tuple[str, str, str] | None = None
    if match := _ISO.fullmatch(text):
        parts = (match[1], match[2], match[3])
    elif match := _GERMAN.fullmatch(text):
        parts = (match[3], match[2], match[1])
    elif match := _SLASHED.fullmatch(text):
        first, second, year = match.groups()
        parts = (year, first, second) if order == "month/day" else (year, second, first)
    if parts is None:
        return None
    try:
        return dt.date(*map(int, parts))
    except ValueError:  # 31 February, month 13
        return None


def slash_votes(values: Sequence[str]) -> tuple[int, int]:
    """``(votes for day/month, votes for month/day)`` of the dates with slashes.

    >>> slash_votes(["25/12/1980", "12/25/1980", "12/31/1980", "01/02/1980", "1980-12-25"])
    (1, 2)
    """
    day_first = month_first = 0
    for text, count in Counter(values).items():
        match = _SLASHED.fullmatch(text.strip())
        if match is None:
            continue
        first, second = int(match[1]), int(match[2])
        day_first += count * (first > 12 >= second)
        month_first += count * (second > 12 >= first)
    return day_first, month_first


def age_on(born: dt.date, as_of: dt.date) -> int:
    """Whole years from ``born`` to ``as_of`` (negative when ``as_of`` is earlier).

    >>> age_on(dt.date(1980, 7, 11), dt.date(2025, 7, 10)), age_on(dt.date(1980, 7, 11),
    ...                                                            dt.date(2025, 7, 11))
    (44, 45)
    >>> age_on(dt.date(2004, 2, 29), dt.date(2025, 2, 28)), age_on(dt.date(2004, 2, 29),
    ...                                                            dt.date(2025, 3, 1))
    (20, 21)
    """
    before_birthday = (as_of.month, as_of.day) < (born.month, born.day)
    return as_of.year - born.year - before_birthday


def ages(values: Sequence[str], as_of: dt.date) -> tuple[np.ndarray, Order | None]:
    """Each birth date's age in whole years on ``as_of`` (NaN when empty or no date), and
    the order its dates with slashes were read in (None when it has none).

    Ages may be negative (a birth date after ``as_of``) or above :data:`MAX_AGE`: the
    caller decides what to make of them.
    """
    day_first, month_first = slash_votes(values)
    has_slashes = any(_SLASHED.fullmatch(text.strip()) for text in set(values))
    order: Order = "day/month" if day_first > month_first else "month/day"
    cache: dict[str, float] = {}
    for text in set(values):
        born = parse_date(text, order=order) if text.strip() else None
        cache[text] = math.nan if born is None else float(age_on(born, as_of))
    found = np.fromiter(map(cache.__getitem__, values), dtype="float64", count=len(values))
    return found, order if has_slashes else None


def leave_flags(values: Sequence[str]) -> np.ndarray:
    """Per cell 1.0 (on leave), 0.0 (not) or NaN (empty, or no answer the module
    docstring knows)."""
    cache: dict[str, float] = {}
    for text in set(values):
        plain = text.strip().casefold()
        key = _NUMBERS.get(plain) or column_key(plain)
        cache[text] = 1.0 if key in _YES else 0.0 if key in _NO else math.nan
    return np.fromiter(map(cache.__getitem__, values), dtype="float64", count=len(values))


def personal_numbers(
    text: Mapping[str, list[str]], mapping: Mapping[str, str], as_of: dt.date, *, today: bool
) -> tuple[dict[str, np.ndarray], tuple[str, ...]]:
    """For the workforce ingest: the age from a birth date column (when there is no age
    column; an age column is read as a number with the others) and on leave as 1/0/NaN,
    by canonical column; and the note on how birth dates were read (``today``: ``as_of``
    is today's date, not one the caller gave).

    ``text`` and ``mapping`` are the mapped columns' cells and source names.
    """
    numbers: dict[str, np.ndarray] = {}
    notes: list[str] = []
    if "birth_date" in text and "age" not in text:
        numbers["age"], order = ages(text["birth_date"], as_of)
        when = "today" if today else f"on {as_of.isoformat()}"
        slashes = f"; dates with slashes as {order}/year" if order else ""
        notes.append(
            f"{mapping['birth_date']!r} read as ages in whole years {when}{slashes}; the "
            "birth dates are not kept"
        )
    if "on_leave" in text:
        numbers["on_leave"] = leave_flags(text["on_leave"])
    return numbers, tuple(notes)


def _too_old(age: np.ndarray) -> Callable[[int], str]:
    def reason(row: int) -> str:
        return f"age {age[row]:g} is more than {MAX_AGE}"

    return reason


def personal_checks(
    filled: Mapping[str, np.ndarray], numbers: Mapping[str, np.ndarray], as_of: dt.date
) -> list[tuple[np.ndarray, str, str | Callable[[int], str]]]:
    """For the workforce ingest: ``(rows, canonical column at fault, reason)`` of the age,
    birth date and on-leave cells, in the order they apply.

    ``filled`` says, per mapped column, which cells hold more than white space; ``numbers``
    holds ``age`` (given or from birth dates) and ``on_leave`` as :func:`personal_numbers`
    and the ingest read them. No reason quotes a birth date: it is identifying.
    """
    checks: list[tuple[np.ndarray, str, str | Callable[[int], str]]] = []
    if "age" in numbers:
        age = numbers["age"]
        if "age" in filled:
            checks += [
                (filled["age"] & np.isnan(age), "age", "age is not a number"),
                (age < 0, "age", "age is negative"),
                (age > MAX_AGE, "age", _too_old(age)),
            ]
        else:
            on = as_of.isoformat()
            checks += [
                (
                    filled["birth_date"] & np.isnan(age),
                    "birth_date",
                    "birth date is not a date (YYYY-MM-DD, DD.MM.YYYY or with slashes)",
                ),
                (age < 0, "birth_date", f"birth date is after the reference date {on}"),
                (age > MAX_AGE, "birth_date", f"birth date gives an age above {MAX_AGE} on {on}"),
            ]
    if "on_leave" in numbers:
        checks.append(
            (
                filled["on_leave"] & np.isnan(numbers["on_leave"]),
                "on_leave",
                "on leave is not yes/no, 1/0, x or a kind of leave (Elternzeit, sabbatical)",
            )
        )
    return checks
