"""A small synthetic redeployment plan with exactly the columns of the report contract.

Six people in two departments (one named with markup): three assigned (one sharing work
and learning nothing, one learning in modules and on the job, one changing site), two
not assigned because the openings are full (one near miss needs a skill no course
teaches), one without an occupation. Flows, gaps and departments add up to the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

MALICIOUS = '<script>alert("owned")</script>'
SERVICE = "Customer Service"
LOCALISATION = f"Localisation {MALICIOUS}"


@dataclass
class SyntheticRedeployment:
    """Shaped like workshift.reskilling.Redeployment, without candidates and profiles."""

    summary: dict[str, Any]
    plan: pd.DataFrame
    flows: pd.DataFrame
    gaps: pd.DataFrame
    departments: pd.DataFrame
    openings: pd.DataFrame
    skills_unresolved: pd.DataFrame


_FULL = "openings full (capacity)"
_NO_OCCUPATION = "no occupation: needs review: best guess 43-4051.00 (confidence 0.39)"


def make_plan() -> pd.DataFrame:
    rows = [
        # employee, status, opening, target code, target, origin code, origin, department,
        # location, relocates, fit, hours, cost, modules, gap skills, on the job, shared,
        # reason, near misses
        ("E1", "assigned", "OP-1", "43-5011.00", "Cargo and Freight Agents", "43-4051.00",
         "Customer Service Representatives", SERVICE, "Austin", False, 0.81, 0.0, 0.0, "", "",
         "", "Provide notifications to customers.; Recommend shipping methods.", "", ""),
        ("E2", "assigned", "OP-2", "ai_trainer", "AI trainer", "43-4051.00",
         "Customer Service Representatives", SERVICE, "Austin", False, 0.5625, 44.0, 1240.0,
         "AIFLU-EN; WRITE-EN", f"Writing; Active Learning; {MALICIOUS} software",
         f"{MALICIOUS} software", "", "", ""),
        ("E3", "assigned", "OP-3", "ai_ml_engineer", "AI/ML engineer", "27-3091.00",
         "Interpreters and Translators", LOCALISATION, "Berlin", True, 0.13, 630.0, 14380.0,
         "MATH-ML-EN; DL-EN", "Mathematics; Programming", "", "", "", ""),
        ("E4", "not_assigned", "", "", "", "43-4051.00", "Customer Service Representatives",
         SERVICE, "Austin", pd.NA, np.nan, 0.0, 0.0, "", "", "", "", _FULL,
         "OP-2 AI trainer (fit 0.56; 144 h) | OP-9 Supply Chain Managers (fit 0.65; not taught "
         "in en: Management of Material Resources)"),
        ("E5", "not_assigned", "", "", "", "27-3091.00", "Interpreters and Translators",
         LOCALISATION, "Berlin", pd.NA, np.nan, 0.0, 0.0, "", "", "", "", _FULL,
         "OP-3 AI/ML engineer (fit 0.12; 630 h; fit below the 0.2 minimum; over the 480 h "
         "limit)"),
        ("E6", "not_assigned", "", "", "", "", "", "", "Austin", pd.NA, np.nan, 0.0, 0.0, "", "",
         "", "", _NO_OCCUPATION, ""),
    ]  # fmt: skip
    columns = [
        "employee_id", "status", "opening_id", "target_code", "target", "origin_code",
        "origin", "department", "location", "relocates", "fit", "training_hours",
        "training_cost", "modules", "gap_skills", "on_the_job", "shared_activities",
        "reason", "near_misses",
    ]  # fmt: skip
    plan = pd.DataFrame(rows, columns=columns)
    plan["relocates"] = plan["relocates"].astype("boolean")
    # E3 moves from Berlin to an opening in another country, with consent to move abroad.
    plan["abroad"] = plan["relocates"].copy()
    plan["languages"] = ["en", "en", "de; en", "en", "de", ""]
    plan["languages_from"] = ["site country US", "site country US",
                              "site country DE; listed skills", "site country US",
                              "site country DE", "unknown"]  # fmt: skip
    plan["strengths"] = ["Active Listening; Speaking", *[""] * (len(plan) - 1)]
    plan["education"] = ["", "Bachelor's Degree (today's occupation: High School Diploma)",
                         *[""] * (len(plan) - 2)]  # fmt: skip
    return plan


def make_redeployment() -> SyntheticRedeployment:
    plan = make_plan()
    summary: dict[str, Any] = {
        "affected": 6,
        "assigned": 3,
        "not_assigned": 3,
        "reasons": {_FULL: 2, _NO_OCCUPATION: 1},
        "retained_share": 0.5,
        "training_hours": 674.0,
        "training_cost": 15620.0,
        "budget": 20000.0,
        "retention_value": 1.0,
        "objective": 4.5025,
        "greedy_objective": 4.2,
        "gain": 0.3025,
        "greedy_assigned": 3,
        "comparison": {
            "exact": {
                "people": 3,
                "training_hours": 674.0,
                "training_cost": 15620.0,
                "relocations": 1,
                "abroad": 1,
                "mean_fit": 0.5008,
            },
            "greedy": {
                "people": 2,
                "training_hours": 44.0,
                "training_cost": 28020.0,
                "relocations": 0,
                "abroad": 0,
                "mean_fit": 0.6863,
            },
            "difference": {
                "people": 1,
                "training_hours": 630.0,
                "training_cost": -12400.0,
                "relocations": 1,
                "abroad": 1,
                "mean_fit": -0.1855,
            },
        },
        "min_fit": 0.2,
        "max_training_hours": 480.0,
        "optimal": True,
        "solver": {"status": "optimal", "mip_gap": 0.0, "seconds": 0.038},
        "openings": 3,
        "capacity": 3,
        "candidate_pairs": 9,
        "blocked_pairs": 1,
        "selection": "listed in affected.csv",
        "priority": {"protected": 1.0, "tenure_years": 0.02},
        "skills_unresolved": 1,
        "source_file": "workforce.csv",
        "openings_file": "openings.csv",
        "catalogue_file": "courses.csv",
        "bundle_version": "test-bundle",
        "note": "A plan to discuss, not a decision.",
    }
    flows = pd.DataFrame(
        {
            "origin_code": ["43-4051.00", "43-4051.00", "27-3091.00", "43-4051.00",
                            "27-3091.00", np.nan],
            "origin": ["Customer Service Representatives", "Customer Service Representatives",
                       "Interpreters and Translators", "Customer Service Representatives",
                       "Interpreters and Translators", "no occupation"],
            "target_code": ["43-5011.00", "ai_trainer", "ai_ml_engineer", "", "", ""],
            "target": ["Cargo and Freight Agents", "AI trainer", "AI/ML engineer",
                       "not assigned", "not assigned", "not assigned"],
            "people": [1, 1, 1, 1, 1, 1],
        }
    )  # fmt: skip
    gaps = pd.DataFrame(
        {
            "department": [LOCALISATION, LOCALISATION, SERVICE, SERVICE, SERVICE],
            "skill_id": ["onet:2.A.1.e", "onet:2.B.3.e", "onet:2.A.1.c", "onet:2.A.2.b",
                         "tech:evil software"],
            "skill": ["Mathematics", "Programming", "Writing", "Active Learning",
                      f"{MALICIOUS} software"],
            "people": [1, 1, 1, 1, 1],
        }
    )  # fmt: skip
    departments = pd.DataFrame(
        {
            "department": [SERVICE, LOCALISATION, ""],
            "affected": [3, 2, 1],
            "assigned": [2, 1, 0],
            "not_assigned": [1, 1, 1],
            "training_hours": [44.0, 630.0, 0.0],
            "training_cost": [1240.0, 14380.0, 0.0],
        }
    )
    openings = pd.DataFrame(
        {
            "input_row": [0, 1, 2],
            "opening_id": ["OP-1", "OP-2", "OP-3"],
            "target_code": ["43-5011.00", "ai_trainer", "ai_ml_engineer"],
            "role": ["Cargo and freight agent", "KI-Trainer:in", "AI/ML engineer"],
            "capacity": [2, 1, 1],
            "location": ["Austin", "Austin", "Seattle"],
            "country": ["US", "US", "US"],
            "relocation": [False, False, True],
            "target": ["Cargo and Freight Agents", "AI trainer", "AI/ML engineer"],
            "filled": [1, 1, 1],
            "left": [1, 0, 0],
        }
    )
    unresolved = pd.DataFrame(
        {
            "file": ["affected.csv"],
            "row": [4],
            "column": ["skills"],
            "value": ["Englisch"],
            "reason": ["unknown skill 'Englisch'"],
        }
    )
    return SyntheticRedeployment(summary, plan, flows, gaps, departments, openings, unresolved)
