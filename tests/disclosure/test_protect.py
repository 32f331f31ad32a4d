"""Unit tests of disclosure control: textbook cases, cross-table relations, the baseline."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from workshift.disclosure import DisclosurePolicy, Relation, Table, linear_system, protect
from workshift.disclosure._attacker import Attacker, highs_binding
from workshift.disclosure._audit import audit
from workshift.disclosure._suppress import primary
from workshift.exceptions import ConfigError, ReportDataError


def grid_tables(grid: list[list[int]], total: bool = True) -> list[Table]:
    """A two-way table with both margins (and the grand total)."""
    cells = pd.DataFrame(
        [(f"r{i}", f"c{j}", v) for i, row in enumerate(grid) for j, v in enumerate(row)],
        columns=["row", "col", "people"],
    )
    tables = [
        Table("cells", cells, ["row", "col"]),
        Table("rows", cells.groupby("row", as_index=False)["people"].sum(), ["row"]),
        Table("cols", cells.groupby("col", as_index=False)["people"].sum(), ["col"]),
    ]
    if total:
        tables.append(Table("total", pd.DataFrame({"people": [cells["people"].sum()]})))
    return tables


def test_textbook_3x3_one_primary_needs_a_rectangle() -> None:
    """One small cell in a 3x3 table with margins and total: at least 3 complementary
    cells (Willenborg and de Waal); the optimum is exactly a rectangle of 4."""
    out = protect(grid_tables([[2, 10, 12], [11, 9, 15], [8, 14, 13]]))
    status = out.status[out.status["table"] == "cells"]["status"].to_numpy().reshape(3, 3)
    hidden = status != "published"
    assert status[0, 0] == "primary"
    assert hidden.sum() == 4
    rows, cols = np.flatnonzero(hidden.any(axis=1)), np.flatnonzero(hidden.any(axis=0))
    assert len(rows) == 2 and len(cols) == 2 and hidden[np.ix_(rows, cols)].all()
    assert out.summary()["suppressed_complementary"] == 3
    assert out.ok and out.optimal
    # The margins are published and equal to the data.
    assert out.frames["rows"]["people"].tolist() == [24, 35, 35]


def test_a_cell_hidden_in_its_table_is_exposed_by_another_table() -> None:
    """department x location alone needs no complementary cell (no margins in it); with
    the departments table of the same run it does, and protect sees both."""
    dl = Table(
        "department_locations",
        pd.DataFrame(
            {"department": list("AABB"), "location": list("XYXY"), "people": [2, 30, 20, 25]}
        ),
        ["department", "location"],
    )
    depts = Table(
        "departments", pd.DataFrame({"department": ["A", "B"], "people": [32, 45]}), ["department"]
    )
    policy = DisclosurePolicy()
    alone = protect([dl], policy)
    assert alone.log["suppressed_complementary"].tolist() == [0]
    # The pattern of the table on its own, audited against everything published.
    system = linear_system([dl, depts])
    first = primary(system, policy)
    pattern = np.zeros(system.n_cells, dtype=bool)
    pattern[system.cells["var"][system.cells["table"] == dl.name].to_numpy()] = (
        alone.status["status"].to_numpy() != "published"
    )
    exposed = audit(system, pattern, first, policy)
    assert not exposed["ok"].any()
    assert exposed[["lower", "upper"]].iloc[0].tolist() == [2.0, 2.0]  # 32 - 30
    together = protect([dl, depts], policy)
    assert together.ok
    assert together.summary()["suppressed_complementary"] >= 1


def test_naive_smallest_sibling_leaves_two_small_cells_hiding_each_other() -> None:
    parts = pd.DataFrame({"unit": list("abcd"), "people": [1, 2, 30, 40]})
    tables = [Table("units", parts, ["unit"]), Table("total", pd.DataFrame({"people": [73]}))]
    naive = protect(tables, method="smallest_sibling")
    assert naive.summary()["suppressed_complementary"] == 0  # the rule sees two hidden
    assert not naive.ok  # 1 + 2 = 3 is known: neither can be 3 people more than it is
    best = protect(tables)
    assert best.ok and best.summary()["suppressed_complementary"] == 1
    assert best.frames["units"]["suppressed"].tolist() == [True, True, True, False]


def test_multi_valued_cells_are_bounded_by_their_group() -> None:
    depts = pd.DataFrame({"department": ["A", "B"], "people": [10, 12]})
    work = pd.DataFrame(
        {
            "department": list("AABB"),
            "task_group": ["g1", "g2", "g1", "g2"],
            "people": [10, 3, 4, 12],
        }
    )
    groups = work.groupby("task_group", as_index=False)["people"].sum()
    tables = [
        Table("departments", depts, ["department"]),
        Table("department_task_groups", work, ["department", "task_group"]),
        Table("task_groups", groups, ["task_group"]),
    ]
    # Rows do not add up to the department (people do several task groups) ...
    with pytest.raises(ReportDataError, match="do not satisfy"):
        linear_system(tables)
    system = linear_system(tables, multi_valued=["task_group"])
    assert system.a_ub.shape[0] > 0  # ... they are bounded by it instead
    out = protect(tables, multi_valued=["task_group"])
    assert out.ok
    row = out.audit.set_index("key").loc["department=A, task_group=g2"]
    assert row["upper"] <= 10 + 1e-6  # at most the department's people


def test_published_frames_hide_values_with_the_cell_and_keep_the_rest() -> None:
    cells = pd.DataFrame(
        {
            "department": list("AABB"),
            "location": list("XYXY"),
            "people": [2, 10, 9, 0],
            "beta": [0.9, 0.3, 0.2, np.nan],
            "fte": [1.5, 9.0, 8.0, 0.0],
        }
    )
    out = protect([Table("dl", cells, ["department", "location"], values=["beta", "fte"])])
    frame = out.frames["dl"]
    hidden = frame["suppressed"].to_numpy()
    assert hidden[0]
    assert frame.loc[hidden, ["people", "beta", "fte"]].isna().all().all()
    shown = frame[~hidden]
    assert shown["people"].tolist() == cells.loc[~hidden, "people"].tolist()
    assert shown["fte"].tolist() == cells.loc[~hidden, "fte"].tolist()
    assert "reason" not in frame and "status" not in frame  # the frame never says why


def test_zero_cells_are_published() -> None:
    out = protect(grid_tables([[0, 10, 12], [11, 9, 15]]))
    assert out.frames["cells"]["people"].iloc[0] == 0
    assert not out.frames["cells"]["suppressed"].any()


def test_no_small_cell_no_suppression() -> None:
    out = protect(grid_tables([[5, 10], [11, 9]]))
    assert out.summary()["suppressed_primary"] == 0
    assert out.summary()["suppressed_complementary"] == 0
    assert len(out.audit) == 0 and out.ok


def test_log_and_summary_hold_counts_only_and_serialise() -> None:
    out = protect(grid_tables([[2, 10, 12], [11, 9, 15], [8, 14, 13]]))
    assert list(out.log.columns) == [
        "table",
        "cells",
        "published",
        "suppressed_primary",
        "suppressed_complementary",
    ]
    summary = json.loads(json.dumps(out.summary()))
    assert summary["tables"]["cells"] == {
        "cells": 9,
        "published": 5,
        "suppressed_primary": 1,
        "suppressed_complementary": 3,
    }
    assert summary["audit"] == {"cells_checked": 4, "passed": 4, "ok": True}
    assert summary["min_people"] == 5 and summary["margin"] == 3.0


def test_cost_people_hides_fewer_people() -> None:
    grid = [[2, 50, 6, 7], [40, 45, 6, 8], [30, 35, 50, 60]]
    by_cells = protect(grid_tables(grid))
    by_people = protect(grid_tables(grid), DisclosurePolicy(cost="people"))
    assert by_cells.ok and by_people.ok
    hidden = [
        p.audit.loc[p.audit["reason"] == "complementary", "people"].sum()
        for p in (by_cells, by_people)
    ]
    assert hidden[1] <= hidden[0]


def test_relation_between_universes_is_checked_and_used() -> None:
    depts = Table(
        "departments", pd.DataFrame({"department": ["A", "B"], "people": [40, 30]}), ["department"]
    )
    moves = Table(
        "moves",
        pd.DataFrame({"department": ["A", "B"], "people": [3, 12]}),
        ["department"],
        universe="plan",
    )
    at_most = [
        Relation([("moves", (d,), 1.0), ("departments", (d,), -1.0)], "<=") for d in ("A", "B")
    ]
    out = protect([depts, moves], relations=at_most)
    assert out.ok
    assert out.frames["moves"]["suppressed"].tolist()[0]
    wrong = Relation([("moves", ("B",), 1.0)], ">=", 20.0)
    with pytest.raises(ReportDataError, match="relation"):
        protect([depts, moves], relations=[wrong])
    with pytest.raises(ReportDataError, match="no such cell"):
        protect([depts, moves], relations=[Relation([("moves", ("Z",), 1.0)], "<=", 5)])


@pytest.mark.parametrize(
    ("frame", "dims", "message"),
    [
        (pd.DataFrame({"d": ["A"], "n": [3]}), ["d"], "lacks the column"),
        (pd.DataFrame({"d": ["A", "A"], "people": [3, 4]}), ["d"], "more than one row"),
        (pd.DataFrame({"d": ["A"], "people": [-1]}), ["d"], "count of people"),
        (pd.DataFrame({"d": [None], "people": [4]}), ["d"], "missing dimension value"),
    ],
)
def test_bad_tables_are_named(frame: pd.DataFrame, dims: list[str], message: str) -> None:
    with pytest.raises(ReportDataError, match=message):
        Table("t", frame, dims)


def test_tables_that_disagree_are_a_wiring_error() -> None:
    parts = pd.DataFrame({"d": ["A", "B"], "people": [3, 4]})
    total = pd.DataFrame({"people": [8]})
    with pytest.raises(ReportDataError, match="do not satisfy"):
        protect([Table("parts", parts, ["d"]), Table("total", total)])
    other = pd.DataFrame({"d": ["A", "B"], "people": [3, 5]})
    with pytest.raises(ReportDataError, match="differently"):
        protect([Table("parts", parts, ["d"]), Table("again", other, ["d"])])
    with pytest.raises(ReportDataError, match="unique"):
        protect([Table("parts", parts, ["d"]), Table("parts", parts, ["d"])])


@pytest.mark.parametrize(
    "kwargs", [{"min_people": 0}, {"margin": -1.0}, {"cost": "euros"}, {"time_limit": 0}]
)
def test_policy_is_validated(kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        DisclosurePolicy(**kwargs)  # type: ignore[arg-type]


def test_margin_default_and_override() -> None:
    assert DisclosurePolicy(min_people=3).protection == 2.0
    out = protect(grid_tables([[2, 10, 12], [11, 9, 15]]), DisclosurePolicy(margin=8))
    assert out.ok
    row = out.audit[out.audit["reason"] == "primary"].iloc[0]
    assert row["need_upper"] == 10.0 and row["upper"] >= 10.0


@pytest.mark.skipif(highs_binding() is None, reason="no HiGHS binding to compare with")
def test_linprog_fallback_agrees_with_highs() -> None:
    system = linear_system(grid_tables([[2, 10, 12], [11, 9, 15], [8, 14, 13]]))
    lower = np.concatenate([system.value[: system.n_cells], np.zeros(system.n_latent)])
    upper = np.concatenate([system.value[: system.n_cells], np.full(system.n_latent, np.inf)])
    for i in (0, 1, 3, 4):  # a rectangle hidden
        lower[i], upper[i] = 0.0, np.inf
    fast = Attacker(system, lower, upper, backend="highs")
    slow = Attacker(system, lower, upper, backend="linprog")
    for i in (0, 1, 3, 4):
        for sign in (1.0, -1.0):
            a, b = fast.solve(i, sign), slow.solve(i, sign)
            assert a.value == pytest.approx(b.value)


def test_an_empty_table_is_logged_with_no_cells() -> None:
    # (In the grid's universe it would say nobody has a value of d: a contradiction.)
    empty = Table("empty", pd.DataFrame({"d": [], "people": []}), ["d"], universe="plan")
    out = protect([empty, *grid_tables([[2, 10, 12], [11, 9, 15]])])
    assert out.log.iloc[0].tolist() == ["empty", 0, 0, 0, 0]
    assert out.frames["empty"].empty and out.ok
