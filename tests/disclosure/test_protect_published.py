"""A table the run publishes anyway (a summary's total) stays published: the complementary
cells are found elsewhere, and the pattern is still proven safe."""

from __future__ import annotations

import pandas as pd
import pytest

from workshift.disclosure import DisclosurePolicy, Table, protect
from workshift.exceptions import SolverError


def _tables() -> list[Table]:
    depts = pd.DataFrame({"department": ["A", "B", "C"], "people": [2, 30, 40]})
    sites = pd.DataFrame({"location": ["X", "Y"], "people": [32, 40]})
    cells = pd.DataFrame(
        {"department": ["A", "B", "C"], "location": ["X", "X", "Y"], "people": [2, 30, 40]}
    )
    return [
        Table("total", pd.DataFrame({"people": [72]})),
        Table("departments", depts, ["department"]),
        Table("locations", sites, ["location"]),
        Table("cells", cells, ["department", "location"]),
    ]


def test_a_published_total_stays_published_and_the_rest_protects() -> None:
    out = protect(_tables(), DisclosurePolicy(min_people=5), published=["total"])
    assert not out.frames["total"]["suppressed"].any()
    assert out.frames["departments"]["suppressed"].tolist() == [True, True, False]
    assert out.ok


def test_a_small_cell_cannot_be_kept_published() -> None:
    with pytest.raises(SolverError, match="must stay published"):
        protect(_tables(), DisclosurePolicy(min_people=5), published=["departments"])
