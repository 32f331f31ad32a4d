"""The ``workshift`` command line: thin commands over the library.

Every command turns a :class:`~workshift.WorkshiftError` into a one-line message on
standard error and the error's exit code (2 for bad input).
"""

from __future__ import annotations

from typing import Annotated

import typer

from workshift.cli import _reference, _users
from workshift.cli._analyze import analyze
from workshift.cli._council import council
from workshift.cli._exposure import exposure
from workshift.cli._inspect import inspect
from workshift.cli._match import match, setup
from workshift.cli._occupation import occupation
from workshift.cli._params import Command, Group
from workshift.cli._reskill import reskill
from workshift.cli._review import review
from workshift.cli._scenario import scenario
from workshift.cli._transitions import transitions

__all__ = ["app", "main"]

app = typer.Typer(
    name="workshift",
    cls=Group,
    help="Plan the generative-AI transformation of a workforce, offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(_reference.app, name="reference")
app.add_typer(_users.app, name="users")
app.command("inspect", cls=Command)(inspect)
app.command("occupation", cls=Command)(occupation)
app.command("match", cls=Command)(match)
app.command("setup", cls=Command)(setup)
app.command("analyze", cls=Command)(analyze)
app.command("review", cls=Command)(review)
app.command("exposure", cls=Command)(exposure)
app.command("scenario", cls=Command)(scenario)
app.command("transitions", cls=Command)(transitions)
app.command("reskill", cls=Command)(reskill)
app.command("council", cls=Command)(council)


def _version(value: bool) -> None:
    if value:
        from workshift import __version__

        typer.echo(f"workshift {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Plan the generative-AI transformation of a workforce, offline."""


def main() -> None:
    """Console-script entry point."""
    app()
