"""The skill vocabulary: one id for each skill a profile, a role or a course can name.

Two kinds of skills, as in docs/design/reskilling.md (shared vocabulary):

* the 35 O*NET skills, ``onet:<element_id>`` (``onet:2.B.3.e`` is Programming);
* the technologies O*NET lists for occupations, ``tech:<lower-case name>``: every
  technology example (``tech:python``) and every commodity title, the class an example
  belongs to (``tech:spreadsheet software``). The vocabulary records each example's
  classes, so knowing Python at level 3 can count as knowing its class at level 3.

People name a skill by its id, its O*NET name ("Programming", any case), its technology
name ("Python") or an alias from ``data/skill_aliases.yaml`` (German O*NET skill names,
short technology names such as "sql"); :func:`resolve_skill` turns any of them into the id.

Examples
--------
>>> vocabulary = skill_vocabulary()
>>> chosen = vocabulary["skill_id"].isin(["onet:2.B.3.e", "tech:python"])
>>> print(vocabulary.loc[chosen, ["skill_id", "name", "kind"]].to_string(index=False))
    skill_id        name       kind
onet:2.B.3.e Programming      skill
 tech:python      Python technology
>>> resolve_skill("programming", vocabulary), resolve_skill("SQL", vocabulary)
('onet:2.B.3.e', 'tech:structured query language sql')
>>> try:
...     resolve_skill("Pyhton", vocabulary)
... except KeyError as err:  # an UnknownSkillError
...     print(err)
unknown skill 'Pyhton'; closest known skills: 'Python'
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pandas as pd
import yaml
from rapidfuzz import fuzz, process, utils

from workshift.exceptions import UnknownSkillError
from workshift.reference import ReferenceStore

__all__ = [
    "SKILL_KINDS",
    "SUGGESTION_CUTOFF",
    "VOCABULARY_COLUMNS",
    "onet_skill_id",
    "resolve_skill",
    "skill_aliases",
    "skill_vocabulary",
    "technology_id",
]

SKILL_KINDS = ("skill", "technology", "technology_class")
"""``skill``: an O*NET skill; ``technology``: a technology example (Python);
``technology_class``: an O*NET commodity title (Spreadsheet software)."""

VOCABULARY_COLUMNS = ["skill_id", "name", "kind", "aliases", "classes"]

SUGGESTION_CUTOFF = 77.0
"""Least similarity (rapidfuzz ``ratio``, 0-100, on case-folded names) of a name the
vocabulary suggests for an unknown skill. Measured on a labelled set of 60 skill names
(``tests/reskilling/data/skill_suggestions.csv``: misspelt names of the vocabulary, English
and German, and real skills it does not have, such as "Zendesk" or "Teamfähigkeit"), cut in
two halves: on the first, misspellings score 83 or more and skills not in the vocabulary 71
or less, so the cut is set between them; on the held-out half it suggests the right name
for all 15 misspellings and nothing for all 15 others. Below it a skill is "not in the skill
vocabulary", with no suggestion ("Zendesk" once got "Mendel")."""


def onet_skill_id(element_id: str) -> str:
    """The skill id of an O*NET skill element: ``onet:2.B.3.e``."""
    return f"onet:{element_id.strip()}"


def technology_id(name: str) -> str:
    """The skill id of a technology: ``tech:`` and the name in lower case, spaces collapsed.

    >>> technology_id("Structured query language  SQL")
    'tech:structured query language sql'
    """
    return "tech:" + _key(name)


def _key(text: str) -> str:
    """How names are compared: case-folded, inner whitespace collapsed."""
    return " ".join(str(text).split()).casefold()


@cache
def skill_aliases() -> dict[str, str]:
    """The shipped aliases (``data/skill_aliases.yaml``): other name -> skill id."""
    text = (files("workshift.reskilling") / "data" / "skill_aliases.yaml").read_text("utf-8")
    return {str(alias): str(target) for alias, target in yaml.safe_load(text)["aliases"].items()}


@cache
def _vocabulary(bundle_dir: str, version: str) -> pd.DataFrame:
    store = ReferenceStore(bundle_dir)
    skills = store.sql(
        "SELECT element_id, any_value(skill) AS name FROM skills GROUP BY element_id "
        "ORDER BY element_id"
    )
    onet = pd.DataFrame(
        {
            "skill_id": [onet_skill_id(e) for e in skills["element_id"]],
            "name": skills["name"].astype(str),
            "kind": "skill",
        }
    )
    tech = store.sql(
        "SELECT name, bool_or(is_class) AS is_class FROM ("
        " SELECT example AS name, false AS is_class FROM technology_skills"
        " UNION ALL SELECT commodity_title, true FROM technology_skills"
        ") GROUP BY name"
    )
    technologies = pd.DataFrame(
        {
            "skill_id": [technology_id(n) for n in tech["name"]],
            "name": tech["name"].astype(str),
            "kind": ["technology_class" if c else "technology" for c in tech["is_class"]],
        }
    )
    # Names that differ only in case would share an id: keep the first spelling.
    technologies = technologies.sort_values(["skill_id", "name"]).drop_duplicates("skill_id")
    pairs = store.sql(
        "SELECT DISTINCT example, commodity_title FROM technology_skills "
        "WHERE example IS NOT NULL AND commodity_title IS NOT NULL"
    )
    classes: dict[str, set[str]] = {}
    for example, title in pairs.itertuples(index=False):
        if _key(example) != _key(title):
            classes.setdefault(technology_id(example), set()).add(technology_id(title))
    technologies["classes"] = [
        "; ".join(sorted(classes.get(skill_id, ()))) for skill_id in technologies["skill_id"]
    ]
    onet["classes"] = ""
    vocabulary = pd.concat([onet, technologies], ignore_index=True)
    known = set(vocabulary["skill_id"])
    taken = {_key(n) for n in vocabulary["name"]}
    aliases: dict[str, list[str]] = {}
    for alias, target in skill_aliases().items():
        if target in known and _key(alias) not in taken:
            aliases.setdefault(target, []).append(alias)
    vocabulary["aliases"] = [
        "; ".join(aliases.get(skill_id, [])) for skill_id in vocabulary["skill_id"]
    ]
    return vocabulary[VOCABULARY_COLUMNS]


