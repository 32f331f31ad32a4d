"""The skill vocabulary: ids for O*NET skills and technologies, names and aliases resolved."""

from __future__ import annotations

import pandas as pd
import pytest

from workshift.exceptions import UnknownSkillError, WorkshiftError
from workshift.reskilling._vocabulary import (
    SKILL_KINDS,
    VOCABULARY_COLUMNS,
    resolve_skill,
    skill_aliases,
    skill_vocabulary,
    technology_id,
)


@pytest.fixture(scope="module")
def vocabulary() -> pd.DataFrame:
    return skill_vocabulary()


def test_the_35_onet_skills_and_every_technology_have_one_id_each(
    vocabulary: pd.DataFrame,
) -> None:
    assert list(vocabulary.columns) == VOCABULARY_COLUMNS
    assert vocabulary["skill_id"].is_unique
    assert set(vocabulary["kind"]) == set(SKILL_KINDS)
    onet = vocabulary[vocabulary["kind"] == "skill"]
    assert len(onet) == 35
    assert onet["skill_id"].str.fullmatch(r"onet:2\.[AB]\.\d\.[a-z]").all()
    tech = vocabulary[vocabulary["kind"] != "skill"]
    assert (tech["skill_id"] == [technology_id(n) for n in tech["name"]]).all()
    assert (tech["skill_id"] == tech["skill_id"].str.lower()).all()
    assert len(tech) > 8000  # examples and commodity titles of the bundle


def test_technologies_know_their_commodity_classes(vocabulary: pd.DataFrame) -> None:
    row = vocabulary.set_index("skill_id").loc["tech:python"]
    assert row["kind"] == "technology"
    assert row["classes"] == "tech:object or component oriented development software"
    kinds = vocabulary.set_index("skill_id")["kind"]
    classes = {c for text in vocabulary["classes"] if text for c in text.split("; ")}
    assert {kinds[c] for c in classes} == {"technology_class"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("onet:2.B.3.e", "onet:2.B.3.e"),
        ("2.B.3.e", "onet:2.B.3.e"),
        ("Programming", "onet:2.B.3.e"),
        ("  quality   CONTROL analysis ", "onet:2.B.3.m"),
        ("Python", "tech:python"),
        ("tech:Python", "tech:python"),
        ("TensorFlow", "tech:tensorflow"),
        ("Spreadsheet software", "tech:spreadsheet software"),
        ("sql", "tech:structured query language sql"),
        ("Power BI", "tech:microsoft power bi"),
        ("Programmieren", "onet:2.B.3.e"),
        ("kritisches denken", "onet:2.A.2.a"),
    ],
)
def test_resolves_ids_names_technologies_and_aliases(
    vocabulary: pd.DataFrame, text: str, expected: str
) -> None:
    assert resolve_skill(text, vocabulary) == expected


def test_an_unknown_skill_is_a_key_error_with_suggestions(vocabulary: pd.DataFrame) -> None:
    with pytest.raises(UnknownSkillError) as caught:
        resolve_skill("Pyhton", vocabulary)
    err = caught.value
    assert isinstance(err, KeyError)
    assert isinstance(err, WorkshiftError)
    assert err.exit_code == 2
    assert err.skill == "Pyhton"
    assert err.suggestions[0] == "Python"
    assert str(err).startswith("unknown skill 'Pyhton'; closest known skills: 'Python'")


def test_suggestions_include_aliases_and_nothing_far_off(vocabulary: pd.DataFrame) -> None:
    with pytest.raises(UnknownSkillError) as caught:
        resolve_skill("Programing", vocabulary)
    assert caught.value.suggestions[:2] == ["Programming", "Programmierung"]
    with pytest.raises(UnknownSkillError) as caught:
        resolve_skill("", vocabulary)
    assert caught.value.suggestions == []
    assert str(caught.value) == "unknown skill ''"


def test_every_shipped_alias_names_a_skill_and_shadows_no_name(
    vocabulary: pd.DataFrame,
) -> None:
    ids = set(vocabulary["skill_id"])
    names = {" ".join(n.split()).casefold() for n in vocabulary["name"]}
    for alias, target in skill_aliases().items():
        assert target in ids, alias
        assert alias.casefold() not in names, alias
    german = {a for a, t in skill_aliases().items() if t.startswith("onet:")}
    onet = set(vocabulary.loc[vocabulary["kind"] == "skill", "skill_id"])
    # Every O*NET skill has a German name; "Installation" is the same word in both.
    assert onet - {skill_aliases()[a] for a in german} == {"onet:2.B.3.d"}


def test_each_call_returns_an_independent_copy(vocabulary: pd.DataFrame) -> None:
    first = skill_vocabulary()
    first.loc[0, "name"] = "changed"
    assert skill_vocabulary().loc[0, "name"] == "Reading Comprehension"


def test_the_lookup_follows_the_frame_it_is_given(vocabulary: pd.DataFrame) -> None:
    assert resolve_skill("Python", vocabulary) == "tech:python"
    extra = pd.concat(
        [
            vocabulary,
            pd.DataFrame(
                [{"skill_id": "tech:in-house wms", "name": "In-house WMS", "kind": "technology"}]
            ),
        ],
        ignore_index=True,
    )
    assert resolve_skill("in-house WMS", extra) == "tech:in-house wms"
    with pytest.raises(UnknownSkillError):
        resolve_skill("in-house WMS", vocabulary)


def test_a_small_custom_vocabulary_needs_no_alias_or_class_columns() -> None:
    custom = pd.DataFrame(
        {"skill_id": ["onet:2.B.3.e", "tech:python"], "name": ["Programming", "Python"]}
    )
    assert resolve_skill("python", custom) == "tech:python"
    with pytest.raises(UnknownSkillError):
        resolve_skill("sql", custom)


def test_suggestions_only_above_the_measured_cut(vocabulary: pd.DataFrame) -> None:
    """The labelled set: the cut separates misspellings from skills the vocabulary lacks on
    the half it was chosen on (a), and suggests exactly the right names on the held-out (b)."""
    from pathlib import Path

    from rapidfuzz import fuzz, process, utils

    from workshift.reskilling import SUGGESTION_CUTOFF
    from workshift.reskilling._vocabulary import _index

    data = pd.read_csv(
        Path(__file__).parent / "data" / "skill_suggestions.csv", keep_default_na=False
    )
    choices = _index(vocabulary).choices
    best = [
        process.extractOne(q, choices, scorer=fuzz.ratio, processor=utils.default_process)[1]
        for q in data["query"]
    ]
    chosen = data.assign(score=best).loc[data["half"] == "a"]
    misspelt = chosen["expected"] != ""
    assert chosen.loc[~misspelt, "score"].max() < SUGGESTION_CUTOFF
    assert chosen.loc[misspelt, "score"].min() >= SUGGESTION_CUTOFF
    held_out = data.loc[data["half"] == "b"]
    for query, expected in zip(held_out["query"], held_out["expected"], strict=True):
        with pytest.raises(UnknownSkillError) as caught:
            resolve_skill(query, vocabulary)
        assert caught.value.suggestions[:1] == ([expected] if expected else [])
