"""Fixtures for every test and doctest (``tests/`` and the modules' examples): each test
session gets a workshift home of its own."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from workshift import set_config

# Hypothesis keeps no example database and no caches in the working tree (tests write
# only to temporary folders) and draws the same examples every run (tests are
# deterministic).
_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="workshift-hypothesis-")
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, ignore_errors=True)
set_hypothesis_home_dir(_HYPOTHESIS_HOME)
settings.register_profile("workshift", database=None, derandomize=True)
settings.load_profile("workshift")


collect_ignore_glob = ["src/workshift/service/migrations/*"]
"""Alembic's migration scripts run only inside a migration (``Database.upgrade``), never
on import: no doctests there."""

_CACHES = ("models", "embeddings")
"""The folders of a workshift home that hold fitted models and embeddings."""


@pytest.fixture(scope="session", autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test runs with ``WORKSHIFT_HOME`` in a temporary folder, never the user's.

    The user's fitted models and embeddings (``workshift setup`` makes them) are copied in
    once per test process, so tests that need the real matcher or task model start warm;
    whatever a test writes stays in the copy.
    """
    user = Path(os.environ.get("WORKSHIFT_HOME") or "~/.cache/workshift").expanduser()
    home = tmp_path_factory.mktemp("workshift_home")
    for name in _CACHES:
        if (user / name).is_dir():
            shutil.copytree(user / name, home / name, dirs_exist_ok=True)
    previous = os.environ.get("WORKSHIFT_HOME")
    os.environ["WORKSHIFT_HOME"] = str(home)  # subprocesses and new threads read it
    set_config(home=home)
    yield home
    if previous is None:
        os.environ.pop("WORKSHIFT_HOME", None)
    else:
        os.environ["WORKSHIFT_HOME"] = previous
