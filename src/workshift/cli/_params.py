"""How every command shows and checks its parameters.

:class:`Command` and :class:`Group` give the help one convention: positional arguments
in upper case (``WORKFORCE``, ``[WORKFORCE]`` when optional), options with a
meaningful metavar (``FILE``, ``FOLDER``, ``N`` ... never Typer's ``<str>`` or
``<list[Path]>``), flags with none; and they reflow the docstrings, hard-wrapped in
the source, into paragraphs that wrap to the terminal.

:func:`input_file` and :func:`input_folder` check an input path while the command
line is parsed, before any library module loads, so that a missing file is reported
in one line (exit code 2) at once rather than after seconds of imports.
"""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

if TYPE_CHECKING:
    from typer._click import Context, Parameter  # the types Typer's own methods take

__all__ = ["Command", "Group", "input_file", "input_folder", "reflow"]

_ITEM = re.compile(r"\s*(?:[-*\u2022]|\d+[.)])\s")
"""A line that starts a list item: it keeps its own line when a paragraph is reflowed."""

_FALLBACK = {"str": "TEXT", "int": "N", "float": "NUMBER", "path": "PATH", "file": "FILE"}
"""Metavars for an option that names none (Typer would show ``<str>``, ``<int range>``)."""


def reflow(text: str) -> str:
    r"""``text`` with the lines of each paragraph joined (list items keep their lines),
    so the help wraps to the terminal instead of at the source's line breaks.

    A paragraph that starts with ``\b`` (Click's "do not rewrap") is kept as it is.

    >>> reflow('''Match titles,
    ...     then score.
    ...
    ...     Writes:
    ...     - a.csv and
    ...       b.csv''')
    'Match titles, then score.\n\nWrites:\n- a.csv and b.csv'
    """
    paragraphs = []
    for paragraph in inspect.cleandoc(text).split("\n\n"):
        if paragraph.startswith("\b"):
            paragraphs.append(paragraph)
            continue
        lines: list[str] = []
        for line in paragraph.splitlines():
            if lines and not _ITEM.match(line):
                lines[-1] = f"{lines[-1]} {line.strip()}"
            else:
                lines.append(line.strip())
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


class _Argument(TyperArgument):
    """A positional argument shown by its upper-case name, without Typer's ``<path>``."""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name if self.nargs == 1 else f"{name}..."

    def display_type_rich(self, ctx: Context) -> str | None:
        return None


class _Option(TyperOption):
    """An option shown with its metavar; a flag with none."""

    def display_type_rich(self, ctx: Context) -> str | None:
        if self.is_flag or self.count:
            return None
        if self.metavar is not None:
            return self.metavar
        shown = self.display_type(ctx).strip("<>").removeprefix("list[").removesuffix("]")
        return _FALLBACK.get(shown.removesuffix(" range").lower(), "VALUE")


def _tidy(param: object) -> None:
    """Give a Typer parameter the display of :class:`_Argument` or :class:`_Option`."""
    if type(param) is TyperArgument:
        if param.metavar is None and param.name:
            param.metavar = param.name.upper()
        param.__class__ = _Argument
    elif type(param) is TyperOption:
        param.__class__ = _Option


class _Conventions:
    """The help conventions of the module docstring, for a command or a group."""

    help: str | None

    def _tidy_help(self) -> None:
        if self.help:
            self.help = reflow(self.help)

    def _tidy_params(self, params: list[Parameter]) -> list[Parameter]:
        for param in params:  # with --help and, for the root, completion's
            _tidy(param)
        return params


class Command(_Conventions, TyperCommand):
    """A command with the help conventions of the module docstring."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._tidy_help()

    def get_params(self, ctx: Context) -> list[Parameter]:
        return self._tidy_params(super().get_params(ctx))


class Group(_Conventions, TyperGroup):
    """A group of commands with the help conventions of the module docstring."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._tidy_help()

    def get_params(self, ctx: Context) -> list[Parameter]:
        return self._tidy_params(super().get_params(ctx))


def _fail(param: typer.CallbackParam, path: Path, problem: str) -> None:
    """One line on standard error naming the file and the parameter, then exit code 2."""
    from rich.markup import escape

    from workshift.cli._output import err_console

    name = param.opts[0] if param.param_type_name == "option" else param.metavar or param.opts[0]
    err_console().print(
        f"[bold red]error:[/bold red] {escape(str(path))}: {problem} ({name})", soft_wrap=True
    )
    raise typer.Exit(2)


def _paths(value: Path | list[Path] | tuple[Path, ...] | None) -> list[Path]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def input_file(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> Any:
    """Parameter callback: every path given must be a readable file."""
    if not ctx.resilient_parsing:  # not while the shell completes a command line
        for path in _paths(value):
            if path.is_dir():
                _fail(param, path, "is a folder, not a file")
            elif not path.is_file():
                _fail(param, path, "file not found")
            elif not os.access(path, os.R_OK):
                _fail(param, path, "file not readable (permission denied)")
    return value


def input_folder(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> Any:
    """Parameter callback: every path given must be a readable folder."""
    if not ctx.resilient_parsing:
        for path in _paths(value):
            if path.is_file():
                _fail(param, path, "is a file, not a folder")
            elif not path.is_dir():
                _fail(param, path, "folder not found")
            elif not os.access(path, os.R_OK | os.X_OK):
                _fail(param, path, "folder not readable (permission denied)")
    return value
