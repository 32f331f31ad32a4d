"""An organisation's own task file: validation names file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshift.exceptions import InputDataError
from workshift.reference import ReferenceStore
from workshift.workforce import read_role_tasks


@pytest.fixture(scope="module")
def store() -> ReferenceStore:
    return ReferenceStore()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tasks.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_codes_shares_and_extra_columns(tmp_path: Path, store: ReferenceStore) -> None:
    path = _write(
        tmp_path,
        "role;occupation_code;task;time_share\n"
        "agent;43-4051.00;Kundenanfragen beantworten;0,6\n"
        "agent;43-4051.00;CRM pflegen;0,4\n",
    )
    tasks = read_role_tasks(path, store)
    assert tasks["weight"].tolist() == [0.6, 0.4]
    assert tasks["role"].tolist() == ["agent", "agent"]
    assert tasks["input_row"].tolist() == [0, 1]


def test_a_soc_code_gives_its_tasks_to_each_occupation(
    tmp_path: Path, store: ReferenceStore
) -> None:
    codes = store.resolve("15-1252").onet_soc_codes
    tasks = read_role_tasks(_write(tmp_path, "occupation_code,task\n15-1252,Write code\n"), store)
    assert sorted(tasks["onet_soc_code"]) == sorted(codes)
    assert (tasks["weight"] == 1.0).all()


@pytest.mark.parametrize(
    ("text", "row", "column"),
    [
        ("occupation_code,task\n99-9999,Write code\n", 1, "occupation_code"),
        ("occupation_code,task\n43-4051,Answer\n43-4051,\n", 2, "task"),
        ("occupation_code,task,time_share\n43-4051,Answer,-1\n", 1, "time_share"),
        ("occupation_code,task,time_share\n43-4051,Answer,lots\n", 1, "time_share"),
    ],
)
def test_bad_rows_name_file_row_and_column(
    tmp_path: Path, store: ReferenceStore, text: str, row: int, column: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputDataError) as err:
        read_role_tasks(path, store)
    assert str(path) in str(err.value)
    assert f"row {row}" in str(err.value)
    assert column in str(err.value)


def test_missing_task_column_lists_the_columns(tmp_path: Path, store: ReferenceStore) -> None:
    with pytest.raises(InputDataError, match="no column 'task'"):
        read_role_tasks(_write(tmp_path, "occupation_code,aufgabe\n43-4051,x\n"), store)
