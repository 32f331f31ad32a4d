"""match_titles: the title-coding verb behind ``workshift match`` and the Python API.

Every input row is accounted for in the result: matched (one row per rank), decided by an
override, or reported with an empty ``rank`` and a ``reason``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd

from workshift.matching._default import default_matcher
from workshift.matching._normalise import is_placeholder
from workshift.matching._overrides import Overrides
from workshift.matching._title_matcher import Progress, TitleMatcher
from workshift.reference import ReferenceStore

__all__ = ["MATCH_COLUMNS", "match_titles"]

MATCH_COLUMNS = [
    "input_row",
    "title",
    "rank",
    "onet_soc_code",
    "occupation",
    "confidence",
    "decided_by",
    "needs_review",
    "isco08_code",
    "reason",
]


def _problem(value: Any) -> str | None:
    """Why a cell cannot be matched, or None when it holds a title."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return "empty title"
    if not isinstance(value, str):
        return f"not text ({type(value).__name__})"
    if not value.strip():
        return "empty title"
    if not any(ch.isalpha() for ch in value):
        return "no letters in title"
    if is_placeholder(value):
        return "placeholder, names no occupation"
    return None


def _isco_codes(store: ReferenceStore, codes: Iterable[str]) -> dict[str, str]:
    walk = store.crosswalk(sorted(set(codes)), "onet_soc", "isco08").dropna(subset=["to_code"])
    joined = walk.groupby("from_code")["to_code"].agg(lambda s: ";".join(sorted(set(s))))
    return {str(k): str(v) for k, v in joined.items()}


def match_titles(
    titles: Iterable[Any],
    top_k: int = 5,
    *,
    overrides: Overrides | None = None,
    matcher: TitleMatcher | Callable[[], TitleMatcher] | None = None,
    store: ReferenceStore | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Match job titles to O*NET-SOC occupations, top-k with calibrated confidence.

    Parameters
    ----------
    titles
        Job titles in any language the embedder knows (English and German by default).
    top_k
        Occupations per title.
    overrides
        Rules that win over the matcher (:class:`Overrides`).
    matcher
        A fitted :class:`TitleMatcher`, or a function that returns one (called only when
        a title is left for the model); default the cached one for the shipped bundle.

    Returns
    -------
    pandas.DataFrame
        Long format, one row per (input row, rank), columns :data:`MATCH_COLUMNS`.
        ``decided_by`` is ``override``, ``exact_title`` (the title equals a reference
        title of the top occupation) or ``model``; a row that cannot be matched has an
        empty ``rank`` and a ``reason``.
    """
    store = store or ReferenceStore()
    values = list(titles)
    problems = [_problem(v) for v in values]
    cleaned = [str(v).strip() if p is None else "" for v, p in zip(values, problems, strict=True)]
    distinct = sorted({c for c, p in zip(cleaned, problems, strict=True) if p is None})

    results: list[pd.DataFrame] = []
    to_model = distinct
    if overrides is not None and len(overrides):
        decided = {t: overrides.lookup(t) for t in distinct}
        chosen = {t: r for t, r in decided.items() if r is not None}
        to_model = [t for t in distinct if t not in chosen]
        if chosen:
            occ = store.occupations([r.onet_soc_code for r in chosen.values()])
            names = dict(zip(occ["onet_soc_code"], occ["title"], strict=True))
            results.append(
                pd.DataFrame(
                    {
                        "title": list(chosen),
                        "rank": 1,
                        "onet_soc_code": [r.onet_soc_code for r in chosen.values()],
                        "occupation": [names.get(r.onet_soc_code, "") for r in chosen.values()],
                        "confidence": 1.0,
                        "decided_by": "override",
                        "needs_review": False,
                        "reason": [
                            f"override row {r.row} ({r.kind} {r.pattern!r})"
                            for r in chosen.values()
                        ],
                    }
                )
            )
    if to_model:
        if matcher is None:
            matcher = default_matcher(store, progress=progress)
        elif not isinstance(matcher, TitleMatcher):
            matcher = matcher()  # loaded only now: every title may have had an override
        predicted = matcher.predict(to_model, top_k=top_k, progress=progress)
        exact_top = predicted.loc[predicted["rank"] == 1].set_index("query")["exact"]
        predicted["decided_by"] = np.where(
            predicted["query"].map(exact_top).fillna(False), "exact_title", "model"
        )
        predicted["title"] = np.asarray(to_model, dtype=object)[predicted["query"].to_numpy()]
        predicted["reason"] = ""
        results.append(predicted.drop(columns=["query", "exact"]))
        unmatched = sorted(set(to_model) - set(predicted["title"]))
        if unmatched:
            results.append(
                pd.DataFrame({"title": unmatched, "reason": "no words left after normalisation"})
            )

    by_title = pd.concat(results, ignore_index=True) if results else pd.DataFrame(columns=["title"])
    isco = (
        _isco_codes(store, by_title["onet_soc_code"].dropna())
        if "onet_soc_code" in by_title
        else {}
    )
    rows = pd.DataFrame(
        {"input_row": np.arange(len(values)), "title": cleaned, "problem": problems}
    )
    out = rows.merge(by_title, on="title", how="left")
    has_problem = out["problem"].notna()
    out.loc[has_problem, "reason"] = out.loc[has_problem, "problem"]
    out.loc[has_problem, "title"] = [
        "" if v is None else str(v)
        for v in np.asarray(values, dtype=object)[out.loc[has_problem, "input_row"].to_numpy()]
    ]
    out["isco08_code"] = out.get("onet_soc_code", pd.Series(dtype=object)).map(isco)
    for column in MATCH_COLUMNS:
        if column not in out:
            out[column] = pd.NA
    out["rank"] = out["rank"].astype("Int64")
    out["reason"] = out["reason"].fillna("")
    out = out.sort_values(["input_row", "rank"], na_position="last", kind="stable")
    return out[MATCH_COLUMNS].reset_index(drop=True)
