"""Reference data: raw public sources -> a versioned bundle -> :class:`ReferenceStore`.

This stage knows no stage above it. The bundle ships inside the package; the build
(:func:`build_bundle`) is a maintainer step.
"""

from __future__ import annotations

from workshift.reference._build import build_bundle
from workshift.reference._codes import CODE_SYSTEMS, CodeSystem, normalise_code
from workshift.reference._profile import OccupationProfile, occupation_profile
from workshift.reference._sources import SOURCES, Source
from workshift.reference._store import ReferenceStore, ResolvedCode

__all__ = [
    "CODE_SYSTEMS",
    "SOURCES",
    "CodeSystem",
    "OccupationProfile",
    "ReferenceStore",
    "ResolvedCode",
    "Source",
    "build_bundle",
    "normalise_code",
    "occupation_profile",
]
