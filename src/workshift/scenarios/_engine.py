"""The Monte Carlo engine: year-by-year flows per draw and cell, reduced to quantiles.

State is one draws x cells array of headcount; each year adds the AI services' freed time
(adoption x exposed share x time saved x realisation), lowers the staff needed by the part
of it that is not reinvested, and moves people: leavers (attrition, retirement), moves from
surplus cells to shortfalls and new roles within the redeployment scope, external hires,
exits (only under ``exits: residual``). Every metric is summed per draw into its groups
(organisation, department, location, role; service for the service metrics) with one sparse
matrix and reduced to P10/P50/P90 and the mean at once, so memory never holds draws x cells
x years. See docs/design/scenarios.md for the equations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from workshift.scenarios._adoption import adoption
from workshift.scenarios._draws import Draws, resolve, service_input
from workshift.scenarios._portfolio import Portfolio
from workshift.scenarios._units import Units

__all__ = [
    "CELL_METRICS",
    "GROUP_BYS",
    "PROJECTION_COLUMNS",
    "SERVICE_METRICS",
    "Policy",
    "Simulation",
    "simulate",
]

CELL_METRICS = (
    "hours_freed",
    "fte_equivalent",
    "need_reduction_fte",
    "headcount",
    "attrition",
    "exits",
    "hires",
    "moves_in",
    "moves_out",
    "surplus_headcount",
    "new_roles_fte",
    "labour_cost_saved",
    "ai_cost",
    "new_roles_cost",
    "net_benefit",
    "payroll",
    "energy_kwh",
    "co2_kg",
)
SERVICE_METRICS = (
    "hours_freed",
    "fte_equivalent",
    "usage",
    "ai_cost",
    "energy_kwh",
    "co2_kg",
    "new_roles_fte",
)
GROUP_BYS = ("organisation", "department", "location", "role")
PROJECTION_COLUMNS = ["year", "group_by", "group", "metric", "p10", "p50", "p90", "mean"]
ORGANISATION = "organisation"


@dataclass(frozen=True)
class Policy:
    """How surplus and shortfall are handled (the scenario's text-valued assumptions)."""

    redeploy_within: str = "organisation"
    hiring_freeze_years: int = 0
    exits: str = "none"


@dataclass
class Simulation:
    """Quantiles per year, group and metric, and the per-draw totals of the first
    ``group_by``'s groups (metric -> draws x years x groups, named in ``total_groups``)
    that sensitivity and the waterfall use; service metrics are ``service.<metric>``."""

    quantiles: pd.DataFrame
    totals: dict[str, np.ndarray]
    total_groups: list[str]

    def total(self, metric: str, group: str = "organisation") -> np.ndarray:
        """Draws x years of one group's total."""
        return self.totals[metric][:, :, self.total_groups.index(group)]


def _groups(
    cells: pd.DataFrame, group_bys: Sequence[str]
) -> tuple[sparse.csr_matrix, pd.DataFrame]:
    """A cells x groups 0/1 matrix and the (group_by, group) of each column."""
    blocks, labels = [], []
    for group_by in group_bys:
        keys = (
            pd.Series(ORGANISATION, index=cells.index)
            if group_by == ORGANISATION
            else cells[group_by].astype(str)
        )
        codes, names = pd.factorize(keys, sort=True)
        blocks.append(
            sparse.csr_matrix(
                (np.ones(len(cells)), (np.arange(len(cells)), codes)),
                shape=(len(cells), len(names)),
            )
        )
        labels.append(pd.DataFrame({"group_by": group_by, "group": list(names)}))
    return sparse.hstack(blocks, format="csr"), pd.concat(labels, ignore_index=True)


def _pool_moves(
    supply: np.ndarray, demand: np.ndarray, pools: sparse.csr_matrix
) -> tuple[np.ndarray, np.ndarray]:
    """Pro-rata matching within pools: moves out of supply cells and into demand cells."""
    total_supply = np.asarray((pools.T @ supply.T).T)
    total_demand = np.asarray((pools.T @ demand.T).T)
    moved = np.minimum(total_supply, total_demand)
    with np.errstate(invalid="ignore", divide="ignore"):
        out_rate = np.where(total_supply > 0, moved / total_supply, 0.0)
        in_rate = np.where(total_demand > 0, moved / total_demand, 0.0)
    pool_of = pools.indices  # each cell is in exactly one pool
    return supply * out_rate[:, pool_of], demand * in_rate[:, pool_of]


def _pool_matrix(keys: pd.Series) -> sparse.csr_matrix:
    codes, names = pd.factorize(keys, sort=True)
    n = len(keys)
    return sparse.csr_matrix((np.ones(n), (np.arange(n), codes)), shape=(n, len(names)))


def _quantiles(values: np.ndarray) -> np.ndarray:
    """groups x draws -> groups x (p10, p50, p90, mean)."""
    q = np.quantile(values, [0.1, 0.5, 0.9], axis=1).T
    return np.column_stack([q, values.mean(axis=1)])


def simulate(
    units: Units,
    portfolio: Portfolio,
    draws: Draws,
    years: Sequence[int],
    policy: Policy,
    *,
    group_bys: Sequence[str] = GROUP_BYS,
    quantiles: bool = True,
) -> Simulation:
    """Run the projection for every draw; see the module docstring."""
    cells = units.cells
    n, years = draws.n, list(years)
    existing = units.existing
    ce = int(existing.sum())
    occ = cells["occupation"].to_numpy()[existing]
    h0 = cells["headcount"].to_numpy(dtype=float)
    cost = cells["cost_per_head"].to_numpy(dtype=float)
    services = portfolio.services

    # Per service: adoption (draws x years) and the saved share of each existing cell's time.
    rng_noise = np.random.SeedSequence([draws.seed, 7]).spawn(len(services))
    adopt, saved, covered_cells = [], [], np.zeros((ce, len(services)))
    lam = draws["e2_weight"][:, None]
    for s, service in enumerate(services):
        sid = service.id
        adopt.append(
            adoption(
                service.launch,
                draws[service_input(sid, "adoption.ceiling")],
                draws[service_input(sid, "adoption.midpoint")],
                draws[service_input(sid, "adoption.steepness")],
                years,
            )
        )
        mean = units.e1[:, s][None, :] + lam * units.e2[:, s][None, :]
        if draws.noise:
            z = np.random.default_rng(rng_noise[s]).standard_normal((n, len(units.occupations)))
            mean = mean + np.sqrt(units.variance[:, s])[None, :] * z
        exposed = np.clip(mean, 0.0, units.covered[:, s][None, :])
        factor = resolve(draws, sid, "time_saved") * draws["realisation"]
        saved.append((exposed * factor[:, None])[:, occ].astype(np.float32))
        covered_cells[:, s] = units.covered[occ, s]
    capacity = {
        "automation": draws["capacity_share_automation"],
        "augmentation": draws["capacity_share_augmentation"],
    }

    # Locations: new-role demand arises where the services free time.
    locations = cells["location"].astype(str)
    loc_codes, loc_names = pd.factorize(locations, sort=True)
    loc_existing = sparse.csr_matrix(
        (np.ones(ce), (np.arange(ce), loc_codes[existing])), shape=(ce, len(loc_names))
    )
    covered_work = covered_cells * h0[existing][:, None]  # ce x S
    loc_cover = np.asarray(loc_existing.T @ covered_work)  # L x S
    heads_by_loc = np.asarray(loc_existing.T @ h0[existing])
    fallback = heads_by_loc / max(heads_by_loc.sum(), 1e-12)
    with np.errstate(invalid="ignore", divide="ignore"):
        loc_share = np.where(
            loc_cover.sum(axis=0) > 0, loc_cover / loc_cover.sum(axis=0), fallback[:, None]
        )  # L x S
    alloc = _fixed_cost_shares(cells.loc[existing], covered_work, portfolio)
    new_index = np.flatnonzero(~existing)
    new_role_of = cells["new_role"].to_numpy()[new_index]
    new_loc = loc_codes[new_index]

    # Leaving rates per draw and cell.
    attrition = np.broadcast_to(cells["attrition"].to_numpy(dtype=float), (n, len(cells))).copy()
    retirement = np.broadcast_to(cells["retirement"].to_numpy(dtype=float), (n, len(cells))).copy()
    by_department = cells["rate_source"].str.startswith("scenario").to_numpy()
    if "attrition_rate" in draws.columns:
        attrition[:, ~by_department] = draws["attrition_rate"][:, None]
    if "retirement_rate" in draws.columns:
        retirement[:, ~by_department] = draws["retirement_rate"][:, None]
    leave_rate = np.clip((attrition + retirement) * draws["attrition_scale"][:, None], 0.0, 1.0)

    scope = policy.redeploy_within
    pools_existing = _pool_matrix(
        cells.loc[existing, scope].astype(str)
        if scope != ORGANISATION
        else pd.Series(ORGANISATION, index=cells.index[existing])
    )
    new_scope = "location" if scope == "location" else ORGANISATION
    pools_all = _pool_matrix(
        locations if new_scope == "location" else pd.Series(ORGANISATION, index=cells.index)
    )

    groups, labels = _groups(cells, group_bys)
    hours = draws["hours_per_fte"]
    growth = 1.0 + draws["demand_growth"]
    redeploy = draws["redeployment_rate"][:, None]
    headcount = np.broadcast_to(h0, (n, len(cells))).copy()
    first = labels["group_by"] == labels["group_by"].iloc[0]
    first_groups = labels.loc[first, "group"].astype(str).tolist()
    frames = []
    totals = {m: np.zeros((n, len(years), len(first_groups))) for m in CELL_METRICS}
    service_totals = {m: np.zeros((n, len(years), len(services))) for m in SERVICE_METRICS}
    for t, year in enumerate(years):
        work = h0[existing][None, :] * (growth**t)[:, None]  # workload in FTE, draws x ce
        freed = np.zeros((n, ce))
        reduction = np.zeros((n, ce))
        new_need = np.zeros((n, len(new_index)))
        unit_cost = np.zeros((n, len(services)))
        unit_energy = np.zeros((n, len(services)))
        unit_co2 = np.zeros((n, len(services)))
        fixed = np.zeros((n, len(services)))
        usage_hours = (work @ covered_cells) * hours[:, None]  # draws x S, covered hours
        for s, service in enumerate(services):
            sid = service.id
            a = adopt[s][:, t]
            share = saved[s] * a[:, None]
            fte_s = work * share
            freed += fte_s
            reduction += fte_s * capacity[service.mode][:, None]
            live = float(np.clip(year + 1 - service.launch, 0.0, 1.0))
            per_hour = resolve(draws, sid, "per_hour") * a
            energy = per_hour * resolve(draws, sid, "energy_wh") / 1000 * resolve(draws, sid, "pue")
            unit_cost[:, s] = per_hour * resolve(draws, sid, "price")
            unit_energy[:, s] = energy
            unit_co2[:, s] = (
                energy
                * resolve(draws, sid, "grid_gco2_per_kwh")
                / 1000
                * (1 - resolve(draws, sid, "renewable_share"))
            )
            fixed[:, s] = resolve(draws, sid, "fixed_per_year") * live
            fte_by_loc = np.asarray((loc_existing.T @ fte_s.T).T)  # draws x L
            demand_s = np.zeros(n)
            for role, demand in service.new_roles.items():
                mask = new_role_of == role
                need = np.zeros((n, len(loc_names)))
                if "fte" in demand:
                    fte = draws[service_input(sid, f"new_roles.{role}.fte")] * live
                    need += fte[:, None] * loc_share[:, s][None, :]
                if "per_100_fte_freed" in demand:
                    ratio = draws[service_input(sid, f"new_roles.{role}.per_100_fte_freed")] / 100
                    need += ratio[:, None] * fte_by_loc
                new_need[:, mask] += need[:, new_loc[mask]]
                demand_s += need.sum(axis=1)
            service_totals["hours_freed"][:, t, s] = fte_s.sum(axis=1) * hours
            service_totals["fte_equivalent"][:, t, s] = fte_s.sum(axis=1)
            service_totals["usage"][:, t, s] = (
                usage_hours[:, s] * a * resolve(draws, sid, "per_hour")
            )
            service_totals["ai_cost"][:, t, s] = usage_hours[:, s] * unit_cost[:, s] + fixed[:, s]
            service_totals["energy_kwh"][:, t, s] = usage_hours[:, s] * energy
            service_totals["co2_kg"][:, t, s] = usage_hours[:, s] * unit_co2[:, s]
            service_totals["new_roles_fte"][:, t, s] = demand_s

        need = np.empty((n, len(cells)))
        need[:, existing] = work - reduction
        need[:, ~existing] = new_need
        leavers = headcount * leave_rate
        after = headcount - leavers
        gap = need - after
        short = np.maximum(gap, 0.0)
        supply = np.maximum(-gap, 0.0) * redeploy
        short_existing = short.copy()
        short_existing[:, ~existing] = 0.0
        out1, in1 = np.zeros_like(short), np.zeros_like(short)
        out1[:, existing], in1[:, existing] = _pool_moves(
            supply[:, existing], short_existing[:, existing], pools_existing
        )
        short_new = short - short_existing
        out2, in2 = _pool_moves(supply - out1, short_new, pools_all)
        moves_out, moves_in = out1 + out2, in1 + in2
        hires = short - moves_in
        if t < policy.hiring_freeze_years:
            # Roles whose need the services lower do not hire from outside.
            frozen = np.zeros_like(hires, dtype=bool)
            frozen[:, existing] = reduction > 0
            hires[frozen] = 0.0
        exits = (
            np.maximum(-gap, 0.0) - moves_out if policy.exits == "residual" else np.zeros_like(gap)
        )
        headcount = after - moves_out - exits + moves_in + hires

        cell_values: dict[str, np.ndarray] = {}

        def on_existing(values: np.ndarray) -> np.ndarray:
            return _widen(values, existing)

        cell_values["hours_freed"] = on_existing(freed * hours[:, None])
        cell_values["fte_equivalent"] = on_existing(freed)
        cell_values["need_reduction_fte"] = on_existing(reduction)
        cell_values["headcount"] = headcount
        cell_values["attrition"] = leavers
        cell_values["exits"] = exits
        cell_values["hires"] = hires
        cell_values["moves_in"] = moves_in
        cell_values["moves_out"] = moves_out
        cell_values["surplus_headcount"] = np.maximum(headcount - need, 0.0)
        new_heads = headcount.copy()
        new_heads[:, existing] = 0.0
        cell_values["new_roles_fte"] = new_heads
        cell_values["labour_cost_saved"] = on_existing(reduction * cost[existing][None, :])
        work_hours = work * hours[:, None]
        cell_values["ai_cost"] = on_existing(
            work_hours * (unit_cost @ covered_cells.T) + fixed @ alloc.T
        )
        cell_values["new_roles_cost"] = new_heads * cost[None, :]
        cell_values["net_benefit"] = (
            cell_values["labour_cost_saved"]
            - cell_values["ai_cost"]
            - cell_values["new_roles_cost"]
        )
        cell_values["payroll"] = headcount * cost[None, :]
        cell_values["energy_kwh"] = on_existing(work_hours * (unit_energy @ covered_cells.T))
        cell_values["co2_kg"] = on_existing(work_hours * (unit_co2 @ covered_cells.T))

        for metric in CELL_METRICS:
            grouped = np.asarray(groups.T @ cell_values[metric].T)  # groups x draws
            totals[metric][:, t, :] = grouped[: len(first_groups)].T
            if quantiles:
                frames.append(_frame(year, labels, metric, grouped))
        if quantiles:
            service_labels = pd.DataFrame(
                {"group_by": "service", "group": [s.id for s in services]}
            )
            for metric in SERVICE_METRICS:
                frames.append(
                    _frame(year, service_labels, metric, service_totals[metric][:, t, :].T)
                )
    quantile_frame = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=PROJECTION_COLUMNS)
    )
    services_total = {f"service.{m}": v.sum(axis=2)[:, :, None] for m, v in service_totals.items()}
    if len(first_groups) == 1:
        totals.update(services_total)
    return Simulation(quantile_frame, totals, first_groups)


