"""An organisation's own task statements per occupation, with their time shares.

The file (CSV, XLSX or Parquet) has a column ``occupation_code`` (O*NET-SOC, SOC 2018
or any code ``ReferenceStore.resolve`` knows), a column ``task`` (English or German
free text) and optionally ``time_share`` (any positive numbers; they are normalised per
occupation, so hours per week work as well as fractions). Other columns (``role``,
``language`` ...) are carried along. For an occupation listed here, these tasks replace
O*NET's in the analysis; a SOC code that stands for several O*NET occupations gives its
tasks to each of them.

Examples
--------
>>> import tempfile, pathlib
>>> from workshift.reference import ReferenceStore
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "tasks.csv"
...     _ = path.write_text("occupation_code,task,time_share\\n"
...                         "43-4051.00,Answer customer e-mails,0.6\\n"
...                         "43-4051.00,Kundendaten im CRM pflegen,0.4\\n")
...     tasks = read_role_tasks(path, ReferenceStore())
>>> tasks[["input_row", "onet_soc_code", "weight"]]
   input_row onet_soc_code  weight
0          0    43-4051.00     0.6
1          1    43-4051.00     0.4
"""

from __future__ import annotations

import pandas as pd

from workshift.exceptions import InputDataError, UnknownCodeError
from workshift.reference import ReferenceStore
from workshift.workforce._numbers import parse_number, uses_decimal_comma
from workshift.workforce._readers import TableInput, load_table, require_column

__all__ = ["ROLE_TASK_COLUMNS", "read_role_tasks"]

_GIVEN = {"occupation_code", "task", "time_share"}
ROLE_TASK_COLUMNS = ["input_row", "onet_soc_code", "occupation_code", "task", "weight"]


def read_role_tasks(path: TableInput, store: ReferenceStore) -> pd.DataFrame:
    """Read and validate a task file; every problem names file, row and column.

    Returns one row per (input row, O*NET-SOC occupation) with ``input_row`` (0-based
    data row, as everywhere in workshift; errors count data rows from 1),
    ``onet_soc_code``, ``occupation_code`` (as given), ``task``, ``weight``
    and any extra columns of the file. ``path`` may be a DataFrame of the file's columns
    (:func:`~workshift.workforce.load_table`).
    """
    frame, source = load_table(path)
    for column in ("occupation_code", "task"):
        require_column(frame, column, file=source)
    shares = frame["time_share"] if "time_share" in frame else pd.Series("1", index=frame.index)
    comma = uses_decimal_comma(shares.tolist())
    rows = []
    resolved: dict[str, list[str]] = {}
    for number, record in enumerate(frame.to_dict("records"), start=1):
        code = str(record["occupation_code"]).strip()
        task = str(record["task"]).strip()
        if not task:
            raise InputDataError("empty task", file=source, row=number, column="task")
        if code not in resolved:
            try:
                resolved[code] = list(store.resolve(code).onet_soc_codes)
            except UnknownCodeError as err:
                raise InputDataError(
                    str(err), file=source, row=number, column="occupation_code"
                ) from err
        share_text = str(shares.iloc[number - 1]).strip() or "1"
        share = parse_number(share_text, decimal_comma=comma)
        if share is None or not share > 0:
            raise InputDataError(
                f"time_share must be a positive number, not {share_text!r}",
                file=source,
                row=number,
                column="time_share",
            )
        extra = {k: v for k, v in record.items() if k not in _GIVEN}
        for onet in resolved[code]:
            rows.append(
                {
                    "input_row": number - 1,
                    "onet_soc_code": onet,
                    "occupation_code": code,
                    "task": task,
                    "weight": float(share),
                    **extra,
                }
            )
    if not rows:
        raise InputDataError("the task file has no rows", file=source)
    return pd.DataFrame(rows)
