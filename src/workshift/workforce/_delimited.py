"""The records of a delimited text file with the physical line each starts and ends on.

Decoding tries UTF-8 (with or without BOM), then Windows-1252. The delimiter is the one of
``,`` ``;`` tab ``|`` that splits the most records of the first 64 KiB into the same number
of fields (so German ``;`` files with decimal commas are not read as ``,`` files); a first
line ``sep=;`` as Excel writes it names it outright. Records come from :mod:`csv`, so a
quoted field may hold delimiters and line breaks; a blank line is an empty record.

Examples
--------
>>> records, starts, ends, sep = csv_records('a;b\\n"x\\ny";2,5\\n\\n3;4\\n', source="t.csv")
>>> records, starts, ends, sep
([['a', 'b'], ['x\\ny', '2,5'], [], ['3', '4']], [1, 2, 4, 5], [1, 3, 4, 5], ';')
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

from workshift.exceptions import InputDataError
from workshift.workforce._layout import TableLayout, error_at

__all__ = ["csv_records", "decode"]

_ENCODINGS = ("utf-8-sig", "cp1252")
_DELIMITERS = (",", ";", "\t", "|")
_SEP_LINE = re.compile(r"sep=(.)\r?\n?", re.IGNORECASE)
_SAMPLE = 65536


def decode(path: Path) -> str:
    """The text of ``path`` as UTF-8 (BOM or not) or else Windows-1252."""
    data = path.read_bytes()
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputDataError("cannot decode as UTF-8 or Windows-1252 (cp1252)", file=str(path))


def _lines(text: str) -> list[str]:
    # The line breaks csv itself knows (\n, \r\n, \r), not str.splitlines' wider set, so
    # that line numbers are the ones an editor shows.
    return list(io.StringIO(text, newline=""))


def _score(lines: list[str], sep: str) -> int:
    """How many records split into the most common number of fields (two or more)."""
    try:
        counts = Counter(len(r) for r in csv.reader(lines, delimiter=sep) if r)
    except csv.Error:
        return 0
    if not counts:
        return 0
    fields, records = counts.most_common(1)[0]
    return records if fields >= 2 else 0


def _delimiter(lines: list[str], prefer_tab: bool) -> str:
    sample: list[str] = []
    size = 0
    for line in lines:
        sample.append(line)
        size += len(line)
        if size > _SAMPLE:
            break
    order = ("\t", ",", ";", "|") if prefer_tab else _DELIMITERS
    return max(order, key=lambda sep: (_score(sample, sep), -order.index(sep)))


def csv_records(
    text: str, *, source: str, prefer_tab: bool = False
) -> tuple[list[list[str]], list[int], list[int], str]:
    """``(records, start lines, end lines, delimiter)`` of a delimited text (see the module
    docstring); lines are 1-based. A ``sep=`` line is returned as a record of its own.

    Raises
    ------
    InputDataError
        A quoted field that is never closed, or a record :mod:`csv` cannot read; the
        message names the line.
    """
    lines = _lines(text)
    layout = TableLayout(source=source, unit="line")
    declared = _SEP_LINE.fullmatch(lines[0]) if lines else None
    sep = declared.group(1) if declared else _delimiter(lines, prefer_tab)
    records: list[list[str]] = []
    starts: list[int] = []
    ends: list[int] = []
    offset = 0
    if declared:
        records.append([lines[0].strip()])
        starts.append(1)
        ends.append(1)
        offset = 1
    reader = csv.reader(lines[offset:], delimiter=sep)
    previous = 0
    try:
        for record in reader:
            records.append(record)
            starts.append(offset + previous + 1)
            previous = reader.line_num
            ends.append(offset + previous)
    except csv.Error as err:
        raise error_at(layout, offset + reader.line_num, f"cannot read as CSV: {err}") from err
    if records and ends[-1] > starts[-1] and ends[-1] == len(lines):
        last = "".join(lines[starts[-1] - 1 :])
        if last.count('"') % 2:
            raise error_at(
                layout,
                starts[-1],
                "a quoted field opened on this line is never closed (it runs to the end of "
                f"the file, line {len(lines)}); check the quotes",
            )
    return records, starts, ends, sep
