"""Benchmark: the scenario engine at 10,000 draws x 1,000 roles x 10 years (issue 5).

Target on this 2-core machine: <= 30 s and <= 4 GB peak RSS for the Monte Carlo run
(``simulate``: sampling of the label noise, the yearly flows and the P10/P50/P90 of every
metric for the organisation, every department, location and role, and every service).

The setup is synthetic and deterministic (seed 0): 1,000 existing cells (department x
location x occupation; 400 occupations, 20 departments, 8 locations) plus the new-role
cells, and 8 services from a generated portfolio, each covering a random subset of the
occupations' time with E1/E2 shares and label variance. The run happens in a child
process so its peak RSS is its own (``os.wait4``); the one-at-a-time sensitivity run
(1 + 2 x inputs draws) is timed too.

Baseline, measured in the same child: the floor of touching every value once, i.e. one
multiply-add over a draws x cells array per metric and year plus one quantile pass per
metric and year over the organisation's draws; the ratio says how far the engine is from
that floor.

Run: ``python benchmarks/bench_scenario.py`` (writes benchmarks/RESULTS.md);
``--draws 2000`` for a quick check (does not write).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _results import write_section

_SERVICE = """
  - id: s{i}
    name: Service {i}
    mode: {mode}
    launch: {launch}
    covers: {{descriptions: [synthetic tasks]}}
    adoption: {{ceiling: [0.4, 0.9], midpoint: [1, 4], steepness: [0.8, 2]}}
    time_saved: [0.3, 0.7]
    running_cost:
      tokens_per_hour: [100000, 800000]
      price_per_million_tokens: [0.5, 5]
      energy_wh_per_1k_tokens: [0.05, 1]
      fixed_per_year: [100000, 900000]
      renewable_share: [0.2, 0.7]
    new_roles:
      ai_engineering: {{fte: [1, 5]}}
      ai_operations: {{per_100_fte_freed: [2, 8]}}
