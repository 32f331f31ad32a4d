"""TitleMatcher on a tiny index with the hashing embedder (fast, no model weights)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift.matching import TitleMatcher

TITLES = pd.DataFrame(
    [
        ("43-4051.00", "Customer Service Representative"),
        ("43-4051.00", "Call Center Agent"),
        ("43-4051.00", "Customer Care Specialist"),
        ("43-4051.00", "Kundenberater"),
        ("53-7065.00", "Stock Clerk"),
        ("53-7065.00", "Order Picker"),
        ("53-7065.00", "Order Filler"),
        ("53-7065.00", "Kommissionierer"),
        ("15-1252.00", "Software Developer"),
        ("15-1252.00", "Software Engineer"),
        ("15-1252.00", "Backend Developer"),
        ("15-1252.00", "Softwareentwickler"),
        ("43-3031.00", "Bookkeeper"),
        ("43-3031.00", "Accounts Payable Clerk"),
        ("43-3031.00", "Accounting Clerk"),
        ("43-3031.00", "Buchhalter"),
    ],
    columns=["onet_soc_code", "title"],
)
OCCUPATIONS = pd.DataFrame(
    {
        "onet_soc_code": ["43-4051.00", "53-7065.00", "15-1252.00", "43-3031.00"],
        "title": [
            "Customer Service Representatives",
            "Stockers and Order Fillers",
            "Software Developers",
            "Bookkeeping, Accounting, and Auditing Clerks",
        ],
        "description": [
            "Interact with customers to provide information.",
            "Receive, store, and issue merchandise.",
            "Research, design, and develop computer software.",
            "Compute, classify, and record numerical data.",
        ],
    }
)


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> TitleMatcher:
    from workshift import config_context

    with config_context(home=tmp_path_factory.mktemp("home")):
        return TitleMatcher(embedder="hashing", n_training_queries=16, random_state=0).fit(
            TITLES, OCCUPATIONS
        )


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Customer Service Rep (night)", "43-4051.00"),
        ("Sr. Software Engineer II", "15-1252.00"),
        ("AP Clerk", "43-3031.00"),
        ("Kommissioniererin (m/w/d)", "53-7065.00"),
    ],
)
def test_top1_on_messy_titles(matcher: TitleMatcher, title: str, code: str) -> None:
    result = matcher.predict([title], top_k=3)
    assert result.loc[result["rank"] == 1, "onet_soc_code"].item() == code


def test_result_shape_and_exact_flag(matcher: TitleMatcher) -> None:
    result = matcher.predict(["Order Picker", "Bookkeeper (m/w/d)"], top_k=2)
    assert list(result.columns) == [
        "query",
        "rank",
        "onet_soc_code",
        "occupation",
        "confidence",
        "exact",
        "needs_review",
    ]
    top = result.loc[result["rank"] == 1].set_index("query")
    assert top.loc[0, "exact"] and top.loc[1, "exact"]
    assert set(result["rank"]) == {1, 2}


def test_titles_that_normalise_to_nothing_get_no_rows(matcher: TitleMatcher) -> None:
    result = matcher.predict(["(m/w/d)", "Buchhalter"], top_k=1)
    assert result["query"].tolist() == [1]


def test_fitted_attributes_and_training_recall(matcher: TitleMatcher) -> None:
    assert matcher.occupation_codes_.tolist() == sorted(OCCUPATIONS["onet_soc_code"])
    assert 0 < matcher.training_recall_ <= 1


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=6), st.integers(1, 4))
def test_invariants(matcher: TitleMatcher, titles: list[str], top_k: int) -> None:
    result = matcher.predict(titles, top_k=top_k)
    assert result["confidence"].between(0, 1).all()
    for _, group in result.groupby("query"):
        assert group["rank"].tolist() == list(range(1, len(group) + 1))
        assert len(group) <= top_k
        assert group["confidence"].is_monotonic_decreasing
        assert group["confidence"].sum() <= 1 + 1e-9  # probabilities over candidates
    assert set(result["query"]) <= set(range(len(titles)))


NOISE = [
    "Senior Full Stack Developer",
    "n/a",
    "Lagerist (m/w/d)",
    "Site Reliability Engineer",
    "Accountant",
    "Customer Service Agent",
    "Picker",
    "Order Picker",
    "Buchhalterin",
    "Call Center Agent",
    "Software",
    "Clerk",
]
OUTPUT = ["rank", "onet_soc_code", "occupation", "confidence", "exact", "needs_review"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(NOISE),
    st.lists(st.sampled_from(NOISE) | st.text(min_size=1, max_size=25), max_size=30),
    st.integers(0, 30),
)
def test_a_title_scores_the_same_alone_and_in_any_batch(
    matcher: TitleMatcher, title: str, others: list[str], at: int
) -> None:
    batch = [*others[:at], title, *others[at:]]
    alone = matcher.predict([title], top_k=4)[OUTPUT].reset_index(drop=True)
    result = matcher.predict(batch, top_k=4)
    inside = result.loc[result["query"] == min(at, len(others)), OUTPUT].reset_index(drop=True)
    # bit for bit: candidates, ranks and confidences
    pd.testing.assert_frame_equal(alone, inside, check_exact=True)


def test_scores_do_not_depend_on_the_chunk_a_title_lands_in(matcher: TitleMatcher) -> None:
    batch = [f"{NOISE[i % len(NOISE)]} {i % 7}x" for i in range(600)] + ["Order Picker"]
    inside = matcher.predict(batch, top_k=4)
    inside = inside.loc[inside["query"] == 600, OUTPUT].reset_index(drop=True)
    alone = matcher.predict(["Order Picker"], top_k=4)[OUTPUT].reset_index(drop=True)
    pd.testing.assert_frame_equal(alone, inside, check_exact=True)


@pytest.mark.parametrize("title", ["n/a", "N/A", "-", "tbd", "k.A.", "N.N.", "vacant", "unbekannt"])
def test_placeholders_get_no_candidates(matcher: TitleMatcher, title: str) -> None:
    assert matcher.predict([title, "Order Picker"], top_k=2)["query"].unique().tolist() == [1]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 6),
    st.integers(1, 300),
    st.integers(1, 50),
    st.integers(0, 2**32 - 1),
    st.sampled_from([-1.0, 0.0]),
)
def test_top_n_is_the_n_largest_above_the_floor(
    n_rows: int, n_cols: int, n: int, seed: int, floor: float
) -> None:
    import numpy as np

    from workshift.matching._title_matcher import _top_n

    rng = np.random.default_rng(seed)
    scores = rng.choice([-1.0, 0.0, 0.25, 0.5, 0.75, 1.0], size=(n_rows, n_cols)).astype(
        np.float32
    ) + rng.integers(0, 2, size=(n_rows, n_cols)) * rng.random((n_rows, n_cols), np.float32)
    rows, cols = _top_n(scores, n, floor)
    for row in range(n_rows):
        line = scores[row]
        order = [c for c in np.lexsort((np.arange(n_cols), -line)) if line[c] > floor][:n]
        assert cols[rows == row].tolist() == order
