"""``workshift review``: the titles to settle first, as a sheet to fill and pass back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workshift.cli._analyze import run_analysis
from workshift.cli._output import (
    LangOption,
    OverridesOption,
    PseudonymKeyOption,
    RaterOption,
    TasksOption,
    WorkforceArgument,
    console,
    progress_bar,
    rater,
    table,
    user_errors,
)
from workshift.cli._workforce import MapOption, SheetOption


def review(
    workforce: WorkforceArgument,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="FILE", help="The review sheet to write: .xlsx or .csv."
        ),
    ],
    labels: RaterOption = "human",
    overrides: OverridesOption = None,
    tasks: TasksOption = None,
    pseudonym_key: PseudonymKeyOption = None,
    maps: MapOption = None,
    sheet: SheetOption = None,
    lang: LangOption = "en",
    show: Annotated[
        int, typer.Option(metavar="N", help="Titles to print (the sheet has all).")
    ] = 10,
) -> None:
    """List each distinct job title the matcher coded, with its headcount, its top-5
    candidates (confidence and beta) and an empty code column, the titles whose settling
    narrows the headline range most first. Fill in the code column (a code, a candidate
    number or ok) and pass the sheet back with --overrides."""
    from workshift.reference import ReferenceStore  # heavy: imported when used
    from workshift.reports import LANGUAGES, write_review_sheet

    chosen = rater(labels)
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"use one of {', '.join(LANGUAGES)}", param_hint="--lang")
    if output.suffix.lower() not in (".xlsx", ".csv"):
        raise typer.BadParameter("give a .xlsx or .csv file", param_hint="--output")
    with user_errors(), progress_bar() as progress:
        store = ReferenceStore()
        result = run_analysis(
            workforce, chosen, overrides, tasks, pseudonym_key, maps, sheet, store, progress
        )
        write_review_sheet(result.titles, output, lang=lang, summary=result.summary)
    titles, s = result.titles, result.summary
    out = console()
    shown = table(
        f"Titles to settle first ({min(show, len(titles))} of {len(titles):,}; "
        "people = headcount)",
        [("title", "left"), ("people", "right"), ("candidate 1", "left"),
         ("conf.", "right"), ("beta range", "right"), ("narrows", "right")],
    )  # fmt: skip
    for row in titles.head(show).to_dict("records"):
        known = row["beta_low"] == row["beta_low"]
        shown.add_row(
            str(row["title"]), f"{row['headcount']:,.0f}",
            str(row["candidate_1_occupation"]),
            f"{row['occupation_confidence']:.0%}",
            f"{row['beta_low']:.0%}-{row['beta_high']:.0%}" if known else "",
            f"{row['narrows_share_gt_50pct'] * 100:.1f} pp",
        )  # fmt: skip
    out.print(shown)
    if s.get("share_beta_gt_50pct") is None:
        out.print(f"no row could be analysed -> {output}")
        return
    first = float(titles.head(show)["narrows_share_gt_50pct"].sum()) if len(titles) else 0.0
    width = s["share_beta_gt_50pct_high"] - s["share_beta_gt_50pct_low"]
    out.print(
        f"share of people with beta > 50%: {s['share_beta_gt_50pct']:.1%} "
        f"(coding range {s['share_beta_gt_50pct_low']:.1%} to "
        f"{s['share_beta_gt_50pct_high']:.1%}); coded with confidence: "
        f"{s['confident_share']:.0%} of people. Settling the first {min(show, len(titles))} "
        f"titles narrows the range from {width * 100:.1f} to {(width - first) * 100:.1f} "
        f"points -> {output}"
    )
