"""Tables built from O*NET 30.1 and the SOC structure: the spine every other source joins.

Each builder takes the :class:`RawSources` and the :class:`ReconciliationLog` and returns
a DataFrame in the bundle's column names.
"""

from __future__ import annotations

import pandas as pd

from workshift.exceptions import SourceDataError
from workshift.reference._raw import RawSources
from workshift.reference._reconcile import ReconciliationLog

__all__ = [
    "build_dwas",
    "build_education",
    "build_iwas",
    "build_occupations",
    "build_skills",
    "build_soc_structure",
    "build_task_dwas",
    "build_tasks",
    "build_technology_skills",
    "build_titles",
    "build_work_activities",
]

_D = "onet/db_30_1_text/"
CODE = "O*NET-SOC Code"
TASK_WEIGHTS = {"Core": 2, "Supplemental": 1}
"""Task weights of "GPTs are GPTs": core 2, supplemental 1 (and 1 where O*NET gives no type)."""


def _yn(series: pd.Series) -> pd.Series:
    return series.str.upper().eq("Y")


def _number(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series.replace({"n/a": None, "": None}), errors="coerce")


def build_soc_structure(raw: RawSources, log: ReconciliationLog) -> pd.DataFrame:
    """SOC 2018 hierarchy: one row per major, minor, broad and detailed group."""
    rel = "labor/soc_structure_2018.csv"
    levels = ["Major Group", "Minor Group", "Broad Occupation", "Detailed Occupation"]
    frame = raw.read_table(rel, required=[*levels, "Detailed O*NET-SOC"])
    title_col = frame.columns[5]
    rows = []
    for position in range(len(frame)):
        row = frame.iloc[position]
        level = next((name for name in levels if row[name]), None)
        if level is not None:
            code = row[level]
            rows.append(
                {
                    "soc_code": code,
                    "level": level.split()[0].lower(),
                    "title": row[title_col],
                    "major_group": code[:2] + "-0000",
                }
            )
        elif not row["Detailed O*NET-SOC"]:
            log.add(
                "soc_structure",
                rel,
                int(row["source_row"]),
                "(blank row)",
                "rejected",
                "row has no code at any level",
            )
    out = pd.DataFrame(rows).drop_duplicates("soc_code")
    return out.sort_values("soc_code").reset_index(drop=True)


def build_occupations(raw: RawSources, log: ReconciliationLog, soc: pd.DataFrame) -> pd.DataFrame:
    """O*NET-SOC occupations with their SOC 2018 code, job zone and whether tasks exist."""
    occ = raw.read_table(_D + "Occupation Data.txt", sep="\t", required=[CODE, "Title"])
    zones = raw.read_table(_D + "Job Zones.txt", sep="\t", required=[CODE, "Job Zone"])
    tasks = raw.read_table(_D + "Task Statements.txt", sep="\t", required=[CODE])
    out = pd.DataFrame(
        {
            "onet_soc_code": occ[CODE],
            "soc_code": occ[CODE].str[:7],
            "title": occ["Title"],
            "description": occ["Description"],
        }
    )
    zone = dict(zip(zones[CODE], zones["Job Zone"].astype(int), strict=True))
    out["job_zone"] = out["onet_soc_code"].map(zone).astype("Int64")
    out["has_tasks"] = out["onet_soc_code"].isin(set(tasks[CODE]))
    detailed = soc.loc[soc["level"] == "detailed"].set_index("soc_code")["title"]
    out["soc_title"] = out["soc_code"].map(detailed)
    for row, code, soc_code in zip(
        occ["source_row"], out["onet_soc_code"], out["soc_code"], strict=True
    ):
        if soc_code not in detailed.index:
            log.add(
                "onet",
                _D + "Occupation Data.txt",
                int(row),
                code,
                "unmapped",
                f"SOC code {soc_code} is not a detailed occupation of SOC 2018",
            )
    listed = set(out["onet_soc_code"])
    for row, code in zip(zones["source_row"], zones[CODE], strict=True):
        if code not in listed:
            log.add(
                "onet",
                _D + "Job Zones.txt",
                int(row),
                code,
                "rejected",
                "job zone for an occupation that Occupation Data does not list",
            )
    out["major_group"] = out["soc_code"].str[:2] + "-0000"
    return out.sort_values("onet_soc_code").reset_index(drop=True)


