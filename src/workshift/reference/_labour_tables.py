"""Labour statistics: BLS OEWS employment and wages (May 2024, May 2021) and the BLS
Employment Projections 2024-34, keyed by SOC 2018 code.

OEWS marks a wage above its top code with ``#`` and a missing estimate with ``*`` or
``**``; these become empty numbers, and ``#`` also sets ``wage_topcoded``.
"""

from __future__ import annotations

import re

import pandas as pd

from workshift.reference._raw import RawSources
from workshift.reference._reconcile import ReconciliationLog

__all__ = ["build_oews", "build_projections"]

_OEWS_NUMBERS = {
    "TOT_EMP": "employment",
    "EMP_PRSE": "employment_rse",
    "H_MEAN": "hourly_mean",
    "A_MEAN": "annual_mean",
    "H_MEDIAN": "hourly_median",
    "A_MEDIAN": "annual_median",
    "A_PCT10": "annual_p10",
    "A_PCT25": "annual_p25",
    "A_PCT75": "annual_p75",
    "A_PCT90": "annual_p90",
}
_SOC = re.compile(r"^\d{2}-\d{4}$")


def _oews_number(series: pd.Series) -> pd.Series:
    cleaned = series.str.replace(",", "", regex=False)
    return pd.to_numeric(cleaned.where(~cleaned.isin(["#", "*", "**", ""])), errors="raise")


def build_oews(raw: RawSources, log: ReconciliationLog) -> pd.DataFrame:
    """National cross-industry employment and wages for May 2024 and May 2021 (long by year)."""
    parts = []
    for year, key in ((2024, "oews_2024"), (2021, "oews_2021")):
        rel = f"labor/oews_national_may{year}.csv"
        frame = raw.read_table(rel, required=["OCC_CODE", "OCC_TITLE", "O_GROUP", *_OEWS_NUMBERS])
        out = pd.DataFrame(
            {
                "year": year,
                "soc_code": frame["OCC_CODE"],
                "title": frame["OCC_TITLE"],
                "o_group": frame["O_GROUP"],
            }
        )
        for raw_name, name in _OEWS_NUMBERS.items():
            out[name] = _oews_number(frame[raw_name])
        out["employment"] = out["employment"].astype("Int64")
        out["wage_topcoded"] = frame["A_MEDIAN"].eq("#") | frame["A_PCT90"].eq("#")
        bad = ~frame["OCC_CODE"].str.match(_SOC)
        for row, code in zip(frame.loc[bad, "source_row"], frame.loc[bad, "OCC_CODE"], strict=True):
            log.add(key, rel, int(row), code, "rejected", "OCC_CODE is not a SOC code")
        parts.append(out.loc[~bad])
    return (
        pd.concat(parts, ignore_index=True).sort_values(["year", "soc_code"]).reset_index(drop=True)
    )


_PROJ_12 = {
    "Employment, 2024": "employment_2024",
    "Employment, 2034": "employment_2034",
    "Employment change, numeric, 2024–34": "change",
    "Employment change, percent, 2024–34": "change_pct",
    "Percent self employed, 2024": "self_employed_pct",
    "Occupational openings, 2024–34 annual average": "openings_annual",
    "Median annual wage, dollars, 2024[1]": "median_wage_2024",
}
_PROJ_12_TEXT = {
    "Typical education needed for entry": "entry_education",
    "Work experience in a related occupation": "work_experience",
    "Typical on-the-job training needed to attain competency in the occupation": "job_training",
}
_PROJ_110 = {
    "Labor force exit rate, 2024–34 annual average": "exit_rate_pct",
    "Occupational transfer rate, 2024–34 annual average": "transfer_rate_pct",
    "Total occupational separations rate, 2024–34 annual average": "separation_rate_pct",
}
_TITLE = "2024 National Employment Matrix title"
_CODE = "2024 National Employment Matrix code"


def build_projections(raw: RawSources, log: ReconciliationLog) -> pd.DataFrame:
    """Employment 2024 and 2034, openings, and separation rates (table 1.2 joined to 1.10).

    Employment figures are in thousands, as BLS publishes them. Rows that are notes
    rather than occupations are logged as rejected with their sheet row.
    """
    rel = "labor/bls_employment_projections_2024_34.xlsx"
    t12 = raw.read_sheet(
        rel,
        "Table 1.2",
        header_row=2,
        required=[_TITLE, _CODE, "Occupation type", *_PROJ_12, *_PROJ_12_TEXT],
    )
    t110 = raw.read_sheet(rel, "Table 1.10", header_row=2, required=[_CODE, *_PROJ_110])
    frames = []
    for sheet, frame in (("Table 1.2", t12), ("Table 1.10", t110)):
        code = frame[_CODE].astype(str).str.strip()
        ok = code.str.match(_SOC)
        for row, value in zip(frame.loc[~ok, "source_row"], frame.loc[~ok, _TITLE], strict=True):
            if value is not None and str(value).strip():
                log.add(
                    "bls_projections",
                    f"{rel} [{sheet}]",
                    int(row),
                    str(value)[:60],
                    "rejected",
                    "note row, not an occupation",
                )
        frames.append(frame.loc[ok].assign(**{_CODE: code[ok]}))
    t12, t110 = frames
    out = pd.DataFrame(
        {
            "soc_code": t12[_CODE],
            "title": t12[_TITLE].astype(str).str.strip(),
            "occupation_type": t12["Occupation type"].astype(str),
        }
    )
    for source, name in _PROJ_12.items():
        out[name] = pd.to_numeric(t12[source], errors="coerce")
    for source, name in _PROJ_12_TEXT.items():
        text = t12[source].astype(str)
        out[name] = text.where(text != "—")
    rates = t110.set_index(_CODE)
    for source, name in _PROJ_110.items():
        out[name] = out["soc_code"].map(pd.to_numeric(rates[source], errors="coerce"))
    return out.sort_values("soc_code").reset_index(drop=True)
