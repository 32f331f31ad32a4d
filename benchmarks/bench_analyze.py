"""Benchmark: ``workshift analyze`` on large synthetic workforces (issue 4).

Targets on this 2-core machine: 100,000 employees with 5,000 distinct job titles in
<= 2 minutes and <= 2 GB peak RSS; 1,000,000 employees in <= 10 minutes and <= 4 GB.

The workforce files are generated deterministically (seed 0) into a temporary folder:
job titles are drawn from the example workforce (``examples/workforce.csv``) and from the
O*NET reported and alternate titles of the bundle, with the noise of real HR exports
(case, seniority prefixes and levels, gender markers such as "(m/w/d)", shifts, typos)
until there are exactly 5,000 distinct titles. Titles follow a Zipf-like frequency (every
title appears at least once); rows get an employee id, a department, a location and
country, headcount 1 and an annual cost; about 5% carry an occupation code (O*NET-SOC,
SOC 2018 or ISCO-08, a few of them invalid). Employee ids are pseudonymised
(``WORKSHIFT_PSEUDONYM_KEY`` is set for the run), as a real run would.

Each size runs as a fresh ``python -m workshift analyze FILE --output DIR`` process, so
imports, loading the cached matcher and the embedding model all count; the peak RSS is
that child's own (``os.wait4``). The caches are warmed first (``workshift setup``,
not timed). ``--cold`` adds one run of the smallest size with an empty ``WORKSHIFT_HOME``,
so it includes fitting the title matcher and the task model (what the very first run on a
machine costs).

Baselines, measured in this process on the same files: ``pandas.read_csv`` of the file
(the floor for anything that reads it) and ``read_workforce`` (ingest: column mapping,
validation, number parsing, pseudonymisation). Per-row cost is also compared with the
smallest size, to show how the run scales.

Run: ``python benchmarks/bench_analyze.py`` (both sizes, writes benchmarks/RESULTS.md);
``--sizes 100000`` for the smaller one only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from _results import write_section

from workshift.reference import ReferenceStore
from workshift.workforce import read_workforce

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "workforce.csv"
N_TITLES = 5000
TARGETS = {100_000: (120.0, 2048.0), 1_000_000: (600.0, 4096.0)}  # seconds, MB
PSEUDONYM_KEY = "bench-analyze-key"

PREFIXES = ["Sr. ", "Senior ", "Junior ", "Jr. ", "Lead ", "Principal ", "Associate "]
LEVELS = [" I", " II", " III", " 2"]
GENDER = [" (m/w/d)", " (w/m/d)", " (m/f/d)", " (all genders)", " m/w/d"]
SHIFTS = [" - Night Shift", " - Frühschicht", " (Remote)", " - Part Time", ", Teilzeit"]
TEAMS = ["", " / North", " / South", " / Central", " / Projects", " / Shared Services"]
CITIES = [
    ("Chicago", "US"),
    ("Dallas", "US"),
    ("Denver", "US"),
    ("Atlanta", "US"),
    ("Phoenix", "US"),
    ("Columbus", "US"),
    ("Memphis", "US"),
    ("Hamburg", "DE"),
    ("München", "DE"),
    ("Köln", "DE"),
    ("Dortmund", "DE"),
    ("Nürnberg", "DE"),
    ("Erfurt", "DE"),
    ("Bremen", "DE"),
]
EXTRA_CODES = ["4222", "2411", "99-9999", "12-3456.00"]  # ISCO-08, and two that do not exist


def _typo(title: str, rng: np.random.Generator) -> str:
    """Swap, drop or double one letter (the typos of a hand-typed export)."""
    letters = [i for i, ch in enumerate(title) if ch.isalpha()]
    if len(letters) < 4:
        return title
    i = int(letters[rng.integers(1, len(letters) - 1)])
    kind = rng.integers(3)
    if kind == 0 and i + 1 < len(title):
        return title[:i] + title[i + 1] + title[i] + title[i + 2 :]
    if kind == 1:
        return title[:i] + title[i + 1 :]
    return title[:i] + title[i] + title[i:]


def _noisy(title: str, rng: np.random.Generator) -> str:
    """One realistic variant of ``title``: one to three kinds of noise."""
    kinds = rng.choice(6, size=int(rng.integers(1, 4)), replace=False)
    for kind in sorted(kinds):
        if kind == 0:
            title = PREFIXES[rng.integers(len(PREFIXES))] + title
        elif kind == 1:
            title += LEVELS[rng.integers(len(LEVELS))]
        elif kind == 2:
            title += GENDER[rng.integers(len(GENDER))]
        elif kind == 3:
            title += SHIFTS[rng.integers(len(SHIFTS))]
        elif kind == 4:
            title = _typo(title, rng)
        else:
            title = [title.upper(), title.lower(), title.title()][rng.integers(3)]
    return title


def distinct_titles(example: pd.DataFrame, n: int, rng: np.random.Generator) -> list[str]:
    """``n`` distinct titles: half from the example workforce, a third O*NET reported and
    alternate titles, the rest noisy variants of either."""
    own = sorted(set(example["job_title"].dropna().str.strip()) - {""})
    onet = ReferenceStore().titles()
    onet = onet.loc[onet["source"].isin(["onet_reported", "onet_alternate"]), "title"]
    onet = sorted(set(onet.str.strip()) - set(own))
    picked = dict.fromkeys(rng.choice(own, size=n // 2, replace=False).tolist())
    picked.update(dict.fromkeys(rng.choice(onet, size=n // 3, replace=False).tolist()))
    pool = own + onet
    while len(picked) < n:
        variant = _noisy(pool[rng.integers(len(pool))], rng).strip()
        picked.setdefault(variant, None)
    return list(picked)[:n]


def synthetic_workforce(rows: int, seed: int = 0) -> pd.DataFrame:
    """A deterministic workforce of ``rows`` employees with exactly 5,000 distinct titles."""
    rng = np.random.default_rng(seed)
    example = pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)
    titles = np.asarray(distinct_titles(example, N_TITLES, rng), dtype=object)
    # Zipf-like frequencies: the example's titles first, by their frequency there, then the
    # rest in random order; every title appears at least once.
    counts = example["job_title"].str.strip().value_counts()
    order = sorted(range(N_TITLES), key=lambda i: -counts.get(titles[i], 0))
    rest = rng.permutation([i for i in order if titles[i] not in counts.index])
    order = [i for i in order if titles[i] in counts.index] + rest.tolist()
    weights = np.empty(N_TITLES)
    weights[order] = 1.0 / (np.arange(N_TITLES) + 10.0)
    draw = rng.choice(N_TITLES, size=rows - N_TITLES, p=weights / weights.sum())
    title_index = rng.permutation(np.concatenate([np.arange(N_TITLES), draw]))

    departments = [d + t for d in sorted(set(example["department"])) for t in TEAMS]
    sites = sorted(set(zip(example["location"], example["country"], strict=True)))
    sites += CITIES
    site = rng.integers(len(sites), size=rows)
    cost = (rng.lognormal(np.log(60_000), 0.45, size=rows) / 100).round() * 100

    codes = [c for c in sorted(set(example["occupation_code"])) if c] + EXTRA_CODES
    code = np.full(rows, "", dtype=object)
    coded = rng.random(rows) < 0.05
    code[coded] = np.asarray(codes, dtype=object)[rng.integers(len(codes), size=coded.sum())]
    return pd.DataFrame(
        {
            "employee_id": [f"E{i:07d}" for i in range(1, rows + 1)],
            "job_title": titles[title_index],
            "department": np.asarray(departments, dtype=object)[
                rng.integers(len(departments), size=rows)
            ],
            "location": np.asarray([s[0] for s in sites], dtype=object)[site],
            "country": np.asarray([s[1] for s in sites], dtype=object)[site],
            "headcount": "1",
            "annual_cost": [f"{c:.1f}" for c in cost],
            "occupation_code": code,
        }
    )


@dataclass
class Run:
    seconds: float
    peak_mb: float
    summary: dict[str, object]


def run_analyze(source: Path, output: Path, env: dict[str, str] | None = None) -> Run:
    """``workshift analyze`` as a fresh process: wall time and that child's peak RSS."""
    command = [sys.executable, "-m", "workshift", "analyze", str(source), "--output", str(output)]
    child_env = {**os.environ, "WORKSHIFT_PROGRESS": "0", "WORKSHIFT_PSEUDONYM_KEY": PSEUDONYM_KEY}
    child_env.update(env or {})
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=child_env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            log.seek(0)
            sys.exit(f"workshift analyze failed:\n{log.read().decode(errors='replace')}")
    summary = json.loads((output / "summary.json").read_text(encoding="utf-8"))
    return Run(seconds, usage.ru_maxrss / 1024, summary)


