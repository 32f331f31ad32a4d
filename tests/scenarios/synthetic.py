"""A tiny synthetic workforce analysis and portfolio for the scenarios tests.

Three occupations in three departments and two locations, a handful of real O*NET tasks
(so task ids, DWA/IWA ids and the published labels of the shipped bundle apply) and one
task of the organisation's own, and a two-service portfolio: an automation service that
covers customer-service tasks by id and creates new roles, and an augmentation service
that covers a work activity of the bookkeepers, priced by tokens.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import yaml

from workshift.reference import ReferenceStore
from workshift.scenarios import (
    Assumptions,
    Draws,
    Policy,
    Portfolio,
    Simulation,
    Units,
    build_units,
    input_ranges,
    parse_portfolio,
    people_frame,
    sample_draws,
    simulate,
    task_coverage,
)
from workshift.scenarios._portfolio import merge
from workshift.text import HashingEmbedder

CSR = "43-4051.00"
BOOKS = "43-3031.00"
PACKERS = "53-7064.00"
OWN_TASK = "Answer customer e-mails about orders, returns and refunds"

# (onet_soc_code, occupation, task_id, task, weight, label, p_e0, p_e1, p_e2, source)
_TASKS: list[tuple[str, str, int | None, str, float, Any, float, float, float, str]] = [
    (CSR, "Customer Service Representatives", 2578,
     "Keep records of customer interactions or transactions, recording details of inquiries, "
     "complaints, or comments, as well as actions taken.", 2.0, "E2", 0.0, 0.0, 1.0, "human"),
    (CSR, "Customer Service Representatives", 2581,
     "Contact customers to respond to inquiries or to notify them of claim investigation "
     "results or any planned adjustments.", 2.0, "E2", 0.0, 0.0, 1.0, "human"),
    (CSR, "Customer Service Representatives", 18565,
     "Confer with customers by telephone or in person to provide information about products "
     "or services, take or enter orders, cancel accounts, or obtain details of complaints.",
     2.0, "E1", 0.0, 1.0, 0.0, "human"),
    (CSR, "Customer Service Representatives", 2586,
     "Solicit sales of new or additional services or products.", 1.0, "E1", 0.0, 1.0, 0.0,
     "human"),
    (CSR, "Customer Service Representatives", None, OWN_TASK, 2.0, np.nan, 0.2, 0.5, 0.3,
     "model"),
    (BOOKS, "Bookkeeping, Accounting, and Auditing Clerks", 2489,
     "Debit, credit, and total accounts on computer spreadsheets and databases, using "
     "specialized accounting software.", 2.0, np.nan, 0.1, 0.6, 0.3, "model"),
    (BOOKS, "Bookkeeping, Accounting, and Auditing Clerks", 2490,
     "Classify, record, and summarize numerical and financial data to compile and keep "
     "financial records, using journals and ledgers or computers.", 2.0, np.nan, 0.1, 0.7,
     0.2, "model"),
    (BOOKS, "Bookkeeping, Accounting, and Auditing Clerks", 2504,
     "Prepare trial balances of books.", 1.0, np.nan, 0.2, 0.5, 0.3, "model"),
    (BOOKS, "Bookkeeping, Accounting, and Auditing Clerks", 2495,
     "Operate 10-key calculators, typewriters, and copy machines to perform calculations and "
     "produce documents.", 2.0, np.nan, 0.7, 0.2, 0.1, "model"),
    (PACKERS, "Packers and Packagers, Hand", 3216,
     "Seal containers or materials, using glues, fasteners, nails, and hand tools.", 2.0,
     "E0", 1.0, 0.0, 0.0, "model"),
    (PACKERS, "Packers and Packagers, Hand", 3222,
     "Obtain, move, and sort products, materials, containers, and orders, using hand tools.",
     2.0, "E0", 1.0, 0.0, 0.0, "model"),
]  # fmt: skip

# (input_row, department, location, headcount, annual_cost of the row, [(onet_soc_code, share)])
_ROWS: list[tuple[int, str, str, float, float, list[tuple[str, float]]]] = [
    (0, "Customer Service", "Berlin", 40.0, 40 * 45000.0, [(CSR, 1.0)]),
    (1, "Customer Service", "Leipzig", 60.0, np.nan, [(CSR, 1.0)]),
    (2, "Finance", "Berlin", 20.0, 20 * 55000.0, [(BOOKS, 1.0)]),
    (3, "Finance", "Leipzig", 10.0, 10 * 50000.0, [(CSR, 0.5), (BOOKS, 0.5)]),
    (4, "Warehouse", "Leipzig", 50.0, 50 * 38000.0, [(PACKERS, 1.0)]),
]


@dataclass
class SyntheticWorkforce:
    rows: pd.DataFrame


@dataclass
class SyntheticAnalysis:
    """What :func:`workshift.scenarios.project` needs of an analysis."""

    summary: dict[str, Any]
    matches: pd.DataFrame
    tasks: pd.DataFrame
    unmatched: pd.DataFrame
    workforce: SyntheticWorkforce


def make_tasks() -> pd.DataFrame:
    columns = [
        "onet_soc_code", "occupation", "task_id", "task", "weight", "label",
        "p_e0", "p_e1", "p_e2", "source",
    ]  # fmt: skip
    frame = pd.DataFrame(_TASKS, columns=columns)
    frame["task_id"] = pd.array(frame["task_id"], dtype="Int64")
    return frame


def make_analysis() -> SyntheticAnalysis:
    rows = pd.DataFrame(
        [r[:5] for r in _ROWS],
        columns=["input_row", "department", "location", "headcount", "annual_cost"],
    )
    matches = pd.DataFrame(
        [(r[0], code, share) for r in _ROWS for code, share in r[5]],
        columns=["input_row", "onet_soc_code", "share"],
    )
    unmatched = pd.DataFrame(
        {
            "input_row": [5, 5, 6],
            "job_title": ["Wizard", "Wizard", ""],
            "reason": ["needs review: no candidate", "second reason", "no job title"],
        }
    )
    summary = {"rater": "human", "input_rows": 7}
    return SyntheticAnalysis(summary, matches, make_tasks(), unmatched, SyntheticWorkforce(rows))


PORTFOLIO: dict[str, Any] = {
    "currency": "USD",
    "services": [
        {
            "id": "chat",
            "name": "Customer chat",
            "business_area": "Customer Service",
            "mode": "automation",
            "launch": "2026-01-01",
            "covers": {"tasks": [2578, 2581, 18565]},
            "adoption": {
                "ceiling": {"low": 0.5, "mode": 0.7, "high": 0.9},
                "midpoint": [1.5, 2.5],
                "steepness": [1.0, 2.0],
            },
            "running_cost": {
                "requests_per_hour": [8, 12],
                "price_per_request": [0.002, 0.006],
                "energy_wh_per_request": [0.3, 3.0],
                "fixed_per_year": 20000,
            },
            "new_roles": {
                "ai_operations": {"per_100_fte_freed": [1, 3]},
                "ai_engineering": {"fte": [1, 2]},
            },
        },
        {
            "id": "ledger",
            "name": "Bookkeeping copilot",
            "business_area": "Finance",
            "mode": "augmentation",
            "launch": 2027,
            "covers": {"activities": ["4.A.3.b.6.I10"], "occupations": ["43-3031"]},
            "adoption": {"ceiling": [0.4, 0.8], "midpoint": 2, "steepness": 1.5},
            "running_cost": {
                "tokens_per_hour": [20000, 40000],
                "price_per_million_tokens": [1.0, 3.0],
                "energy_wh_per_1k_tokens": [0.05, 0.5],
            },
        },
    ],
}


def portfolio_data(**services: dict[str, Any]) -> dict[str, Any]:
    """The synthetic portfolio as data, with per-service fields deep-merged in (``covers``
    replaced as a whole)."""
    data = copy.deepcopy(PORTFOLIO)
    merged = []
    for raw in data["services"]:
        change = dict(services.get(raw["id"], {}))
        covers = change.pop("covers", raw["covers"])
        merged.append({**merge(raw, change), "covers": copy.deepcopy(covers)})
    data["services"] = merged
    return data


def make_portfolio(**services: dict[str, Any]) -> Portfolio:
    """The synthetic portfolio, e.g. ``make_portfolio(chat={"launch": 2028})``."""
    return parse_portfolio(yaml.safe_dump(portfolio_data(**services)), "portfolio.yaml")


def make_units(portfolio: Portfolio, assumptions: Assumptions, store: ReferenceStore) -> Units:
    """Units of the synthetic analysis (coverage by the hashing embedder)."""
    analysis = make_analysis()
    found = task_coverage(
        portfolio,
        analysis.tasks,
        store,
        HashingEmbedder(),
        float(assumptions.value("min_similarity")),
    )
    people = people_frame(analysis.workforce.rows, analysis.matches)
    return build_units(people, analysis.tasks, found.coverage, portfolio, store, assumptions)


def policy_of(assumptions: Assumptions) -> Policy:
    return Policy(
        redeploy_within=assumptions.value("redeploy_within"),
        hiring_freeze_years=int(assumptions.value("hiring_freeze_years")),
        exits=assumptions.value("exits"),
    )


def run(
    units: Units,
    portfolio: Portfolio,
    assumptions: Assumptions,
    *,
    draws: int = 200,
    seed: int = 3,
    policy: Policy | None = None,
    quantiles: bool = False,
) -> Simulation:
    """Simulate with draws sampled from the assumptions and portfolio."""
    years = list(range(assumptions.years[0], assumptions.years[1] + 1))
    sample: Draws = sample_draws(input_ranges(assumptions, portfolio), draws, seed)
    return simulate(
        units, portfolio, sample, years, policy or policy_of(assumptions), quantiles=quantiles
    )
