"""The bundle build: raw sources -> reconciled tables -> Parquet bundle with manifest.

The command-line entry is :mod:`workshift.reference.build`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from workshift.exceptions import WorkshiftError
from workshift.reference import _crosswalk_tables as cw
from workshift.reference import _exposure_tables as ex
from workshift.reference import _labour_tables as lab
from workshift.reference import _onet_tables as onet
from workshift.reference._bundle import default_bundle_dir, write_bundle
from workshift.reference._raw import RawSources
from workshift.reference._reconcile import ReconciliationLog, TaskIndex

__all__ = ["build_bundle", "main"]


def build_bundle(
    source_dir: Path,
    out_dir: Path | None = None,
    *,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Build the bundle from ``source_dir`` into ``out_dir`` and return its manifest.

    Parameters
    ----------
    source_dir
        Folder laid out like ``shared/data`` (``onet/``, ``exposure/``, ``labor/`` ...).
    out_dir
        Where to write; default the bundle folder inside the installed package.
    progress
        Called with the name of each table before it is built.
    """
    raw = RawSources(Path(source_dir))
    log = ReconciliationLog()
    tables: dict[str, pd.DataFrame] = {}

    def step(name: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        if progress is not None:
            progress(name)
        tables[name] = build()
        return tables[name]

    soc = step("soc_structure", lambda: onet.build_soc_structure(raw, log))
    occupations = step("occupations", lambda: onet.build_occupations(raw, log, soc))
    codes = set(occupations["onet_soc_code"])
    soc_codes = set(soc.loc[soc["level"] == "detailed", "soc_code"])
    tasks = step("tasks", lambda: onet.build_tasks(raw, log, codes))
    iwas = step("iwas", lambda: onet.build_iwas(raw))
    dwas = step("dwas", lambda: onet.build_dwas(raw))
    step("work_activities", lambda: onet.build_work_activities(raw, iwas, dwas))
    step("task_dwas", lambda: onet.build_task_dwas(raw, log, tasks, dwas))
    step("titles", lambda: onet.build_titles(raw, log, occupations))
    step("skills", lambda: onet.build_skills(raw, log, codes))
    step("technology_skills", lambda: onet.build_technology_skills(raw, log, codes))
    step("education", lambda: onet.build_education(raw, log, codes))

    index = TaskIndex(tasks)
    step("eloundou_tasks", lambda: ex.build_eloundou_tasks(raw, log, index, codes))
    step("eloundou_occupations", lambda: ex.build_eloundou_occupations(raw, log, codes))
    step("microsoft_occupations", lambda: ex.build_microsoft_occupations(raw, log, soc_codes))
    step("microsoft_iwas", lambda: ex.build_microsoft_iwas(raw, log, set(iwas["iwa_id"])))
    step("microsoft_soc_iwas", lambda: ex.build_microsoft_soc_iwas(raw, log))
    step("anthropic_tasks", lambda: ex.build_anthropic_tasks(raw, log, index))
    step("anthropic_occupations", lambda: ex.build_anthropic_occupations(raw, log, soc_codes))
    step("anthropic_interaction_modes", lambda: ex.build_anthropic_interaction_modes(raw))

    step("oews", lambda: lab.build_oews(raw, log))
    step("projections", lambda: lab.build_projections(raw, log))

    walk = step("onet_2010_2019", lambda: cw.build_onet_2010_2019(raw, log, codes))
    isco_soc = step("isco_soc", lambda: cw.build_isco_soc(raw, log, walk, soc_codes))
    groups = step("isco_groups", lambda: cw.build_isco_groups(raw))
    esco = step("esco_occupations", lambda: cw.build_esco_occupations(raw, log, groups))
    step("esco_skills", lambda: cw.build_esco_skills(raw))
    esco_onet = step("esco_onet", lambda: cw.build_esco_onet(raw, log, walk, codes))
    step("code_links", lambda: cw.build_code_links(occupations, walk, isco_soc, esco, esco_onet))

    target = Path(out_dir) if out_dir is not None else default_bundle_dir()
    return write_bundle(target, tables, raw.files, log.to_frame(), log.counts())


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point of the maintainer build."""
    parser = argparse.ArgumentParser(
        prog="python -m workshift.reference.build",
        description="Build workshift's reference bundle from the raw sources.",
    )
    parser.add_argument("source_dir", type=Path, help="folder laid out like shared/data")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="output folder (default: the bundle inside the package)",
    )
    args = parser.parse_args(argv)
    from rich.console import Console

    console = Console(stderr=True)
    try:
        with console.status("building reference bundle") as status:
            manifest = build_bundle(
                args.source_dir, args.out, progress=lambda name: status.update(f"building {name}")
            )
    except WorkshiftError as err:
        console.print(f"[red]error:[/red] {err}", highlight=False)
        return err.exit_code
    counts = manifest["reconciliation"]["counts"]
    console.print(
        f"bundle {manifest['bundle_version']}: {len(manifest['tables'])} tables, "
        f"{sum(t['rows'] for t in manifest['tables']):,} rows; reconciliation: "
        + ", ".join(f"{k} {sum(v.values())}" for k, v in counts.items())
    )
    return 0
