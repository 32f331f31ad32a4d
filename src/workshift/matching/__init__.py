"""Occupation matching: free-text job titles (English, German) to O*NET-SOC occupations,
top-k with calibrated confidence; user overrides always win.
"""

from __future__ import annotations

from workshift.matching._coding import (
    ANALYZE_POLICY,
    UNIT_COLUMNS,
    OccupationCoding,
    code_occupations,
)
from workshift.matching._default import default_matcher, reference_titles
from workshift.matching._lexicon import german_lexicon
from workshift.matching._match import MATCH_COLUMNS, match_titles
from workshift.matching._normalise import NormalisedTitle, TitleNormaliser
from workshift.matching._onet_code import onet_code
from workshift.matching._overrides import OVERRIDE_POLICY, OverrideRule, Overrides
from workshift.matching._resolve import RESOLUTION_COLUMNS, CodingPolicy, resolve_occupations
from workshift.matching._review_sheet import REVIEW_COLUMNS, is_review_sheet, review_label
from workshift.matching._title_matcher import TitleMatcher

__all__ = [
    "ANALYZE_POLICY",
    "MATCH_COLUMNS",
    "OVERRIDE_POLICY",
    "RESOLUTION_COLUMNS",
    "REVIEW_COLUMNS",
    "UNIT_COLUMNS",
    "CodingPolicy",
    "NormalisedTitle",
    "OccupationCoding",
    "OverrideRule",
    "Overrides",
    "TitleMatcher",
    "TitleNormaliser",
    "code_occupations",
    "default_matcher",
    "german_lexicon",
    "is_review_sheet",
    "match_titles",
    "onet_code",
    "reference_titles",
    "resolve_occupations",
    "review_label",
]
