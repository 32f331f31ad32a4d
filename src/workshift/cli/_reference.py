"""``workshift reference``: what reference data is installed, and the maintainer build."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workshift.cli._output import console, err_console, print_json, user_errors
from workshift.cli._params import Command, Group, input_folder

app = typer.Typer(
    cls=Group, help="Inspect or rebuild the reference-data bundle.", no_args_is_help=True
)


@app.command("info", cls=Command)
def info(
    as_json: Annotated[bool, typer.Option("--json", help="Print the manifest as JSON.")] = False,
    verify: Annotated[
        bool, typer.Option("--verify", help="Check every table against its checksum first.")
    ] = False,
) -> None:
    """Show the bundle's sources with versions, row counts, licences and attribution."""
    from rich.table import Table

    from workshift.reference import ReferenceStore  # heavy: imported only when used

    with user_errors():
        store = ReferenceStore(verify=verify)
    manifest = store.manifest
    out = console()
    if as_json:
        print_json(manifest)
        return
    out.print(
        f"[bold]workshift reference bundle[/bold] {manifest['bundle_version']}"
        f"  ({store.bundle_dir})"
    )
    sources = Table(title="Sources", show_lines=True)
    for column in ("source", "version", "rows read", "licence", "attribution"):
        sources.add_column(column, overflow="fold")
    for source in manifest["sources"]:
        rows = sum(f["rows"] for f in source["files"])
        sources.add_row(
            f"{source['name']}\n[dim]{source['key']}[/dim]",
            source["version"],
            f"{rows:,}",
            source["licence"],
            source["attribution"],
        )
    out.print(sources)
    tables = Table(title="Tables")
    for column in ("table", "rows", "description"):
        tables.add_column(column, overflow="fold")
    for entry in manifest["tables"]:
        tables.add_row(entry["name"], f"{entry['rows']:,}", entry["description"])
    out.print(tables)
    counts = manifest["reconciliation"]["counts"]
    out.print(
        "[bold]Reconciliation[/bold] (records not mapped one-to-one by their own id; "
        f"listed in {manifest['reconciliation']['file']}):"
    )
    for source, per in counts.items():
        out.print(f"  {source}: " + ", ".join(f"{n:,} {status}" for status, n in per.items()))


@app.command("build", cls=Command)
def build(
    source_dir: Annotated[
        Path,
        typer.Argument(
            metavar="SOURCES", callback=input_folder, help="Folder laid out like shared/data."
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(metavar="FOLDER", help="Output folder (default: the package's bundle)."),
    ] = None,
) -> None:
    """Rebuild the bundle from the raw sources (a maintainer step)."""
    from workshift.reference import build_bundle  # heavy: imported only when used

    with user_errors(), err_console().status("building reference bundle") as status:
        manifest = build_bundle(
            source_dir, out, progress=lambda name: status.update(f"building {name}")
        )
    console().print(f"bundle {manifest['bundle_version']}: {len(manifest['tables'])} tables")
