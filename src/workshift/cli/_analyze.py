"""``workshift analyze``: exposure of an organisation's workforce, end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, cast

import typer

from workshift.cli._output import console, progress_bar, user_errors
from workshift.exposure import Rater


def analyze(
    workforce: Annotated[Path, typer.Argument(help="Workforce export: CSV, XLSX or Parquet.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the results.")],
    rater: Annotated[str, typer.Option(help="Task labels: human (default) or gpt4.")] = "human",
    overrides: Annotated[
        Path | None,
        typer.Option(help="Title-to-code file (title, code, optional kind); wins over matching."),
    ] = None,
    pseudonym_key: Annotated[
        str | None,
        typer.Option(envvar="WORKSHIFT_PSEUDONYM_KEY", help="Key for pseudonymising employee ids."),
    ] = None,
) -> None:
    """Match titles, score tasks and aggregate exposure by role, department and location.

    Writes summary.json, matches.csv, roles.csv, tasks.csv, departments.csv,
    locations.csv and unmatched.csv (every input row is analysed or listed there).
    """
    from workshift.pipeline import analyze as run  # heavy: imported only when used
    from workshift.pipeline import write_analysis

    if rater not in ("human", "gpt4"):
        raise typer.BadParameter("use human or gpt4", param_hint="--rater")
    with user_errors(), progress_bar() as progress:
        result = run(
            workforce,
            rater=cast(Rater, rater),
            pseudonym_key=pseudonym_key,
            overrides=overrides,
            progress=progress,
        )
        write_analysis(result, output)
    s = result.summary
    console().print(
        f"{s['input_rows']:,} rows, headcount {s['headcount']:,.0f} analysed "
        f"({s['unmatched_rows']:,} rows unmatched); beta mean {s['beta_mean']:.2f}; "
        f"{s['share_beta_ge_10pct']:.0%} of headcount with beta >= 10%, "
        f"{s['share_beta_gt_50pct']:.0%} above 50% -> {output}"
    )
