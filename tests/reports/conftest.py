"""A small synthetic analysis with exactly the columns of the report contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pytest

from workshift.reference import ReferenceStore

MALICIOUS = '<script>alert("owned")</script>'
FORMULA = '=HYPERLINK("http://example.invalid","click")'


@dataclass
class SyntheticAnalysis:
    """Shaped like workshift.pipeline.Analysis, without the workforce."""

    summary: dict[str, Any]
    roles: pd.DataFrame
    tasks: pd.DataFrame
    departments: pd.DataFrame
    locations: pd.DataFrame
    department_task_groups: pd.DataFrame
    unmatched: pd.DataFrame
    matches: pd.DataFrame
    titles: pd.DataFrame
    extra: dict[str, Any] = field(default_factory=dict)


def make_analysis() -> SyntheticAnalysis:
    summary = {
        "headcount": 1234.0,
        "headcount_unscored": 6.0,
        "alpha_mean": 0.1234,
        "beta_mean": 0.3876,
        "zeta_mean": 0.6012,
        "share_beta_ge_10pct": 0.862,
        "share_beta_gt_50pct": 0.3549,
        "share_beta_gt_50pct_low": 0.31,
        "share_beta_gt_50pct_high": 0.402,
        "confident_share": 0.874,
        "fte": 1180.5,
        "input_rows": 1300,
        "analysed_rows": 1290,
        "unmatched_rows": 10,
        "headcount_input": 1250.0,
        "rater": "human",
        "bundle_version": ReferenceStore().version,
        "note": "Exposure is the share of task time an LLM could speed up by half or more; "
        "it is not job loss.",
        "model_task_share": 0.0815,
        "source_file": "staff_2025.csv",
    }
    roles = pd.DataFrame(
        {
            "onet_soc_code": ["43-4051.00", "15-1252.00", "53-7064.00", "11-1021.00"],
            "occupation": [
                "Customer Service Representatives",
                MALICIOUS,
                "Packers and Packagers, Hand",
                "General and Operations Managers",
            ],
            "headcount": [600.0, 300.0, 250.0, 84.0],
            "alpha": [0.2, 0.05, 0.0, 0.1],
            "beta": [0.55, 0.45, 0.1, 0.35],
            "zeta": [0.9, 0.84, 0.2, 0.6],
            "tasks": [12, 18, 9, 20],
            "model_task_share": [0.0, 0.25, 0.0, np.nan],
            "beta_gpt4": [0.7, 0.87, 0.1, np.nan],
            "microsoft_ai_applicability": [0.45, 0.28, 0.07, np.nan],
            "anthropic_observed_exposure": [0.31, 0.29, 0.0, np.nan],
            "automation_share": [0.4, 0.2, 0.0, np.nan],
        }
    )
    tasks = pd.DataFrame(
        {
            "onet_soc_code": ["43-4051.00", "43-4051.00", "15-1252.00", "53-7064.00"],
            "occupation": [
                "Customer Service Representatives",
                "Customer Service Representatives",
                MALICIOUS,
                "Packers and Packagers, Hand",
            ],
            "task_id": pd.array([101, 102, pd.NA, 104], dtype="Int64"),
            "task": [
                "Answer customer questions by email.",
                "Keep records of customer interactions.",
                "Write code " + MALICIOUS,
                "Pack goods into boxes.",
            ],
            "task_type": ["Core", "Supplemental", "Core", "Core"],
            "weight": [2.0, 1.0, 2.0, 2.0],
            "label": ["E1", "E2", np.nan, "E0"],
            "p_e0": [0.0, 0.0, 0.2, 1.0],
            "p_e1": [1.0, 0.0, 0.5, 0.0],
            "p_e2": [0.0, 1.0, 0.3, 0.0],
            "alpha": [1.0, 0.0, 0.5, 0.0],
            "beta": [1.0, 0.5, 0.65, 0.0],
            "zeta": [1.0, 1.0, 0.8, 0.0],
            "source": ["human", "human", "model", "gpt4"],
            "automation": ["T3", "T1", np.nan, "T0"],
            "task_group": [
                "Communicating with People Outside the Organization",
                "Documenting/Recording Information",
                "Other",
                "Handling and Moving Objects",
            ],
            "headcount": [600.0, 600.0, 300.0, 250.0],
        }
    )
    departments = pd.DataFrame(
        {
            "department": ["Service", "IT <b>bold</b>", "Warehouse"],
            "headcount": [600.0, 300.0, 334.0],
            "alpha": [0.2, 0.05, 0.03],
            "beta": [0.55, 0.45, 0.16],
            "zeta": [0.9, 0.84, 0.3],
        }
    )
    locations = pd.DataFrame(
        {
            "location": ["Leipzig", "Berlin"],
            "headcount": [900.0, 334.0],
            "alpha": [0.15, 0.03],
            "beta": [0.5, 0.16],
            "zeta": [0.87, 0.3],
        }
    )
    department_task_groups = pd.DataFrame(
        {
            "department": ["Service", "Service", "IT <b>bold</b>", "Warehouse", "Warehouse"],
            "task_group": [
                "Communicating with People Outside the Organization",
                "Documenting/Recording Information",
                "Other",
                "Handling and Moving Objects",
                "Documenting/Recording Information",
            ],
            "headcount": [600.0, 600.0, 300.0, 334.0, 84.0],
            "beta": [0.9, 0.5, 0.45, 0.0, np.nan],
        }
    )
    unmatched = pd.DataFrame(
        {
            "input_row": [5, 17, 18, 40],
            "job_title": ["Fulfillment Associate", "Fulfillment Associate", "", FORMULA],
            "reason": [
                "needs review: best guess 53-7065.00 Stockers and Order Fillers (confidence 0.41)",
                "needs review: best guess 53-7065.00 Stockers and Order Fillers (confidence 0.41)",
                "no job title",
                "needs review: no candidate",
            ],
        }
    )
    matches = pd.DataFrame(
        {
            "input_row": [0, 1, 2],
            "onet_soc_code": ["43-4051.00", "15-1252.00", "53-7064.00"],
            "share": [1.0, 0.5, 1.0],
            "decided_by": ["occupation_code", "model", "exact_title"],
            "confidence": [1.0, 0.83, 0.99],
            "note": ["", "", ""],
        }
    )
    titles = pd.DataFrame(
        {
            "title": ["Fulfillment Associate", FORMULA],
            "rows": [2, 1],
            "headcount": [2.0, 1.0],
            "fte": [1.5, 1.0],
            "decided_by": ["candidates", "model"],
            "occupation_confidence": [0.41, 0.7],
            "exposure_confidence": [0.8, 0.7],
            "beta": [0.2, 0.5],
            "beta_low": [0.1, 0.5],
            "beta_high": [0.3, 0.5],
            "narrows_share_gt_50pct": [0.0, 0.0],
            "narrows_beta_mean": [0.0003, 0.0],
        }
    )
    return SyntheticAnalysis(
        summary,
        roles,
        tasks,
        departments,
        locations,
        department_task_groups,
        unmatched,
        matches,
        titles,
    )


@pytest.fixture(scope="session")
def store() -> ReferenceStore:
    """The shipped bundle (its manifest lists the sources and their attribution)."""
    return ReferenceStore()


@pytest.fixture
def analysis() -> SyntheticAnalysis:
    return make_analysis()
