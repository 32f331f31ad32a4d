"""The bundle shipped inside the package: its manifest, its provenance and its data path."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.reference.helpers import digests, sha256_file
from workshift import config_context
from workshift.reference import SOURCES, ReferenceStore, build_bundle, occupation_profile
from workshift.reference._bundle import TABLES, default_bundle_dir

SHIPPED = default_bundle_dir()
SHARED_DATA = Path(
    os.environ.get("WORKSHIFT_SHARED_DATA")
    or Path(__file__).resolve().parents[2].parent / "shared" / "data"
)
needs_shared = pytest.mark.skipif(
    not SHARED_DATA.is_dir(),
    reason=f"raw sources not found at {SHARED_DATA} (set WORKSHIFT_SHARED_DATA to check "
    "the shipped bundle against them)",
)


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads((SHIPPED / "manifest.json").read_text(encoding="utf-8"))


def test_manifest_lists_every_source_as_registered(manifest: dict[str, Any]) -> None:
    by_key = {s["key"]: s for s in manifest["sources"]}
    assert sorted(by_key) == sorted(SOURCES)
    for key, source in SOURCES.items():
        entry = by_key[key]
        for attribute in ("name", "version", "publisher", "licence", "licence_url", "attribution"):
            assert entry[attribute] == getattr(source, attribute), (key, attribute)
        assert [f["path"] for f in entry["files"]] == list(source.files), key
        for record in entry["files"]:
            assert len(record["sha256"]) == 64
            assert record["rows"] > 0
            assert record["bytes"] > 0


def test_manifest_lists_every_table(manifest: dict[str, Any]) -> None:
    assert [t["name"] for t in manifest["tables"]] == list(TABLES)
    for entry in manifest["tables"]:
        assert (SHIPPED / entry["file"]).is_file(), entry["file"]
        assert entry["rows"] > 0, entry["name"]


def test_shipped_bundle_passes_verification() -> None:
    store = ReferenceStore(SHIPPED, verify=True)
    assert store.version.startswith("1.")


@pytest.mark.shared
@needs_shared
def test_shipped_bundle_was_built_from_the_current_sources(manifest: dict[str, Any]) -> None:
    for source in manifest["sources"]:
        for record in source["files"]:
            path = SHARED_DATA / record["path"]
            assert path.is_file(), path
            assert sha256_file(path) == record["sha256"], (
                f"{record['path']} changed since the bundle was built; rebuild it with "
                "'python -m workshift.reference.build ../shared/data'"
            )
            assert path.stat().st_size == record["bytes"], record["path"]


@pytest.mark.shared
@needs_shared
def test_rebuilding_from_the_sources_reproduces_the_shipped_bundle(tmp_path: Path) -> None:
    build_bundle(SHARED_DATA, tmp_path)
    rebuilt = digests(tmp_path)
    assert rebuilt == digests(SHIPPED)
    assert len(rebuilt) == len(TABLES) + 2


def test_occupation_command_data_path() -> None:
    """What ``workshift occupation 43-4051`` shows, on the shipped bundle."""
    with config_context(bundle_dir=None):
        store = ReferenceStore()
    assert store.bundle_dir == SHIPPED
    profile = occupation_profile(store, "43-4051")
    assert profile.resolved.onet_soc_codes == ("43-4051.00",)
    assert profile.occupation is not None
    assert profile.occupation["title"] == "Customer Service Representatives"
    assert profile.occupation["onet_soc_code"] == "43-4051.00"
    tasks = profile.tasks
    assert len(tasks) >= 10
    assert set(tasks["onet_soc_code"]) == {"43-4051.00"}
    assert tasks["human_label"].notna().sum() >= len(tasks) // 2
    assert set(tasks["human_label"].dropna()) == {"E0", "E1", "E2"}
    assert profile.indices["oews_employment_2024"] > 1_000_000
    assert profile.candidates.empty
    as_dict = profile.to_dict()
    assert json.loads(json.dumps(as_dict))["occupation"]["title"] == (
        "Customer Service Representatives"
    )
    assert len(as_dict["tasks"]) == len(tasks)
