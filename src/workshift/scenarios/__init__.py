"""Scenarios: AI service portfolio, adoption curves, cost and energy, Monte Carlo ranges over time.

Read a portfolio (:func:`read_portfolio`) and assumptions (:func:`load_assumptions`: a
preset and a scenario file), then :func:`project` an analysed workforce: every metric per
year and group as P10/P50/P90, the assumptions, the drivers, the task coverage. See
docs/design/scenarios.md.
"""

from __future__ import annotations

from workshift.scenarios._adoption import adoption
from workshift.scenarios._assumptions import PRESETS, Assumptions, load_assumptions, parse_years
from workshift.scenarios._coverage import COVERAGE_COLUMNS, CoverageResult, task_coverage
from workshift.scenarios._documents import Document, load_document, parse_document
from workshift.scenarios._draws import Draws, design_draws, input_ranges, sample_draws
from workshift.scenarios._engine import (
    CELL_METRICS,
    GROUP_BYS,
    PROJECTION_COLUMNS,
    SERVICE_METRICS,
    Policy,
    Simulation,
    simulate,
)
from workshift.scenarios._money import (
    Money,
    convert_costs,
    convert_portfolio,
    currency_totals,
    money_settings,
)
from workshift.scenarios._portfolio import (
    Portfolio,
    Service,
    new_role_catalogue,
    parse_portfolio,
    read_portfolio,
)
from workshift.scenarios._projection import (
    NEW_ROLE_COLUMNS,
    REDUCTION_COLUMNS,
    UNIT_GROUP_COLUMNS,
    UNIT_GROUP_METRICS,
    WATERFALL_COLUMNS,
    Projection,
    project,
    write_projection,
)
from workshift.scenarios._sensitivity import SENSITIVITY_COLUMNS, sensitivity
from workshift.scenarios._uncertain import Uncertain
from workshift.scenarios._units import Units, build_units, people_frame

__all__ = [
    "CELL_METRICS",
    "COVERAGE_COLUMNS",
    "GROUP_BYS",
    "NEW_ROLE_COLUMNS",
    "PRESETS",
    "PROJECTION_COLUMNS",
    "REDUCTION_COLUMNS",
    "SENSITIVITY_COLUMNS",
    "SERVICE_METRICS",
    "UNIT_GROUP_COLUMNS",
    "UNIT_GROUP_METRICS",
    "WATERFALL_COLUMNS",
    "Assumptions",
    "CoverageResult",
    "Document",
    "Draws",
    "Money",
    "Policy",
    "Portfolio",
    "Projection",
    "Service",
    "Simulation",
    "Uncertain",
    "Units",
    "adoption",
    "build_units",
    "convert_costs",
    "convert_portfolio",
    "currency_totals",
    "design_draws",
    "input_ranges",
    "load_assumptions",
    "load_document",
    "money_settings",
    "new_role_catalogue",
    "parse_document",
    "parse_portfolio",
    "parse_years",
    "people_frame",
    "project",
    "read_portfolio",
    "sample_draws",
    "sensitivity",
    "simulate",
    "task_coverage",
    "write_projection",
]
