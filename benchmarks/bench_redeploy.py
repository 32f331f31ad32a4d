"""Benchmark: the whole redeployment plan at 10,000 people x 2,000 openings (issue 6).

``bench_optimiser.py`` times the assignment on given candidate pairs; this times what
``workshift reskill`` runs after the analysis, on real profiles: candidate moves (site
rules, transition fit, each person's gap, the cheapest modules of the example course
catalogue per gap), the exact assignment with its greedy baseline, and the plan with its
explanations (:func:`workshift.reskilling.redeploy`). No target is named in the issue; the
figures say whether the library scales to a large organisation on this machine.

Setup (seed 0): people take the occupations of the example workforce in proportion to
their headcount, six sites (the example's), 25% accept relocation, 15% list one of a few
skills; 2,000 openings take targets drawn from the example openings' targets and the
eight emerging roles, capacities 1-6, 30% open to other sites. The transitions engine is
built once before the clock starts (``default_transitions``, text embeddings cached).
Baseline in the same run: the same plan with every allowed pair kept (``per_person=None``),
to show what capping each person's moves costs and saves.

The timed run happens in a child process so its peak RSS is its own (``os.wait4``).

Run: ``python benchmarks/bench_redeploy.py`` (writes benchmarks/RESULTS.md);
``--people 1000 --openings 200`` for a quick check (does not write).
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

EXAMPLES = Path(__file__).parents[1] / "examples"
SITES = ("Seattle", "Austin", "Nashville", "Berlin", "Leipzig", "Munich")
SKILLS = ("Python=3", "Microsoft Excel=4", "Writing=4", "SQL", "Critical Thinking=4.5")


def _setup(people: int, openings: int, seed: int = 0):  # type: ignore[no-untyped-def]
    import numpy as np
    import pandas as pd

    from workshift.reference import ReferenceStore
    from workshift.reskilling import (
        emerging_roles,
        person_skills,
        read_openings,
        skill_vocabulary,
    )
    from workshift.reskilling._skills import profile_skill_ids

    rng = np.random.default_rng(seed)
    store = ReferenceStore()
    workforce = pd.read_csv(EXAMPLES / "workforce.csv", dtype=str, keep_default_na=False)
    codes = workforce.loc[workforce["occupation_code"] != "", "occupation_code"]
    origins = codes.map(lambda c: store.resolve(c).onet_soc_codes[0]).value_counts()
    staff = pd.DataFrame(
        {
            "employee_id": [f"E{i:06d}" for i in range(people)],
            "input_row": np.arange(people),
            "origin_code": rng.choice(origins.index, people, p=origins / origins.sum()),
            "department": "Operations",
            "location": rng.choice(SITES, people),
            "relocation": rng.random(people) < 0.25,
            "priority": 1 + 0.01 * rng.integers(0, 36, people),
            "note": "",
        }
    )
    listed = np.where(rng.random(people) < 0.15, rng.choice(SKILLS, people), "")
    staff["skills"], _ = person_skills(
        pd.Series(listed), skill_vocabulary(store), profile_skill_ids(store), file="bench"
    )
    catalogue = emerging_roles(store=store)
    example = read_openings(EXAMPLES / "openings.csv", store, emerging=set(catalogue["role_id"]))
    targets = sorted(set(example["target_code"]) | set(catalogue["role_id"]))
    rng = np.random.default_rng(seed + 1)  # the same openings for any number of people
    roles = pd.DataFrame(
        {
            "opening_id": [f"O{j:05d}" for j in range(openings)],
            "target_code": rng.choice(targets, openings),
            "capacity": rng.integers(1, 7, openings),
            "location": rng.choice(SITES, openings),
            "relocation": rng.random(openings) < 0.3,
        }
    )
    return staff, roles


def child(people: int, openings: int, per_person: int | None) -> dict[str, object]:
    """Run in the child process: build the engine, then time the plan."""
    from workshift.reskilling import default_transitions, read_courses, redeploy

    staff, roles = _setup(people, openings)
    engine = default_transitions()
    courses = read_courses(EXAMPLES / "courses.csv")
    start = time.perf_counter()
    result = redeploy(staff, roles, engine, courses, per_person=per_person)
    elapsed = time.perf_counter() - start
    plan = result.plan
    assert plan["employee_id"].tolist() == staff["employee_id"].tolist()
    filled = plan.loc[plan["status"] == "assigned", "opening_id"].value_counts()
    assert (filled <= roles.set_index("opening_id").loc[filled.index, "capacity"]).all()
    summary = result.summary
    return {
        "seconds": elapsed,
        "people": people,
        "openings": openings,
        "places": int(roles["capacity"].sum()),
        "candidate_pairs": summary["candidate_pairs"],
        "blocked_pairs": summary["blocked_pairs"],
        "assigned": summary["assigned"],
        "objective": summary["objective"],
        "greedy_objective": summary["greedy_objective"],
        "solver": summary["solver"],
    }


def _run(people: int, openings: int, per_person: int | None) -> tuple[dict[str, object], float]:
    command = [
        sys.executable, __file__, "--child", "--people", str(people),
        "--openings", str(openings), "--per-person", str(per_person or 0),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    stdout = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"benchmark child failed with status {status}")
    return json.loads(stdout.strip().splitlines()[-1]), usage.ru_maxrss / 2**20  # KiB -> GiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--openings", type=int, default=2_000)
    parser.add_argument("--per-person", type=int, default=50)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.people, args.openings, args.per_person or None)))
        return
    capped, capped_gb = _run(args.people, args.openings, args.per_person)
    every, every_gb = _run(args.people, args.openings, None)
    lines = [
        "| run | people | openings (places) | candidate pairs | assigned | exact vs greedy "
        "| solver | time | peak RSS |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for label, f, gb in (
        (f"{args.per_person} moves per person (default)", capped, capped_gb),
        ("every allowed pair (baseline)", every, every_gb),
    ):
        gain = float(f["objective"]) - float(f["greedy_objective"])  # type: ignore[arg-type]
        lines.append(
            f"| {label} | {f['people']:,} | {f['openings']:,} ({f['places']:,}) "
            f"| {f['candidate_pairs']:,} | {f['assigned']:,} "
            f"| {f['objective']:,.1f} vs {f['greedy_objective']:,.1f} ({gain:+,.1f}) "
            f"| {f['solver']['status']} | {f['seconds']:.1f} s | {gb:.2f} GB |"  # type: ignore[index]
        )
    table = "\n".join(lines)
    print(table)
    if (args.people, args.openings) == (10_000, 2_000):
        write_section(
            "Redeployment plan end to end (bench_redeploy.py)",
            "Candidate moves (site rules, transition fit, each person's gap, cheapest modules "
            "of `examples/courses.csv`), exact assignment with greedy baseline and the "
            "explained plan (`reskilling.redeploy`), after the transitions engine is built. "
            "Synthetic people on the example's occupations and sites (seed 0); see the "
            "script's docstring. Interchangeable openings (same target, site and relocation "
            "rule) enter the optimiser as one class. The baseline keeps every allowed pair."
            "\n\n" + table,
        )


if __name__ == "__main__":
    main()
