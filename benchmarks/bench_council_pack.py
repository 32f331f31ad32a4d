"""Benchmark: disclosure control of the works-council pack on the shipped example (issue 14).

Target on this 2-core machine: suppression of every table of the pack (analysis,
management's and the council's scenario, the redeployment plan: about 20,000 people) in
<= 10 s, every withheld cell passing the audit; and the cells withheld beyond the primary
ones, against the naive "suppress the smallest sibling" rule on the same tables in the
same run (which the same audit checks).

The pack's inputs are built first, as ``make demo``'s ``workshift council`` builds them
(analysis, two scenarios of 2,000 draws, the plan; not timed here: see the analysis,
scenario and redeployment sections). Timed: :func:`workshift.council.pack_tables` plus
:func:`workshift.disclosure.protect` with each method, then all of
:func:`workshift.council.build_pack` (names withheld, one protect call, the sections).

Run: ``python benchmarks/bench_council_pack.py`` (writes benchmarks/RESULTS.md);
``--no-write`` to print only.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _results import write_section

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def pack_inputs() -> Any:
    """The pack's inputs for the example, built as ``workshift council`` builds them."""
    import workshift.council as council_package
    from workshift.pipeline import council

    captured: dict[str, Any] = {}
    build = council_package.build_pack

    def capture(inputs: Any, policy: Any = None, progress: Any = None) -> Any:
        captured["inputs"] = inputs
        return build(inputs, policy, progress=progress)

    council_package.build_pack = capture  # type: ignore[assignment]
    try:
        council(
            EXAMPLES / "workforce.csv",
            EXAMPLES / "portfolio.yaml",
            scenario_file=EXAMPLES / "scenario.yaml",
            council_scenario=EXAMPLES / "council_scenario.yaml",
            catalog=EXAMPLES / "courses.csv",
            openings=EXAMPLES / "openings.csv",
            affected=EXAMPLES / "affected.csv",
            priority={"protected": 1.0, "tenure_years": 0.02},
            overrides=EXAMPLES / "overrides.csv",
            tasks=EXAMPLES / "role_tasks.csv",
        )
    finally:
        council_package.build_pack = build  # type: ignore[assignment]
    return captured["inputs"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    from workshift.council import build_pack, pack_tables
    from workshift.disclosure import DisclosurePolicy, protect
    from workshift.pipeline import withhold_names

    inputs = pack_inputs()
    load = os.getloadavg()[0]
    policy = DisclosurePolicy(min_people=5)
    analysis, _ = withhold_names(inputs.analysis)
    results: dict[str, Any] = {}
    for method in ("optimal", "smallest_sibling"):
        start = time.perf_counter()
        tables = pack_tables(inputs)
        results[method] = protect(
            tables.tables, policy, multi_valued=tables.multi_valued,
            relations=tables.relations, method=method,
        )  # fmt: skip
        results[method + "_s"] = time.perf_counter() - start
    start = time.perf_counter()
    pack = build_pack(inputs, policy)
    whole = time.perf_counter() - start
    people = float(analysis.summary["headcount"])
    cells = int(pack.log["cells"].sum())
    lines = [
        "Disclosure control of every table of the works-council pack of the shipped example "
        f"({people:,.0f} people analysed; `workshift council` with both scenario files, the "
        "plan for `examples/affected.csv`): the analysis's tables, department x occupation "
        "group of the scenarios, people per service x department, and the plan's status, "
        "flows, skills and access tables, tied by relations. k = 5 people, margin 3 people. "
        "Target (issue 14): <= 10 s.",
        "",
        f"Load average before: {load:.1f}.",
        "",
        "| method | tables | cells | primary | complementary | audit failures "
        "| proven minimal | time |",
        "|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    for method, label in (("optimal", "MILP + attacker-LP cuts"),
                          ("smallest_sibling", "smallest sibling (naive)")):  # fmt: skip
        protected = results[method]
        summary = protected.summary()
        failures = int((~protected.audit["ok"]).sum())
        lines.append(
            f"| {label} | {len(protected.log)} | {int(protected.log['cells'].sum()):,} | "
            f"{summary['suppressed_primary']:,} | {summary['suppressed_complementary']:,} | "
            f"{failures:,} of {len(protected.audit):,} | "
            f"{'yes' if protected.optimal else 'no'} | {results[method + '_s']:.1f} s |"
        )
    lines += [
        "",
        f"The whole `build_pack` (names withheld, tables, the one protect call with the "
        f"organisation's total kept published, the sections): {whole:.1f} s for {cells:,} "
        "cells.",
        "",
        "| table | cells | published | primary | complementary |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in pack.log.itertuples(index=False):
        lines.append(
            f"| {row.table} | {row.cells:,} | {row.published:,} | {row.suppressed_primary:,} "
            f"| {row.suppressed_complementary:,} |"
        )
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        write_section("Works-council pack: disclosure control on the example (issue 14)", body)


if __name__ == "__main__":
    main()
