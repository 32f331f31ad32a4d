"""Exposure scores from task labels: alpha, beta and zeta, weighted by task importance.

The rubric of "GPTs are GPTs" (Eloundou et al. 2024): per task E0 (no exposure), E1 (an
LLM alone cuts the time at least in half at equal quality) or E2 (software built on an
LLM would). Over a set of tasks with weights w (core 2, supplemental 1, or an
organisation's own time shares):

* alpha = sum(w * E1) / sum(w)
* beta  = sum(w * (E1 + 0.5 * E2)) / sum(w)
* zeta  = sum(w * (E1 + E2)) / sum(w)

Labels may be hard (``label`` in E0/E1/E2) or probabilities (``p_e0``, ``p_e1``,
``p_e2``, e.g. from a model); hard labels are read as probabilities of one. One function
serves tasks -> roles -> departments -> organisation.

Examples
--------
>>> import pandas as pd
>>> tasks = pd.DataFrame({"role": ["clerk"] * 3, "label": ["E0", "E1", "E2"],
...                       "weight": [2, 2, 1]})
>>> exposure_scores(tasks, by="role").round(2).to_dict("records")
[{'role': 'clerk', 'alpha': 0.4, 'beta': 0.5, 'zeta': 0.6, 'tasks': 3, 'weight': 5.0}]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["LABELS", "exposure_scores", "label_probabilities"]

LABELS = ("E0", "E1", "E2")


def label_probabilities(frame: pd.DataFrame, label: str = "label") -> pd.DataFrame:
    """Columns ``p_e0``, ``p_e1``, ``p_e2``: given, or one-hot from a hard ``label``.

    Rows without a label get NaN probabilities (they do not count in the scores).
    """
    if {"p_e0", "p_e1", "p_e2"} <= set(frame.columns):
        return frame[["p_e0", "p_e1", "p_e2"]].astype(float)
    labels = frame[label]
    unknown = set(labels.dropna()) - set(LABELS)
    if unknown:
        raise ValueError(f"labels must be E0, E1 or E2; found {sorted(unknown)}")
    out = pd.DataFrame(
        {f"p_{name.lower()}": (labels == name).astype(float) for name in LABELS},
        index=frame.index,
    )
    return out.where(labels.notna())


def exposure_scores(
    frame: pd.DataFrame,
    by: str | Sequence[str],
    *,
    weight: str = "weight",
    label: str = "label",
) -> pd.DataFrame:
    """alpha, beta and zeta per group, weighted by ``weight`` over labelled tasks.

    Returns one row per group with ``alpha``, ``beta``, ``zeta``, ``tasks`` (labelled
    tasks counted) and ``weight`` (their total weight). A group with no labelled task
    gets NaN scores rather than zero: no evidence is not "no exposure".
    """
    keys = [by] if isinstance(by, str) else list(by)
    probs = label_probabilities(frame, label)
    w = frame[weight].astype(float).where(probs["p_e0"].notna())
    work = frame[keys].copy()
    work["w"] = w
    work["a"] = w * probs["p_e1"]
    work["b"] = w * (probs["p_e1"] + 0.5 * probs["p_e2"])
    work["z"] = w * (probs["p_e1"] + probs["p_e2"])
    work["n"] = w.notna().astype(int)
    sums = work.groupby(keys, sort=True, dropna=False)[["w", "a", "b", "z", "n"]].sum(min_count=1)
    total = sums["w"].where(sums["w"] > 0)
    out = pd.DataFrame(
        {
            "alpha": sums["a"] / total,
            "beta": sums["b"] / total,
            "zeta": sums["z"] / total,
            "tasks": sums["n"].fillna(0).astype(int),
            "weight": sums["w"].fillna(0.0),
        }
    ).reset_index()
    for column in ("alpha", "beta", "zeta"):
        out[column] = out[column].astype(float).clip(0, 1).where(out[column].notna(), np.nan)
    return out
