"""Candidate moves: which affected person could take which opening, at what fit and training.

For every person (origin occupation, site, willingness to relocate) and opening (target,
site, whether it takes people from other sites), a pair is a candidate when the sites fit
(same site, or both sides accept relocation). Its ``fit`` is the transition score of origin
-> target (:class:`~workshift.reskilling.Transitions`, openings lift their targets); its
training is the cheapest plan of the course catalogue that closes the skill gap, each
gap's level rounded down to a half level (O*NET levels are survey means such as 4.12).
A pair whose gap no module closes is not a candidate; it is kept, with the skills no
course teaches, as a near miss that explains why someone was not assigned.

Examples
--------
See :func:`workshift.pipeline.reskill`, which builds them for a whole workforce.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workshift.reskilling._courses import Courses
from workshift.reskilling._optimiser import allowed_pairs
from workshift.reskilling._training_plan import training_plans
from workshift.reskilling._transitions import Transitions

__all__ = ["CANDIDATE_COLUMNS", "Candidates", "candidate_pairs"]

CANDIDATE_COLUMNS = [
    "employee_id",
    "opening_id",
    "target_code",
    "fit",
    "similarity",
    "training_hours",
    "training_cost",
    "modules",
    "gap_skills",
    "uncovered",
]


@dataclass
class Candidates:
    """``pairs``: the candidate moves (CANDIDATE_COLUMNS); ``blocked``: pairs whose sites fit
    but whose gap no course closes (same columns, ``uncovered`` says which skills)."""

    pairs: pd.DataFrame
    blocked: pd.DataFrame


def _site_pairs(people: pd.DataFrame, openings: pd.DataFrame) -> pd.DataFrame:
    """Every (person, opening) whose sites fit (the optimiser's rule: same site, or both
    accept relocation), with origin and target, a person never moved into their own job."""
    allowed = allowed_pairs(
        people[["employee_id", "location", "relocation"]],
        openings[["opening_id", "location", "relocation"]],
    )
    pairs = allowed.merge(people[["employee_id", "origin_code"]], on="employee_id").merge(
        openings[["opening_id", "target_code"]], on="opening_id"
    )
    return pairs.loc[pairs["origin_code"] != pairs["target_code"]]


def candidate_pairs(
    people: pd.DataFrame,
    openings: pd.DataFrame,
    engine: Transitions,
    courses: Courses,
    *,
    languages: list[str] | None = None,
) -> Candidates:
    """Candidates for ``people`` (employee_id, origin_code, location, relocation) and
    ``openings`` (as :func:`~workshift.reskilling.read_openings` returns them)."""
    people = people.loc[people["origin_code"].isin(engine.profiles.codes)]
    openings = openings.loc[openings["target_code"].isin(engine.profiles.codes)]
    pairs = _site_pairs(people, openings)
    if pairs.empty:
        empty = pd.DataFrame(columns=CANDIDATE_COLUMNS)
        return Candidates(empty, empty.copy())
    targets = set(openings["target_code"])
    moves = pairs[["origin_code", "target_code"]].drop_duplicates()
    scored, gaps = [], []
    for origin, group in moves.groupby("origin_code", sort=True):
        scores = engine.scores(str(origin), openings=targets).set_index("target_code")
        chosen = scores.loc[group["target_code"]]
        scored.append(
            pd.DataFrame(
                {
                    "origin_code": origin,
                    "target_code": chosen.index,
                    "fit": chosen["score"].to_numpy(),
                    "similarity": chosen["similarity"].to_numpy(),
                }
            )
        )
        for target in group["target_code"]:
            gap = engine.profiles.gap(str(origin), str(target))
            gaps.append(gap.assign(origin_code=origin, target_code=target))
    fits = pd.concat(scored, ignore_index=True)
    gap_frame = pd.concat(gaps, ignore_index=True)
    gap_frame["to_level"] = np.floor(gap_frame["to_level"] * 2) / 2
    gap_frame = gap_frame.loc[gap_frame["to_level"] > gap_frame["from_level"]]
    gap_text = gap_frame.groupby(["origin_code", "target_code"])["skill"].agg("; ".join)
    plans = training_plans(gap_frame, courses, languages=languages) if len(gap_frame) else None
    moves = fits.merge(gap_text.rename("gap_skills").reset_index(), how="left")
    if plans is not None:
        moves = moves.merge(
            plans[["origin_code", "target_code", "hours", "cost", "module_ids", "uncovered"]],
            how="left",
        )
    else:
        moves = moves.assign(hours=np.nan, cost=np.nan, module_ids="", uncovered="")
    # No gap: nothing to learn.
    moves = moves.fillna({"hours": 0.0, "cost": 0.0, "module_ids": "", "uncovered": "",
                          "gap_skills": ""})  # fmt: skip
    moves = moves.rename(
        columns={"hours": "training_hours", "cost": "training_cost", "module_ids": "modules"}
    )
    full = pairs[["employee_id", "origin_code", "opening_id", "target_code"]].merge(
        moves, on=["origin_code", "target_code"]
    )
    full = full.sort_values(["employee_id", "opening_id"]).reset_index(drop=True)
    closed = full["uncovered"] == ""
    return Candidates(
        full.loc[closed, CANDIDATE_COLUMNS].reset_index(drop=True),
        full.loc[~closed, CANDIDATE_COLUMNS].reset_index(drop=True),
    )
