"""A finished analysis saved as Parquet plus a manifest and loaded again: exactly the same
frames, summary and workforce, and a clear error for every manifest check that fails."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshift.exceptions import ConfigError, InputDataError
from workshift.pipeline import (
    ANALYSIS_FOLDER,
    Analysis,
    analyze,
    for_council,
    load_analysis,
    save_analysis,
)
from workshift.reference import ReferenceStore
from workshift.workforce import ingest_frame

STAFF = (
    "Personalnummer,Stellenbezeichnung,Abteilung,Standort,occupation_code\n"
    + "".join(f"P{i:04d},Kundenberater,Service,Leipzig,43-4051\n" for i in range(8))
    + "".join(f"Q{i:04d},Lagerist,Logistik,Leipzig,53-7062\n" for i in range(6))
    + "R0001,Softwareentwickler,IT,Berlin,15-1252\n"
    + "R0002,,IT,Berlin,\n"  # rejected on ingest: neither title nor code
    + "R0003,,IT,Berlin,99-9999\n"  # an unknown code, no title
)
FRAMES = [f.name for f in dataclasses.fields(Analysis) if f.name not in ("summary", "workforce")]


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    staff = tmp_path_factory.mktemp("staff") / "staff.csv"
    staff.write_text(STAFF, encoding="utf-8")
    return analyze(staff, embedder="hashing", pseudonym_key="secret")


def assert_same(left: Analysis, right: Analysis) -> None:
    """Equal frames (dtypes, and the type of every object cell), summary and workforce."""
    for name in FRAMES:
        a, b = getattr(left, name), getattr(right, name)
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)
        for column in [c for c in a.columns if a[c].dtype == "object"]:
            assert list(map(type, a[column])) == list(map(type, b[column])), (name, column)
    assert left.summary == right.summary
    for field in dataclasses.fields(left.workforce):
        a, b = getattr(left.workforce, field.name), getattr(right.workforce, field.name)
        if isinstance(a, pd.DataFrame):
            pd.testing.assert_frame_equal(a, b, check_exact=True, obj=f"workforce.{field.name}")
        else:
            assert a == b, field.name


def test_a_real_analysis_comes_back_exactly(analysis: Analysis, tmp_path: Path) -> None:
    folder = save_analysis(analysis, tmp_path / "saved")
    assert_same(analysis, load_analysis(folder))
    assert analysis.unmatched["reason"].str.contains("rejected on ingest").any()
    assert len(analysis.workforce.rejected) == 1
    # The ids stay pseudonymised as they were; the workforce file's path stays (HR data).
    rows = pd.read_parquet(folder / "workforce_rows.parquet")
    assert not rows["employee_id"].str.startswith("P").any()
    assert json.loads((folder / "summary.json").read_text())["source_file"].endswith("staff.csv")


def test_the_manifest_lists_versions_rows_and_checksums(analysis: Analysis, tmp_path: Path) -> None:
    from workshift import __version__

    folder = save_analysis(analysis, tmp_path)
    manifest = json.loads((folder / "analysis.json").read_text(encoding="utf-8"))
    assert manifest["format_version"] == 1
    assert manifest["workshift_version"] == __version__
    assert manifest["bundle_version"] == ReferenceStore().version
    assert set(manifest["frames"]) == set(FRAMES)
    entries = [*manifest["frames"].values(), *manifest["workforce"]["frames"].values()]
    for entry in entries:
        data = (folder / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert manifest["frames"]["roles"]["rows"] == len(analysis.roles)
    assert manifest["workforce"]["columns"] == analysis.workforce.columns
    assert manifest["workforce"]["source"] == analysis.workforce.source
    files = {entry["file"] for entry in entries} | {"summary.json", "analysis.json"}
    assert {p.name for p in folder.iterdir()} == files


def test_an_analyze_output_folder_is_read_through_its_analysis_folder(
    analysis: Analysis, tmp_path: Path
) -> None:
    save_analysis(analysis, tmp_path / ANALYSIS_FOLDER)
    assert_same(analysis, load_analysis(tmp_path))


def _saved(analysis: Analysis, folder: Path) -> tuple[Path, dict[str, object]]:
    save_analysis(analysis, folder)
    return folder, json.loads((folder / "analysis.json").read_text(encoding="utf-8"))


def test_an_altered_file_is_named(analysis: Analysis, tmp_path: Path) -> None:
    folder, _ = _saved(analysis, tmp_path)
    changed = analysis.roles.assign(beta=analysis.roles["beta"] * 0.5)
    changed.to_parquet(folder / "roles.parquet")
    with pytest.raises(InputDataError, match=r"roles\.parquet: changed since .* sha256"):
        load_analysis(folder)


def test_a_missing_file_is_named(analysis: Analysis, tmp_path: Path) -> None:
    folder, _ = _saved(analysis, tmp_path)
    (folder / "workforce_rows.parquet").unlink()
    with pytest.raises(InputDataError, match=r"workforce_rows\.parquet: missing"):
        load_analysis(folder)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("format_version", 2, "format version 2 is not one this workshift reads"),
        ("bundle_version", "0.0-other", "made with reference bundle 0.0-other, but"),
        ("format", "something else", "not a saved analysis manifest"),
    ],
)
def test_a_manifest_of_another_version_is_refused(
    analysis: Analysis, tmp_path: Path, key: str, value: object, message: str
) -> None:
    folder, manifest = _saved(analysis, tmp_path)
    manifest[key] = value
    (folder / "analysis.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(InputDataError, match=message) as err:
        load_analysis(folder)
    assert err.value.file == str(folder / "analysis.json")


def test_a_folder_without_a_manifest_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputDataError, match=r"analysis\.json: no saved analysis here"):
        load_analysis(tmp_path)


def test_a_council_analysis_is_not_saved(analysis: Analysis, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="council analysis is not saved"):
        save_analysis(for_council(analysis), tmp_path)
    assert not any(tmp_path.iterdir())


_LENGTH = st.integers(min_value=0, max_value=6)
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8)


@st.composite
def _frame(draw: st.DrawFn) -> pd.DataFrame:
    """A small frame with the column kinds an analysis holds (missing values included)."""
    n = draw(_LENGTH)
    floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
    kinds = {
        "int": lambda: pd.Series(draw(st.lists(st.integers(-(2**62), 2**62), min_size=n,
                                               max_size=n)), dtype="int64"),
        "float": lambda: pd.Series(draw(st.lists(floats, min_size=n, max_size=n)),
                                   dtype="float64"),
        "object": lambda: pd.Series(draw(st.lists(st.none() | _TEXT, min_size=n, max_size=n)),
                                    dtype=object),
        "str": lambda: pd.Series(draw(st.lists(st.none() | _TEXT, min_size=n, max_size=n)),
                                 dtype="str"),
        "bool": lambda: pd.Series(draw(st.lists(st.booleans(), min_size=n, max_size=n)),
                                  dtype=bool),
        "Int64": lambda: pd.Series(draw(st.lists(st.none() | st.integers(-1000, 1000),
                                                 min_size=n, max_size=n)), dtype="Int64"),
        "boolean": lambda: pd.Series(draw(st.lists(st.none() | st.booleans(), min_size=n,
                                                   max_size=n)), dtype="boolean"),
    }  # fmt: skip
    names = draw(st.lists(st.sampled_from(sorted(kinds)), max_size=5))
    return pd.DataFrame({f"{kind}_{i}": kinds[kind]() for i, kind in enumerate(names)})


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(frames=st.lists(_frame(), min_size=len(FRAMES), max_size=len(FRAMES)),
       share=st.floats(allow_nan=False, allow_infinity=False))  # fmt: skip
def test_any_small_frame_set_round_trips(
    frames: list[pd.DataFrame], share: float, tmp_path: Path
) -> None:
    workforce = ingest_frame(pd.DataFrame({"job_title": ["Clerk", ""], "department": ["A", "B"]}))
    summary = {"bundle_version": ReferenceStore().version, "share": share, "n": len(frames)}
    analysis = Analysis(
        summary=summary, workforce=workforce, **dict(zip(FRAMES, frames, strict=True))
    )
    loaded = load_analysis(save_analysis(analysis, tmp_path / "saved"))
    assert_same(analysis, loaded)
    assert math.isfinite(loaded.summary["share"])
