"""`workshift analyze` saves its analysis into analysis/ (HR only), and `scenario`, `reskill`
and `council` take it with --analysis instead of WORKFORCE: the same numbers, no analysis
again, and a clear error for what does not fit a saved analysis."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from workshift.cli import app
from workshift.pipeline import analyze, load_analysis, save_analysis

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"

STAFF = (
    "Personalnummer,Stellenbezeichnung,Abteilung,Standort,occupation_code\n"
    + "".join(f"P{i:04d},Kundenberater,Service,Leipzig,43-4051\n" for i in range(12))
    + "".join(f"Q{i:04d},Lagerist,Logistik,Leipzig,53-7062\n" for i in range(9))
    + "".join(f"R{i:04d},Softwareentwickler,IT,Berlin,15-1252\n" for i in range(7))
    + "S0001,,Recht,Berlin,99-9999\n"  # no occupation: listed, not projected
)


@pytest.fixture(scope="module")
def staff(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("staff") / "staff.csv"
    path.write_text(STAFF, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def analyzed(staff: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of `workshift analyze` (HR)."""
    out = tmp_path_factory.mktemp("analyzed")
    result = runner.invoke(app, ["analyze", str(staff), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _scenario(source: list[str], out: Path, *extra: str) -> pd.DataFrame:
    result = runner.invoke(
        app,
        [
            "scenario", *source, "--portfolio", str(EXAMPLES / "portfolio.yaml"),
            "--years", "2026-2030", "--draws", "50", "--seed", "7", "-o", str(out), *extra,
        ],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return pd.read_csv(out / "projection.csv")


def test_analyze_saves_the_analysis_for_hr(analyzed: Path) -> None:
    saved = analyzed / "analysis"
    assert (saved / "analysis.json").is_file()
    loaded = load_analysis(analyzed)
    roles = pd.read_csv(analyzed / "roles.csv", dtype={"onet_soc_code": str})
    assert loaded.roles["onet_soc_code"].tolist() == roles["onet_soc_code"].tolist()
    assert len(loaded.workforce.rows) == 29


def test_analyze_for_the_council_saves_nothing_person_level(staff: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["analyze", str(staff), "--audience", "council", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "analysis").exists()
    assert not list(tmp_path.rglob("*.parquet"))


def test_scenario_of_a_saved_analysis_is_the_scenario_of_the_workforce(
    staff: Path, analyzed: Path, tmp_path: Path
) -> None:
    # `analyze` uses the default embedder, so both scenarios do too.
    reused = _scenario(["--analysis", str(analyzed)], tmp_path / "reused")
    fresh = _scenario([str(staff)], tmp_path / "fresh")
    pd.testing.assert_frame_equal(reused, fresh, check_exact=True)
    summaries = [(tmp_path / n / "summary.json").read_text() for n in ("reused", "fresh")]
    assert summaries[0] == summaries[1]


def test_a_hashing_analysis_saved_by_the_library_gives_the_same_projection(
    staff: Path, tmp_path: Path
) -> None:
    save_analysis(analyze(staff, embedder="hashing"), tmp_path / "saved")
    options = ("--embedder", "hashing")
    reused = _scenario(["--analysis", str(tmp_path / "saved")], tmp_path / "reused", *options)
    fresh = _scenario([str(staff)], tmp_path / "fresh", *options)
    pd.testing.assert_frame_equal(reused, fresh, check_exact=True)


def _refused(args: list[str]) -> str:
    result = runner.invoke(app, args, env={"COLUMNS": "250"})
    assert result.exit_code == 2, result.output
    return " ".join(result.output.split())


_RESKILL = ["reskill", "--catalog", str(EXAMPLES / "courses.csv"),
            "--openings", str(EXAMPLES / "openings.csv")]  # fmt: skip
_COUNCIL = ["council", "--portfolio", str(EXAMPLES / "portfolio.yaml"),
            "--scenario", str(EXAMPLES / "scenario.yaml")]  # fmt: skip
_SCENARIO = ["scenario", "--portfolio", str(EXAMPLES / "portfolio.yaml")]


@pytest.mark.parametrize("command", [_SCENARIO, _RESKILL, _COUNCIL], ids=lambda c: c[0])
def test_workforce_and_analysis_are_exactly_one(
    command: list[str], staff: Path, analyzed: Path, tmp_path: Path
) -> None:
    both = _refused([*command, str(staff), "--analysis", str(analyzed), "-o", str(tmp_path)])
    assert "give WORKFORCE or --analysis FOLDER (a saved analysis), exactly one" in both
    neither = _refused([*command, "-o", str(tmp_path)])
    assert "WORKFORCE or --analysis" in neither


@pytest.mark.parametrize("command", [_SCENARIO, _RESKILL, _COUNCIL], ids=lambda c: c[0])
def test_options_that_shape_an_analysis_are_refused_beside_it(
    command: list[str], analyzed: Path, tmp_path: Path
) -> None:
    tasks = EXAMPLES / "role_tasks.csv"
    text = _refused(
        [*command, "--analysis", str(analyzed), "--tasks", str(tasks), "--rater", "human",
         "--pseudonym-key", "k", "--map", "job_title=Position", "-o", str(tmp_path)]
    )  # fmt: skip
    assert (
        "not with a saved analysis, which is used as it was made: --rater, --tasks, --map, "
        "--pseudonym-key" in text
    )


def test_the_key_may_pseudonymise_an_affected_list_beside_an_analysis(
    analyzed: Path, tmp_path: Path
) -> None:
    text = _refused(
        [*_RESKILL, "--analysis", str(analyzed), "--affected", str(EXAMPLES / "affected.csv"),
         "--pseudonym-key", "k", "--overrides", str(EXAMPLES / "overrides.csv"),
         "-o", str(tmp_path)]
    )  # fmt: skip
    assert "it was made: --overrides (give" in text  # the key is not refused


def test_a_folder_without_a_saved_analysis_is_a_clear_error(tmp_path: Path) -> None:
    text = _refused([*_SCENARIO, "--analysis", str(tmp_path), "-o", str(tmp_path / "out")])
    assert f"error: {tmp_path / 'analysis.json'}: no saved analysis here" in text
