"""Openings: the positions people can move into, existing ones and the AI-era roles.

The file (CSV, XLSX or Parquet) has ``opening_id``, ``target_code`` (an O*NET-SOC or SOC
code, or an emerging role id such as ``ai_quality_oversight_analyst``) or ``role`` (a job
title, matched to an occupation), ``capacity`` (how many people, a whole number >= 0) and
``location``; optionally ``relocation`` (``yes``/``no``, ``ja``/``nein``: whether people
from other sites may take it; default no). Other columns are carried along. Every problem
names the file, row and column.

Examples
--------
>>> from pathlib import Path
>>> from workshift.reference import ReferenceStore
>>> example = Path(__file__).parents[3] / "examples" / "openings.csv"
>>> openings = read_openings(example, ReferenceStore(), emerging={"ai_ml_engineer",
...     "ai_quality_oversight_analyst", "conversation_prompt_designer", "mlops_engineer",
...     "ai_product_owner", "data_steward", "automation_specialist", "ai_trainer"})
>>> openings[["opening_id", "target_code", "capacity", "location", "relocation"]].head(2)
  opening_id                   target_code  capacity location  relocation
0     OP-001  ai_quality_oversight_analyst         8   Austin       False
1     OP-002  conversation_prompt_designer         4   Austin       False
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from workshift.exceptions import InputDataError
from workshift.matching import CodingPolicy, resolve_occupations
from workshift.reference import ReferenceStore
from workshift.reskilling._checks import NO, YES
from workshift.workforce import TableInput, load_table, read_table, require_column

__all__ = ["OPENING_COLUMNS", "OPENING_POLICY", "read_openings", "scenario_openings"]

OPENING_POLICY = CodingPolicy(several="primary", titles="when_no_code", unsure="reject", top_k=1)
"""Openings: a position is one occupation (a code's first) or an emerging role (added as
``extra_codes``); the role title only when ``target_code`` is blank (a wrong code is an
error, not a guess), and only a confident match (capacity is planned against it)."""

OPENING_COLUMNS = ["input_row", "opening_id", "target_code", "role", "capacity", "location",
                   "relocation"]  # fmt: skip


def read_openings(
    path: TableInput, store: ReferenceStore, *, emerging: Collection[str] = ()
) -> pd.DataFrame:
    """Read and check an openings file, or a DataFrame of its columns (see the module
    docstring)."""
    frame, source = load_table(path)
    frame = frame.fillna("")
    for column in ("opening_id", "capacity", "location"):
        require_column(frame, column, file=source)
    if "target_code" not in frame and "role" not in frame:
        raise InputDataError(
            "needs a column target_code (O*NET-SOC, SOC or emerging role id) or role (title)",
            file=source,
        )
    resolved = resolve_occupations(
        frame["target_code"].reset_index(drop=True) if "target_code" in frame else None,
        frame["role"].reset_index(drop=True) if "role" in frame else None,
        store=store,
        policy=replace(OPENING_POLICY, extra_codes=frozenset(emerging)),
    )
    rows: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for number, record in enumerate(frame.to_dict("records"), start=1):
        opening = str(record["opening_id"]).strip()
        if not opening:
            raise InputDataError("empty opening_id", file=source, row=number, column="opening_id")
        if opening in seen:
            raise InputDataError(
                f"opening_id {opening!r} is also in row {seen[opening]}",
                file=source, row=number, column="opening_id",
            )  # fmt: skip
        seen[opening] = number
        target = _target(resolved.iloc[number - 1], emerging, source)
        capacity_text = str(record["capacity"]).strip()
        try:
            capacity = int(float(capacity_text.replace(",", ".")))
            whole = float(capacity_text.replace(",", ".")) == capacity
        except ValueError:
            capacity, whole = -1, False
        if capacity < 0 or not whole:
            raise InputDataError(
                f"capacity must be a whole number >= 0, not {capacity_text!r}",
                file=source, row=number, column="capacity",
            )  # fmt: skip
        location = str(record["location"]).strip()
        if not location:
            raise InputDataError("empty location", file=source, row=number, column="location")
        relocation_text = str(record.get("relocation", "")).strip().lower()
        if relocation_text not in YES | NO:
            raise InputDataError(
                f"relocation must be yes or no, not {relocation_text!r}",
                file=source, row=number, column="relocation",
            )  # fmt: skip
        extra = {str(k): v for k, v in record.items() if k not in OPENING_COLUMNS}
        rows.append(
            {
                **extra,
                "input_row": number - 1,
                "opening_id": opening,
                "target_code": target,
                "role": str(record.get("role", "")).strip(),
                "capacity": capacity,
                "location": location,
                "relocation": relocation_text in YES,
            }
        )
    if not rows:
        raise InputDataError("the openings file has no rows", file=source)
    out = pd.DataFrame(rows)
    return out[OPENING_COLUMNS + [c for c in out.columns if c not in OPENING_COLUMNS]]


def _target(resolved: pd.Series, emerging: Collection[str], source: str) -> str:
    """An opening's target (:data:`OPENING_POLICY`), or the error that names its cell."""
    if resolved["code"] is not None:
        return str(resolved["code"])
    row = int(resolved["input_row"]) + 1
    if not resolved["given_code"]:
        raise InputDataError(
            "no target_code, and the role title matched no occupation with confidence; "
            "give a target_code",
            file=source, row=row, column="role",
        )  # fmt: skip
    known = ", ".join(sorted(emerging))
    reason = str(resolved["reason"])
    raise InputDataError(
        f"{reason}; emerging roles: {known}" if known else reason,
        file=source, row=row, column="target_code",
    )  # fmt: skip


