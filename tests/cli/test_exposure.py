"""`workshift exposure` end to end on the shipped example tasks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from workshift.cli import app
from workshift.exposure import SCORE_COLUMNS

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"


def test_scores_the_example_tasks_in_both_languages(tmp_path: Path) -> None:
    out = tmp_path / "scored.csv"
    result = runner.invoke(app, ["exposure", str(EXAMPLES / "tasks.csv"), "--output", str(out)])
    assert result.exit_code == 0, result.output
    scored = pd.read_csv(out)
    given = pd.read_csv(EXAMPLES / "tasks.csv")
    assert scored.columns.tolist() == SCORE_COLUMNS
    assert scored["input_row"].tolist() == list(range(len(given)))
    assert set(scored["source"]) == {"model"}
    assert scored[["p_e0", "p_e1", "p_e2"]].sum(axis=1).round(9).eq(1).all()
    beta = scored.set_index("task")["beta"]
    # Desk work is more exposed than work with the hands, in English and in German.
    assert (
        beta["Write unit tests for the checkout service"]
        > beta["Pick items from warehouse shelves with a handheld scanner"]
    )
    assert (
        beta["Lieferantenrechnungen mit Bestellungen und Wareneingängen abgleichen"]
        > beta["Artikel mit dem Handscanner aus dem Lagerregal kommissionieren"]
    )
    assert "tasks, 10 scored" in result.output.replace("\n", " ")


def test_unknown_occupation_codes_are_noted_and_empty_rows_kept(tmp_path: Path) -> None:
    source = tmp_path / "tasks.csv"
    source.write_text(
        "aufgabe;beruf\nRechnungen prüfen;43-3031\nLkw beladen;99-9999\n;\n", encoding="utf-8"
    )
    out = tmp_path / "scored.csv"
    result = runner.invoke(
        app,
        ["exposure", str(source), "--column", "aufgabe", "--occupation-column", "beruf",
         "--output", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    scored = pd.read_csv(out)
    assert len(scored) == 3
    assert "unknown occupation code 99-9999" in scored.loc[1, "reason"]
    assert scored.loc[2, "reason"] == "empty task"


def test_a_missing_column_is_a_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "tasks.csv"
    source.write_text("text\nRechnungen prüfen\n", encoding="utf-8")
    result = runner.invoke(app, ["exposure", str(source), "--output", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "no column 'task'" in result.output
