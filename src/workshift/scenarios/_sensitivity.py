"""Which inputs drive a projection: the swing of the median and the share of the spread.

The swing: every input at its mode (label noise off), then one input at a time at its low
and at its high; the metric's final-year value at each end (a tornado chart). The spread:
over the Monte Carlo draws, each input's squared Spearman rank correlation with the
metric, as a share of the sum over inputs (a first-order attribution; inputs that act
together are not split further).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from workshift.scenarios._draws import Draws, design_draws
from workshift.scenarios._engine import Policy, simulate
from workshift.scenarios._portfolio import Portfolio
from workshift.scenarios._uncertain import Uncertain
from workshift.scenarios._units import Units

__all__ = ["SENSITIVITY_COLUMNS", "SENSITIVITY_METRICS", "sensitivity"]

SENSITIVITY_COLUMNS = [
    "metric",
    "input",
    "low",
    "high",
    "value_low",
    "value_high",
    "base",
    "swing",
    "spread_share",
]
SENSITIVITY_METRICS = ("fte_equivalent", "headcount", "net_benefit", "ai_cost")


def _rank_correlations(draws: Draws, names: Sequence[str], outcome: np.ndarray) -> np.ndarray:
    """Spearman correlation of each input column with the outcome (0 when either is flat)."""
    ranked_outcome = rankdata(outcome)
    out = np.zeros(len(names))
    if np.ptp(ranked_outcome) == 0:
        return out
    for i, name in enumerate(names):
        column = draws[name]
        if np.ptp(column) == 0:
            continue
        out[i] = np.corrcoef(rankdata(column), ranked_outcome)[0, 1]
    return out


def sensitivity(
    units: Units,
    portfolio: Portfolio,
    ranges: dict[str, Uncertain],
    years: Sequence[int],
    policy: Policy,
    draws: Draws,
    totals: dict[str, np.ndarray],
    metrics: Sequence[str] = SENSITIVITY_METRICS,
) -> pd.DataFrame:
    """One row per (metric, uncertain input), largest swing first within each metric."""
    design, varied = design_draws(ranges, seed=draws.seed)
    if not varied:
        return pd.DataFrame(columns=SENSITIVITY_COLUMNS)
    runs = simulate(units, portfolio, design, years, policy, quantiles=False)
    frames = []
    for metric in metrics:
        final = runs.total(metric)[:, -1]
        rho = _rank_correlations(draws, varied, totals[metric][:, -1])
        share = rho**2 / (rho**2).sum() if (rho**2).sum() > 0 else np.zeros(len(varied))
        frame = pd.DataFrame(
            {
                "metric": metric,
                "input": varied,
                "low": [ranges[name].low for name in varied],
                "high": [ranges[name].high for name in varied],
                "value_low": final[1::2],
                "value_high": final[2::2],
                "base": final[0],
                "swing": np.abs(final[2::2] - final[1::2]),
                "spread_share": share,
            }
        )
        frames.append(frame.sort_values(["swing", "input"], ascending=[False, True]))
    return pd.concat(frames, ignore_index=True)[SENSITIVITY_COLUMNS]
