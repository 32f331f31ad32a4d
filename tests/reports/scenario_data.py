"""A small synthetic scenario projection with exactly the columns of the report contract.

Shaped like ``workshift.scenarios.Projection`` (docs/design/scenarios.md, "Contract for
the report") without running the engine: two years, two departments (one with markup in
its name), two services, a sensitivity frame for two metrics.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

MALICIOUS = '<script>alert("owned")</script>'
YEARS = (2026, 2027)


@dataclass
class SyntheticProjection:
    """Shaped like workshift.scenarios.Projection."""

    summary: dict[str, Any]
    projection: pd.DataFrame
    assumptions: pd.DataFrame
    sensitivity: pd.DataFrame
    waterfall: pd.DataFrame
    coverage: pd.DataFrame
    not_projected: pd.DataFrame


# organisation per year: metric -> (p10, p50, p90) for 2026 and 2027
_ORGANISATION: dict[str, tuple[tuple[float, float, float], tuple[float, float, float]]] = {
    "headcount": ((1180.0, 1190.0, 1200.0), (1120.0, 1150.0, 1175.0)),
    "fte_equivalent": ((10.0, 20.0, 35.0), (30.0, 52.5, 80.0)),
    "hours_freed": ((17000.0, 34000.0, 59500.0), (51000.0, 89250.0, 136000.0)),
    "surplus_headcount": ((0.0, 4.0, 9.0), (8.0, 17.0, 30.0)),
    "new_roles_fte": ((2.0, 3.0, 4.0), (4.0, 6.0, 8.5)),
    "labour_cost_saved": ((6.0e5, 1.2e6, 2.1e6), (1.8e6, 3.15e6, 4.8e6)),
    "ai_cost": ((2.0e5, 2.5e5, 3.1e5), (3.0e5, 3.8e5, 4.6e5)),
    "net_benefit": ((-1.0e5, 6.5e5, 1.5e6), (9.0e5, 2.2e6, 3.9e6)),
    "energy_kwh": ((40000.0, 52000.0, 61000.0), (70000.0, 88000.0, 99000.0)),
    "co2_kg": ((9000.0, 12000.0, 15500.0), (15000.0, 20100.0, 24000.0)),
    "exits": ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
}
_DEPARTMENTS: dict[str, dict[str, tuple[float, float, float]]] = {
    "Customer Service": {
        "headcount": (690.0, 705.0, 720.0),
        "fte_equivalent": (25.0, 40.0, 60.0),
        "surplus_headcount": (6.0, 14.0, 25.0),
    },
    MALICIOUS: {
        "headcount": (430.0, 445.0, 455.0),
        "fte_equivalent": (5.0, 12.5, 20.0),
        "surplus_headcount": (2.0, 3.0, 5.0),
    },
}
_SERVICES: dict[str, dict[str, tuple[float, float, float]]] = {
    "cs-assistant": {
        "hours_freed": (40000.0, 70000.0, 100000.0),
        "ai_cost": (2.0e5, 2.6e5, 3.2e5),
        "energy_kwh": (50000.0, 60000.0, 70000.0),
        "co2_kg": (11000.0, 13700.0, 16000.0),
    },
    "invoice-ai": {
        "hours_freed": (11000.0, 19250.0, 36000.0),
        "ai_cost": (1.0e5, 1.2e5, 1.4e5),
        "energy_kwh": (20000.0, 28000.0, 29000.0),
        "co2_kg": (4000.0, 6400.0, 8000.0),
    },
}


def _rows(
    group_by: str, group: str, year: int, values: dict[str, tuple[float, float, float]]
) -> list[dict[str, Any]]:
    return [
        {
            "year": year,
            "group_by": group_by,
            "group": group,
            "metric": metric,
            "p10": p10,
            "p50": p50,
            "p90": p90,
            "mean": p50,
        }
        for metric, (p10, p50, p90) in values.items()
    ]


def make_projection() -> SyntheticProjection:
    rows: list[dict[str, Any]] = []
    for index, year in enumerate(YEARS):
        organisation = {metric: values[index] for metric, values in _ORGANISATION.items()}
        rows += _rows("organisation", "all", year, organisation)
    for name, values in _DEPARTMENTS.items():
        rows += _rows("department", name, YEARS[-1], values)
    for name, values in _SERVICES.items():
        rows += _rows("service", name, YEARS[-1], values)
    summary = {
        "years": list(YEARS),
        "draws": 2000,
        "seed": 1,
        "preset": "base",
        "currency": "EUR",
        "headcount_start": 1200.0,
        "headcount_projected": {"p10": 1120.0, "p50": 1150.0, "p90": 1175.0, "mean": 1148.0},
        "ai_effect_final_year": {"p10": -40.0, "p50": -30.0, "p90": -20.0, "mean": -30.5},
        "without_ai": {
            "attrition": {"p10": 150.0, "p50": 160.0, "p90": 170.0, "mean": 160.0},
            "hires": {"p10": 128.5, "p50": 138.5, "p90": 148.5, "mean": 138.5},
            "headcount_end": {"p10": 1170.0, "p50": 1178.5, "p90": 1185.0, "mean": 1178.5},
            "headcount_start": 1200.0,
        },
        "headcount_basis": {
            "people_input": 1260.0,
            "rows_input": 1010,
            "people_not_projected": 3.0,
            "rows_not_projected": 3,
            "people_projected": 1257.0,
            "people_scored": 1240.5,
            "people_unscored": 16.5,
            "rows_unscored": 2,
            "fte_projected": 1200.0,
            "rows_without_fte": 1,
            "part_time_gap": 57.0,
        },
        "money": {
            "currency": "EUR",
            "exchange_rates": {"USD": 0.92},
            "rates_file": "scenario.yaml",
            "workforce": [
                {
                    "currency": "EUR",
                    "rows": 700,
                    "amount": 3.0e7,
                    "rate": 1.0,
                    "converted": 3.0e7,
                    "basis": "scenario workforce_currency.by_country",
                },
                {
                    "currency": "USD",
                    "rows": 307,
                    "amount": 1.0e7,
                    "rate": 0.92,
                    "converted": 9.2e6,
                    "basis": "country of the row",
                },
            ],
            "portfolio_currency": "USD",
            "wage_currency": "USD",
        },
        "service_names": {
            "cs-assistant": "Customer-service assistant",
            "invoice-ai": "Invoice reader",
        },
        "new_role_names": {
            "ai_operations": {"en": "AI operations and oversight", "de": "KI-Betrieb und -Aufsicht"}
        },
        "not_projected_rows": 3,
        "bundle_version": "2025.1",
        "portfolio_file": "examples/portfolio.yaml",
        "scenario_file": None,
        "note": "A range under stated assumptions, not a forecast.",
    }
    assumptions = pd.DataFrame(
        {
            "parameter": [
                "realisation",
                "adoption.ceiling",
                "redeploy_within",
                "attrition_scale",
                "launch",
                "price_per_request",
                "new_roles.ai_operations.per_100_fte_freed",
            ],
            "scope": [
                "all",
                "cs-assistant",
                "all",
                MALICIOUS,
                "cs-assistant",
                "invoice-ai",
                "invoice-ai",
            ],
            "low": [0.4, 0.5, np.nan, 0.8, 2025.5, 0.002, 1.0],
            "mode": [0.6, 0.7, "location", 1.0, 2025.5, 0.004, 2.0],
            "high": [0.8, 0.9, np.nan, 1.25, 2025.5, 0.006, 3.0],
            "unit": ["share", "share", "", "factor", "year", "currency/request", "FTE"],
            "source": [
                "preset base",
                "scenario file s.yaml",
                "scenario file s.yaml",
                "BLS",
                "portfolio p.yaml",
                "portfolio p.yaml",
                "portfolio p.yaml",
            ],
            "description": [
                "Share of the time saved that is actually realised.",
                "Highest adoption the service reaches.",
                "How far people move.",
                "Multiplier on attrition and retirement rates.",
                "Launch date as a decimal year.",
                "price",
                "new-role demand",
            ],
        }
    )
    inputs = [f"input_{i:02d}" for i in range(11)]
    inputs += ["e2_weight", "cs-assistant.adoption.ceiling", "replaced below"]
    swings = [float(i + 1) for i in range(14)]
    sensitivity = pd.DataFrame(
        {
            "metric": "headcount",
            "input": inputs,
            "low": [0.1 * (i + 1) for i in range(14)],
            "high": [0.2 * (i + 1) for i in range(14)],
            "value_low": [1150.0 - s / 2 for s in swings],
            "value_high": [1150.0 + s / 2 for s in swings],
            "base": 1150.0,
            "swing": swings,
            "spread_share": [s / sum(swings) for s in swings],
        }
    )
    sensitivity.loc[13, "input"] = MALICIOUS
    money = sensitivity.head(3).assign(
        metric="net_benefit", base=2.2e6, value_low=1.5e6, value_high=2.9e6, swing=1.4e6
    )
    waterfall = pd.DataFrame(
        {
            "step": [
                "headcount_start",
                "churn_without_ai",
                "ai_fewer_hires",
                "ai_fewer_leavers",
                "redeployment_to_new_roles",
                "exits",
                "new_roles",
                "headcount_end",
            ],
            "value": [1200.0, -21.5, -40.0, 3.0, -4.0, 0.0, 10.5, 1148.0],
            "part": ["start", "churn", "ai", "ai", "ai", "ai", "ai", "end"],
        }
    )
    coverage = pd.DataFrame(
        {
            "service_id": ["cs-assistant", "cs-assistant", "cs-assistant", "invoice-ai"],
            "onet_soc_code": ["43-4051.00", "43-4051.00", "43-4171.00", "43-3031.00"],
            "occupation": [
                "Customer Service Representatives",
                "Customer Service Representatives",
                "Receptionists and Information Clerks",
                "Bookkeeping, Accounting, and Auditing Clerks",
            ],
            "task_id": pd.array([101, 102, 103, pd.NA], dtype="Int64"),
            "task": ["Answer questions.", "Keep records.", "Greet visitors.", "Check invoices."],
            "matched_by": [
                "task 101",
                "task 102",
                "activity 4.A.4.a.8.I03.D01",
                "description: Check in...",
            ],
            "similarity": [np.nan, np.nan, np.nan, 0.71],
            "share": [1.0, 1.0, 0.5, 1.0],
        }
    )
    not_projected = pd.DataFrame(
        {
            "input_row": [4, 9, 12],
            "reason": [
                "needs review: best guess 53-7065.00 Stockers (confidence 0.33)",
                "needs review: best guess 43-4051.00 Customer Service (confidence 0.47)",
                "no job title",
            ],
        }
    )
    return SyntheticProjection(
        summary,
        pd.DataFrame(rows),
        assumptions,
        pd.concat([sensitivity, money], ignore_index=True),
        waterfall,
        coverage,
        not_projected,
    )
