"""The evaluation figures the works-council pack quotes: the shipped JSON is what
``benchmarks/council_evaluation.py`` extracts from ``benchmarks/RESULTS.md`` today."""

from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from workshift.council import evaluation

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "council_evaluation.py"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("council_evaluation", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extracted() -> dict[str, Any]:
    figures: dict[str, Any] = _script().evaluation(RESULTS.read_text(encoding="utf-8"))
    return figures


def _shipped() -> dict[str, Any]:
    text = resources.files("workshift.council").joinpath("data/evaluation.json").read_text()
    figures: dict[str, Any] = json.loads(text)
    return figures


def test_the_shipped_figures_are_those_of_results_md(extracted: dict[str, Any]) -> None:
    assert _shipped() == extracted, "run: python benchmarks/council_evaluation.py"


def test_the_shipped_file_is_written_as_the_script_writes_it(extracted: dict[str, Any]) -> None:
    text = resources.files("workshift.council").joinpath("data/evaluation.json").read_text()
    assert text == json.dumps(extracted, indent=2, sort_keys=True) + "\n"


def test_the_package_quotes_the_shipped_figures(extracted: dict[str, Any]) -> None:
    assert evaluation() == extracted


def test_every_quoted_figure_was_found(extracted: dict[str, Any]) -> None:
    exposure = extracted["exposure"]
    assert exposure["run"] and extracted["matching"]["run"]
    assert exposure["tasks"] is not None and exposure["german_same_label"] is not None
    for figures in extracted["matching"]["sets"].values():
        assert figures["titles"] > 0
        assert all(0 <= figures[k] <= 1 for k in ("top1", "top5", "soc6_top1", "major_group_top1"))