"""


def _setup(cells: int, services: int):  # type: ignore[no-untyped-def]
    import numpy as np
    import pandas as pd

    from workshift.scenarios import Units, load_assumptions, parse_portfolio
    from workshift.scenarios._units import NEW_ROLES_DEPARTMENT, new_role_catalogue

    rng = np.random.default_rng(0)
    occupations = 400
    frame = pd.DataFrame(
        {
            "department": [f"D{d:02d}" for d in rng.integers(0, 20, cells)],
            "location": [f"L{x}" for x in rng.integers(0, 8, cells)],
            "onet_soc_code": [f"{o:07d}" for o in rng.integers(0, occupations, cells)],
            "headcount": rng.integers(1, 60, cells).astype(float),
            "cost_per_head": rng.uniform(40_000, 120_000, cells),
            "attrition": rng.uniform(0.02, 0.08, cells),
            "retirement": rng.uniform(0.01, 0.05, cells),
            "cost_source": "synthetic",
            "rate_source": "synthetic",
            "new_role": "",
        }
    ).drop_duplicates(["department", "location", "onet_soc_code"])
    frame["role"] = frame["onet_soc_code"]
    codes = sorted(set(frame["onet_soc_code"]))
    frame["occupation"] = pd.Categorical(frame["onet_soc_code"], codes).codes
    new = [
        {
            "department": NEW_ROLES_DEPARTMENT, "location": f"L{x}", "onet_soc_code": role.soc_code,
            "headcount": 0.0, "cost_per_head": 110_000.0, "attrition": 0.03, "retirement": 0.01,
            "cost_source": "synthetic", "rate_source": "synthetic", "new_role": role.id,
            "role": role.name["en"], "occupation": -1,
        }
        for role in new_role_catalogue().values()
        for x in range(8)
    ]  # fmt: skip
    cells_frame = pd.concat([frame, pd.DataFrame(new)], ignore_index=True)
    cells_frame["kind"] = np.where(cells_frame["new_role"] == "", "today", "new")
    covered = rng.uniform(0, 0.4, (len(codes), services)) * (
        rng.random((len(codes), services)) < 0.3
    )
    e1 = covered * rng.uniform(0.2, 0.7, covered.shape)
    e2 = covered * rng.uniform(0.0, 0.3, covered.shape)
    variance = (covered * 0.1) ** 2
    units = Units(cells_frame, codes, [f"s{i}" for i in range(services)], covered, e1, e2, variance)
    text = "currency: EUR\nservices:\n" + "".join(
        _SERVICE.format(i=i, mode="automation" if i % 2 else "augmentation", launch=2025 + i % 3)
        for i in range(services)
    )
    return units, parse_portfolio(text, "bench.yaml"), load_assumptions()


def child(draws: int, cells: int, years: int, services: int) -> dict[str, float]:
    """Run in the child process: baseline, engine, sensitivity; return the timings."""
    import numpy as np

    from workshift.scenarios import (
        CELL_METRICS,
        Policy,
        input_ranges,
        sample_draws,
        sensitivity,
        simulate,
    )

    units, portfolio, assumptions = _setup(cells, services)
    span = list(range(2026, 2026 + years))
    ranges = input_ranges(assumptions, portfolio)

    start = time.perf_counter()
    state = np.ones((draws, len(units.cells)))
    rate = np.full(len(units.cells), 0.05)
    for _ in span:
        for _ in CELL_METRICS:
            state = state * (1 - rate) + rate
            np.quantile(state.sum(axis=1), [0.1, 0.5, 0.9])
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    sample = sample_draws(ranges, draws, seed=1)
    result = simulate(units, portfolio, sample, span, Policy())
    engine = time.perf_counter() - start

    start = time.perf_counter()
    org = {metric: result.total(metric) for metric in result.totals}
    sensitivity(units, portfolio, ranges, span, Policy(), sample, org)
    sens = time.perf_counter() - start
    return {
        "baseline_s": baseline,
        "engine_s": engine,
        "sensitivity_s": sens,
        "cells": float(len(units.cells)),
        "existing_cells": float(units.existing.sum()),
        "rows": float(len(result.quantiles)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--cells", type=int, default=1_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--services", type=int, default=8)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.draws, args.cells, args.years, args.services)))
        return
    sizes = ["--draws", args.draws, "--cells", args.cells, "--years", args.years]
    command = [
        sys.executable,
        __file__,
        "--child",
        *map(str, sizes),
        "--services",
        str(args.services),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    stdout = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"benchmark child failed with status {status}")
    timings = json.loads(stdout.strip().splitlines()[-1])
    peak_gb = usage.ru_maxrss / 2**20  # KiB -> GiB
    existing = int(timings["existing_cells"])
    new_cells = int(timings["cells"]) - existing
    engine, floor, sens = timings["engine_s"], timings["baseline_s"], timings["sensitivity_s"]
    verdict = "met" if engine <= 30 and peak_gb <= 4 else "MISSED"
    lines = [
        f"Synthetic: {existing:,} roles (department x location x occupation cells) + "
        f"{new_cells} new-role cells, {args.services} services, {args.years} years, "
        f"{args.draws:,} draws; {int(timings['rows']):,} rows of P10/P50/P90 written "
        "(organisation, 20 departments, 8 locations, every role, every service).",
        "",
        "| run | time | vs floor | peak RSS | target |",
        "|---|---:|---:|---:|---|",
        f"| floor: one numpy multiply-add per value + organisation quantiles | {floor:.1f} s "
        "| 1.0x | | |",
        f"| `simulate` (Monte Carlo, all groups, all metrics) | {engine:.1f} s "
        f"| {engine / floor:.1f}x | {peak_gb:.2f} GB (whole process) "
        f"| <= 30 s, <= 4 GB: {verdict} |",
        f"| one-at-a-time sensitivity (1 + 2 x inputs draws) | {sens:.1f} s | | | |",
    ]
    body = "\n".join(lines) + "\n"
    print(body)
    if args.draws == 10_000 and args.cells == 1_000 and args.years == 10:
        write_section("Scenario engine speed (issue 5)", body)


if __name__ == "__main__":
    main()
