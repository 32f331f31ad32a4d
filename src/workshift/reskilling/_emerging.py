"""Emerging roles: AI-era work that O*NET has no occupation for, as an editable catalogue.

The shipped catalogue (``data/emerging_roles.yaml``) defines eight roles (AI/ML engineer,
MLOps engineer, AI product owner, AI quality and oversight analyst, conversation and
prompt designer, data steward, automation specialist, AI trainer) by the skills they need
(levels 0-7 over the skill vocabulary), the O*NET work activities (DWAs) they perform and
the closest O*NET-SOC occupation for wage, job zone and outlook. A role lists the scenario
new roles (``scenarios/data/new_roles.yaml``) whose demand becomes its openings.

An organisation edits a copy and passes its path; every problem names the file, the line,
the role and the field, e.g. ``roles.yaml, line 12: roles[0] (ai_ml_engineer).skills.Pyhton:
unknown skill 'Pyhton'; closest known skills: 'Python'``.

Examples
--------
>>> roles = emerging_roles()
>>> roles["role_id"].tolist()[:3]
['ai_ml_engineer', 'mlops_engineer', 'ai_product_owner']
>>> ml = roles.set_index("role_id").loc["ai_ml_engineer"]
>>> ml["reference_soc"], ml["skills"]["onet:2.B.3.e"], ml["skills"]["tech:python"]
('15-2051.00', 5.0, 5.0)
>>> scenario_role_targets(roles)
{'ai_engineering': 'ai_ml_engineer', 'ai_operations': 'ai_quality_oversight_analyst', \
'content_design': 'conversation_prompt_designer'}
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import pandas as pd

from workshift.exceptions import UnknownSkillError
from workshift.reference import ReferenceStore
from workshift.reskilling._vocabulary import resolve_skill, skill_vocabulary
from workshift.scenarios import new_role_catalogue
from workshift.scenarios._documents import Document, load_document, parse_document, validate

__all__ = [
    "EMERGING_ROLE_COLUMNS",
    "emerging_role_skills",
    "emerging_roles",
    "scenario_role_targets",
]

EMERGING_ROLE_COLUMNS = [
    "role_id",
    "name_en",
    "name_de",
    "description_en",
    "description_de",
    "reference_soc",
    "reference_title",
    "job_zone",
    "skills",
    "activities",
    "scenario_roles",
]


def _shipped() -> Document:
    resource = files("workshift.reskilling") / "data" / "emerging_roles.yaml"
    return parse_document(resource.read_text(encoding="utf-8"), "emerging_roles.yaml")


def emerging_roles(
    path: str | Path | None = None, store: ReferenceStore | None = None
) -> pd.DataFrame:
    """Read and check a catalogue of emerging roles.

    Parameters
    ----------
    path
        A YAML (or JSON) file following ``schemas/emerging_roles.schema.json``; default the
        shipped catalogue.
    store
        The reference data that skills, DWAs and reference occupations are checked
        against; default the shipped bundle.

    Returns
    -------
    DataFrame
        One row per role, in file order, with the columns of
        :data:`EMERGING_ROLE_COLUMNS`: ``skills`` is a dict skill id -> level (float,
        0-7), ``activities`` and ``scenario_roles`` are tuples of ids,
        ``reference_title`` is the O*NET title of ``reference_soc``.

    Raises
    ------
    DocumentError
        For the first problem, naming file, line, role and field: schema violations, a
        duplicate role id, a skill the vocabulary lacks (with suggestions) or named twice,
        an unknown DWA, reference occupation or scenario role, a scenario role claimed by
        two roles.
    """
    document = _shipped() if path is None else load_document(path)
    validate(document, "emerging_roles", "workshift.reskilling")
    store = store if store is not None else ReferenceStore()
    vocabulary = skill_vocabulary(store)
    occupations = store.sql("SELECT onet_soc_code, title FROM occupations")
    titles: dict[str, str] = dict(
        zip(occupations["onet_soc_code"], occupations["title"], strict=True)
    )
    dwas = set(store.sql("SELECT dwa_id FROM dwas")["dwa_id"])
    scenario_roles = new_role_catalogue()
    seen_ids: dict[str, int] = {}
    claimed: dict[str, str] = {}
    rows = []
    for number, role in enumerate(document.data["roles"]):
        here: tuple[str | int, ...] = ("roles", number)
        role_id = role["id"]
        if role_id in seen_ids:
            raise document.error(
                f"duplicate role id {role_id!r} (also roles[{seen_ids[role_id]}])", (*here, "id")
            )
        seen_ids[role_id] = number
        code = role["reference_soc"]
        if code not in titles:
            raise document.error(
                f"{code!r} is not an O*NET-SOC occupation; closest: "
                + ", ".join(store.suggest(code)),
                (*here, "reference_soc"),
            )
        for position, scenario_role in enumerate(role.get("scenario_roles", [])):
            where = (*here, "scenario_roles", position)
            if scenario_role not in scenario_roles:
                raise document.error(
                    f"unknown scenario role {scenario_role!r}; the scenario new roles are: "
                    + ", ".join(sorted(scenario_roles)),
                    where,
                )
            if scenario_role in claimed:
                raise document.error(
                    f"scenario role {scenario_role!r} already belongs to role "
                    f"{claimed[scenario_role]!r}; each scenario role maps to one role",
                    where,
                )
            claimed[scenario_role] = role_id
        skills = _skills(document, here, role["skills"], vocabulary)
        for position, dwa in enumerate(role.get("activities", [])):
            if dwa not in dwas:
                raise document.error(
                    f"{dwa!r} is not an O*NET detailed work activity (DWA) id",
                    (*here, "activities", position),
                )
        rows.append(
            {
                "role_id": role_id,
                "name_en": role["name"]["en"],
                "name_de": role["name"]["de"],
                "description_en": role["description"]["en"],
                "description_de": role["description"]["de"],
                "reference_soc": code,
                "reference_title": titles[code],
                "job_zone": int(role["job_zone"]),
                "skills": skills,
                "activities": tuple(role.get("activities", [])),
                "scenario_roles": tuple(role.get("scenario_roles", [])),
            }
        )
    return pd.DataFrame(rows, columns=EMERGING_ROLE_COLUMNS)


def _skills(
    document: Document,
    here: tuple[str | int, ...],
    given: dict[str, Any],
    vocabulary: pd.DataFrame,
) -> dict[str, float]:
    """The role's skills by id; unknown names and a skill named twice are errors."""
    skills: dict[str, float] = {}
    named: dict[str, str] = {}
    for name, level in given.items():
        where = (*here, "skills", name)
        try:
            skill_id = resolve_skill(str(name), vocabulary)
        except UnknownSkillError as err:
            raise document.error(str(err), where) from err
        if skill_id in skills:
            raise document.error(f"{skill_id} is listed twice (also as {named[skill_id]!r})", where)
        skills[skill_id] = float(level)
        named[skill_id] = str(name)
    return skills


def emerging_role_skills(roles: pd.DataFrame) -> pd.DataFrame:
    """The roles' skills in long form: ``role_id``, ``skill_id``, ``level``.

    >>> long = emerging_role_skills(emerging_roles())
    >>> long[long["role_id"] == "data_steward"].head(2).to_dict("records")
    [{'role_id': 'data_steward', 'skill_id': 'onet:2.B.3.m', 'level': 4.0}, \
{'role_id': 'data_steward', 'skill_id': 'onet:2.B.4.g', 'level': 4.0}]
    """
    records = [
        (role_id, skill_id, level)
        for role_id, skills in zip(roles["role_id"], roles["skills"], strict=True)
        for skill_id, level in skills.items()
    ]
    return pd.DataFrame(records, columns=["role_id", "skill_id", "level"])


def scenario_role_targets(roles: pd.DataFrame) -> dict[str, str]:
    """Scenario new role id -> the emerging role whose openings its demand becomes."""
    return {
        scenario_role: role_id
        for role_id, scenario_roles in zip(roles["role_id"], roles["scenario_roles"], strict=True)
        for scenario_role in scenario_roles
    }
