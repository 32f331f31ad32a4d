"""Exposure under coding uncertainty: expected scores over a row's candidate occupations,
the range coding could move every figure, and how sure each figure is.

A *unit* (see :func:`workshift.matching.code_occupations`) is a distinct job title or an
occupation code with its candidate occupations and their weights. For each unit:

* ``alpha``/``beta``/``zeta`` are the weighted means over its candidates (the expected
  exposure when the matcher is unsure, the occupation's own when it is not);
* ``*_low``/``*_high`` are the lowest and highest of them over its *plausible* candidates
  (weight >= ``plausible``), for units decided by ``candidates``; other units do not move;
* ``occupation_confidence`` is the calibrated probability that the top-1 occupation is
  right; ``exposure_confidence`` the probability that the true occupation's beta is
  within ``close`` of the unit's beta (sum of the confidences of the candidates that
  close). A title can be settled for exposure although its occupation is not.

Every figure of the analysis is a headcount-weighted sum over rows, so the bounds of a
group's figure are the sums of its rows' bounds: exact, not sampled.

Examples
--------
>>> import pandas as pd
>>> units = pd.DataFrame({
...     "unit": [0, 0, 1], "rank": [1, 2, 1], "onet_soc_code": ["a", "b", "c"],
...     "occupation": ["A", "B", "C"], "confidence": [0.4, 0.3, 1.0],
...     "weight": [0.6, 0.4, 1.0], "decided_by": ["candidates", "candidates", "override"]})
>>> scores = pd.DataFrame({"onet_soc_code": ["a", "b", "c"], "alpha": [0.2, 0.4, 0.1],
...                        "beta": [0.5, 0.7, 0.2], "zeta": [0.6, 0.9, 0.3]})
>>> out = unit_exposure(units, scores)
>>> out[["unit", "beta", "beta_low", "beta_high", "exposure_confidence"]].round(2)
   unit  beta  beta_low  beta_high  exposure_confidence
0     0  0.58       0.5        0.7                  0.4
1     1  0.20       0.2        0.2                  1.0
>>> rows = pd.DataFrame({"headcount": [3.0, 1.0]}).join(out)
>>> summary = ranged_summary(rows)
>>> summary["share_beta_gt_50pct"], summary["share_beta_gt_50pct_low"]
(0.75, 0.0)
>>> summary["confident_share"]
0.25
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "CLOSE",
    "PLAUSIBLE",
    "RANGED_SCORES",
    "TITLE_COLUMNS",
    "exposure_by",
    "ranged_summary",
    "title_review",
    "unit_exposure",
]

PLAUSIBLE = 0.05
"""Weight from which a candidate occupation counts for a unit's coding range."""
CLOSE = 0.10
"""How near (in beta) a candidate must be for the exposure to count as the same."""
RANGED_SCORES = ("alpha", "beta", "zeta")
TITLE_COLUMNS = (
    "title",
    "rows",
    "headcount",
    "fte",
    "decided_by",
    "occupation_confidence",
    "exposure_confidence",
    "beta",
    "beta_low",
    "beta_high",
    "narrows_share_gt_50pct",
    "narrows_beta_mean",
)
"""The first columns of :func:`title_review` (the candidate columns follow)."""
_CONFIDENT = ("occupation_code", "override", "exact_title", "model")


