"""Property tests: random hierarchical tables from random people, checked by an
independent attacker built from the people's cross-classification (not from the
module's linear system)."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from workshift.disclosure import DisclosurePolicy, Protected, Table, protect

TABLES = {
    "total": [],
    "departments": ["department"],
    "locations": ["location"],
    "department_locations": ["department", "location"],
    "task_groups": ["task_group"],
    "department_task_groups": ["department", "task_group"],
}


@st.composite
def runs(draw: st.DrawFn) -> tuple[pd.DataFrame, list[str], int]:
    """People with a department, a location and a set of task groups; a set of tables."""
    n = draw(st.integers(1, 45))
    depts = draw(st.integers(1, 4))
    locs = draw(st.integers(1, 3))
    people = pd.DataFrame(
        {
            "department": [f"D{draw(st.integers(0, depts - 1))}" for _ in range(n)],
            "location": [f"L{draw(st.integers(0, locs - 1))}" for _ in range(n)],
            "task_groups": [
                sorted(draw(st.sets(st.sampled_from(["g0", "g1", "g2"]), max_size=3)))
                for _ in range(n)
            ],
        }
    )
    names = draw(st.lists(st.sampled_from(sorted(TABLES)), min_size=1, max_size=6, unique=True))
    k = draw(st.sampled_from([3, 5]))
    return people, sorted(names), k


def build(people: pd.DataFrame, names: list[str]) -> list[Table]:
    work = people.explode("task_groups").dropna().rename(columns={"task_groups": "task_group"})
    tables = []
    for name in names:
        dims = TABLES[name]
        source = work if "task_group" in dims else people
        if not dims:
            frame = pd.DataFrame({"people": [len(source)]})
        else:
            frame = source.groupby(dims, as_index=False).size().rename(columns={"size": "people"})
        tables.append(Table(name, frame, dims))
    return tables


def oracle(people: pd.DataFrame, tables: list[Table], out: Protected) -> pd.DataFrame:
    """The attacker's interval of every suppressed cell, over the people's own atoms.

    Variables: n(d, l) >= 0 for every department x location (all combinations), and
    c(d, l, g) in [0, n(d, l)] for every task group. Every table cell is a sum of them;
    a published cell fixes its sum, a cell a table does not list is 0, and when everyone
    has a task group, sum_g c(d, l, g) >= n(d, l).
    """
    depts = sorted(people["department"].unique())
    locs = sorted(people["location"].unique())
    groups = ["g0", "g1", "g2"]
    atoms = list(itertools.product(depts, locs))
    fam = list(itertools.product(depts, locs, groups))
    n_a, n_f = len(atoms), len(fam)
    size = n_a + n_f

    def row(dims: list[str], key: dict[str, str]) -> np.ndarray:
        r = np.zeros(size)
        if "task_group" in dims:
            for j, (d, loc, g) in enumerate(fam):
                probe = {"department": d, "location": loc, "task_group": g}
                if all(probe[x] == key[x] for x in dims):
                    r[n_a + j] = 1.0
        else:
            for j, (d, loc) in enumerate(atoms):
                probe = {"department": d, "location": loc}
                if all(probe[x] == key[x] for x in dims):
                    r[j] = 1.0
        return r

    eq_rows, eq_rhs, targets = [], [], []
    values = {"department": depts, "location": locs, "task_group": groups}
    for table in tables:
        dims = list(table.dims)
        frame = out.frames[table.name]
        listed = {tuple(r[d] for d in dims): r for _, r in frame.iterrows()}
        truth = {
            tuple(r[d] for d in dims): float(r[table.people]) for _, r in table.frame.iterrows()
        }
        for combo in itertools.product(*(values[d] for d in dims)):
            key = dict(zip(dims, combo, strict=True))
            r = row(dims, key)
            if combo not in listed:
                eq_rows.append(r)
                eq_rhs.append(0.0)
            elif not listed[combo]["suppressed"]:
                eq_rows.append(r)
                eq_rhs.append(float(listed[combo]["people"]))
            else:
                label = ", ".join(f"{d}={v}" for d, v in key.items()) or "total"
                targets.append((table.name, label, r, truth[combo]))
    ub_rows = []
    for j, (d, loc, _g) in enumerate(fam):  # c(d, l, g) <= n(d, l)
        r = np.zeros(size)
        r[n_a + j], r[atoms.index((d, loc))] = 1.0, -1.0
        ub_rows.append(r)
    if people["task_groups"].map(len).gt(0).all():  # everyone has a task group
        for i, atom in enumerate(atoms):
            r = np.zeros(size)
            r[i] = 1.0
            for j, (d2, l2, _g) in enumerate(fam):
                if (d2, l2) == atom:
                    r[n_a + j] = -1.0
            ub_rows.append(r)
    records = []
    for name, label, r, value in targets:
        ends = []
        for sign in (1.0, -1.0):
            res = linprog(
                -sign * r,
                A_eq=np.array(eq_rows) if eq_rows else None,
                b_eq=np.array(eq_rhs) if eq_rows else None,
                A_ub=np.array(ub_rows),
                b_ub=np.zeros(len(ub_rows)),
                bounds=(0, None),
                method="highs",
            )
            assert res.status in (0, 3), res.message
            ends.append(np.inf if res.status == 3 else -sign * res.fun)
        records.append((name, label, value, ends[1], ends[0]))
    return pd.DataFrame(records, columns=["table", "key", "people", "lower", "upper"])


def _people(*rows: tuple[str, str, list[str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["department", "location", "task_groups"])


@settings(max_examples=80, deadline=None)
@given(runs())
# Only multi-valued tables: the model's bound must come from them (once infeasible).
@example((_people(("D0", "L0", ["g0"])), ["department_task_groups"], 3))
@example(
    (
        _people(("D0", "L0", ["g0"]), ("D0", "L0", ["g0"]), ("D0", "L0", ["g0", "g1"])),
        ["department_task_groups"],
        3,
    )
)
# Nobody has a task group: the multi-valued tables are empty.
@example((_people(("D0", "L0", [])), ["department_task_groups", "departments"], 3))
def test_protected_runs_hold_against_an_independent_attacker(
    run: tuple[pd.DataFrame, list[str], int],
) -> None:
    people, names, k = run
    tables = build(people, names)
    policy = DisclosurePolicy(min_people=k)
    out = protect(tables, policy, multi_valued=["task_group"])
    margin = policy.protection
    for table in tables:
        frame = out.frames[table.name]
        shown = frame.loc[~frame["suppressed"], "people"].astype(float)
        # No published cell below k unless it is 0.
        assert not ((shown > 0) & (shown < k)).any()
        # Published cells are the data, unchanged (margins consistent with the data).
        original = table.frame.loc[~frame["suppressed"].to_numpy(), table.people]
        assert shown.tolist() == original.astype(float).tolist()
    assert out.ok
    assert (out.audit["width"] >= margin - 1e-6).all()
    attack = oracle(people, tables, out)
    assert len(attack) == sum(int(f["suppressed"].sum()) for f in out.frames.values())
    small = (attack["people"] > 0) & (attack["people"] < k)
    # Every suppressed cell can move at least the margin (primary: up by the margin and
    # down by min(margin, value); others: an interval at least the margin wide).
    assert (attack["upper"] - attack["lower"] >= margin - 1e-6).all()
    reach_up = attack["upper"] >= attack["people"] + margin - 1e-6
    reach_down = attack["lower"] <= attack["people"] - np.minimum(margin, attack["people"]) + 1e-6
    assert (reach_up & reach_down)[small].all()
    # The module's audit is never wider than the independent attacker's interval.
    mine = out.audit.set_index(["table", "key"])
    for row in attack.itertuples(index=False):
        tables_of_cell = [t for t in mine.index if t[1] == row.key and row.table in t[0]]
        assert tables_of_cell, (row.table, row.key)
        audited = mine.loc[tables_of_cell[0]]
        assert audited["lower"] >= row.lower - 1e-6
        assert audited["upper"] <= row.upper + 1e-6