def _known(
    frame: pd.DataFrame,
    codes: set[str],
    source: str,
    rel: str,
    log: ReconciliationLog,
    column: str = CODE,
) -> pd.DataFrame:
    """Keep rows whose occupation code exists; log the others as rejected."""
    bad = ~frame[column].isin(codes)
    for row, code in zip(frame.loc[bad, "source_row"], frame.loc[bad, column], strict=True):
        log.add(
            source,
            rel,
            int(row),
            code,
            "rejected",
            "occupation code not in O*NET 30.1 Occupation Data",
        )
    return frame.loc[~bad]


def build_tasks(raw: RawSources, log: ReconciliationLog, codes: set[str]) -> pd.DataFrame:
    """Task statements with type and the core 2 / supplemental 1 weight."""
    rel = _D + "Task Statements.txt"
    frame = raw.read_table(rel, sep="\t", required=[CODE, "Task ID", "Task", "Task Type"])
    frame = _known(frame, codes, "onet", rel, log)
    task_type = frame["Task Type"].replace({"": None, "n/a": None})
    out = pd.DataFrame(
        {
            "task_id": frame["Task ID"].astype("int64"),
            "onet_soc_code": frame[CODE],
            "task": frame["Task"],
            "task_type": task_type,
            "weight": task_type.map(TASK_WEIGHTS).fillna(1).astype("int64"),
            "incumbents_responding": _number(frame["Incumbents Responding"]).astype("Int64"),
            "date": frame["Date"],
            "domain_source": frame["Domain Source"],
        }
    )
    return out.sort_values(["onet_soc_code", "task_id"]).reset_index(drop=True)


def build_iwas(raw: RawSources) -> pd.DataFrame:
    """Intermediate work activities."""
    frame = raw.read_table(
        _D + "IWA Reference.txt", sep="\t", required=["Element ID", "IWA ID", "IWA Title"]
    )
    out = frame.rename(
        columns={"Element ID": "element_id", "IWA ID": "iwa_id", "IWA Title": "title"}
    )[["iwa_id", "element_id", "title"]]
    return out.sort_values("iwa_id").reset_index(drop=True)


def build_dwas(raw: RawSources) -> pd.DataFrame:
    """Detailed work activities with their IWA."""
    frame = raw.read_table(
        _D + "DWA Reference.txt", sep="\t", required=["Element ID", "IWA ID", "DWA ID", "DWA Title"]
    )
    out = frame.rename(
        columns={
            "Element ID": "element_id",
            "IWA ID": "iwa_id",
            "DWA ID": "dwa_id",
            "DWA Title": "title",
        }
    )
    return (
        out[["dwa_id", "iwa_id", "element_id", "title"]]
        .sort_values("dwa_id")
        .reset_index(drop=True)
    )


GWA_ID = r"4\.A\.\d+\.[a-z]+\.\d+"
"""A Generalized Work Activity in the content model: five parts under ``4.A``."""


def build_work_activities(raw: RawSources, iwas: pd.DataFrame, dwas: pd.DataFrame) -> pd.DataFrame:
    """Generalized work activities (GWA), the level IWAs and DWAs roll up to.

    ``category`` is the name of the GWA's ``4.A.x`` parent (Information Input, Mental
    Processes, Work Output, Interacting With Others). Every ``element_id`` of ``iwas``
    and ``dwas`` must be a GWA of the content model, else the task -> GWA grouping would
    lose tasks without a trace.
    """
    rel = _D + "Content Model Reference.txt"
    frame = raw.read_table(rel, sep="\t", required=["Element ID", "Element Name", "Description"])
    names = dict(zip(frame["Element ID"], frame["Element Name"], strict=True))
    gwa = frame.loc[frame["Element ID"].str.fullmatch(GWA_ID)]
    parent = gwa["Element ID"].str.extract(r"^(4\.A\.\d+)\.", expand=False)
    out = pd.DataFrame(
        {
            "element_id": gwa["Element ID"],
            "name": gwa["Element Name"],
            "description": gwa["Description"],
            "category": parent.map(names),
        }
    )
    orphans = sorted(set(parent[out["category"].isna()]))
    if orphans:
        raise SourceDataError(
            f"no row for the GWA categories {', '.join(orphans)}",
            file=str(raw.path(rel)),
            column="Element ID",
        )
    known = set(out["element_id"])
    for table, used in (("IWA Reference.txt", iwas), ("DWA Reference.txt", dwas)):
        missing = sorted(set(used["element_id"]) - known)
        if missing:
            raise SourceDataError(
                f"no GWA row for the element IDs {', '.join(missing)} used in {table}",
                file=str(raw.path(rel)),
                column="Element ID",
            )
    return out.sort_values("element_id").reset_index(drop=True)


