"""Affected people: who the redeployment plan is for, with their origin, site and priority.

Either an explicit list (a file with ``employee_id`` and optionally ``relocation``,
``languages``, ``skills`` and any columns for social criteria, e.g. ``protected`` (yes/no
or 1/0) or ``tenure_years``), or everyone whose occupation's exposure (beta) reaches a
threshold.

``relocation`` is the person's own rule (:data:`RELOCATION_VALUES`): ``no`` (empty, 0)
keeps them at their site; ``yes`` (1, ``country``, ``inland``) lets them move to another
site in their country; ``abroad`` (``international``, ``anywhere``, ``ausland``,
``weltweit``) to a site in another country as well. Without a list nobody relocates.
A person's ``country`` is their workforce row's.
Each person's origin is the occupation the analysis gave their workforce row (the one with
the largest share); a row without an employee id is planned as ``row N`` (its
``input_row``); a person's ``priority`` is ``1 + sum(weight * value)`` over the
criteria the caller weights, so a protected employee's retention can count more.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from workshift.exceptions import InputDataError
from workshift.reskilling._checks import NO, YES
from workshift.workforce import pseudonymise, read_table, require_column

__all__ = ["ABROAD", "PEOPLE_COLUMNS", "RELOCATION_VALUES", "affected_people"]

PEOPLE_COLUMNS = ["employee_id", "input_row", "origin_code", "department", "location",
                  "country", "relocation", "relocation_abroad", "priority", "note", "list_row",
                  "listed_skills", "listed_languages"]  # fmt: skip
ABROAD = frozenset({"abroad", "international", "anywhere", "ausland", "weltweit", "world"})
"""Relocation cells that allow a move to another country (trimmed, any case)."""
_COUNTRY = frozenset({"country", "inland", "national", "domestic"})
RELOCATION_VALUES = "no | yes (within the country) | abroad (to other countries too)"


def _relocation(values: pd.Series, file: str) -> tuple[np.ndarray, np.ndarray]:
    """Per cell: may relocate at all, and may relocate to another country."""
    moves = np.zeros(len(values), dtype=bool)
    abroad = np.zeros(len(values), dtype=bool)
    for i, raw in enumerate(values.fillna("").astype(str).str.strip().str.lower()):
        if raw in ABROAD:
            moves[i] = abroad[i] = True
        elif raw in YES or raw in _COUNTRY:
            moves[i] = True
        elif raw not in NO:
            raise InputDataError(
                f"relocation must be {RELOCATION_VALUES}, not {raw!r}",
                file=file, row=i + 1, column="relocation",
            )  # fmt: skip
    return moves, abroad


_STAFF = ["employee_id", "input_row", "origin_code", "department", "location", "country"]


def _flag_or_number(values: pd.Series, column: str, file: str) -> np.ndarray:
    """Yes/no as 1/0, numbers as numbers; anything else names its row."""
    out = np.zeros(len(values))
    for i, raw in enumerate(values.fillna("").astype(str).str.strip().str.lower()):
        if raw in YES:
            out[i] = 1.0
        elif raw in NO:
            out[i] = 0.0
        else:
            try:
                out[i] = float(raw.replace(",", "."))
            except ValueError as err:
                raise InputDataError(
                    f"expected yes/no or a number, not {raw!r}", file=file, row=i + 1,
                    column=column,
                ) from err  # fmt: skip
    return out


def affected_people(
    rows: pd.DataFrame,
    matches: pd.DataFrame,
    *,
    exposure: pd.Series,
    listed: str | Path | None = None,
    min_beta: float = 0.5,
    priority: Mapping[str, float] | None = None,
    pseudonym_key: str | None = None,
) -> pd.DataFrame:
    """The people to plan for (PEOPLE_COLUMNS); ``note`` says why someone cannot be planned,
    ``list_row`` is the person's row in ``listed`` (1-based) and ``listed_skills`` its
    ``skills`` cell (free text, see :func:`~workshift.reskilling.person_skills`).

    ``rows`` and ``matches`` come from an analysis; ``exposure`` is beta by O*NET-SOC code.
    """
    origin = (
        matches.sort_values(["input_row", "share"], ascending=[True, False])
        .drop_duplicates("input_row")
        .set_index("input_row")["onet_soc_code"]
    )
    staff = rows.assign(origin_code=rows["input_row"].map(origin))
    if "country" not in staff:
        staff = staff.assign(country="")
    ids = staff["employee_id"].astype(str)
    has_id = ids != ""
    if listed is not None and not has_id.any():
        raise InputDataError(
            "the list of affected people names people by employee_id, but the workforce has "
            "no employee ids; add an employee id column (or map one with --map "
            "employee_id=COLUMN), or leave out the list to select people by exposure",
            file=str(listed),
            column="employee_id",
        )
    # Without an id a person is known by their workforce row (as unmatched.csv names rows).
    staff = staff.assign(
        employee_id=ids.where(has_id, "row " + staff["input_row"].astype(str)).astype(object)
    )
    if listed is None:
        chosen = staff.loc[staff["origin_code"].map(exposure).fillna(0.0) >= min_beta]
        people = chosen[_STAFF]
        people = people.assign(
            relocation=False, relocation_abroad=False, priority=1.0, note="", list_row=np.nan,
            listed_skills="", listed_languages="",
        )  # fmt: skip
    else:
        file = str(listed)
        given = read_table(listed).fillna("")
        require_column(given, "employee_id", file=file)
        ids = given["employee_id"].astype(str).str.strip()
        if pseudonym_key:
            ids = ids.map(lambda value: pseudonymise(value, pseudonym_key))
        given = given.assign(employee_id=ids)
        weights = dict(priority or {})
        for column in weights:
            require_column(given, column, file=file)
        score = np.ones(len(given))
        for column, weight in weights.items():
            score += weight * _flag_or_number(given[column], column, file)
        relocation, abroad = (
            _relocation(given["relocation"], file)
            if "relocation" in given
            else (np.zeros(len(given), dtype=bool), np.zeros(len(given), dtype=bool))
        )
        given = given.assign(
            relocation=relocation,
            relocation_abroad=abroad,
            priority=score,
            list_row=np.arange(1, len(given) + 1, dtype=float),
            listed_skills=given["skills"].astype(str) if "skills" in given else "",
            listed_languages=given["languages"].astype(str) if "languages" in given else "",
        )
        people = given[
            ["employee_id", "relocation", "relocation_abroad", "priority", "list_row",
             "listed_skills", "listed_languages"]
        ].merge(staff[_STAFF], on="employee_id", how="left")  # fmt: skip
        people["note"] = np.where(people["input_row"].isna(), "not in the workforce file", "")
    people["note"] = np.where(
        (people["note"] == "") & people["origin_code"].isna(),
        "no occupation: the workforce row is unmatched",
        people["note"],
    )
    return people[PEOPLE_COLUMNS].drop_duplicates("employee_id").reset_index(drop=True)