def _fixed_cost_shares(
    cells: pd.DataFrame, covered_work: np.ndarray, portfolio: Portfolio
) -> np.ndarray:
    """Cells x services shares of each service's fixed cost: by covered work, or, for a
    service that covers no task of the workforce, by headcount of its business area (of
    everyone when no department has that name), so no cost is lost."""
    heads = cells["headcount"].to_numpy(dtype=float)
    shares = np.zeros_like(covered_work)
    for s, service in enumerate(portfolio.services):
        weights = covered_work[:, s]
        if weights.sum() <= 0:
            area = (cells["department"] == service.business_area).to_numpy()
            weights = heads * area if area.any() else heads
        total = weights.sum()
        shares[:, s] = weights / total if total > 0 else 0.0
    return shares


def _widen(values: np.ndarray, existing: np.ndarray) -> np.ndarray:
    """Draws x existing cells -> draws x all cells (zero for new roles)."""
    out = np.zeros((values.shape[0], len(existing)))
    out[:, existing] = values
    return out


def _frame(year: int, labels: pd.DataFrame, metric: str, grouped: np.ndarray) -> pd.DataFrame:
    stats = _quantiles(grouped)
    frame = labels.assign(year=year, metric=metric)
    frame[["p10", "p50", "p90", "mean"]] = stats
    return frame[PROJECTION_COLUMNS]