def build_task_dwas(
    raw: RawSources, log: ReconciliationLog, tasks: pd.DataFrame, dwas: pd.DataFrame
) -> pd.DataFrame:
    """Links of tasks to DWAs."""
    rel = _D + "Tasks to DWAs.txt"
    frame = raw.read_table(rel, sep="\t", required=[CODE, "Task ID", "DWA ID"])
    known_tasks = set(tasks["task_id"])
    known_dwas = set(dwas["dwa_id"])
    task_id = frame["Task ID"].astype("int64")
    good = task_id.isin(known_tasks) & frame["DWA ID"].isin(known_dwas)
    for row, tid, dwa in zip(
        frame.loc[~good, "source_row"], task_id[~good], frame.loc[~good, "DWA ID"], strict=True
    ):
        log.add(
            "onet",
            rel,
            int(row),
            f"task {tid} -> {dwa}",
            "rejected",
            "task or DWA not in O*NET 30.1 reference",
        )
    out = pd.DataFrame(
        {"onet_soc_code": frame[CODE], "task_id": task_id, "dwa_id": frame["DWA ID"]}
    )
    return out.loc[good].sort_values(["task_id", "dwa_id"]).reset_index(drop=True)


def build_titles(
    raw: RawSources, log: ReconciliationLog, occupations: pd.DataFrame
) -> pd.DataFrame:
    """Every title that names an occupation, with the source that gives it.

    ``source`` is ``onet_title`` (the occupation's own title), ``onet_alternate``,
    ``onet_short`` (the short form of an alternate title) or ``onet_reported`` (titles
    reported by incumbents in the O*NET survey).
    """
    codes = set(occupations["onet_soc_code"])
    alt_rel = _D + "Alternate Titles.txt"
    rep_rel = _D + "Sample of Reported Titles.txt"
    alt = _known(
        raw.read_table(
            alt_rel, sep="\t", required=[CODE, "Alternate Title", "Short Title", "Source(s)"]
        ),
        codes,
        "onet",
        alt_rel,
        log,
    )
    rep = _known(
        raw.read_table(
            rep_rel, sep="\t", required=[CODE, "Reported Job Title", "Shown in My Next Move"]
        ),
        codes,
        "onet",
        rep_rel,
        log,
    )
    short = alt.loc[~alt["Short Title"].isin(["", "n/a"])]
    parts = [
        pd.DataFrame(
            {
                "onet_soc_code": occupations["onet_soc_code"],
                "title": occupations["title"],
                "source": "onet_title",
                "detail": "",
            }
        ),
        pd.DataFrame(
            {
                "onet_soc_code": alt[CODE],
                "title": alt["Alternate Title"],
                "source": "onet_alternate",
                "detail": "sources " + alt["Source(s)"],
            }
        ),
        pd.DataFrame(
            {
                "onet_soc_code": short[CODE],
                "title": short["Short Title"],
                "source": "onet_short",
                "detail": "short for " + short["Alternate Title"],
            }
        ),
        pd.DataFrame(
            {
                "onet_soc_code": rep[CODE],
                "title": rep["Reported Job Title"],
                "source": "onet_reported",
                "detail": rep["Shown in My Next Move"]
                .map({"Y": "shown in My Next Move", "N": ""})
                .fillna(""),
            }
        ),
    ]
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["onet_soc_code", "source", "title", "detail"]).reset_index(drop=True)


