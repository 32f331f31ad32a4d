"""Adoption S-curves: the share of a service's covered work done with it, year by year.

A logistic curve in years since launch, shifted so that adoption is zero at launch and
rises to the ceiling; a year's adoption is the mean over its four quarter midpoints, so a
service launched in July counts for part of its first year.

Examples
--------
>>> import numpy as np
>>> a = adoption(2026.5, np.array([0.8]), np.array([2.0]), np.array([1.5]), [2026, 2027, 2035])
>>> a.round(3)
array([[0.009, 0.12 , 0.8  ]])
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["adoption"]

_QUARTERS = np.array([0.125, 0.375, 0.625, 0.875])


def adoption(
    launch: float,
    ceiling: np.ndarray,
    midpoint: np.ndarray,
    steepness: np.ndarray,
    years: Sequence[int],
) -> np.ndarray:
    """Draws x years of mean adoption (each parameter one value per draw)."""
    tau = (np.asarray(years, dtype=float)[:, None] + _QUARTERS[None, :] - launch)[None]
    k = np.maximum(steepness, 1e-9)[:, None, None]
    m = midpoint[:, None, None]
    at_launch = 1.0 / (1.0 + np.exp(k * m))
    level = 1.0 / (1.0 + np.exp(-k * (tau - m)))
    share = np.where(tau > 0, (level - at_launch) / (1.0 - at_launch), 0.0)
    out: np.ndarray = ceiling[:, None] * share.mean(axis=2)
    return out
