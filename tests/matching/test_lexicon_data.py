"""The hand-written matching data: German lexicon, German heads, abbreviations, dev sets.

Checks the shape of each file and that every O*NET-SOC code exists in the shipped bundle.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

from workshift.reference import ReferenceStore

BENCHMARK_DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
DEV_SETS = ("titles_de_dev.csv", "titles_en_messy_dev.csv")
CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
# One token as the normaliser sees it: lower case, no spaces, punctuation only "&".
ABBREVIATION = re.compile(r"^[a-z0-9äöüß&]+$")


def _data_text(name: str) -> str:
    return (files("workshift.matching") / "data" / name).read_text(encoding="utf-8")


def _read_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(text.splitlines())
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def _duplicates(values: list[str]) -> list[str]:
    return sorted(v for v, n in Counter(values).items() if n > 1)


@pytest.fixture(scope="module")
def known_codes() -> frozenset[str]:
    return frozenset(ReferenceStore().occupations()["onet_soc_code"])


@pytest.fixture(scope="module")
def lexicon() -> list[dict[str, str]]:
    columns, rows = _read_rows(_data_text("de_titles.csv"))
    assert columns == ["title_de", "onet_soc_code", "note"]
    return rows


@pytest.fixture(scope="module")
def abbreviations() -> list[dict[str, str]]:
    columns, rows = _read_rows(_data_text("abbreviations.csv"))
    assert columns == ["abbreviation", "expansion", "language"]
    return rows


@pytest.fixture(scope="module")
def heads() -> list[str]:
    lines = _data_text("de_heads.txt").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module", params=DEV_SETS)
def dev_set(request: pytest.FixtureRequest) -> tuple[str, list[dict[str, str]]]:
    name: str = request.param
    columns, rows = _read_rows((BENCHMARK_DATA / name).read_text(encoding="utf-8"))
    assert columns == ["title", "onet_soc_code"], name
    return name, rows


# -- German lexicon ---------------------------------------------------------------------------


def test_lexicon_size_and_cells(lexicon: list[dict[str, str]]) -> None:
    assert len(lexicon) >= 400
    for row in lexicon:
        assert row["title_de"] == row["title_de"].strip() and row["title_de"], row
        assert CODE.match(row["onet_soc_code"]), row
        assert None not in row, row  # no extra columns


def test_lexicon_titles_unique_case_insensitive(lexicon: list[dict[str, str]]) -> None:
    assert _duplicates([row["title_de"].lower() for row in lexicon]) == []


def test_lexicon_codes_exist(lexicon: list[dict[str, str]], known_codes: frozenset[str]) -> None:
    unknown = sorted({row["onet_soc_code"] for row in lexicon} - known_codes)
    assert unknown == []


# -- German heads -----------------------------------------------------------------------------


def test_heads_sorted_lowercase_unique(heads: list[str]) -> None:
    assert len(heads) >= 120
    assert all(h == h.strip().lower() and " " not in h for h in heads)
    assert heads == sorted(set(heads))


# -- abbreviations ----------------------------------------------------------------------------


def test_abbreviations_shape(abbreviations: list[dict[str, str]]) -> None:
    assert len(abbreviations) >= 120
    for row in abbreviations:
        assert ABBREVIATION.match(row["abbreviation"]), row
        assert row["expansion"] and row["expansion"] == row["expansion"].strip(), row
        assert row["language"] in {"en", "de"}, row
        assert row["expansion"].lower() != row["abbreviation"], row


def test_abbreviations_unique_per_language(abbreviations: list[dict[str, str]]) -> None:
    keys = [f"{row['abbreviation']}|{row['language']}" for row in abbreviations]
    assert _duplicates(keys) == []


# -- development sets -------------------------------------------------------------------------


def test_dev_set_size_and_codes(
    dev_set: tuple[str, list[dict[str, str]]], known_codes: frozenset[str]
) -> None:
    name, rows = dev_set
    assert len(rows) >= 200, name
    assert all(row["title"].strip() for row in rows), name
    unknown = sorted({row["onet_soc_code"] for row in rows} - known_codes)
    assert unknown == [], name


def test_dev_set_titles_unique(dev_set: tuple[str, list[dict[str, str]]]) -> None:
    name, rows = dev_set
    assert _duplicates([row["title"].lower() for row in rows]) == [], name


def test_dev_set_does_not_copy_lexicon(
    dev_set: tuple[str, list[dict[str, str]]], lexicon: list[dict[str, str]]
) -> None:
    name, rows = dev_set
    lexicon_titles = {row["title_de"].lower() for row in lexicon}
    copied = sorted(row["title"] for row in rows if row["title"].lower() in lexicon_titles)
    assert copied == [], name
