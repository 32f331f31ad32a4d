"""Headcount-weighted summaries of exposure: what ``summary.json`` reports.

Examples
--------
>>> import pandas as pd
>>> people = pd.DataFrame({"alpha": [0.1, 0.4], "beta": [0.05, 0.5], "zeta": [0.1, 0.7],
...                        "headcount": [3.0, 1.0]})
>>> exposure_summary(people)["share_beta_ge_10pct"], exposure_summary(people)["share_beta_gt_50pct"]
(0.25, 0.0)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["exposure_summary", "soc_exposure"]


def exposure_summary(frame: pd.DataFrame, *, headcount: str = "headcount") -> dict[str, Any]:
    """Headcount-weighted means of alpha/beta/zeta and the shares of headcount exposed.

    ``share_beta_ge_10pct`` counts beta >= 0.10; ``share_beta_gt_50pct`` counts beta
    > 0.50 (strictly: many roles sit exactly at 0.5). Rows without scores are left out
    and counted in ``headcount_unscored``.
    """
    scored = frame["beta"].notna()
    weights = frame.loc[scored, headcount].astype(float)
    total = float(weights.sum())

    def mean(column: str) -> float:
        return float(np.average(frame.loc[scored, column], weights=weights)) if total else np.nan

    beta = frame.loc[scored, "beta"]
    return {
        "headcount": total,
        "headcount_unscored": float(frame.loc[~scored, headcount].astype(float).sum()),
        "alpha_mean": mean("alpha"),
        "beta_mean": mean("beta"),
        "zeta_mean": mean("zeta"),
        "share_beta_ge_10pct": float(weights[beta >= 0.10].sum() / total) if total else np.nan,
        "share_beta_gt_50pct": float(weights[beta > 0.50].sum() / total) if total else np.nan,
    }


def soc_exposure(occupations: pd.DataFrame) -> pd.DataFrame:
    """Scores per SOC 2018 code: the mean over its O*NET-SOC occupations.

    ``occupations`` has ``onet_soc_code`` and ``alpha``/``beta``/``zeta``.
    """
    frame = occupations.assign(soc_code=occupations["onet_soc_code"].str[:7])
    return frame.groupby("soc_code", as_index=False)[["alpha", "beta", "zeta"]].mean()
