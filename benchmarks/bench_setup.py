"""Benchmark: `workshift setup` on a fresh cache (empty WORKSHIFT_HOME), issue 12 item 7.

Target: <= 5 minutes on this 2-core machine. Each run is a fresh ``workshift setup``
process with a new, empty ``WORKSHIFT_HOME``, so every reference text is embedded and
every model (title matcher, task model, occupation similarity) is fitted from scratch.
The load average before the run is recorded: the machine is shared, and a busy core
slows every number here. ``--baseline REV`` also times the code of a git revision in the
same run (a temporary ``git worktree`` put first on ``PYTHONPATH``).

Run: ``python benchmarks/bench_setup.py [--baseline 857ef7b]`` (writes benchmarks/RESULTS.md).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _results import write_section

ROOT = Path(__file__).resolve().parent.parent
WORKSHIFT = Path(sys.executable).with_name("workshift")


def run_setup(pythonpath: str | None = None) -> dict[str, object]:
    """Time one ``workshift setup`` with an empty home; stage lines from its progress."""
    env = dict(os.environ)
    env.pop("WORKSHIFT_HOME", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    with tempfile.TemporaryDirectory(prefix="ws-setup-") as home:
        env["WORKSHIFT_HOME"] = home
        load = os.getloadavg()[0]
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", str(WORKSHIFT), "setup"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.perf_counter() - start
    rss = int(done.stderr.strip().splitlines()[-1]) / 1024
    stages = [line for line in done.stderr.splitlines() if re.match(r"^\[\s*\d", line)]
    return {"seconds": seconds, "rss_mb": rss, "load": load, "stages": stages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git revision to time in the same run")
    args = parser.parse_args()
    rows = []
    if args.baseline:
        with tempfile.TemporaryDirectory(prefix="ws-base-") as tree:
            subprocess.run(
                ["git", "worktree", "add", "--detach", tree, args.baseline],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            try:
                base = run_setup(str(Path(tree) / "src"))
            finally:
                subprocess.run(
                    ["git", "worktree", "remove", "--force", tree], cwd=ROOT, check=False
                )
        rows.append((f"baseline {args.baseline}", base))
    now = run_setup()
    rows.append(("this revision", now))
    lines = [
        "| code | wall time | target | peak RSS | load average before |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, result in rows:
        lines.append(
            f"| {name} | {result['seconds']:.0f} s | <= 300 s | {result['rss_mb']:,.0f} MB "
            f"| {result['load']:.1f} |"
        )
    stages = "\n".join(f"    {line}" for line in now["stages"])  # type: ignore[attr-defined]
    body = (
        "`workshift setup` as a fresh process with an empty `WORKSHIFT_HOME` (every "
        "reference text embedded, the title matcher, the task model and the occupation "
        "similarity fitted from scratch). Target (issue 12, item 7): <= 5 minutes on 2 "
        "cores.\n\n" + "\n".join(lines) + "\n\nProgress lines of this revision's run "
        "(elapsed seconds, stage):\n\n" + stages
    )
    write_section("Setup on a fresh cache (issue 12, item 7)", body)
    print(body)


if __name__ == "__main__":
    main()
