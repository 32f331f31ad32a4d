"""``workshift analyze``: exposure of an organisation's workforce, end to end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from workshift.cli._output import (
    AudienceOption,
    LangOption,
    MinGroupOption,
    OverridesOption,
    PseudonymKeyOption,
    RaterOption,
    TasksOption,
    WorkforceArgument,
    console,
    disclosure_policy,
    print_disclosure,
    progress_bar,
    rater,
    table,
    user_errors,
)
from workshift.cli._workforce import MapOption, SheetOption, load_workforce

if TYPE_CHECKING:
    from workshift.exposure import Rater
    from workshift.pipeline import Analysis
    from workshift.reference import ReferenceStore


def run_analysis(
    workforce: Path,
    chosen: Rater,
    overrides: list[Path] | None,
    tasks: Path | None,
    pseudonym_key: str | None,
    maps: list[str] | None,
    sheet: str | None,
    store: ReferenceStore,
    progress: Callable[[str, int, int], None],
) -> Analysis:
    """The analysis behind ``analyze`` and ``review``: the workforce read as the options
    say, then :func:`workshift.pipeline.analyze`."""
    from workshift.pipeline import analyze as run  # heavy: imported only when used

    return run(
        load_workforce(workforce, maps, sheet, pseudonym_key),
        rater=chosen,
        pseudonym_key=pseudonym_key,
        overrides=overrides,
        tasks=tasks,
        store=store,
        progress=progress,
    )


def analyze(
    workforce: WorkforceArgument,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FOLDER", help="Folder for the results.")
    ],
    labels: RaterOption = "human",
    overrides: OverridesOption = None,
    tasks: TasksOption = None,
    pseudonym_key: PseudonymKeyOption = None,
    maps: MapOption = None,
    sheet: SheetOption = None,
    lang: LangOption = "en",
    audience: AudienceOption = "hr",
    min_group: MinGroupOption = 5,
) -> None:
    """Match titles, score tasks and aggregate exposure by role, department and location.

    A title the matcher is unsure of is analysed over its candidate occupations; every
    figure carries its coding range. Writes summary.json, report.html, report.xlsx and
    rows, titles, matches, roles, tasks, departments, locations, department_task_groups
    and unmatched as CSV (every input row is analysed or listed in unmatched.csv with
    the reason). Headcount counts people; FTE is given beside it.

    For HR it also saves the analysis into analysis/ (every frame as Parquet, the
    workforce it was made from, and analysis.json, a manifest with checksums and the
    reference bundle's version): `workshift scenario`, `reskill` and `council` take it
    with --analysis FOLDER instead of analysing the workforce again. It holds person-level
    data and file paths, so --audience council writes none.
    """
    from workshift.pipeline import save_analysis, write_analysis  # heavy: only when used
    from workshift.reference import ReferenceStore
    from workshift.reports import LANGUAGES

    chosen = rater(labels)
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"use one of {', '.join(LANGUAGES)}", param_hint="--lang")
    policy = disclosure_policy(audience, min_group)
    with user_errors(), progress_bar() as progress:
        store = ReferenceStore()
        result = run_analysis(
            workforce, chosen, overrides, tasks, pseudonym_key, maps, sheet, store, progress
        )
        if policy is not None:
            from workshift.pipeline import for_council

            progress("disclosure control", 0, 1)
            result = for_council(result, policy)
            progress("disclosure control", 1, 1)
        else:  # person-level: for HR only
            from workshift.pipeline import ANALYSIS_FOLDER

            save_analysis(result, output / ANALYSIS_FOLDER)
        write_analysis(result, output, lang=lang, store=store, progress=progress)
    out = console()
    if policy is not None:
        print_disclosure(result.summary, output / "report.html")
        return
    departments = table(
        "Exposure by department (people-weighted; exposure is not job loss)",
        [("department", "left"), ("people", "right"), ("alpha", "right"),
         ("beta", "right"), ("beta range", "right"), ("zeta", "right")],
    )  # fmt: skip
    for row in result.departments.to_dict("records"):
        known = row["beta"] == row["beta"]
        departments.add_row(
            str(row["department"] or "(none)"), f"{row['headcount']:,.0f}",
            *(f"{row[k]:.2f}" if known else "" for k in ("alpha", "beta")),
            f"{row['beta_low']:.2f}-{row['beta_high']:.2f}" if known else "",
            f"{row['zeta']:.2f}" if known else "",
        )  # fmt: skip
    out.print(departments)
    s = result.summary
    if s.get("share_beta_gt_50pct") is None:
        out.print(f"{s['input_rows']:,} rows, none could be analysed (see unmatched.csv)")
        return
    out.print(
        f"{s['input_rows']:,} rows: {s['analysed_rows']:,} analysed, "
        f"{s['unmatched_rows']:,} listed with the reason in unmatched.csv. "
        f"{s['headcount']:,.0f} people with scores ({s['fte']:,.1f} FTE); "
        f"coded with confidence: {s['confident_share']:.0%} of them. "
        f"Beta mean {s['beta_mean']:.2f} ({s['beta_mean_low']:.2f}-{s['beta_mean_high']:.2f}); "
        f"{s['share_beta_ge_10pct']:.0%} of people with beta >= 10%, "
        f"{s['share_beta_gt_50pct']:.0%} above 50% (coding range "
        f"{s['share_beta_gt_50pct_low']:.0%}-{s['share_beta_gt_50pct_high']:.0%}) "
        f"-> {output / 'report.html'}"
    )
