"""Workforce in: reading HR exports (CSV, XLSX, Parquet) with errors that name file, row
and column. Validation and pseudonymisation follow with the analyze stage.
"""

from __future__ import annotations

from workshift.workforce._readers import SUFFIXES, read_table, require_column

__all__ = ["SUFFIXES", "read_table", "require_column"]
