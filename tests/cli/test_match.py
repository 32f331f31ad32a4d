"""End-to-end: `workshift match` on files, with the real default embedder on the fixture
bundle (a small index, so the matcher fits in seconds)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift import config_context
from workshift.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def small_world(fixture_bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Config pointing at the fixture bundle and a private cache folder."""
    home = tmp_path_factory.mktemp("home")
    with config_context(bundle_dir=fixture_bundle, home=home, show_progress=False):
        yield home


def test_match_csv_writes_long_format_with_every_row(small_world: Path, tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text(
        "id;Stellenbezeichnung\n1;Kundenberater im Callcenter (m/w/d)\n2;\n"
        "3;Sr. Software Engineer\n4;Kundenberater im Callcenter (m/w/d)\n",
        encoding="cp1252",
    )
    out = tmp_path / "out" / "matches.csv"
    result = runner.invoke(
        app,
        [
            "match",
            str(source),
            "--column",
            "Stellenbezeichnung",
            "--top-k",
            "2",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype={"onet_soc_code": str, "isco08_code": str})
    assert set(frame.columns) >= {
        "input_row",
        "title",
        "rank",
        "onet_soc_code",
        "occupation",
        "confidence",
        "decided_by",
        "isco08_code",
    }
    assert sorted(frame["input_row"].unique()) == [0, 1, 2, 3]
    empty = frame.loc[frame["input_row"] == 1]
    assert len(empty) == 1 and empty["rank"].isna().all() and empty["reason"].item()
    top = frame.loc[frame["rank"] == 1].set_index("input_row")
    assert top.loc[0, "onet_soc_code"] == "43-4051.00"
    assert top.loc[2, "onet_soc_code"] == "15-1252.00"
    assert (frame.loc[frame["input_row"] == 0, "rank"].tolist()) == [1, 2]
    assert "4 rows" in result.output


def test_match_xlsx_and_parquet(small_world: Path, tmp_path: Path) -> None:
    frame = pd.DataFrame({"title": ["Bookkeeper", "Order Picker"]})
    for suffix in ("xlsx", "parquet"):
        source = tmp_path / f"titles.{suffix}"
        if suffix == "xlsx":
            frame.to_excel(source, index=False)
        else:
            frame.to_parquet(source)
        out = tmp_path / f"out-{suffix}.csv"
        result = runner.invoke(app, ["match", str(source), "--output", str(out), "--top-k", "1"])
        assert result.exit_code == 0, result.output
        codes = pd.read_csv(out, dtype=str)["onet_soc_code"].tolist()
        assert codes == ["43-3031.00", "53-7065.00"]


def test_missing_column_is_a_one_line_error(small_world: Path, tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text("name\nClerk\n")
    result = runner.invoke(app, ["match", str(source), "--output", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "no column 'title'; the columns are: 'name'" in result.output


def test_unsupported_file_type(small_world: Path, tmp_path: Path) -> None:
    source = tmp_path / "t.json"
    source.write_text("{}")
    result = runner.invoke(app, ["match", str(source), "--output", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "unsupported file type '.json'" in result.output
