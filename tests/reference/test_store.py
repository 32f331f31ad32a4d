"""ReferenceStore on the fixture bundle: codes, crosswalks, exposure, indices, integrity."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift import (
    BundleIntegrityError,
    BundleNotFoundError,
    UnknownCodeError,
    WorkshiftError,
)
from workshift.reference import ReferenceStore
from workshift.reference._store import SYSTEMS

CSR = "43-4051.00"
SOFTWARE = "15-1252.00"
BOOKKEEPING = "43-3031.00"
STOCKERS = "53-7065.00"
ALL = (SOFTWARE, BOOKKEEPING, CSR, STOCKERS)


# -- resolve ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "system", "canonical", "expected"),
    [
        ("43-4051.00", "onet_soc", "43-4051.00", (CSR,)),
        (" 43-4051.00 ", "onet_soc", "43-4051.00", (CSR,)),
        ("43-4051", "soc", "43-4051", (CSR,)),
        ("434051", "soc", "43-4051", (CSR,)),
        ("53-7065", "soc", "53-7065", (STOCKERS,)),
        ("4222", "isco08", "4222", (CSR,)),
        ("2512", "isco08", "2512", (SOFTWARE,)),
        ("4321", "isco08", "4321", (STOCKERS,)),
        ("43-0000", "soc", "43-0000", (BOOKKEEPING, CSR)),
        ("43-4000", "soc", "43-4000", (CSR,)),
        ("15-1250", "soc", "15-1250", (SOFTWARE,)),
        ("15-1132", "soc", "15-1132", (SOFTWARE,)),
        ("43-5081", "soc", "43-5081", (STOCKERS,)),
        ("15-1132.00", "onet_soc", "15-1132.00", (SOFTWARE,)),
        ("43-5081.03", "onet_soc", "43-5081.03", (STOCKERS,)),
    ],
)
def test_resolve(
    fixture_store: ReferenceStore,
    code: str,
    system: str,
    canonical: str,
    expected: tuple[str, ...],
) -> None:
    resolved = fixture_store.resolve(code)
    assert resolved.query == code
    assert (resolved.system, resolved.code) == (system, canonical)
    assert resolved.onet_soc_codes == expected


@pytest.mark.parametrize(
    ("code", "note"),
    [
        ("43-4051", ""),
        ("43-0000", "SOC major group 43-0000: Office and Administrative Support Occupations"),
        ("43-4000", "SOC minor group 43-4000: Information and Record Clerks"),
        ("15-1132", "SOC 2010 code 15-1132 maps to SOC 2018 occupations"),
        ("15-1132.00", "O*NET-SOC 2010 code 15-1132.00 is 15-1252.00 in O*NET-SOC 2019"),
        ("4222", "ISCO-08 unit group, through the BLS ISCO-08 to SOC crosswalk"),
    ],
)
def test_resolve_explains_indirect_matches(
    fixture_store: ReferenceStore, code: str, note: str
) -> None:
    assert fixture_store.resolve(code).note == note


@pytest.mark.parametrize(
    ("code", "close"),
    [
        ("43-4059", "43-4051"),
        ("43-4059.00", "43-4051.00"),
        ("2513", "2512"),
        ("43-4171", "43-4051"),  # a SOC 2010 code with no successor in the fixture
        ("customer service", None),
    ],
)
def test_unknown_code_suggests_valid_codes(
    fixture_store: ReferenceStore, code: str, close: str | None
) -> None:
    with pytest.raises(KeyError) as caught:
        fixture_store.resolve(code)
    err = caught.value
    assert isinstance(err, UnknownCodeError)
    assert isinstance(err, WorkshiftError)
    assert err.exit_code == 2
    assert 1 <= len(err.suggestions) <= 3
    if close is not None:
        assert close in err.suggestions
        assert close in str(err)
    for suggestion in err.suggestions:
        assert fixture_store.resolve(suggestion).onet_soc_codes


# -- crosswalk --------------------------------------------------------------------------------


def _pairs(frame: pd.DataFrame) -> set[tuple[str, str | None]]:
    return {
        (a, None if pd.isna(b) else b)
        for a, b in zip(frame["from_code"], frame["to_code"], strict=True)
    }


def test_crosswalk_isco_to_soc(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.crosswalk(["4222", "2512", "4321", "9334", "0000"], "isco08", "soc")
    assert list(frame.columns) == ["from_code", "to_code", "path"]
    assert _pairs(frame) == {
        ("2512", "15-1252"),
        ("4222", "43-4051"),
        ("4321", "53-7065"),
        ("9334", "53-7065"),
        ("0000", None),
    }
    assert set(frame["path"]) == {"isco08 -> soc"}


def test_crosswalk_soc_to_isco(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.crosswalk(["43-3031", "53-7065"], "soc", "isco08")
    assert _pairs(frame) == {
        ("43-3031", "3313"),
        ("43-3031", "4311"),
        ("53-7065", "4321"),
        ("53-7065", "9334"),
    }


def test_crosswalk_onet_soc_to_isco_walks_through_soc(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.crosswalk([SOFTWARE, CSR], "onet_soc", "isco08")
    assert _pairs(frame) == {(SOFTWARE, "2512"), (CSR, "4222")}
    assert set(frame["path"]) == {"onet_soc -> soc -> isco08"}


def test_crosswalk_isco_to_onet_soc(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.crosswalk(["4311"], "isco08", "onet_soc")
    assert _pairs(frame) == {("4311", BOOKKEEPING)}


def test_crosswalk_old_codes(fixture_store: ReferenceStore) -> None:
    soc = fixture_store.crosswalk(["15-1132", "15-1133", "43-5081"], "soc_2010", "soc")
    assert _pairs(soc) == {("15-1132", "15-1252"), ("15-1133", "15-1252"), ("43-5081", "53-7065")}
    onet = fixture_store.crosswalk(["43-5081.01", "43-4051.00"], "onet_soc_2010", "onet_soc")
    assert _pairs(onet) == {("43-5081.01", STOCKERS), ("43-4051.00", CSR)}


def test_crosswalk_esco(fixture_store: ReferenceStore) -> None:
    uri = "http://data.europa.eu/esco/occupation/c3aae59e-1441-4b3e-bdd1-6da50dc7cf42"
    assert _pairs(fixture_store.crosswalk([uri], "esco", "isco08")) == {(uri, "3313")}
    assert _pairs(fixture_store.crosswalk([uri], "esco", "onet_soc")) == {(uri, BOOKKEEPING)}


def test_crosswalk_within_one_system_is_identity(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.crosswalk(["nonsense", "4222", "4222"], "isco08", "isco08")
    assert frame.to_dict("list") == {
        "from_code": ["4222", "nonsense"],
        "to_code": ["4222", "nonsense"],
        "path": ["isco08", "isco08"],
    }


def test_crosswalk_gives_one_row_per_pair_in_order(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.crosswalk(["4321", "2512", "4321", "x"], "isco08", "soc")
    assert frame["from_code"].tolist() == ["2512", "4321", "x"]
    assert frame["to_code"].tolist()[:2] == ["15-1252", "53-7065"]
    assert pd.isna(frame["to_code"].iloc[2])


def test_crosswalk_of_no_codes_is_empty(fixture_store: ReferenceStore) -> None:
    for source, target in (("isco08", "onet_soc"), ("soc", "soc")):
        frame = fixture_store.crosswalk([], source, target)
        assert frame.empty
        assert list(frame.columns) == ["from_code", "to_code", "path"]


def test_crosswalk_rejects_unknown_systems(fixture_store: ReferenceStore) -> None:
    with pytest.raises(WorkshiftError, match="unknown code system 'naics'"):
        fixture_store.crosswalk(["4222"], "naics", "soc")
    with pytest.raises(WorkshiftError, match="unknown code system"):
        fixture_store.crosswalk(["4222"], "soc", "isco88")


_KNOWN_CODES = st.sampled_from(
    [*ALL, "43-4051", "15-1252", "15-1132", "43-5081", "43-5081.01", "4222", "2512", "9334"]
)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(
    codes=st.lists(st.one_of(_KNOWN_CODES, st.text(max_size=12)), max_size=6),
    source=st.sampled_from(SYSTEMS),
    target=st.sampled_from(SYSTEMS),
)
def test_crosswalk_accounts_for_every_input_code(
    fixture_store: ReferenceStore, codes: list[str], source: str, target: str
) -> None:
    frame = fixture_store.crosswalk(codes, source, target)
    assert set(frame["from_code"]) == set(codes)
    assert len(frame) >= len(set(codes))
    # A code without a counterpart appears once, with an empty to_code.
    for code, group in frame.groupby("from_code"):
        if group["to_code"].isna().any():
            assert len(group) == 1, code
    assert not frame.duplicated(["from_code", "to_code"]).any()


# -- occupation data --------------------------------------------------------------------------


def test_occupations(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.occupations()
    assert frame["onet_soc_code"].tolist() == list(ALL)
    [csr] = fixture_store.occupations([CSR]).to_dict("records")
    assert csr["title"] == "Customer Service Representatives"
    assert csr["soc_code"] == "43-4051"
    assert csr["major_group"] == "43-0000"
    assert fixture_store.occupations(["99-9999.00"]).empty


def test_task_exposure_has_labels(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.task_exposure([CSR])
    tasks = fixture_store.tasks([CSR])
    assert sorted(frame["task_id"]) == sorted(tasks["task_id"])
    assert set(frame["human_label"].dropna()) <= {"E0", "E1", "E2"}
    assert frame["human_label"].notna().all()  # every 30.1 task of 43-4051 was labelled
    assert frame["gpt4_label"].notna().all()
    assert set(frame["label_match"]) == {"id"}
    assert frame["anthropic_penetration"].notna().any()
    weights = frame["weight"].tolist()
    assert weights == sorted(weights, reverse=True)


def test_task_exposure_uses_labels_remapped_by_text(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.task_exposure([BOOKKEEPING]).set_index("task_id")
    # 43-3031.00 has no Eloundou labels except the one remapped by text onto task 2487.
    assert frame["human_label"].notna().sum() == 1
    assert frame.loc[2487, "human_label"] == "E1"
    assert frame.loc[2487, "label_match"] == "text"
    assert frame.loc[2487, "human_automation"] == "T1"


def test_indices(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.indices([CSR, BOOKKEEPING])
    assert frame["onet_soc_code"].tolist() == [BOOKKEEPING, CSR]
    csr = frame.set_index("onet_soc_code").loc[CSR]
    assert csr["title"] == "Customer Service Representatives"
    assert csr["oews_employment_2024"] == 2725930
    assert csr["oews_median_wage_2024"] == 42830
    assert csr["projected_change_pct_2024_34"] == -5.5
    assert csr["anthropic_observed_exposure"] == 0.7011
    assert math.isclose(csr["microsoft_ai_applicability"], 0.44027908504057817)
    assert math.isclose(csr["human_alpha"], 0.5454545454545454)
    for column in ("human_beta", "human_zeta", "gpt4_alpha", "gpt4_beta", "gpt4_zeta"):
        assert 0 <= csr[column] <= 1, column
    bookkeeping = frame.set_index("onet_soc_code").loc[BOOKKEEPING]
    assert pd.isna(bookkeeping["human_alpha"])  # no GPTs-are-GPTs occupation row
    assert bookkeeping["anthropic_observed_exposure"] == 0.3104


def test_titles(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.titles([CSR])
    assert set(frame["onet_soc_code"]) == {CSR}
    assert set(frame["source"]) == {"onet_title", "onet_alternate", "onet_short", "onet_reported"}
    own = frame.loc[frame["source"] == "onet_title", "title"].tolist()
    assert own == ["Customer Service Representatives"]
    assert len(fixture_store.titles()) == 40


def test_skills(fixture_store: ReferenceStore) -> None:
    frame = fixture_store.skills([CSR])
    assert frame["skill"].tolist() == ["Active Listening", "Reading Comprehension", "Writing"]
    assert frame["importance"].between(1, 5).all()
    assert frame["level"].between(0, 7).all()
    assert fixture_store.skills([SOFTWARE]).empty  # not in the O*NET 27 Skills file


def test_other_tables(fixture_store: ReferenceStore) -> None:
    assert not fixture_store.technology_skills([CSR]).empty
    education = fixture_store.education([CSR])
    assert math.isclose(education["percent"].sum(), 100, abs_tol=0.5)
    assert fixture_store.table("isco_soc")["soc_match"].tolist().count("renamed") == 4
    with pytest.raises(KeyError, match="no table 'nope'"):
        fixture_store.table("nope")
    with pytest.raises(WorkshiftError, match="query failed"):
        fixture_store.sql("SELECT * FROM no_such_table")


def test_tasks_group_by_work_activity(fixture_store: ReferenceStore) -> None:
    """task -> DWA -> IWA -> GWA, the grouping of the exposure heatmap, loses no link."""
    grouped = fixture_store.sql(
        """
        SELECT l.task_id, w.element_id, w.name, w.category
        FROM task_dwas l
        JOIN dwas d USING (dwa_id)
        JOIN iwas i ON i.iwa_id = d.iwa_id
        JOIN work_activities w ON w.element_id = i.element_id
        """
    )
    assert len(grouped) == len(fixture_store.table("task_dwas"))
    assert grouped[["name", "category"]].notna().all().all()
    assert grouped["category"].nunique() == 4


def test_store_metadata(fixture_store: ReferenceStore, fixture_bundle: Path) -> None:
    assert fixture_store.bundle_dir == fixture_bundle
    assert fixture_store.version == fixture_store.manifest["bundle_version"]
    assert len(fixture_store.tables()) == 28


# -- opening bundles --------------------------------------------------------------------------


def test_folder_without_manifest(tmp_path: Path) -> None:
    with pytest.raises(BundleNotFoundError, match=r"missing manifest\.json") as caught:
        ReferenceStore(tmp_path)
    assert isinstance(caught.value, FileNotFoundError)
    assert str(tmp_path) in str(caught.value)


@pytest.fixture
def bundle_copy(fixture_bundle: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "bundle"
    shutil.copytree(fixture_bundle, copy)
    return copy


def test_verify_accepts_an_intact_bundle(bundle_copy: Path) -> None:
    store = ReferenceStore(bundle_copy, verify=True)
    assert store.resolve("43-4051").onet_soc_codes == (CSR,)


def test_verify_catches_a_tampered_table(bundle_copy: Path) -> None:
    path = bundle_copy / "tasks.parquet"
    other = pd.read_parquet(path)
    other.loc[0, "task"] = "Tampered."
    other.to_parquet(path, index=False)
    ReferenceStore(bundle_copy)  # without verify the change goes unnoticed
    with pytest.raises(BundleIntegrityError, match=r"tasks\.parquet: checksum differs"):
        ReferenceStore(bundle_copy, verify=True)


def test_verify_catches_a_missing_table(bundle_copy: Path) -> None:
    (bundle_copy / "isco_soc.parquet").unlink()
    with pytest.raises(BundleIntegrityError, match=r"isco_soc\.parquet: table file missing"):
        ReferenceStore(bundle_copy, verify=True)


def test_bundle_of_another_format_is_refused(bundle_copy: Path) -> None:
    manifest = bundle_copy / "manifest.json"
    text = manifest.read_text(encoding="utf-8")
    assert '"format": 1,' in text
    manifest.write_text(text.replace('"format": 1,', '"format": 99,'), encoding="utf-8")
    with pytest.raises(BundleIntegrityError, match="bundle format 99"):
        ReferenceStore(bundle_copy)
