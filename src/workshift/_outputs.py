"""One way to write a stage's results: ``summary.json`` and one CSV per frame.

The summary is strict JSON: a figure that could not be computed is ``null`` (never
``NaN``, which JSON does not have), numpy numbers become plain numbers, and anything else
that is not JSON is an error here rather than a file no reader can parse. CSVs are UTF-8
with ``\\n`` line ends, so the same result gives the same bytes on every platform.

Examples
--------
>>> import json, math, tempfile
>>> import numpy as np
>>> import pandas as pd
>>> with tempfile.TemporaryDirectory() as folder:
...     out = write_outputs(folder, {"share": math.nan, "n": np.int64(3)},
...                         {"roles": pd.DataFrame({"a": [1]})})
...     json.loads((out / "summary.json").read_text()), (out / "roles.csv").read_text()
({'share': None, 'n': 3}, 'a\\n1\\n')
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["json_ready", "write_outputs", "write_summary", "write_table"]


def json_ready(value: Any) -> Any:
    """``value`` with NaN and infinities as ``None`` and numpy scalars as Python ones.

    >>> json_ready({"a": [1.5, float("nan")], "b": np.float32(0.5), "c": (np.bool_(True),)})
    {'a': [1.5, None], 'b': 0.5, 'c': [True]}
    """
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def write_summary(summary: Mapping[str, Any], path: str | Path) -> Path:
    """``summary`` as strict, indented JSON at ``path``."""
    out = Path(path)
    text = json.dumps(json_ready(summary), indent=2, ensure_ascii=False, allow_nan=False)
    out.write_text(text + "\n", encoding="utf-8")
    return out


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """``frame`` as a UTF-8 CSV with ``\\n`` line ends at ``path`` (its folder created).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_table(pd.DataFrame({"a": [1]}), Path(folder) / "sub" / "t.csv").read_text()
    'a\\n1\\n'
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out, index=False, lineterminator="\n")
    return out


def write_outputs(
    folder: str | Path, summary: Mapping[str, Any], frames: Mapping[str, pd.DataFrame]
) -> Path:
    """``summary.json`` and ``<name>.csv`` for each frame in ``folder`` (created)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    write_summary(summary, out / "summary.json")
    for name, frame in frames.items():
        write_table(frame, out / f"{name}.csv")
    return out
