"""One cell's O*NET-SOC code: the first occupation a given code stands for, or None.

Examples
--------
>>> from workshift.reference import ReferenceStore
>>> store = ReferenceStore()
>>> onet_code(store, " 43-4051 "), onet_code(store, "99-9999"), onet_code(store, float("nan"))
('43-4051.00', None, None)
"""

from __future__ import annotations

import pandas as pd

from workshift.matching._resolve import CodingPolicy, resolve_occupations
from workshift.reference import ReferenceStore

__all__ = ["onet_code"]

_CODE_ONLY = CodingPolicy(titles="never", several="first")


def onet_code(store: ReferenceStore, code: object) -> str | None:
    """The O*NET-SOC code for a cell (its first occupation), or None if blank or unknown.

    :func:`resolve_occupations` of one code: codes only, the first occupation.
    """
    cell = None if code is None or code != code else code  # NaN is blank
    resolved = resolve_occupations(
        pd.Series([cell], dtype=object), None, store=store, policy=_CODE_ONLY
    )
    found = resolved["code"].iloc[0]
    return None if found is None else str(found)
