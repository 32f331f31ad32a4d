"""One cell's O*NET-SOC code: the first occupation a given code stands for, or None.

Examples
--------
>>> from workshift.reference import ReferenceStore
>>> store = ReferenceStore()
>>> onet_code(store, " 43-4051 "), onet_code(store, "99-9999"), onet_code(store, float("nan"))
('43-4051.00', None, None)
"""

from __future__ import annotations

from workshift.reference import ReferenceStore

__all__ = ["onet_code"]


def onet_code(store: ReferenceStore, code: object) -> str | None:
    """The O*NET-SOC code for a cell (its first occupation), or None if blank or unknown."""
    text = str(code).strip() if code is not None and code == code else ""
    if not text:
        return None
    try:
        return store.resolve(text).onet_soc_codes[0]
    except KeyError:
        return None
