"""Library configuration: one place for settings, with ``WORKSHIFT_*`` environment defaults.

The pattern follows scikit-learn and skrub: :func:`get_config` returns a copy of the
current settings, :func:`set_config` changes them for the process, and
:func:`config_context` changes them inside a ``with`` block only.

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

Examples
--------
>>> from workshift import config_context, get_config
>>> with config_context(show_progress=False):
...     get_config()["show_progress"]
False
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypedDict

from workshift.exceptions import ConfigError

__all__ = ["Config", "config_context", "get_config", "set_config"]


class Config(TypedDict):
    """The settings of workshift; see the module docstring for each key."""

    home: Path
    bundle_dir: Path | None
    show_progress: bool


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


def _defaults() -> Config:
    home = os.environ.get("WORKSHIFT_HOME")
    bundle = os.environ.get("WORKSHIFT_BUNDLE")
    return Config(
        home=Path(home).expanduser() if home else Path("~/.cache/workshift").expanduser(),
        bundle_dir=Path(bundle).expanduser() if bundle else None,
        show_progress=_env_bool("WORKSHIFT_PROGRESS", True),
    )


_local = threading.local()


def _current() -> Config:
    config: Config | None = getattr(_local, "config", None)
    if config is None:
        config = _defaults()
        _local.config = config
    return config


def get_config() -> Config:
    """Return a copy of the current settings.

    Examples
    --------
    >>> sorted(get_config())
    ['bundle_dir', 'home', 'show_progress']
    """
    return Config(**_current())


def _validated(changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if value is None and key != "bundle_dir":
            continue
        if key in ("home", "bundle_dir"):
            out[key] = None if value is None else Path(value).expanduser()
        elif key == "show_progress":
            out[key] = bool(value)
        else:
            raise ConfigError(f"unknown setting {key!r}; known: bundle_dir, home, show_progress")
    return out


def set_config(**changes: Any) -> None:
    """Change settings for the rest of the process (this thread).

    Examples
    --------
    >>> before = get_config()["show_progress"]
    >>> set_config(show_progress=False)
    >>> get_config()["show_progress"]
    False
    >>> set_config(show_progress=before)
    """
    config = _current()
    for key, value in _validated(changes).items():
        config[key] = value  # type: ignore[literal-required]


@contextmanager
def config_context(**changes: Any) -> Iterator[Config]:
    """Change settings inside a ``with`` block; the old values come back afterwards."""
    old = get_config()
    set_config(**changes)
    try:
        yield get_config()
    finally:
        _local.config = old
