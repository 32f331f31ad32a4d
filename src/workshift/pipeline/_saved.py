"""A finished :class:`~workshift.pipeline.Analysis` saved as Parquet plus a small JSON
manifest, and loaded again, so that ``scenario``, ``reskill`` and ``council`` (or a
service) reuse it instead of running ``analyze`` again.

A saved analysis is a folder (``workshift analyze`` writes one into ``analysis/`` of its
output folder, for HR only)::

    analysis.json                the manifest (below)
    summary.json                 the summary, as ``workshift analyze`` writes it
    <frame>.parquet              every frame: matches, roles, tasks, departments, ...
    workforce_rows.parquet       the workforce the analysis was made from: its rows
    workforce_rejected.parquet   and the rows rejected on ingest

The manifest holds the format version, the workshift version that wrote it, the version
of the reference bundle the analysis was made with, per file its row count (frames),
sha256 and column dtypes, and the rest of the :class:`~workshift.workforce.Workforce`
(source, column mapping, layout, notes). :func:`load_analysis` checks it before it reads
a frame: a missing or altered file, an unknown format version or an analysis made with
another reference bundle than the installed one is an
:class:`~workshift.exceptions.InputDataError` naming the file. Frames come back exactly,
dtypes included; the summary as strict JSON gives it (a figure that could not be computed
is ``None``). The folder is HR data: person-level rows, pseudonymised ids as they were,
file paths. A council analysis (:func:`~workshift.pipeline.for_council`) is not saved.

Examples
--------
>>> import tempfile
>>> from workshift.reference import ReferenceStore
>>> from workshift.workforce import ingest_frame
>>> workforce = ingest_frame(pd.DataFrame({"job_title": ["Clerk"], "department": ["A"]}))
>>> frame = pd.DataFrame({"department": ["A"], "beta": [0.4]})
>>> analysis = Analysis(
...     {"bundle_version": ReferenceStore().version}, frame, frame, frame, frame, frame,
...     frame, frame, workforce,
... )
>>> with tempfile.TemporaryDirectory() as folder:
...     loaded = load_analysis(save_analysis(analysis, folder))
>>> loaded.departments
  department  beta
0          A   0.4
>>> loaded.workforce.rows["job_title"].tolist()
['Clerk']
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workshift._outputs import write_summary
from workshift.exceptions import ConfigError, InputDataError
from workshift.pipeline._analyze import Analysis
from workshift.reference import ReferenceStore
from workshift.workforce import Workforce
from workshift.workforce._layout import TableLayout

__all__ = ["ANALYSIS_FOLDER", "FORMAT_VERSION", "MANIFEST", "load_analysis", "save_analysis"]

FORMAT_VERSION = 1
"""The version of the folder's layout; :func:`load_analysis` reads this one only."""

MANIFEST = "analysis.json"
"""The manifest's file name."""

ANALYSIS_FOLDER = "analysis"
"""Where ``workshift analyze`` saves the analysis inside its output folder."""

