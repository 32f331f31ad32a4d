"""Copy the evaluation figures the works-council pack quotes from RESULTS.md into the package.

The pack's method appendix (issue 14) shows how well title matching and the exposure
model did on data they were not fitted on. Users do not have ``benchmarks/``, so the
figures ship as ``src/workshift/council/data/evaluation.json``; this script writes that
file from the sections ``eval_titles.py`` and ``eval_task_exposure.py`` wrote, and
``tests/council/test_evaluation.py`` fails when the two disagree. Rerun it after either
evaluation::

    python benchmarks/council_evaluation.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
TARGET = ROOT / "src" / "workshift" / "council" / "data" / "evaluation.json"

MATCHING = "Title matching accuracy (issue 3)"
EXPOSURE = "Task exposure model (held-out occupation groups)"
MATCHING_ROWS = {
    "reported_unseen": "O*NET reported titles, unseen",
    "messy_english": "messy English (team dev set)",
    "hris_english_test": "HRIS English, test (held out)",
    "hris_german_test": "HRIS German, test (held out)",
}
"""Rows of the matching table quoted, by key: the sets held out from what was tuned."""


def _section(text: str, name: str) -> str:
    match = re.search(rf"^## {re.escape(name)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    if match is None:
        raise SystemExit(f"{RESULTS}: no section '## {name}'")
    return match.group(1)


def _run(section: str) -> str:
    match = re.search(r"_Run (\d{4}-\d{2}-\d{2})", section)
    return match.group(1) if match else ""


def _row(section: str, label: str) -> list[str]:
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == label:
            return cells
    raise SystemExit(f"{RESULTS}: no row '{label}'")


def evaluation(text: str) -> dict[str, Any]:
    """The quoted figures from the text of RESULTS.md."""
    matching = _section(text, MATCHING)
    sets = {}
    for key, label in MATCHING_ROWS.items():
        cells = _row(matching, label)
        sets[key] = {
            "titles": int(cells[1]),
            "top1": float(cells[2]),
            "top5": float(cells[3]),
            "soc6_top1": float(cells[4]),
            "major_group_top1": float(cells[6]),
        }
    exposure = _section(text, EXPOSURE)
    model = _row(exposure, "TaskExposureModel")
    gpt4 = _row(exposure, "GPT-4 labels (published)")
    german = re.search(r"same E-label as the English original ([0-9.]+)", exposure)
    tasks = re.search(r"tasks scored: ([0-9,]+)", exposure)
    return {
        "matching": {"run": _run(matching), "sets": sets},
        "exposure": {
            "run": _run(exposure),
            "tasks": int(tasks.group(1).replace(",", "")) if tasks else None,
            "agreement": float(model[1]),
            "beta_r": float(model[2]),
            "gpt4_agreement": float(gpt4[1]),
            "german_same_label": float(german.group(1)) if german else None,
        },
    }


def main() -> int:
    figures = evaluation(RESULTS.read_text(encoding="utf-8"))
    TARGET.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
