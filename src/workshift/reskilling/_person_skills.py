"""Skills people list themselves, matched to the skill vocabulary.

A person's profile is their occupation's profile raised by the skills listed for them: a
``skills`` column in the workforce file (or in the list of affected people) holds free text,
items separated by ``;``, ``,`` or new lines, each a skill or technology name in English or
German (anything :func:`~workshift.reskilling.resolve_skill` accepts), optionally with a
level 0-7 after ``=``: ``"Python=4; Projektmanagement, SQL"``. An item without a level
counts as :data:`LISTED_LEVEL`. A technology product counts as its O*NET category, as in
occupation profiles. A language ("Englisch", "French=3") is kept as ``lang:<code>``: it
opens courses in that language (:mod:`~workshift.reskilling._languages`). Items that name no
known skill are returned with the reason, never dropped silently: "not in the skill
vocabulary", with the closest names only when they are close enough to be a misspelling
(:data:`~workshift.reskilling.SUGGESTION_CUTOFF`).

Examples
--------
>>> from workshift.reference import ReferenceStore
>>> from workshift.reskilling import skill_vocabulary
>>> from workshift.reskilling._skills import profile_skill_ids
>>> store = ReferenceStore()
>>> held, unknown = person_skills(
...     pd.Series(["Programmieren=5; Python", "Englisch", "Zauberei; Pyhton"]),
...     skill_vocabulary(store), profile_skill_ids(store), file="workforce.csv")
>>> held.tolist()
['onet:2.B.3.e=5; tech:object or component oriented development software=4', 'lang:en=4', '']
>>> unknown[["row", "value", "reason"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'row': 2, 'value': 'Zauberei', 'reason': 'not in the skill vocabulary'},
 {'row': 2, 'value': 'Pyhton', 'reason': "not in the skill vocabulary; closest: 'Python'"}]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workshift.exceptions import UnknownSkillError
from workshift.reskilling._languages import LANGUAGE_PREFIX, language_code
from workshift.reskilling._vocabulary import resolve_skill

__all__ = ["LISTED_LEVEL", "UNRESOLVED_COLUMNS", "held_levels", "merge_held", "person_skills"]

LISTED_LEVEL = 4.0
"""Level (of O*NET's 0-7) of a listed skill without one: 'can do it on their own'."""
UNRESOLVED_COLUMNS = ["file", "row", "column", "value", "reason"]
_SPLIT = re.compile(r"[;\n]|,(?!\d)")  # "2,5" is a decimal comma, not a separator


def _item(text: str) -> tuple[str, float]:
    name, sep, level_text = text.rpartition("=")
    if not sep:
        return text, LISTED_LEVEL
    level = float(level_text.strip().replace(",", "."))
    if not 0 <= level <= 7:
        raise ValueError(f"level {level:g} is outside 0-7")
    return name.strip(), level


def person_skills(
    texts: pd.Series,
    vocabulary: pd.DataFrame,
    categories: Mapping[str, str],
    *,
    file: str,
    column: str = "skills",
) -> tuple[pd.Series, pd.DataFrame]:
    """Canonical ``"skill_id=level; ..."`` per row of ``texts`` (same index, sorted by skill
    id, the highest level where a skill repeats; ``""`` when nothing is listed) and the
    items that could not be used (:data:`UNRESOLVED_COLUMNS`; ``row`` is the index label).

    ``categories`` maps technology products to the category ids of profiles
    (:func:`~workshift.reskilling._skills.profile_skill_ids`).
    """
    held: list[str] = []
    problems: list[dict[str, object]] = []
    for row, text in texts.fillna("").astype(str).items():
        levels: dict[str, float] = {}
        for raw in _SPLIT.split(text):
            item = raw.strip()
            if not item:
                continue
            try:
                name, level = _item(item)
                skill_id = resolve_skill(name, vocabulary)
            except ValueError as err:
                problems.append(_problem(file, row, column, item, str(err)))
                continue
            except UnknownSkillError as err:
                code = language_code(name)
                if code is None:
                    problems.append(_problem(file, row, column, item, _unknown(err)))
                    continue
                skill_id = LANGUAGE_PREFIX + code
            skill_id = categories.get(skill_id, skill_id)
            levels[skill_id] = max(level, levels.get(skill_id, 0.0))
        held.append("; ".join(f"{k}={levels[k]:g}" for k in sorted(levels)))
    return pd.Series(held, index=texts.index, dtype=object), pd.DataFrame(
        problems, columns=UNRESOLVED_COLUMNS
    )


def _problem(file: str, row: object, column: str, value: str, reason: str) -> dict[str, object]:
    return {"file": file, "row": row, "column": column, "value": value, "reason": reason}


def _unknown(err: UnknownSkillError) -> str:
    if not err.suggestions:
        return "not in the skill vocabulary"
    return "not in the skill vocabulary; closest: " + ", ".join(map(repr, err.suggestions))


def held_levels(canonical: pd.Series) -> pd.DataFrame:
    """The long form of :func:`person_skills` output: one row per (label, skill):
    ``key`` (the label of ``canonical``), ``skill_id``, ``held``.

    >>> held_levels(pd.Series(["onet:2.B.3.e=5; tech:x=4", ""], index=["a", "b"]))
      key      skill_id  held
    0   a  onet:2.B.3.e   5.0
    1   a        tech:x   4.0
    """
    items = canonical.fillna("").astype(str).str.split("; ").explode()
    items = items.loc[items != ""]
    split = items.str.rsplit("=", n=1, expand=True) if len(items) else None
    if split is None:
        return pd.DataFrame({"key": [], "skill_id": [], "held": []}).astype(
            {"key": object, "skill_id": object, "held": float}
        )
    return pd.DataFrame(
        {
            "key": items.index.to_numpy(),
            "skill_id": split[0].to_numpy(),
            "held": split[1].astype(float).to_numpy(),
        }
    )


def merge_held(*canonicals: pd.Series) -> pd.Series:
    """Several :func:`person_skills` results for the same labels as one (highest level).

    >>> merge_held(pd.Series(["a=3; b=4", ""]), pd.Series(["a=5", "c=2"])).tolist()
    ['a=5; b=4', 'c=2']
    """
    index = canonicals[0].index
    long = pd.concat([held_levels(c) for c in canonicals], ignore_index=True)
    best = long.groupby(["key", "skill_id"], sort=True)["held"].max().reset_index()
    if best.empty:
        return pd.Series("", index=index, dtype=object)
    text = (
        (best["skill_id"] + "=" + best["held"].map(lambda v: f"{v:g}"))
        .groupby(best["key"], sort=False)
        .agg("; ".join)
    )
    return pd.Series([text.get(key, "") for key in index], index=index, dtype=object)
