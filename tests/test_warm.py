"""warm_up loads every model once; with allow_fit off nothing is fitted afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from workshift import FitNotAllowedError, config_context, warm_up
from workshift.pipeline import WarmModels, analyze
from workshift.reference import ReferenceStore
from workshift.reskilling import EMERGING_ROLE_COLUMNS

# The shipped catalogue names occupations that the fixture bundle lacks.
NO_ROLES = pd.DataFrame(columns=EMERGING_ROLE_COLUMNS)


@pytest.fixture(scope="module")
def warm_home(fixture_bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A home whose caches warm_up filled (fixture bundle, hashing embedder)."""
    home = tmp_path_factory.mktemp("warm_home")
    with config_context(home=home, bundle_dir=fixture_bundle, show_progress=False):
        yield home


@pytest.fixture(scope="module")
def warmed(warm_home: Path) -> WarmModels:
    stages: list[tuple[str, int, int]] = []
    models = warm_up(embedder="hashing", progress=lambda *step: stages.append(step), roles=NO_ROLES)
    named = [s for s in stages if ":" not in s[0]]
    assert named == [
        ("title matcher", 0, 1),
        ("title matcher", 1, 1),
        ("task model", 0, 1),
        ("task model", 1, 1),
        ("occupation similarity", 0, 1),
        ("occupation similarity", 1, 1),
    ]
    return models


def _workforce(folder: Path) -> Path:
    path = folder / "staff.csv"
    path.write_text(
        "job_title,department,headcount,occupation_code\n"
        "Customer Service Representative,Service,3,\n"
        "Software Developer,IT,2,\n"
        "Bookkeeper,Finance,1,43-3031\n",
        encoding="utf-8",
    )
    return path


def test_warm_up_fills_the_cache(warmed: WarmModels, warm_home: Path) -> None:
    assert isinstance(warmed.store, ReferenceStore)
    assert warmed.matcher.embedder == "hashing"
    cached = sorted(p.name.rsplit("-", 1)[0] for p in (warm_home / "models").iterdir())
    assert cached == ["task-exposure", "title-matcher"]


def test_after_warm_up_analysis_runs_without_fitting(warmed: WarmModels, tmp_path: Path) -> None:
    with config_context(allow_fit=False):
        again = warm_up(warmed.store, embedder="hashing", roles=NO_ROLES)  # fits nothing
        result = analyze(_workforce(tmp_path), embedder="hashing", store=warmed.store)
    assert again.matcher.embedder == "hashing"
    assert result.summary["input_rows"] == 3
    assert set(result.rows["input_row"]) | set(result.unmatched["input_row"]) == {0, 1, 2}


def test_an_empty_cache_with_fitting_off_raises(warmed: WarmModels, tmp_path: Path) -> None:
    with config_context(home=tmp_path / "empty", allow_fit=False):
        with pytest.raises(FitNotAllowedError, match="the title matcher is not in the cache"):
            analyze(_workforce(tmp_path), embedder="hashing", store=warmed.store)
        with pytest.raises(FitNotAllowedError, match=r"task exposure model \(human labels\)"):
            from workshift.exposure import default_task_model

            default_task_model(warmed.store, embedder="hashing")
    assert not (tmp_path / "empty" / "models").exists()  # nothing was fitted or written
