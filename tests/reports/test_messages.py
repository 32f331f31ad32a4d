"""Every language says everything, with the same placeholders."""

from __future__ import annotations

import string
from collections.abc import Mapping

import pytest

from workshift.reports._council_messages import COUNCIL_MESSAGES
from workshift.reports._messages import LANGUAGES, MESSAGES, Language, messages
from workshift.reports._reskill_messages import RESKILL_MESSAGES
from workshift.reports._scenario_messages import SCENARIO_MESSAGES


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_languages_have_the_same_keys_and_placeholders() -> None:
    english = MESSAGES["en"]
    for lang in LANGUAGES:
        assert MESSAGES[lang].keys() == english.keys(), lang
        for key, text in MESSAGES[lang].items():
            assert _fields(text) == _fields(english[key]), (lang, key)
            assert text.strip(), (lang, key)


def test_number_formats() -> None:
    en, de = messages("en"), messages("de")
    assert (en.pct(0.5), de.pct(0.5)) == ("50.0%", "50,0 %")
    assert (en.number(1234567), de.number(1234567)) == ("1,234,567", "1.234.567")
    assert (en.number(2.25), de.number(1234.5)) == ("2.2", "1.234,5")
    assert en.pct(float("nan")) == en.number(None) == de.score(float("nan")) == ""
    assert (en.plotly_separators, de.plotly_separators) == (".,", ",.")


@pytest.mark.parametrize(
    "catalogue",
    [SCENARIO_MESSAGES, RESKILL_MESSAGES, COUNCIL_MESSAGES],
    ids=["scenario", "reskill", "council"],
)
def test_report_texts_in_every_language_apart_from_the_analysis_texts(
    catalogue: Mapping[Language, Mapping[str, str]],
) -> None:
    english = catalogue["en"]
    for lang in LANGUAGES:
        assert catalogue[lang].keys() == english.keys(), lang
        for key, text in catalogue[lang].items():
            assert _fields(text) == _fields(english[key]), (lang, key)
            assert text.strip(), (lang, key)
        # A report's catalogue adds texts; it never silently replaces the analysis's.
        assert not catalogue[lang].keys() & MESSAGES[lang].keys(), lang


def test_the_council_texts_replace_no_scenario_text() -> None:
    """The pack's catalogue is laid over the scenario one: it only adds."""
    for lang in LANGUAGES:
        assert not COUNCIL_MESSAGES[lang].keys() & SCENARIO_MESSAGES[lang].keys(), lang


def test_money_and_parameter_values() -> None:
    en, de = messages("en", "EUR"), messages("de", "EUR")
    assert (en.money(1234567.5), de.money(-2500)) == ("EUR 1,234,568", "-2.500 EUR")
    assert messages("en").money(12) == "12"  # no currency given
    assert (en.decimal(0.0351), de.decimal(1.25), en.decimal(2500.4)) == ("0.0351", "1,25", "2,500")
    assert en.money(float("nan")) == de.decimal(None) == ""
