"""An occupation's profile: what ``workshift occupation CODE`` shows, as data.

Examples
--------
>>> from workshift.reference import ReferenceStore
>>> profile = occupation_profile(ReferenceStore(), "43-4051")
>>> profile.occupation["title"]
'Customer Service Representatives'
>>> sorted(profile.tasks["human_label"].dropna().unique())
['E0', 'E1', 'E2']
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from workshift.reference._store import ReferenceStore, ResolvedCode

__all__ = ["OccupationProfile", "occupation_profile"]


def _plain(value: Any) -> Any:
    """A JSON-ready Python value (NaN and pandas NA become None)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return _plain(value.item())
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of a DataFrame as JSON-ready dicts."""
    return [{str(k): _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


@dataclass
class OccupationProfile:
    """One occupation with its tasks, exposure labels and indices.

    ``occupation`` is ``None`` when the code stands for several occupations and none is
    primary; ``candidates`` then lists them (with their indices).
    """

    resolved: ResolvedCode
    occupation: dict[str, Any] | None
    tasks: pd.DataFrame
    indices: dict[str, Any]
    candidates: pd.DataFrame = field(default_factory=pd.DataFrame)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "query": self.resolved.query,
            "system": self.resolved.system,
            "code": self.resolved.code,
            "onet_soc_codes": list(self.resolved.onet_soc_codes),
            "note": self.resolved.note,
            "occupation": self.occupation,
            "indices": self.indices,
            "tasks": records(self.tasks),
            "candidates": records(self.candidates),
        }


def _primary(resolved: ResolvedCode) -> str | None:
    codes = resolved.onet_soc_codes
    if len(codes) == 1:
        return codes[0]
    if resolved.system == "soc" and f"{resolved.code}.00" in codes:
        return f"{resolved.code}.00"
    return None


def occupation_profile(store: ReferenceStore, code: str) -> OccupationProfile:
    """Resolve ``code`` (O*NET-SOC, SOC 2018 or ISCO-08) and gather its profile.

    A code that stands for one occupation, or a SOC code with a ``.00`` occupation, gets
    the full profile; other occupations under the code are listed as ``candidates``.
    """
    resolved = store.resolve(code)
    primary = _primary(resolved)
    others = [c for c in resolved.onet_soc_codes if c != primary]
    candidates = store.indices(others) if others else pd.DataFrame()
    if primary is None:
        return OccupationProfile(resolved, None, pd.DataFrame(), {}, candidates)
    occupation = records(store.occupations([primary]))[0]
    indices = records(store.indices([primary]))[0]
    for key in ("onet_soc_code", "soc_code", "title"):
        indices.pop(key, None)
    tasks = store.task_exposure([primary])
    return OccupationProfile(resolved, occupation, tasks, indices, candidates)
