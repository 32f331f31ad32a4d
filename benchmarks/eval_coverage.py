"""Coverage of ``workshift analyze`` on real-looking exports (issue 12); writes RESULTS.md.

For each workforce file: every input row must be accounted for (analysed, or listed in
``unmatched`` with its reason), at least 98% of the input headcount analysed, and the
share of people with beta > 50% is reported with its coding-uncertainty range.

Files:

* the shipped example (``examples/workforce.csv``), as ``make demo`` runs it (with the
  example overrides and task lists) and without any override;
* the messy HRIS export (``examples/hris_export.csv``, made by
  ``examples/make_hris_export.py``: title lines above the header, a row with a missing
  field, a quoted line break, a total row, English and German titles with grades and
  abbreviations), and its XLSX variant when present.

Nothing here is tuned: the matcher and the coding rules are the shipped ones.

Run: ``python benchmarks/eval_coverage.py`` (a few minutes with warm caches).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _results import write_section

from workshift.exceptions import WorkshiftError
from workshift.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TARGET = 0.98

CASES: list[tuple[str, Path, dict[str, Any]]] = [
    (
        "shipped example, as make demo runs it",
        EXAMPLES / "workforce.csv",
        {"overrides": EXAMPLES / "overrides.csv", "tasks": EXAMPLES / "role_tasks.csv"},
    ),
    ("shipped example, no overrides", EXAMPLES / "workforce.csv", {}),
    ("messy HRIS export (CSV)", EXAMPLES / "hris_export.csv", {}),
    ("messy HRIS export (XLSX)", EXAMPLES / "hris_export.xlsx", {}),
]


def _pct(value: Any) -> str:
    return "" if value is None else f"{float(value):.1%}"


def _row(name: str, path: Path, options: dict[str, Any]) -> str:
    if not path.is_file():
        return f"| {name} | (file not present) |" + " |" * 8
    started = time.perf_counter()
    try:
        result = analyze(path, **options)
    except WorkshiftError as err:
        return f"| {name} | error: {err} |" + " |" * 8
    seconds = time.perf_counter() - started
    s = result.summary
    accounted = s["analysed_rows"] + s["unmatched_rows"] == s["input_rows"]
    rows_seen = set(result.rows["input_row"]) | set(result.unmatched["input_row"])
    accounted = accounted and len(rows_seen) == s["input_rows"]
    reasons = result.unmatched["reason"].str.replace(r"'.*", "'...'", regex=True)
    top = "; ".join(f"{k} ({v})" for k, v in reasons.value_counts().head(3).items())
    share = s.get("analysed_headcount_share")
    met = "yes" if share is not None and share >= TARGET and accounted else "NO"
    return (
        f"| {name} | {s['input_rows']:,} | {s['analysed_rows']:,} | {s['unmatched_rows']:,} "
        f"| {'yes' if accounted else 'NO'} | {_pct(share)} ({met}) "
        f"| {_pct(s.get('confident_share'))} "
        f"| {_pct(s.get('share_beta_gt_50pct'))} ({_pct(s.get('share_beta_gt_50pct_low'))}"
        f" to {_pct(s.get('share_beta_gt_50pct_high'))}) | {top or '-'} | {seconds:.0f} s |"
    )


def main() -> None:
    lines = [
        "Every input row accounted for (analysed, or in unmatched.csv with its reason) and at "
        f"least {TARGET:.0%} of the input headcount (people) analysed. Rows whose title the "
        "matcher is unsure of are analysed over their candidate occupations; the range of "
        "the share with beta > 50% is the lowest and highest value it could take if each "
        "such title were any one of its plausible candidates (weight >= 5%). Confident = "
        "coded by occupation code, override or a match with top-1 confidence >= 0.5.",
        "",
        "| file | input rows | analysed | not analysed | every row accounted | headcount "
        "analysed (target met) | people coded with confidence | share beta > 50% (coding "
        "range) | reasons rows were not analysed | time |",
        "|---|---:|---:|---:|---|---:|---:|---|---|---:|",
    ]
    for name, path, options in CASES:
        line = _row(name, path, options)
        print(line, flush=True)
        lines.append(line)
    write_section("Workforce coverage (issue 12)", "\n".join(lines))


if __name__ == "__main__":
    main()
