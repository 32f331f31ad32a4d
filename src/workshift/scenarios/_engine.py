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

import numexpr as ne
import numpy as np
import pandas as pd
from scipy import sparse

from workshift._config import effective_n_jobs
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


def _indicator(codes: np.ndarray, width: int) -> sparse.csr_matrix:
    """A rows x ``width`` 0/1 matrix with a one at (row, code)."""
    n = len(codes)
    return sparse.csr_matrix((np.ones(n), (np.arange(n), codes)), shape=(n, width))


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
        blocks.append(_indicator(codes, len(names)))
        labels.append(pd.DataFrame({"group_by": group_by, "group": list(names)}))
    return sparse.hstack(blocks, format="csr"), pd.concat(labels, ignore_index=True)


def _pool_moves(
    supply: np.ndarray,
    demand: np.ndarray,
    pools: sparse.csr_matrix,
    pools_t: sparse.csr_matrix,
    moves_out: np.ndarray,
    moves_in: np.ndarray,
) -> None:
    """Pro-rata matching within pools (cells x draws): writes the moves out of supply cells
    and into demand cells; ``pools`` is cells x pools, each cell in exactly one pool."""
    total_supply = pools_t @ supply
    total_demand = pools_t @ demand
    moved = np.minimum(total_supply, total_demand)
    with np.errstate(invalid="ignore", divide="ignore"):
        out_rate = np.where(total_supply > 0, moved / total_supply, 0.0)
        in_rate = np.where(total_demand > 0, moved / total_demand, 0.0)
    if out_rate.shape[0] > 1:
        out_rate = out_rate[pools.indices]
        in_rate = in_rate[pools.indices]
    _eval("s * r", moves_out, s=supply, r=out_rate)
    _eval("d * r", moves_in, d=demand, r=in_rate)


class _Buffers:
    """The cells x draws arrays of one year, allocated once and reused every year."""

    def __init__(self, cells: int, today: int, draws: int) -> None:
        def full() -> np.ndarray:
            return np.zeros((cells, draws))

        def part() -> np.ndarray:
            return np.zeros((today, draws))

        self.automation, self.augmentation, self.freed, self.reduction = (
            part(), part(), part(), part()
        )  # fmt: skip
        self.affected, self.previous = part(), part()
        self.need, self.leavers, self.gap, self.short, self.surplus = (
            full(), full(), full(), full(), full()
        )  # fmt: skip
        self.supply, self.rest, self.short_new, self.out2, self.in2 = (
            full(), full(), full(), full(), full()
        )  # fmt: skip
        self.moves_out, self.moves_in, self.hires, self.exits, self.headcount = (
            full(), full(), full(), full(), full()
        )  # fmt: skip


def _eval(expression: str, out: np.ndarray, **names: np.ndarray) -> None:
    """Evaluate an element-wise ``expression`` over ``names`` into ``out`` with numexpr
    (``n_jobs`` threads, in blocks, no temporaries the size of the arrays).

    numexpr's thread count is global to the process; element-wise results do not depend on
    it, so two calls with different ``n_jobs`` at once differ in speed only.
    """
    jobs = min(effective_n_jobs(), ne.MAX_THREADS)
    if ne.get_num_threads() != jobs:
        ne.set_num_threads(jobs)
    ne.evaluate(expression, local_dict=names, out=out)


def _weighted_sum(terms: list[tuple[np.ndarray, np.ndarray]], out: np.ndarray) -> None:
    """``out = sum(array * weight)`` in one pass per dozen terms (no temporaries)."""
    out[:] = 0.0
    for start in range(0, len(terms), 12):
        chunk = terms[start : start + 12]
        names = {"acc": out}
        for i, (array, weight) in enumerate(chunk):
            names[f"a{i}"] = array
            names[f"w{i}"] = weight
        expression = "acc + " + " + ".join(f"a{i} * w{i}" for i in range(len(chunk)))
        _eval(expression, out, **names)


def _pools(keys: pd.Series) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    codes, names = pd.factorize(keys, sort=True)
    matrix = _indicator(codes, len(names))
    return matrix, matrix.T.tocsr()


