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

__all__ = ["load_or_fit"]

T = TypeVar("T")


def load_or_fit(path: Path, fit: Callable[[], T]) -> T:
    """The object cached at ``path``, or ``fit()`` written there atomically and returned."""
    if path.is_file():
        cached: T = joblib.load(path)
        return cached
    model = fit()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".joblib")
    os.close(handle)
    joblib.dump(model, tmp)
    Path(tmp).replace(path)
    return model
