"""``workshift occupation CODE``: an occupation with its tasks, exposure labels and indices."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.panel import Panel
from rich.table import Table

from workshift.cli._output import console, print_json, table, user_errors

if TYPE_CHECKING:
    import pandas as pd

    from workshift.reference import OccupationProfile

LEGEND = (
    "E0 no exposure · E1 an LLM alone halves the time at equal quality · E2 software built on "
    "an LLM would · T0-T4 automation (none to full) · Anthr.: Anthropic Economic Index task "
    "penetration · Exposure is not job loss."
)


def _fmt(value: Any, spec: str = ".2f") -> str:
    import pandas as pd  # loaded by then: the profile is made of pandas values

    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    return format(value, spec)


def _indices_table(indices: dict[str, Any]) -> Table:
    table = Table(title="Exposure and labour indices (sources kept apart)", title_justify="left")
    table.add_column("index")
    table.add_column("value", justify="right")
    for measure in ("alpha", "beta", "zeta"):
        table.add_row(
            f"GPTs-are-GPTs {measure} (human / GPT-4 rating)",
            f"{_fmt(indices.get(f'human_{measure}'))} / {_fmt(indices.get(f'gpt4_{measure}'))}",
        )
    rows = (
        ("Microsoft AI applicability", "microsoft_ai_applicability", ".2f"),
        ("Anthropic observed exposure", "anthropic_observed_exposure", ".2f"),
        ("OEWS employment, May 2024", "oews_employment_2024", ",d"),
        ("OEWS median annual wage, May 2024 ($)", "oews_median_wage_2024", ",.0f"),
        ("BLS projected employment change 2024-34 (%)", "projected_change_pct_2024_34", "+.1f"),
    )
    for label, key, spec in rows:
        table.add_row(label, _fmt(indices.get(key), spec))
    return table


def _tasks_table(tasks: pd.DataFrame) -> Table:
    out_table = table(
        f"Tasks ({len(tasks)})",
        [
            ("id", "right"),
            ("type", "left"),
            ("human", "center"),
            ("GPT-4", "center"),
            ("auto", "center"),
            ("Anthr.", "right"),
            ("task", "left"),
        ],
    )
    for row in tasks.to_dict("records"):
        out_table.add_row(
            str(row["task_id"]),
            str(row["task_type"] or "–")[:4],
            _fmt(row["human_label"], "s"),
            _fmt(row["gpt4_label"], "s"),
            _fmt(row["gpt4_automation"], "s"),
            _fmt(row["anthropic_penetration"], ".0%"),
            str(row["task"]),
        )
    return out_table


def _candidates_table(candidates: pd.DataFrame, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("O*NET-SOC", "title", "human beta", "GPT-4 beta", "Microsoft", "Anthropic"):
        table.add_column(column)
    for row in candidates.to_dict("records"):
        table.add_row(
            row["onet_soc_code"],
            row["title"],
            _fmt(row["human_beta"]),
            _fmt(row["gpt4_beta"]),
            _fmt(row["microsoft_ai_applicability"]),
            _fmt(row["anthropic_observed_exposure"]),
        )
    return table


def _render(profile: OccupationProfile) -> None:
    out = console()
    resolved = profile.resolved
    if resolved.note:
        out.print(f"[dim]{resolved.code}: {resolved.note}[/dim]")
    if profile.occupation is not None:
        occ = profile.occupation
        header = (
            f"[bold]{occ['title']}[/bold]  O*NET-SOC {occ['onet_soc_code']} · SOC 2018 "
            f"{occ['soc_code']} · job zone {_fmt(occ['job_zone'], 'd')}\n\n"
            f"{occ['description']}"
        )
        out.print(Panel(header, expand=False))
        out.print(_indices_table(profile.indices))
        if profile.tasks.empty:
            out.print("O*NET 30.1 lists no tasks for this occupation.")
        else:
            out.print(_tasks_table(profile.tasks))
        out.print(f"[dim]{LEGEND}[/dim]")
    if not profile.candidates.empty:
        title = (
            "Other occupations under this code"
            if profile.occupation is not None
            else f"{len(profile.candidates)} occupations under {resolved.code}"
        )
        out.print(_candidates_table(profile.candidates, title))
        out.print("[dim]Run 'workshift occupation O*NET-SOC-CODE' for one of them.[/dim]")
    out.print(
        "[dim]Sources: O*NET 30.1 (CC BY 4.0), Eloundou et al. (MIT), Microsoft "
        "Research (CC BY 4.0), Anthropic (CC BY 4.0), BLS (public domain). Full "
        "attribution: 'workshift reference info'.[/dim]"
    )


def occupation(
    code: Annotated[
        str,
        typer.Argument(
            metavar="CODE",
            help="O*NET-SOC (43-4051.00), SOC 2018 (43-4051) or ISCO-08 (4222) code.",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as JSON.")] = False,
) -> None:
    """Show an occupation with its tasks, their exposure labels and the other indices."""
    from workshift.reference import ReferenceStore, occupation_profile  # heavy: lazily

    with user_errors():
        profile = occupation_profile(ReferenceStore(), code)
    if as_json:
        print_json(profile.to_dict())
    else:
        _render(profile)
