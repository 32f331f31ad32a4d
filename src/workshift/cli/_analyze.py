"""``workshift analyze``: exposure of an organisation's workforce, end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workshift.cli._output import (
    LangOption,
    OverridesOption,
    PseudonymKeyOption,
    RaterOption,
    TasksOption,
    console,
    progress_bar,
    rater,
    table,
    user_errors,
)
from workshift.reference import ReferenceStore


def analyze(
    workforce: Annotated[Path, typer.Argument(help="Workforce export: CSV, XLSX or Parquet.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the results.")],
    labels: RaterOption = "human",
    overrides: OverridesOption = None,
    tasks: TasksOption = None,
    pseudonym_key: PseudonymKeyOption = None,
    lang: LangOption = "en",
) -> None:
    """Match titles, score tasks and aggregate exposure by role, department and location.

    Writes summary.json, report.html, report.xlsx and matches, roles, tasks,
    departments, locations, department_task_groups and unmatched as CSV (every input
    row is analysed or listed in unmatched.csv with the reason).
    """
    from workshift.pipeline import analyze as run  # heavy: imported only when used
    from workshift.pipeline import write_analysis
    from workshift.reports import LANGUAGES, write_html_report, write_xlsx_report

    chosen = rater(labels)
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"use one of {', '.join(LANGUAGES)}", param_hint="--lang")
    with user_errors(), progress_bar() as progress:
        store = ReferenceStore()
        result = run(
            workforce,
            rater=chosen,
            pseudonym_key=pseudonym_key,
            overrides=overrides,
            tasks=tasks,
            store=store,
            progress=progress,
        )
        write_analysis(result, output)
        progress("writing reports", 0, 2)
        write_html_report(result, output / "report.html", store=store, lang=lang)
        progress("writing reports", 1, 2)
        write_xlsx_report(result, output / "report.xlsx", store=store, lang=lang)
        progress("writing reports", 2, 2)
    out = console()
    departments = table(
        "Exposure by department (headcount-weighted; exposure is not job loss)",
        [("department", "left"), ("headcount", "right"), ("alpha", "right"),
         ("beta", "right"), ("zeta", "right")],
    )  # fmt: skip
    for row in result.departments.to_dict("records"):
        departments.add_row(
            str(row["department"] or "(none)"), f"{row['headcount']:,.0f}",
            *(f"{row[k]:.2f}" if row[k] == row[k] else "" for k in ("alpha", "beta", "zeta")),
        )  # fmt: skip
    out.print(departments)
    s = result.summary
    out.print(
        f"{s['input_rows']:,} rows, headcount {s['headcount']:,.0f} analysed "
        f"({s['unmatched_rows']:,} rows unmatched); beta mean {s['beta_mean']:.2f}; "
        f"{s['share_beta_ge_10pct']:.0%} of headcount with beta >= 10%, "
        f"{s['share_beta_gt_50pct']:.0%} above 50% -> {output / 'report.html'}"
    )
