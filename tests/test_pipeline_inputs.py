"""DataFrames and parsed documents in: the same results as the same inputs from files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from workshift.cli import app
from workshift.exceptions import DocumentError, InputDataError
from workshift.exposure import score_task_table, write_task_scores
from workshift.matching import Overrides
from workshift.pipeline import Analysis, analyze, reskill, scenario
from workshift.reference import ReferenceStore
from workshift.reskilling import (
    emerging_roles,
    rank_transitions,
    read_courses,
    read_openings,
    write_transitions,
)
from workshift.scenarios import load_assumptions, read_portfolio
from workshift.workforce import read_role_tasks, read_table, read_workforce

EXAMPLES = Path(__file__).parents[1] / "examples"
runner = CliRunner()

STAFF = (
    "Personalnummer;Stellenbezeichnung;Abteilung;Standort;Anzahl;occupation_code\n"
    "1;Kundenberater;Service;Austin;3;43-4051\n"
    "2;Fulfillment Associate;Lager;Austin;2;\n"
    "3;Buchhalter;Finanzen;Austin;1;13-2011\n"
    "4;;Service;Austin;1;99-9999\n"
    "5;Summe;;;7;\n"
)
FRAMES = ("matches", "roles", "tasks", "departments", "locations", "unmatched", "rows", "titles")


def _raw(path: Path) -> pd.DataFrame:
    """A file as a caller would hand it over: every cell as written."""
    return pd.read_csv(path, sep=None, engine="python", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def staff_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("staff") / "staff.csv"
    path.write_text(STAFF, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def from_file(staff_file: Path) -> Analysis:
    return analyze(
        staff_file,
        embedder="hashing",
        overrides=EXAMPLES / "overrides.csv",
        tasks=EXAMPLES / "role_tasks.csv",
    )


def test_workforce_frame_reads_as_its_file(staff_file: Path) -> None:
    from_path = read_workforce(staff_file)
    frame = read_workforce(_raw(staff_file))
    assert frame.source == "<DataFrame>"
    # Lines count data rows from 1 for a frame; the file's start below its header.
    assert (from_path.rows["line"] - 1).tolist() == frame.rows["line"].tolist()
    assert (from_path.rejected["line"] - 1).tolist() == frame.rejected["line"].tolist()
    pd.testing.assert_frame_equal(
        from_path.rows.drop(columns="line"), frame.rows.drop(columns="line")
    )
    pd.testing.assert_frame_equal(
        from_path.rejected.drop(columns="line"), frame.rejected.drop(columns="line")
    )


def test_analyze_with_frames_equals_analyze_with_files(
    staff_file: Path, from_file: Analysis
) -> None:
    result = analyze(
        _raw(staff_file),
        embedder="hashing",
        overrides=read_table(EXAMPLES / "overrides.csv"),
        tasks=_raw(EXAMPLES / "role_tasks.csv"),
    )
    for name in FRAMES:
        got, expected = getattr(result, name), getattr(from_file, name)
        if "line" in expected:  # the frame's rows are its lines; the file has a header line
            got, expected = got.drop(columns="line"), expected.drop(columns="line")
        pd.testing.assert_frame_equal(got, expected, obj=name)
    differ = {k for k in from_file.summary if result.summary[k] != from_file.summary[k]}
    assert differ == {"source_file", "task_file"}
    assert result.summary["source_file"] == result.summary["task_file"] == "<DataFrame>"
    assert from_file.summary["input_rows"] == 5 and from_file.summary["unmatched_rows"] >= 1


def test_frame_errors_name_the_dataframe() -> None:
    store = ReferenceStore()
    with pytest.raises(InputDataError, match=r"<DataFrame>.*capacity"):
        read_openings(pd.DataFrame({"opening_id": ["a"], "location": ["x"]}), store)
    with pytest.raises(InputDataError, match=r"<DataFrame>.*'code'"):
        Overrides.load(pd.DataFrame({"title": ["Clerk"]}), store)
    with pytest.raises(InputDataError, match=r"<DataFrame>.*'task'"):
        read_role_tasks(pd.DataFrame({"occupation_code": ["43-4051"]}), store)
    with pytest.raises(DocumentError, match="<document>"):
        read_portfolio({"services": "none"})


def test_openings_courses_and_task_lists_read_alike() -> None:
    store = ReferenceStore()
    emerging = set(emerging_roles(store=store)["role_id"])
    file = EXAMPLES / "openings.csv"
    pd.testing.assert_frame_equal(
        read_openings(_raw(file), store, emerging=emerging),
        read_openings(file, store, emerging=emerging),
    )
    courses = EXAMPLES / "courses.csv"
    pd.testing.assert_frame_equal(
        read_courses(_raw(courses)).modules, read_courses(courses).modules
    )
    tasks = EXAMPLES / "role_tasks.csv"
    pd.testing.assert_frame_equal(
        read_role_tasks(_raw(tasks), store), read_role_tasks(tasks, store)
    )
    overrides = EXAMPLES / "overrides.csv"
    assert Overrides.load([_raw(overrides)], store).rules == Overrides.load(overrides, store).rules


def test_portfolio_and_scenario_documents_read_as_their_files() -> None:
    portfolio = EXAMPLES / "portfolio.yaml"
    parsed = yaml.safe_load(portfolio.read_text(encoding="utf-8"))
    assert read_portfolio(parsed).services == read_portfolio(portfolio).services
    assert parsed == yaml.safe_load(portfolio.read_text(encoding="utf-8"))  # not changed
    file = EXAMPLES / "scenario.yaml"
    from_file = load_assumptions(file)
    from_dict = load_assumptions(yaml.safe_load(file.read_text(encoding="utf-8")))
    assert (from_dict.values, from_dict.years, from_dict.preset, from_dict.description) == (
        from_file.values, from_file.years, from_file.preset, from_file.description
    )  # fmt: skip
    assert from_dict.service_overrides == from_file.service_overrides


def test_scenario_with_documents_equals_scenario_with_files(from_file: Analysis) -> None:
    def read(name: str) -> object:
        return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))

    options = {"draws": 50, "seed": 3, "embedder": "hashing"}
    paths = scenario(
        from_file, EXAMPLES / "portfolio.yaml", scenario_file=EXAMPLES / "scenario.yaml", **options
    )
    documents = scenario(
        from_file, read("portfolio.yaml"), scenario_file=read("scenario.yaml"), **options
    )
    for name in ("projection", "waterfall", "coverage", "cells", "new_roles"):
        pd.testing.assert_frame_equal(getattr(documents, name), getattr(paths, name), obj=name)


def test_reskill_with_frames_equals_reskill_with_files(from_file: Analysis) -> None:
    options = {"embedder": "hashing", "min_beta": 0.0}
    paths = reskill(from_file, EXAMPLES / "openings.csv", EXAMPLES / "courses.csv", **options)
    frames = reskill(
        from_file, _raw(EXAMPLES / "openings.csv"), _raw(EXAMPLES / "courses.csv"), **options
    )
    for name in ("plan", "flows", "gaps", "openings", "candidates", "blocked"):
        pd.testing.assert_frame_equal(getattr(frames, name), getattr(paths, name), obj=name)
    assert frames.summary["openings_file"] == frames.summary["catalogue_file"] == "<DataFrame>"


def test_exposure_library_writes_what_the_command_writes(tmp_path: Path) -> None:
    source = tmp_path / "tasks.csv"
    source.write_text(
        "aufgabe;beruf\nRechnungen prüfen;43-3031\nLkw beladen;99-9999\n;\n", encoding="utf-8"
    )
    by_command = tmp_path / "command.csv"
    result = runner.invoke(
        app,
        ["exposure", str(source), "--column", "aufgabe", "--occupation-column", "beruf",
         "--embedder", "hashing", "--output", str(by_command)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    scores = score_task_table(
        _raw(source), column="aufgabe", occupation_column="beruf", embedder="hashing"
    )
    by_library = write_task_scores(scores, tmp_path / "library.csv")
    assert by_library.read_bytes() == by_command.read_bytes()


def test_transitions_library_writes_what_the_command_writes(tmp_path: Path) -> None:
    origins = tmp_path / "origins.csv"
    origins.write_text("onet_soc_code\n43-4051\n\n99-9999\n", encoding="utf-8")
    by_command = tmp_path / "command.csv"
    result = runner.invoke(
        app,
        ["transitions", str(origins), "--top-k", "3", "--output", str(by_command),
         "--embedder", "hashing"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    ranked = rank_transitions(read_table(origins), top_k=3, embedder="hashing")
    by_library = write_transitions(ranked, tmp_path / "library.csv")
    assert by_library.read_bytes() == by_command.read_bytes()
