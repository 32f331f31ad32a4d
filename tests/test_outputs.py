"""Results are written one way: strict JSON summaries, whatever the figures are."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from workshift._outputs import json_ready, write_summary

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True).map(np.float64),
    st.none(),
    st.text(max_size=5),
)
summaries = st.recursive(
    numbers,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=20,
)


@given(st.dictionaries(st.text(max_size=8), summaries, max_size=6))
def test_any_summary_is_strict_json(summary: dict[str, object]) -> None:
    text = json.dumps(json_ready(summary), allow_nan=False)
    back = json.loads(text)
    assert set(back) == {str(k) for k in summary}


def test_a_figure_that_could_not_be_computed_is_null(tmp_path: Path) -> None:
    path = write_summary({"share": math.nan, "mean": np.float32("inf")}, tmp_path / "s.json")
    assert json.loads(path.read_text()) == {"share": None, "mean": None}
    assert "NaN" not in path.read_text()
