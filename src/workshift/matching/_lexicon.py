"""The German title lexicon shipped with workshift, as extra reference titles.

``matching/data/de_titles.csv`` maps common German job titles (base form; gender forms
are handled by the normaliser) to O*NET-SOC codes. It was written and reviewed by the
workshift developers; ``tests/matching`` checks every code exists.

Examples
--------
>>> lexicon = german_lexicon()
>>> lexicon.loc[lexicon["title"] == "Lohnbuchhalter", "onet_soc_code"].tolist()
['43-3051.00']
"""

from __future__ import annotations

import io
from functools import cache
from importlib.resources import files

import pandas as pd

__all__ = ["german_lexicon"]


@cache
def _read() -> pd.DataFrame:
    text = (files("workshift.matching") / "data" / "de_titles.csv").read_text(encoding="utf-8")
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def german_lexicon() -> pd.DataFrame:
    """Columns ``onet_soc_code``, ``title``, ``source`` (``lexicon_de``), ``detail``."""
    raw = _read()
    return pd.DataFrame(
        {
            "onet_soc_code": raw["onet_soc_code"],
            "title": raw["title_de"],
            "source": "lexicon_de",
            "detail": raw["note"],
        }
    )
