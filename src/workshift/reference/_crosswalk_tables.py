"""Crosswalks between code systems, reconciled to O*NET-SOC 2019 / SOC 2018, and ESCO.

The bundle keeps each published crosswalk in its own table and, in addition, one
long table ``code_links`` of direct edges ``(from_system, from_code, to_system, to_code)``
that :class:`~workshift.reference.ReferenceStore` walks to convert between any two
systems. SOC 2010 to SOC 2018 is derived from the O*NET-SOC 2010 to 2019 crosswalk (the
6-digit parts of each pair).
"""

from __future__ import annotations

import pandas as pd

from workshift.reference._raw import RawSources
from workshift.reference._reconcile import ReconciliationLog

__all__ = [
    "build_code_links",
    "build_esco_occupations",
    "build_esco_onet",
    "build_esco_skills",
    "build_isco_groups",
    "build_isco_soc",
    "build_onet_2010_2019",
]

_LINK_COLUMNS = ["from_system", "from_code", "to_system", "to_code", "source"]


def build_onet_2010_2019(raw: RawSources, log: ReconciliationLog, codes: set[str]) -> pd.DataFrame:
    """O*NET-SOC 2010 to 2019 pairs, with their SOC 6-digit parts."""
    rel = "crosswalks/onet_soc_2010_to_2019.csv"
    frame = raw.read_table(
        rel,
        required=[
            "O*NET-SOC 2010 Code",
            "O*NET-SOC 2010 Title",
            "O*NET-SOC 2019 Code",
            "O*NET-SOC 2019 Title",
        ],
    )
    for row, old, new in zip(
        frame["source_row"], frame["O*NET-SOC 2010 Code"], frame["O*NET-SOC 2019 Code"], strict=True
    ):
        if new not in codes:
            log.add(
                "onet_crosswalk",
                rel,
                int(row),
                f"{old} -> {new}",
                "unmapped",
                "O*NET-SOC 2019 code not in O*NET 30.1 Occupation Data",
            )
    out = pd.DataFrame(
        {
            "onet_soc_2010": frame["O*NET-SOC 2010 Code"],
            "title_2010": frame["O*NET-SOC 2010 Title"],
            "onet_soc_code": frame["O*NET-SOC 2019 Code"],
            "title": frame["O*NET-SOC 2019 Title"],
        }
    )
    out["soc_2010"] = out["onet_soc_2010"].str[:7]
    out["soc_code"] = out["onet_soc_code"].str[:7]
    return out.sort_values(["onet_soc_2010", "onet_soc_code"]).reset_index(drop=True)


def build_isco_soc(
    raw: RawSources, log: ReconciliationLog, onet_2010_2019: pd.DataFrame, soc_codes: set[str]
) -> pd.DataFrame:
    """ISCO-08 to SOC 2010 (BLS), carried forward to SOC 2018.

    ``soc_match`` says how the SOC 2010 code reached SOC 2018: ``same`` (code unchanged),
    ``renamed`` (the 2010 code became another 2018 code), or ``unmapped``.
    """
    rel = "crosswalks/isco08_soc2010_bls.tsv"
    frame = raw.read_table(
        rel,
        sep="\t",
        required=["isco08_code", "isco08_title", "part", "soc2010_code", "soc2010_title"],
    )
    soc_map = (
        onet_2010_2019[["soc_2010", "soc_code"]]
        .drop_duplicates()
        .groupby("soc_2010")["soc_code"]
        .apply(sorted)
        .to_dict()
    )
    rows = []
    for rec in frame.to_dict("records"):
        old = rec["soc2010_code"].strip()
        targets: list[str] = list(soc_map.get(old, []))
        if not targets and old in soc_codes:
            targets = [old]
        if not targets:
            log.add(
                "isco_soc",
                rel,
                int(rec["source_row"]),
                f"{rec['isco08_code']} -> {old}",
                "unmapped",
                "SOC 2010 code has no SOC 2018 successor in the O*NET-SOC crosswalk",
            )
        successors: list[str | None] = [*targets] or [None]
        for new in successors:
            match = "unmapped" if new is None else ("same" if new == old else "renamed")
            if match == "renamed":
                log.add(
                    "isco_soc",
                    rel,
                    int(rec["source_row"]),
                    f"{rec['isco08_code']} -> {old}",
                    "remapped",
                    f"SOC 2010 code {old} is {new} in SOC 2018",
                )
            rows.append(
                {
                    "isco08_code": rec["isco08_code"],
                    "isco08_title": rec["isco08_title"],
                    "partial": rec["part"] == "*",
                    "soc_2010": old,
                    "soc_2010_title": rec["soc2010_title"],
                    "soc_code": new,
                    "soc_match": match,
                }
            )
    out = pd.DataFrame(rows)
    return out.sort_values(["isco08_code", "soc_2010", "soc_code"], na_position="last").reset_index(
        drop=True
    )


def build_isco_groups(raw: RawSources) -> pd.DataFrame:
    """ISCO-08 groups at every level (1 to 4 digits) from ESCO, with labels."""
    frame = raw.read_table(
        "esco/ISCOGroups_en.csv", required=["conceptUri", "code", "preferredLabel", "description"]
    )
    out = pd.DataFrame(
        {
            "isco08_code": frame["code"],
            "level": frame["code"].str.len(),
            "title": frame["preferredLabel"],
            "description": frame["description"],
            "uri": frame["conceptUri"],
        }
    )
    return out.sort_values("isco08_code").reset_index(drop=True)