_FORMAT = "workshift-analysis"
_SUMMARY = "summary.json"
_FRAMES = (
    "matches",
    "roles",
    "tasks",
    "departments",
    "locations",
    "unmatched",
    "department_task_groups",
    "rows",
    "titles",
    "suppression_log",
)
_WORKFORCE_FRAMES = ("rows", "rejected")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_frame(frame: pd.DataFrame, path: Path) -> dict[str, Any]:
    """``frame`` as Parquet at ``path``; its manifest entry."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, engine="pyarrow")
    data = buffer.getvalue()
    path.write_bytes(data)
    return {
        "file": path.name,
        "rows": len(frame),
        "sha256": _sha256(data),
        "dtypes": {str(column): str(dtype) for column, dtype in frame.dtypes.items()},
    }


def _layout(layout: TableLayout) -> dict[str, Any]:
    return {
        "source": layout.source,
        "unit": layout.unit,
        "header_line": layout.header_line,
        "skipped": [[number, text] for number, text in layout.skipped],
        "sheet": layout.sheet,
        "sheets": list(layout.sheets),
        "delimiter": layout.delimiter,
        "names": list(layout.names),
        "written": dict(layout.written),
        "notes": list(layout.notes),
    }


def save_analysis(analysis: Analysis, folder: str | Path) -> Path:
    """Save ``analysis`` into ``folder`` (created; a saved analysis there is replaced).

    Returns the folder. See the module docstring for what it holds.

    Raises
    ------
    ConfigError
        ``analysis`` is one for employee representatives: it is published as it is
        written, never reused, and its workforce is person-level.
    """
    if analysis.summary.get("audience") == "council":
        raise ConfigError(
            "a council analysis is not saved: save the HR analysis and make the council's "
            "outputs from it"
        )
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)  # no stale manifest beside new files
    frames = {name: _write_frame(getattr(analysis, name), out / f"{name}.parquet")
              for name in _FRAMES}  # fmt: skip
    wf = analysis.workforce
    wf_frames = {
        name: _write_frame(getattr(wf, name), out / f"workforce_{name}.parquet")
        for name in _WORKFORCE_FRAMES
    }
    summary = write_summary(analysis.summary, out / _SUMMARY)
    from workshift import __version__

    bundle = analysis.summary.get("bundle_version") or ReferenceStore().version
    manifest = {
        "format": _FORMAT,
        "format_version": FORMAT_VERSION,
        "workshift_version": __version__,
        "bundle_version": bundle,
        "summary": {"file": _SUMMARY, "sha256": _sha256(summary.read_bytes())},
        "frames": frames,
        "workforce": {
            "source": wf.source,
            "columns": dict(wf.columns),
            "also_matched": {k: list(v) for k, v in wf.also_matched.items()},
            "notes": list(wf.notes),
            "layout": _layout(wf.layout),
            "frames": wf_frames,
        },
    }
    write_summary(manifest, out / MANIFEST)
    return out


def _manifest_path(folder: Path) -> Path:
    """The manifest of ``folder``, or of its ``analysis/`` (an analyze output folder)."""
    nested = folder / ANALYSIS_FOLDER / MANIFEST
    if not (folder / MANIFEST).is_file() and nested.is_file():
        return nested
    return folder / MANIFEST


def _field(entry: Any, key: str, manifest: Path) -> Any:
    """``entry[key]``, or an error naming the manifest when it is not there."""
    if not isinstance(entry, dict) or key not in entry:
        raise InputDataError(f"not a saved analysis manifest: no {key!r}", file=str(manifest))
    return entry[key]


def _checked_bytes(folder: Path, entry: Any, manifest: Path) -> tuple[Path, bytes]:
    """The bytes of the file an entry names, after checking its sha256."""
    path = folder / str(_field(entry, "file", manifest))
    if path.parent != folder:  # a manifest names files of its own folder only
        raise InputDataError("names a file outside its folder", file=str(manifest))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputDataError(
            f"missing from the saved analysis (listed in {MANIFEST})", file=str(path)
        ) from None
    if _sha256(data) != _field(entry, "sha256", manifest):
        raise InputDataError(
            f"changed since the analysis was saved (its sha256 differs from {MANIFEST})",
            file=str(path),
        )
    return path, data


def _read_frame(folder: Path, entry: Any, manifest: Path) -> pd.DataFrame:
    """A frame as it was saved: Parquet gives ``str`` for text, so columns saved as
    ``object`` get their values back as objects (``None`` stays ``None``)."""
    path, data = _checked_bytes(folder, entry, manifest)
    try:
        table = pq.read_table(pa.BufferReader(data))
    except pa.ArrowException as err:
        raise InputDataError(f"not a Parquet file: {err}", file=str(path)) from err
    frame: pd.DataFrame = table.to_pandas()
    if len(frame) != _field(entry, "rows", manifest):
        raise InputDataError(f"row count differs from {MANIFEST}", file=str(path))
    for column, dtype in dict(_field(entry, "dtypes", manifest)).items():
        if dtype == "object" and frame[column].dtype != object:
            values = table.column(column).to_numpy(zero_copy_only=False)
            frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return frame


def _workforce(folder: Path, entry: Any, manifest: Path) -> Workforce:
    frames = _field(entry, "frames", manifest)
    read = {name: _read_frame(folder, _field(frames, name, manifest), manifest)
            for name in _WORKFORCE_FRAMES}  # fmt: skip
    layout = _field(entry, "layout", manifest)
    try:
        return Workforce(
            rows=read["rows"],
            rejected=read["rejected"],
            columns=dict(_field(entry, "columns", manifest)),
            source=str(_field(entry, "source", manifest)),
            layout=TableLayout(
                source=layout["source"],
                unit=layout["unit"],
                header_line=layout["header_line"],
                skipped=tuple((int(n), str(text)) for n, text in layout["skipped"]),
                sheet=layout["sheet"],
                sheets=tuple(layout["sheets"]),
                delimiter=layout["delimiter"],
                names=tuple(layout["names"]),
                written=dict(layout["written"]),
                notes=tuple(layout["notes"]),
            ),
            also_matched={k: tuple(v) for k, v in _field(entry, "also_matched", manifest).items()},
            notes=tuple(_field(entry, "notes", manifest)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise InputDataError(
            f"the workforce entry of the manifest is malformed ({err!r})", file=str(manifest)
        ) from err


def load_analysis(folder: str | Path, *, store: ReferenceStore | None = None) -> Analysis:
    """The analysis saved in ``folder`` (a folder of :func:`save_analysis`, or the output
    folder of ``workshift analyze``, which holds it in ``analysis/``).

    ``store`` is the reference store the analysis will be used with (default the
    installed bundle); the analysis must have been made with the same bundle.

    Raises
    ------
    InputDataError
        No manifest; a manifest of another format version or another reference bundle; a
        file it lists missing or changed (its sha256 differs). The message names the file.
    """
    manifest = _manifest_path(Path(folder))
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputDataError(
            f"no saved analysis here (no {MANIFEST}, nor {ANALYSIS_FOLDER}/{MANIFEST}); "
            "`workshift analyze` writes one",
            file=str(manifest),
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputDataError(f"not a JSON manifest: {err}", file=str(manifest)) from err
    if _field(entries, "format", manifest) != _FORMAT:
        raise InputDataError("not a saved analysis manifest", file=str(manifest))
    version = _field(entries, "format_version", manifest)
    if version != FORMAT_VERSION:
        raise InputDataError(
            f"format version {version!r} is not one this workshift reads ({FORMAT_VERSION}); "
            "run `workshift analyze` again",
            file=str(manifest),
        )
    saved_bundle = _field(entries, "bundle_version", manifest)
    installed = (store or ReferenceStore()).version
    if saved_bundle != installed:
        raise InputDataError(
            f"made with reference bundle {saved_bundle}, but the bundle in use is "
            f"{installed}: run `workshift analyze` again",
            file=str(manifest),
        )
    here = manifest.parent
    _, summary = _checked_bytes(here, _field(entries, "summary", manifest), manifest)
    frames = _field(entries, "frames", manifest)
    read = {name: _read_frame(here, _field(frames, name, manifest), manifest)
            for name in _FRAMES}  # fmt: skip
    workforce = _workforce(here, _field(entries, "workforce", manifest), manifest)
    return Analysis(summary=json.loads(summary), workforce=workforce, **read)
