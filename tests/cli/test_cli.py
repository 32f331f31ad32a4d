"""The command line as a whole: a light start, input files checked while parsing, one
help convention for every command, and progress off a terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from workshift.cli import app
from workshift.cli._output import PlainProgress
from workshift.cli._params import reflow

runner = CliRunner()
SRC = Path(__file__).resolve().parents[2] / "src"
HEAVY = ("pandas", "duckdb", "sklearn", "numpy", "pyarrow", "torch", "sentence_transformers")


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter with this source tree first on the path."""
    environ = {**os.environ, "PYTHONPATH": str(SRC), **env}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )


def _commands() -> list[list[str]]:
    """Every command and subcommand as its argument path, the root first."""
    paths: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return paths


COMMANDS = _commands()


# -- start-up ---------------------------------------------------------------------------


def test_import_of_the_cli_loads_no_heavy_module() -> None:
    result = _run(
        f"""
        import sys
        import workshift, workshift.cli
        print(",".join(m for m in {HEAVY!r} if m in sys.modules))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_workshift_reference_store_still_loads_lazily_and_once() -> None:
    result = _run(
        """
        import sys
        import workshift
        assert "pandas" not in sys.modules
        from workshift import ReferenceStore
        from workshift.reference import ReferenceStore as Store
        assert ReferenceStore is Store is workshift.ReferenceStore
        assert "ReferenceStore" in dir(workshift) and workshift.__version__
        """
    )
    assert result.returncode == 0, result.stderr


def test_missing_workforce_file_is_one_line_and_exit_2_at_once(tmp_path: Path) -> None:
    # A subprocess, to see what a user sees: no traceback, no usage block, no library.
    result = _run(
        """
        import sys
        from workshift.cli import app
        try:
            app(["analyze", "missing.csv", "-o", "out"])
        finally:
            print(",".join(m for m in ("pandas", "duckdb", "sklearn") if m in sys.modules))
        """,
        COLUMNS="200",
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "error: missing.csv: file not found (WORKFORCE)"
    assert result.stdout.strip() == ""  # nothing heavy was imported to say so


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["inspect", "{missing}"], "{missing}: file not found (WORKFORCE)"),
        (["match", "{missing}", "-o", "x.csv"], "{missing}: file not found (TITLES)"),
        (["match", "{file}", "-o", "x.csv", "--overrides", "{missing}"], "(--overrides)"),
        (["exposure", "{missing}", "-o", "x.csv"], "file not found (TASKS)"),
        (["transitions", "{missing}", "-o", "x.csv"], "file not found (ORIGINS)"),
        (["transitions", "{file}", "-o", "x.csv", "--roles", "{missing}"], "(--roles)"),
        (["analyze", "{folder}", "-o", "x"], "{folder}: is a folder, not a file (WORKFORCE)"),
        (["analyze", "{file}", "-o", "x", "--tasks", "{missing}"], "(--tasks)"),
        (
            ["review", "{file}", "-o", "x.csv",
             "--overrides", "{file}", "--overrides", "{missing}"],
            "{missing}: file not found (--overrides)",
        ),
        (["scenario", "{missing}"], "file not found (WORKFORCE)"),
        (["scenario", "--explain", "--scenario", "{missing}"], "(--scenario)"),
        (["scenario", "{file}", "--portfolio", "{missing}", "-o", "x"], "(--portfolio)"),
        (["reskill", "{file}", "--catalog", "{missing}", "-o", "x"], "(--catalog)"),
        (["reskill", "{file}", "--catalog", "{file}", "--openings", "{missing}", "-o", "x"],
         "(--openings)"),
        (["reskill", "{file}", "--catalog", "{file}", "--affected", "{missing}", "-o", "x"],
         "(--affected)"),
        (["reskill", "{file}", "--catalog", "{file}", "--new-roles", "{missing}", "-o", "x"],
         "(--new-roles)"),
        (["reference", "build", "{missing}"], "{missing}: folder not found (SOURCES)"),
        (["reference", "build", "{file}"], "{file}: is a file, not a folder (SOURCES)"),
    ],
)  # fmt: skip
def test_every_input_path_is_checked_while_parsing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    given = tmp_path / "given.csv"
    given.write_text("title\nBookkeeper\n", encoding="utf-8")
    names = {"missing": str(tmp_path / "missing.csv"), "file": str(given), "folder": str(tmp_path)}
    result = runner.invoke(app, [a.format(**names) for a in args], env={"COLUMNS": "300"})
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert message.format(**names) in lines[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_input_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.csv"
    locked.write_text("title\n", encoding="utf-8")
    locked.chmod(0)
    result = runner.invoke(app, ["inspect", str(locked)], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert "file not readable (permission denied) (WORKFORCE)" in result.output


# -- help -------------------------------------------------------------------------------


def _help(path: list[str], columns: int) -> str:
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "workshift")
def test_help_uses_one_naming_convention(path: list[str]) -> None:
    text = _help(path, 200)
    for typer_default in ("{", "<str>", "<path>", "<bool>", "<int", "<float", "list["):
        assert typer_default not in text, f"{typer_default!r} in help of {path}:\n{text}"
    usage = next(line for line in text.splitlines() if "Usage:" in line)
    positional = re.findall(r"\[?([A-Za-z_]+)\]?(?=\s|$)", usage.split("[OPTIONS]")[-1])
    assert all(name.isupper() for name in positional), usage


def test_positional_names_in_usage_lines() -> None:
    expected = {
        "analyze": "[OPTIONS] WORKFORCE",
        "match": "[OPTIONS] TITLES",
        "occupation": "[OPTIONS] CODE",
        "scenario": "[OPTIONS] [WORKFORCE]",
        "reskill": "[OPTIONS] [WORKFORCE]",
        "council": "[OPTIONS] [WORKFORCE]",
        "transitions": "[OPTIONS] ORIGINS",
        "exposure": "[OPTIONS] TASKS",
    }
    for command, usage in expected.items():
        assert usage in _help([command], 200)
    flags = _help(["reference", "info"], 200)
    assert re.search(r"--json\s+Print the manifest", flags)  # a flag: no metavar


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "workshift")
def test_help_shows_every_docstring_and_option_help_unchanged(path: list[str]) -> None:
    # Wide enough that nothing wraps: the help must hold each text word for word (no
    # Rich markup or Markdown eating brackets, underscores or asterisks), and the
    # description must not keep the source's line breaks.
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    text = _help(path, 1000)
    flat = " ".join(text.split())
    for paragraph in (command.help or "").split("\n\n"):
        assert " ".join(paragraph.split()) in flat
        assert paragraph.split("\n")[0].strip() in text  # one line each
    for param in command.params:
        if getattr(param, "help", None):
            assert " ".join(param.help.split()) in flat, param.help  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "workshift")
def test_help_at_80_columns_keeps_env_var_names_whole(path: list[str]) -> None:
    text = _help(path, 80)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "…" not in text
    if "--pseudonym-key" in text:
        assert "WORKSHIFT_PSEUDONYM_KEY]" in text


def test_reflow_joins_lines_and_keeps_paragraphs_and_items() -> None:
    text = """First line
        goes on.

        Second paragraph:
        * one item
          continued
        * two
        """
    assert reflow(text) == ("First line goes on.\n\nSecond paragraph:\n* one item continued\n* two")
    assert reflow("\b\nkept\nas is") == "\b\nkept\nas is"


# -- progress off a terminal ------------------------------------------------------------


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


def test_plain_progress_rate_for_a_counted_stage(capsys: pytest.CaptureFixture[str]) -> None:
    clock = _Clock()
    progress = PlainProgress(10, clock=clock)
    for done in range(0, 46_411, 41):  # 1,133 updates over 113 s
        clock.now = done / 410
        progress("embedding reference titles", done, 46_410)
        progress.tick()
    progress("embedding reference titles", 46_410, 46_410)
    lines = _lines(capsys)
    assert 10 <= len(lines) <= 13  # about one per 10 s, not one per update
    assert lines[0] == "[   10 s] embedding reference titles 4,100/46,410"
    assert lines[-1].endswith("embedding reference titles 46,410/46,410")


def test_plain_progress_quick_stage_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    clock = _Clock()
    progress = PlainProgress(10, clock=clock)
    for done in range(101):
        clock.now = done / 100
        progress("scoring titles", done, 100)
        progress.tick()
    assert _lines(capsys) == []


def test_plain_progress_heartbeat_for_a_stage_that_reports_seldom(
    capsys: pytest.CaptureFixture[str],
) -> None:
    clock = _Clock()
    progress = PlainProgress(10, clock=clock)
    progress("task model", 0, 1)
    progress("task model: embedding tasks", 0, 1)  # never says it ended
    for second in range(1, 31):
        clock.now = second
        progress.tick()
    progress("task model: training", 0, 1)
    for second in range(31, 46):
        clock.now = second
        progress.tick()
    progress("task model: training", 1, 1)
    for second in range(46, 60):
        clock.now = second
        progress.tick()
    progress("task model", 1, 1)
    clock.now = 200
    progress.tick()  # everything ended: nothing more to say
    assert _lines(capsys) == [
        "[   10 s] task model: embedding tasks (running, 10 s)",
        "[   20 s] task model: embedding tasks (running, 20 s)",
        "[   30 s] task model: embedding tasks (running, 30 s)",
        "[   30 s] task model: embedding tasks done (30 s)",  # the next step began
        "[   40 s] task model: training (running, 10 s)",
        "[   45 s] task model: training done (15 s)",
        "[   46 s] task model (running, 46 s)",  # between the steps, the stage
        "[   56 s] task model (running, 56 s)",
        "[   59 s] task model done (59 s)",
    ]


FAKE_STAGES = """
    import time

    def stage(name, steps):
        def run(store, embedder, progress, **kw):
            for step, total in steps:
                progress(step, 0, total)
                for done in range(1, total + 1):
                    time.sleep(0.6 / total)
                    progress(step, done, total) if total > 1 else None
            time.sleep(0.3)  # a step that reports nothing (fitting a ranker)
        return run

    import workshift.pipeline._warm as warm  # what `workshift setup` runs

    warm.ReferenceStore = lambda: object()
    warm.default_matcher = stage("matcher", [("embedding", 400)])
    warm.default_task_model = stage("model", [("embedding tasks", 1)])
    warm.default_transitions = stage("sim", [("embedding tasks", 1)])

    import workshift.cli._output as output
    output.PROGRESS_INTERVAL = 0.2
    from workshift.cli import app
    app(["setup"])
"""


def test_setup_writes_plain_progress_for_every_stage_to_a_file(tmp_path: Path) -> None:
    log = tmp_path / "setup.log"
    with log.open("w") as out:
        result = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(FAKE_STAGES)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(SRC), "WORKSHIFT_PROGRESS": "1"},
            timeout=120,
            check=False,
        )
    text = log.read_text(encoding="utf-8")
    assert result.returncode == 0, text
    lines = text.splitlines()
    assert lines[0].startswith("preparing the title matcher") and lines[-1] == "ready"
    progress = lines[1:-1]
    assert all(re.match(r"\[\s*\d+ s\] ", line) for line in progress), text
    assert len(progress) < 60, text  # throttled: not one line per update (400 of them)
    for stage in ("title matcher", "task model", "occupation similarity"):
        assert f"{stage} done" in text, text
    assert re.search(r"title matcher: embedding [\d,]+/400", text), text
    assert "task model: embedding tasks (running" in text, text
