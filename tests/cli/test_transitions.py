"""`workshift transitions` end to end: every input row in the output, ranked and explained."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from workshift.cli import app

runner = CliRunner()


def test_every_origin_row_is_in_the_output(tmp_path: Path) -> None:
    origins = tmp_path / "origins.csv"
    origins.write_text("onet_soc_code\n43-4051\n\n99-9999\n43-3031.00\n", encoding="utf-8")
    out = tmp_path / "transitions.csv"
    result = runner.invoke(
        app,
        ["transitions", str(origins), "--top-k", "4", "--output", str(out),
         "--embedder", "hashing"],
        env={"COLUMNS": "200"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype={"origin_code": str, "target_code": str})
    for column in ("input_row", "origin_code", "rank", "target_code", "target", "score",
                   "similarity", "gap_skills"):  # fmt: skip
        assert column in frame.columns
    assert sorted(frame["input_row"].unique()) == [0, 1, 2, 3]
    ranked = frame.dropna(subset=["rank"])
    assert set(ranked["input_row"]) == {0, 3}
    assert ranked.groupby("input_row")["rank"].apply(list).tolist() == [[1, 2, 3, 4]] * 2
    assert (ranked["origin_code"].loc[ranked["input_row"] == 0] == "43-4051.00").all()
    reasons = frame.set_index("input_row")["reason"].fillna("")
    assert "no occupation code" in reasons[1]
    assert "unknown occupation code or unmatched title '99-9999'" in reasons[2]


def test_a_file_without_a_code_or_title_column_is_a_clear_error(tmp_path: Path) -> None:
    origins = tmp_path / "origins.csv"
    origins.write_text("name\nx\n", encoding="utf-8")
    result = runner.invoke(app, ["transitions", str(origins), "--output", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "origins.csv" in result.output and "job_title" in result.output


def test_workforce_column_names_work_for_origins(tmp_path: Path) -> None:
    """The code column may carry any name the workforce file may (here German)."""
    origins = tmp_path / "origins.csv"
    origins.write_text("Berufskennziffer\n43-4051\n", encoding="utf-8")
    out = tmp_path / "transitions.csv"
    result = runner.invoke(
        app,
        ["transitions", str(origins), "--top-k", "2", "--output", str(out),
         "--embedder", "hashing"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert pd.read_csv(out)["origin_code"].tolist() == ["43-4051.00"] * 2
