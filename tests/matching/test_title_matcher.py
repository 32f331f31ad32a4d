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
    assert matcher.occupation_codes_.tolist() == OCCUPATIONS["onet_soc_code"].tolist()
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
    assert set(result["query"]) <= set(range(len(titles)))
