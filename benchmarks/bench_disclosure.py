"""Benchmark: disclosure control of one run's tables (issue 14, item 1).

Target on this 2-core machine: :func:`workshift.disclosure.protect` on all tables at
once in <= 10 s for 20,000 people, every suppressed cell passing the audit.

The setup is synthetic and deterministic (seed 0), shaped like workshift's example: 8
departments of very different sizes, 6 locations (each department concentrated in one or
two), 150 roles nested in departments (sizes heavy-tailed, so many roles have 1-4
people), 40 task groups (each role does 4-12 of them; task group is multi-valued: a
person is counted in every group their role does, so department x task group has many
small cells that do not add up to the department). Tables: the total, departments (with
mean beta and FTE), locations, department x location, department x role, task groups,
department x task group, location x task group; and a reskilling plan moving 8% of the
people to 12 target role families (department x target, by target) in a universe of its
own, tied to the workforce by relations (the people a department loses are at most its
people). One linear system holds all of it (see :mod:`workshift.disclosure._tables`).

Baseline, measured in the same run: the naive rule "while a total and its parts have one
hidden cell, hide its smallest non-empty sibling", table by table, with the same audit.

Run: ``python benchmarks/bench_disclosure.py`` (2,000, 20,000 and 100,000 people; writes
benchmarks/RESULTS.md); ``--people 2000 --no-write`` for a quick check.
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


def build_tables(people: int, seed: int = 0) -> tuple[list[Any], list[Any]]:
    """The run's tables for ``people`` synthetic persons, and the relations between the
    workforce and the plan (the people a department loses are at most its people)."""
    import numpy as np
    import pandas as pd

    from workshift.disclosure import Relation, Table

    rng = np.random.default_rng(seed)
    n_dept, n_loc, n_role, n_group = 8, 6, 150, 40
    dept_share = rng.dirichlet(np.full(n_dept, 1.5))
    role_dept = np.sort(rng.choice(n_dept, n_role, p=dept_share))
    role_dept[:n_dept] = np.arange(n_dept)  # every department has a role
    role_size = rng.pareto(1.1, n_role) + 0.05
    role_p = role_size / role_size.sum()
    role = rng.choice(n_role, people, p=role_p)
    dept = role_dept[role]
    home = rng.integers(0, n_loc, n_dept)
    loc_of_dept = np.full((n_dept, n_loc), 0.02)
    loc_of_dept[np.arange(n_dept), home] += 0.75
    loc_of_dept[np.arange(n_dept), (home + 1) % n_loc] += 0.2
    loc_of_dept /= loc_of_dept.sum(axis=1, keepdims=True)
    location = np.array([rng.choice(n_loc, p=loc_of_dept[d]) for d in dept])
    group_p = rng.dirichlet(np.full(n_group, 1.0))
    role_groups = [
        rng.choice(n_group, rng.integers(4, 13), replace=False, p=group_p) for _ in range(n_role)
    ]
    beta = rng.beta(2, 3, people)
    fte = np.where(rng.random(people) < 0.2, 0.5, 1.0)
    staff = pd.DataFrame(
        {
            "department": [f"D{d}" for d in dept],
            "location": [f"L{x}" for x in location],
            "role": [f"R{r:03d}" for r in role],
            "beta": beta,
            "fte": fte,
        }
    )

    def count(frame: pd.DataFrame, dims: list[str], extra: bool = False) -> pd.DataFrame:
        if not dims:
            return pd.DataFrame({"people": [len(frame)]})
        agg: dict[str, tuple[str, str]] = {"people": ("beta", "size")}
        if extra:
            agg |= {"beta": ("beta", "mean"), "fte": ("fte", "sum")}
        return frame.groupby(dims, as_index=False).agg(**agg)  # type: ignore[call-overload,no-any-return]

    # The reskilling plan moves about 8% of the people, from their department to one of
    # 12 target role families: its own universe, tied to the workforce by relations.
    moving = staff[rng.random(people) < 0.08].assign(
        target=lambda f: [f"T{t:02d}" for t in rng.integers(0, 12, len(f))]
    )
    work = staff.assign(task_group=[[f"G{g:02d}" for g in role_groups[r]] for r in role]).explode(
        "task_group"
    )
    tables = [
        Table("total", count(staff, [])),
        Table(
            "departments",
            count(staff, ["department"], True),
            ["department"],
            values=["beta", "fte"],
        ),
        Table("locations", count(staff, ["location"], True), ["location"], values=["beta"]),
        Table(
            "department_locations",
            count(staff, ["department", "location"], True),
            ["department", "location"],
            values=["beta", "fte"],
        ),
        Table(
            "roles",
            count(staff, ["department", "role"], True),
            ["department", "role"],
            values=["beta", "fte"],
        ),
        Table("task_groups", count(work, ["task_group"]), ["task_group"]),
        Table(
            "department_task_groups",
            count(work, ["department", "task_group"]),
            ["department", "task_group"],
        ),
        Table(
            "location_task_groups",
            count(work, ["location", "task_group"]),
            ["location", "task_group"],
        ),
        Table(
            "moves",
            count(moving, ["department", "target"]),
            ["department", "target"],
            universe="plan",
        ),
        Table("moves_by_target", count(moving, ["target"]), ["target"], universe="plan"),
    ]
    moves = tables[-2].frame
    relations = [
        Relation(
            [("moves", (d, t), 1.0) for t in moves.loc[moves["department"] == d, "target"]]
            + [("departments", (d,), -1.0)],
            "<=",
        )
        for d in moves["department"].unique()
    ]
    return tables, relations


def run(people: int) -> dict[str, Any]:
    """Both methods on the tables of ``people`` persons, timed."""
    from workshift.disclosure import DisclosurePolicy, protect

    tables, relations = build_tables(people)
    out: dict[str, Any] = {"tables": tables}
    for method in ("optimal", "smallest_sibling"):
        start = time.perf_counter()
        out[method] = protect(
            tables,
            DisclosurePolicy(min_people=5),
            multi_valued=["task_group"],
            relations=relations,
            method=method,
        )
        out[method + "_s"] = time.perf_counter() - start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[2_000, 20_000, 100_000])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    load = os.getloadavg()[0]
    results = {people: run(people) for people in args.people}
    lines = [
        "`workshift.disclosure.protect` on all tables of a run at once: total, departments, "
        "locations, department x location, department x role (150 roles), task groups, "
        "department x task group, location x task group (task group multi-valued), and a "
        "reskilling plan's moves (department x target, by target) in its own universe, tied "
        "to the departments by relations; synthetic, seed 0 (see the script's docstring). "
        "k = 5 people, margin 3 people. Target (issue 14): <= 10 s for 20,000 people.",
        "",
        "Both methods are audited the same way: for every suppressed cell, an LP over "
        "everything published (published cells fixed, every relation, non-negativity) "
        "gives the interval an attacker can infer; a primary cell must reach 3 people above "
        "and min(3, value) below its value, a complementary cell an interval >= 3 wide.",
        "",
        f"Load average before: {load:.1f}.",
        "",
        "| people | cells | method | primary | complementary | complementary people "
        "| audit failures | proven minimal | time |",
        "|---:|---:|---|---:|---:|---:|---:|---|---:|",
    ]
    for people, res in results.items():
        cells = sum(len(t.frame) for t in res["tables"])
        for method, label in (
            ("optimal", "MILP + attacker-LP cuts"),
            ("smallest_sibling", "smallest sibling (naive)"),
        ):
            prot = res[method]
            summary = prot.summary()
            comp = prot.audit[prot.audit["reason"] == "complementary"]
            failures = int((~prot.audit["ok"]).sum())
            lines.append(
                f"| {people:,} | {cells:,} | {label} | {summary['suppressed_primary']:,} | "
                f"{summary['suppressed_complementary']:,} | {comp['people'].sum():,.0f} | "
                f"{failures:,} of {len(prot.audit):,} | {'yes' if prot.optimal else 'no'} | "
                f"{res[method + '_s']:.1f} s |"
            )
    main_size = 20_000 if 20_000 in results else args.people[0]
    best, naive = results[main_size]["optimal"], results[main_size]["smallest_sibling"]
    lines += [
        "",
        f"Per table, {main_size:,} people (MILP):",
        "",
        "| table | cells | published | primary | complementary |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in best.log.itertuples(index=False):
        lines.append(
            f"| {row.table} | {row.cells:,} | {row.published:,} | {row.suppressed_primary:,} | "
            f"{row.suppressed_complementary:,} |"
        )
    failed = naive.audit[~naive.audit["ok"]]
    if len(failed):
        where = ", ".join(f"{t} {n}" for t, n in failed["table"].value_counts().items())
        lines += [
            "",
            f"The naive rule's exposed cells at {main_size:,} people, by table: {where}. "
            "It hides fewer cells because it does not hide enough: two small cells hiding "
            "each other, a hidden cell that another table's margin gives away, a "
            "complement too small to move.",
        ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write and args.people == [2_000, 20_000, 100_000]:
        write_section("Disclosure control (issue 14)", body)


if __name__ == "__main__":
    main()
