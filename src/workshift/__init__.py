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

from typing import TYPE_CHECKING, Any

from workshift._config import config_context, get_config, set_config
from workshift.exceptions import (
    BundleIntegrityError,
    BundleNotFoundError,
    ConfigError,
    DataFileError,
    DocumentError,
    FitNotAllowedError,
    InputDataError,
    MissingDependencyError,
    ReferenceDataError,
    SourceDataError,
    UnknownCodeError,
    UnknownSkillError,
    WorkshiftError,
)

if TYPE_CHECKING:
    from workshift.matching import match_titles
    from workshift.pipeline import warm_up
    from workshift.reference import ReferenceStore

    __version__: str

__all__ = [
    "BundleIntegrityError",
    "BundleNotFoundError",
    "ConfigError",
    "DataFileError",
    "DocumentError",
    "FitNotAllowedError",
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
    "warm_up",
]


def __getattr__(name: str) -> Any:
    """Import the heavier stages (pandas, DuckDB, scikit-learn, embedders) only when they
    are used, so that ``import workshift`` (and the command line's start) stays light."""
    if name == "ReferenceStore":
        from workshift.reference import ReferenceStore

        value: Any = ReferenceStore
    elif name == "match_titles":
        from workshift.matching import match_titles

        value = match_titles
    elif name == "warm_up":
        from workshift.pipeline import warm_up

        value = warm_up
    elif name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("workshift")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0"
    else:
        raise AttributeError(f"module 'workshift' has no attribute {name!r}")
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
