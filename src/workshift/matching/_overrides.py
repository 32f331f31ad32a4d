"""User overrides: a mapping file from titles (or patterns) to occupation codes that always
wins over the matcher.

The file (CSV, XLSX or Parquet) has the columns ``title`` and ``code``, and optionally
``kind``: ``exact`` (default; compared after normalisation, so "Lagerist (m/w/d)" matches
"Lagerist"), ``glob`` (shell-style, e.g. ``*picker*``) or ``regex`` (Python, case-
insensitive, searched anywhere in the title). ``code`` may be O*NET-SOC, SOC 2018 (its
``.00`` occupation) or anything else :meth:`ReferenceStore.resolve` accepts that stands for
one occupation. The first matching rule in file order wins. A filled review sheet of
``workshift review`` is an override file too (see :mod:`workshift.matching._review_sheet`).

Examples
--------
>>> from workshift.reference import ReferenceStore
>>> rules = Overrides.from_records(
...     [{"title": "Picker", "code": "53-7065"}, {"title": "*night*", "code": "53-7062",
...       "kind": "glob"}], ReferenceStore())
>>> rules.lookup("picker (m/w/d)").onet_soc_code
'53-7065.00'
>>> rules.lookup("Forklift driver - night").onet_soc_code
'53-7062.00'
>>> rules.lookup("Accountant") is None
True
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from workshift.exceptions import InputDataError, UnknownCodeError
from workshift.matching._normalise import TitleNormaliser
from workshift.matching._resolve import CodingPolicy, resolve_occupations
from workshift.matching._review_sheet import is_review_sheet, review_rules
from workshift.reference import ReferenceStore
from workshift.workforce import TableInput, load_table, require_column

__all__ = ["OVERRIDE_POLICY", "OverrideRule", "Overrides"]

OVERRIDE_POLICY = CodingPolicy(titles="never", several="primary")
"""A rule's code names one occupation: every code form and crosswalk, but a code that
stands for several occupations only by its SOC code's own ``.00`` occupation."""

Kind = Literal["exact", "glob", "regex"]
_KINDS = ("exact", "glob", "regex")


@dataclass(frozen=True)
class OverrideRule:
    """One rule of an override file; ``row`` is its 1-based data row."""

    pattern: str
    kind: Kind
    onet_soc_code: str
    row: int
    compiled: re.Pattern[str]


class Overrides:
    """An ordered list of override rules."""

    def __init__(self, rules: Iterable[OverrideRule], source: str = "") -> None:
        self.rules = list(rules)
        self.source = source
        self._normalise = TitleNormaliser.default()

    def __len__(self) -> int:
        return len(self.rules)

    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, Any]], store: ReferenceStore, *, source: str = ""
    ) -> Overrides:
        """Build rules from dicts with ``title``, ``code`` and optional ``kind``."""
        normalise = TitleNormaliser.default()
        records = list(records)
        resolved = resolve_occupations(
            pd.Series([str(r.get("code", "")).strip() for r in records], dtype=object),
            None,
            store=store,
            policy=OVERRIDE_POLICY,
        )
        rules = []
        for index, record in enumerate(records, start=1):
            row = int(record.get("row", index))
            pattern = str(record.get("title", "")).strip()
            kind = str(record.get("kind", "") or "exact").strip().lower()
            code = str(record.get("code", "")).strip()
            if not pattern:
                raise InputDataError("empty title or pattern", file=source, row=row, column="title")
            if kind not in _KINDS:
                raise InputDataError(
                    f"kind {kind!r} is not one of {', '.join(_KINDS)}",
                    file=source,
                    row=row,
                    column="kind",
                )
            found = resolved.iloc[index - 1]
            if found["code"] is None:
                reason = str(found["reason"])
                if found["status"] == "blank":  # as an unknown code always said
                    reason = str(UnknownCodeError(code, suggestions=store.suggest(code)))
                raise InputDataError(reason, file=source, row=row, column="code")
            target = str(found["code"])
            try:
                if kind == "regex":
                    compiled = re.compile(pattern, re.IGNORECASE)
                elif kind == "glob":
                    compiled = re.compile(fnmatch.translate(pattern.lower()), re.IGNORECASE)
                else:
                    compiled = re.compile(re.escape(normalise(pattern).key))
            except re.error as err:
                raise InputDataError(
                    f"invalid pattern: {err}", file=source, row=row, column="title"
                ) from err
            rules.append(OverrideRule(pattern, kind, target, row, compiled))  # type: ignore[arg-type]
        return cls(rules, source)

    @classmethod
    def load(cls, path: TableInput | Sequence[TableInput], store: ReferenceStore) -> Overrides:
        """Read an override file (CSV, XLSX or Parquet, or a DataFrame of its columns), or
        a review sheet of ``workshift review`` as the user filled it (English or German
        headers; rows whose ``code`` is blank are no rule). Several files are read in
        order: a rule of an earlier file wins."""
        if not isinstance(path, str | Path | pd.DataFrame):
            parts = [cls.load(one, store) for one in path]
            rules = [rule for part in parts for rule in part.rules]
            return cls(rules, "; ".join(part.source for part in parts))
        frame, source = load_table(path)
        if is_review_sheet(frame):
            return cls.from_records(review_rules(frame, source=source), store, source=source)
        for column in ("title", "code"):
            require_column(frame, column, file=source)
        return cls.from_records(frame.to_dict("records"), store, source=source)  # type: ignore[arg-type]

    def lookup(self, title: str) -> OverrideRule | None:
        """The first rule that matches ``title``, or None."""
        key = None
        for rule in self.rules:
            if rule.kind == "exact":
                key = key if key is not None else self._normalise(title).key
                if rule.compiled.fullmatch(key):
                    return rule
            elif rule.kind == "glob":
                if rule.compiled.fullmatch(title.strip().lower()):
                    return rule
            elif rule.compiled.search(title):
                return rule
        return None
