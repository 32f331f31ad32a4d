"""resolve_occupations: one row per input row, one policy, every caller's context a parameter."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift.exceptions import ConfigError
from workshift.matching import (
    ANALYZE_POLICY,
    RESOLUTION_COLUMNS,
    CodingPolicy,
    TitleMatcher,
    resolve_occupations,
)
from workshift.reference import ReferenceStore

from .test_title_matcher import OCCUPATIONS, TITLES


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> TitleMatcher:
    from workshift import config_context

    with config_context(home=tmp_path_factory.mktemp("home")):
        return TitleMatcher(embedder="hashing", n_training_queries=16).fit(TITLES, OCCUPATIONS)


def _no_matcher() -> TitleMatcher:
    raise AssertionError("the matcher must not be loaded")


def _resolve(
    codes: list[str] | None,
    titles: list[str] | None,
    store: ReferenceStore,
    policy: CodingPolicy,
    matcher: TitleMatcher | None = None,
) -> pd.DataFrame:
    return resolve_occupations(
        None if codes is None else pd.Series(codes, dtype=object),
        None if titles is None else pd.Series(titles, dtype=object),
        store=store,
        matcher=matcher or _no_matcher,
        policy=policy,
    )


def test_every_row_is_resolved_or_has_a_reason(
    matcher: TitleMatcher, fixture_store: ReferenceStore
) -> None:
    codes = ["43-4051", "", "bogus", "99-9999", "", "43-0000"]
    titles = ["", "Order Picker", "Software Developer", "", "", ""]
    resolved = _resolve(codes, titles, fixture_store, ANALYZE_POLICY, matcher)
    assert list(resolved.columns) == list(RESOLUTION_COLUMNS)
    assert resolved["input_row"].tolist() == list(range(len(codes)))
    decided = resolved["code"].notna()
    assert (resolved.loc[decided, "reason"] == "").all()
    assert (resolved.loc[~decided, "reason"] != "").all()
    for shares in resolved.loc[decided, "shares"]:
        assert np.isclose(sum(shares), 1.0)
    by_row = resolved.set_index("input_row")
    assert by_row.loc[0, "decided_by"] == "occupation_code"
    assert by_row.loc[1, "code"] == "53-7065.00"
    # An invalid code with a title: matched by the title, and the row says so.
    assert by_row.loc[2, "kind"] == "title" and "matched by title" in by_row.loc[2, "note"]
    assert "99-9999" in by_row.loc[3, "reason"]
    assert by_row.loc[4, "reason"] == "no job title"
    # A SOC group shares its row among its occupations.
    assert by_row.loc[5, "candidates"] == ("43-3031.00", "43-4051.00")
    assert by_row.loc[5, "shares"] == (0.5, 0.5)


def test_several_first_takes_one_occupation(fixture_store: ReferenceStore) -> None:
    resolved = _resolve(["43-0000"], None, fixture_store, CodingPolicy(several="first"))
    assert resolved["candidates"].item() == ("43-3031.00",)
    assert resolved["shares"].item() == (1.0,)


def test_several_primary_takes_one_occupation_or_none(fixture_store: ReferenceStore) -> None:
    codes = ["43-0000", "43-4000", "15-1132"]
    resolved = _resolve(codes, None, fixture_store, CodingPolicy(several="primary"))
    assert resolved["code"].tolist() == [None, "43-4051.00", "15-1252.00"]
    assert resolved["status"].tolist() == ["code_not_accepted", "resolved", "resolved"]
    assert "stands for 2 occupations" in resolved["reason"].iloc[0]


def test_when_titles_are_matched(matcher: TitleMatcher, fixture_store: ReferenceStore) -> None:
    codes, titles = ["bogus", ""], ["Order Picker", "Order Picker"]
    no_code = _resolve(codes, titles, fixture_store, CodingPolicy(titles="when_no_code"), matcher)
    assert no_code["code"].tolist() == [None, "53-7065.00"]
    assert "bogus" in no_code["reason"].iloc[0]
    never = _resolve(codes, titles, fixture_store, CodingPolicy(titles="never"))
    assert never["code"].tolist() == [None, None]
    assert never["reason"].tolist()[1] == "no occupation code"


def test_unsure_titles_follow_the_policy(
    matcher: TitleMatcher, fixture_store: ReferenceStore
) -> None:
    title = ["Softwre Develper Backend"]
    strict = 0.9999  # every model match is unsure
    policy = CodingPolicy(review_threshold=strict)
    spread = _resolve(None, title, fixture_store, policy, matcher).iloc[0]
    assert spread["unsure"] and spread["decided_by"] == "candidates"
    assert np.isclose(sum(spread["shares"]), 1.0)
    best = CodingPolicy(unsure="best", top_k=1, review_threshold=strict)
    guess = _resolve(None, title, fixture_store, best, matcher).iloc[0]
    assert guess["unsure"] and guess["decided_by"] == "model"
    assert guess["code"] == spread["candidates"][0] and guess["shares"] == (1.0,)
    reject = CodingPolicy(unsure="reject", review_threshold=strict)
    refused = _resolve(None, title, fixture_store, reject, matcher).iloc[0]
    assert refused["code"] is None and "review threshold" in refused["reason"]
    # An exact title is never unsure.
    exact = _resolve(None, ["Order Picker"], fixture_store, reject, matcher).iloc[0]
    assert exact["decided_by"] == "exact_title" and exact["code"] == "53-7065.00"


def test_accepted_code_systems_crosswalks_and_extra_codes(fixture_store: ReferenceStore) -> None:
    codes = ["43-4051", "43-4051.00", "4222", "15-1132", "ai_trainer"]
    everything = _resolve(
        codes, None, fixture_store, CodingPolicy(extra_codes=frozenset({"ai_trainer"}))
    )
    assert everything["code"].tolist() == [
        "43-4051.00", "43-4051.00", "43-4051.00", "15-1252.00", "ai_trainer"
    ]  # fmt: skip
    assert everything["decided_by"].tolist()[-1] == "extra_code"
    onet_only = CodingPolicy(code_systems=frozenset({"onet_soc"}), crosswalks=False)
    narrow = _resolve(codes, None, fixture_store, onet_only)
    assert narrow["code"].tolist() == [None, "43-4051.00", None, None, None]
    assert "not accepted" in narrow["reason"].iloc[0]
    assert "not accepted" in narrow["reason"].iloc[3]


def test_a_policy_is_checked() -> None:
    with pytest.raises(ValueError, match="top_k"):
        CodingPolicy(top_k=0)
    with pytest.raises(ValueError, match="code systems"):
        CodingPolicy(code_systems=frozenset({"naics"}))  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="unsure"):
        CodingPolicy(unsure="maybe")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="review_threshold"):
        CodingPolicy(review_threshold=1.5)


# Every form a person may type of one occupation's code, in current and retired systems.
_FORMS = {
    "15-1252.00": ["15-1252", "151252", "15-1252.00", "151252.00", "15-1132", "15-1132.00"],
    "43-3031.00": ["43-3031", "433031", "43-3031.00", "433031.00"],
    "43-4051.00": ["43-4051", "434051", "43-4051.00", "434051.00", "4222"],
    "53-7065.00": ["53-7065", "537065", "53-7065.00", "537065.00"],
}
_UNKNOWN = ["", "99-9999", "bogus", "12345"]


@st.composite
def _cells(draw: st.DrawFn) -> tuple[str, str | None]:
    """A cell as typed (padded with blanks) and the occupation it names (None: none)."""
    if draw(st.booleans()):
        occupation = draw(st.sampled_from(sorted(_FORMS)))
        form, expected = draw(st.sampled_from(_FORMS[occupation])), occupation
    else:
        form, expected = draw(st.sampled_from(_UNKNOWN)), None
    pad = st.sampled_from(["", " ", "  "])
    return draw(pad) + form + draw(pad), expected


@settings(max_examples=40, deadline=None)
@given(
    cells=st.lists(_cells(), max_size=12),
    several=st.sampled_from(["share", "primary", "first"]),
    titles=st.sampled_from(["never", "when_no_code", "when_no_valid_code"]),
)
def test_every_form_of_a_code_resolves_to_the_same_occupation(
    fixture_store: ReferenceStore,
    cells: list[tuple[str, str | None]],
    several: str,
    titles: str,
) -> None:
    policy = CodingPolicy(several=several, titles=titles)  # type: ignore[arg-type]
    codes = [c for c, _ in cells]
    resolved = _resolve(codes, [""] * len(codes), fixture_store, policy)
    assert len(resolved) == len(cells)
    assert resolved["input_row"].tolist() == list(range(len(cells)))
    assert resolved["code"].tolist() == [e for _, e in cells]
    assert ((resolved["reason"] == "") == resolved["code"].notna()).all()
    assert ((resolved["status"] == "resolved") == resolved["code"].notna()).all()


def test_each_callers_policy_on_the_same_rows(
    matcher: TitleMatcher, fixture_store: ReferenceStore
) -> None:
    """The callers differ only in their policy (docs/design/occupation_coding.md)."""
    from workshift.exposure import TASK_POLICY
    from workshift.reskilling import OPENING_POLICY, ORIGIN_POLICY

    codes = ["43-0000", "bogus", "", ""]
    titles = ["", "Order Picker", "Order Picker", ""]

    def run(policy: CodingPolicy) -> list[str | None]:
        return _resolve(codes, titles, fixture_store, policy, matcher)["code"].tolist()

    assert run(ANALYZE_POLICY) == ["43-3031.00", "53-7065.00", "53-7065.00", None]
    assert run(ORIGIN_POLICY) == [None, "53-7065.00", "53-7065.00", None]
    assert run(OPENING_POLICY) == [None, None, "53-7065.00", None]
    assert run(TASK_POLICY) == [None, None, None, None]
