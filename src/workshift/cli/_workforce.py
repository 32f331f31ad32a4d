"""Reading the workforce file for any command: ``--map canonical=Source`` and ``--sheet``,
and a short note on standard error of what the reader decided (sheet, header line, rows
rejected for their structure); or, for the stages after ``analyze``, a saved analysis
(``--analysis FOLDER``) instead of the file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from workshift.cli._output import err_console
from workshift.cli._params import input_file, input_folder
from workshift.exceptions import ConfigError

if TYPE_CHECKING:
    from workshift.pipeline import Analysis
    from workshift.reference import ReferenceStore
    from workshift.workforce import Workforce

__all__ = [
    "AnalysisOption",
    "MapOption",
    "SheetOption",
    "load_workforce",
    "parse_maps",
    "structure_notes",
    "workforce_or_analysis",
]

MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        metavar="CANONICAL=SOURCE",
        help="Read a workforce column from a source column, repeatable: "
        "--map job_title=Position --map department=Abteilung.",
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        metavar="SHEET",
        help="Sheet of a workbook, by name or 0-based index (default: the first).",
    ),
]

OptionalWorkforceArgument = Annotated[
    Path | None,
    typer.Argument(
        metavar="WORKFORCE",
        callback=input_file,
        help="Workforce export: CSV, XLSX or Parquet (or give --analysis).",
    ),
]
"""WORKFORCE of the commands that also take a saved analysis (``--analysis``)."""
AnalysisOption = Annotated[
    Path | None,
    typer.Option(
        "--analysis",
        metavar="FOLDER",
        callback=input_folder,
        help="A saved analysis instead of WORKFORCE: the output folder of `workshift "
        "analyze` (or its analysis/ folder). Nothing is analysed again; the options that "
        "shape an analysis (--rater, --overrides, --tasks, --map, --sheet) do not apply.",
    ),
]

_STRUCTURE_SHOWN = 5

_ANALYSIS_OPTIONS = (
    ("labels", "--rater"),
    ("overrides", "--overrides"),
    ("tasks", "--tasks"),
    ("maps", "--map"),
    ("sheet", "--sheet"),
    ("pseudonym_key", "--pseudonym-key"),
)
"""Parameters (name, option) that shape an analysis: refused beside ``--analysis``."""


def parse_maps(items: list[str] | None) -> dict[str, str]:
    """``["job_title=Position"]`` -> ``{"job_title": "Position"}``.

    Raises
    ------
    ConfigError
        An item that is not ``CANONICAL=SOURCE``, an unknown canonical name, or one
        canonical name twice.
    """
    from workshift.workforce import COLUMN_ALIASES

    maps: dict[str, str] = {}
    for item in items or []:
        canonical, sep, source = item.partition("=")
        canonical, source = canonical.strip(), source.strip()
        if not sep or not canonical or not source:
            raise ConfigError(f"--map {item!r} is not CANONICAL=SOURCE (e.g. job_title=Position)")
        if canonical not in COLUMN_ALIASES:
            raise ConfigError(
                f"--map {item!r}: {canonical!r} is not a workforce column; use one of "
                f"{', '.join(COLUMN_ALIASES)}"
            )
        if canonical in maps:
            raise ConfigError(f"--map gives {canonical} twice ({maps[canonical]!r}, {source!r})")
        maps[canonical] = source
    return maps


def structure_notes(workforce: Workforce) -> list[str]:
    """What the reader decided that the user should know before reading any results."""
    layout = workforce.layout
    notes = list(workforce.notes)
    if layout.skipped:
        first, last = layout.skipped[0][0], layout.skipped[-1][0]
        lines = f"{layout.unit} {first}" if first == last else f"{layout.unit}s {first}-{last}"
        notes.append(f"header on {layout.unit} {layout.header_line}; {lines} above it skipped")
    rejected = workforce.rejected
    shape = rejected.loc[(rejected["column"] == "") & (rejected["reason"] != "blank row")]
    for line, reason in zip(shape["line"].head(_STRUCTURE_SHOWN), shape["reason"], strict=False):
        notes.append(f"{layout.where(int(line))}: {reason}; the row is not read")
    if len(shape) > _STRUCTURE_SHOWN:
        notes.append(f"... and {len(shape) - _STRUCTURE_SHOWN} more rows of the wrong shape")
    totals = rejected.loc[rejected["reason"] == "total row", "line"].tolist()
    if totals:
        notes.append(f"total rows not read: {layout.unit} {', '.join(map(str, totals[:10]))}")
    return notes


def load_workforce(
    path: Path,
    maps: list[str] | None,
    sheet: str | None,
    pseudonym_key: str | None,
    *,
    quiet: bool = False,
) -> Workforce:
    """Read the workforce file as ``--map`` and ``--sheet`` say; print what the reader
    decided on standard error unless ``quiet``. Call it inside ``user_errors()``."""
    from workshift.workforce import read_workforce

    workforce = read_workforce(
        path, columns=parse_maps(maps), sheet=sheet, pseudonym_key=pseudonym_key
    )
    if not quiet:
        stream = err_console()
        for note in structure_notes(workforce):
            stream.print(f"[yellow]note:[/yellow] {escape(note)}", soft_wrap=True)
    return workforce


def workforce_or_analysis(
    ctx: typer.Context,
    workforce: Path | None,
    analysis: Path | None,
    *,
    maps: list[str] | None,
    sheet: str | None,
    pseudonym_key: str | None,
    key_for_list: bool = False,
    store: ReferenceStore | None = None,
) -> Workforce | Analysis:
    """The workforce file read as the options say, or the saved analysis of ``--analysis``:
    exactly one of the two. Beside ``--analysis`` an option that shapes an analysis given on
    the command line is an error (``--pseudonym-key`` too, unless ``key_for_list``: it then
    pseudonymises the ids of a list of people, to match the analysis's). Call it inside
    ``user_errors()``."""
    if (workforce is None) == (analysis is None):
        raise typer.BadParameter(
            "give WORKFORCE or --analysis FOLDER (a saved analysis), exactly one"
        )
    if workforce is not None:
        return load_workforce(workforce, maps, sheet, pseudonym_key)
    skip = {"pseudonym_key"} if key_for_list else set()
    given = [
        option
        for name, option in _ANALYSIS_OPTIONS
        if name not in skip and _on_command_line(ctx, name)
    ]
    if given:
        raise typer.BadParameter(
            f"not with a saved analysis, which is used as it was made: {', '.join(given)} "
            "(give WORKFORCE to analyse it with them)",
            param_hint="--analysis",
        )
    from workshift.pipeline import load_analysis

    assert analysis is not None
    return load_analysis(analysis, store=store)


def _on_command_line(ctx: typer.Context, name: str) -> bool:
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"
