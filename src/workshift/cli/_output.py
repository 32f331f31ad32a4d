"""Console helpers shared by the commands: consoles, JSON output and error handling."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console

from workshift.exceptions import WorkshiftError

__all__ = ["console", "err_console", "print_json", "user_errors"]


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
