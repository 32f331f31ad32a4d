"""Tables of published AI exposure indices, reconciled onto the O*NET 30.1 spine.

* Eloundou et al. ("GPTs are GPTs") labelled O*NET 27.2 tasks; each label is mapped
  to the 30.1 task by ID, then by normalised text (:class:`TaskIndex`). Labels that
  cannot be mapped stay in the table with an empty ``task_id`` and are reported.
* Microsoft's AI applicability is per SOC 2018 occupation and per IWA.
* Anthropic's Economic Index gives task usage and penetration by task *text*, and
  observed exposure per SOC occupation.
"""

from __future__ import annotations

import pandas as pd

from workshift.reference._normalise import normalise_text
from workshift.reference._raw import RawSources
from workshift.reference._reconcile import ReconciliationLog, Status, TaskIndex

__all__ = [
    "build_anthropic_interaction_modes",
    "build_anthropic_occupations",
    "build_anthropic_tasks",
    "build_eloundou_occupations",
    "build_eloundou_tasks",
    "build_microsoft_iwas",
    "build_microsoft_occupations",
    "build_microsoft_soc_iwas",
]

CODE = "O*NET-SOC Code"
_ELOUNDOU = "exposure/eloundou/"
_MS = "exposure/microsoft/"
_ANTHROPIC = "exposure/anthropic/"
_METHOD_REASONS = {
    "id_text_revised": "task ID kept in O*NET 30.1 but its text was revised",
    "text": "task ID retired in O*NET 30.1; matched the same text in the same occupation",
    "text_other_occupation": "task ID retired in O*NET 30.1; matched the same text in another "
    "occupation",
    "unmapped": "task ID retired in O*NET 30.1 and no 30.1 task has the same text",
}


