"""The bundle build on the tiny fixture sources: tables, manifest, reconciliation, errors."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.reference.helpers import data_rows, digests, row_number, sha256_file, sheet_rows
from workshift import SourceDataError
from workshift.reference import SOURCES, build_bundle
from workshift.reference._bundle import TABLES
from workshift.reference._normalise import normalise_text

ONET = "onet/db_30_1_text/"
LABELS = "exposure/eloundou/full_labelset.tsv"
AUTOMATION = "exposure/eloundou/automation_gpt4_human_labels.tsv"
ISCO = "crosswalks/isco08_soc2010_bls.tsv"
PENETRATION = "exposure/anthropic/task_penetration.csv"
USAGE = "exposure/anthropic/onet_task_mappings.csv"
CONTENT_MODEL = ONET + "Content Model Reference.txt"
PROJECTIONS = "labor/bls_employment_projections_2024_34.xlsx"

# Rows that tests/data/make_fixture_sources.py injects (keep in step with the script).
UNMAPPED_TASK_ID = "990001"
REMAPPED_TASK_ID = "990002"
REMAPPED_TARGET_TASK_ID = 2487
ANTHROPIC_UNMAPPED_TEXT = "Polish the brass on the retired catalogue hotline switchboard."

EXPECTED_ROWS = {
    "occupations": 4,
    "soc_structure": 15,
    "tasks": 88,
    "task_dwas": 104,
    "dwas": 68,
    "iwas": 54,
    "work_activities": 28,
    "titles": 40,
    "skills": 9,
    "technology_skills": 18,
    "education": 48,
    "eloundou_tasks": 66,
    "eloundou_occupations": 3,
    "microsoft_occupations": 4,
    "microsoft_iwas": 22,
    "microsoft_soc_iwas": 24,
    "anthropic_tasks": 89,
    "anthropic_occupations": 4,
    "anthropic_interaction_modes": 6,
    "oews": 16,
    "projections": 8,
    "onet_2010_2019": 9,
    "isco_soc": 11,
    "isco_groups": 21,
    "esco_occupations": 8,
    "esco_skills": 5,
    "esco_onet": 8,
    "code_links": 51,
}

EXPECTED_COUNTS = {
    "anthropic": {"unmapped": 1},
    "bls_projections": {"rejected": 5},
    "eloundou": {"remapped": 1, "unmapped": 5},
    "isco_soc": {"remapped": 4, "unmapped": 4},
    "nesta_esco_onet": {"remapped": 4},
}


@pytest.fixture(scope="module")
def manifest(fixture_bundle: Path) -> dict[str, Any]:
    return json.loads((fixture_bundle / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(fixture_bundle: Path) -> list[dict[str, str]]:
    with (fixture_bundle / "reconciliation.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def table(bundle: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(bundle / f"{name}.parquet")


def issues(report: list[dict[str, str]], source: str, file: str, row: int) -> list[dict[str, str]]:
    return [r for r in report if (r["source"], r["file"], r["row"]) == (source, file, str(row))]


# -- manifest -----------------------------------------------------------------------------


def test_manifest_lists_every_table_with_its_rows_and_columns(
    fixture_bundle: Path, manifest: dict[str, Any]
) -> None:
    entries = {t["name"]: t for t in manifest["tables"]}
    assert list(entries) == list(TABLES)
    assert {name: t["rows"] for name, t in entries.items()} == EXPECTED_ROWS
    for name, entry in entries.items():
        path = fixture_bundle / entry["file"]
        assert entry["file"] == f"{name}.parquet"
        assert pq.read_metadata(path).num_rows == entry["rows"], name
        assert pq.read_schema(path).names == entry["columns"], name
        assert sha256_file(path) == entry["sha256"], name
        assert entry["sources"] == list(TABLES[name][1])
        assert set(entry["sources"]) <= set(SOURCES)


def test_manifest_records_every_source_file(
    fixture_sources: Path, manifest: dict[str, Any]
) -> None:
    by_key = {s["key"]: s for s in manifest["sources"]}
    assert sorted(by_key) == sorted(SOURCES)
    for key, source in SOURCES.items():
        entry = by_key[key]
        assert (entry["version"], entry["licence"]) == (source.version, source.licence)
        assert [f["path"] for f in entry["files"]] == list(source.files), key
        for record in entry["files"]:
            path = fixture_sources / record["path"]
            assert record["sha256"] == sha256_file(path), record["path"]
            assert record["bytes"] == path.stat().st_size, record["path"]
            if path.suffix == ".xlsx":
                expected = sum(len(sheet_rows(path, s)) - 2 for s in ("Table 1.2", "Table 1.10"))
            else:
                expected = len(data_rows(path))
            assert record["rows"] == expected, record["path"]
            assert record["rows"] > 0


def test_manifest_reconciliation_summary_matches_the_report(
    fixture_bundle: Path, manifest: dict[str, Any], report: list[dict[str, str]]
) -> None:
    summary = manifest["reconciliation"]
    assert summary["file"] == "reconciliation.csv"
    assert summary["sha256"] == sha256_file(fixture_bundle / "reconciliation.csv")
    assert summary["rows"] == len(report)
    counted: dict[str, Counter[str]] = {}
    for issue in report:
        counted.setdefault(issue["source"], Counter())[issue["status"]] += 1
    assert {k: dict(v) for k, v in counted.items()} == summary["counts"] == EXPECTED_COUNTS


def test_bundle_version_derives_from_content(manifest: dict[str, Any]) -> None:
    assert manifest["format"] == 1
    assert manifest["bundle_version"].startswith("1.")
    assert len(manifest["bundle_version"]) == len("1.") + 12


# -- the injected reconciliation cases --------------------------------------------------------


def test_a_unmapped_eloundou_task_is_reported_and_kept(
    fixture_sources: Path, fixture_bundle: Path, report: list[dict[str, str]]
) -> None:
    rows = data_rows(fixture_sources / LABELS)
    row = row_number(rows, **{"Task ID": UNMAPPED_TASK_ID + ".0"})
    task_ids = {r["Task ID"] for r in data_rows(fixture_sources / (ONET + "Task Statements.txt"))}
    assert UNMAPPED_TASK_ID not in task_ids

    [issue] = issues(report, "eloundou", LABELS, row)
    assert issue["status"] == "unmapped"
    assert issue["record"] == f"task {UNMAPPED_TASK_ID} (43-4051.00)"
    assert "no 30.1 task has the same text" in issue["reason"]

    labels = table(fixture_bundle, "eloundou_tasks")
    [kept] = labels.loc[labels["source_task_id"] == int(UNMAPPED_TASK_ID)].to_dict("records")
    assert pd.isna(kept["task_id"])
    assert kept["match_method"] == "unmapped"
    assert kept["onet_soc_code"] == "43-4051.00"
    assert (kept["human_label"], kept["gpt4_label"]) == ("E1", "E2")
    assert kept["human_automation"] == "T3"  # joined from automation_gpt4_human_labels.tsv


def test_b_retired_eloundou_task_is_remapped_by_text(
    fixture_sources: Path, fixture_bundle: Path, report: list[dict[str, str]]
) -> None:
    rows = data_rows(fixture_sources / LABELS)
    row = row_number(rows, **{"Task ID": REMAPPED_TASK_ID + ".0"})
    tasks = data_rows(fixture_sources / (ONET + "Task Statements.txt"))
    [target] = [t for t in tasks if t["Task ID"] == str(REMAPPED_TARGET_TASK_ID)]
    source_text = rows[row - 1]["Task"]
    assert source_text != target["Task"]  # differs in case and punctuation only
    assert normalise_text(source_text) == normalise_text(target["Task"])

    [issue] = issues(report, "eloundou", LABELS, row)
    assert issue["status"] == "remapped"
    assert issue["record"] == (
        f"task {REMAPPED_TASK_ID} (43-3031.00) -> 30.1 task {REMAPPED_TARGET_TASK_ID}"
    )
    assert "same text in the same occupation" in issue["reason"]

    labels = table(fixture_bundle, "eloundou_tasks")
    [kept] = labels.loc[labels["source_task_id"] == int(REMAPPED_TASK_ID)].to_dict("records")
    assert kept["task_id"] == REMAPPED_TARGET_TASK_ID
    assert kept["match_method"] == "text"
    assert kept["human_automation"] == "T1"


def test_c_renamed_soc_code_in_the_isco_crosswalk(
    fixture_sources: Path, fixture_bundle: Path, report: list[dict[str, str]]
) -> None:
    row = row_number(data_rows(fixture_sources / ISCO), isco08_code="2512", soc2010_code="15-1132")
    [issue] = issues(report, "isco_soc", ISCO, row)
    assert issue["status"] == "remapped"
    assert issue["record"] == "2512 -> 15-1132"
    assert issue["reason"] == "SOC 2010 code 15-1132 is 15-1252 in SOC 2018"

    isco_soc = table(fixture_bundle, "isco_soc")
    [renamed] = isco_soc.loc[
        (isco_soc["isco08_code"] == "2512") & (isco_soc["soc_2010"] == "15-1132")
    ].to_dict("records")
    assert renamed["soc_code"] == "15-1252"
    assert renamed["soc_match"] == "renamed"
    assert renamed["partial"]


def test_d_unmapped_anthropic_task_is_reported_and_kept(
    fixture_sources: Path, fixture_bundle: Path, report: list[dict[str, str]]
) -> None:
    rows = data_rows(fixture_sources / PENETRATION)
    row = row_number(rows, task=ANTHROPIC_UNMAPPED_TEXT)
    assert row == len(rows)  # appended at the end
    [issue] = issues(report, "anthropic", PENETRATION, row)
    assert issue["status"] == "unmapped"
    assert issue["record"] == ANTHROPIC_UNMAPPED_TEXT
    assert issue["reason"] == "no O*NET 30.1 task has this text"

    anthropic = table(fixture_bundle, "anthropic_tasks")
    [kept] = anthropic.loc[anthropic["task"] == ANTHROPIC_UNMAPPED_TEXT].to_dict("records")
    assert pd.isna(kept["task_id"])
    assert pd.isna(kept["onet_soc_code"])
    assert kept["penetration"] == 0.25


def test_projection_footnotes_are_rejected_with_their_sheet_row(
    fixture_sources: Path, report: list[dict[str, str]]
) -> None:
    path = fixture_sources / PROJECTIONS
    for sheet in ("Table 1.2", "Table 1.10"):
        rows = sheet_rows(path, sheet)
        notes = [n for n, r in enumerate(rows, 1) if n > 2 and r[0] and not r[1]]
        assert notes, sheet
        rejected = [
            int(r["row"])
            for r in report
            if r["file"] == f"{PROJECTIONS} [{sheet}]" and r["status"] == "rejected"
        ]
        assert rejected == notes, sheet


def test_report_rows_point_at_existing_source_rows(
    fixture_sources: Path, report: list[dict[str, str]]
) -> None:
    assert report
    for issue in report:
        assert issue["status"] in {"unmapped", "remapped", "rejected"}
        assert issue["source"] in SOURCES
        rel = issue["file"].split(" [")[0]
        assert rel in SOURCES[issue["source"]].files
        path = fixture_sources / rel
        if path.suffix != ".xlsx":
            assert 1 <= int(issue["row"]) <= len(data_rows(path)), issue


# -- nothing dropped silently ----------------------------------------------------------------


def test_every_eloundou_label_is_kept(fixture_sources: Path, fixture_bundle: Path) -> None:
    rows = data_rows(fixture_sources / LABELS)
    labels = table(fixture_bundle, "eloundou_tasks")
    assert len(labels) == len(rows)
    assert sorted(labels["source_task_id"].astype(int)) == sorted(
        int(float(r["Task ID"])) for r in rows
    )
    # Each label is either on a 30.1 task or reported; unmapped ones have no task_id.
    tasks = set(table(fixture_bundle, "tasks")["task_id"])
    mapped = labels["task_id"].notna()
    assert set(labels.loc[mapped, "task_id"]) <= tasks
    assert set(labels.loc[~mapped, "match_method"]) == {"unmapped"}
    assert not (labels.loc[mapped, "match_method"] == "unmapped").any()


def test_every_isco_row_is_accounted_for(
    fixture_sources: Path, fixture_bundle: Path, report: list[dict[str, str]]
) -> None:
    rows = data_rows(fixture_sources / ISCO)
    isco_soc = table(fixture_bundle, "isco_soc")
    pairs = {(r["isco08_code"], r["soc2010_code"].strip()) for r in rows}
    assert set(zip(isco_soc["isco08_code"], isco_soc["soc_2010"], strict=True)) == pairs
    assert set(isco_soc["soc_match"]) == {"same", "renamed", "unmapped"}
    unmapped = isco_soc.loc[isco_soc["soc_match"] == "unmapped"]
    assert unmapped["soc_code"].isna().all()
    assert isco_soc.loc[isco_soc["soc_match"] != "unmapped", "soc_code"].notna().all()
    same = isco_soc.loc[isco_soc["soc_match"] == "same"]
    assert (same["soc_code"] == same["soc_2010"]).all()
    # Every row that is not carried over unchanged is in the report, by its row number.
    for number, row in enumerate(rows, 1):
        code = row["soc2010_code"].strip()
        matches = set(isco_soc.loc[isco_soc["soc_2010"] == code, "soc_match"])
        reported = issues(report, "isco_soc", ISCO, number)
        assert bool(reported) == (matches != {"same"}), row


def test_every_anthropic_text_is_kept(fixture_sources: Path, fixture_bundle: Path) -> None:
    anthropic = table(fixture_bundle, "anthropic_tasks")
    kept = set(anthropic["task"].map(normalise_text))
    for rel, column in ((PENETRATION, "task"), (USAGE, "task_name")):
        texts = {normalise_text(r[column]) for r in data_rows(fixture_sources / rel)}
        assert texts <= kept, rel
    assert anthropic["usage_pct"].notna().sum() == len(data_rows(fixture_sources / USAGE))


def test_onet_and_labour_rows_are_all_kept(fixture_sources: Path, fixture_bundle: Path) -> None:
    def count(rel: str) -> int:
        return len(data_rows(fixture_sources / rel))

    assert len(table(fixture_bundle, "occupations")) == count(ONET + "Occupation Data.txt")
    assert len(table(fixture_bundle, "tasks")) == count(ONET + "Task Statements.txt")
    assert len(table(fixture_bundle, "task_dwas")) == count(ONET + "Tasks to DWAs.txt")
    oews = table(fixture_bundle, "oews")
    assert (oews["year"] == 2024).sum() == count("labor/oews_national_may2024.csv")
    assert (oews["year"] == 2021).sum() == count("labor/oews_national_may2021.csv")
    projections = table(fixture_bundle, "projections")
    codes = {r[1] for r in sheet_rows(fixture_sources / PROJECTIONS, "Table 1.2")[2:] if r[1]}
    assert set(projections["soc_code"]) == codes
    nesta = data_rows(fixture_sources / "crosswalks/esco_onet_crosswalk_nesta_2020.csv")
    esco_onet = table(fixture_bundle, "esco_onet")
    assert set(esco_onet["uri"]) == {r["concept_uri"] for r in nesta}


def test_tables_hold_the_expected_values(fixture_bundle: Path) -> None:
    occupations = table(fixture_bundle, "occupations").set_index("onet_soc_code")
    assert occupations.loc["43-4051.00", "title"] == "Customer Service Representatives"
    assert occupations.loc["43-4051.00", "soc_title"] == "Customer Service Representatives"
    assert occupations["has_tasks"].all()
    tasks = table(fixture_bundle, "tasks")
    assert set(tasks["weight"]) == {1, 2}
    assert (tasks.loc[tasks["task_type"] == "Core", "weight"] == 2).all()
    oews = table(fixture_bundle, "oews").set_index(["year", "soc_code"])
    assert oews.loc[(2024, "43-4051"), "employment"] == 2725930
    assert oews.loc[(2021, "43-4051"), "employment"] > 0  # "2,xxx,xxx" strings parsed
    projections = table(fixture_bundle, "projections").set_index("soc_code")
    assert projections.loc["43-4051", "change_pct"] == -5.5
    assert projections.loc["43-4051", "separation_rate_pct"] == 13.0
    education = table(fixture_bundle, "education")
    assert education["category_description"].notna().all()


# -- generalized work activities --------------------------------------------------------------


def test_work_activities_are_the_gwas_of_the_content_model(
    fixture_sources: Path, fixture_bundle: Path
) -> None:
    gwas = table(fixture_bundle, "work_activities")
    assert list(gwas.columns) == ["element_id", "name", "description", "category"]
    rows = data_rows(fixture_sources / CONTENT_MODEL)
    names = {r["Element ID"]: r["Element Name"] for r in rows}
    expected = sorted(e for e in names if e.startswith("4.A.") and e.count(".") == 4)
    assert len(expected) < len(rows)  # the fixture also holds the ancestors (4.A, 4.A.1.a)
    assert gwas["element_id"].tolist() == expected
    descriptions = {r["Element ID"]: r["Description"] for r in rows}
    for record in gwas.to_dict("records"):
        assert record["name"] == names[record["element_id"]]
        assert record["description"] == descriptions[record["element_id"]] != ""
        assert record["category"] == names[record["element_id"].rsplit(".", 2)[0]]
    assert set(gwas["category"]) == {
        "Information Input",
        "Mental Processes",
        "Work Output",
        "Interacting With Others",
    }
    getting = gwas.set_index("element_id").loc["4.A.1.a.1"]
    assert (getting["name"], getting["category"]) == ("Getting Information", "Information Input")


def test_every_iwa_and_dwa_has_its_work_activity(fixture_bundle: Path) -> None:
    known = set(table(fixture_bundle, "work_activities")["element_id"])
    for name in ("iwas", "dwas"):
        used = set(table(fixture_bundle, name)["element_id"])
        assert used, name
        assert used <= known, name


@pytest.mark.parametrize("drop", ["gwa", "category"])
def test_missing_work_activity_is_named(sources_copy: Path, tmp_path: Path, drop: str) -> None:
    path = sources_copy / CONTENT_MODEL
    gwa = data_rows(sources_copy / (ONET + "IWA Reference.txt"))[0]["Element ID"]
    element = gwa if drop == "gwa" else gwa.rsplit(".", 2)[0]
    lines = path.read_bytes().split(b"\r\n")
    kept = [line for line in lines if not line.startswith(element.encode() + b"\t")]
    assert len(kept) == len(lines) - 1
    path.write_bytes(b"\r\n".join(kept))
    with pytest.raises(SourceDataError, match=re.escape(element)) as caught:
        build_bundle(sources_copy, tmp_path / "out")
    assert caught.value.file == str(path)
    assert caught.value.column == "Element ID"
    assert not (tmp_path / "out" / "manifest.json").exists()


# -- determinism and errors -------------------------------------------------------------------


def test_building_twice_gives_identical_bytes(
    fixture_sources: Path, fixture_bundle: Path, tmp_path: Path
) -> None:
    again = build_bundle(fixture_sources, tmp_path)
    assert digests(tmp_path) == digests(fixture_bundle)
    assert len(digests(tmp_path)) == len(TABLES) + 2  # + manifest.json, reconciliation.csv
    assert again == json.loads((fixture_bundle / "manifest.json").read_text(encoding="utf-8"))


def test_rebuilding_into_a_bundle_removes_stale_tables(
    fixture_sources: Path, fixture_bundle: Path, tmp_path: Path
) -> None:
    shutil.copytree(fixture_bundle, tmp_path, dirs_exist_ok=True)
    (tmp_path / "old_table.parquet").write_bytes(b"stale")
    build_bundle(fixture_sources, tmp_path)
    assert digests(tmp_path) == digests(fixture_bundle)


@pytest.fixture
def sources_copy(fixture_sources: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "sources"
    shutil.copytree(fixture_sources, copy)
    return copy


@pytest.mark.parametrize(
    "rel",
    [
        ONET + "Occupation Data.txt",
        ONET + "Education, Training, and Experience Categories.txt",
        CONTENT_MODEL,
        "onet/skills_v27/Skills.txt",
        LABELS,
        AUTOMATION,
        "exposure/microsoft/soc_iwa_weights.csv",
        PROJECTIONS,
        "esco/skills_label_description.csv",
        "crosswalks/esco_onet_crosswalk_nesta_2020.csv",
    ],
)
def test_missing_source_file_is_named(sources_copy: Path, tmp_path: Path, rel: str) -> None:
    (sources_copy / rel).unlink()
    with pytest.raises(SourceDataError, match="source file not found") as caught:
        build_bundle(sources_copy, tmp_path / "out")
    assert caught.value.file == str(sources_copy / rel)
    assert Path(rel).name in str(caught.value)
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_missing_source_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(SourceDataError, match="source folder not found") as caught:
        build_bundle(tmp_path / "nowhere", tmp_path / "out")
    assert caught.value.file == str(tmp_path / "nowhere")


def _rename_header(path: Path, old: str, new: str) -> None:
    data = path.read_bytes()
    header, sep, rest = data.partition(b"\n")
    assert header.count(old.encode()) == 1, (path, old)
    path.write_bytes(header.replace(old.encode(), new.encode()) + sep + rest)


@pytest.mark.parametrize(
    ("rel", "column"),
    [
        (ONET + "Task Statements.txt", "Task Type"),
        ("labor/oews_national_may2021.csv", "TOT_EMP"),  # UTF-8 BOM and CRLF
        ("labor/soc_structure_2018.csv", "Detailed O*NET-SOC"),
        (LABELS, "human_exposure_agg"),
        (ISCO, "soc2010_code"),
        ("esco/occupations_en.csv", "iscoGroup"),
    ],
)
def test_missing_required_column_is_named(
    sources_copy: Path, tmp_path: Path, rel: str, column: str
) -> None:
    _rename_header(sources_copy / rel, column, "renamed_by_test")
    with pytest.raises(SourceDataError, match="missing column") as caught:
        build_bundle(sources_copy, tmp_path / "out")
    assert caught.value.column == column
    assert repr(column) in str(caught.value)
    assert Path(rel).name in str(caught.value)


def test_missing_worksheet_column_is_named(sources_copy: Path, tmp_path: Path) -> None:
    path = sources_copy / PROJECTIONS
    book = openpyxl.load_workbook(path)
    sheet = book["Table 1.10"]
    column = "Occupational transfer rate, 2024–34 annual average"
    [cell] = [c for c in sheet[2] if c.value == column]
    cell.value = "Something else"
    book.save(path)
    with pytest.raises(SourceDataError, match="missing column") as caught:
        build_bundle(sources_copy, tmp_path / "out")
    assert caught.value.column == column
    assert "[Table 1.10]" in str(caught.value)
