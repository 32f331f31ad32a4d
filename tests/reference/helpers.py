"""Helpers for the reference tests that do not go through the code under test."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import openpyxl


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file in ``folder`` (not recursive), by file name."""
    return {p.name: sha256_file(p) for p in sorted(folder.iterdir()) if p.is_file()}


def data_rows(path: Path) -> list[dict[str, str]]:
    """The data rows of a raw CSV/TSV source, read with the csv module (not pandas).

    O*NET-style ``.txt``/``.tsv`` files are one record per line; ``.csv`` files may quote
    fields that hold line breaks.
    """
    tab = path.suffix in (".txt", ".tsv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(
            handle,
            delimiter="\t" if tab else ",",
            quoting=csv.QUOTE_NONE if tab else csv.QUOTE_MINIMAL,
        )
        return [dict(row) for row in reader]


def sheet_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    """Every row of a worksheet (row 1 first)."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return list(book[sheet].iter_rows(values_only=True))
    finally:
        book.close()


def row_number(rows: list[dict[str, str]], **match: str) -> int:
    """The 1-based data row number of the only row whose fields equal ``match``."""
    found = [i for i, row in enumerate(rows, 1) if all(row[k] == v for k, v in match.items())]
    assert len(found) == 1, f"expected one row with {match}, found rows {found}"
    return found[0]
