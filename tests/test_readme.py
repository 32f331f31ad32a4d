"""README.md stays true: its two set-up commands exist and its example output is current."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def _updater():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "docs/update_readme.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # runs every command of the README, the whole demo among them
def test_readme_output_blocks_match_what_the_code_prints() -> None:
    text = README.read_text(encoding="utf-8")
    assert "<!-- output:" in text
    assert _updater().render(text) == text, "run: python docs/update_readme.py"


def test_readme_names_exactly_the_two_make_targets_that_exist() -> None:
    text = README.read_text(encoding="utf-8")
    setup = text.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^make (\w+)$", setup, flags=re.M)
    assert commands == ["demo", "test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in commands:
        assert re.search(rf"^{target}:", makefile, flags=re.M)


def test_readme_lists_every_source_licence() -> None:
    from workshift.reference import SOURCES

    text = README.read_text(encoding="utf-8")
    licences = text.split("## Data sources and licences", 1)[1]
    for source in SOURCES.values():
        assert source.name in licences, source.key
        assert source.licence in licences, source.key
