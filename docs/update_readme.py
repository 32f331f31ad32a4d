"""Refresh the command output and the sources list in README.md from the code itself.

A block in README.md between ``<!-- output: ARGS [head=N] -->`` and ``<!-- end output -->``
is replaced by what ``workshift ARGS`` prints at 100 columns (its first N lines when
``head`` is given). ``tests/test_readme.py`` fails when README.md is out of date.

Run: ``python docs/update_readme.py``
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(
    r"(<!-- output: (?P<args>.+?)(?: head=(?P<head>\d+))? -->\n)(?P<body>.*?)(<!-- end output -->)",
    re.S,
)


def command_output(args: str, head: int | None) -> str:
    """What ``workshift args`` prints at 100 columns."""
    import os

    from typer.testing import CliRunner

    from workshift.cli import app

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        result = CliRunner().invoke(app, shlex.split(args))
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise RuntimeError(f"workshift {args} failed") from result.exception
    # Progress lines carry timings ("[   3 s] scoring titles"): not part of what is shown.
    lines = [line.rstrip() for line in result.output.splitlines() if not PROGRESS.match(line)]
    if head is not None and len(lines) > head:
        lines = [*lines[:head], f"... ({len(lines) - head} more lines)"]
    return "\n".join(lines)


PROGRESS = re.compile(r"^\[\s*\d+ s\] ")
SOURCES_BLOCK = re.compile(r"(<!-- sources -->\n).*?(<!-- end sources -->)", re.S)


def sources_markdown() -> str:
    """The data sources with version, licence and the attribution each requires."""
    from workshift.reference import SOURCES

    parts = []
    for source in sorted(SOURCES.values(), key=lambda s: s.name):
        parts.append(
            f"- **{source.name}** ({source.version}), {source.publisher}. "
            f"Licence: [{source.licence}]({source.licence_url}). <{source.url}>  \n"
            f"  _{source.attribution}_"
        )
    return "\n".join(parts)


def render(text: str) -> str:
    """README text with every output block and the sources list refreshed.

    The commands run in a temporary folder that sees the repository's ``examples/``:
    what they write (``out/...``) never touches the repository's own ``out/``.
    """
    import os
    import tempfile

    root = README.parent
    with tempfile.TemporaryDirectory(prefix="workshift-readme-") as folder:
        (Path(folder) / "examples").symlink_to(root / "examples", target_is_directory=True)
        here = Path.cwd()
        os.chdir(folder)
        try:
            return _render(text)
        finally:
            os.chdir(here)


def _render(text: str) -> str:
    text = SOURCES_BLOCK.sub(lambda m: f"{m.group(1)}{sources_markdown()}\n{m.group(2)}", text)

    def replace(match: re.Match[str]) -> str:
        head = int(match["head"]) if match["head"] else None
        body = command_output(match["args"], head)
        fence = "```"
        block = f"{fence}text\n$ workshift {match['args']}\n{body}\n{fence}\n"
        return f"{match.group(1)}{block}{match.group(5)}"

    return BLOCK.sub(replace, text)


if __name__ == "__main__":
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {README}")
