"""The languages a person can take a course in.

A course is offered to a person only in a language they have. Their languages are, in this
order of precedence:

1. a ``languages`` column (of the list of affected people, else of the workforce file):
   codes or names, ``"de; en"`` or ``"Deutsch, Englisch"``; when it is filled, it is the
   whole answer, together with 2.;
2. languages the person lists among their skills ("Englisch", "French=3"): always added;
3. otherwise the official and de-facto official languages of their site's country
   (``country`` column, ISO 3166 code), from CLDR's territory data in
   ``data/languages.yaml``: a site in DE gives German, in US English.

A person with none of these has unknown languages: every module of the catalogue stays open
to them (narrowed by ``languages=`` of :func:`~workshift.reskilling.redeploy` where given),
and the plan says so. ``languages_from`` records which rule gave each person's languages.

Examples
--------
>>> language_code("Englisch"), language_code("fr"), language_code("Klingonisch")
('en', 'fr', None)
>>> frame = person_languages(
...     pd.Series(["DE", "US", "", "DE"]), pd.Series(["", "", "", "de; en"]),
...     pd.Series(["lang:en=4", "", "", ""]))
>>> frame.to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'languages': 'de; en', 'languages_from': 'site country DE; listed skills'},
 {'languages': 'en', 'languages_from': 'site country US'},
 {'languages': '', 'languages_from': 'unknown'},
 {'languages': 'de; en', 'languages_from': 'languages column'}]
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import pandas as pd
import yaml

__all__ = [
    "LANGUAGE_PREFIX",
    "country_languages",
    "language_code",
    "parse_languages",
    "person_languages",
]

LANGUAGE_PREFIX = "lang:"
"""Skill ids of listed languages (``lang:en``); no occupation profile has them."""


@cache
def _table() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    text = (files("workshift.reskilling") / "data" / "languages.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    names: dict[str, str] = {}
    for code, spelled in data["names"].items():
        names[str(code).casefold()] = str(code)
        for name in spelled:
            names.setdefault(" ".join(str(name).split()).casefold(), str(code))
    countries = {str(k).upper(): tuple(str(c) for c in v) for k, v in data["countries"].items()}
    return names, countries


def language_code(text: str) -> str | None:
    """The ISO 639-1 code a language name or code names (English, German or its own name,
    any case), or None."""
    return _table()[0].get(" ".join(str(text).split()).casefold())


def country_languages(country: str) -> tuple[str, ...]:
    """The official and de-facto official languages of an ISO 3166 country (``()`` when
    the table does not know it).

    >>> country_languages("de"), country_languages("CH"), country_languages("XX")
    (('de',), ('de', 'fr', 'it'), ())
    """
    return _table()[1].get(str(country).strip().upper(), ())


def parse_languages(text: str) -> tuple[list[str], list[str]]:
    """The codes of a languages cell (items separated by ``;``, ``,``, ``/`` or spaces) and
    the items that name no language.

    >>> parse_languages("Deutsch, en / fr"), parse_languages("de; elbisch")
    ((['de', 'en', 'fr'], []), (['de'], ['elbisch']))
    """
    codes: list[str] = []
    unknown: list[str] = []
    for item in str(text).replace(";", ",").replace("/", ",").split(","):
        item = item.strip()
        if not item:
            continue
        code = language_code(item)
        if code is None:  # "Deutsch Englisch": names without separators
            parts = [language_code(word) for word in item.split()]
            if all(parts):
                codes.extend(str(p) for p in parts)
                continue
            unknown.append(item)
        else:
            codes.append(code)
    return sorted(set(codes)), unknown


def person_languages(country: pd.Series, given: pd.Series, skills: pd.Series) -> pd.DataFrame:
    """Each person's course languages (``"; "``-joined codes, ``""`` when unknown) and
    ``languages_from`` (see the module).

    ``country``: site country codes; ``given``: the ``languages`` cells; ``skills``: the
    canonical listed skills (:func:`~workshift.reskilling.person_skills`), whose ``lang:``
    items count. All three share one index; unreadable items of ``given`` are ignored (the
    caller reports them).
    """
    languages, sources = [], []
    for site, cell, held in zip(
        country.fillna("").astype(str), given.fillna("").astype(str),
        skills.fillna("").astype(str), strict=True,
    ):  # fmt: skip
        listed = {
            item.split("=")[0][len(LANGUAGE_PREFIX) :]
            for item in held.split("; ")
            if item.startswith(LANGUAGE_PREFIX)
        }
        stated = set(parse_languages(cell)[0])
        found: set[str]
        if stated:
            found, source = stated, ["languages column"]
        elif country_languages(site):
            found, source = set(country_languages(site)), [f"site country {site.strip().upper()}"]
        else:
            found, source = set(), []
        if listed - found:
            source.append("listed skills")
        found |= listed
        languages.append("; ".join(sorted(found)))
        sources.append("; ".join(source) or "unknown")
    return pd.DataFrame({"languages": languages, "languages_from": sources}, index=country.index)
