"""Workforce ingest: file formats, column mapping, row validation, pseudonymisation."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshift.exceptions import ConfigError, InputDataError
from workshift.workforce import (
    COLUMN_ALIASES,
    PSEUDONYM_KEY_ENV,
    REJECTED_COLUMNS,
    WORKFORCE_COLUMNS,
    Workforce,
    column_key,
    ingest_frame,
    parse_number,
    pseudonymise,
    read_workforce,
)


@pytest.fixture(autouse=True)
def _no_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PSEUDONYM_KEY_ENV, raising=False)


def frame(**columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns, dtype=object)


def records(workforce: Workforce, *names: str) -> list[dict[str, object]]:
    return workforce.rows[list(names)].to_dict("records")  # type: ignore[no-any-return]


def assert_accounted_for(workforce: Workforce, n_rows: int) -> None:
    seen = [*workforce.rows["input_row"], *workforce.rejected["input_row"]]
    assert sorted(seen) == list(range(n_rows))


# --- file formats -------------------------------------------------------------------------


def test_comma_csv_with_english_numbers(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text(
        "Job Title,Department,Site,FTE,Employee ID,Annual Salary,Tasks\n"
        'Warehouse picker,Logistics,Leipzig,1,E-001,"$38,500",Pick orders; pack parcels\n'
        'Accountant,Finance,Berlin,0.5,E-002,"52,000",\n'
        "Driver,Logistics,Leipzig,1.5,E-003,,Drive\n",
        encoding="utf-8",
    )
    workforce = read_workforce(path)
    assert workforce.source == str(path)
    assert workforce.columns == {
        "job_title": "Job Title",
        "department": "Department",
        "location": "Site",
        "fte": "FTE",
        "employee_id": "Employee ID",
        "annual_cost": "Annual Salary",
        "tasks": "Tasks",
    }
    assert workforce.rejected.empty
    rows = workforce.rows
    assert list(rows.columns) == list(WORKFORCE_COLUMNS)
    assert rows["job_title"].tolist() == ["Warehouse picker", "Accountant", "Driver"]
    assert rows["line"].tolist() == [2, 3, 4]
    assert rows["headcount"].tolist() == [1.0, 1.0, 1.0]
    assert rows["fte"].tolist() == [1.0, 0.5, 1.5]
    assert rows["annual_cost"].tolist()[:2] == [38500.0, 52000.0]
    assert math.isnan(rows["annual_cost"].iloc[2])
    assert rows["tasks"].tolist() == ["Pick orders; pack parcels", "", "Drive"]
    assert rows["occupation_code"].tolist() == ["", "", ""]
    assert rows["employee_id"].tolist() == ["E-001", "E-002", "E-003"]


def test_semicolon_csv_with_german_decimals_in_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "mitarbeiter.csv"
    text = (
        "Stellenbezeichnung;Abteilung;Standort;VZÄ;Personalnummer;Jahresgehalt;Tätigkeiten\n"
        'Lagerist (m/w/d);Logistik;Köln;0,5;4711;38.500,00 €;"Kommissionieren; Verpacken"\n'
        "Buchhalterin;Finanzen;München;0,75;4712;52.000;Buchen\n"
        "Fahrer;Logistik;Köln;1;4713;41.250,50;\n"
    )
    path.write_bytes(text.encode("cp1252"))
    workforce = read_workforce(path)
    assert workforce.columns["fte"] == "VZÄ"
    assert workforce.columns["tasks"] == "Tätigkeiten"
    assert workforce.rejected.empty
    assert records(workforce, "job_title", "location", "fte", "annual_cost", "tasks") == [
        {
            "job_title": "Lagerist (m/w/d)",
            "location": "Köln",
            "fte": 0.5,
            "annual_cost": 38500.0,
            "tasks": "Kommissionieren; Verpacken",
        },
        # "52.000" alone is ambiguous; the column's other values make it German
        {
            "job_title": "Buchhalterin",
            "location": "München",
            "fte": 0.75,
            "annual_cost": 52000.0,
            "tasks": "Buchen",
        },
        {
            "job_title": "Fahrer",
            "location": "Köln",
            "fte": 1.0,
            "annual_cost": 41250.5,
            "tasks": "",
        },
    ]


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("Title,Headcount\nPicker,3\nPacker,1\n".encode("utf-8-sig"))
    workforce = read_workforce(path)
    assert workforce.columns == {"job_title": "Title", "headcount": "Headcount"}
    assert records(workforce, "job_title", "headcount") == [
        {"job_title": "Picker", "headcount": 3.0},
        {"job_title": "Packer", "headcount": 1.0},
    ]


def test_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "staff.xlsx"
    pd.DataFrame(
        {
            "Position": ["Picker", None, "Accountant"],
            "Headcount": [2, None, 1],
            "Salary": [38500.5, None, None],
            "SOC": ["53-7065", None, "13-2011"],
        }
    ).to_excel(path, index=False)
    workforce = read_workforce(path)
    assert records(workforce, "input_row", "job_title", "headcount", "occupation_code") == [
        {"input_row": 0, "job_title": "Picker", "headcount": 2.0, "occupation_code": "53-7065"},
        {"input_row": 2, "job_title": "Accountant", "headcount": 1.0, "occupation_code": "13-2011"},
    ]
    assert workforce.rows["annual_cost"].iloc[0] == 38500.5
    assert math.isnan(workforce.rows["annual_cost"].iloc[1])
    assert workforce.rows["line"].tolist() == [2, 4]
    assert workforce.rejected.to_dict("records") == [
        {"input_row": 1, "line": 3, "column": "", "value": "", "reason": "blank row"}
    ]


def test_parquet(tmp_path: Path) -> None:
    path = tmp_path / "staff.parquet"
    pd.DataFrame(
        {
            "role": ["Picker", "Driver"],
            "fte": [1.5, -1.0],
            "cost": [40000.0, None],
            "personnel_number": [1001, 1002],
        }
    ).to_parquet(path)
    workforce = read_workforce(path)
    assert records(workforce, "line", "job_title", "fte", "annual_cost", "employee_id") == [
        {"line": 1, "job_title": "Picker", "fte": 1.5, "annual_cost": 40000.0,
         "employee_id": "1001"}
    ]  # fmt: skip
    assert workforce.rejected.to_dict("records") == [
        {"input_row": 1, "line": 2, "column": "fte", "value": "-1.0", "reason": "fte is negative"}
    ]


def test_blank_lines_in_a_csv_are_rejected_rows(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("title,headcount\nPicker,1\n\n,\nDriver,2\n", encoding="utf-8")
    workforce = read_workforce(path)
    assert workforce.rows["input_row"].tolist() == [0, 3]
    assert workforce.rows["line"].tolist() == [2, 5]
    assert workforce.rejected[["input_row", "line", "reason"]].to_dict("records") == [
        {"input_row": 1, "line": 3, "reason": "blank row"},
        {"input_row": 2, "line": 4, "reason": "blank row"},
    ]


# --- column mapping -----------------------------------------------------------------------

ALIAS_CASES = [
    (canonical, alias) for canonical, aliases in COLUMN_ALIASES.items() for alias in aliases
]


@pytest.mark.parametrize(("canonical", "alias"), ALIAS_CASES)
def test_every_alias_is_recognised(canonical: str, alias: str) -> None:
    columns = {alias: ["1"]}
    if canonical not in ("job_title", "occupation_code"):
        columns["Job Title"] = ["Picker"]
    assert ingest_frame(frame(**columns)).columns[canonical] == alias


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("JOB-TITLE", "job_title"),
        ("  job   title ", "job_title"),
        ("Job.Title", "job_title"),
        ("Taetigkeit", "job_title"),
        ("TATIGKEIT", "job_title"),
        ("Vollzeitaequivalent", "fte"),
        ("KOEPFE", "headcount"),
        ("Pers Nr", "employee_id"),
        ("MITARBEITER_ID", "employee_id"),
        ("O*NET-SOC code", "occupation_code"),
        ("ISCO-08", "occupation_code"),
    ],
)
def test_names_compare_without_case_spaces_punctuation_or_umlauts(
    name: str, canonical: str
) -> None:
    columns = {name: ["1"], "Berufskennziffer" if canonical == "job_title" else "Role": ["x"]}
    assert ingest_frame(frame(**columns)).columns[canonical] == name


def test_alias_keys_belong_to_one_canonical_column() -> None:
    owner: dict[str, str] = {}
    for canonical, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            assert owner.setdefault(column_key(alias), canonical) == canonical, alias


def test_unknown_columns_are_ignored() -> None:
    workforce = ingest_frame(frame(Title=["Picker"], Hobby=["chess"], Shoe=["42"]))
    assert workforce.columns == {"job_title": "Title"}
    assert workforce.rows["department"].tolist() == [""]
    assert workforce.rows["location"].tolist() == [""]
    assert workforce.rows["country"].tolist() == [""]


def test_explicit_columns_win_over_aliases() -> None:
    data = frame(**{"Title": ["Mr"], "Bezeichnung intern": ["Picker"], "Köpfe": ["2"]})
    workforce = ingest_frame(data, columns={"job_title": "Bezeichnung intern"})
    assert workforce.columns == {"job_title": "Bezeichnung intern", "headcount": "Köpfe"}
    assert workforce.also_matched == {"job_title": ("Title",)}
    assert records(workforce, "job_title", "headcount") == [
        {"job_title": "Picker", "headcount": 2.0}
    ]


def test_explicit_column_names_tolerate_case_and_spaces() -> None:
    workforce = ingest_frame(frame(**{"Job Name": ["Picker"]}), columns={"job_title": "job name"})
    assert workforce.columns == {"job_title": "Job Name"}


def test_explicit_column_that_does_not_exist() -> None:
    with pytest.raises(InputDataError) as caught:
        ingest_frame(
            frame(Title=["Picker"], FTE=["1"]), source="hr.csv", columns={"job_title": "Rolle"}
        )
    message = str(caught.value)
    assert message.startswith("hr.csv, column 'Rolle': no column 'Rolle' (given for job_title)")
    assert "the columns are: 'Title', 'FTE'" in message
    assert caught.value.column == "Rolle"


def test_explicit_unknown_canonical_name() -> None:
    with pytest.raises(ConfigError, match="'salary'"):
        ingest_frame(frame(Title=["Picker"], Pay=["1"]), columns={"salary": "Pay"})


def test_two_columns_matching_the_same_alias_are_an_error() -> None:
    data = frame(Title=["Picker"], Headcount=["1"], **{"Head Count": ["2"]})
    with pytest.raises(InputDataError) as caught:
        ingest_frame(data, source="hr.csv")
    message = str(caught.value)
    assert message.startswith("hr.csv: ")
    assert "'Headcount', 'Head Count' could all be headcount" in message
    assert "columns={'headcount': ...}" in message and "--map headcount=" in message
    resolved = ingest_frame(data, columns={"headcount": "Head Count"})
    assert resolved.rows["headcount"].tolist() == [2.0]
    assert resolved.also_matched == {"headcount": ("Headcount",)}


def test_missing_title_and_code_column_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("Name,Salary\nAda,1\n", encoding="utf-8")
    with pytest.raises(InputDataError) as caught:
        read_workforce(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: no job title or occupation code column; looked for: ")
    assert "Stellenbezeichnung" in message and "isco08" in message
    assert message.endswith("the columns are: 'Name', 'Salary'")


def test_a_repeated_column_name_is_not_guessed_between() -> None:
    data = pd.DataFrame([["Picker", "Packer"]], columns=["Title", "Title"])
    with pytest.raises(InputDataError, match=r"'Title', 'Title \(2\)' could all be job_title \("):
        ingest_frame(data)
    chosen = ingest_frame(data, columns={"job_title": "Title (2)"})
    assert chosen.rows["job_title"].tolist() == ["Packer"]


def test_occupation_code_without_job_title() -> None:
    workforce = ingest_frame(frame(ISCO=["9333", ""], Anzahl=["4", "1"]))
    assert records(workforce, "job_title", "occupation_code", "headcount") == [
        {"job_title": "", "occupation_code": "9333", "headcount": 4.0}
    ]
    assert workforce.rejected.to_dict("records") == [
        {
            "input_row": 1,
            "line": 2,
            "column": "ISCO",
            "value": "",
            "reason": "no job title or occupation code",
        }
    ]


# --- row validation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "column", "value", "reason"),
    [
        ({"Title": "  ", "SOC": "", "Headcount": "1"}, "Title", "  ",
         "no job title or occupation code"),
        ({"Title": "Picker", "Headcount": ""}, "Headcount", "", "headcount is empty"),
        ({"Title": "Picker", "Headcount": "half"}, "Headcount", "half",
         "headcount is not a number"),
        ({"Title": "Picker", "Headcount": "0"}, "Headcount", "0",
         "headcount must be greater than 0"),
        ({"Title": "Picker", "Headcount": "-1"}, "Headcount", "-1",
         "headcount must be greater than 0"),
        ({"Title": "Picker", "Headcount": "2,5"}, "Headcount", "2,5",
         "headcount 2.5 is not a whole number of people; is 'Headcount' FTE? map it as fte "
         "(columns={'fte': 'Headcount'}, --map fte='Headcount')"),
        ({"Title": "Picker", "FTE": "half"}, "FTE", "half", "fte is not a number"),
        ({"Title": "Picker", "FTE": "-0.5"}, "FTE", "-0.5", "fte is negative"),
        ({"Title": "Picker", "FTE": "2"}, "FTE", "2",
         "fte 2 is more than 1.5 for one person (percentages: write them with %, or the "
         "whole column as 0-100)"),
        ({"Title": "Picker", "Headcount": "2", "FTE": "3.5"}, "FTE", "3.5",
         "fte 3.5 for 2 people is more than 1.5 per person"),
        ({"Title": "Picker", "Salary": "tbd"}, "Salary", "tbd", "annual cost is not a number"),
        ({"Title": "Picker", "Salary": "-5"}, "Salary", "-5", "annual cost is negative"),
        ({"Title": "", "Headcount": "", "Salary": ""}, "", "", "blank row"),
        ({"Title": "Total", "Headcount": "12", "Salary": "500000"}, "Title", "Total",
         "total row"),
        ({"Title": "", "Headcount": "Grand Total:", "Salary": "5"}, "Headcount",
         "Grand Total:", "total row"),
    ],
)  # fmt: skip
def test_row_rejections_name_column_value_and_reason(
    row: dict[str, str], column: str, value: str, reason: str
) -> None:
    good = {name: "Picker" if name in ("Title", "SOC") else "1" for name in row}
    data = pd.DataFrame([good, row], dtype=object)
    workforce = ingest_frame(data)
    assert workforce.rows["input_row"].tolist() == [0]
    assert workforce.rejected.to_dict("records") == [
        {"input_row": 1, "line": 2, "column": column, "value": value, "reason": reason}
    ]


def test_a_title_alone_or_a_code_alone_is_enough() -> None:
    workforce = ingest_frame(
        frame(Title=["Picker", "", ""], SOC=["", "53-7065", ""], Team=["A", "B", "C"])
    )
    assert workforce.rows["input_row"].tolist() == [0, 1]
    assert workforce.rejected["reason"].tolist() == ["no job title or occupation code"]


def test_cells_are_stripped_and_a_free_cost_is_nan() -> None:
    workforce = ingest_frame(
        frame(Title=[" Picker "], Team=[" Ops "], Cost=["0"], Duties=[" a\nb; c "])
    )
    row = workforce.rows.iloc[0]
    assert (row["job_title"], row["department"], row["annual_cost"]) == ("Picker", "Ops", 0.0)
    assert row["tasks"] == "a\nb; c"


def test_a_column_of_ambiguous_numbers_follows_the_other_numeric_columns() -> None:
    german = ingest_frame(frame(Title=["A", "B"], FTE=["0,5", "1"], Cost=["52.000", "48.500"]))
    assert german.rows["annual_cost"].tolist() == [52000.0, 48500.0]
    english = ingest_frame(frame(Title=["A", "B"], FTE=["0.5", "1"], Cost=["52,000", "48,500"]))
    assert english.rows["annual_cost"].tolist() == [52000.0, 48500.0]


def test_output_dtypes_and_empty_input() -> None:
    for data in (frame(Title=["Picker"], FTE=["1"]), frame(Title=[], FTE=[])):
        workforce = ingest_frame(data)
        assert list(workforce.rows.columns) == list(WORKFORCE_COLUMNS)
        assert list(workforce.rejected.columns) == list(REJECTED_COLUMNS)
        dtypes = workforce.rows.dtypes
        assert dtypes["input_row"] == "int64"
        assert dtypes["headcount"] == "float64" and dtypes["annual_cost"] == "float64"
        assert all(dtypes[name] == "object" for name in ("job_title", "employee_id", "tasks"))
        assert workforce.rejected.dtypes["input_row"] == "int64"


def test_missing_cells_of_an_in_memory_frame_are_empty() -> None:
    data = pd.DataFrame(
        {
            "Title": ["Picker", None, pd.NA, "Driver"],
            "Headcount": pd.array([2, None, None, 1], dtype="Int64"),
            "Cost": [1.5, float("nan"), None, None],
        }
    )
    workforce = ingest_frame(data)
    assert records(workforce, "job_title", "headcount") == [
        {"job_title": "Picker", "headcount": 2.0},
        {"job_title": "Driver", "headcount": 1.0},
    ]
    assert workforce.rows["annual_cost"].iloc[0] == 1.5
    assert workforce.rejected["reason"].tolist() == ["blank row", "blank row"]


# --- pseudonymisation ---------------------------------------------------------------------

RAW_IDS = ["PN-83461", "PN-77120", "", "PN-55555"]


def staff() -> pd.DataFrame:
    return frame(
        Personalnummer=RAW_IDS,
        Stelle=["Lagerist", "Fahrer", "Buchhalter", ""],
        Gehalt=["40.000", "abc", "50.000", "1"],
    )


def all_text(workforce: Workforce) -> str:
    return workforce.rows.to_csv() + workforce.rejected.to_csv()


def test_pseudonymisation_is_deterministic_and_keyed() -> None:
    first = ingest_frame(staff(), pseudonym_key="key-1")
    again = ingest_frame(staff(), pseudonym_key=b"key-1")
    other = ingest_frame(staff(), pseudonym_key="key-2")
    ids = first.rows["employee_id"].tolist()
    assert ids == again.rows["employee_id"].tolist()
    assert ids == [pseudonymise("PN-83461", "key-1"), ""]
    assert len(ids[0]) == 16 and int(ids[0], 16) >= 0
    assert set(ids[:1]).isdisjoint(other.rows["employee_id"])


def test_raw_ids_appear_nowhere_in_the_outputs() -> None:
    workforce = ingest_frame(staff(), pseudonym_key="key-1")
    assert workforce.rejected["input_row"].tolist() == [1, 3]
    text = all_text(workforce)
    for raw in filter(None, RAW_IDS):
        assert raw not in text
        assert raw.split("-")[1] not in text


def test_one_source_column_cannot_serve_two_canonical_columns() -> None:
    # reading the id column as a title too would put raw ids into the output
    data = frame(ID=["PN-1"], Role=["Picker"])
    with pytest.raises(ConfigError, match="'job_title', 'employee_id'"):
        ingest_frame(data, columns={"job_title": "ID", "employee_id": "ID"}, pseudonym_key="k")


def test_key_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PSEUDONYM_KEY_ENV, "from-env")
    workforce = ingest_frame(staff())
    assert workforce.rows["employee_id"].iloc[0] == pseudonymise("PN-83461", "from-env")
    passed = ingest_frame(staff(), pseudonym_key="passed")
    assert passed.rows["employee_id"].iloc[0] == pseudonymise("PN-83461", "passed")


def test_without_a_key_ids_are_kept() -> None:
    assert ingest_frame(staff()).rows["employee_id"].tolist() == ["PN-83461", ""]


def test_an_empty_key_is_refused() -> None:
    with pytest.raises(ConfigError, match="empty"):
        ingest_frame(staff(), pseudonym_key="")


# --- every row accounted for --------------------------------------------------------------

CELLS = st.sampled_from(
    ["", " ", "Picker", "Fahrer (m/w/d)", "0", "1", "-1", "2,5", "1.234", "1,234.5", "x", "€ 5"]
)
NAMES = ["Headcount", "FTE", "Salary", "SOC", "ID", "Team", "Site", "Tasks", "Notes"]


@settings(max_examples=75, deadline=None)
@given(
    st.integers(min_value=0, max_value=12).flatmap(
        lambda n: st.tuples(
            st.lists(CELLS, min_size=n, max_size=n),
            st.dictionaries(
                st.sampled_from(NAMES), st.lists(CELLS, min_size=n, max_size=n), max_size=5
            ),
        )
    ),
    st.one_of(st.none(), st.just("k")),
)
def test_every_input_row_is_accounted_for_exactly_once(
    data: tuple[list[str], dict[str, list[str]]], key: str | None
) -> None:
    titles, others = data
    workforce = ingest_frame(
        pd.DataFrame({"Title": titles, **others}, dtype=object), pseudonym_key=key
    )
    assert_accounted_for(workforce, len(titles))
    rows = workforce.rows
    assert rows["input_row"].is_monotonic_increasing
    assert (rows["headcount"] > 0).all()
    assert (rows["headcount"] == rows["headcount"].round()).all()
    assert not (rows["fte"] < 0).any()
    assert not (rows["fte"] > 1.5 * rows["headcount"]).any()
    assert not (rows["annual_cost"] < 0).any()
    assert ((rows["job_title"] != "") | (rows["occupation_code"] != "")).all()
    if key is not None and "ID" in others:
        raw_ids = {cell.strip() for cell in others["ID"]} - {""}
        assert raw_ids.isdisjoint(rows["employee_id"])


# --- the vectorised checks give what the documented per-row rules give ------------------

# Headcount and FTE cells whose value does not depend on the decimal separator, so that the
# per-row rules can parse them with either.
HEADCOUNT_CELLS = st.sampled_from(["", " ", "1", "2", "0", "-1", "2,5", "x", "3"])
FTE_CELLS = st.sampled_from(["", "0", "1", "0.5", "-1", "2,5", "80", "100", "x", "50%", "Summe"])
OTHER_CELLS = st.sampled_from(
    ["", " ", "Picker", "Fahrer (m/w/d)", "0", "1", "-1", "2,5", "1.234", "1,234.5", "x", "€ 5",
     "Total"]
)  # fmt: skip


def number(text: str) -> float | None:
    return parse_number(text.strip().removesuffix("%"), decimal_comma=False)


def expected_problems(table: dict[str, list[str]], n: int) -> list[tuple[str, str] | None]:
    """The rules of the module docstring, row by row: (source column, reason) or None."""
    rows = [{name: values[i] for name, values in table.items()} for i in range(n)]
    out: list[tuple[str, str] | None] = []
    for row in rows:  # totals and blank rows first: the FTE scale is decided without them
        first = next(((k, v.strip()) for k, v in row.items() if v.strip()), None)
        if first is None:
            out.append(("", "blank row"))
        elif first[1].rstrip(":").casefold() in ("total", "summe"):
            out.append((first[0], "total row"))
        else:
            out.append(None)
    counted = [row for row, problem in zip(rows, out, strict=True) if problem is None]
    heads = [number(r["Headcount"]) for r in counted if "Headcount" in r]
    people = all(h == 1 for h in heads if h is not None)
    plain = [number(r["FTE"]) for r in counted if "FTE" in r and not r["FTE"].strip().endswith("%")]
    plain_numbers = [v for v in plain if v is not None]
    percent_column = (
        people
        and bool(plain_numbers)
        and all(0 <= v <= 100 for v in plain_numbers)
        and any(v > 1.5 for v in plain_numbers)
        and not any(0 < v <= 1.5 for v in plain_numbers)
    )
    for i, row in enumerate(rows):
        if out[i] is not None:
            continue
        out[i] = row_problem(row, percent_column)
    return out


def row_problem(row: dict[str, str], percent_column: bool) -> tuple[str, str] | None:
    if not (row.get("Title", "").strip() or row.get("SOC", "").strip()):
        return "Title", "no job title or occupation code"
    headcount = 1.0
    if "Headcount" in row:
        value = number(row["Headcount"])
        if not row["Headcount"].strip():
            return "Headcount", "headcount is empty"
        if value is None:
            return "Headcount", "headcount is not a number"
        if value <= 0:
            return "Headcount", "headcount must be greater than 0"
        if value != round(value):
            return "Headcount", "not whole"
        headcount = value
    if row.get("FTE", "").strip():
        fte = number(row["FTE"])
        if fte is None:
            return "FTE", "fte is not a number"
        if row["FTE"].strip().endswith("%"):
            fte = fte / 100 * headcount
        elif percent_column:
            fte /= 100
        if fte < 0:
            return "FTE", "fte is negative"
        if fte > 1.5 * headcount:
            return "FTE", "too much"
    if row.get("Salary", "").strip():
        cost = parse_number(row["Salary"], decimal_comma=False)
        if cost is None:
            return "Salary", "annual cost is not a number"
        if cost < 0:
            return "Salary", "annual cost is negative"
    return None


def reason_kind(reason: str) -> str:
    if "is not a whole number" in reason:
        return "not whole"
    return "too much" if " is more than 1.5 " in reason else reason


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=15).flatmap(
        lambda n: st.fixed_dictionaries(
            {},
            optional={
                "SOC": st.lists(OTHER_CELLS, min_size=n, max_size=n),
                "Headcount": st.lists(HEADCOUNT_CELLS, min_size=n, max_size=n),
                "FTE": st.lists(FTE_CELLS, min_size=n, max_size=n),
                "Salary": st.lists(OTHER_CELLS, min_size=n, max_size=n),
                "Notes": st.lists(OTHER_CELLS, min_size=n, max_size=n),
            },
        ).map(lambda others: (n, others))
    ),
    st.lists(OTHER_CELLS, min_size=15, max_size=15),
)
def test_each_row_is_rejected_for_the_first_rule_it_breaks(
    data: tuple[int, dict[str, list[str]]], titles: list[str]
) -> None:
    n, others = data
    table = {"Title": titles[:n], **others}
    workforce = ingest_frame(pd.DataFrame(table, dtype=object))
    expected = []
    for i, problem in enumerate(expected_problems(table, n)):
        if problem is not None:
            column, reason = problem
            expected.append({"input_row": i, "column": column, "reason": reason,
                             "value": table[column][i].strip() if reason == "total row"
                             else table.get(column, [""] * n)[i]})  # fmt: skip
    got = [
        {**row, "reason": reason_kind(row["reason"])}
        for row in workforce.rejected[["input_row", "column", "reason", "value"]].to_dict("records")
    ]
    assert got == expected
    assert workforce.rows["input_row"].tolist() == sorted(
        set(range(n)) - {e["input_row"] for e in expected}
    )


def test_text_columns_of_a_read_file_ingest_like_object_columns() -> None:
    # read_table returns pandas' string dtype; ingest takes a faster path for it.
    cells = {
        "Title": [" Picker ", "Koch", "", "Fahrer", "Koch"],
        "FTE": ["1", None, "", "0,5", "x"],
        "ID": ["E1", "E2", None, " E4 ", "E5"],
        "Notes": [None, None, "", "n", "m"],
    }
    as_object = ingest_frame(pd.DataFrame(cells, dtype=object), pseudonym_key="k")
    as_string = ingest_frame(pd.DataFrame(cells, dtype="str"), pseudonym_key="k")
    pd.testing.assert_frame_equal(as_string.rows, as_object.rows)
    pd.testing.assert_frame_equal(as_string.rejected, as_object.rejected)
    assert as_object.rejected["reason"].tolist() == ["blank row", "fte is not a number"]
    assert as_object.rows["employee_id"].tolist() == [
        pseudonymise(raw, "k") for raw in ("E1", "E2", "E4")
    ]
    assert as_object.rows["fte"].tolist()[::2] == [1.0, 0.5]
    assert math.isnan(as_object.rows["fte"].iloc[1])  # no FTE given: callers use headcount


def test_column_names_that_are_not_text() -> None:
    workforce = ingest_frame(pd.DataFrame([["Picker", "1"]], columns=["Title", 7]))
    assert workforce.columns == {"job_title": "Title"}
    assert workforce.layout.names == ("Title", "7")