def timed(function: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",")],
        default=[100_000, 1_000_000],
        help="comma-separated numbers of employees (default 100000,1000000)",
    )
    parser.add_argument(
        "--cold", action="store_true", help="also time the smallest size with an empty cache"
    )
    args = parser.parse_args()
    sizes: list[int] = sorted(args.sizes)

    print("warming the caches: workshift setup (not timed)", flush=True)
    subprocess.run([sys.executable, "-m", "workshift", "setup"], check=True, capture_output=True)

    lines = [
        "`workshift analyze` on synthetic workforces with exactly 5,000 distinct job titles "
        "(example-workforce and O*NET reported/alternate titles with case, level, gender, "
        "shift and typo noise; Zipf-like frequencies), headcount 1, ~5% rows with an "
        "occupation code, employee ids pseudonymised. Rows whose title the matcher is unsure "
        "of are analysed over their top-5 candidate occupations (issue 12), so more "
        "occupations are scored. Each run is a fresh process with the "
        "caches warm (`workshift setup` ran first); peak RSS is that process's own. "
        "Baselines are measured in the benchmark process on the same file.",
        "",
        "| employees | wall time | target | peak RSS | target | per 1,000 rows | "
        "per-row cost vs smallest | `pandas.read_csv` | `read_workforce` | "
        "analyze / read_workforce | unmatched rows | rows over candidates | load before |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    results: dict[int, Run] = {}
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            source = Path(folder) / f"workforce_{rows}.csv"
            synthetic_workforce(rows).to_csv(source, index=False)
            read_csv = timed(pd.read_csv, source)
            ingest = timed(lambda p: read_workforce(p, pseudonym_key=PSEUDONYM_KEY), source)
            print(f"{rows:,} rows: read_csv {read_csv:.2f} s, read_workforce {ingest:.2f} s")
            load = os.getloadavg()[0]
            run = results[rows] = run_analyze(source, Path(folder) / f"out_{rows}")
            assert run.summary["input_rows"] == rows, run.summary
            coded = run.summary.get("decided_by", {})
            candidates = int(coded.get("candidates", {}).get("rows", 0))
            first = results[sizes[0]]
            scale = (run.seconds / rows) / (first.seconds / sizes[0])
            max_s, max_mb = TARGETS.get(rows, (float("nan"), float("nan")))
            print(f"{rows:,} rows: analyze {run.seconds:.1f} s, peak RSS {run.peak_mb:,.0f} MB")
            lines.append(
                f"| {rows:,} | {run.seconds:.1f} s | <= {max_s:.0f} s | {run.peak_mb:,.0f} MB | "
                f"<= {max_mb:,.0f} MB | {1000 * run.seconds / rows:.3f} s | {scale:.2f}x | "
                f"{read_csv:.2f} s | {ingest:.2f} s | {run.seconds / ingest:.0f}x | "
                f"{run.summary['unmatched_rows']:,} | {candidates:,} | {load:.1f} |"
            )
        if args.cold:
            rows = sizes[0]
            with tempfile.TemporaryDirectory() as home:
                cold = run_analyze(
                    Path(folder) / f"workforce_{rows}.csv",
                    Path(folder) / "out_cold",
                    env={"WORKSHIFT_HOME": home},
                )
            print(f"cold {rows:,} rows: {cold.seconds:.1f} s, peak RSS {cold.peak_mb:,.0f} MB")
            lines += [
                "",
                f"Cold start ({rows:,} employees, empty `WORKSHIFT_HOME`, so the run first embeds "
                "the reference titles and tasks and fits the title matcher and the task model, "
                f"what `workshift setup` does once): {cold.seconds:.1f} s, peak RSS "
                f"{cold.peak_mb:,.0f} MB; {cold.seconds / results[rows].seconds:.1f}x the warm "
                "run.",
            ]
    head = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    lines += [
        "",
        f"Code at `{head or 'unknown'}`. Load before = the 1-minute load average when the run "
        "started: other jobs on the machine share its two cores, so times above a load of ~2 "
        "are pessimistic.",
    ]
    write_section("Workforce analysis speed (issue 4)", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