def unit_exposure(
    units: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    plausible: float = PLAUSIBLE,
    close: float = CLOSE,
) -> pd.DataFrame:
    """One row per unit: expected scores, their coding range and both confidences.

    ``units`` has ``unit``, ``rank``, ``onet_soc_code``, ``occupation``, ``confidence``,
    ``weight`` and ``decided_by`` (as :class:`workshift.matching.OccupationCoding`);
    ``scores`` has ``onet_soc_code`` and ``alpha``/``beta``/``zeta`` (NaN where an
    occupation has no scored task). Candidates without scores are left out of the means
    and the bounds; a unit none of whose weighted candidates is scored has NaN scores.
    """
    frame = units.merge(
        scores[["onet_soc_code", *RANGED_SCORES]], on="onet_soc_code", how="left"
    ).sort_values(["unit", "rank"], kind="stable")
    scored = frame["beta"].notna()
    weight = frame["weight"].where(scored, 0.0).astype(float)
    by_unit = frame["unit"].to_numpy()
    total = weight.groupby(by_unit).sum()
    first = frame.groupby("unit", sort=True).first()
    out = pd.DataFrame(index=total.index)
    out["decided_by"] = first["decided_by"]
    out["onet_soc_code"] = first["onet_soc_code"]
    out["occupation"] = first["occupation"]
    out["occupation_confidence"] = first["confidence"].astype(float).clip(0.0, 1.0)
    out["candidates"] = (frame["weight"] > 0).groupby(by_unit).sum().astype("int64")
    ranged = (frame["decided_by"] == "candidates").to_numpy()
    keep = scored & (frame["weight"] >= plausible * total.reindex(by_unit).to_numpy())
    for score in RANGED_SCORES:
        values = frame[score].astype(float)
        mean = (values.fillna(0.0) * weight).groupby(by_unit).sum() / total.where(total > 0)
        out[score] = mean
        candidate = values.where(keep & ranged)
        low = candidate.groupby(by_unit).min().reindex(out.index)
        high = candidate.groupby(by_unit).max().reindex(out.index)
        # A bound never sits inside the mean (a low-weight extreme candidate is left out).
        out[f"{score}_low"] = np.fmin(low.fillna(mean), mean)
        out[f"{score}_high"] = np.fmax(high.fillna(mean), mean)
    # Probability that the true occupation's beta is near the beta used for the unit.
    used = out["beta"].reindex(by_unit).to_numpy()
    near = scored & (np.abs(frame["beta"].to_numpy() - used) <= close + 1e-12)
    mass = frame["confidence"].astype(float).where(near, 0.0).groupby(by_unit).sum()
    fixed = out["decided_by"].isin(("occupation_code", "override"))
    out["exposure_confidence"] = mass.clip(0.0, 1.0).where(~fixed, 1.0)
    out.loc[out["beta"].isna(), "exposure_confidence"] = np.nan
    out.index.name = "unit"
    return out.reset_index()


def _weighted(frame: pd.DataFrame, column: str, weights: pd.Series) -> float:
    total = float(weights.sum())
    return float((frame[column] * weights).sum() / total) if total > 0 else float("nan")


def ranged_summary(rows: pd.DataFrame, *, headcount: str = "headcount") -> dict[str, Any]:
    """Headline figures of scored rows with their coding range and confident share.

    ``rows`` has one row per input row with ``headcount``, ``decided_by`` and the columns
    of :func:`unit_exposure`. Shares count people (``headcount``); ``alpha_mean`` etc.
    are headcount-weighted. Every figure has ``_low`` and ``_high``; a figure of no
    scored row is None.
    """
    scored = rows["beta"].notna()
    frame = rows.loc[scored]
    weights = frame[headcount].astype(float)
    total = float(weights.sum())
    out: dict[str, Any] = {
        "headcount": total,
        "headcount_unscored": float(rows.loc[~scored, headcount].astype(float).sum()),
    }

    def value(x: float) -> float | None:
        return None if not total or x != x else float(x)

    for score in RANGED_SCORES:
        for suffix in ("", "_low", "_high"):
            out[f"{score}_mean{suffix}"] = value(_weighted(frame, f"{score}{suffix}", weights))
    for name, cut, strict in (
        ("share_beta_ge_10pct", 0.10, False),
        ("share_beta_gt_50pct", 0.50, True),
    ):
        for suffix in ("", "_low", "_high"):
            beta = frame[f"beta{suffix}"].to_numpy(dtype=float)
            hit = beta > cut if strict else beta >= cut
            out[f"{name}{suffix}"] = value(weights[hit].sum() / total if total else np.nan)
    confident = frame["decided_by"].isin(_CONFIDENT).to_numpy()
    out["confident_share"] = value(weights[confident].sum() / total if total else np.nan)
    settled = (frame["exposure_confidence"] >= 0.5).to_numpy()
    out["exposure_settled_share"] = value(weights[settled].sum() / total if total else np.nan)
    return out


