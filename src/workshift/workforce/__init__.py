"""Workforce in: reading HR exports (CSV, XLSX, Parquet) with their structure checked and
errors that name file, line and column, then mapping their columns, validating each row
and pseudonymising employee ids into a :class:`Workforce`; :func:`inspect_workforce`
shows what would be read before anything runs.
"""

from __future__ import annotations

from workshift.workforce._columns import COLUMN_ALIASES, ColumnMatch, column_key
from workshift.workforce._ingest import (
    REJECTED_COLUMNS,
    WORKFORCE_COLUMNS,
    Workforce,
    ingest_frame,
    ingest_table,
    read_workforce,
)
from workshift.workforce._inspect import WorkforceInspection, inspect_workforce
from workshift.workforce._layout import TableLayout
from workshift.workforce._numbers import parse_number, uses_decimal_comma
from workshift.workforce._pseudonym import PSEUDONYM_KEY_ENV, pseudonymise
from workshift.workforce._readers import (
    FRAME_SOURCE,
    SUFFIXES,
    SourceTable,
    TableInput,
    load_table,
    read_source_table,
    read_table,
    require_column,
    source_name,
)
from workshift.workforce._role_tasks import ROLE_TASK_COLUMNS, read_role_tasks

__all__ = [
    "COLUMN_ALIASES",
    "FRAME_SOURCE",
    "PSEUDONYM_KEY_ENV",
    "REJECTED_COLUMNS",
    "ROLE_TASK_COLUMNS",
    "SUFFIXES",
    "WORKFORCE_COLUMNS",
    "ColumnMatch",
    "SourceTable",
    "TableInput",
    "TableLayout",
    "Workforce",
    "WorkforceInspection",
    "column_key",
    "ingest_frame",
    "ingest_table",
    "inspect_workforce",
    "load_table",
    "parse_number",
    "pseudonymise",
    "read_role_tasks",
    "read_source_table",
    "read_table",
    "read_workforce",
    "require_column",
    "source_name",
    "uses_decimal_comma",
]
