"""The pipeline as library calls, one per command: ``analyze`` a workforce export,
project a ``scenario`` over time, ``reskill`` the people it affects, build the
``council`` pack (works council, every aggregate disclosure controlled); each with its
``write_*`` that writes what the command writes. :func:`save_analysis` and
:func:`load_analysis` keep a finished analysis (Parquet plus a JSON manifest) for the
later stages to reuse.

``analyze`` reads the workforce (every row accounted for), assigns each row an occupation
(its ``occupation_code`` when valid, otherwise its job title through the matcher; matches
below the review threshold are not guessed), scores each occupation's tasks (published
labels, human by default or GPT-4 on request; the trained
:class:`~workshift.exposure.TaskExposureModel` for tasks without one and for the
organisation's own task statements), and aggregates by role, department, location,
department x task group and organisation, weighted by headcount. ``scenario``,
``reskill`` and ``council`` run it first, or take a finished :class:`Analysis`, then their
stage (:mod:`workshift.scenarios`, :mod:`workshift.reskilling`, :mod:`workshift.council`).
A web service or a notebook calls these functions; the CLI is a thin layer over them. A
server calls ``warm_up`` first (what ``workshift setup`` runs), so that no request fits a
model.
"""

from __future__ import annotations

from workshift.pipeline._analyze import Analysis, Progress, analyze, write_analysis
from workshift.pipeline._audience import (
    AUDIENCES,
    Audience,
    council_summary,
    council_tables,
    disclosure_facts,
    for_council,
    protect_for_council,
    withhold_names,
)
from workshift.pipeline._audience_results import (
    ProtectedRun,
    projection_for_council,
    protect_run,
    redeployment_for_council,
)
from workshift.pipeline._council import council, write_council
from workshift.pipeline._reskill import reskill, write_reskill
from workshift.pipeline._saved import ANALYSIS_FOLDER, load_analysis, save_analysis
from workshift.pipeline._scenario import scenario, write_scenario
from workshift.pipeline._warm import WarmModels, warm_up

__all__ = [
    "ANALYSIS_FOLDER",
    "AUDIENCES",
    "Analysis",
    "Audience",
    "Progress",
    "ProtectedRun",
    "WarmModels",
    "analyze",
    "council",
    "council_summary",
    "council_tables",
    "disclosure_facts",
    "for_council",
    "load_analysis",
    "projection_for_council",
    "protect_for_council",
    "protect_run",
    "redeployment_for_council",
    "reskill",
    "save_analysis",
    "scenario",
    "warm_up",
    "withhold_names",
    "write_analysis",
    "write_council",
    "write_reskill",
    "write_scenario",
]