def _task_id(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").astype("Int64")


def build_eloundou_tasks(
    raw: RawSources, log: ReconciliationLog, index: TaskIndex, codes: set[str]
) -> pd.DataFrame:
    """Human and GPT-4 exposure (E0/E1/E2) and automation (T0-T4) labels per task."""
    rel = _ELOUNDOU + "full_labelset.tsv"
    labels = raw.read_table(
        rel,
        sep="\t",
        index_col=True,
        required=[
            CODE,
            "Task ID",
            "Task",
            "Task Type",
            "human_exposure_agg",
            "gpt4_exposure",
            "gpt4_exposure_alt_rubric",
            "gpt_3_relevant",
            "gpt4_automation",
        ],
    )
    auto_rel = _ELOUNDOU + "automation_gpt4_human_labels.tsv"
    automation = raw.read_table(auto_rel, sep="\t", required=[CODE, "Task ID", "human_automation"])
    human_auto = dict(
        zip(
            zip(automation[CODE], _task_id(automation["Task ID"]), strict=True),
            automation["human_automation"],
            strict=True,
        )
    )
    source_id = _task_id(labels["Task ID"])
    mapped: list[int | None] = []
    methods: list[str] = []
    for row, code, tid, text in zip(
        labels["source_row"], labels[CODE], source_id, labels["Task"], strict=True
    ):
        task_id, method = index.match(None if pd.isna(tid) else int(tid), text, code)
        mapped.append(task_id)
        methods.append(method)
        if method != "id":
            status: Status = "unmapped" if method == "unmapped" else "remapped"
            target = f" -> 30.1 task {task_id}" if task_id is not None else ""
            log.add(
                "eloundou",
                rel,
                int(row),
                f"task {tid} ({code}){target}",
                status,
                _METHOD_REASONS[method],
            )
        if code not in codes:
            log.add(
                "eloundou",
                rel,
                int(row),
                f"task {tid} ({code})",
                "unmapped",
                "occupation code not in O*NET 30.1",
            )
    out = pd.DataFrame(
        {
            "task_id": pd.array(mapped, dtype="Int64"),
            "onet_soc_code": labels[CODE],
            "source_task_id": source_id,
            "task": labels["Task"],
            "task_type": labels["Task Type"].replace({"": None}),
            "human_label": labels["human_exposure_agg"],
            "gpt4_label": labels["gpt4_exposure"],
            "gpt4_label_alt_rubric": labels["gpt4_exposure_alt_rubric"],
            "gpt3_relevant": labels["gpt_3_relevant"].str.lower().eq("true"),
            "gpt4_automation": labels["gpt4_automation"].replace({"": None}),
            "human_automation": [
                human_auto.get(k) or None for k in zip(labels[CODE], source_id, strict=True)
            ],
            "match_method": methods,
        }
    )
    return out.sort_values(["onet_soc_code", "source_task_id"]).reset_index(drop=True)


def build_eloundou_occupations(
    raw: RawSources, log: ReconciliationLog, codes: set[str]
) -> pd.DataFrame:
    """Occupation-level alpha/beta/zeta from human and GPT-4 ratings."""
    rel = _ELOUNDOU + "occ_level.csv"
    names = {
        f"{who}_rating_{m}": f"{tag}_{z}"
        for who, tag in (("dv", "gpt4"), ("human", "human"))
        for m, z in (("alpha", "alpha"), ("beta", "beta"), ("gamma", "zeta"))
    }
    frame = raw.read_table(rel, required=[CODE, "Title", *names])
    for row, code in zip(frame["source_row"], frame[CODE], strict=True):
        if code not in codes:
            log.add(
                "eloundou", rel, int(row), code, "unmapped", "occupation code not in O*NET 30.1"
            )
    out = pd.DataFrame({"onet_soc_code": frame[CODE], "title": frame["Title"]})
    for raw_name, name in names.items():
        out[name] = pd.to_numeric(frame[raw_name])
    ordered = ["onet_soc_code", "title", *sorted(names.values())]
    return out[ordered].sort_values("onet_soc_code").reset_index(drop=True)


def _check_soc(
    frame: pd.DataFrame, column: str, known: set[str], source: str, rel: str, log: ReconciliationLog
) -> None:
    for row, code in zip(frame["source_row"], frame[column], strict=True):
        if code not in known:
            log.add(
                source,
                rel,
                int(row),
                code,
                "unmapped",
                "SOC code is not a detailed occupation of SOC 2018",
            )


def build_microsoft_occupations(
    raw: RawSources, log: ReconciliationLog, soc_codes: set[str]
) -> pd.DataFrame:
    """AI applicability score per SOC 2018 occupation, with its user/AI components."""
    rel = _MS + "soc_ai_applicability_scores.csv"
    scores = raw.read_table(rel, required=["SOC Code", "title", "ai_applicability_score"])
    metrics = raw.read_table(_MS + "soc_metrics.csv", required=["SOC Code"])
    _check_soc(scores, "SOC Code", soc_codes, "microsoft", rel, log)
    metric_cols = [c for c in metrics.columns if c not in ("SOC Code", "title", "source_row")]
    merged = scores.drop(columns="source_row").merge(
        metrics.drop(columns=["title", "source_row"]), on="SOC Code", how="left", validate="1:1"
    )
    out = pd.DataFrame({"soc_code": merged["SOC Code"], "title": merged["title"]})
    for column in ["ai_applicability_score", *metric_cols]:
        out[column] = pd.to_numeric(merged[column])
    return out.sort_values("soc_code").reset_index(drop=True)


def build_microsoft_iwas(raw: RawSources, log: ReconciliationLog, iwas: set[str]) -> pd.DataFrame:
    """Copilot usage metrics per IWA (user goals and AI actions)."""
    rel = _MS + "iwa_metrics.csv"
    frame = raw.read_table(rel, required=["IWA", "title", "share_user", "share_ai"])
    for row, iwa in zip(frame["source_row"], frame["IWA"], strict=True):
        if iwa not in iwas:
            log.add("microsoft", rel, int(row), iwa, "unmapped", "IWA not in O*NET 30.1")
    out = pd.DataFrame({"iwa_id": frame["IWA"], "title": frame["title"]})
    for column in frame.columns.difference(["IWA", "title", "source_row"], sort=False):
        out[column] = pd.to_numeric(frame[column])
    return out.sort_values("iwa_id").reset_index(drop=True)


def build_microsoft_soc_iwas(raw: RawSources, log: ReconciliationLog) -> pd.DataFrame:
    """Which IWAs make up each SOC occupation and with what weight."""
    rel = _MS + "soc_to_iwas.csv"
    links = raw.read_table(rel, required=["SOC Code", "IWA"])
    weights = raw.read_table(_MS + "soc_iwa_weights.csv", required=["SOC Code"])
    long = weights.drop(columns="source_row").melt(
        id_vars="SOC Code", var_name="IWA", value_name="weight"
    )
    lookup = dict(
        zip(
            zip(long["SOC Code"], long["IWA"], strict=True),
            pd.to_numeric(long["weight"]),
            strict=True,
        )
    )
    weight = [lookup.get(k) for k in zip(links["SOC Code"], links["IWA"], strict=True)]
    for row, soc, iwa, w in zip(
        links["source_row"], links["SOC Code"], links["IWA"], weight, strict=True
    ):
        if w is None:
            log.add(
                "microsoft",
                rel,
                int(row),
                f"{soc} {iwa}",
                "unmapped",
                "no weight for this SOC-IWA pair in soc_iwa_weights.csv",
            )
    out = pd.DataFrame(
        {
            "soc_code": links["SOC Code"],
            "iwa_id": links["IWA"],
            "weight": pd.array(weight, dtype="Float64"),
        }
    )
    return out.sort_values(["soc_code", "iwa_id"]).reset_index(drop=True)


def build_anthropic_tasks(
    raw: RawSources, log: ReconciliationLog, index: TaskIndex
) -> pd.DataFrame:
    """Claude usage share and penetration per task, mapped by text to O*NET 30.1 tasks.

    One source row becomes one output row per 30.1 task with that text (the same
    statement can belong to several occupations), or one row with an empty ``task_id``.
    """
    usage_rel = _ANTHROPIC + "onet_task_mappings.csv"
    pen_rel = _ANTHROPIC + "task_penetration.csv"
    usage = raw.read_table(usage_rel, required=["task_name", "pct"])
    penetration = raw.read_table(pen_rel, required=["task", "penetration"])
    # One record per normalised text; the penetration file keeps the original case.
    records: dict[str, dict[str, object]] = {}
    for rel, frame, text_col, metric, value_col in (
        (pen_rel, penetration, "task", "penetration", "penetration"),
        (usage_rel, usage, "task_name", "usage_pct", "pct"),
    ):
        for row, text, value in zip(
            frame["source_row"], frame[text_col], frame[value_col], strict=True
        ):
            record = records.setdefault(normalise_text(text), {"task": text})
            record[metric] = float(value)
            if not index.by_text(text):
                log.add(
                    "anthropic",
                    rel,
                    int(row),
                    text[:80],
                    "unmapped",
                    "no O*NET 30.1 task has this text",
                )
    rows = []
    for record in records.values():
        matches: list[tuple[int | None, str | None]] = list(index.by_text(str(record["task"])))
        for task_id, code in matches or [(None, None)]:
            rows.append(
                {
                    "task_id": task_id,
                    "onet_soc_code": code,
                    "task": record["task"],
                    "usage_pct": record.get("usage_pct"),
                    "penetration": record.get("penetration"),
                }
            )
    out = pd.DataFrame(
        rows, columns=["task_id", "onet_soc_code", "task", "usage_pct", "penetration"]
    )
    out["task_id"] = out["task_id"].astype("Int64")
    for column in ("usage_pct", "penetration"):
        out[column] = out[column].astype("Float64")
    return out.sort_values(["task", "task_id"], na_position="last").reset_index(drop=True)


def build_anthropic_occupations(
    raw: RawSources, log: ReconciliationLog, soc_codes: set[str]
) -> pd.DataFrame:
    """Observed exposure per SOC 2018 occupation."""
    rel = _ANTHROPIC + "job_exposure.csv"
    frame = raw.read_table(rel, required=["occ_code", "title", "observed_exposure"])
    _check_soc(frame, "occ_code", soc_codes, "anthropic", rel, log)
    out = pd.DataFrame(
        {
            "soc_code": frame["occ_code"],
            "title": frame["title"],
            "observed_exposure": pd.to_numeric(frame["observed_exposure"]),
        }
    )
    return out.sort_values("soc_code").reset_index(drop=True)


def build_anthropic_interaction_modes(raw: RawSources) -> pd.DataFrame:
    """Share of conversations per interaction mode (automation vs augmentation patterns)."""
    frame = raw.read_table(
        _ANTHROPIC + "automation_vs_augmentation.csv", required=["interaction_type", "pct"]
    )
    pattern = {
        "directive": "automation",
        "feedback loop": "automation",
        "task iteration": "augmentation",
        "learning": "augmentation",
        "validation": "augmentation",
        "none": "neither",
    }
    return pd.DataFrame(
        {
            "interaction_type": frame["interaction_type"],
            "pattern": frame["interaction_type"].map(pattern),
            "pct": pd.to_numeric(frame["pct"]),
        }
    )
