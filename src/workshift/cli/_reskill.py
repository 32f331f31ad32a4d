"""``workshift reskill``: who moves where, with which training, and why the others do not."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from workshift.cli._output import (
    AudienceOption,
    EmbedderOption,
    LangOption,
    MinGroupOption,
    OverridesOption,
    PseudonymKeyOption,
    RaterOption,
    TasksOption,
    console,
    disclosure_policy,
    print_disclosure,
    progress_bar,
    rater,
    table,
    user_errors,
)
from workshift.cli._params import input_file
from workshift.cli._workforce import (
    AnalysisOption,
    MapOption,
    OptionalWorkforceArgument,
    SheetOption,
    workforce_or_analysis,
)

if TYPE_CHECKING:
    import pandas as pd

_SHOWN_FLOWS = 12


def priority_weights(items: list[str], affected: Path | None) -> dict[str, float]:
    """``["protected=1", "tenure_years=0.02"]`` -> ``{"protected": 1.0, ...}``; weights
    name columns of the --affected list, so they need one."""
    weights = {}
    for item in items:
        column, sep, number = item.partition("=")
        try:
            if not sep or not column.strip():
                raise ValueError
            weights[column.strip()] = float(number)
        except ValueError:
            raise typer.BadParameter(
                f"{item!r} is not COLUMN=WEIGHT (e.g. protected=1)", param_hint="--priority"
            ) from None
    if weights and affected is None:
        raise typer.BadParameter(
            "needs an --affected list with those columns", param_hint="--priority"
        )
    return weights


def reskill(
    ctx: typer.Context,
    catalog: Annotated[
        Path,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="Course catalogue (CSV or YAML): module_id, title, skills (skill=level; ...), "
            "hours, cost, format, language.",
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FOLDER", help="Folder for the results.")
    ],
    workforce: OptionalWorkforceArgument = None,
    analysis: AnalysisOption = None,
    openings: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="Openings: opening_id, target_code (O*NET-SOC, SOC or emerging role id) or "
            "role, capacity, location, optional relocation (yes/no).",
        ),
    ] = None,
    new_roles: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="new_roles.csv of `workshift scenario`: its demand for new AI roles per site "
            "becomes openings (P50, whole people).",
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(metavar="YEAR", help="Year of the scenario's demand (default: its last)."),
    ] = None,
    affected: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="The people to plan for: employee_id, optional relocation (no | yes: within "
            "the country | abroad), languages (course languages, e.g. de; en), skills and "
            "social criteria columns. Default: everyone whose occupation's exposure "
            "reaches --min-beta.",
        ),
    ] = None,
    min_beta: Annotated[
        float,
        typer.Option(
            metavar="BETA", min=0.0, max=1.0, help="Exposure threshold when no --affected list."
        ),
    ] = 0.5,
    priority: Annotated[
        list[str] | None,
        typer.Option(
            metavar="COLUMN=WEIGHT",
            help="COLUMN=WEIGHT of --affected that raises a person's priority, repeatable: "
            "--priority protected=1 --priority tenure_years=0.02.",
        ),
    ] = None,
    budget: Annotated[
        float | None,
        typer.Option(
            metavar="AMOUNT",
            min=0.0,
            help="Total training budget (in the catalogue's currency); default none.",
        ),
    ] = None,
    retention_value: Annotated[
        float,
        typer.Option(
            metavar="VALUE", min=0.0, help="Value of keeping one person in work, in units of fit."
        ),
    ] = 1.0,
    moves_per_person: Annotated[
        int,
        typer.Option(
            metavar="N",
            min=0,
            help="Best-fitting moves kept per person for the optimiser (0: all).",
        ),
    ] = 50,  # reskilling.PER_PERSON: not imported, the CLI starts without the stage
    min_fit: Annotated[
        float,
        typer.Option(
            metavar="FIT",
            min=0.0,
            max=1.0,
            help="Least fit (0-1) of a proposed move; lower ones are near misses.",
        ),
    ] = 0.2,  # reskilling.MIN_FIT
    max_training_hours: Annotated[
        float,
        typer.Option(
            "--max-hours",
            metavar="HOURS",
            min=0.0,
            help="Most training hours of a proposed move (0: no limit); default 480, twelve "
            "weeks full time.",
        ),
    ] = 480.0,  # reskilling.MAX_TRAINING_HOURS
    languages: Annotated[
        str | None,
        typer.Option(
            metavar="LANGS",
            help="Course languages anyone may take, e.g. de,en (default: each person's own: "
            "languages column, listed languages, else their site country's).",
        ),
    ] = None,
    roles: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="Your emerging-role catalogue (YAML); default: shipped.",
        ),
    ] = None,
    labels: RaterOption = "human",
    embedder: EmbedderOption = "usem3",
    overrides: OverridesOption = None,
    tasks: TasksOption = None,
    pseudonym_key: PseudonymKeyOption = None,
    maps: MapOption = None,
    sheet: SheetOption = None,
    lang: LangOption = "en",
    audience: AudienceOption = "hr",
    min_group: MinGroupOption = 5,
) -> None:
    """Assign the affected people to openings (exact optimum, greedy baseline beside it),
    each with the cheapest training that closes their skill gap.

    Writes plan.csv (one row per affected person: status assigned | not_assigned,
    opening, target, fit, training hours and cost, modules, gap skills, shared work, the
    reason and the nearest options for those not assigned), summary.json, report.html,
    flows.csv, gaps.csv, departments.csv, openings.csv (filled, left), candidates.csv,
    blocked.csv (moves no course can close) and skills_unresolved.csv. With --audience
    council nobody is listed: the moves, skills and departments are disclosure controlled.

    --analysis takes a saved analysis (what `workshift analyze` writes into analysis/)
    instead of WORKFORCE; --pseudonym-key then only pseudonymises the --affected list.
    """
    with user_errors():
        from workshift.pipeline import reskill as run  # heavy: imported only when used
        from workshift.pipeline import write_reskill
        from workshift.reports import LANGUAGES

        if lang not in LANGUAGES:
            raise typer.BadParameter(f"use one of {', '.join(LANGUAGES)}", param_hint="--lang")
        if openings is None and new_roles is None:
            raise typer.BadParameter("give --openings, --new-roles or both")
        policy = disclosure_policy(audience, min_group)
        weights = priority_weights(priority or [], affected)
        with progress_bar() as progress:
            result = run(
                workforce_or_analysis(
                    ctx,
                    workforce,
                    analysis,
                    maps=maps,
                    sheet=sheet,
                    pseudonym_key=pseudonym_key,
                    key_for_list=affected is not None,
                ),
                openings,
                catalog,
                new_roles=new_roles,
                year=year,
                affected=affected,
                min_beta=min_beta,
                priority=weights,
                budget=budget,
                retention_value=retention_value,
                per_person=moves_per_person or None,
                min_fit=min_fit,
                max_training_hours=max_training_hours or None,
                roles=roles,
                languages=[x.strip() for x in languages.split(",")] if languages else None,
                rater=rater(labels),
                embedder=embedder,
                pseudonym_key=pseudonym_key,
                overrides=overrides,
                tasks=tasks,
                progress=progress,
                disclosure=policy,
            )
            write_reskill(result, output, lang=lang)
    if policy is not None:
        print_disclosure(result.summary, output / "report.html")
        return
    _print(result.summary, result.plan, output)


def _print(summary: dict[str, Any], plan: pd.DataFrame, output: Path) -> None:
    out = console()
    moved = plan.loc[plan["status"] == "assigned"]
    flows = (
        moved.groupby(["origin", "target"])
        .agg(people=("employee_id", "size"), hours=("training_hours", "mean"),
             cost=("training_cost", "sum"))
        .reset_index()
        .sort_values(["people", "origin", "target"], ascending=[False, True, True])
    )  # fmt: skip
    shown = table(
        f"Moves: {summary['assigned']} of {summary['affected']} people assigned",
        [("from", "left"), ("to", "left"), ("people", "right"),
         ("training h (mean)", "right"), ("cost (total)", "right")],
    )  # fmt: skip
    for row in flows.head(_SHOWN_FLOWS).to_dict("records"):
        shown.add_row(
            str(row["origin"]), str(row["target"]), f"{row['people']:,}",
            f"{row['hours']:,.0f}", f"{row['cost']:,.0f}",
        )  # fmt: skip
    if len(flows) > _SHOWN_FLOWS:
        rest = flows.iloc[_SHOWN_FLOWS:]
        shown.add_row(f"... {len(rest)} more moves", "", f"{rest['people'].sum():,}", "", "")
    out.print(shown)
    reasons = table(
        f"Not assigned: {summary['not_assigned']} people", [("reason", "left"), ("people", "right")]
    )
    # One line per kind of reason ("no occupation: <the title's reason>" -> "no occupation").
    kinds: dict[str, int] = {}
    for reason, count in summary["reasons"].items():
        kind = reason.split(": ")[0] + (" (see plan.csv)" if ": " in reason else "")
        kinds[kind] = kinds.get(kind, 0) + count
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        reasons.add_row(kind, f"{count:,}")
    out.print(reasons)
    compared = summary["comparison"]
    exact, greedy, diff = compared["exact"], compared["greedy"], compared["difference"]
    currency = summary.get("currency") or "in the catalogue currency"
    out.print(
        f"training {summary['training_hours']:,.0f} h, {summary['training_cost']:,.0f} "
        f"{currency}; {exact['relocations']:,} moves to another site, {exact['abroad']:,} "
        f"of them abroad ({summary['solver']['status']})"
    )
    out.print(
        f"exact plan vs greedy: {diff['people']:+,} people kept in work, training "
        f"{diff['training_hours']:+,.0f} h and {diff['training_cost']:+,.0f} {currency}, "
        f"relocations {diff['relocations']:+,} (greedy: {greedy['people']:,} people, "
        f"{greedy['training_cost']:,.0f} {currency})"
    )
    out.print(
        f"{summary['skills_unresolved']} listed skills not recognised (skills_unresolved.csv)"
        f" -> {output / 'plan.csv'}, {output / 'report.html'}"
    )
