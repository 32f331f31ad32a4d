"""Our own data texts in the report's language: row reasons and task-group names.

The library writes a row's reason in English (``unmatched.csv`` and ``rows.csv`` keep it
so, for scripts); a report shows it in its language. Each reason the library writes has a
pattern here and a message key in the catalogue (``reason.*`` in ``_messages``); the
numbers inside it are written as the language writes numbers. A reason without a pattern
is shown as it is, never dropped.

Task groups are the 41 O*NET generalized work activities; their German names are a
reviewed table in ``reports/data/work_activities_de.csv``.

Examples
--------
>>> from workshift.reports._messages import messages
>>> de = messages("de")
>>> reason_text("rejected on ingest: 35 fields where the header has 36", de)
'beim Einlesen abgelehnt: 35 Felder, die Kopfzeile hat 36'
>>> reason_text("placeholder, names no occupation", de)
'Platzhalter, nennt keinen Beruf'
>>> reason_text("unknown occupation code '99-9999'; closest valid codes: 19-9099", de)
"unbekannter Berufscode '99-9999'; nächste gültige Codes: 19-9099"
>>> reason_text("a reason nobody knows", de)
'a reason nobody knows'
>>> task_group_name("Working with Computers", de), task_group_name("Other", de)
('Mit Computern arbeiten', 'Sonstige')
>>> task_group_name("Working with Computers", messages("en"))
'Working with Computers'
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib.resources import files
from typing import Any

from workshift.reports._messages import Messages

__all__ = ["REASON_PATTERNS", "reason_text", "task_group_name", "translate_column"]

_NUMBER = r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?"
REASON_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(f"^{pattern}$"))
    for key, pattern in (
        ("rejected", r"rejected on ingest: (?P<inner>.+)"),
        ("rejected_kind", r"rejected on ingest"),
        (
            "fields_spanning",
            rf"(?P<n>{_NUMBER}) fields where the header has (?P<m>{_NUMBER}) "
            rf"\(the record spans lines (?P<a>{_NUMBER})-(?P<b>{_NUMBER})\)",
        ),
        ("fields", rf"(?P<n>{_NUMBER}) fields where the header has (?P<m>{_NUMBER})"),
        ("total_row", "total row"),
        ("blank_row", "blank row"),
        ("no_title_or_code", "no job title or occupation code"),
        ("no_title", "no job title"),
        ("title_no_occupation", "no occupation"),
        ("empty_title", "empty title"),
        ("no_letters", "no letters in title"),
        ("placeholder", "placeholder, names no occupation"),
        ("no_words", "no words left after normalisation"),
        ("headcount_empty", "headcount is empty"),
        ("headcount_nan", "headcount is not a number"),
        ("headcount_positive", "headcount must be greater than 0"),
        (
            "headcount_fraction",
            rf"headcount (?P<value>{_NUMBER}) is not a whole number of people; is "
            r"'(?P<column>.+)' FTE\? map it as fte .*",
        ),
        ("fte_nan", "fte is not a number"),
        ("fte_negative", "fte is negative"),
        (
            "fte_person",
            rf"fte (?P<value>{_NUMBER}) is more than (?P<max>{_NUMBER}) for one person .*",
        ),
        (
            "fte_people",
            rf"fte (?P<value>{_NUMBER}) for (?P<people>{_NUMBER}) people is more than "
            rf"(?P<max>{_NUMBER}) per person",
        ),
        ("cost_nan", "annual cost is not a number"),
        ("cost_negative", "annual cost is negative"),
        (
            "unknown_code_suggest",
            r"unknown occupation code '(?P<code>[^']*)'; closest valid codes: (?P<codes>.+)",
        ),
        ("unknown_code", r"unknown occupation code '(?P<code>[^']*)'"),
    )
)
"""``(message key, pattern)`` of every reason the library writes, most specific first."""

_TEXT_GROUPS = {"inner", "column", "code", "codes"}


def reason_text(reason: Any, m: Messages) -> str:
    """``reason`` in the language of ``m`` (as it is where no pattern knows it)."""
    text = "" if reason is None else str(reason)
    for key, pattern in REASON_PATTERNS:
        found = pattern.match(text)
        if found is None:
            continue
        values = {
            name: value if name in _TEXT_GROUPS else m.number(float(value))
            for name, value in found.groupdict().items()
            if value is not None
        }
        if "inner" in values:
            values["inner"] = reason_text(values["inner"], m)
        return m(f"reason.{key}", **values)
    return text


@cache
def _work_activities_de() -> dict[str, str]:
    text = (files("workshift.reports") / "data" / "work_activities_de.csv").read_text("utf-8")
    return {row["name"]: row["name_de"] for row in csv.DictReader(text.splitlines())}


def task_group_name(name: Any, m: Messages) -> str:
    """A task group's name in the language of ``m`` (O*NET's English name in English)."""
    text = "" if name is None else str(name)
    if m.lang == "en":
        return text
    if text == "Other":
        return m("task_group_other")
    return _work_activities_de().get(text, text)


def translate_column(values: Any, column: str, m: Messages) -> Any:
    """``values`` of a frame's ``column`` in the report's language where they are our
    texts (``reason``, ``example_reason``, ``task_group``); other columns as they are."""
    if column in ("reason", "example_reason"):
        return [reason_text(v, m) for v in values]
    if column == "task_group":
        return [task_group_name(v, m) for v in values]
    return values
