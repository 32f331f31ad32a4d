"""The three reports hold their layout in a real browser (headless Chromium): at 1280 to
1920 px and in print the page is no wider than the viewport, no element is wider than a
container that does not scroll, no chart label is cut at the chart's edge, and no legend
lies under plotly's toolbar. English and German.

Chromium comes from the system (Debian's ``chromium``; ``.ci/run`` installs it), driven
by Playwright; without either the tests are skipped, saying why.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.reports.conftest import make_analysis
from tests.reports.reskill_data import make_redeployment
from tests.reports.scenario_data import make_projection
from workshift.reference import ReferenceStore
from workshift.reports import write_html_report, write_reskill_report, write_scenario_report

pytestmark = pytest.mark.browser

CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
WIDTHS = (1280, 1440, 1920)
PRINT_WIDTH = 794  # an A4 page at 96 dpi

_CHECK = (Path(__file__).parent / "layout_check.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def _analysis(path: Path, lang: str) -> Path:
    return write_html_report(make_analysis(), path, store=ReferenceStore(), lang=lang)


def _scenario(path: Path, lang: str) -> Path:
    return write_scenario_report(make_projection(), path, lang=lang)


def _reskill(path: Path, lang: str) -> Path:
    return write_reskill_report(make_redeployment(), path, lang=lang, store=ReferenceStore())


REPORTS: dict[str, Callable[[Path, str], Path]] = {
    "analysis": _analysis,
    "scenario": _scenario,
    "reskill": _reskill,
}


@pytest.fixture(
    scope="module",
    params=[(r, lang) for r in REPORTS for lang in ("en", "de")],
    ids=[f"{r}-{lang}" for r in REPORTS for lang in ("en", "de")],
)
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    kind, lang = request.param
    folder = tmp_path_factory.mktemp(f"{kind}-{lang}")
    return REPORTS[kind](folder / "report.html", lang)


def _problems(browser: Any, report: Path, width: int, media: str = "screen") -> list[str]:
    page = browser.new_page(viewport={"width": width, "height": 1000})
    try:
        page.emulate_media(media=media)
        page.goto(report.as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # plotly lays out after load
        problems: list[str] = page.evaluate(_CHECK)
        page.screenshot(path=str(report.with_name(f"{media}-{width}.png")), full_page=True)
        return problems
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_reports_fit_the_screen(browser: Any, report: Path, width: int) -> None:
    assert _problems(browser, report, width) == []


def test_reports_fit_a_printed_page(browser: Any, report: Path) -> None:
    assert _problems(browser, report, PRINT_WIDTH, media="print") == []


def test_the_check_finds_an_overflowing_table(browser: Any, tmp_path: Path) -> None:
    """The check itself can fail: a table wider than the page is found."""
    page = tmp_path / "wide.html"
    cells = "".join(f"<td>{'x' * 40}</td>" for _ in range(12))
    page.write_text(
        f"<html><body><main style='max-width:600px'><table style='white-space:nowrap'>"
        f"<tr>{cells}</tr></table></main></body></html>",
        encoding="utf-8",
    )
    problems = _problems(browser, page, 1280)
    assert any("table" in p for p in problems), problems
