"""`workshift review`: the sheet lists every matcher-coded title; filled in, it settles them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift import InputDataError
from workshift.cli import app
from workshift.matching import Overrides
from workshift.reference import ReferenceStore

runner = CliRunner()

WORKFORCE = (
    "Personalnummer;Stellenbezeichnung;Abteilung;Anzahl;occupation_code\n"
    "1;Accountant;Finance;2;\n"
    "2;Process Assistant;Operations;5;\n"
    "3;Kundenservice-Spezialist;Service;3;\n"
    "4;Irgendwas;IT;1;15-1252.00\n"
    "5;Process Assistant;Operations;1;\n"
    "6;Chat Support Associate;Service;4;\n"
)


@pytest.fixture()
def workforce(tmp_path: Path) -> Path:
    path = tmp_path / "staff.csv"
    path.write_text(WORKFORCE, encoding="utf-8")
    return path


def _summary(out: Path) -> dict[str, float]:
    data: dict[str, float] = json.loads((out / "summary.json").read_text())
    return data


@pytest.mark.slow  # a whole-example end-to-end run
def test_review_then_overrides_narrow_the_range(workforce: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "review.csv"
    result = runner.invoke(app, ["review", str(workforce), "--output", str(sheet)])
    assert result.exit_code == 0, result.output
    assert "coding range" in result.output
    frame = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    # Every distinct title the matcher coded, once; the coded row is not listed.
    assert sorted(frame["title"]) == sorted(
        ["Accountant", "Process Assistant", "Kundenservice-Spezialist", "Chat Support Associate"]
    )
    assert frame.loc[frame["title"] == "Process Assistant", "headcount (people)"].item() == "6.0"
    assert (frame["code"] == "").all()
    narrows = frame["narrows share beta > 50% by"].astype(float)
    assert list(narrows) == sorted(narrows, reverse=True)

    before = tmp_path / "before"
    assert runner.invoke(app, ["analyze", str(workforce), "-o", str(before)]).exit_code == 0
    frame["code"] = "ok"
    frame.to_csv(sheet, index=False)
    after = tmp_path / "after"
    result = runner.invoke(
        app, ["analyze", str(workforce), "-o", str(after), "--overrides", str(sheet)]
    )
    assert result.exit_code == 0, result.output
    settled = _summary(after)
    assert settled["confident_share"] == 1.0
    assert settled["share_beta_gt_50pct_low"] == settled["share_beta_gt_50pct_high"]
    assert settled["beta_mean_low"] == pytest.approx(settled["beta_mean_high"])
    first = _summary(before)
    assert first["beta_mean_high"] - first["beta_mean_low"] >= 0
    assert first["input_rows"] == settled["input_rows"] == 6
    rows = pd.read_csv(after / "titles.csv")
    assert set(rows["decided_by"]) <= {"exact_title", "model"} or rows.empty


def test_german_workbook_is_read_back_as_it_is(workforce: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "pruefung.xlsx"
    result = runner.invoke(app, ["review", str(workforce), "--output", str(sheet), "--lang", "de"])
    assert result.exit_code == 0, result.output
    frame = pd.read_excel(sheet, dtype=str)
    assert {"Titel", "Code", "Köpfe (Personen)", "Kandidat 1 Code"} <= set(frame.columns)
    frame.loc[0, "Code"] = "2"  # the second candidate
    frame.to_excel(sheet, index=False)
    rules = Overrides.load(sheet, ReferenceStore())
    assert len(rules) == 1
    assert rules.rules[0].onet_soc_code == frame.loc[0, "Kandidat 2 Code"]


def test_a_bad_code_in_the_sheet_names_its_row(tmp_path: Path) -> None:
    sheet = tmp_path / "review.csv"
    pd.DataFrame(
        {
            "title": ["Picker", "Agent"],
            "code": ["", "99-9999"],
            "candidate_1_code": ["53-7065.00", "43-4051.00"],
        }
    ).to_csv(sheet, index=False)
    with pytest.raises(InputDataError, match="row 2") as err:
        Overrides.load(sheet, ReferenceStore())
    assert "code" in str(err.value)


def test_review_refuses_other_suffixes(workforce: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(workforce), "--output", str(tmp_path / "r.txt")])
    assert result.exit_code == 2
    assert ".xlsx or .csv" in result.output
