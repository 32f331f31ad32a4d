"""Reskilling and redeployment: skill profiles, transitions, training plans, assignment.

See docs/design/reskilling.md.
"""

from __future__ import annotations

from workshift.reskilling._candidates import (
    CANDIDATE_COLUMNS,
    MAX_TRAINING_HOURS,
    MIN_FIT,
    Candidates,
    candidate_pairs,
)
from workshift.reskilling._courses import COURSE_COLUMNS, Courses, read_courses
from workshift.reskilling._default import default_transitions, emerging_profiles
from workshift.reskilling._emerging import (
    EMERGING_ROLE_COLUMNS,
    emerging_role_skills,
    emerging_roles,
    scenario_role_targets,
)
from workshift.reskilling._languages import country_languages, language_code, person_languages
from workshift.reskilling._openings import (
    OPENING_COLUMNS,
    OPENING_POLICY,
    read_openings,
    scenario_openings,
)
from workshift.reskilling._optimiser import Assignment, SolverInfo, assign
from workshift.reskilling._origins import (
    ORIGIN_POLICY,
    origin_codes,
    rank_transitions,
    write_transitions,
)
from workshift.reskilling._people import PEOPLE_COLUMNS, affected_people
from workshift.reskilling._person_skills import (
    LISTED_LEVEL,
    held_levels,
    merge_held,
    person_skills,
)
from workshift.reskilling._redeployment import (
    COMPARED,
    REDEPLOYMENT_COLUMNS,
    Redeployment,
    compare_plans,
    opening_classes,
    redeploy,
)
from workshift.reskilling._similarity import OccupationSimilarity, ProfileTexts
from workshift.reskilling._sites import allowed_pairs
from workshift.reskilling._skills import GAP_COLUMNS, SkillProfiles, occupation_profiles
from workshift.reskilling._training_plan import (
    PLAN_COLUMNS,
    TrainingPlan,
    training_plan,
    training_plans,
)
from workshift.reskilling._transitions import (
    TRANSITION_COLUMNS,
    Transitions,
    occupation_texts,
)
from workshift.reskilling._vocabulary import SUGGESTION_CUTOFF, resolve_skill, skill_vocabulary

__all__ = [
    "CANDIDATE_COLUMNS",
    "COMPARED",
    "COURSE_COLUMNS",
    "EMERGING_ROLE_COLUMNS",
    "GAP_COLUMNS",
    "LISTED_LEVEL",
    "MAX_TRAINING_HOURS",
    "MIN_FIT",
    "OPENING_COLUMNS",
    "OPENING_POLICY",
    "ORIGIN_POLICY",
    "PEOPLE_COLUMNS",
    "PLAN_COLUMNS",
    "REDEPLOYMENT_COLUMNS",
    "SUGGESTION_CUTOFF",
    "TRANSITION_COLUMNS",
    "Assignment",
    "Candidates",
    "Courses",
    "OccupationSimilarity",
    "ProfileTexts",
    "Redeployment",
    "SkillProfiles",
    "SolverInfo",
    "TrainingPlan",
    "Transitions",
    "affected_people",
    "allowed_pairs",
    "assign",
    "candidate_pairs",
    "compare_plans",
    "country_languages",
    "default_transitions",
    "emerging_profiles",
    "emerging_role_skills",
    "emerging_roles",
    "held_levels",
    "language_code",
    "merge_held",
    "occupation_profiles",
    "occupation_texts",
    "opening_classes",
    "origin_codes",
    "person_languages",
    "person_skills",
    "rank_transitions",
    "read_courses",
    "read_openings",
    "redeploy",
    "resolve_skill",
    "scenario_openings",
    "scenario_role_targets",
    "skill_vocabulary",
    "training_plan",
    "training_plans",
    "write_transitions",
]
