"""Coding ranges: bounds contain the point figure, are exact, and narrow when settled."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift.exposure import PLAUSIBLE, exposure_by, ranged_summary, title_review, unit_exposure

_DECIDED = ["candidates", "model", "override", "occupation_code"]


@st.composite
def codings(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    n_occ = draw(st.integers(2, 6))
    beta = draw(st.lists(st.floats(0, 1), min_size=n_occ, max_size=n_occ))
    scores = pd.DataFrame(
        {
            "onet_soc_code": [f"o{i}" for i in range(n_occ)],
            "alpha": [b / 2 for b in beta],
            "beta": beta,
            "zeta": [min(1.0, b + 0.1) for b in beta],
        }
    )
    units = []
    n_units = draw(st.integers(1, 5))
    for unit in range(n_units):
        decided = draw(st.sampled_from(_DECIDED))
        k = draw(st.integers(1, min(3, n_occ))) if decided == "candidates" else 1
        picks = draw(st.permutations(range(n_occ)))[:k]
        conf = draw(st.lists(st.floats(0.01, 0.5), min_size=k, max_size=k))
        total = sum(conf)
        for rank, (occ, c) in enumerate(zip(picks, conf, strict=True), start=1):
            units.append(
                {
                    "unit": unit,
                    "kind": "title",
                    "value": f"title {unit}",
                    "rank": rank,
                    "onet_soc_code": f"o{occ}",
                    "occupation": f"O{occ}",
                    "confidence": c,
                    "weight": c / total if decided == "candidates" else float(rank == 1),
                    "decided_by": decided,
                }
            )
    unit_frame = pd.DataFrame(units)
    n_rows = draw(st.integers(1, 12))
    rows = pd.DataFrame(
        {
            "unit": draw(st.lists(st.integers(0, n_units - 1), min_size=n_rows, max_size=n_rows)),
            "headcount": draw(st.lists(st.integers(1, 9), min_size=n_rows, max_size=n_rows)),
            "department": draw(st.lists(st.sampled_from("AB"), min_size=n_rows, max_size=n_rows)),
        }
    )
    return unit_frame, scores, rows


def _rows(units: pd.DataFrame, scores: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    exposure = unit_exposure(units, scores)
    out = rows.merge(exposure, on="unit", how="left")
    out["fte"] = out["headcount"].astype(float)
    return out


@settings(max_examples=60, deadline=None)
@given(codings())
def test_bounds_contain_the_figure_and_every_choice(
    case: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame],
) -> None:
    units, scores, rows = case
    frame = _rows(units, scores, rows)
    summary = ranged_summary(frame)
    for key in ("beta_mean", "alpha_mean", "share_beta_gt_50pct", "share_beta_ge_10pct"):
        assert summary[f"{key}_low"] <= summary[key] + 1e-12 <= summary[f"{key}_high"] + 2e-12
    # Choosing, for every unsure unit, any one plausible candidate gives a figure inside
    # the bounds.
    beta = scores.set_index("onet_soc_code")["beta"]
    plausible = units.loc[units["weight"] >= PLAUSIBLE]
    choice = plausible.groupby("unit")["onet_soc_code"].first().map(beta)
    picked = rows["unit"].map(choice)
    mean = float(np.average(picked, weights=rows["headcount"]))
    assert summary["beta_mean_low"] - 1e-9 <= mean <= summary["beta_mean_high"] + 1e-9
    groups = exposure_by(frame, ["department"])
    assert (groups["beta_low"] <= groups["beta"] + 1e-12).all()
    assert (groups["beta"] <= groups["beta_high"] + 1e-12).all()
    assert groups["headcount"].sum() == rows["headcount"].sum()
    assert 0 <= summary["confident_share"] <= 1


@settings(max_examples=40, deadline=None)
@given(codings())
def test_settling_a_title_narrows_the_range_by_what_the_review_says(
    case: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame],
) -> None:
    units, scores, rows = case
    frame = _rows(units, scores, rows)
    before = ranged_summary(frame)
    review = title_review(units, unit_exposure(units, scores), frame, scores)
    if review.empty:
        return
    first = review.iloc[0]
    settled = units.copy()
    unit = settled.loc[settled["value"] == first["title"], "unit"].iloc[0]
    mine = settled["unit"] == unit
    settled.loc[mine, "decided_by"] = "override"
    settled.loc[mine, "weight"] = (settled.loc[mine, "rank"] == 1).astype(float)
    after = ranged_summary(_rows(settled, scores, rows))
    width = before["share_beta_gt_50pct_high"] - before["share_beta_gt_50pct_low"]
    narrowed = after["share_beta_gt_50pct_high"] - after["share_beta_gt_50pct_low"]
    assert np.isclose(narrowed, width - first["narrows_share_gt_50pct"])
    # The review is ordered: the first title narrows the range at least as much as any.
    assert first["narrows_share_gt_50pct"] >= review["narrows_share_gt_50pct"].max() - 1e-12


def test_similar_candidates_settle_exposure_not_occupation() -> None:
    units = pd.DataFrame(
        {
            "unit": [0, 0, 0],
            "rank": [1, 2, 3],
            "onet_soc_code": ["a", "b", "c"],
            "occupation": ["A", "B", "C"],
            "confidence": [0.3, 0.3, 0.2],
            "weight": [0.375, 0.375, 0.25],
            "decided_by": ["candidates"] * 3,
        }
    )
    scores = pd.DataFrame(
        {"onet_soc_code": ["a", "b", "c"], "alpha": 0.1, "beta": [0.40, 0.45, 0.42], "zeta": 0.5}
    )
    out = unit_exposure(units, scores).iloc[0]
    assert out["occupation_confidence"] == 0.3
    assert out["exposure_confidence"] == 0.8  # all three within 0.10 of the expected beta
    assert out["beta_low"] == 0.40 and out["beta_high"] == 0.45


def test_empty_summary_is_none_not_nan() -> None:
    frame = pd.DataFrame(
        columns=["headcount", "decided_by", "beta", "beta_low", "beta_high", "exposure_confidence",
                 "alpha", "alpha_low", "alpha_high", "zeta", "zeta_low", "zeta_high"]
    )  # fmt: skip
    summary = ranged_summary(frame)
    assert summary["beta_mean"] is None and summary["share_beta_gt_50pct"] is None
