"""A disk cache for embeddings of fixed reference texts, under the workshift home folder.

Reference embeddings (e.g. the ~50,000 reference job titles) are computed once, at
set-up or on first use, and then loaded in milliseconds. The cache key is the embedder's
name and a hash of the texts, so a new bundle or another model never reads stale
vectors.

Examples
--------
>>> import tempfile
>>> from workshift import config_context
>>> from workshift.text import HashingEmbedder
>>> with tempfile.TemporaryDirectory() as home, config_context(home=home):
...     first = cached_embeddings(HashingEmbedder(), ["a", "b"])
...     again = cached_embeddings(HashingEmbedder(), ["a", "b"])
>>> bool((first == again).all())
True
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from workshift._config import get_config
from workshift.text._embedders import Embedder

__all__ = ["cached_embeddings", "embedding_cache_path"]


def embedding_cache_path(embedder: Embedder, texts: Sequence[str]) -> Path:
    """Where the embeddings of ``texts`` by ``embedder`` are cached."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    revision = getattr(embedder, "revision", "")  # a new way of computing never reads old ones
    name = f"{embedder.name}-{revision}" if revision else embedder.name
    return get_config()["home"] / "embeddings" / f"{name}-{digest.hexdigest()[:20]}.npy"


def cached_embeddings(
    embedder: Embedder,
    texts: Sequence[str],
    *,
    chunk_size: int = 2048,
    progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """Embeddings of ``texts``, from the cache or computed (in chunks) and then cached.

    ``progress(done, total)`` is called after each chunk while computing.
    """
    path = embedding_cache_path(embedder, texts)
    if path.is_file():
        cached: np.ndarray = np.load(path)
        if cached.shape == (len(texts), embedder.dim):
            return cached
    parts = []
    for start in range(0, len(texts), chunk_size):
        parts.append(embedder.encode(list(texts[start : start + chunk_size])))
        if progress is not None:
            progress(min(start + chunk_size, len(texts)), len(texts))
    vectors = (
        np.vstack(parts).astype(np.float32)
        if parts
        else np.zeros((0, embedder.dim), dtype=np.float32)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npy")
    with os.fdopen(handle, "wb") as out:
        np.save(out, vectors)
    Path(tmp).replace(path)  # atomic: readers never see half a file
    return vectors
