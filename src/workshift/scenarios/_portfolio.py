"""The AI service portfolio: which services, covering which tasks, adopted how fast, at what cost.

:func:`read_portfolio` reads the YAML (or JSON/TOML) file, validates it against
``schemas/portfolio.schema.json`` and the checks a schema cannot express (ranges ordered
and inside their bounds, unique ids, known new-role ids), and returns a
:class:`Portfolio`. Every error names the file, line and field.

Examples
--------
>>> text = '''
... currency: EUR
... services:
...   - id: chat
...     name: Support chat
...     mode: augmentation
...     launch: 2026-07-01
...     covers: {descriptions: [Answer customer questions by chat]}
...     adoption: {ceiling: [0.5, 0.9], midpoint: 2, steepness: 1.5}
...     running_cost:
...       requests_per_hour: 12
...       price_per_request: 0.004
...       energy_wh_per_request: [0.3, 3]
...     new_roles: {ai_operations: {per_100_fte_freed: 2}}
... '''
>>> portfolio = parse_portfolio(text, "portfolio.yaml")
>>> service = portfolio.services[0]
>>> round(service.launch, 2), service.adoption.ceiling.mode, service.cost.unit
(2026.5, 0.7, 'request')
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import yaml

from workshift.scenarios._documents import (
    Document,
    DocumentInput,
    load_document,
    parse_document,
    validate,
)
from workshift.scenarios._uncertain import Uncertain

__all__ = [
    "Adoption",
    "Coverage",
    "NewRole",
    "Portfolio",
    "RunningCost",
    "Service",
    "new_role_catalogue",
    "parse_portfolio",
    "read_portfolio",
]

Mode = Literal["automation", "augmentation"]


@dataclass(frozen=True)
class NewRole:
    """A role the AI services create (``data/new_roles.yaml``)."""

    id: str
    name: dict[str, str]
    description: str
    soc_code: str


@cache
def new_role_catalogue() -> dict[str, NewRole]:
    """The shipped catalogue of new roles by id."""
    text = (files("workshift.scenarios") / "data" / "new_roles.yaml").read_text(encoding="utf-8")
    return {
        row["id"]: NewRole(row["id"], row["name"], row["description"], row["soc_code"])
        for row in yaml.safe_load(text)["roles"]
    }


@dataclass(frozen=True)
class Coverage:
    """What a service covers: O*NET task ids, DWA/IWA ids, free-text descriptions."""

    tasks: tuple[int, ...] = ()
    activities: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    min_similarity: float | None = None
    occupations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Adoption:
    """Logistic adoption from launch: ceiling, midpoint (years after launch), steepness."""

    ceiling: Uncertain
    midpoint: Uncertain
    steepness: Uncertain


@dataclass(frozen=True)
class RunningCost:
    """Usage per covered hour of work done with the service (and per year, for use that
    does not come from the workforce's hours, such as customers'), and what a unit costs.

    ``unit`` is ``"request"`` or ``"token"``; prices and energy are per unit (the file's
    per-million-token prices and per-1k-token energy are converted on reading).
    ``None`` for PUE, grid intensity or renewable share means the scenario's default.
    """

    unit: Literal["request", "token"]
    per_hour: Uncertain
    per_year: Uncertain
    price: Uncertain
    energy_wh: Uncertain
    fixed_per_year: Uncertain
    pue: Uncertain | None
    grid_gco2_per_kwh: Uncertain | None
    renewable_share: Uncertain | None


@dataclass(frozen=True)
class Service:
    """One AI service of the portfolio (see ``schemas/portfolio.schema.json``)."""

    id: str
    name: str
    business_area: str
    mode: Mode
    launch: float
    covers: Coverage
    adoption: Adoption
    time_saved: Uncertain | None
    cost: RunningCost
    new_roles: dict[str, dict[str, Uncertain]] = field(default_factory=dict)


@dataclass(frozen=True)
class Portfolio:
    """The services, their currency and the file they came from."""

    services: tuple[Service, ...]
    currency: str = "EUR"
    file: str = ""

    def service(self, service_id: str) -> Service:
        """The service with ``service_id``."""
        for service in self.services:
            if service.id == service_id:
                return service
        raise KeyError(service_id)


def _decimal_year(value: Any) -> float:
    """2026 -> 2026.0, '2026-07-01' -> 2026.5 (day of year over days in the year)."""
    if isinstance(value, int):
        return float(value)
    text = str(value)
    if len(text) == 4:
        return float(text)
    parts = [int(p) for p in text.split("-")] + [1]
    day = dt.date(parts[0], parts[1], parts[2])
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


_SHARES = ("adoption.ceiling", "time_saved", "running_cost.renewable_share")
_POSITIVE = (
    "adoption.midpoint",
    "adoption.steepness",
    "running_cost.requests_per_hour",
    "running_cost.tokens_per_hour",
    "running_cost.requests_per_year",
    "running_cost.tokens_per_year",
    "running_cost.price_per_request",
    "running_cost.price_per_million_tokens",
    "running_cost.energy_wh_per_request",
    "running_cost.energy_wh_per_1k_tokens",
    "running_cost.fixed_per_year",
    "running_cost.grid_gco2_per_kwh",
)


def _uncertain(doc: Document, path: tuple[str | int, ...], low: float, high: float) -> Uncertain:
    node: Any = doc.data
    for key in path:
        node = node[key]
    try:
        value = Uncertain.parse(node)
    except ValueError as err:
        raise doc.error(str(err), path) from err
    if not value.within(low, high):
        raise doc.error(f"must lie within [{low:g}, {high:g}], got {node!r}", path)
    return value


def _service(doc: Document, index: int) -> Service:
    raw = doc.data["services"][index]
    base: tuple[str | int, ...] = ("services", index)

    def get(dotted: str, low: float = 0.0, high: float = float("inf")) -> Uncertain | None:
        node: Any = raw
        for key in dotted.split("."):
            if not isinstance(node, Mapping) or key not in node:
                return None
            node = node[key]
        return _uncertain(doc, (*base, *dotted.split(".")), low, high)

    for dotted in _SHARES:
        get(dotted, 0.0, 1.0)
    for dotted in _POSITIVE:
        get(dotted)
    pue = get("running_cost.pue", 1.0, 3.0)
    if get("adoption.steepness") is not None and get("adoption.steepness").low <= 0:  # type: ignore[union-attr]
        raise doc.error("must be above 0", (*base, "adoption", "steepness"))
    cost = raw["running_cost"]
    by_token = "price_per_million_tokens" in cost
    zero = Uncertain(0.0, 0.0, 0.0)
    running = RunningCost(
        unit="token" if by_token else "request",
        per_hour=get(
            "running_cost.tokens_per_hour" if by_token else "running_cost.requests_per_hour"
        )
        or zero,
        per_year=get(
            "running_cost.tokens_per_year" if by_token else "running_cost.requests_per_year"
        )
        or zero,
        price=(get("running_cost.price_per_million_tokens") or zero).scaled(1e-6)
        if by_token
        else get("running_cost.price_per_request") or zero,
        energy_wh=(get("running_cost.energy_wh_per_1k_tokens") or zero).scaled(1e-3)
        if by_token
        else get("running_cost.energy_wh_per_request") or zero,
        fixed_per_year=get("running_cost.fixed_per_year") or zero,
        pue=pue,
        grid_gco2_per_kwh=get("running_cost.grid_gco2_per_kwh", 0.0, 1500.0),
        renewable_share=get("running_cost.renewable_share", 0.0, 1.0),
    )
    catalogue = new_role_catalogue()
    new_roles: dict[str, dict[str, Uncertain]] = {}
    for role, demand in (raw.get("new_roles") or {}).items():
        if role not in catalogue:
            raise doc.error(
                f"unknown new role {role!r}; known: {', '.join(sorted(catalogue))}",
                (*base, "new_roles", role),
            )
        new_roles[role] = {
            kind: _uncertain(doc, (*base, "new_roles", role, kind), 0.0, float("inf"))
            for kind in demand
        }
    covers = raw["covers"]
    try:
        launch = _decimal_year(raw["launch"])
    except ValueError as err:
        raise doc.error(f"{raw['launch']!r} is not a date: {err}", (*base, "launch")) from err
    return Service(
        id=raw["id"],
        name=raw["name"],
        business_area=raw.get("business_area", ""),
        mode=raw["mode"],
        launch=launch,
        covers=Coverage(
            tasks=tuple(covers.get("tasks", ())),
            activities=tuple(covers.get("activities", ())),
            descriptions=tuple(covers.get("descriptions", ())),
            min_similarity=covers.get("min_similarity"),
            occupations=tuple(covers.get("occupations", ())),
        ),
        adoption=Adoption(
            ceiling=get("adoption.ceiling", 0.0, 1.0) or zero,
            midpoint=get("adoption.midpoint") or zero,
            steepness=get("adoption.steepness") or zero,
        ),
        time_saved=get("time_saved", 0.0, 1.0),
        cost=running,
        new_roles=new_roles,
    )


def _portfolio(doc: Document) -> Portfolio:
    validate(doc, "portfolio")
    seen: dict[str, int] = {}
    for index, raw in enumerate(doc.data["services"]):
        if raw["id"] in seen:
            raise doc.error(
                f"duplicate service id {raw['id']!r} (also services[{seen[raw['id']]}])",
                ("services", index, "id"),
            )
        seen[raw["id"]] = index
    services = tuple(_service(doc, i) for i in range(len(doc.data["services"])))
    return Portfolio(services, doc.data.get("currency", "EUR"), doc.file)


def merge(base: Any, override: Any) -> Any:
    """Deep-merge mappings: ``override``'s values win, nested mappings merge.

    >>> merge({"a": {"b": 1, "c": 2}}, {"a": {"c": 3}})
    {'a': {'b': 1, 'c': 3}}
    """
    if isinstance(base, Mapping) and isinstance(override, Mapping):
        out = dict(base)
        for key, value in override.items():
            out[key] = merge(base[key], value) if key in base else copy.deepcopy(value)
        return out
    return copy.deepcopy(override)


def apply_overrides(doc: Document, overrides: Mapping[str, Any], source: Document) -> Document:
    """The portfolio with the scenario's per-service fields merged in.

    Unknown service ids and overrides that break the schema are errors of the scenario
    file (``source``), named with their line there.
    """
    ids = [raw["id"] for raw in doc.data["services"]]
    for service_id in overrides:
        if service_id not in ids:
            raise source.error(
                f"no service {service_id!r} in {doc.file}; services: {', '.join(ids)}",
                ("services", service_id),
            )
    data = copy.deepcopy(doc.data)
    data["services"] = [merge(raw, overrides.get(raw["id"], {})) for raw in data["services"]]
    merged = Document(data, doc.file, doc.lines)
    try:
        _portfolio(merged)
    except Exception as err:
        field_path = getattr(err, "field", "")
        for index, service_id in enumerate(ids):
            prefix = f"services[{index}] ({service_id})"
            if service_id in overrides and field_path.startswith(prefix):
                rest = field_path[len(prefix) :].lstrip(".").split(".")
                raise source.error(
                    str(err).split(": ", 2)[-1], ("services", service_id, *[r for r in rest if r])
                ) from err
        raise
    return merged


def parse_portfolio(
    text: str,
    file: str = "portfolio.yaml",
    overrides: tuple[Mapping[str, Any], Document] | None = None,
) -> Portfolio:
    """Parse portfolio text (YAML/JSON, or TOML when ``file`` ends in ``.toml``)."""
    return _from_document(parse_document(text, file), overrides)


def _from_document(
    doc: Document, overrides: tuple[Mapping[str, Any], Document] | None
) -> Portfolio:
    portfolio = _portfolio(doc)
    if overrides and overrides[0]:
        portfolio = _portfolio(apply_overrides(doc, overrides[0], overrides[1]))
    return portfolio


def read_portfolio(
    path: DocumentInput, overrides: tuple[Mapping[str, Any], Document] | None = None
) -> Portfolio:
    """Read and validate a portfolio file, or its content already parsed (a mapping);
    ``overrides`` = (per-service fields, their file)."""
    return _from_document(load_document(path), overrides)