def _quantiles(values: np.ndarray) -> np.ndarray:
    """groups x draws -> groups x (p10, p50, p90, mean).

    Rows that are the same in every draw (a role without exits, a department without new
    roles) are not partitioned; the rest is split over ``n_jobs`` threads (numpy's
    partition releases the GIL). Each row's quantiles are its own, so the split does not
    change them.
    """
    from concurrent.futures import ThreadPoolExecutor

    def part(block: np.ndarray) -> np.ndarray:
        q = np.quantile(block, [0.1, 0.5, 0.9], axis=1).T
        return np.column_stack([q, block.mean(axis=1)])

    low, high = values.min(axis=1), values.max(axis=1)
    out = np.repeat(low[:, None], 4, axis=1)
    varied = np.flatnonzero(low != high)
    if len(varied) < 64:
        out[varied] = part(values[varied])
        return out
    jobs = min(effective_n_jobs(), len(varied) // 32)
    if jobs == 1:
        out[varied] = part(values[varied])
        return out
    with ThreadPoolExecutor(jobs) as pool:
        parts = pool.map(part, (values[rows] for rows in np.array_split(varied, jobs)))
        out[varied] = np.vstack(list(parts))
    return out


def _by_draw(values: np.ndarray) -> np.ndarray:
    """A per-draw vector as a row that broadcasts over cells x draws."""
    return values[None, :]


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
    """Run the projection for every draw; see the module docstring.

    Arrays are cells x draws (so grouping is one sparse product without copies); the
    cells of today's workforce come first (``ce`` of them), new-role cells after.
    """
    cells = units.cells
    n, years = draws.n, list(years)
    existing = units.existing
    ce = int(existing.sum())
    if not existing[:ce].all():
        raise ValueError("cells of today's workforce must come before the new-role cells")
    nc = len(cells)
    occ = cells["occupation"].to_numpy()[:ce]
    h0 = cells["headcount"].to_numpy(dtype=float)
    cost = cells["cost_per_head"].to_numpy(dtype=float)
    services = portfolio.services
    n_services = len(services)

    locations = cells["location"].astype(str)
    loc_codes, loc_names = pd.factorize(locations, sort=True)
    loc_t = _indicator(loc_codes[:ce], len(loc_names)).T.tocsr()  # L x ce

    # Per service: adoption (draws x years) and the FTE its full adoption frees per cell
    # (today's headcount x exposed share x time saved x realisation), cells x draws.
    rng_noise = np.random.SeedSequence([draws.seed, 7]).spawn(n_services)
    adopt, freeable, freeable_total, freeable_loc = [], [], [], []
    covered_cells = units.covered[occ] if ce else np.zeros((0, n_services))
    lam = draws["e2_weight"]
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
        mean = units.e1[:, s][:, None] + units.e2[:, s][:, None] * lam[None, :]  # O x draws
        if draws.noise:
            z = np.random.default_rng(rng_noise[s]).standard_normal((len(units.occupations), n))
            mean += np.sqrt(units.variance[:, s])[:, None] * z
        exposed = np.clip(mean, 0.0, units.covered[:, s][:, None])
        factor = resolve(draws, sid, "time_saved") * draws["realisation"]
        cell_fte = exposed[occ] * factor[None, :] * h0[:ce, None]
        freeable.append(cell_fte.astype(np.float32))
        freeable_total.append(cell_fte.sum(axis=0))
        freeable_loc.append(loc_t @ cell_fte)  # L x draws
        del cell_fte, exposed, mean
    capacity = {
        "automation": draws["capacity_share_automation"],
        "augmentation": draws["capacity_share_augmentation"],
    }

    # New-role demand arises where the services free time (fixed FTE: where they cover work).
    covered_work = covered_cells * h0[:ce, None]  # ce x S
    loc_cover = np.asarray(loc_t @ covered_work)  # L x S
    heads_by_loc = np.asarray(loc_t @ h0[:ce])
    fallback = heads_by_loc / max(heads_by_loc.sum(), 1e-12)
    with np.errstate(invalid="ignore", divide="ignore"):
        loc_share = np.where(
            loc_cover.sum(axis=0) > 0, loc_cover / loc_cover.sum(axis=0), fallback[:, None]
        )  # L x S
    alloc = _fixed_cost_shares(cells.iloc[:ce], covered_work, portfolio)
    new_role_of = cells["new_role"].to_numpy()[ce:]
    new_loc = loc_codes[ce:]

    # Leaving rates per cell and draw.
    attrition = np.repeat(cells["attrition"].to_numpy(dtype=float)[:, None], n, axis=1)
    retirement = np.repeat(cells["retirement"].to_numpy(dtype=float)[:, None], n, axis=1)
    for rates, name in ((attrition, "attrition"), (retirement, "retirement")):
        if f"{name}_rate" in draws.columns:
            chosen = ~cells.get(f"{name}_set", pd.Series(False, index=cells.index)).to_numpy(bool)
            rates[chosen] = _by_draw(draws[f"{name}_rate"])
    leave_rate = np.clip((attrition + retirement) * _by_draw(draws["attrition_scale"]), 0.0, 1.0)
    del attrition, retirement

    scope = policy.redeploy_within
    pools_existing = _pools(
        cells.iloc[:ce][scope].astype(str)
        if scope != ORGANISATION
        else pd.Series(ORGANISATION, index=cells.index[:ce])
    )
    pools_all = _pools(
        locations if scope == "location" else pd.Series(ORGANISATION, index=cells.index)
    )

    groups, labels = _groups(cells, group_bys)
    g_all = groups.T.tocsr()
    g_today = groups[:ce].T.tocsr()
    g_new = groups[ce:].T.tocsr()
    today_work = np.asarray(g_today @ covered_work)  # groups x S
    today_alloc = np.asarray(g_today @ alloc)  # groups x S
    first = labels["group_by"] == labels["group_by"].iloc[0]
    first_groups = labels.loc[first, "group"].astype(str).tolist()
    n_first = len(first_groups)
    hours = draws["hours_per_fte"]
    growth = 1.0 + draws["demand_growth"]
    redeploy = _by_draw(draws["redeployment_rate"])
    headcount = np.repeat(h0[:, None], n, axis=1)
    frames: list[pd.DataFrame] = []
    totals = {m: np.zeros((n, len(years), n_first)) for m in CELL_METRICS}
    service_totals = {m: np.zeros((n, len(years), n_services)) for m in SERVICE_METRICS}
    service_labels = pd.DataFrame({"group_by": "service", "group": [s.id for s in services]})
    work_total = covered_work.sum(axis=0)  # S: covered FTE of today's headcount
    buffers = _Buffers(nc, ce, n)
    for t, year in enumerate(years):
        scale = growth**t  # workload relative to today, per draw
        weights: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {m: [] for m in capacity}
        new_need = np.zeros((nc - ce, n))
        unit_cost = np.zeros((n_services, n))
        unit_energy = np.zeros((n_services, n))
        unit_co2 = np.zeros((n_services, n))
        fixed = np.zeros((n_services, n))
        fixed_energy = np.zeros((n_services, n))
        fixed_co2 = np.zeros((n_services, n))
        for s, service in enumerate(services):
            sid = service.id
            a = adopt[s][:, t]
            coef = a * scale
            weights[service.mode].append((freeable[s], _by_draw(coef)))
            live = float(np.clip(year + 1 - service.launch, 0.0, 1.0))
            per_hour = resolve(draws, sid, "per_hour")
            energy = per_hour * resolve(draws, sid, "energy_wh") / 1000 * resolve(draws, sid, "pue")
            co2 = (
                energy
                * resolve(draws, sid, "grid_gco2_per_kwh")
                / 1000
                * (1 - resolve(draws, sid, "renewable_share"))
            )
            covered_hours = work_total[s] * scale * hours * a  # hours worked with the service
            price = resolve(draws, sid, "price")
            unit_cost[s] = a * per_hour * price * scale * hours
            unit_energy[s] = a * energy * scale * hours
            unit_co2[s] = a * co2 * scale * hours
            # Use not tied to the workforce's hours (customers') grows with adoption too.
            own_use = resolve(draws, sid, "per_year") * a * scale
            fixed[s] = resolve(draws, sid, "fixed_per_year") * live + own_use * price
            fixed_energy[s] = (
                own_use * resolve(draws, sid, "energy_wh") / 1000 * resolve(draws, sid, "pue")
            )
            fixed_co2[s] = (
                fixed_energy[s]
                * resolve(draws, sid, "grid_gco2_per_kwh")
                / 1000
                * (1 - resolve(draws, sid, "renewable_share"))
            )
            fte_s = freeable_total[s] * coef
            fte_loc = freeable_loc[s] * _by_draw(coef)  # L x draws
            demand_s = np.zeros(n)
            for role, demand in service.new_roles.items():
                rows = np.flatnonzero(new_role_of == role)
                need_loc = np.zeros((len(loc_names), n))
                if "fte" in demand:
                    fte = draws[service_input(sid, f"new_roles.{role}.fte")] * live
                    need_loc += loc_share[:, s][:, None] * _by_draw(fte)
                if "per_100_fte_freed" in demand:
                    ratio = draws[service_input(sid, f"new_roles.{role}.per_100_fte_freed")] / 100
                    need_loc += fte_loc * _by_draw(ratio)
                new_need[rows] += need_loc[new_loc[rows]]
                demand_s += need_loc.sum(axis=0)
            service_totals["hours_freed"][:, t, s] = fte_s * hours
            service_totals["fte_equivalent"][:, t, s] = fte_s
            service_totals["usage"][:, t, s] = covered_hours * per_hour + own_use
            service_totals["ai_cost"][:, t, s] = work_total[s] * unit_cost[s] + fixed[s]
            service_totals["energy_kwh"][:, t, s] = work_total[s] * unit_energy[s] + fixed_energy[s]
            service_totals["co2_kg"][:, t, s] = work_total[s] * unit_co2[s] + fixed_co2[s]
            service_totals["new_roles_fte"][:, t, s] = demand_s

        b = buffers
        _weighted_sum(weights["automation"], b.automation)
        _weighted_sum(weights["augmentation"], b.augmentation)
        _eval("a + g", b.freed, a=b.automation, g=b.augmentation)
        _eval(
            "a * ca + g * cg", b.reduction, a=b.automation, g=b.augmentation,
            ca=_by_draw(capacity["automation"]), cg=_by_draw(capacity["augmentation"]),
        )  # fmt: skip
        # People whose work the services took over this year (growth of the need reduction).
        _eval("where(r > p, r - p, 0)", b.affected, r=b.reduction, p=b.previous)
        b.previous[:] = b.reduction
        _eval("h * s - r", b.need[:ce], h=h0[:ce, None], s=_by_draw(scale), r=b.reduction)
        b.need[ce:] = new_need
        _eval("h * r", b.leavers, h=headcount, r=leave_rate)
        _eval("n - h + l", b.gap, n=b.need, h=headcount, l=b.leavers)
        _eval("where(g > 0, g, 0)", b.short, g=b.gap)
        _eval("where(g < 0, -g, 0)", b.surplus, g=b.gap)
        _eval("s * r", b.supply, s=b.surplus, r=redeploy)
        b.moves_out[ce:] = 0.0
        b.moves_in[ce:] = 0.0
        _pool_moves(b.supply[:ce], b.short[:ce], *pools_existing, b.moves_out[:ce], b.moves_in[:ce])
        # New roles are filled from inside first: from the surplus left, and from the people
        # whose work the services took over this year even where attrition leaves no surplus
        # (their old role then hires instead), within location or organisation.
        _eval(
            "where(a > s, a, s) * r - m", b.rest[:ce], a=b.affected, s=b.surplus[:ce],
            r=redeploy, m=b.moves_out[:ce],
        )  # fmt: skip
        _eval("s * r", b.rest[ce:], s=b.surplus[ce:], r=redeploy)
        b.short_new[:ce] = 0.0
        b.short_new[ce:] = b.short[ce:]
        _pool_moves(b.rest, b.short_new, *pools_all, b.out2, b.in2)
        b.moves_out += b.out2
        b.moves_in += b.in2
        # Hires fill what is still missing after leavers and moves.
        _eval(
            "where(g + mo - mi > 0, g + mo - mi, 0)", b.hires, g=b.gap, mo=b.moves_out,
            mi=b.moves_in,
        )  # fmt: skip
        if t < policy.hiring_freeze_years:
            # Roles whose need the services lower do not hire from outside.
            _eval("where(r > 0, 0, h)", b.hires[:ce], r=b.reduction, h=b.hires[:ce])
        if policy.exits == "residual":
            _eval("where(s > m, s - m, 0)", b.exits, s=b.surplus, m=b.moves_out)
        else:
            b.exits[:] = 0.0
        _eval(
            "h - l - mo + mi + hi - e", b.headcount, h=headcount, l=b.leavers,
            mo=b.moves_out, mi=b.moves_in, hi=b.hires, e=b.exits,
        )  # fmt: skip
        headcount, b.headcount = b.headcount, headcount
        _eval("where(h > n, h - n, 0)", b.surplus, h=headcount, n=b.need)

        grouped: dict[str, np.ndarray] = {}
        grouped["fte_equivalent"] = g_today @ b.freed
        grouped["hours_freed"] = grouped["fte_equivalent"] * _by_draw(hours)
        grouped["need_reduction_fte"] = g_today @ b.reduction
        grouped["surplus_headcount"] = g_all @ b.surplus
        _eval("r * c", b.automation, r=b.reduction, c=cost[:ce, None])
        grouped["labour_cost_saved"] = g_today @ b.automation
        grouped["ai_cost"] = today_work @ unit_cost + today_alloc @ fixed
        grouped["energy_kwh"] = today_work @ unit_energy + today_alloc @ fixed_energy
        grouped["co2_kg"] = today_work @ unit_co2 + today_alloc @ fixed_co2
        grouped["headcount"] = g_all @ headcount
        grouped["attrition"] = g_all @ b.leavers
        grouped["exits"] = g_all @ b.exits
        grouped["hires"] = g_all @ b.hires
        grouped["moves_in"] = g_all @ b.moves_in
        grouped["moves_out"] = g_all @ b.moves_out
        _eval("h * c", b.gap, h=headcount, c=cost[:, None])
        grouped["payroll"] = g_all @ b.gap
        grouped["new_roles_fte"] = g_new @ headcount[ce:]
        grouped["new_roles_cost"] = g_new @ b.gap[ce:]
        grouped["net_benefit"] = (
            grouped["labour_cost_saved"] - grouped["ai_cost"] - grouped["new_roles_cost"]
        )
        for metric in CELL_METRICS:
            values = np.asarray(grouped[metric])
            totals[metric][:, t, :] = values[:n_first].T
            if quantiles:
                frames.append(_frame(year, labels, metric, values))
        if quantiles:
            for metric in SERVICE_METRICS:
                frames.append(
                    _frame(year, service_labels, metric, service_totals[metric][:, t, :].T.copy())
                )
    quantile_frame = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=PROJECTION_COLUMNS)
    )
    services_total = {f"service.{m}": v.sum(axis=2)[:, :, None] for m, v in service_totals.items()}
    if n_first == 1:
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


def _frame(year: int, labels: pd.DataFrame, metric: str, grouped: np.ndarray) -> pd.DataFrame:
    """One metric-year of quantile rows (labels: group_by, group per row of ``grouped``)."""
    stats = _quantiles(grouped)
    return pd.DataFrame(
        {
            "year": np.full(len(labels), year),
            "group_by": labels["group_by"].to_numpy(),
            "group": labels["group"].to_numpy(),
            "metric": np.full(len(labels), metric, dtype=object),
            "p10": stats[:, 0],
            "p50": stats[:, 1],
            "p90": stats[:, 2],
            "mean": stats[:, 3],
        }
    )
