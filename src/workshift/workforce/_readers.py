"""Read a user's table file: CSV (comma, semicolon, tab; UTF-8, UTF-8 with BOM or cp1252),
XLSX or Parquet, into a DataFrame of strings, with errors that name the file.

Values are kept as text (``""`` for empty cells) so that nothing is lost or silently
converted; the stage that uses a column parses it (German decimal commas included).
Blank lines are rows too (with empty cells), so row numbers match what the user sees.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "staff.csv"
>>> _ = path.write_bytes("Stellenbezeichnung;Anzahl\\nLagerist (m/w/d);2,5\\n".encode("cp1252"))
>>> read_table(path).to_dict("records")
[{'Stellenbezeichnung': 'Lagerist (m/w/d)', 'Anzahl': '2,5'}]
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from workshift.exceptions import InputDataError

__all__ = ["SUFFIXES", "read_table", "require_column"]

SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".parquet")
_ENCODINGS = ("utf-8-sig", "cp1252")


def _decode(path: Path) -> str:
    data = path.read_bytes()
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputDataError("cannot decode as UTF-8 or Windows-1252 (cp1252)", file=str(path))


def _read_csv(path: Path) -> pd.DataFrame:
    text = _decode(path)
    if not text.strip():
        raise InputDataError("the file is empty", file=str(path))
    try:
        dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|")
        sep = dialect.delimiter
    except csv.Error:
        sep = ","
    try:
        return pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=False
        )
    except pd.errors.ParserError as err:
        raise InputDataError(f"cannot parse as CSV: {err}", file=str(path)) from err


def read_table(path: str | Path, *, sheet: str | int = 0) -> pd.DataFrame:
    """Read CSV/TSV, XLSX or Parquet into a DataFrame of strings (column names stripped)."""
    path = Path(path)
    if not path.is_file():
        raise InputDataError("file not found", file=str(path))
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        frame = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        try:
            frame = pd.read_excel(path, sheet_name=sheet, dtype=str, engine="openpyxl")
        except (ValueError, KeyError, OSError) as err:
            raise InputDataError(f"cannot read workbook: {err}", file=str(path)) from err
        frame = frame.fillna("")
    elif suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except (OSError, ValueError) as err:
            raise InputDataError(f"cannot read Parquet: {err}", file=str(path)) from err
        frame = frame.astype(object).where(frame.notna(), "").astype(str)
    else:
        raise InputDataError(
            f"unsupported file type {suffix or '(none)'!r}; use one of {', '.join(SUFFIXES)}",
            file=str(path),
        )
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.reset_index(drop=True)


def require_column(frame: pd.DataFrame, column: str, *, file: str) -> None:
    """Raise a clear error when ``column`` is missing, listing the columns there are."""
    if column not in frame.columns:
        raise InputDataError(
            f"no column {column!r}; the columns are: {', '.join(map(repr, frame.columns))}",
            file=file,
            column=column,
        )
