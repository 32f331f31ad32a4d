"""Write benchmark and evaluation figures into benchmarks/RESULTS.md, one section per script.

Each script owns one section (``## name``); rerunning it replaces that section only and
records the machine it ran on.
"""

from __future__ import annotations

import os
import platform
import re
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")
HEADER = (
    "# Benchmark and evaluation results\n\n"
    "Written by the scripts in this folder; each section says when and on what machine it "
    "ran. Rerun a script to refresh its section.\n"
)


def machine() -> str:
    """One line describing this machine."""
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def write_section(name: str, body: str) -> None:
    """Replace (or add) the section ``## name`` of RESULTS.md with ``body``."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = f"## {name}\n\n_Run {stamp} on {machine()}._\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