def _labels(series: pd.Series) -> pd.Series:
    return series.map(lambda text: [p.strip() for p in text.split("\n") if p.strip()])


def build_esco_occupations(
    raw: RawSources, log: ReconciliationLog, isco_groups: pd.DataFrame
) -> pd.DataFrame:
    """ESCO occupations with their ISCO-08 unit group and labels."""
    rel = "esco/occupations_en.csv"
    frame = raw.read_table(
        rel, required=["conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description"]
    )
    known = set(isco_groups["isco08_code"])
    for row, uri, group in zip(
        frame["source_row"], frame["conceptUri"], frame["iscoGroup"], strict=True
    ):
        if group not in known:
            log.add("esco", rel, int(row), uri, "unmapped", f"ISCO group {group!r} unknown")
    out = pd.DataFrame(
        {
            "uri": frame["conceptUri"],
            "isco08_code": frame["iscoGroup"],
            "title": frame["preferredLabel"],
            "alt_titles": _labels(frame["altLabels"]),
            "description": frame["description"],
        }
    )
    return out.sort_values("uri").reset_index(drop=True)


def build_esco_skills(raw: RawSources) -> pd.DataFrame:
    """ESCO skills: URI and text (labels followed by the description, as published)."""
    frame = raw.read_table("esco/skills_label_description.csv", required=["id", "description"])
    out = pd.DataFrame({"uri": frame["id"], "text": frame["description"]})
    return out.sort_values("uri").reset_index(drop=True)


def build_esco_onet(
    raw: RawSources, log: ReconciliationLog, onet_2010_2019: pd.DataFrame, codes: set[str]
) -> pd.DataFrame:
    """Nesta's ESCO to O*NET crosswalk, its O*NET-SOC 2010 codes carried to 2019."""
    rel = "crosswalks/esco_onet_crosswalk_nesta_2020.csv"
    frame = raw.read_table(
        rel,
        required=[
            "concept_uri",
            "esco_occupation",
            "isco_code",
            "onet_code",
            "semantic_similarity",
            "confidence",
        ],
    )
    forward = onet_2010_2019.groupby("onet_soc_2010")["onet_soc_code"].apply(sorted).to_dict()
    rows = []
    for rec in frame.to_dict("records"):
        old = rec["onet_code"]
        targets = list(forward.get(old, [old] if old in codes else []))
        row = int(rec["source_row"])
        if not targets:
            log.add(
                "nesta_esco_onet",
                rel,
                row,
                f"{rec['concept_uri']} -> {old}",
                "unmapped",
                "O*NET-SOC 2010 code has no 2019 successor",
            )
        elif targets != [old]:
            log.add(
                "nesta_esco_onet",
                rel,
                row,
                f"{rec['concept_uri']} -> {old}",
                "remapped",
                f"O*NET-SOC 2010 code {old} is {', '.join(targets)} in 2019",
            )
        successors = [*targets] or [None]
        for new in successors:
            rows.append(
                {
                    "uri": rec["concept_uri"],
                    "esco_title": rec["esco_occupation"],
                    "isco08_code": rec["isco_code"],
                    "onet_soc_2010": old,
                    "onet_soc_code": new,
                    "similarity": float(rec["semantic_similarity"]),
                    "confidence": float(rec["confidence"]),
                }
            )
    out = pd.DataFrame(rows)
    return out.sort_values(["uri", "onet_soc_code"], na_position="last").reset_index(drop=True)


def build_code_links(
    occupations: pd.DataFrame,
    onet_2010_2019: pd.DataFrame,
    isco_soc: pd.DataFrame,
    esco_occupations: pd.DataFrame,
    esco_onet: pd.DataFrame,
) -> pd.DataFrame:
    """Direct edges between code systems, one row per edge, in one table."""

    def edges(frame: pd.DataFrame, a: str, b: str, sa: str, sb: str, source: str) -> pd.DataFrame:
        pairs = frame[[a, b]].dropna().drop_duplicates()
        return pd.DataFrame(
            {
                "from_system": sa,
                "from_code": pairs[a],
                "to_system": sb,
                "to_code": pairs[b],
                "source": source,
            }
        )

    isco_soc_2018 = isco_soc.dropna(subset=["soc_code"])
    links = pd.concat(
        [
            edges(occupations, "onet_soc_code", "soc_code", "onet_soc", "soc", "onet"),
            edges(
                onet_2010_2019,
                "onet_soc_2010",
                "onet_soc_code",
                "onet_soc_2010",
                "onet_soc",
                "onet_crosswalk",
            ),
            edges(onet_2010_2019, "soc_2010", "soc_code", "soc_2010", "soc", "onet_crosswalk"),
            edges(isco_soc, "isco08_code", "soc_2010", "isco08", "soc_2010", "isco_soc"),
            edges(isco_soc_2018, "isco08_code", "soc_code", "isco08", "soc", "isco_soc"),
            edges(esco_occupations, "uri", "isco08_code", "esco", "isco08", "esco"),
            edges(esco_onet, "uri", "onet_soc_code", "esco", "onet_soc", "nesta_esco_onet"),
        ],
        ignore_index=True,
    )
    return links[_LINK_COLUMNS].sort_values(_LINK_COLUMNS).reset_index(drop=True)
