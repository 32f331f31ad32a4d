"""Simulation units: the cells a projection moves people between, and what AI can do in each.

A cell is a department x location x occupation of the analysed workforce (its headcount,
cost per head and yearly leaving rates), or a new role (``data/new_roles.yaml``) at a
location. For every occupation and service, the time share of the covered tasks and the
mean and variance of their exposed share come from the task probabilities of the analysis:
``A`` (E1), ``B`` (E2) and ``V`` (model uncertainty ``q (1 - q)`` plus human/GPT-4 label
disagreement), each task weighted by its time share and by ``1/k`` when ``k`` services
cover it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workshift.reference import ReferenceStore
from workshift.scenarios._assumptions import Assumptions
from workshift.scenarios._money import BLS_CURRENCY, Money, convert_costs
from workshift.scenarios._portfolio import Portfolio, new_role_catalogue

__all__ = ["NEW_ROLES_DEPARTMENT", "Units", "build_units", "people_frame"]

NEW_ROLES_DEPARTMENT = "New AI roles"
_EXPOSURE = {"E0": 0.0, "E1": 1.0, "E2": 0.5}


@dataclass
class Units:
    """Cells (rows of ``cells``) and per occupation x service exposure (arrays O x S).

    ``cells`` columns: department, location, onet_soc_code, role, headcount, cost_per_head,
    attrition, retirement, attrition_set and retirement_set (set by department in the
    scenario), cost_source, rate_source, new_role (id or ""), kind ("today" or "new"),
    occupation (index into the O axis, -1 for new roles).
    """

    cells: pd.DataFrame
    occupations: list[str]
    services: list[str]
    covered: np.ndarray  # O x S time share of covered tasks
    e1: np.ndarray  # O x S
    e2: np.ndarray  # O x S
    variance: np.ndarray  # O x S

    @property
    def existing(self) -> np.ndarray:
        """True for cells of the analysed workforce, False for new roles."""
        return (self.cells["new_role"] == "").to_numpy()


def people_frame(
    rows: pd.DataFrame, matches: pd.DataFrame, money: Money | None = None, file: str = ""
) -> pd.DataFrame:
    """Workforce rows x their occupations with ``heads`` (FTE x share) and ``cost``.

    The projection works in full-time equivalents (hours of work): a row's FTE, or its
    headcount (people) when the workforce has no FTE column. With ``money``, each row's
    ``annual_cost`` is first converted into the report currency
    (:func:`~workshift.scenarios._money.convert_costs`; ``file`` names the workforce in
    its errors), so costs in two currencies are never added.
    """
    if money is not None:
        rows = convert_costs(rows, money, file)
    people = rows.merge(matches[["input_row", "onet_soc_code", "share"]], on="input_row")
    fte = people["fte"] if "fte" in people else pd.Series(float("nan"), index=people.index)
    people["heads"] = fte.astype(float).fillna(people["headcount"].astype(float)) * people["share"]
    people["cost"] = people["annual_cost"] * people["share"]
    return people


def _rates(store: ReferenceStore) -> pd.DataFrame:
    """BLS 2024-34 yearly rates by SOC code: occupational transfers and labour-force exits."""
    frame = store.sql(
        "SELECT soc_code, transfer_rate_pct, exit_rate_pct, median_wage_2024 FROM projections"
    )
    return frame.set_index("soc_code")


def _lookup(table: pd.DataFrame, soc: str, column: str) -> tuple[float, str]:
    """The value for the SOC code, else its broad, minor and major group, else all occupations."""
    candidates = [soc, soc[:6] + "0", soc[:5] + "00", soc[:4] + "000", soc[:2] + "-0000", "00-0000"]
    for code in candidates:
        value = table[column].get(code)
        if value is not None and pd.notna(value):
            return float(value), code
    return float("nan"), ""


def _wage_rate(money: Money | None) -> float:
    """Report-currency units per US dollar, for BLS median wages (1 without ``money``)."""
    if money is None:
        return 1.0
    what = "the BLS median wage (the cost of a role without annual_cost)"
    return money.require(BLS_CURRENCY, what)


def _cells(
    people: pd.DataFrame,
    store: ReferenceStore,
    assumptions: Assumptions,
    titles: pd.Series,
    money: Money | None = None,
) -> pd.DataFrame:
    keys = ["department", "location", "onet_soc_code"]
    known = people["cost"].notna()
    frame = (
        people.assign(cost_heads=people["heads"].where(known, 0.0), cost=people["cost"].fillna(0.0))
        .groupby(keys, as_index=False)[["heads", "cost", "cost_heads"]]
        .sum()
        .rename(columns={"heads": "headcount"})
    )
    table = _rates(store)
    on_cost = assumptions.uncertain("on_cost").mode
    wages, attrition, retirement, rate_source = [], [], [], []
    for code in frame["onet_soc_code"]:
        wage, _ = _lookup(table, code[:7], "median_wage_2024")
        wages.append(wage * on_cost)
        transfer, found = _lookup(table, code[:7], "transfer_rate_pct")
        attrition.append(transfer / 100)
        retirement.append(_lookup(table, code[:7], "exit_rate_pct")[0] / 100)
        rate_source.append(f"BLS {found}")
    has_cost = frame["cost_heads"] > 0
    rate = 1.0 if bool(has_cost.all()) else _wage_rate(money)
    frame["cost_per_head"] = np.where(
        has_cost, frame["cost"] / frame["cost_heads"].where(has_cost, 1.0), np.array(wages) * rate
    )
    frame["cost_source"] = np.where(has_cost, "workforce annual_cost", "BLS median wage x on_cost")
    frame["attrition"] = attrition
    frame["retirement"] = retirement
    frame["rate_source"] = rate_source
    frame["role"] = frame["onet_soc_code"].map(titles).fillna(frame["onet_soc_code"])
    frame["new_role"] = ""
    return frame.drop(columns=["cost", "cost_heads"])


def _new_role_cells(
    locations: list[str], store: ReferenceStore, assumptions: Assumptions, money: Money | None
) -> pd.DataFrame:
    table = _rates(store)
    on_cost = assumptions.uncertain("on_cost").mode
    # new_role_cost is stated in the report currency; BLS wages are converted from USD.
    costs = assumptions.values.get("new_role_cost", {})
    rows = []
    for role in new_role_catalogue().values():
        wage, _ = _lookup(table, role.soc_code, "median_wage_2024")
        if role.id not in costs:
            wage *= _wage_rate(money)
        transfer, found = _lookup(table, role.soc_code, "transfer_rate_pct")
        for location in locations:
            rows.append(
                {
                    "department": NEW_ROLES_DEPARTMENT,
                    "location": location,
                    "onet_soc_code": role.soc_code,
                    "headcount": 0.0,
                    "cost_per_head": float(costs.get(role.id, wage * on_cost)),
                    "cost_source": "scenario new_role_cost"
                    if role.id in costs
                    else "BLS median wage x on_cost",
                    "attrition": transfer / 100,
                    "retirement": _lookup(table, role.soc_code, "exit_rate_pct")[0] / 100,
                    "rate_source": f"BLS {found}",
                    "role": role.name["en"],
                    "new_role": role.id,
                }
            )
    return pd.DataFrame(rows)


def _override_rates(cells: pd.DataFrame, assumptions: Assumptions) -> pd.DataFrame:
    """The scenario's rates by department win over the BLS defaults (and over the
    scenario-wide rate: ``attrition_set``/``retirement_set`` mark the cells)."""
    for column, name in (
        ("attrition", "attrition_by_department"),
        ("retirement", "retirement_by_department"),
    ):
        cells[f"{column}_set"] = False
        for department, rate in (assumptions.values.get(name) or {}).items():
            chosen = cells["department"] == department
            cells.loc[chosen, column] = float(rate)
            cells.loc[chosen, f"{column}_set"] = True
            cells.loc[chosen, "rate_source"] = f"scenario {name}"
    return cells


def _exposure(
    tasks: pd.DataFrame, coverage: pd.DataFrame, store: ReferenceStore, rater: str,
    occupations: list[str], services: list[str],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    frame = tasks.reset_index(drop=True)
    time = frame["weight"] / frame.groupby("onet_soc_code")["weight"].transform("sum")
    # The other rater's label of published tasks: disagreement widens the range.
    other = "gpt4_label" if rater == "human" else "human_label"
    published = store.task_exposure(sorted(set(frame["onet_soc_code"])))[["task_id", other]]
    labels = published.dropna().drop_duplicates("task_id").set_index("task_id")[other]
    own = frame["label"].map(_EXPOSURE)
    theirs = pd.to_numeric(frame["task_id"], errors="coerce").map(labels).map(_EXPOSURE)
    disagreement = ((own - theirs).abs() / 2).fillna(0.0) ** 2
    q = frame["p_e1"] + 0.5 * frame["p_e2"]
    spread = np.where(frame["source"] == "model", q * (1 - q), disagreement)

    cov = coverage.assign(
        w=time.to_numpy()[coverage["task_row"]] * coverage["share"],
        o=pd.Index(occupations).get_indexer(
            pd.Index(frame["onet_soc_code"].to_numpy()[coverage["task_row"]])
        ),
        s=pd.Index(services).get_indexer(pd.Index(coverage["service_id"])),
    )
    # Tasks of occupations nobody holds free no one's time.
    cov = cov.loc[(cov["o"] >= 0) & (cov["s"] >= 0)]
    rows = cov["task_row"].to_numpy()
    shape = (len(occupations), len(services))
    out = []
    for values in (
        cov["w"].to_numpy(),
        cov["w"].to_numpy() * frame["p_e1"].to_numpy()[rows],
        cov["w"].to_numpy() * frame["p_e2"].to_numpy()[rows],
        cov["w"].to_numpy() ** 2 * spread[rows],
    ):
        matrix = np.zeros(shape)
        np.add.at(matrix, (cov["o"].to_numpy(), cov["s"].to_numpy()), values)
        out.append(matrix)
    return out[0], out[1], out[2], out[3]


def build_units(
    people: pd.DataFrame,
    tasks: pd.DataFrame,
    coverage: pd.DataFrame,
    portfolio: Portfolio,
    store: ReferenceStore,
    assumptions: Assumptions,
    rater: str = "human",
    money: Money | None = None,
) -> Units:
    """Cells and exposure arrays for :func:`~workshift.scenarios.simulate`.

    ``people`` from :func:`people_frame`; ``tasks`` and ``coverage`` as in
    :func:`~workshift.scenarios.task_coverage`. With ``money``, BLS median wages (USD)
    are converted into the report currency.
    """
    titles = tasks.drop_duplicates("onet_soc_code").set_index("onet_soc_code")["occupation"]
    cells = _cells(people, store, assumptions, titles, money)
    locations = sorted(cells["location"].astype(str).unique())
    cells = pd.concat(
        [cells, _new_role_cells(locations, store, assumptions, money)], ignore_index=True
    )
    cells = _override_rates(cells, assumptions)
    occupations = sorted(set(cells.loc[cells["new_role"] == "", "onet_soc_code"]))
    cells["kind"] = np.where(cells["new_role"] == "", "today", "new")
    cells["occupation"] = np.where(
        cells["new_role"] == "",
        pd.Index(occupations).get_indexer(pd.Index(cells["onet_soc_code"])),
        -1,
    )
    services = [s.id for s in portfolio.services]
    covered, e1, e2, variance = _exposure(tasks, coverage, store, rater, occupations, services)
    return Units(cells, occupations, services, covered, e1, e2, variance)
