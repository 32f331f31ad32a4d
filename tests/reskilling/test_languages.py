"""Course languages: from a languages column, listed language skills or the site country."""

from __future__ import annotations

from importlib.resources import files

import pandas as pd
import yaml

from workshift.reference import ReferenceStore
from workshift.reskilling import (
    country_languages,
    language_code,
    person_languages,
    person_skills,
    skill_vocabulary,
)
from workshift.reskilling._skills import profile_skill_ids


def test_the_table_is_well_formed() -> None:
    data = yaml.safe_load(
        (files("workshift.reskilling") / "data" / "languages.yaml").read_text("utf-8")
    )
    codes = set(data["names"])
    assert all(len(c) == 2 and c.islower() for c in codes)
    for country, spoken in data["countries"].items():
        assert len(country) == 2 and country.isupper() and spoken
        assert all(len(c) == 2 and c.islower() for c in spoken)


def test_german_and_english_names_of_languages() -> None:
    names = ["Englisch", "english", "Deutsch", "GERMAN", "Französisch"]
    assert [language_code(n) for n in names] == ["en", "en", "de", "de", "fr"]
    assert language_code("Programmieren") is None
    assert country_languages("US") == ("en",) and country_languages("de") == ("de",)


def test_listed_languages_are_skills_that_open_courses() -> None:
    """'Englisch' in a skills cell is no longer unknown: it adds English to the person's
    course languages."""
    store = ReferenceStore()
    held, unknown = person_skills(
        pd.Series(["Schreiben=5; Englisch", "Zendesk"]),
        skill_vocabulary(store), profile_skill_ids(store), file="affected.csv",
    )  # fmt: skip
    assert "lang:en=4" in held[0]
    assert unknown["value"].tolist() == ["Zendesk"]
    assert unknown["reason"].tolist() == ["not in the skill vocabulary"]
    spoken = person_languages(pd.Series(["DE", "DE"]), pd.Series(["", ""]), held)
    assert spoken["languages"].tolist() == ["de; en", "de"]
    assert spoken["languages_from"].tolist() == [
        "site country DE; listed skills",
        "site country DE",
    ]


def test_a_languages_column_wins_over_the_country() -> None:
    spoken = person_languages(
        pd.Series(["US", "XX"]), pd.Series(["Deutsch", ""]), pd.Series(["", ""])
    )
    assert spoken.to_dict("list") == {
        "languages": ["de", ""], "languages_from": ["languages column", "unknown"],
    }  # fmt: skip
