"""Occupation code systems: recognise and normalise O*NET-SOC, SOC and ISCO-08 codes.

Examples
--------
>>> normalise_code(" 43-4051 ")
('soc', '43-4051')
>>> normalise_code("434051")
('soc', '43-4051')
>>> normalise_code("43-4051.00")
('onet_soc', '43-4051.00')
>>> normalise_code("4222")
('isco08', '4222')
>>> normalise_code("customer service") is None
True
"""

from __future__ import annotations

import re
from typing import Final, Literal

__all__ = ["CODE_SYSTEMS", "CodeSystem", "normalise_code", "soc_of"]

CodeSystem = Literal["onet_soc", "soc", "isco08"]
CODE_SYSTEMS: Final[tuple[CodeSystem, ...]] = ("onet_soc", "soc", "isco08")

_ONET = re.compile(r"^(\d{2})-?(\d{4})\.(\d{2})$")
_SOC = re.compile(r"^(\d{2})-?(\d{4})$")
_ISCO = re.compile(r"^\d{4}$")


def normalise_code(raw: str) -> tuple[CodeSystem, str] | None:
    """Return ``(system, canonical code)`` for a code as a person might type it, else None.

    Six digits with or without the hyphen are SOC; with ``.NN`` they are O*NET-SOC; four
    digits are ISCO-08 unit groups.
    """
    text = raw.strip()
    if m := _ONET.match(text):
        return "onet_soc", f"{m[1]}-{m[2]}.{m[3]}"
    if m := _SOC.match(text):
        return "soc", f"{m[1]}-{m[2]}"
    if _ISCO.match(text):
        return "isco08", text
    return None


def soc_of(onet_soc_code: str) -> str:
    """The SOC 6-digit code an O*NET-SOC 8-digit code belongs to.

    >>> soc_of("15-1252.00")
    '15-1252'
    """
    return onet_soc_code[:7]
