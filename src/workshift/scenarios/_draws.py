"""The uncertain inputs of a projection and their Monte Carlo draws.

:func:`input_ranges` lists every scalar input by name (``realisation``,
``cs-assistant.adoption.ceiling`` ...), as the assumptions and portfolio give it after the
preset's levers (ceiling scale, midpoint shift, steepness scale) are applied. A service
field the portfolio leaves empty uses the scenario-wide input of the same meaning
(``time_saved``, ``pue``, ``grid_gco2_per_kwh``, ``renewable_share``), so the two move
together. :func:`sample_draws` draws them all, seeded; :func:`design_draws` builds the rows
of a one-at-a-time sensitivity run (everything at its mode, one input at its low or high).

Examples
--------
>>> from workshift.scenarios._assumptions import load_assumptions
>>> ranges = input_ranges(load_assumptions(), None)
>>> ranges["realisation"]
Uncertain(low=0.35, mode=0.5, high=0.7)
>>> draws = sample_draws(ranges, 4, seed=1)
>>> draws.n, draws["hours_per_fte"].tolist()
(4, [1720.0, 1720.0, 1720.0, 1720.0])
>>> bool((sample_draws(ranges, 4, seed=1)["realisation"] == draws["realisation"]).all())
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workshift.scenarios._assumptions import Assumptions
from workshift.scenarios._portfolio import Portfolio
from workshift.scenarios._uncertain import Uncertain

__all__ = [
    "GLOBAL_INPUTS",
    "Draws",
    "design_draws",
    "input_ranges",
    "sample_draws",
    "service_input",
]

GLOBAL_INPUTS = (
    "hours_per_fte",
    "realisation",
    "e2_weight",
    "time_saved",
    "capacity_share_automation",
    "capacity_share_augmentation",
    "attrition_scale",
    "redeployment_rate",
    "demand_growth",
    "pue",
    "grid_gco2_per_kwh",
    "renewable_share",
)
_OPTIONAL = ("attrition_rate", "retirement_rate")


def service_input(service_id: str, name: str) -> str:
    """The draw column of a service's input, e.g. ``chat.adoption.ceiling``."""
    return f"{service_id}.{name}"


@dataclass
class Draws:
    """``n`` rows of inputs (one array per name); ``seed`` also seeds the label noise,
    which ``noise=False`` switches off (sensitivity runs)."""

    n: int
    columns: dict[str, np.ndarray]
    seed: int
    noise: bool = True

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name]


def input_ranges(assumptions: Assumptions, portfolio: Portfolio | None) -> dict[str, Uncertain]:
    """Every scalar input of the projection, in a fixed order."""
    ranges = {name: assumptions.uncertain(name) for name in GLOBAL_INPUTS}
    for name in _OPTIONAL:
        if name in assumptions.values:
            ranges[name] = assumptions.uncertain(name)
    scale = assumptions.uncertain("adoption_ceiling_scale").mode
    shift = assumptions.uncertain("adoption_midpoint_shift").mode
    steep = assumptions.uncertain("adoption_steepness_scale").mode
    for service in portfolio.services if portfolio else ():
        mid = service.adoption.midpoint.shifted(shift)
        own = {
            "adoption.ceiling": service.adoption.ceiling.scaled(scale, upper=1.0),
            "adoption.midpoint": Uncertain(
                max(mid.low, 0.0), max(mid.mode, 0.0), max(mid.high, 0.0)
            ),
            "adoption.steepness": service.adoption.steepness.scaled(steep),
            "per_hour": service.cost.per_hour,
            "per_year": service.cost.per_year,
            "price": service.cost.price,
            "energy_wh": service.cost.energy_wh,
            "fixed_per_year": service.cost.fixed_per_year,
        }
        for name, value in (
            ("time_saved", service.time_saved),
            ("pue", service.cost.pue),
            ("grid_gco2_per_kwh", service.cost.grid_gco2_per_kwh),
            ("renewable_share", service.cost.renewable_share),
        ):
            if value is not None:
                own[name] = value
        for role, demand in service.new_roles.items():
            for kind, value in demand.items():
                own[f"new_roles.{role}.{kind}"] = value
        ranges.update({service_input(service.id, name): value for name, value in own.items()})
    return ranges


def resolve(draws: Draws, service_id: str, name: str) -> np.ndarray:
    """The service's own column, or the scenario-wide one it falls back to."""
    own = service_input(service_id, name)
    return draws.columns[own] if own in draws.columns else draws.columns[name]


def sample_draws(ranges: dict[str, Uncertain], n: int, seed: int) -> Draws:
    """``n`` Monte Carlo draws of every input, reproducible from ``seed``.

    Each input has its own random stream (spawned from the seed in the fixed order of
    ``ranges``), so adding a service does not change the draws of the others' inputs...
    as long as it is added at the end.
    """
    if n < 1:
        raise ValueError(f"draws must be at least 1, got {n}")
    streams = np.random.SeedSequence(seed).spawn(len(ranges))
    columns = {
        name: value.sample(np.random.default_rng(stream), n)
        for (name, value), stream in zip(ranges.items(), streams, strict=True)
    }
    return Draws(n, columns, seed)


def design_draws(ranges: dict[str, Uncertain], seed: int = 0) -> tuple[Draws, list[str]]:
    """Rows for one-at-a-time sensitivity: row 0 all modes; then per uncertain input
    (returned in order) a row at its low and a row at its high."""
    varied = [name for name, value in ranges.items() if not value.is_fixed]
    n = 1 + 2 * len(varied)
    columns = {name: np.full(n, value.mode) for name, value in ranges.items()}
    for i, name in enumerate(varied):
        columns[name][1 + 2 * i] = ranges[name].low
        columns[name][2 + 2 * i] = ranges[name].high
    return Draws(n, columns, seed, noise=False), varied