def build_skills(raw: RawSources, log: ReconciliationLog, codes: set[str]) -> pd.DataFrame:
    """Skill importance (1-5) and level (0-7) per occupation, from the O*NET 27 Skills file."""
    rel = "onet/skills_v27/Skills.txt"
    frame = raw.read_table(
        rel, sep="\t", required=[CODE, "Element ID", "Element Name", "Scale ID", "Data Value"]
    )
    frame = _known(frame, codes, "onet_skills", rel, log)
    keys = [CODE, "Element ID", "Element Name"]
    value = _number(frame["Data Value"])
    wide = (
        frame.assign(value=value)
        .pivot_table(index=keys, columns="Scale ID", values="value", aggfunc="first")
        .reset_index()
    )
    suppress = frame.loc[frame["Scale ID"] == "LV"].set_index(keys)["Recommend Suppress"]
    not_rel = frame.loc[frame["Scale ID"] == "LV"].set_index(keys)["Not Relevant"]
    index = pd.MultiIndex.from_frame(wide[keys])
    out = pd.DataFrame(
        {
            "onet_soc_code": wide[CODE],
            "element_id": wide["Element ID"],
            "skill": wide["Element Name"],
            "importance": wide.get("IM"),
            "level": wide.get("LV"),
            "level_suppressed": _yn(suppress.reindex(index).fillna("N")).to_numpy(),
            "not_relevant": _yn(not_rel.reindex(index).fillna("N")).to_numpy(),
        }
    )
    return out.sort_values(["onet_soc_code", "element_id"]).reset_index(drop=True)


def build_technology_skills(
    raw: RawSources, log: ReconciliationLog, codes: set[str]
) -> pd.DataFrame:
    """Technology skills (software) per occupation with hot and in-demand flags."""
    rel = _D + "Technology Skills.txt"
    frame = raw.read_table(
        rel,
        sep="\t",
        required=[
            CODE,
            "Example",
            "Commodity Code",
            "Commodity Title",
            "Hot Technology",
            "In Demand",
        ],
    )
    frame = _known(frame, codes, "onet", rel, log)
    out = pd.DataFrame(
        {
            "onet_soc_code": frame[CODE],
            "example": frame["Example"],
            "commodity_code": frame["Commodity Code"].astype("int64"),
            "commodity_title": frame["Commodity Title"],
            "hot_technology": _yn(frame["Hot Technology"]),
            "in_demand": _yn(frame["In Demand"]),
        }
    )
    return out.sort_values(["onet_soc_code", "commodity_code", "example"]).reset_index(drop=True)


def build_education(raw: RawSources, log: ReconciliationLog, codes: set[str]) -> pd.DataFrame:
    """Education, training and experience: share of respondents per category."""
    rel = _D + "Education, Training, and Experience.txt"
    frame = raw.read_table(
        rel,
        sep="\t",
        required=[CODE, "Element ID", "Element Name", "Scale ID", "Category", "Data Value"],
    )
    frame = _known(frame, codes, "onet", rel, log)
    cats = raw.read_table(
        _D + "Education, Training, and Experience Categories.txt",
        sep="\t",
        required=["Element ID", "Scale ID", "Category", "Category Description"],
    )
    labels = {
        (e, s, c): d
        for e, s, c, d in cats[
            ["Element ID", "Scale ID", "Category", "Category Description"]
        ].itertuples(index=False)
    }
    out = pd.DataFrame(
        {
            "onet_soc_code": frame[CODE],
            "element_id": frame["Element ID"],
            "element_name": frame["Element Name"],
            "scale_id": frame["Scale ID"],
            "category": _number(frame["Category"]).astype("Int64"),
            "category_description": [
                labels.get(k)
                for k in zip(frame["Element ID"], frame["Scale ID"], frame["Category"], strict=True)
            ],
            "percent": _number(frame["Data Value"]),
            "respondents": _number(frame["N"]).astype("Int64"),
            "recommend_suppress": _yn(frame["Recommend Suppress"]),
        }
    )
    return out.sort_values(["onet_soc_code", "element_id", "scale_id", "category"]).reset_index(
        drop=True
    )
