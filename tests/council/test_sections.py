"""The §97 (2) and §111 sections on small hand-built inputs: the flag's four criteria per
department x occupation group, the settable skill-change share, the plan's learners as
a protected table, the BAG's 6 for small establishments with the enterprise condition,
sites abroad, and the largest reduction within one year."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift.cli import app
from workshift.council import (
    SKILL_CHANGE_SHARE,
    check_skill_change_share,
    covered_sites,
    site_countries,
)
from workshift.council._sections import codetermination, establishments
from workshift.council._tables import _plan_relations, _plan_tables, plan_learners
from workshift.disclosure import DisclosurePolicy, Table, linear_system, protect
from workshift.exceptions import ConfigError
from workshift.reports._council_messages import council_messages
from workshift.reports._council_report import _codetermination, _establishments, _Format

EXAMPLES = Path(__file__).parents[2] / "examples"

# ---------------------------------------------------------------- §97 (2)

CLERK, AGENT, ANALYST = "43-3031.00", "43-4051.00", "13-2051.00"


def _frame(rows: list[tuple[Any, ...]], columns: str) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns.split())


def _codetermination_inputs(plan: bool = True) -> tuple[Any, dict[str, pd.DataFrame]]:
    """Departments A and B; in A, clerks (work 5 %) and customer-service agents (work
    12 %) in group 43, analysts in group 13; in B, clerks and analysts. A service covers
    an agent task; the plan trains 6 analysts of A (published) and 3 clerks of B
    (withheld)."""
    cells = _frame(
        [("A", CLERK, "Clerk", 80.0, "today"), ("A", AGENT, "Agent", 20.0, "today"),
         ("A", ANALYST, "Analyst", 30.0, "today"), ("B", CLERK, "Clerk", 40.0, "today"),
         ("B", ANALYST, "Analyst", 10.0, "today")],
        "department onet_soc_code role headcount kind",
    )  # fmt: skip
    final = 2030
    projection = _frame(
        [(final, "role", "Clerk", "fte_equivalent", 6.0),  # 5 % of 120
         (final, "role", "Agent", "fte_equivalent", 2.4),  # 12 % of 20
         (final, "role", "Analyst", "fte_equivalent", 0.0),
         (final - 1, "role", "Agent", "fte_equivalent", 9.9)],  # not the final year
        "year group_by group metric p50",
    )  # fmt: skip
    unit_groups = _frame(
        [(final, "A", "43-0000", "fte_equivalent", 6.4),  # 4 + 2.4 of 100: 6.4 %
         (final, "A", "13-0000", "fte_equivalent", 0.0),
         (final, "B", "43-0000", "fte_equivalent", 2.0),  # 5 % of 40
         (final, "B", "13-0000", "fte_equivalent", 0.0)],
        "year department occupation_group metric p50",
    )  # fmt: skip
    coverage = _frame(
        [("S1", AGENT, "Agents", "Answer customer contacts.", 1.0)],
        "service_id onet_soc_code occupation task share",
    )
    tasks = _frame([(AGENT, "Answer customer contacts.", 2.0)], "onet_soc_code task weight")
    rows = _frame(
        [(0, "A", 20.0), (1, "A", 6.0), (2, "A", 8.0), (3, "B", 10.0), (4, "B", 9.0)],
        "input_row department headcount",
    )
    matches = _frame(
        [(0, CLERK, 1.0), (1, AGENT, 1.0), (2, ANALYST, 1.0), (3, CLERK, 1.0), (4, ANALYST, 1.0)],
        "input_row onet_soc_code share",
    )
    scenario = SimpleNamespace(
        cells=cells, projection=projection, unit_groups=unit_groups, coverage=coverage
    )
    analysis = SimpleNamespace(rows=rows, matches=matches, tasks=tasks)
    inputs = SimpleNamespace(analysis=analysis, scenarios={"management": scenario},
                plan=object() if plan else None)  # fmt: skip
    frames = {
        "unit_groups": _frame(
            [
                ("A", "43-0000", 100.0, False),
                ("A", "13-0000", 30.0, False),
                ("B", "43-0000", 40.0, False),
                ("B", "13-0000", 10.0, True),
            ],
            "department occupation_group people suppressed",
        ),
        "roles": _frame(
            [
                (CLERK, "Clerks", 120.0, False),
                (AGENT, "Agents", 20.0, False),
                (ANALYST, "Analysts", 40.0, False),
            ],
            "onet_soc_code occupation people suppressed",
        ),
        "plan_skills": _frame(
            [("A", "Writing", 6.0, False), ("B", "Excel", 3.0, True)],
            "department skill people suppressed",
        ),
    }
    if plan:
        frames["plan_learners"] = _frame(
            [("A", "13-0000", 6.0, False), ("B", "43-0000", 3.0, True)],
            "department origin_group people suppressed",
        )
    return inputs, frames


def _groups(frame: pd.DataFrame) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["department"], r["occupation_group"]): r for r in frame.to_dict("records")}


def test_each_criterion_flags_its_own_group() -> None:
    inputs, frames = _codetermination_inputs()
    groups = _groups(codetermination(inputs, frames))
    a43, a13, b43 = groups[("A", "43-0000")], groups[("A", "13-0000")], groups[("B", "43-0000")]
    # A/43: the group's 6.4 % stays below 10 %, the agents' 12 % reaches it.
    assert a43["share_taken_over"] == pytest.approx(0.064)
    assert (a43["because_work"], a43["because_occupation"]) == (False, True)
    assert (a43["occupation_code"], a43["occupation"]) == (AGENT, "Agents")
    assert a43["occupation_share"] == pytest.approx(0.12)
    assert a43["because_tasks"] is True and a43["tasks"] == "Answer customer contacts."
    # The plan trains analysts of A: A/13 only, not every group of department A.
    assert (a13["because_plan"], a13["plan_people"], a13["skills"]) == (True, 6.0, "Writing")
    assert (a43["because_plan"], a43["plan_people"], a43["skills"]) == (False, 0.0, "")
    assert a13["flag"] is True and a13["because_tasks"] is False
    # B/43: the withheld learners cell is missing and counts as no; 5 % is below 10 %.
    assert np.isnan(b43["plan_people"]) and b43["because_plan"] is False
    assert b43["flag"] is False


def test_an_occupation_with_fewer_than_k_people_in_the_department_says_nothing() -> None:
    # The six agents of A steer the flag and the tasks at k = 5, not at k = 7: what the
    # pack says of a group never rests on fewer than k people of one occupation.
    inputs, frames = _codetermination_inputs()
    a43 = _groups(codetermination(inputs, frames, min_people=7))[("A", "43-0000")]
    assert a43["because_occupation"] is False and a43["because_tasks"] is False
    assert a43["tasks"] == ""


def test_a_suppressed_group_has_no_flag_and_no_figures() -> None:
    inputs, frames = _codetermination_inputs()
    hidden = _groups(codetermination(inputs, frames))[("B", "13-0000")]
    assert hidden["suppressed"] is True
    assert all(pd.isna(hidden[c]) for c in ("flag", "because_plan", "share_taken_over",
                                            "occupation_share", "plan_people"))  # fmt: skip
    assert hidden["occupation"] == hidden["tasks"] == hidden["skills"] == ""


def test_the_skill_change_share_is_settable() -> None:
    inputs, frames = _codetermination_inputs()
    low = _groups(codetermination(inputs, frames, share=0.05))
    assert low[("A", "43-0000")]["because_work"] is True  # 6.4 % >= 5 %
    assert low[("B", "43-0000")]["because_work"] is True  # 5 % >= 5 %
    assert low[("B", "43-0000")]["flag"] is True
    high = _groups(codetermination(inputs, frames, share=0.5))
    assert high[("A", "43-0000")]["because_occupation"] is False


def test_without_a_plan_the_plan_criterion_is_unknown_not_zero() -> None:
    inputs, frames = _codetermination_inputs(plan=False)
    result = codetermination(inputs, frames)
    shown = result.loc[~result["suppressed"]]
    assert shown["plan_people"].isna().all()
    assert not shown["because_plan"].astype(bool).any()


@pytest.mark.parametrize("value", [0, -0.1, 1.01, float("nan"), True, "0.1"])
def test_a_skill_change_share_outside_0_to_1_is_refused(value: Any) -> None:
    with pytest.raises(ConfigError, match="above 0 and at most 1"):
        check_skill_change_share(value)


def test_the_cli_default_is_the_library_default_and_bad_shares_stop_before_any_work(
    tmp_path: Path,
) -> None:
    from workshift.cli._council import council

    assert council.__defaults__ is not None
    assert SKILL_CHANGE_SHARE in council.__defaults__
    assert check_skill_change_share(1) == 1.0
    for bad in ("0", "1.5"):
        result = CliRunner().invoke(
            app,
            ["council", str(EXAMPLES / "workforce.csv"),
             "--portfolio", str(EXAMPLES / "portfolio.yaml"),
             "--scenario", str(EXAMPLES / "scenario.yaml"),
             "--skill-change-share", bad, "--output", str(tmp_path / "x")],
        )  # fmt: skip
        assert result.exit_code == 2, result.output
        assert "skill-change-share" in result.output
        assert not (tmp_path / "x").exists()


def test_the_report_shows_tasks_and_skills_in_two_columns_and_every_reason() -> None:
    inputs, frames = _codetermination_inputs()
    frame = codetermination(inputs, frames)
    for lang in ("de", "en"):
        m = council_messages(lang)
        table = _codetermination(frame, _Format(m, {}))
        assert table.columns[-2:] == [m.column("group_tasks"), m.column("skills")]
        rows = {(r[0], r[1]): r for r in table.rows}
        a43, a13 = rows[("A", "43-0000")], rows[("A", "13-0000")]
        assert f"{AGENT} Agents" in a43[5] and a43[6] == "Answer customer contacts."
        assert a43[7] == "" and a13[7] == "Writing"
        assert m("council_because_tasks") in a43[5]
        assert m("council_because_plan", people=m.number(6)) == a13[5]


# ---------------------------------------------------------------- plan_learners


def _plan_people() -> pd.DataFrame:
    """Ten placed people: six analysts of A learn, one clerk of A does not (no gap),
    three clerks of B learn; two people of B are not placed."""
    rows = (
        [("A", "13-0000", "placed", "Analyst", "Writing; Excel")] * 6
        + [("A", "43-0000", "placed", "Analyst", "")]
        + [("B", "43-0000", "placed", "Agent", "Excel")] * 3
        + [("B", "43-0000", "not placed", "not placed", "")] * 2
    )
    people = pd.DataFrame(
        rows, columns=["department", "origin_group", "placed", "target_name", "gap_skills"]
    )
    return people.assign(
        input_row=range(len(people)), headcount=1.0, training_hours=10.0, training_cost=1.0,
        strengths="",
    )  # fmt: skip


def test_plan_learners_count_the_placed_who_learn_per_origin_group() -> None:
    learners = plan_learners(_plan_people())
    assert learners.to_dict("records") == [
        {"department": "A", "origin_group": "13-0000", "people": 6.0},
        {"department": "B", "origin_group": "43-0000", "people": 3.0},
    ]


def test_plan_learners_are_protected_with_relations_that_hold() -> None:
    people = _plan_people()
    tables = _plan_tables(people)
    assert "plan_learners" in [t.name for t in tables]
    departments = Table("departments", _frame([("A", 40.0), ("B", 30.0)], "department people"),
                        ["department"])  # fmt: skip
    relations = _plan_relations(people, ["A", "B"])
    learner_terms = [r for r in relations if any(t[0] == "plan_learners" for t in r.terms)]
    assert len(learner_terms) >= 4  # per department, per origin group, per skill learnt
    all_tables = [departments, *tables]
    multi = ["skill", "strength"]
    linear_system(all_tables, multi_valued=multi, relations=relations)  # raises if untrue
    protected = protect(all_tables, DisclosurePolicy(min_people=5), multi_valued=multi,
                        relations=relations)  # fmt: skip
    learners = protected.frames["plan_learners"].set_index(["department", "origin_group"])
    assert bool(learners.loc[("B", "43-0000"), "suppressed"])  # 3 people
    published = learners.loc[~learners["suppressed"].astype(bool), "people"]
    assert (published >= 5).all()


# ---------------------------------------------------------------- §111


def _site_inputs(
    countries: list[str] | None, total: float = 300.0, total_hidden: bool = False
) -> tuple[Any, dict[str, pd.DataFrame]]:
    """Berlin (15 people), Seattle (120), Hamburg (160) and a withheld site."""
    sites = ["Berlin", "Seattle", "Hamburg", "Tiny"]
    rows = pd.DataFrame({"input_row": range(4), "location": sites})
    source = rows if countries is None else rows.assign(country=countries)
    reductions = _frame(
        [("Berlin", 5.0, 6.0), ("Seattle", 20.0, 40.0), ("Hamburg", 10.0, 20.0)],
        "location p50 p90",
    )
    projection = _frame(
        [(2026, "location", "Hamburg", "exits", 2.0), (2027, "location", "Hamburg", "exits", 7.0),
         (2027, "location", "Hamburg", "surplus_headcount", 50.0),
         (2027, "department", "Hamburg", "exits", 99.0)],
        "year group_by group metric p50",
    )  # fmt: skip
    scenario = SimpleNamespace(reductions=reductions, projection=projection)
    analysis = SimpleNamespace(rows=rows, workforce=SimpleNamespace(rows=source))
    inputs = SimpleNamespace(analysis=analysis, scenarios={"management": scenario})
    frames = {
        "locations": _frame(
            [
                ("Berlin", 15.0, 15.0, False),
                ("Seattle", 120.0, 100.0, False),
                ("Hamburg", 160.0, 80.0, False),
                ("Tiny", 5.0, 5.0, True),
            ],
            "location headcount fte suppressed",
        ),
        "total": pd.DataFrame({"people": [total], "suppressed": [total_hidden]}),
    }
    return inputs, frames


def _sites(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {r["location"]: r for r in frame.to_dict("records")}


def test_a_small_establishment_takes_the_bags_6_and_a_site_abroad_no_indicator() -> None:
    inputs, frames = _site_inputs(["Deutschland", "US", "", "de"])
    sites = _sites(establishments(inputs, frames))
    berlin, seattle, hamburg = sites["Berlin"], sites["Seattle"], sites["Hamburg"]
    assert (berlin["country"], berlin["in_germany"], berlin["band"]) == ("DE", True, "none")
    assert (berlin["minimum"], berlin["basis_key"]) == (6, "bag.small")
    assert berlin["management_p90_reaches"] is True  # 6 people reach 6
    assert berlin["management_p50_reaches"] is False
    assert (seattle["country"], seattle["in_germany"], seattle["scope_key"]) == (
        "US", False, "betrvg.abroad"
    )  # fmt: skip
    assert pd.isna(seattle["minimum"]) and seattle["management_p90_reaches"] is None
    assert seattle["management_p90"] == pytest.approx(48.0)  # still shown: 40 FTE x 1.2
    assert (hamburg["in_germany"], hamburg["scope_key"]) == (None, "betrvg.country_unknown")
    assert hamburg["minimum"] == 16 and hamburg["management_p90_reaches"] is True  # 20 x 2
    assert sites["Tiny"]["suppressed"] is True and pd.isna(sites["Tiny"]["people"])
    assert covered_sites(establishments(inputs, frames)) == (2, 3, 1)


def test_the_largest_reduction_in_one_year_is_the_worst_years_exits() -> None:
    inputs, frames = _site_inputs(None)
    sites = _sites(establishments(inputs, frames))
    assert sites["Hamburg"]["management_year_p50"] == pytest.approx(14.0)  # 7 FTE x 2
    assert sites["Berlin"]["management_year_p50"] == 0.0


def test_without_a_country_column_every_site_keeps_its_indicator_with_a_note() -> None:
    inputs, frames = _site_inputs(None)
    assert site_countries(inputs) == {}
    frame = establishments(inputs, frames)
    shown = frame.loc[~frame["suppressed"]]
    assert shown["in_germany"].isna().all()
    assert set(shown["scope_key"]) == {"betrvg.country_unknown"}
    assert covered_sites(frame)[1] == 4


def test_an_enterprise_of_20_or_fewer_has_no_threshold() -> None:
    inputs, frames = _site_inputs(["DE", "DE", "DE", "DE"], total=18.0)
    frames["locations"] = frames["locations"].iloc[[0]].assign(headcount=15.0)
    berlin = _sites(establishments(inputs, frames))["Berlin"]
    assert pd.isna(berlin["minimum"]) and berlin["management_p90_reaches"] is None
    assert berlin["basis_key"] == "betrvg111.small_enterprise"


def test_a_withheld_total_leaves_the_enterprise_unknown() -> None:
    inputs, frames = _site_inputs(["DE", "DE", "DE", "DE"], total=18.0, total_hidden=True)
    berlin = _sites(establishments(inputs, frames))["Berlin"]
    assert (berlin["minimum"], berlin["basis_key"]) == (6, "bag.small")


def test_the_report_says_why_a_site_abroad_has_no_indicator() -> None:
    inputs, frames = _site_inputs(["DE", "US", "", "DE"])
    frame = establishments(inputs, frames)
    for lang in ("de", "en"):
        m = council_messages(lang)
        rows = {r[0]: r for r in _establishments(frame, ["management"], _Format(m, {})).rows}
        assert rows["Seattle"][5] == m("council_betrvg.abroad", country="US")
        assert rows["Seattle"][4] == "" and rows["Seattle"][8] == ""
        assert m("council_betrvg.country_unknown") in rows["Hamburg"][5]
        assert m("council_bag.small") in rows["Berlin"][5]
