"""Every record of a file ends in ``rows`` or ``rejected`` exactly once, at its own line,
and nothing is read shifted: a property test over generated CSV exports with title lines,
rows missing or gaining fields, quoted line breaks, blank lines and total rows."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift.workforce import PSEUDONYM_KEY_ENV, read_workforce

HEADER = ["EmpID", "Position", "Department", "FTE", "Site", "Notes"]
KINDS = ("good", "good", "good", "broken", "short", "long", "blank", "total")


@pytest.fixture(autouse=True)
def _no_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PSEUDONYM_KEY_ENV, raising=False)


def record(kind: str, i: int, drop: int) -> list[str]:
    cells = [str(1000 + i), f"Job {i}", f"Dept {i}", "1", f"Site {i}", f"note {i}"]
    if kind == "broken":  # a quoted line break inside a field
        cells[5] = f"note\n{i}"
    elif kind == "short":
        del cells[drop]
    elif kind == "long":
        cells.insert(drop, "stray")
    elif kind == "blank":
        cells = []
    elif kind == "total":
        cells = ["Total", "", "", str(i), "", ""]
    return cells


@settings(max_examples=60, deadline=None)
@given(
    titles=st.integers(min_value=0, max_value=3),
    kinds=st.lists(st.sampled_from(KINDS), max_size=25).filter(
        lambda ks: (
            sum(k in ("good", "broken") for k in ks) > 2 * sum(k in ("short", "long") for k in ks)
        )
    ),
    drops=st.lists(st.integers(min_value=0, max_value=5), min_size=25, max_size=25),
    terminator=st.sampled_from(["\n", "\r\n"]),
)
def test_every_record_is_accounted_for_at_its_line(
    titles: int, kinds: list[str], drops: list[int], terminator: str
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=terminator)
    for t in range(titles):
        writer.writerow([f"Export {t}"] if t % 2 == 0 else ["Report date:", "2025-01-31"])
    writer.writerow(HEADER)
    lines, line = [], titles + 2
    for i, kind in enumerate(kinds):
        writer.writerow(record(kind, i, drops[i]))
        lines.append(line)
        line += 2 if kind == "broken" else 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        workforce = read_workforce(path)

    rows, rejected = workforce.rows, workforce.rejected
    assert workforce.layout.header_line == titles + 1
    seen = [*rows["input_row"], *rejected["input_row"]]
    assert sorted(seen) == list(range(len(kinds)))  # each record exactly once
    line_of = dict(zip(seen, [*rows["line"], *rejected["line"]], strict=True))
    assert [line_of[i] for i in range(len(kinds))] == lines
    reason_of = dict(zip(rejected["input_row"], rejected["reason"], strict=True))
    for i, kind in enumerate(kinds):
        if kind in ("good", "broken"):
            assert i not in reason_of
        elif kind == "short":
            assert reason_of[i] == "5 fields where the header has 6"
        elif kind == "long":
            assert reason_of[i] == "7 fields where the header has 6"
        else:
            assert reason_of[i] == f"{kind} row"
    for row in rows.to_dict("records"):  # nothing shifted
        i = row["input_row"]
        assert (row["employee_id"], row["job_title"], row["department"], row["location"]) == (
            str(1000 + i), f"Job {i}", f"Dept {i}", f"Site {i}",
        )  # fmt: skip
