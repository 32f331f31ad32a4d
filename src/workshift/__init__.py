"""workshift: plan the generative-AI transformation of a workforce, offline.

The public surface is listed in ``__all__``; stages live in sub-packages that follow
the pipeline: ``reference`` -> ``text`` -> ``workforce`` -> ``matching`` -> ``exposure``
-> ``scenarios`` -> ``reskilling`` -> ``reports``.

Examples
--------
>>> import workshift
>>> issubclass(workshift.UnknownCodeError, workshift.WorkshiftError)
True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from workshift._config import config_context, get_config, set_config
from workshift.exceptions import (
    BundleIntegrityError,
    BundleNotFoundError,
    ConfigError,
    DataFileError,
    DocumentError,
    InputDataError,
    MissingDependencyError,
    ReferenceDataError,
    SourceDataError,
    UnknownCodeError,
    UnknownSkillError,
    WorkshiftError,
)
from workshift.reference import ReferenceStore

if TYPE_CHECKING:
    from workshift.matching import match_titles

try:
    __version__ = version("workshift")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "BundleIntegrityError",
    "BundleNotFoundError",
    "ConfigError",
    "DataFileError",
    "DocumentError",
    "InputDataError",
    "MissingDependencyError",
    "ReferenceDataError",
    "ReferenceStore",
    "SourceDataError",
    "UnknownCodeError",
    "UnknownSkillError",
    "WorkshiftError",
    "__version__",
    "config_context",
    "get_config",
    "match_titles",
    "set_config",
]


def __getattr__(name: str) -> Any:
    """Import the heavier stages (scikit-learn, embedders) only when they are used."""
    if name == "match_titles":
        from workshift.matching import match_titles

        return match_titles
    raise AttributeError(f"module 'workshift' has no attribute {name!r}")
