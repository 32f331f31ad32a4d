"""Title normalisation: gender forms, levels, shifts, abbreviations, German compounds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshift.matching import TitleNormaliser

N = TitleNormaliser.default()


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Lagerist (m/w/d)", "lagerist"),
        ("Lagerist (w/m/d)", "lagerist"),
        ("Lageristin", "lagerist"),
        ("Berater/-in Vertrieb", "berater vertrieb"),
        ("Mitarbeiter:innen Versand", "mitarbeiter versand"),
        ("Softwareentwickler*in", "softwareentwickler"),
        ("Kauffrau für Büromanagement", "kaufmann für büromanagement"),
        ("Zahnärztin", "zahnarzt"),
        ("Sr. Backend Eng II", "backend engineer"),
        ("Junior Accountant", "accountant"),
        ("Warehouse Associate - 2nd shift", "warehouse associate"),
        ("School Principal", "school principal"),
        ("Principal", "principal"),
        ("RN - ICU", "registered nurse intensive care unit"),
        ("AP Clerk", "accounts payable clerk"),
        ("HRBP", "human resources business partner"),
        ("FP&A Analyst", "financial planning and analysis analyst"),
    ],
)
def test_text_form(raw: str, text: str) -> None:
    assert N(raw).text == text


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Lohnbuchhalter", "lohn buchhalter"),
        ("Lohn- und Gehaltsbuchhalter (m/w/d)", "lohn buchhalter und gehalt buchhalter"),
        ("Customer Service Representatives", "customer service representative"),
        ("Verkäufer", "verkaeufer"),
    ],
)
def test_key_form(raw: str, key: str) -> None:
    assert N(raw).key == key


def test_gender_forms_share_one_key() -> None:
    forms = ["Lagerist", "Lageristin", "Lagerist (m/w/d)", "Lagerist/in", "Lagerist:in"]
    assert len({N(f).key for f in forms}) == 1


def test_extra_abbreviations_extend_the_table() -> None:
    custom = TitleNormaliser.default({"wfm": "workforce management"})
    assert custom("WFM Analyst").text == "workforce management analyst"


@given(st.text(max_size=60))
def test_normalising_never_fails_and_is_idempotent_on_the_key(title: str) -> None:
    once = N(title)
    assert once.key == once.key.strip()
    assert N(once.text).text == once.text or not once.text


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Warehouse Associate - Nights", "warehouse associate"),
        ("Warehouse Lead (Inbound)", "warehouse lead inbound"),
        ("First-Line Supervisor", "first line supervisor"),
        ("Associate Professor", "professor"),
        ("Analyst Level 2", "analyst"),
        ("Cashier PT", "cashier"),
        ("Head of Sales", "sales manager"),
        ("Day Care Teacher", "day care teacher"),
    ],
)
def test_levels_and_shifts_only_where_they_are_noise(raw: str, text: str) -> None:
    assert N(raw).text == text


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("SVP Human Resources", "human resources manager"),
        ("Head of Payroll", "payroll manager"),
        ("Vice President Operations", "operations manager"),
        ("Abteilungsleiterin Einkauf", "leiter einkauf"),
        ("Prokurist Finanzen", "leiter finanzen"),
        ("Werkstudentin Marketing", "marketing"),
        ("Azubi Lagerlogistik", "lagerlogistik"),
        ("Azubi", "auszubildender"),
        ("Team Leader", "team supervisor"),
        ("Lead", "lead"),
        ("CIO", "information technology director"),
        ("Accountant Sr.", "accountant"),
        ("Director Plant Operations", "plant operations manager"),
        ("Art Director", "art director"),
        ("Warehouse Team Lead", "warehouse supervisor"),
        ("Production Lead", "production supervisor"),
        ("Werksleitung Gießerei", "werksleiter gießerei"),
        ("Teamleitung Kundenservice", "teamleiter kundenservice"),
    ],
)
def test_roles_and_levels(title: str, text: str) -> None:
    assert TitleNormaliser.default()(title).text == text
