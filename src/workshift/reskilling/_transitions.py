"""Transitions: for an origin occupation, the target occupations (and emerging roles) to move to.

``similarity`` is how close the two occupations' work is (0-1,
:meth:`~workshift.reskilling.OccupationSimilarity.closeness`), before any outlook.
``score`` ranks the targets looking forward and is asymmetric::

    score = similarity
            - GAP_WEIGHT * gap_share          what the target requires that the origin lacks
            + GROWTH_WEIGHT * growth          BLS change 2024-34: -1 (<= -20%) to 1 (>= +20%)
            + EXPOSURE_WEIGHT * (0.5 - beta)  less exposed targets are safer moves
            + OPENING_WEIGHT * has_opening    the organisation has an opening for it

Targets are first retrieved by similarity (the ``POOL`` closest, at least three times
``top_k``), then ranked by score: the outlook reorders close moves, it never proposes work
unrelated to the origin's.
``gap_share`` is the importance-weighted level the origin lacks as a share of everything
the target requires (0 = nothing to learn), so moving up costs more than moving down.
Each row explains itself: the gap skills with levels, the work activities both share and an
estimate of the training hours (``HOURS_PER_LEVEL`` per level point, or a course catalogue's
cheapest plan).

Examples
--------
>>> from workshift.reskilling import default_transitions
>>> engine = default_transitions()  # doctest: +SKIP
>>> engine.transitions(["43-4051.00"], top_k=3)[["rank", "target", "score"]]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workshift.reference import ReferenceStore
from workshift.reskilling._similarity import OccupationSimilarity, ProfileTexts
from workshift.reskilling._skills import SkillProfiles

__all__ = [
    "EXPOSURE_WEIGHT",
    "GAP_WEIGHT",
    "GROWTH_WEIGHT",
    "HOURS_PER_LEVEL",
    "OPENING_WEIGHT",
    "POOL",
    "TRANSITION_COLUMNS",
    "Transitions",
    "occupation_texts",
]

GAP_WEIGHT = 0.5
GROWTH_WEIGHT = 0.1
EXPOSURE_WEIGHT = 0.2
OPENING_WEIGHT = 0.15
POOL = 30
"""Targets retrieved by similarity before the score ranks them (at least 3 x top_k)."""
HOURS_PER_LEVEL = {"onet": 40.0, "tech": 24.0}
"""Training hours per level point of a gap: an O*NET skill, a technology category."""
TRANSITION_COLUMNS = [
    "origin_code",
    "origin",
    "rank",
    "target_code",
    "target",
    "score",
    "similarity",
    "gap_share",
    "gap_skills",
    "shared_activities",
    "training_hours",
    "growth_pct",
    "target_beta",
    "has_opening",
    "emerging",
]
Planner = Callable[[pd.DataFrame], tuple[float, float]]
"""A gap (``GAP_COLUMNS``) -> (training hours, training cost), e.g. from a course catalogue."""


def occupation_texts(store: ReferenceStore, profiles: SkillProfiles) -> ProfileTexts:
    """Task statements, descriptions, titles and SOC codes of O*NET occupation profiles."""
    occupations = store.occupations(profiles.codes).set_index("onet_soc_code")
    tasks = store.tasks(profiles.codes).groupby("onet_soc_code")["task"].agg(list)
    return ProfileTexts(
        tasks=[list(tasks.get(code, [])) for code in profiles.codes],
        descriptions=occupations.loc[profiles.codes, "description"].fillna("").tolist(),
        titles=occupations.loc[profiles.codes, "title"].tolist(),
        soc_codes=list(profiles.codes),
    )


def _gap_text(gap: pd.DataFrame, limit: int = 8) -> str:
    parts = [
        f"{row.skill} {row.from_level:g}->{row.to_level:g}" for row in gap.head(limit).itertuples()
    ]
    more = len(gap) - limit
    return "; ".join(parts) + (f"; +{more} more" if more > 0 else "")


def _default_hours(gap: pd.DataFrame) -> tuple[float, float]:
    if gap.empty:
        return 0.0, float("nan")
    kinds = gap["skill_id"].astype(str).str.split(":").str[0].map(HOURS_PER_LEVEL).fillna(40.0)
    hours = float(((gap["to_level"] - gap["from_level"]) * kinds).sum())
    return round(hours, 1), float("nan")


@dataclass
class Transitions:
    """Ranks targets for origins over fitted profiles and similarity.

    ``outlook`` is indexed by profile code with ``growth_pct`` (BLS projected change) and
    ``beta`` (exposure); ``emerging`` names the codes that are emerging roles.
    """

    profiles: SkillProfiles
    similarity: OccupationSimilarity
    outlook: pd.DataFrame
    emerging: set[str] = field(default_factory=set)

    def gap_share(self, origin: str, targets: Sequence[str]) -> np.ndarray:
        """Importance-weighted level lacking as a share of what each target requires."""
        o = self.profiles.row(origin)
        rows = [self.profiles.row(t) for t in targets]
        level, weight = self.profiles.level[rows], self.profiles.importance[rows]
        lacking = np.clip(level - self.profiles.level[o][None, :], 0.0, None)
        required = (weight * level).sum(axis=1)
        share: np.ndarray = (weight * lacking).sum(axis=1) / np.maximum(required, 1e-9)
        return share

    def scores(self, origin: str, openings: set[str] | None = None) -> pd.DataFrame:
        """Every target of ``origin`` with similarity, gap share, outlook and score."""
        codes = [c for c in self.profiles.codes if c != origin]
        index = [self.profiles.row(c) for c in codes]
        raw = self.similarity.row(origin)[index]
        frame = pd.DataFrame({"target_code": codes, "similarity": self.similarity.closeness(raw)})
        frame["gap_share"] = self.gap_share(origin, codes)
        outlook = self.outlook.reindex(codes)
        growth = outlook["growth_pct"].to_numpy(dtype=float)
        beta = outlook["beta"].to_numpy(dtype=float)
        frame["growth_pct"] = growth
        frame["target_beta"] = beta
        frame["has_opening"] = [c in (openings or set()) for c in codes]
        frame["score"] = (
            frame["similarity"]
            - GAP_WEIGHT * frame["gap_share"]
            + GROWTH_WEIGHT * np.nan_to_num(np.clip(growth / 20.0, -1.0, 1.0))
            + EXPOSURE_WEIGHT * np.nan_to_num(0.5 - beta)
            + OPENING_WEIGHT * frame["has_opening"]
        )
        return frame

    def transitions(
        self,
        origins: Sequence[str],
        *,
        top_k: int = 10,
        openings: set[str] | None = None,
        plan: Planner | None = None,
    ) -> pd.DataFrame:
        """The ``top_k`` targets of each origin by score, explained (TRANSITION_COLUMNS)."""
        planner = plan or _default_hours
        titles = dict(zip(self.profiles.codes, self.profiles.titles, strict=True))
        frames = []
        for origin in dict.fromkeys(origins):
            ranked = self.scores(origin, openings)
            pool = max(POOL, 3 * top_k)
            ranked = ranked.sort_values(["similarity", "target_code"], ascending=[False, True])
            ranked = ranked.head(pool)
            ranked = ranked.sort_values(["score", "target_code"], ascending=[False, True])
            ranked = ranked.head(top_k).reset_index(drop=True)
            gaps = [self.profiles.gap(origin, t) for t in ranked["target_code"]]
            hours = [planner(gap)[0] for gap in gaps]
            frames.append(
                ranked.assign(
                    origin_code=origin,
                    origin=titles[origin],
                    rank=np.arange(1, len(ranked) + 1),
                    target=[titles[t] for t in ranked["target_code"]],
                    gap_skills=[_gap_text(gap) for gap in gaps],
                    shared_activities=[
                        "; ".join(self.profiles.shared_activities(origin, t))
                        for t in ranked["target_code"]
                    ],
                    training_hours=hours,
                    emerging=[t in self.emerging for t in ranked["target_code"]],
                )
            )
        if not frames:
            return pd.DataFrame(columns=TRANSITION_COLUMNS)
        out = pd.concat(frames, ignore_index=True)[TRANSITION_COLUMNS]
        return out.round({"score": 4, "similarity": 4, "gap_share": 4})
