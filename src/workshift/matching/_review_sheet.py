"""The review sheet's columns in English and German, and how a filled sheet becomes
override rules.

``workshift review`` writes one row per distinct matcher-coded title with its top
candidates and an empty ``code`` column. The user types, per title, an occupation code, a
candidate number (``1`` to ``5``) or ``ok`` (accept candidate 1), and leaves the rest
blank. :meth:`~workshift.matching.Overrides.load` reads the filled sheet as it is, in
either language: each filled row is an exact-title rule; blank rows are no rule.

Examples
--------
>>> import pandas as pd
>>> sheet = pd.DataFrame({"Titel": ["Lagerist", "Picker", "Agent"], "Code": ["ok", "", "2"],
...                       "Kandidat 1 Code": ["53-7062.00", "53-7065.00", "43-4051.00"],
...                       "Kandidat 2 Code": ["", "", "41-3091.00"]})
>>> is_review_sheet(sheet)
True
>>> [(r["title"], r["code"], r["row"]) for r in review_rules(sheet)]
[('Lagerist', '53-7062.00', 1), ('Agent', '41-3091.00', 3)]
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from workshift.exceptions import InputDataError
from workshift.workforce import column_key

__all__ = [
    "ACCEPT",
    "REVIEW_COLUMNS",
    "is_review_sheet",
    "review_label",
    "review_rules",
]

REVIEW_COLUMNS: dict[str, dict[str, str]] = {
    "title": {"en": "title", "de": "Titel"},
    "code": {"en": "code", "de": "Code"},
    "headcount": {"en": "headcount (people)", "de": "Köpfe (Personen)"},
    "rows": {"en": "rows", "de": "Zeilen"},
    "fte": {"en": "FTE", "de": "VZÄ"},
    "decided_by": {"en": "coded by", "de": "codiert durch"},
    "occupation_confidence": {"en": "occupation confidence", "de": "Sicherheit Beruf"},
    "exposure_confidence": {"en": "exposure confidence", "de": "Sicherheit Exposition"},
    "beta": {"en": "beta used", "de": "verwendetes Beta"},
    "beta_low": {"en": "beta low", "de": "Beta niedrig"},
    "beta_high": {"en": "beta high", "de": "Beta hoch"},
    "narrows_share_gt_50pct": {
        "en": "narrows share beta > 50% by",
        "de": "verengt Anteil Beta > 50 % um",
    },
    "narrows_beta_mean": {"en": "narrows mean beta by", "de": "verengt mittleres Beta um"},
}
"""Canonical column -> its header in each language (candidate columns: see
:func:`review_label`)."""

_CANDIDATE = {
    "code": {"en": "candidate {n} code", "de": "Kandidat {n} Code"},
    "occupation": {"en": "candidate {n} occupation", "de": "Kandidat {n} Beruf"},
    "confidence": {"en": "candidate {n} confidence", "de": "Kandidat {n} Sicherheit"},
    "beta": {"en": "candidate {n} beta", "de": "Kandidat {n} Beta"},
}
ACCEPT = frozenset({"ok", "x", "yes", "y", "ja", "j", "accept", "✓", "✔"})
"""Cell values that accept candidate 1."""
_MAX_CANDIDATES = 9


def review_label(column: str, lang: str = "en") -> str:
    """The header of a review-sheet column (``candidate_2_beta`` etc. included).

    >>> review_label("candidate_2_beta", "de"), review_label("narrows_beta_mean")
    ('Kandidat 2 Beta', 'narrows mean beta by')
    """
    if column in REVIEW_COLUMNS:
        return REVIEW_COLUMNS[column][lang]
    parts = column.split("_", 2)
    if len(parts) == 3 and parts[0] == "candidate" and parts[2] in _CANDIDATE:
        return _CANDIDATE[parts[2]][lang].format(n=parts[1])
    return column


def _canonical(frame: pd.DataFrame) -> dict[str, str]:
    """Source column -> canonical review column, for the columns a review sheet has."""
    labels: dict[str, str] = {}
    for canonical, by_lang in REVIEW_COLUMNS.items():
        for label in (canonical, *by_lang.values()):
            labels[column_key(label)] = canonical
    for n in range(1, _MAX_CANDIDATES + 1):
        for part, by_lang in _CANDIDATE.items():
            canonical = f"candidate_{n}_{part}"
            for label in (canonical, *(t.format(n=n) for t in by_lang.values())):
                labels[column_key(label)] = canonical
    out: dict[str, str] = {}
    for name in frame.columns:
        found = labels.get(column_key(str(name)))
        if found is not None and found not in out.values():
            out[str(name)] = found
    return out


def is_review_sheet(frame: pd.DataFrame) -> bool:
    """Whether ``frame`` is a review sheet (title, code and candidate columns)."""
    found = set(_canonical(frame).values())
    return {"title", "code", "candidate_1_code"} <= found


def review_rules(frame: pd.DataFrame, *, source: str = "") -> list[dict[str, Any]]:
    """The override records of a filled review sheet: ``title``, ``code`` and ``row``
    (1-based data row) for each row whose ``code`` cell is filled.

    ``ok`` (or ``x``, ``ja``, ...) accepts candidate 1, a number picks that candidate,
    anything else is taken as an occupation code (checked when the rules are built).
    """
    sheet = frame.rename(columns=_canonical(frame))
    records = []
    for row, record in enumerate(sheet.to_dict("records"), start=1):
        raw = record.get("code")
        value = "" if raw is None or raw != raw else str(raw).strip()
        if not value:
            continue
        title = str(record.get("title") or "").strip()
        if title[:1] == "'" and title[1:2] in ("=", "+", "-", "@"):
            title = title[1:]  # written quoted so that Excel does not run it as a formula
        pick = "1" if value.casefold() in ACCEPT else value
        if pick.isdigit() and len(pick) == 1 and pick != "0":
            chosen = record.get(f"candidate_{pick}_code")
            code = "" if chosen is None or chosen != chosen else str(chosen).strip()
            if not code:
                raise InputDataError(
                    f"code {value!r} picks candidate {pick}, but this title has none",
                    file=source,
                    row=row,
                    column="code",
                )
            value = code
        records.append({"title": title, "code": value, "row": row})
    return records