def scenario_openings(
    new_roles: pd.DataFrame | str | Path,
    roles: pd.DataFrame,
    *,
    year: int | None = None,
    quantile: str = "p50",
) -> pd.DataFrame:
    """Openings from a scenario's demand for new roles (``new_roles.csv`` of
    ``workshift scenario``: year, new_role, location, p10, p50, p90, mean).

    Each new role becomes the emerging role of ``roles`` that lists it in
    ``scenario_roles``; per site, the ``quantile`` FTE of ``year`` (default the last year)
    rounded down to whole people is the capacity (sites with none are left out).
    Openings are ``SCN-<year>-<role>-<site>``, open to people from other sites (the
    scenario's new roles are filled organisation-wide).

    >>> demand = pd.DataFrame({"year": [2030, 2030], "new_role": ["ai_operations"] * 2,
    ...     "location": ["Austin", "Berlin"], "p10": [2.0, 0.1], "p50": [3.7, 0.6],
    ...     "p90": [5.0, 1.0], "mean": [3.6, 0.6]})
    >>> from workshift.reskilling import emerging_roles
    >>> scenario_openings(demand, emerging_roles())[["opening_id", "capacity"]]
                                         opening_id  capacity
    0  SCN-2030-ai_quality_oversight_analyst-Austin         3
    """
    from workshift.reskilling._emerging import scenario_role_targets

    source = str(new_roles) if not isinstance(new_roles, pd.DataFrame) else "new roles"
    frame = new_roles if isinstance(new_roles, pd.DataFrame) else read_table(new_roles)
    for column in ("year", "new_role", "location", quantile):
        require_column(frame, column, file=source)
    frame = frame.assign(input_row=range(len(frame)))
    for column in ("year", quantile):
        numbers = pd.to_numeric(frame[column], errors="coerce")
        if numbers.isna().any():
            row = int(np.flatnonzero(numbers.isna().to_numpy())[0])
            raise InputDataError(
                f"not a number: {frame[column].iloc[row]!r}",
                file=source, row=row + 1, column=column,
            )  # fmt: skip
        frame[column] = numbers
    year = int(frame["year"].max()) if year is None else year
    if year not in set(frame["year"].astype(int)):
        known = f"{int(frame['year'].min())}-{int(frame['year'].max())}"
        raise InputDataError(f"no year {year} in the scenario (it has {known})", file=source)
    targets = scenario_role_targets(roles)
    chosen = frame.loc[frame["year"].astype(int) == year]
    unknown = sorted(set(chosen["new_role"]) - set(targets))
    if unknown:
        raise InputDataError(
            f"new roles {unknown} map to no emerging role (scenario_roles in the catalogue)",
            file=source, column="new_role",
        )  # fmt: skip
    chosen = chosen.assign(target_code=chosen["new_role"].map(targets))
    demand = chosen.groupby(["target_code", "location"], as_index=False).agg(
        fte=(quantile, "sum"), input_row=("input_row", "min")
    )
    names = roles.set_index("role_id")["name_en"]
    demand["capacity"] = (demand["fte"] + 1e-9).astype(float).floordiv(1).astype(int)
    demand = demand.loc[demand["capacity"] > 0]
    out = pd.DataFrame(
        {
            "input_row": demand["input_row"].to_numpy(),
            "opening_id": [f"SCN-{year}-{t}-{loc}" for t, loc in
                           zip(demand["target_code"], demand["location"], strict=True)],
            "target_code": demand["target_code"].to_numpy(),
            "role": demand["target_code"].map(names).to_numpy(),
            "capacity": demand["capacity"].to_numpy(),
            "location": demand["location"].to_numpy(),
            "relocation": True,
        }
    )  # fmt: skip
    return out.assign(source=f"scenario {year} {quantile}").reset_index(drop=True)
