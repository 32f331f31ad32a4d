"""The scenario and reskill reports for employee representatives (``--audience council``).

:func:`projection_for_council` and :func:`redeployment_for_council` turn a scenario
projection or a redeployment plan into what a works council may receive. Both run the one
disclosure-control pass the works-council pack runs (:func:`workshift.council.result_tables`
protected by :func:`~workshift.pipeline.protect_for_council`): groups below the minimum
size, and the cells that would let someone recompute them, are hidden. The report is the
same report, from the protected frames:

- **scenario**: the projection's figures for a hidden department, site or occupation (and
  for a hidden department x occupation group) are missing; the cells (one row per
  department x site x occupation) are left out, rows not projected keep their reason only,
  covered tasks only of published occupations, file names only (no paths);
- **reskill**: no person is listed; the moves (origin occupation group to target), the
  skills to learn per department and the people per department and status come from the
  protected tables, hidden cells missing; the openings keep their capacity (management's
  demand) but not how many people fill them; the totals are the protected plan total and
  people placed or not; moves to other sites are withheld (they can be one person), and so
  are the listed skills not recognised (a person's own words with their row).

The minimum group size counts **people**, never FTE. Names of departments or sites that
look like a person's are replaced by a neutral label first, as in the pack.

Examples
--------
``tests/test_audience_results.py`` runs both on small workforces; from files::

    from workshift.pipeline import analyze, projection_for_council, scenario

    analysis = analyze("staff.csv")
    council = projection_for_council(scenario(analysis, "portfolio.yaml"), analysis)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from workshift.disclosure import DisclosurePolicy, Protected
from workshift.exceptions import ConfigError
from workshift.pipeline._analyze import Analysis
from workshift.pipeline._audience import disclosure_facts, protect_for_council, withhold_names

if TYPE_CHECKING:
    from workshift.reskilling import Redeployment
    from workshift.scenarios import Projection

__all__ = ["ProtectedRun", "projection_for_council", "protect_run", "redeployment_for_council"]

_QUANTILES = ["p10", "p50", "p90", "mean"]
_WITHHELD_FILE = "(file name withheld)"


@dataclass(frozen=True)
class ProtectedRun:
    """One run's aggregates after the one disclosure-control pass.

    Attributes
    ----------
    analysis : Analysis
        The analysis with department and location values that look like names replaced.
    mappings : dict
        Those replacements per column (to apply to a scenario's groups, ``rename_groups``).
    protected : Protected
        Every table of the run, protected together.
    names : dict
        How many values were withheld per column (counts, never values).
    """

    analysis: Analysis
    mappings: dict[str, dict[str, str]]
    protected: Protected
    names: dict[str, int]


def protect_run(
    analysis: Analysis,
    policy: DisclosurePolicy,
    *,
    coverage: pd.DataFrame | None = None,
    plan: Redeployment | None = None,
) -> ProtectedRun:
    """Withhold name-like department and location values, then protect every table of
    the run (:func:`workshift.council.result_tables` of the analysis, a scenario's task
    ``coverage`` and a redeployment ``plan``) in one :func:`protect_for_council` call: what
    the works-council pack and the council's scenario and reskill reports all stand on."""
    from workshift.council import result_tables

    analysis, mappings = withhold_names(analysis)
    names = {column: len(mapping) for column, mapping in mappings.items()}
    tables = result_tables(analysis, coverage=coverage, plan=plan)
    protected = protect_for_council(tables.tables, policy, tables.multi_valued, tables.relations)
    return ProtectedRun(analysis, mappings, protected, names)


def _protect(
    analysis: Analysis,
    policy: DisclosurePolicy | None,
    coverage: pd.DataFrame | None = None,
    plan: Redeployment | None = None,
) -> tuple[ProtectedRun, dict[str, Any]]:
    """:func:`protect_run` for a report and its summary's disclosure facts. Refuses a
    workforce whose total people cannot be published (the report would have no figure
    left)."""
    policy = policy or DisclosurePolicy()
    run = protect_run(analysis, policy, coverage=coverage, plan=plan)
    if bool(run.protected.frames["total"]["suppressed"].any()):
        people = float(run.analysis.rows["headcount"].sum())
        raise ConfigError(
            f"the workforce's {people:,.0f} people cannot be published as a total under a "
            f"minimum group size of {policy.min_people}: no report for employee "
            "representatives can be made from it"
        )
    return run, disclosure_facts(run.protected, policy, run.names)


def _hidden(frame: pd.DataFrame, column: str) -> set[str]:
    return set(frame.loc[frame["suppressed"].astype(bool), column].astype(str))


def _file_name(value: Any) -> str | None:
    return Path(str(value)).name if value else None


def projection_for_council(
    projection: Projection, analysis: Analysis, policy: DisclosurePolicy | None = None
) -> Projection:
    """``projection`` (of ``analysis``) as employee representatives may receive it (see
    the module docstring).

    Raises
    ------
    ConfigError
        The workforce's total cannot be published under the minimum group size.
    SolverError
        No suppression pattern could be proven safe.
    """
    from workshift.council import rename_groups

    run, facts = _protect(analysis, policy, coverage=projection.coverage)
    analysis = run.analysis
    projection = rename_groups(projection, run.mappings)
    frames = run.protected.frames
    roles = frames["roles"]
    titles = analysis.tasks.drop_duplicates("onet_soc_code").set_index("onet_soc_code")
    hidden_codes = _hidden(roles, "onet_soc_code")
    published_codes = set(roles["onet_soc_code"].astype(str)) - hidden_codes
    hidden = {
        "department": _hidden(frames["departments"], "department"),
        "location": _hidden(frames["locations"], "location"),
        # The engine names today's roles by their occupation's title.
        "role": {str(titles["occupation"].get(code, code)) for code in hidden_codes},
    }
    q = projection.projection
    masked = pd.Series(False, index=q.index)
    for group_by, groups in hidden.items():
        masked |= (q["group_by"] == group_by) & q["group"].astype(str).isin(groups)
    q = q.assign(**{c: q[c].where(~masked) for c in _QUANTILES})
    units = projection.unit_groups
    hidden_units = frames["unit_groups"].loc[
        frames["unit_groups"]["suppressed"].astype(bool), ["department", "occupation_group"]
    ]
    key = pd.MultiIndex.from_frame(units[["department", "occupation_group"]].astype(str))
    gone = key.isin(pd.MultiIndex.from_frame(hidden_units.astype(str)))
    units = units.assign(**{c: units[c].where(~gone) for c in _QUANTILES})
    reductions = projection.reductions
    site_hidden = reductions["location"].astype(str).isin(hidden["location"])
    reductions = reductions.assign(
        **{
            c: reductions[c].where(~site_hidden)
            for c in (*_QUANTILES, "exits_mean", "surplus_end_mean")
        }
    )
    coverage = projection.coverage.loc[
        projection.coverage["onet_soc_code"].astype(str).isin(published_codes)
    ]
    not_projected = pd.DataFrame(
        {
            "input_row": pd.Series(pd.NA, index=projection.not_projected.index, dtype="Int64"),
            "reason": projection.not_projected["reason"],
        }
    )
    summary = dict(projection.summary)
    summary.update(
        source_file=_WITHHELD_FILE,
        task_file=_WITHHELD_FILE if summary.get("task_file") else None,
        portfolio_file=_file_name(summary.get("portfolio_file")),
        scenario_file=_file_name(summary.get("scenario_file")),
        audience="council",
        disclosure=facts,
    )
    return replace(
        projection,
        projection=q.reset_index(drop=True),
        summary=summary,
        unit_groups=units.reset_index(drop=True),
        reductions=reductions.reset_index(drop=True),
        coverage=coverage.reset_index(drop=True),
        cells=projection.cells.iloc[0:0],
        not_projected=not_projected.reset_index(drop=True),
    )


_EMPTY_PLAN = {
    "plan_status": pd.DataFrame(
        columns=["department", "placed", "people", "training_hours", "training_cost",
                 "suppressed"]
    ),
    "plan_flows": pd.DataFrame(columns=["origin_group", "target_name", "people", "suppressed"]),
    "plan_total": pd.DataFrame(
        {"people": [0.0], "training_hours": [0.0], "training_cost": [0.0], "suppressed": [False]}
    ),
    "plan_placed": pd.DataFrame(columns=["placed", "people", "suppressed"]),
}  # fmt: skip
"""The plan's tables when nobody is in the plan (protect then has none of them)."""


def _published(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.loc[~frame["suppressed"].astype(bool)]


def _plan_flows(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Moves per origin occupation group x target, published cells only."""
    from workshift.council import NOT_PLACED, occupation_groups

    names = occupation_groups().set_index("code")["en"]
    flows = _published(frames["plan_flows"])
    placed = flows["target_name"].astype(str) != NOT_PLACED
    origin = flows["origin_group"].astype(str)
    return pd.DataFrame(
        {
            "origin_code": origin,
            "origin": origin.map(names).fillna(origin),
            "target_code": flows["target_name"].astype(str).where(placed, ""),
            "target": flows["target_name"].astype(str).where(placed, "not assigned"),
            "people": flows["people"].astype(float),
        }
    ).reset_index(drop=True)


def _plan_departments(frames: dict[str, pd.DataFrame], order: pd.Series) -> pd.DataFrame:
    """People per department placed or not, with training, from the protected
    department x status table: a department's total only where every cell is published."""
    status = frames["plan_status"]
    rows = []
    figures = ["people", "training_hours", "training_cost"]
    for department, cells in status.groupby("department", sort=False):
        shown = cells.loc[~cells["suppressed"].astype(bool)].set_index("placed")
        known: dict[Any, dict[Any, float]] = shown[figures].astype(float).to_dict("index")
        states = set(cells["placed"])
        # A status with no cell is known to be 0; a hidden one is unknown.
        zero = dict.fromkeys(figures, 0.0)
        placed = known.get("placed", zero if "placed" not in states else None)
        rest = known.get("not placed", zero if "not placed" not in states else None)
        rows.append(
            {
                "department": department,
                "affected": np.nan if placed is None or rest is None
                else placed["people"] + rest["people"],
                "assigned": np.nan if placed is None else placed["people"],
                "not_assigned": np.nan if rest is None else rest["people"],
                "training_hours": np.nan if placed is None else placed["training_hours"],
                "training_cost": np.nan if placed is None else placed["training_cost"],
            }
        )  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=["department", "affected", "assigned", "not_assigned", "training_hours",
                 "training_cost"],
    )  # fmt: skip
    rank = {str(d): i for i, d in enumerate(order.astype(str))}
    return frame.sort_values(
        "department", key=lambda s: s.astype(str).map(rank).fillna(len(rank))
    ).reset_index(drop=True)


def _selection(text: str) -> str:
    """The plan's selection with a list's file name only (``listed in affected.csv``).

    >>> _selection("listed in /home/hr/affected.csv"), _selection("occupation exposure beta >= 0.5")
    ('listed in affected.csv', 'occupation exposure beta >= 0.5')
    """
    prefix = "listed in "
    return prefix + Path(text[len(prefix) :]).name if text.startswith(prefix) else text


def _plan_summary(
    summary: dict[str, Any], frames: dict[str, pd.DataFrame], facts: dict[str, Any]
) -> dict[str, Any]:
    """The plan's summary with its people counts from the protected plan total and
    people placed or not (missing where withheld) and no count of moves to other sites."""
    total = frames["plan_total"].iloc[0]
    total_shown = not bool(total["suppressed"])
    placed = frames["plan_placed"]
    shown = placed.loc[~placed["suppressed"].astype(bool)]
    counts: dict[Any, float] = dict(
        zip(shown["placed"], shown["people"].astype(float), strict=True)
    )

    def count(state: str) -> float | None:
        if state not in set(placed["placed"]):
            return 0.0 if total_shown else None
        return counts.get(state)

    assigned, not_assigned = count("placed"), count("not placed")
    affected = float(total["people"]) if total_shown else None
    # The exact and greedy plans compared only where the plan's total and its people
    # placed or not are published: else the greedy figures and the difference would give
    # away the exact plan's withheld ones. Moves to other sites can be one person: never.
    known = total_shown and assigned is not None and not_assigned is not None
    exact = {"people": assigned, "training_hours": total["training_hours"],
             "training_cost": total["training_cost"]}  # fmt: skip
    comparison = {}
    for side, values in summary["comparison"].items():
        figures = {**values, **(exact if side == "exact" else {})}
        if not known:
            figures.update(people=None, training_hours=None, training_cost=None)
        comparison[side] = {**figures, "relocations": None, "abroad": None}
    out = dict(summary)
    if not known:
        out.update(greedy_assigned=None, objective=None, greedy_objective=None, gain=None)
    out.update(
        affected=affected,
        assigned=assigned,
        not_assigned=not_assigned,
        retained_share=(assigned / affected if assigned is not None and affected else None),
        training_hours=float(total["training_hours"]) if total_shown else None,
        training_cost=float(total["training_cost"]) if total_shown else None,
        comparison=comparison,
        reasons=None,  # people per reason: groups of any size
        source_file=_WITHHELD_FILE,
        openings_file=_file_name(summary.get("openings_file")),
        new_roles_file=_file_name(summary.get("new_roles_file")),
        selection=_selection(str(summary.get("selection", ""))),
        catalogue_file=_file_name(summary.get("catalogue_file")),
        audience="council",
        disclosure=facts,
    )
    return out


def redeployment_for_council(
    redeployment: Redeployment, analysis: Analysis, policy: DisclosurePolicy | None = None
) -> Redeployment:
    """``redeployment`` (a plan of ``analysis``) as employee representatives may receive
    it (see the module docstring).

    Raises
    ------
    ConfigError
        The workforce's total cannot be published under the minimum group size.
    SolverError
        No suppression pattern could be proven safe.
    """
    run, facts = _protect(analysis, policy, plan=redeployment)
    frames = {**_EMPTY_PLAN, **run.protected.frames}  # no plan tables: nobody in the plan
    skills = frames.get("plan_skills")
    gaps = redeployment.gaps.iloc[0:0]
    if skills is not None:
        shown = _published(skills)
        gaps = pd.DataFrame(
            {
                "department": shown["department"].astype(str),
                "skill_id": "",
                "skill": shown["skill"].astype(str),
                "people": shown["people"].astype(float),
            }
        )
    openings = redeployment.openings.assign(filled=np.nan, left=np.nan)
    # A skill someone listed, with the row of their record: HR fixes those, nobody else.
    unresolved = redeployment.skills_unresolved.iloc[0:0]
    return replace(
        redeployment,
        plan=redeployment.plan.iloc[0:0],
        summary=_plan_summary(redeployment.summary, frames, facts),
        flows=_plan_flows(frames),
        gaps=gaps.reset_index(drop=True),
        departments=_plan_departments(frames, redeployment.departments["department"]),
        openings=openings,
        candidates=redeployment.candidates.iloc[0:0],
        blocked=redeployment.blocked.iloc[0:0],
        skills_unresolved=unresolved,
    )
