"""A disk cache for embeddings of fixed reference texts, under the workshift home folder.

Reference embeddings (e.g. the ~50,000 reference job titles) are computed once, at
set-up or on first use, and then loaded in milliseconds. Two levels:

* a file per list of texts, keyed by the embedder's name (and revision) and a hash of
  the texts, so a new bundle or another model never reads stale vectors;
* a pool of single texts (``<name>-pool/``, append-only shards keyed by a hash of each
  text), so a text is embedded once however many lists contain it: the task model and
  the occupation similarity embed the same task statements, the matcher repeats titles
  that several occupations share. Embeddings depend on their own text only (see
  ``batch_independent`` in :mod:`workshift.text._embedders`), so a pooled vector is the
  one a fresh computation would give.

Examples
--------
>>> import tempfile
>>> from workshift import config_context
>>> from workshift.text import HashingEmbedder
>>> with tempfile.TemporaryDirectory() as home, config_context(home=home):
...     first = cached_embeddings(HashingEmbedder(), ["a", "b"])
...     again = cached_embeddings(HashingEmbedder(), ["a", "b"])
...     pooled = cached_embeddings(HashingEmbedder(), ["b", "a", "b"])  # from the pool
>>> bool((first == again).all()), bool((pooled[0] == first[1]).all())
(True, True)
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np

from workshift._config import get_config
from workshift.text._embedders import Embedder

__all__ = ["cached_embeddings", "embedding_cache_path"]


def _cache_name(embedder: Embedder) -> str:
    revision = getattr(embedder, "revision", "")  # a new way of computing never reads old ones
    return f"{embedder.name}-{revision}" if revision else embedder.name


def embedding_cache_path(embedder: Embedder, texts: Sequence[str]) -> Path:
    """Where the embeddings of ``texts`` by ``embedder`` are cached."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    name = _cache_name(embedder)
    return get_config()["home"] / "embeddings" / f"{name}-{digest.hexdigest()[:20]}.npy"


def _text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _save_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=path.suffix)
    with os.fdopen(handle, "wb") as out:
        write(out)
    Path(tmp).replace(path)  # atomic: readers never see half a file


def _pool_lookup(pool: Path, keys: set[bytes], dim: int) -> dict[bytes, np.ndarray]:
    """Pooled vectors for ``keys`` (those that are in the pool)."""
    found: dict[bytes, np.ndarray] = {}
    if not pool.is_dir():
        return found
    for shard in sorted(pool.glob("*.npz")):
        try:
            with np.load(shard) as data:
                shard_keys, vectors = data["keys"], data["vectors"]
        except (OSError, ValueError, KeyError):
            continue  # a damaged shard is only a cache miss
        if vectors.ndim != 2 or vectors.shape[1] != dim:
            continue
        for row, key in enumerate(shard_keys.reshape(-1, 16)):
            raw = key.tobytes()
            if raw in keys and raw not in found:
                found[raw] = vectors[row]
    return found


def cached_embeddings(
    embedder: Embedder,
    texts: Sequence[str],
    *,
    chunk_size: int = 2048,
    progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """Embeddings of ``texts``, from the cache or computed (in chunks) and then cached.

    Each distinct text is embedded once (and not at all when the pool has it);
    ``progress(done, total)`` is called after each chunk while computing.
    """
    path = embedding_cache_path(embedder, texts)
    if path.is_file():
        cached: np.ndarray = np.load(path)
        if cached.shape == (len(texts), embedder.dim):
            return cached
    distinct = list(dict.fromkeys(texts))
    keys = [_text_key(t) for t in distinct]
    pool = path.parent / f"{_cache_name(embedder)}-pool"
    known = _pool_lookup(pool, set(keys), embedder.dim)
    missing = [i for i, key in enumerate(keys) if key not in known]
    parts = []
    for start in range(0, len(missing), chunk_size):
        batch = [distinct[i] for i in missing[start : start + chunk_size]]
        parts.append(np.asarray(embedder.encode(batch), dtype=np.float32))
        if progress is not None:
            progress(min(start + chunk_size, len(missing)), len(missing))
    if parts:
        fresh = np.vstack(parts)
        new_keys = np.frombuffer(b"".join(keys[i] for i in missing), dtype=np.uint8)
        shard = pool / f"{hashlib.sha256(new_keys.tobytes()).hexdigest()[:20]}.npz"
        _save_atomic(shard, lambda out: np.savez(out, keys=new_keys, vectors=fresh))
        known.update({keys[i]: fresh[j] for j, i in enumerate(missing)})
    vectors = np.zeros((0, embedder.dim), dtype=np.float32)
    if len(texts):
        row_of = {text: i for i, text in enumerate(distinct)}
        table = np.stack([known[key] for key in keys]).astype(np.float32)
        vectors = table[np.fromiter((row_of[t] for t in texts), dtype=np.int64, count=len(texts))]
    _save_atomic(path, lambda out: np.save(out, vectors))
    return vectors
