"""match_titles and overrides: every input row accounted for; overrides always win."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workshift import InputDataError
from workshift.matching import MATCH_COLUMNS, Overrides, TitleMatcher, match_titles
from workshift.reference import ReferenceStore

from .test_title_matcher import OCCUPATIONS, TITLES


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> TitleMatcher:
    from workshift import config_context

    with config_context(home=tmp_path_factory.mktemp("home")):
        return TitleMatcher(embedder="hashing", n_training_queries=16).fit(TITLES, OCCUPATIONS)


def test_every_input_row_is_accounted_for(
    matcher: TitleMatcher, fixture_store: ReferenceStore
) -> None:
    titles = ["Order Picker", None, "", 42, "Order Picker", "(m/w/d)", "  Buchhalter  ", "1234"]
    result = match_titles(titles, top_k=2, matcher=matcher, store=fixture_store)
    assert list(result.columns) == MATCH_COLUMNS
    assert sorted(set(result["input_row"])) == list(range(len(titles)))
    reasons = result.drop_duplicates("input_row").set_index("input_row")["reason"]
    assert reasons[1] == "empty title"
    assert reasons[2] == "empty title"
    assert reasons[3] == "not text (int)"
    assert reasons[5] == "no words left after normalisation"
    assert reasons[7] == "no letters in title"
    unmatched = result.loc[result["rank"].isna()]
    assert set(unmatched["input_row"]) == {1, 2, 3, 5, 7}
    matched = result.loc[result["rank"] == 1].set_index("input_row")
    assert matched.loc[0, "onet_soc_code"] == matched.loc[4, "onet_soc_code"] == "53-7065.00"
    assert matched.loc[6, "title"] == "Buchhalter"


def test_decided_by_and_isco(matcher: TitleMatcher, fixture_store: ReferenceStore) -> None:
    result = match_titles(
        ["Order Picker", "Softwre Develper Backend"], top_k=1, matcher=matcher, store=fixture_store
    )
    top = result.set_index("input_row")
    assert top.loc[0, "decided_by"] == "exact_title"
    assert top.loc[1, "decided_by"] == "model"
    assert top.loc[1, "isco08_code"] == "2512"


def test_override_wins_over_the_matcher(
    matcher: TitleMatcher, fixture_store: ReferenceStore, tmp_path: Path
) -> None:
    path = tmp_path / "overrides.csv"
    path.write_text("title,code,kind\nOrder Picker,43-4051,exact\n*buch*,15-1252.00,glob\n")
    rules = Overrides.load(path, fixture_store)
    result = match_titles(
        ["Order Picker (m/w/d)", "Buchhalterin", "Stock Clerk"],
        top_k=3,
        overrides=rules,
        matcher=matcher,
        store=fixture_store,
    )
    first = result.loc[result["rank"] == 1].set_index("input_row")
    assert first.loc[0, "onet_soc_code"] == "43-4051.00"
    assert first.loc[0, "decided_by"] == "override"
    assert first.loc[0, "confidence"] == 1.0
    assert "override row 1" in first.loc[0, "reason"]
    assert first.loc[1, "onet_soc_code"] == "15-1252.00"
    assert first.loc[2, "decided_by"] != "override"
    assert (result["input_row"] == 0).sum() == 1  # an override gives one answer


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("title,code\nPicker,99-9999\n", "row 1, column 'code': unknown occupation code"),
        ("title,code,kind\nPicker,53-7065,fuzzy\n", "row 1, column 'kind'"),
        ("title,code\n,53-7065\n", "row 1, column 'title': empty title"),
        ("title,code,kind\n[,53-7065,regex\n", "row 1, column 'title': invalid pattern"),
        ("name,code\nPicker,53-7065\n", "column 'title'"),
    ],
)
def test_bad_override_files_name_file_row_and_column(
    fixture_store: ReferenceStore, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "rules.csv"
    path.write_text(content)
    with pytest.raises(InputDataError, match=message) as info:
        Overrides.load(path, fixture_store)
    assert str(path) in str(info.value)


def test_match_titles_accepts_a_series(
    matcher: TitleMatcher, fixture_store: ReferenceStore
) -> None:
    result = match_titles(pd.Series(["Bookkeeper"]), top_k=1, matcher=matcher, store=fixture_store)
    assert result["onet_soc_code"].tolist() == ["43-3031.00"]


def test_placeholders_stay_unmatched_with_their_reason(
    matcher: TitleMatcher, fixture_store: ReferenceStore
) -> None:
    titles = ["n/a", "Order Picker", "TBD", "k.A.", "N.N.", "vacant", "unbekannt"]
    result = match_titles(titles, top_k=2, matcher=matcher, store=fixture_store)
    unmatched = result.loc[result["rank"].isna()].set_index("input_row")
    assert sorted(unmatched.index) == [0, 2, 3, 4, 5, 6]
    assert set(unmatched["reason"]) == {"placeholder, names no occupation"}
    assert unmatched.loc[0, "title"] == "n/a"
