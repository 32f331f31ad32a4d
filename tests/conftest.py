"""Shared fixtures: the reference bundle built once from the tiny committed sources (the
isolated workshift home is in the repository's top-level ``conftest.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshift.reference import ReferenceStore, build_bundle

FIXTURE_SOURCES = Path(__file__).parent / "data" / "sources"
"""Tiny extracts of ``shared/data`` made by ``tests/data/make_fixture_sources.py``."""

# The fixture sources and their generator script are data, not tests.
collect_ignore = ["data"]


@pytest.fixture(scope="session")
def fixture_sources() -> Path:
    """The committed fixture source folder (read-only: copy it before changing anything)."""
    return FIXTURE_SOURCES


@pytest.fixture(scope="session")
def fixture_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle built from the fixture sources, once per test session."""
    out = tmp_path_factory.mktemp("fixture_bundle")
    build_bundle(FIXTURE_SOURCES, out)
    return out


@pytest.fixture(scope="session")
def fixture_store(fixture_bundle: Path) -> ReferenceStore:
    """A ReferenceStore over the fixture bundle."""
    return ReferenceStore(fixture_bundle)
