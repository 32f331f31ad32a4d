"""Candidate moves: which affected person could take which opening, at what fit and training.

For every person (origin occupation, site, willingness to relocate) and opening (target,
site, whether it takes people from other sites), a pair is a candidate when the sites fit
(same site, or both sides accept relocation). Its ``fit`` is the transition score of origin
-> target (:class:`~workshift.reskilling.Transitions`, openings lift their targets); its
training is the cheapest plan of the course catalogue that closes the skill gap, each
gap's level rounded down to a half level (O*NET levels are survey means such as 4.12).
Technologies no module teaches are learnt on the job (listed, not priced); a pair with a
skill gap no module closes is not a candidate: it is kept, with the skills no course
teaches, as a near miss that explains why someone was not assigned.

Examples
--------
See :func:`workshift.pipeline.reskill`, which builds them for a whole workforce.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workshift.reskilling._courses import Courses
from workshift.reskilling._person_skills import held_levels
from workshift.reskilling._sites import allowed_pairs
from workshift.reskilling._training_plan import training_plans
from workshift.reskilling._transitions import Transitions

__all__ = ["CANDIDATE_COLUMNS", "GAP_LONG_COLUMNS", "PER_PERSON", "Candidates", "candidate_pairs"]

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
    "on_the_job",
]


PER_PERSON = 50
"""Moves kept per person (their best fits); see :func:`candidate_pairs`."""
_BLOCKED_KEPT = 3
"""Blocked moves kept per person: the near misses a plan shows."""
GAP_LONG_COLUMNS = ["profile", "target_code", "skill_id", "skill", "from_level", "to_level"]


@dataclass
class Candidates:
    """The possible moves.

    ``pairs``: the candidate moves (CANDIDATE_COLUMNS and ``profile``, the origin and the
    listed skills a pair's gap was computed for); ``blocked``: pairs whose sites fit but
    whose gap no course closes (same columns, ``uncovered`` says which skills); ``gaps``:
    the gap skills of every pair's profile and target (GAP_LONG_COLUMNS), one row each.
    """

    pairs: pd.DataFrame
    blocked: pd.DataFrame
    gaps: pd.DataFrame


def _site_pairs(people: pd.DataFrame, openings: pd.DataFrame) -> pd.DataFrame:
    """Every (person, opening) whose sites fit (the optimiser's rule: same site, or both
    accept relocation), with origin and target, a person never moved into their own job."""
    allowed = allowed_pairs(
        people[["employee_id", "location", "relocation"]],
        openings[["opening_id", "location", "relocation"]],
    )
    pairs = allowed.merge(
        people[["employee_id", "origin_code", "profile"]], on="employee_id"
    ).merge(openings[["opening_id", "target_code"]], on="opening_id")
    return pairs.loc[pairs["origin_code"] != pairs["target_code"]]


def candidate_pairs(
    people: pd.DataFrame,
    openings: pd.DataFrame,
    engine: Transitions,
    courses: Courses,
    *,
    languages: list[str] | None = None,
    on_the_job: bool = True,
    per_person: int | None = PER_PERSON,
) -> Candidates:
    """Candidates for ``people`` (employee_id, origin_code, location, relocation and
    optionally ``skills``, the canonical text of
    :func:`~workshift.reskilling.person_skills`: a listed skill at or above the level a
    target needs is no gap) and ``openings`` (as
    :func:`~workshift.reskilling.read_openings` returns them).

    With ``on_the_job`` (the default), a technology gap no module teaches does not block a
    pair: it is listed in ``on_the_job`` (learnt at work, no hours or cost counted); an
    O*NET skill no module teaches always blocks it.

    ``per_person`` keeps each person's that many best-fitting moves (ties by opening id)
    and their three best blocked ones, so that thousands of openings at one site do not grow
    the pairs as people x openings. The assignment is then exact over the moves kept: a
    person whose 50 best moves all go to others could have been placed in a 51st. None
    keeps every pair.
    """
    people = people.loc[people["origin_code"].isin(engine.profiles.codes)]
    skills = people["skills"].fillna("") if "skills" in people else ""
    people = people.assign(profile=people["origin_code"] + "|" + skills)
    openings = openings.loc[openings["target_code"].isin(engine.profiles.codes)]
    pairs = _site_pairs(people, openings)
    if pairs.empty:
        empty = pd.DataFrame(columns=CANDIDATE_COLUMNS)
        return Candidates(empty, empty.copy(), pd.DataFrame(columns=GAP_LONG_COLUMNS))
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
    profiles = pairs[["profile", "origin_code", "target_code"]].drop_duplicates()
    gap_frame = _person_gaps(pd.concat(gaps, ignore_index=True), profiles, people)
    keys = ["profile", "target_code"]
    gap_text = gap_frame.groupby(keys)["skill"].agg("; ".join)
    plans = training_plans(gap_frame, courses, by=keys, languages=languages)
    moves = profiles.merge(fits, on=["origin_code", "target_code"])
    moves = moves.merge(gap_text.rename("gap_skills").reset_index(), how="left")
    if len(plans):
        columns = [*keys, "hours", "cost", "module_ids", "uncovered"]
        moves = moves.merge(plans[columns], how="left")
    else:
        moves = moves.assign(hours=np.nan, cost=np.nan, module_ids="", uncovered="")
    # No gap: nothing to learn.
    moves = moves.fillna({"hours": 0.0, "cost": 0.0, "module_ids": "", "uncovered": "",
                          "gap_skills": ""})  # fmt: skip
    if on_the_job:  # technologies no module teaches are learnt at work; skills must be taught
        items = moves["uncovered"].str.split("; ")
        moves["on_the_job"] = items.map(lambda ids: "; ".join(i for i in ids if _is_tech(i)))
        moves["uncovered"] = items.map(
            lambda ids: "; ".join(i for i in ids if i and not _is_tech(i))
        )
    else:
        moves["on_the_job"] = ""
    moves = moves.rename(
        columns={"hours": "training_hours", "cost": "training_cost", "module_ids": "modules"}
    )
    moves["closed"] = moves["uncovered"] == ""
    kept = _best_pairs(
        pairs[["employee_id", "profile", "opening_id", "target_code", "relocates"]],
        moves[[*keys, "fit", "closed"]],
        per_person,
    )
    full = kept.merge(moves.drop(columns=["origin_code", "fit", "closed"]), on=keys)
    full = full.sort_values(["employee_id", "opening_id"]).reset_index(drop=True)
    closed = full["closed"]
    return Candidates(
        full.loc[closed, [*CANDIDATE_COLUMNS, "relocates", "profile"]].reset_index(drop=True),
        full.loc[~closed, [*CANDIDATE_COLUMNS, "relocates", "profile"]].reset_index(drop=True),
        gap_frame[GAP_LONG_COLUMNS].reset_index(drop=True),
    )


def _best_pairs(pairs: pd.DataFrame, moves: pd.DataFrame, per_person: int | None) -> pd.DataFrame:
    """``pairs`` with ``fit`` and ``closed``, cut to each person's ``per_person`` best closed
    pairs and three best blocked ones."""
    frame = pairs.merge(moves, on=["profile", "target_code"])
    if per_person is None:
        return frame
    frame = frame.sort_values(
        ["employee_id", "closed", "fit", "opening_id"], ascending=[True, False, False, True]
    )
    rank = frame.groupby(["employee_id", "closed"], sort=False).cumcount()
    keep = np.where(frame["closed"], rank < per_person, rank < _BLOCKED_KEPT)
    return frame.loc[keep]


def _is_tech(skill_id: str) -> bool:
    return skill_id.startswith("tech:")


def _person_gaps(gaps: pd.DataFrame, profiles: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """The occupation gaps per (profile, target), levels rounded down to half levels, each
    skill's ``from_level`` raised to what the profile's people listed; met skills dropped."""
    frame = profiles.merge(gaps, on=["origin_code", "target_code"])
    frame["to_level"] = np.floor(frame["to_level"] * 2) / 2
    listed = people.drop_duplicates("profile").set_index("profile")
    if "skills" in listed:
        held = held_levels(listed["skills"]).rename(columns={"key": "profile"})
        frame = frame.merge(held, on=["profile", "skill_id"], how="left")
        frame["from_level"] = np.fmax(frame["from_level"], frame.pop("held"))
    return frame.loc[frame["to_level"] > frame["from_level"]].reset_index(drop=True)
