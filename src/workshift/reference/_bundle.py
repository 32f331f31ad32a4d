"""The reference bundle on disk: deterministic Parquet tables plus ``manifest.json``.

The same tables written twice give the same bytes: rows are sorted by the builders,
Parquet is written without pandas metadata or timestamps, and the manifest has sorted
keys and no dates. The bundle version is derived from the content.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workshift.exceptions import BundleIntegrityError, BundleNotFoundError
from workshift.reference._raw import FileRecord
from workshift.reference._sources import SOURCES

__all__ = [
    "BUNDLE_FORMAT",
    "MANIFEST",
    "TABLES",
    "default_bundle_dir",
    "read_manifest",
    "verify_bundle",
    "write_bundle",
]

BUNDLE_FORMAT = 1
MANIFEST = "manifest.json"
RECONCILIATION = "reconciliation.csv"

TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    # name: (description, source keys)
    "occupations": (
        "O*NET-SOC 2019 occupations: SOC 2018 code, title, description, job zone",
        ("onet", "soc_structure"),
    ),
    "soc_structure": (
        "SOC 2018 hierarchy: major, minor, broad and detailed groups",
        ("soc_structure",),
    ),
    "tasks": ("O*NET task statements: type (core/supplemental) and weight (2/1)", ("onet",)),
    "task_dwas": ("Links of tasks to detailed work activities", ("onet",)),
    "dwas": ("Detailed work activities (DWA) with their IWA", ("onet",)),
    "iwas": ("Intermediate work activities (IWA)", ("onet",)),
    "work_activities": (
        "Generalized work activities (GWA) of IWAs and DWAs, with their category",
        ("onet",),
    ),
    "titles": ("Occupation, alternate, short and reported titles with their source", ("onet",)),
    "skills": ("Skill importance (1-5) and level (0-7) per occupation", ("onet_skills",)),
    "technology_skills": ("Software per occupation with hot and in-demand flags", ("onet",)),
    "education": (
        "Education, training and experience requirements (percent per category)",
        ("onet",),
    ),
    "eloundou_tasks": (
        "GPTs-are-GPTs task labels: human and GPT-4 E0/E1/E2, T0-T4 automation",
        ("eloundou",),
    ),
    "eloundou_occupations": (
        "GPTs-are-GPTs occupation alpha/beta/zeta (human and GPT-4)",
        ("eloundou",),
    ),
    "microsoft_occupations": (
        "Microsoft AI applicability score and metrics per SOC",
        ("microsoft",),
    ),
    "microsoft_iwas": ("Microsoft Copilot usage metrics per IWA", ("microsoft",)),
    "microsoft_soc_iwas": ("Microsoft SOC-to-IWA links with weights", ("microsoft",)),
    "anthropic_tasks": (
        "Anthropic task usage share and penetration, mapped to O*NET tasks",
        ("anthropic",),
    ),
    "anthropic_occupations": ("Anthropic observed exposure per SOC", ("anthropic",)),
    "anthropic_interaction_modes": (
        "Anthropic conversation shares per interaction mode",
        ("anthropic",),
    ),
    "oews": (
        "BLS OEWS national employment and wages, May 2024 and May 2021",
        ("oews_2024", "oews_2021"),
    ),
    "projections": (
        "BLS employment projections 2024-34 with separation rates",
        ("bls_projections",),
    ),
    "onet_2010_2019": ("O*NET-SOC 2010 to 2019 crosswalk", ("onet_crosswalk",)),
    "isco_soc": ("ISCO-08 to SOC 2010, carried to SOC 2018", ("isco_soc", "onet_crosswalk")),
    "isco_groups": ("ISCO-08 groups at every level with labels", ("esco",)),
    "esco_occupations": ("ESCO occupations with ISCO-08 group and labels", ("esco",)),
    "esco_skills": ("ESCO skills: labels and description", ("esco",)),
    "esco_onet": (
        "ESCO to O*NET-SOC 2019 (Nesta crosswalk, carried from 2010)",
        ("nesta_esco_onet", "onet_crosswalk"),
    ),
    "code_links": (
        "Direct edges between code systems, walked by ReferenceStore.crosswalk",
        ("onet", "onet_crosswalk", "isco_soc", "esco", "nesta_esco_onet"),
    ),
}


def default_bundle_dir() -> Path:
    """The bundle shipped inside the installed package."""
    return Path(__file__).with_name("bundle")


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    table = pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=9,
        write_statistics=True,
        store_schema=False,
    )


def write_bundle(
    out_dir: Path,
    tables: dict[str, pd.DataFrame],
    files: dict[str, FileRecord],
    reconciliation: pd.DataFrame,
    counts: dict[str, dict[str, int]],
) -> dict[str, Any]:
    """Write every table, the reconciliation report and the manifest; return the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.parquet"):
        if stale.stem not in tables:
            stale.unlink()
    table_entries = []
    for name in TABLES:
        frame = tables[name]
        path = out_dir / f"{name}.parquet"
        _write_parquet(frame, path)
        table_entries.append(
            {
                "name": name,
                "file": path.name,
                "description": TABLES[name][0],
                "sources": list(TABLES[name][1]),
                "rows": len(frame),
                "columns": [str(c) for c in frame.columns],
                "sha256": _sha256_file(path),
            }
        )
    report = out_dir / RECONCILIATION
    reconciliation.to_csv(report, index=False, lineterminator="\n")
    content = hashlib.sha256()
    for entry in table_entries:
        content.update(str(entry["sha256"]).encode())
    content.update(_sha256_file(report).encode())
    sources = []
    for _key, source in sorted(SOURCES.items()):
        entry = asdict(source)
        entry["files"] = [asdict(files[f]) for f in source.files if f in files]
        sources.append(entry)
    manifest = {
        "format": BUNDLE_FORMAT,
        "bundle_version": f"{BUNDLE_FORMAT}.{content.hexdigest()[:12]}",
        "sources": sources,
        "tables": table_entries,
        "reconciliation": {
            "file": RECONCILIATION,
            "sha256": _sha256_file(report),
            "rows": len(reconciliation),
            "counts": counts,
        },
    }
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


def read_manifest(bundle_dir: Path) -> dict[str, Any]:
    """Load ``manifest.json``; a clear error when the bundle is absent."""
    path = bundle_dir / MANIFEST
    if not path.is_file():
        raise BundleNotFoundError(
            f"no reference bundle at {bundle_dir} (missing {MANIFEST}); build one with "
            "'python -m workshift.reference.build PATH/TO/shared/data'"
        )
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != BUNDLE_FORMAT:
        raise BundleIntegrityError(
            f"{path}: bundle format {manifest.get('format')!r}, this workshift reads "
            f"format {BUNDLE_FORMAT}; rebuild the bundle"
        )
    return manifest


def verify_bundle(bundle_dir: Path) -> dict[str, Any]:
    """Check every table file and the reconciliation report against the manifest."""
    manifest = read_manifest(bundle_dir)
    for entry in manifest["tables"]:
        path = bundle_dir / entry["file"]
        if not path.is_file():
            raise BundleIntegrityError(f"{path}: table file missing from the bundle")
        if _sha256_file(path) != entry["sha256"]:
            raise BundleIntegrityError(f"{path}: checksum differs from {MANIFEST}")
    report = bundle_dir / manifest["reconciliation"]["file"]
    if not report.is_file() or _sha256_file(report) != manifest["reconciliation"]["sha256"]:
        raise BundleIntegrityError(f"{report}: missing, or its checksum differs from {MANIFEST}")
    return manifest
