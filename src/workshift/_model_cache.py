"""Fitted models cached on disk under ``<WORKSHIFT_HOME>/models``: load, or fit and keep.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder) / "model.joblib"
...     first = load_or_fit(path, lambda: {"fitted": 1})
...     again = load_or_fit(path, lambda: {"fitted": 2})  # read back, not fitted again
>>> first == again == {"fitted": 1}
True
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import joblib

from workshift._config import require_fit_allowed

__all__ = ["load_or_fit"]

T = TypeVar("T")


def load_or_fit(path: Path, fit: Callable[[], T], *, what: str | None = None) -> T:
    """The object cached at ``path``, or ``fit()`` written there atomically and returned.

    Raises :class:`~workshift.exceptions.FitNotAllowedError` instead of fitting when the
    ``allow_fit`` setting is off; the message names ``what`` (default: the file's name
    without its hash, ``title-matcher-<hash>.joblib`` is "the title matcher").
    """
    if path.is_file():
        cached: T = joblib.load(path)
        return cached
    require_fit_allowed(what or f"the {' '.join(path.stem.split('-')[:-1]) or 'model'}")
    model = fit()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".joblib")
    os.close(handle)
    joblib.dump(model, tmp)
    Path(tmp).replace(path)
    return model
