"""Workforce in: reading HR exports (CSV, XLSX, Parquet) with errors that name file, row
and column, then mapping their columns, validating each row and pseudonymising employee
ids into a :class:`Workforce`.
"""

from __future__ import annotations

from workshift.workforce._ingest import (
    COLUMN_ALIASES,
    PSEUDONYM_KEY_ENV,
    REJECTED_COLUMNS,
    WORKFORCE_COLUMNS,
    Workforce,
    column_key,
    ingest_frame,
    pseudonymise,
    read_workforce,
)
from workshift.workforce._numbers import parse_number, uses_decimal_comma
from workshift.workforce._readers import SUFFIXES, read_table, require_column
from workshift.workforce._role_tasks import ROLE_TASK_COLUMNS, read_role_tasks

__all__ = [
    "COLUMN_ALIASES",
    "PSEUDONYM_KEY_ENV",
    "REJECTED_COLUMNS",
    "ROLE_TASK_COLUMNS",
    "SUFFIXES",
    "WORKFORCE_COLUMNS",
    "Workforce",
    "column_key",
    "ingest_frame",
    "parse_number",
    "pseudonymise",
    "read_role_tasks",
    "read_table",
    "read_workforce",
    "require_column",
    "uses_decimal_comma",
]
