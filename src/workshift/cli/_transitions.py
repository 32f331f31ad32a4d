"""``workshift transitions``: where people in an occupation could move, ranked and explained."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from workshift.cli._output import (
    EmbedderOption,
    console,
    progress_bar,
    table,
    user_errors,
)
from workshift.cli._params import input_file

if TYPE_CHECKING:
    import pandas as pd


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
    from workshift.reskilling import rank_transitions, write_transitions
    from workshift.workforce import read_table

    with user_errors():
        frame = read_table(origins)
        with progress_bar() as progress:
            result = rank_transitions(
                frame, top_k=top_k, roles=roles, embedder=embedder, progress=progress,
                source=str(origins),
            )  # fmt: skip
    write_transitions(result, output)
    _print(result, output)


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
