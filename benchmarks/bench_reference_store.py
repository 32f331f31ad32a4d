"""Benchmark: opening the ReferenceStore and answering the first questions.

Target (issue 2): opening the store takes well under a second. Baseline, measured in
the same process: reading every bundle table into pandas, which is what a store that
loaded eagerly would do.

Run: ``python benchmarks/bench_reference_store.py`` (writes benchmarks/RESULTS.md).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from _results import write_section

from workshift.reference import ReferenceStore, occupation_profile
from workshift.reference._bundle import default_bundle_dir


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    bundle = default_bundle_dir()
    ReferenceStore()  # warm the imports and the OS file cache for both sides
    eager = timed(
        lambda: [pd.read_parquet(p) for p in sorted(Path(bundle).glob("*.parquet"))], repeat=5
    )
    open_store = timed(ReferenceStore, repeat=20)
    store = ReferenceStore()
    resolve = timed(lambda: store.resolve("43-4051"), repeat=20)
    profile = timed(lambda: occupation_profile(store, "43-4051"), repeat=10)
    fresh_profile = timed(lambda: occupation_profile(ReferenceStore(), "43-4051"), repeat=10)
    rows = [
        ("open ReferenceStore", open_store, "target: well under 1 s"),
        ("resolve('43-4051')", resolve, ""),
        ("occupation profile 43-4051 (open store)", profile, ""),
        ("open + occupation profile 43-4051", fresh_profile, "what `workshift occupation` does"),
        ("baseline: read every table into pandas", eager, "eager loading, same process"),
    ]
    lines = ["| operation | median | ratio to baseline | note |", "|---|---:|---:|---|"]
    for label, seconds, note in rows:
        lines.append(f"| {label} | {seconds * 1000:.1f} ms | {seconds / eager:.3f} | {note} |")
    body = (
        "Opening the store creates DuckDB views over the Parquet bundle; nothing is read "
        "until a query runs.\n\n" + "\n".join(lines)
    )
    write_section("Reference store (issue 2)", body)
    print(body)


if __name__ == "__main__":
    main()
