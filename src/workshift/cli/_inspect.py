"""``workshift inspect``: what a workforce file will be read as, before anything runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from workshift.cli._output import (
    PseudonymKeyOption,
    WorkforceArgument,
    console,
    print_json,
    table,
    user_errors,
)
from workshift.cli._workforce import MapOption, SheetOption, parse_maps

if TYPE_CHECKING:
    from workshift.workforce import WorkforceInspection

_REJECTED_SHOWN = 10
_REASONS_SHOWN = 12


def inspect(
    workforce: WorkforceArgument,
    maps: MapOption = None,
    sheet: SheetOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    pseudonym_key: PseudonymKeyOption = None,
) -> None:
    """Show which column is read as what (with masked samples and counts), the columns
    ignored or matched but not used, the header line and lines skipped above it, the rows
    rejected and why, and the people and FTE that remain.
    """
    from workshift.workforce import inspect_workforce

    with user_errors():
        report = inspect_workforce(
            workforce, columns=parse_maps(maps), sheet=sheet, pseudonym_key=pseudonym_key
        )
    if as_json:
        print_json(report.to_dict())
        return
    _print(report)


def _print(report: WorkforceInspection) -> None:
    out = console()
    wf, layout = report.workforce, report.layout
    where = layout.where()
    if layout.header_line is not None:
        where += f", header on {layout.unit} {layout.header_line}"
    out.print(escape(where), soft_wrap=True)
    for line, text in layout.skipped:
        out.print(f"  skipped {layout.unit} {line}: {escape(text) or '(blank)'}", soft_wrap=True)
    for note in wf.notes:
        out.print(f"[yellow]note:[/yellow] {escape(note)}", soft_wrap=True)

    columns = table(
        "Columns (samples of ids, names, dates and pay masked)",
        [("workforce column", "left"), ("source column", "left"), ("status", "left"),
         ("samples", "left"), ("filled", "right"), ("distinct", "right")],
    )  # fmt: skip
    frame = report.columns
    order = {"used": 0, "also matched, not used": 1, "ignored": 2}
    ranked = frame.assign(_order=frame["status"].map(order)).sort_values("_order", kind="stable")
    for row in ranked.to_dict("records"):
        columns.add_row(
            row["canonical"] or "-", escape(row["column"]), row["status"],
            escape(", ".join(row["samples"])), f"{row['filled']:,}", f"{row['distinct']:,}",
        )  # fmt: skip
    out.print(columns)

    n_input = len(wf.rows) + len(wf.rejected)
    if len(wf.rejected):
        reasons = table(
            f"Rejected: {len(wf.rejected):,} of {n_input:,} rows",
            [("reason", "left"), ("rows", "right"), (f"first {layout.unit}s", "left")],
        )
        for row in report.reasons.head(_REASONS_SHOWN).to_dict("records"):
            reasons.add_row(
                escape(row["reason"]), f"{row['rows']:,}", ", ".join(map(str, row["lines"]))
            )
        if len(report.reasons) > _REASONS_SHOWN:
            reasons.add_row(f"... {len(report.reasons) - _REASONS_SHOWN} more reasons", "", "")
        out.print(reasons)
        first = table(
            "First rejected rows",
            [(layout.unit, "right"), ("column", "left"), ("value", "left"), ("reason", "left")],
        )
        for row in report.rejected.head(_REJECTED_SHOWN).to_dict("records"):
            first.add_row(
                str(row["line"]), escape(row["column"] or "-"), escape(str(row["value"])),
                escape(row["reason"]),
            )  # fmt: skip
        out.print(first)
    fte = f"{report.fte:,.1f} FTE"
    if report.fte_given < len(wf.rows):
        fte += f" ({len(wf.rows) - report.fte_given:,} rows without FTE counted as full time)"
    out.print(
        f"{len(wf.rows):,} of {n_input:,} rows read ({report.data_rows:,} with data): "
        f"{report.people:,.0f} people, {fte}",
        soft_wrap=True,
    )