def exposure_by(rows: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Headcount, FTE and exposure per group of rows, with coding ranges.

    Columns: the keys, ``headcount`` (people), ``fte``, ``alpha``/``beta``/``zeta``
    (headcount-weighted over scored rows) with ``beta_low``/``beta_high``,
    ``share_beta_gt_50pct`` with its ``_low``/``_high``, and ``confident_share`` (share of
    the group's scored headcount coded by code, override or a confident match).
    Ordered by headcount, largest first.
    """
    keys = list(keys)
    scored = rows["beta"].notna()
    people = rows["headcount"].astype(float)
    w = people.where(scored, 0.0)
    frame = rows[keys].copy()
    frame["headcount"] = people
    frame["fte"] = rows["fte"].astype(float)
    frame["_w"] = w
    for column in ("alpha", "beta", "zeta", "beta_low", "beta_high"):
        frame[column] = rows[column].fillna(0.0) * w
    for suffix in ("", "_low", "_high"):
        frame[f"share_beta_gt_50pct{suffix}"] = w.where(rows[f"beta{suffix}"] > 0.5, 0.0)
    frame["confident_share"] = w.where(rows["decided_by"].isin(_CONFIDENT), 0.0)
    sums = frame.groupby(keys, dropna=False, sort=True).sum().reset_index()
    weight = sums.pop("_w")
    for column in sums.columns:
        if column not in (*keys, "headcount", "fte"):
            sums[column] = sums[column] / weight.where(weight > 0)
    return sums.sort_values(
        ["headcount", *keys], ascending=[False] + [True] * len(keys)
    ).reset_index(drop=True)


def title_review(
    units: pd.DataFrame,
    unit_scores: pd.DataFrame,
    rows: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    top_k: int = 5,
) -> pd.DataFrame:
    """One row per distinct matcher-coded title, the most useful to settle first.

    ``units`` are the candidates (:data:`workshift.matching.UNIT_COLUMNS`), ``unit_scores``
    the result of :func:`unit_exposure`, ``rows`` one row per input row with ``unit``,
    ``headcount``, ``fte`` and ``beta``, and ``scores`` the occupations' scores
    (``onet_soc_code``, ``beta``). Columns: ``title``, ``rows``, ``headcount``, ``fte``,
    ``decided_by``, ``occupation_confidence``, ``exposure_confidence``, ``beta``,
    ``beta_low``, ``beta_high``, ``narrows_share_gt_50pct`` and ``narrows_beta_mean``
    (by how much settling the title would narrow the headline ranges, as shares of the
    scored headcount), then ``candidate_N_code``, ``_occupation``, ``_confidence`` and
    ``_beta`` for N = 1..top_k. Ordered by the two narrowings, then headcount.
    Titles decided by an override are not listed: they are settled.
    """
    titled = units.loc[(units["kind"] == "title") & (units["decided_by"] != "override")]
    ids = titled["unit"].unique()
    counted = rows.loc[rows["unit"].isin(ids)]
    per_unit = counted.groupby("unit").agg(
        rows=("unit", "size"), headcount=("headcount", "sum"), fte=("fte", "sum")
    )
    scored_total = float(rows.loc[rows["beta"].notna(), "headcount"].sum())
    info = unit_scores.set_index("unit").loc[per_unit.index]
    out = pd.DataFrame(index=per_unit.index)
    out["title"] = titled.drop_duplicates("unit").set_index("unit")["value"].reindex(out.index)
    out = out.join(per_unit)
    for column in TITLE_COLUMNS[4:10]:  # decided_by ... beta_high, as the unit has them
        out[column] = info[column]
    scale = out["headcount"] / scored_total if scored_total > 0 else out["headcount"] * 0.0
    jumps = (out["beta_high"] > 0.5).astype(float) - (out["beta_low"] > 0.5).astype(float)
    out["narrows_share_gt_50pct"] = (jumps * scale).fillna(0.0)
    out["narrows_beta_mean"] = ((out["beta_high"] - out["beta_low"]) * scale).fillna(0.0)
    titled = titled.merge(scores[["onet_soc_code", "beta"]], on="onet_soc_code", how="left")
    for n in range(1, top_k + 1):
        pick = titled.loc[titled["rank"] == n].set_index("unit")
        out[f"candidate_{n}_code"] = pick["onet_soc_code"].reindex(out.index)
        out[f"candidate_{n}_occupation"] = pick["occupation"].reindex(out.index)
        out[f"candidate_{n}_confidence"] = pick["confidence"].reindex(out.index)
        out[f"candidate_{n}_beta"] = pick["beta"].reindex(out.index)
    out = out.sort_values(
        ["narrows_share_gt_50pct", "narrows_beta_mean", "headcount", "title"],
        ascending=[False, False, False, True],
        kind="stable",
    )
    return out.reset_index(drop=True)
