"""Finding the header of a table export and naming its columns.

HR systems put a title and an export date above the header, so the header is not always
the first line. :func:`find_header` takes the first record that looks like one:

- it has as many fields as most records of the file, and its last non-empty cell (its
  *width*) lies beyond the middle of them, so a title line, even one padded with
  delimiters, is not a header;
- at least half of its cells up to its width are filled, mostly with different texts (a
  title merged across the sheet repeats one text);
- at most a fifth of its filled cells are numbers or dates.

When no record has that field count and those cells (data rows with a trailing delimiter
the header lacks), the first one that reaches as far right as most records and has those
cells is the header. Only the first 50 non-blank records are looked at (and the shape of
the first 2,000 decides what "most records" means); when none qualifies, the first
non-blank record is the header. :func:`header_names` turns the
header cells into unique column names.

Examples
--------
>>> records = [["Employee roster"], ["Exported 2025-01-31"], [],
...            ["EmpID", "Position", "FTE"], ["1001", "Picker", "1"], ["1002", "Driver", "0,5"]]
>>> find_header(records)
3
>>> header_names(["Name", "", "Name", " FTE "])
(['Name', 'column 2', 'Name (2)', 'FTE'], {'column 2': '', 'Name (2)': 'Name'})
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from workshift.workforce._numbers import parse_number

__all__ = ["find_header", "header_names", "is_numberish", "width"]

_LOOK_AT = 50
_SAMPLE = 2000  # records whose shape decides what most records look like
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")


def width(cells: Sequence[str]) -> int:
    """1 + the position of the last non-empty cell (0 for a blank record)."""
    for i in range(len(cells) - 1, -1, -1):
        if cells[i].strip():
            return i + 1
    return 0


def is_numberish(text: str) -> bool:
    """A number (either decimal convention) or a date, as data cells hold and headers do
    not.

    >>> is_numberish("1.234,5"), is_numberish("31.01.2025"), is_numberish("FTE")
    (True, True, False)
    """
    text = text.strip()
    return parse_number(text, decimal_comma=False) is not None or bool(_DATE.fullmatch(text))


def _looks_like_header(cells: Sequence[str], target: int) -> bool:
    reach = width(cells)
    if reach < target or reach * 2 <= len(cells):
        return False
    filled = [cell.strip() for cell in cells[:reach] if cell.strip()]
    if len(filled) * 2 < reach or len(set(filled)) * 2 < len(filled):
        return False
    return sum(map(is_numberish, filled)) * 5 <= len(filled)


def _mode(values: Counter[int]) -> int:
    # On a tie the larger, as data rows may leave trailing cells empty.
    return max(values.items(), key=lambda item: (item[1], item[0]))[0]


def find_header(records: Sequence[Sequence[str]]) -> int:
    """The index of the header among ``records`` (see the module docstring).

    Parameters
    ----------
    records : sequence of sequences of str
        The file's records from its first line on; a blank line is an empty record.

    Returns
    -------
    int
        Index of the header record, -1 when every record is blank.
    """
    # The shape of the file from its start is enough, and keeps a large file fast.
    candidates = [i for i, cells in enumerate(records[:_SAMPLE]) if width(cells)]
    if not candidates:
        candidates = [i for i, cells in enumerate(records) if width(cells)][:1]
        return candidates[0] if candidates else -1
    fields = _mode(Counter(len(records[i]) for i in candidates))
    widths = _mode(Counter(width(records[i]) for i in candidates))
    first = candidates[:_LOOK_AT]
    # As many fields as most records (Excel pads title lines to the same count, so they
    # must also fill over half of them); else reaching as far right as most records.
    for i in first:
        if len(records[i]) == fields and _looks_like_header(records[i], 0):
            return i
    for i in first:
        if _looks_like_header(records[i], widths):
            return i
    return candidates[0]


def header_names(cells: Sequence[str], *, strip: bool = True) -> tuple[list[str], dict[str, str]]:
    """Unique column names for the header ``cells``, and name -> cell as written for the
    names that differ from it.

    Cells are stripped (unless ``strip`` is false); an empty cell is named ``"column N"``
    (N its 1-based position); a name that appeared before gets the next free ``" (2)"``,
    ``" (3)"``.
    """
    stripped = [cell.strip() if strip else cell for cell in cells]
    taken = set(stripped)
    names: list[str] = []
    written: dict[str, str] = {}
    used: set[str] = set()
    for i, cell in enumerate(stripped):
        name = cell if cell.strip() else f"column {i + 1}"
        if name in used or (not cell.strip() and name in taken):
            base, n = name, 2
            while f"{base} ({n})" in used or f"{base} ({n})" in taken:
                n += 1
            name = f"{base} ({n})"
        used.add(name)
        names.append(name)
        if name != cell:
            written[name] = cell
    return names, written
