"""code_occupations: every row coded or listed with a reason; unsure titles keep candidates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workshift.matching import Overrides, TitleMatcher, code_occupations
from workshift.reference import ReferenceStore

from .test_title_matcher import OCCUPATIONS, TITLES


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> TitleMatcher:
    from workshift import config_context

    with config_context(home=tmp_path_factory.mktemp("home")):
        return TitleMatcher(embedder="hashing", n_training_queries=16).fit(TITLES, OCCUPATIONS)


def _rows(titles: list[str], codes: list[str] | None = None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "input_row": np.arange(len(titles)),
            "job_title": titles,
            "occupation_code": codes or [""] * len(titles),
        }
    )


def test_every_row_is_coded_or_listed(matcher: TitleMatcher, fixture_store: ReferenceStore) -> None:
    rows = _rows(
        ["Order Picker", "", "Softwre Develper Backend", "(m/w/d)", "", "Order Picker"],
        ["", "43-4051", "", "", "99-9999", "bogus"],
    )
    coding = code_occupations(rows, fixture_store, matcher=matcher)
    coded = set(coding.row_units["input_row"])
    listed = set(coding.unmatched["input_row"])
    assert coded | listed == set(range(len(rows)))
    assert not coded & listed
    reasons = coding.unmatched.set_index("input_row")["reason"]
    assert reasons[3] == "no words left after normalisation"
    assert "99-9999" in reasons[4]
    # An invalid code with a title: matched by title, and the row says so.
    note = coding.row_units.set_index("input_row").loc[5, "note"]
    assert "bogus" in note and "matched by title" in note
    # The weights of every unit sum to one.
    sums = coding.units.groupby("unit")["weight"].sum()
    assert np.allclose(sums, 1.0)


def test_unsure_titles_are_spread_over_their_candidates(
    matcher: TitleMatcher, fixture_store: ReferenceStore
) -> None:
    coding = code_occupations(
        _rows(["Order Picker", "Zzyzx Qwerty"]), fixture_store, matcher=matcher
    )
    units = coding.units
    by = units.groupby("value")["decided_by"].first()
    assert by["Order Picker"] in ("exact_title", "model")
    confident = units.loc[units["value"] == "Order Picker"]
    assert confident.loc[confident["rank"] == 1, "weight"].item() == 1.0
    assert (confident.loc[confident["rank"] > 1, "weight"] == 0).all()
    if by["Zzyzx Qwerty"] == "candidates":
        unsure = units.loc[units["value"] == "Zzyzx Qwerty"]
        assert (unsure["weight"] > 0).sum() > 1
        # Weights follow the calibrated confidences.
        expected = unsure["confidence"] / unsure["confidence"].sum()
        assert np.allclose(unsure["weight"], expected)
    matches = coding.matches()
    assert set(matches.columns) >= {"input_row", "onet_soc_code", "share", "decided_by"}
    assert np.allclose(matches.groupby("input_row")["share"].sum(), 1.0)


def test_overrides_decide_without_the_model(fixture_store: ReferenceStore) -> None:
    rules = Overrides.from_records([{"title": "Picker", "code": "53-7065"}], fixture_store)

    def no_model() -> TitleMatcher:
        raise AssertionError("the matcher must not be loaded")

    coding = code_occupations(_rows(["Picker", "picker (m/w/d)"]), fixture_store,
                              matcher=no_model, overrides=rules)  # fmt: skip
    assert set(coding.units["decided_by"]) == {"override"}
    assert len(coding.row_units) == 2
