"""Reading raw source files: checksums, row numbers and errors that name the file.

Every table read here gets a ``source_row`` column: the 1-based number of the data row in
the source file (the header is not counted; in a workbook it is the sheet's own row
number). The reconciliation report uses it to point at the exact record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workshift.exceptions import SourceDataError

__all__ = ["FileRecord", "RawSources"]


@dataclass(frozen=True)
class FileRecord:
    """What the build read from one raw file."""

    path: str
    sha256: str
    bytes: int
    rows: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class RawSources:
    """The raw source folder (``../shared/data`` or a fixture copy of it)."""

    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise SourceDataError("source folder not found", file=str(root))
        self.root = root
        self.files: dict[str, FileRecord] = {}

    def path(self, rel: str) -> Path:
        """Absolute path of a source file; a clear error when it is missing."""
        full = self.root / rel
        if not full.is_file():
            raise SourceDataError("source file not found", file=str(full))
        return full

    def _record(self, rel: str, rows: int) -> None:
        full = self.path(rel)
        self.files[rel] = FileRecord(rel, _sha256(full), full.stat().st_size, rows)

    def read_table(
        self, rel: str, *, required: Sequence[str], sep: str = ",", index_col: bool = False
    ) -> pd.DataFrame:
        """Read a CSV/TSV file as strings, check its columns, add the ``source_row`` column."""
        full = self.path(rel)
        try:
            frame = pd.read_csv(
                full,
                sep=sep,
                dtype=str,
                keep_default_na=False,
                encoding="utf-8-sig",
                index_col=0 if index_col else None,
            )
        except (UnicodeDecodeError, pd.errors.ParserError) as err:
            raise SourceDataError(f"cannot parse: {err}", file=str(full)) from err
        frame.columns = [str(c).strip() for c in frame.columns]
        self._check_columns(frame, required, str(full))
        frame = frame.reset_index(drop=True)
        frame["source_row"] = range(1, len(frame) + 1)
        for column in frame.columns:
            if column != "source_row":
                frame[column] = frame[column].str.strip()
        self._record(rel, len(frame))
        return frame

    def read_sheet(
        self, rel: str, sheet: str, *, header_row: int, required: Sequence[str]
    ) -> pd.DataFrame:
        """Read one worksheet of a workbook; ``source_row`` is the sheet's row number."""
        import openpyxl

        full = self.path(rel)
        workbook = openpyxl.load_workbook(full, read_only=True, data_only=True)
        try:
            if sheet not in workbook.sheetnames:
                raise SourceDataError(f"worksheet {sheet!r} not found", file=str(full))
            rows = list(workbook[sheet].iter_rows(values_only=True))
        finally:
            workbook.close()
        header = [str(v).strip() if v is not None else "" for v in rows[header_row - 1]]
        body = rows[header_row:]
        frame = pd.DataFrame(body, columns=header, dtype=object)
        self._check_columns(frame, required, f"{full} [{sheet}]")
        frame["source_row"] = range(header_row + 1, header_row + 1 + len(frame))
        previous = self.files.get(rel)
        self._record(rel, len(frame) + (previous.rows if previous else 0))
        return frame

    @staticmethod
    def _check_columns(frame: pd.DataFrame, required: Sequence[str], file: str) -> None:
        missing = [c for c in required if c not in frame.columns]
        if missing:
            raise SourceDataError(
                f"missing column(s) {', '.join(map(repr, missing))}; "
                f"found {', '.join(map(repr, frame.columns))}",
                file=file,
                column=missing[0],
            )
