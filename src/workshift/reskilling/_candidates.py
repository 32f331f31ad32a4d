"""Candidate moves: which affected person could take which opening, at what fit and training.

For every person (origin occupation, site, willingness to relocate) and opening (target,
site, whether it takes people from other sites), a pair is a candidate when the sites fit
(same site, or both sides accept relocation; another country only for people who accept
that, :func:`~workshift.reskilling.allowed_pairs`). Its ``fit`` is the transition score of
origin -> target (:class:`~workshift.reskilling.Transitions`, openings lift their targets);
its training is the cheapest plan of the course catalogue, in the person's languages
(``languages`` column: ``"de; en"``, empty for unknown, then any language), that closes the
skill gap, each gap's level rounded down to a half level (O*NET levels are survey means
such as 4.12). Technologies no module teaches are learnt on the job (listed, not priced).

A pair is not a candidate, but kept as a near miss that explains why someone was not
assigned, when a skill gap no module (in the person's languages) closes, when its fit is
below ``min_fit`` (:data:`MIN_FIT`) or when its training takes more than
``max_training_hours`` (:data:`MAX_TRAINING_HOURS`); ``limit`` says which limit.

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

__all__ = ["CANDIDATE_COLUMNS", "GAP_LONG_COLUMNS", "MAX_TRAINING_HOURS", "MIN_FIT", "PER_PERSON",
           "Candidates", "candidate_pairs"]  # fmt: skip

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
    "relocates",
    "abroad",
    "languages",
    "limit",
]

MIN_FIT = 0.2
"""Least transition fit of a proposed move. The fit is the similarity of the two roles' work
minus half the share of the target's requirements the person lacks, plus the outlook
(:mod:`~workshift.reskilling._transitions`); below 0.2 the gap has all but used up the
similarity: the move is retraining for unrelated work, not redeployment (in the example,
customer service to AI/ML engineer at 0.13)."""
MAX_TRAINING_HOURS = 480.0
"""Most training hours of a proposed move: twelve weeks full time, the length of a
substantial employer-funded upskilling programme; longer (a secretary's 720 h to MLOps) is a
new vocational training (Umschulung), a decision for the person and the works council, not
for an optimiser. Both limits are parameters of :func:`candidate_pairs`."""


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
        people[[c for c in ("employee_id", "location", "relocation", "country",
                                 "relocation_abroad")
                if c in people]],
        openings[[c for c in ("opening_id", "location", "relocation", "country")
                  if c in openings]],
    )  # fmt: skip
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
    min_fit: float = MIN_FIT,
    max_training_hours: float | None = MAX_TRAINING_HOURS,
) -> Candidates:
    """Candidates for ``people`` (employee_id, origin_code, location, relocation and
    optionally ``skills``, the canonical text of
    :func:`~workshift.reskilling.person_skills`: a listed skill at or above the level a
    target needs is no gap) and ``openings`` (as
    :func:`~workshift.reskilling.read_openings` returns them).

    With ``on_the_job`` (the default), a technology gap no module teaches does not block a
    pair: it is listed in ``on_the_job`` (learnt at work, no hours or cost counted); an
    O*NET skill no module teaches always blocks it.

    Each person's modules are in their ``languages`` (optional column, ``"; "``-separated
    codes; empty: unknown) and, where ``languages`` is given, in those too. ``min_fit`` and
    ``max_training_hours`` (None: no limit) block the moves beyond them.

    ``per_person`` keeps each person's that many best-fitting moves (ties by opening id)
    and their three best blocked ones, so that thousands of openings at one site do not grow
    the pairs as people x openings. The assignment is then exact over the moves kept: a
    person whose 50 best moves all go to others could have been placed in a 51st. None
    keeps every pair.
    """
    people = people.loc[people["origin_code"].isin(engine.profiles.codes)]
    skills = people["skills"].fillna("") if "skills" in people else ""
    spoken = people["languages"].fillna("").astype(str) if "languages" in people else ""
    people = people.assign(
        profile=people["origin_code"] + "|" + skills + "|" + spoken, languages=spoken
    )
    openings = openings.loc[openings["target_code"].isin(engine.profiles.codes)]
    pairs = _site_pairs(people, openings)
    if pairs.empty:
        empty = pd.DataFrame(columns=[*CANDIDATE_COLUMNS, "profile"])
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
    plans = _plans(gap_frame, people, courses, keys, languages)
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
    moves["limit"] = _limits(moves, min_fit, max_training_hours)
    moves["closed"] = (moves["uncovered"] == "") & (moves["limit"] == "")
    moves["languages"] = moves["profile"].map(
        people.drop_duplicates("profile").set_index("profile")["languages"]
    )
    kept = _best_pairs(
        pairs[["employee_id", "profile", "opening_id", "target_code", "relocates", "abroad"]],
        moves[[*keys, "fit", "closed"]],
        per_person,
    )
    full = kept.merge(moves.drop(columns=["origin_code", "fit", "closed"]), on=keys)
    full = full.sort_values(["employee_id", "opening_id"]).reset_index(drop=True)
    closed = full["closed"]
    return Candidates(
        full.loc[closed, [*CANDIDATE_COLUMNS, "profile"]].reset_index(drop=True),
        full.loc[~closed, [*CANDIDATE_COLUMNS, "profile"]].reset_index(drop=True),
        gap_frame[GAP_LONG_COLUMNS].reset_index(drop=True),
    )


def _limits(moves: pd.DataFrame, min_fit: float, max_hours: float | None) -> pd.Series:
    """Which limit blocks each move ("" for none): ``fit below the 0.2 minimum``, ``over the
    480 h limit``, or both joined by ``; ``."""
    low = moves["fit"] < min_fit
    long = moves["training_hours"] > max_hours if max_hours is not None else low & False
    text = np.where(low, f"fit below the {min_fit:g} minimum", "")
    over = f"over the {max_hours:g} h limit" if max_hours is not None else ""
    both = np.where(low & long, "; ", "")
    return pd.Series(
        np.char.add(np.char.add(text.astype(str), both), np.where(long, over, "")),
        index=moves.index,
    )


def _plans(
    gaps: pd.DataFrame,
    people: pd.DataFrame,
    courses: Courses,
    keys: list[str],
    languages: list[str] | None,
) -> pd.DataFrame:
    """The training plans of every (profile, target), each profile's modules in its
    people's languages (all, or ``languages``, where unknown), narrowed to ``languages``."""
    spoken = people.drop_duplicates("profile").set_index("profile")["languages"]
    narrowed = {lang.strip().lower() for lang in languages} if languages else None
    per_group = gaps["profile"].map(spoken).fillna("")
    pieces = []
    for text, group in gaps.groupby(per_group, sort=True):
        codes = {c for c in str(text).split("; ") if c} or None
        if codes is not None and narrowed is not None:
            codes &= narrowed
        allowed = sorted(codes) if codes is not None else (sorted(narrowed) if narrowed else None)
        pieces.append(training_plans(group, courses, by=keys, languages=allowed))
    return pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame()


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
