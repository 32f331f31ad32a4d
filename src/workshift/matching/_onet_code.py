"""One cell's O*NET-SOC code: the one occupation a given code stands for, or None.

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

_CODE_ONLY = CodingPolicy(titles="never", several="primary")


def onet_code(store: ReferenceStore, code: object) -> str | None:
    """The O*NET-SOC code for a cell, or None if blank, unknown or several occupations.

    :func:`resolve_occupations` of one code: codes only, one occupation (the only one,
    or the SOC code's own ``.00`` one).
    """
    cell = None if code is None or code != code else code  # NaN is blank
    resolved = resolve_occupations(
        pd.Series([cell], dtype=object), None, store=store, policy=_CODE_ONLY
    )
    found = resolved["code"].iloc[0]
    return None if found is None else str(found)
