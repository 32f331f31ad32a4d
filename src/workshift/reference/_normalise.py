"""Text normalisation used to reconcile records across source versions.

Two task statements are the same task when they agree after :func:`normalise_text`:
case, white space, typographic quotes and dashes, and trailing punctuation are ignored.

Examples
--------
>>> normalise_text("  Answer customers’ questions —  by phone. ")
"answer customers' questions - by phone"
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_text"]

_TRANSLATE = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Lower-case, NFKC-fold and collapse ``text`` so that cosmetic edits compare equal."""
    folded = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).lower()
    return _SPACE.sub(" ", folded).strip().rstrip(".;: ")
