"""People and FTE are different measures: headcount counts people, fte their working time."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from workshift.workforce import PSEUDONYM_KEY_ENV, Workforce, ingest_frame


@pytest.fixture(autouse=True)
def _no_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PSEUDONYM_KEY_ENV, raising=False)


def ingest(**columns: list[str]) -> Workforce:
    return ingest_frame(pd.DataFrame({"Position": ["Picker"] * len(next(iter(columns.values()))),
                                      **columns}, dtype=object))  # fmt: skip


def test_without_headcount_or_fte_each_row_is_one_full_person() -> None:
    workforce = ingest_frame(pd.DataFrame({"Position": ["Picker", "Driver"]}))
    assert workforce.rows["headcount"].tolist() == [1.0, 1.0]
    assert workforce.rows["fte"].isna().all()


def test_fte_is_not_headcount() -> None:
    workforce = ingest(FTE=["1", "0,5", "0"])
    assert workforce.rows["headcount"].tolist() == [1.0, 1.0, 1.0]
    assert workforce.rows["fte"].tolist() == [1.0, 0.5, 0.0]  # FTE 0: on leave, still a person
    assert workforce.rejected.empty


def test_an_empty_fte_cell_is_unknown_not_a_rejection() -> None:
    workforce = ingest(FTE=["1", ""])
    assert workforce.rows["fte"].iloc[0] == 1.0
    assert math.isnan(workforce.rows["fte"].iloc[1])


@pytest.mark.parametrize(
    ("values", "expected", "percent_note"),
    [
        (["100", "80", "50", "0"], [1.0, 0.8, 0.5, 0.0], True),
        (["100%", "80 %", "0,5", "1"], [1.0, 0.8, 0.5, 1.0], False),
        (["1", "0.8", "0.5"], [1.0, 0.8, 0.5], False),
        (["1.5", "1"], [1.5, 1.0], False),
    ],
)
def test_percentages_of_full_time(
    values: list[str], expected: list[float], percent_note: bool
) -> None:
    workforce = ingest(**{"Beschäftigungsgrad": values})
    assert workforce.rows["fte"].tolist() == pytest.approx(expected)
    assert bool(workforce.notes) is percent_note
    if percent_note:
        assert workforce.notes[0].startswith("'Beschäftigungsgrad' read as percentages")


def test_a_column_that_is_neither_fractions_nor_percentages_rejects_the_outliers() -> None:
    workforce = ingest(FTE=["1", "0.8", "80"])
    assert workforce.rows["fte"].tolist() == [1.0, 0.8]
    assert workforce.rejected["reason"].tolist() == [
        "fte 80 is more than 1.5 for one person (percentages: write them with %, or the whole "
        "column as 0-100)"
    ]


def test_a_total_row_does_not_change_how_fte_is_read() -> None:
    workforce = ingest_frame(
        pd.DataFrame({"Position": ["Picker", "Driver", "Total"], "FTE": ["80", "100", "180"]})
    )
    assert workforce.rows["fte"].tolist() == [0.8, 1.0]
    assert workforce.rejected["reason"].tolist() == ["total row"]


def test_rows_of_groups_give_their_total_fte() -> None:
    workforce = ingest(Headcount=["12", "3", "5"], FTE=["10,5", "3", "80%"])
    assert workforce.rows["headcount"].tolist() == [12.0, 3.0, 5.0]
    assert workforce.rows["fte"].tolist() == [10.5, 3.0, 4.0]  # 80% of 5 people


def test_more_fte_than_people_can_work() -> None:
    workforce = ingest(Headcount=["2", "2"], FTE=["2", "3.5"])
    assert workforce.rejected["reason"].tolist() == [
        "fte 3.5 for 2 people is more than 1.5 per person"
    ]


@pytest.mark.parametrize("name", ["Headcount", "Anzahl", "Köpfe"])
def test_a_fractional_headcount_suggests_the_column_is_fte(name: str) -> None:
    workforce = ingest(**{name: ["2", "2,5"]})
    assert workforce.rows["headcount"].tolist() == [2.0]
    assert workforce.rejected[["column", "value", "reason"]].to_dict("records") == [
        {
            "column": name,
            "value": "2,5",
            "reason": f"headcount 2.5 is not a whole number of people; is {name!r} FTE? map it "
            f"as fte (columns={{'fte': {name!r}}}, --map fte={name!r})",
        }
    ]
    as_fte = ingest_frame(
        pd.DataFrame({"Position": ["A", "B"], name: ["1", "0,5"]}), columns={"fte": name}
    )
    assert as_fte.rows["fte"].tolist() == [1.0, 0.5]


def test_fte_columns_and_headcount_columns_together() -> None:
    workforce = ingest(Headcount=["1", "1"], FTE=["x", "-1"])
    assert workforce.rejected["reason"].tolist() == ["fte is not a number", "fte is negative"]
