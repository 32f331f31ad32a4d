"""Library configuration: one place for settings, with ``WORKSHIFT_*`` environment defaults.

The pattern follows scikit-learn and skrub: :func:`get_config` returns a copy of the
current settings, :func:`set_config` changes them for the current context, and
:func:`config_context` changes them inside a ``with`` block only.

The settings live in a :class:`contextvars.ContextVar`, not a thread-local: a server
that sets a request's settings with :func:`config_context` and runs the work in
``asyncio.to_thread``, ``contextvars.copy_context().run`` or an executor that copies the
context sees them in the worker too; a thread started without the context (a plain
``threading.Thread``) starts from the ``WORKSHIFT_*`` environment, as before. A value
once stored is never changed in place, so contexts that share it never see each other's
changes.

Settings
--------
home : pathlib.Path
    Data and cache directory (``WORKSHIFT_HOME``; default ``~/.cache/workshift``).
    Later stages keep model caches and embeddings here; nothing is written at import.
bundle_dir : pathlib.Path or None
    Reference bundle to use instead of the one shipped in the package
    (``WORKSHIFT_BUNDLE``; default ``None``, the shipped bundle).
show_progress : bool
    Whether long operations draw progress bars (``WORKSHIFT_PROGRESS``; default true).
n_jobs : int
    How many threads one call may use (``WORKSHIFT_N_JOBS``; default the number of CPUs
    this process may run on). A positive number, or ``-1`` for all of them; a server
    that runs several requests at once sets it lower. See :func:`effective_n_jobs`.
allow_fit : bool
    Whether a model that is not in the cache may be fitted now (``WORKSHIFT_ALLOW_FIT``;
    default true). A server warms the models at start-up
    (:func:`workshift.warm_up`) and then sets it false, so that a request that would
    fit a model fails with :class:`~workshift.exceptions.FitNotAllowedError` instead of
    fitting for minutes.

Examples
--------
>>> from workshift import config_context, get_config
>>> with config_context(show_progress=False):
...     get_config()["show_progress"]
False
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypedDict

from workshift.exceptions import ConfigError, FitNotAllowedError

__all__ = [
    "Config",
    "config_context",
    "cpu_count",
    "effective_n_jobs",
    "get_config",
    "require_fit_allowed",
    "set_config",
]


class Config(TypedDict):
    """The settings of workshift; see the module docstring for each key."""

    home: Path
    bundle_dir: Path | None
    show_progress: bool
    n_jobs: int
    allow_fit: bool


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off")


def cpu_count() -> int:
    """The number of CPUs this process may run on (its affinity mask, where the system has one).

    Examples
    --------
    >>> cpu_count() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - macOS and Windows


def _checked_n_jobs(value: object, source: str) -> int:
    """``value`` as an ``n_jobs`` setting: a positive int or -1; ``source`` names it."""
    number = value
    if isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            number = None
    if isinstance(number, bool) or not isinstance(number, int) or not (number >= 1 or number == -1):
        raise ConfigError(f"{source}={value!r} is not a number of jobs; use a positive int or -1")
    return number


def _defaults() -> Config:
    home = os.environ.get("WORKSHIFT_HOME")
    bundle = os.environ.get("WORKSHIFT_BUNDLE")
    jobs = os.environ.get("WORKSHIFT_N_JOBS", "").strip()
    return Config(
        home=Path(home).expanduser() if home else Path("~/.cache/workshift").expanduser(),
        bundle_dir=Path(bundle).expanduser() if bundle else None,
        show_progress=_env_bool("WORKSHIFT_PROGRESS", True),
        n_jobs=_checked_n_jobs(jobs, "WORKSHIFT_N_JOBS") if jobs else cpu_count(),
        allow_fit=_env_bool("WORKSHIFT_ALLOW_FIT", True),
    )


_config: ContextVar[Config | None] = ContextVar("workshift_config", default=None)
"""The settings of the current context; ``None`` until first read (then the environment's)."""


def _current() -> Config:
    config = _config.get()
    if config is None:
        config = _defaults()
        _config.set(config)
    return config


def get_config() -> Config:
    """Return a copy of the current settings.

    Examples
    --------
    >>> sorted(get_config())
    ['allow_fit', 'bundle_dir', 'home', 'n_jobs', 'show_progress']
    """
    return Config(**_current())


def _validated(changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if value is None and key != "bundle_dir":
            continue
        if key in ("home", "bundle_dir"):
            out[key] = None if value is None else Path(value).expanduser()
        elif key in ("show_progress", "allow_fit"):
            out[key] = bool(value)
        elif key == "n_jobs":
            out[key] = _checked_n_jobs(value, "n_jobs")
        else:
            known = ", ".join(sorted(Config.__annotations__))
            raise ConfigError(f"unknown setting {key!r}; known: {known}")
    return out


def set_config(**changes: Any) -> None:
    """Change settings for the rest of the current context.

    Outside any ``config_context`` that is the rest of the thread (and of the contexts
    copied from it afterwards: tasks, ``asyncio.to_thread``).

    Examples
    --------
    >>> before = get_config()["show_progress"]
    >>> set_config(show_progress=False)
    >>> get_config()["show_progress"]
    False
    >>> set_config(show_progress=before)
    """
    # A new dict, never an update in place: a copied context holds the old one.
    _config.set(Config(**{**_current(), **_validated(changes)}))  # type: ignore[typeddict-item]


@contextmanager
def config_context(**changes: Any) -> Iterator[Config]:
    """Change settings inside a ``with`` block; the old values come back afterwards.

    Work run in a copy of the context (``copy_context().run``, ``asyncio.to_thread``)
    inside the block sees the changes; other threads and contexts do not.

    Examples
    --------
    >>> import contextvars
    >>> with config_context(n_jobs=1):
    ...     contextvars.copy_context().run(lambda: get_config()["n_jobs"])
    1
    """
    old = _current()
    set_config(**changes)
    try:
        yield get_config()
    finally:
        _config.set(old)


def effective_n_jobs(n_jobs: int | None = None) -> int:
    """The number of threads to use: ``n_jobs`` (default the setting), ``-1`` as all CPUs.

    Examples
    --------
    >>> effective_n_jobs(3)
    3
    >>> effective_n_jobs(-1) == cpu_count()
    True
    """
    value = get_config()["n_jobs"] if n_jobs is None else _checked_n_jobs(n_jobs, "n_jobs")
    return cpu_count() if value == -1 else value


def require_fit_allowed(what: str) -> None:
    """Raise :class:`~workshift.exceptions.FitNotAllowedError` unless ``allow_fit`` is set.

    Every path that fits a model calls it first, naming the model (``what``).
    """
    if not get_config()["allow_fit"]:
        raise FitNotAllowedError(
            f"{what} is not in the cache and fitting is switched off (allow_fit=False); "
            "warm the models first with workshift.warm_up() or `workshift setup`, "
            f"with the same WORKSHIFT_HOME ({get_config()['home']})"
        )