def skill_vocabulary(store: ReferenceStore | None = None) -> pd.DataFrame:
    """Every skill of the reference bundle, one row each.

    Parameters
    ----------
    store
        The reference data; default the shipped bundle.

    Returns
    -------
    DataFrame
        ``skill_id`` (``onet:<element_id>`` or ``tech:<lower-case name>``), ``name`` (as
        O*NET writes it), ``kind`` (one of :data:`SKILL_KINDS`) and ``aliases`` (other
        names that resolve to it, ``"; "``-separated), ``classes`` (for a technology,
        the ids of the O*NET commodity classes O*NET files it under, ``"; "``-separated:
        Python is ``tech:object or component oriented development software``). O*NET
        skills first, then technologies by id. Built once per bundle; each call returns
        a copy.
    """
    store = store if store is not None else ReferenceStore()
    return _vocabulary(str(store.bundle_dir), store.version).copy()


@dataclass(frozen=True)
class _Index:
    """Normalised text -> skill id, and the names offered as suggestions."""

    ids: dict[str, str]
    choices: list[str]


def _build_index(vocabulary: pd.DataFrame) -> _Index:
    ids: dict[str, str] = {}
    skill_ids = vocabulary["skill_id"].astype(str).tolist()
    names = vocabulary["name"].astype(str).tolist()
    kinds = vocabulary["kind"].astype(str).tolist() if "kind" in vocabulary else [""] * len(names)
    alias_lists = (
        vocabulary["aliases"].fillna("").astype(str).tolist()
        if "aliases" in vocabulary
        else [""] * len(names)
    )
    # First writer wins, so the order is the precedence: ids, O*NET names, technology
    # names, aliases (an alias never shadows a name).
    for skill_id in skill_ids:
        ids.setdefault(_key(skill_id), skill_id)
        if skill_id.startswith("onet:"):
            ids.setdefault(_key(skill_id[len("onet:") :]), skill_id)
    for skill_id, name, kind in zip(skill_ids, names, kinds, strict=True):
        if kind == "skill":
            ids.setdefault(_key(name), skill_id)
    for skill_id, name in zip(skill_ids, names, strict=True):
        ids.setdefault(_key(name), skill_id)
    choices = list(names)
    for skill_id, aliases in zip(skill_ids, alias_lists, strict=True):
        for alias in filter(None, (a.strip() for a in aliases.split(";"))):
            ids.setdefault(_key(alias), skill_id)
            choices.append(alias)
    return _Index(ids, choices)


# One index per vocabulary object, dropped with it; (length, first and last id) guard
# against a frame that was changed in place after the index was built.
_INDEXES: dict[int, tuple[weakref.ref[pd.DataFrame], tuple[object, ...], _Index]] = {}


def _index(vocabulary: pd.DataFrame) -> _Index:
    ids = vocabulary["skill_id"]
    stamp = (len(vocabulary), ids.iloc[0] if len(ids) else None, ids.iloc[-1] if len(ids) else None)
    held = _INDEXES.get(id(vocabulary))
    if held is not None and held[0]() is vocabulary and held[1] == stamp:
        return held[2]
    index = _build_index(vocabulary)
    key = id(vocabulary)
    _INDEXES[key] = (weakref.ref(vocabulary), stamp, index)
    weakref.finalize(vocabulary, _INDEXES.pop, key, None)
    return index


def resolve_skill(text: str, vocabulary: pd.DataFrame) -> str:
    """The skill id that ``text`` names.

    Parameters
    ----------
    text
        A skill id (``onet:2.B.3.e``, ``tech:python``), an O*NET skill name
        ("Critical Thinking"), a technology name ("TensorFlow") or an alias ("sql",
        "Programmieren"); case and extra spaces do not matter.
    vocabulary
        The frame of :func:`skill_vocabulary` (or one with the same columns; ``aliases``
        is optional). The lookup is built once per frame object: change a copy, not the
        frame in place.

    Raises
    ------
    UnknownSkillError
        When nothing matches; it suggests the closest names.

    Examples
    --------
    >>> vocabulary = skill_vocabulary()
    >>> [resolve_skill(t, vocabulary) for t in ["onet:2.B.4.g", "TensorFlow", "Programmieren"]]
    ['onet:2.B.4.g', 'tech:tensorflow', 'onet:2.B.3.e']
    """
    index = _index(vocabulary)
    found = index.ids.get(_key(text))
    if found is not None:
        return found
    query = str(text).strip()
    suggestions: list[str] = []
    if query:
        best = process.extract(
            query,
            index.choices,
            scorer=fuzz.ratio,
            processor=utils.default_process,
            limit=3,
            score_cutoff=SUGGESTION_CUTOFF,
        )
        suggestions = [str(choice) for choice, _, _ in best]
    raise UnknownSkillError(query, suggestions=suggestions)
