"""The assumptions of a projection: a preset, overridden by a scenario file.

Presets (``presets/base.yaml``, ``slow.yaml``, ``fast.yaml``) are scenario files shipped
with the package: ``base`` sets every assumption, ``slow`` and ``fast`` change a few. A
user's scenario file (YAML or TOML, ``schemas/scenario.schema.json``) names a preset and
overrides any assumption and any field of any service. :meth:`Assumptions.explain` lists
every value with its unit and where it came from, which is what
``workshift scenario --explain`` prints.

Examples
--------
>>> a = load_assumptions(preset="slow")
>>> a.preset, a.years
('slow', (2026, 2035))
>>> a.uncertain("realisation")
Uncertain(low=0.2, mode=0.35, high=0.5)
>>> a.sources["realisation"], a.sources["hours_per_fte"]
('preset slow', 'preset base')
>>> a.value("exits")
'none'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import pandas as pd

from workshift.exceptions import ConfigError
from workshift.scenarios._documents import (
    Document,
    DocumentInput,
    load_document,
    parse_document,
    schema,
    validate,
)
from workshift.scenarios._portfolio import Portfolio, Service
from workshift.scenarios._uncertain import Uncertain

__all__ = ["PRESETS", "Assumptions", "load_assumptions", "parse_years"]

PRESETS = ("slow", "base", "fast")
"""The shipped presets; ``base`` holds every assumption, the others change a few."""


def parse_years(text: str) -> tuple[int, int]:
    """``"2026-2035"`` -> ``(2026, 2035)``; one year is a one-year projection.

    >>> parse_years("2027")
    (2027, 2027)
    """
    parts = str(text).split("-")
    try:
        first, last = int(parts[0]), int(parts[-1])
    except ValueError as err:
        raise ConfigError(f"years must look like 2026-2035, got {text!r}") from err
    if len(parts) > 2 or not 1990 <= first <= last <= 2100:
        raise ConfigError(f"years must look like 2026-2035 (first <= last), got {text!r}")
    return first, last


def _properties() -> dict[str, Any]:
    props: dict[str, Any] = schema("scenario")["$defs"]["assumptions"]["properties"]
    return props


def _preset(name: str) -> Document:
    resource = files("workshift.scenarios") / "presets" / f"{name}.yaml"
    return parse_document(resource.read_text(encoding="utf-8"), f"preset {name}")


def _check(doc: Document) -> None:
    """Schema, then each uncertain value's order and allowed range (x-range)."""
    validate(doc, "scenario")
    for name, value in (doc.data.get("assumptions") or {}).items():
        bounds = _properties()[name].get("x-range")
        if bounds is None:
            continue
        try:
            parsed = Uncertain.parse(value)
        except ValueError as err:
            raise doc.error(str(err), ("assumptions", name)) from err
        if not parsed.within(*bounds):
            raise doc.error(
                f"must lie within [{bounds[0]:g}, {bounds[1]:g}], got {value!r}",
                ("assumptions", name),
            )


@dataclass(frozen=True)
class Assumptions:
    """Every assumption of a projection, with where each came from."""

    values: dict[str, Any]
    sources: dict[str, str]
    preset: str
    years: tuple[int, int]
    description: str
    service_overrides: dict[str, Any] = field(default_factory=dict)
    scenario_file: Document | None = field(default=None, repr=False)

    def value(self, name: str) -> Any:
        """The raw value (a number, text, mapping) of assumption ``name``."""
        return self.values[name]

    def uncertain(self, name: str) -> Uncertain:
        """Assumption ``name`` as an :class:`Uncertain`."""
        return Uncertain.parse(self.values[name])

    def optional(self, name: str) -> Uncertain | None:
        """Assumption ``name`` as an :class:`Uncertain`, or None when not set."""
        return Uncertain.parse(self.values[name]) if name in self.values else None

    def explain(self, portfolio: Portfolio | None = None) -> pd.DataFrame:
        """Every assumption (and every service's, given the portfolio) as a table.

        Columns: ``parameter, scope, low, mode, high, unit, source, description``.
        """
        rows = []
        props = _properties()
        for name, value in self.values.items():
            spec = props[name]
            row = {
                "parameter": name,
                "scope": "all",
                "unit": spec.get("x-unit", ""),
                "source": self.sources[name],
                "description": spec.get("description", ""),
            }
            if "x-range" in spec:
                u = Uncertain.parse(value)
                row.update(low=u.low, mode=u.mode, high=u.high)
            else:
                row.update(low=None, mode=_text(value), high=None)
            rows.append(row)
        for service in portfolio.services if portfolio else ():
            rows.extend(self._service_rows(service, portfolio.file if portfolio else ""))
        columns = ["parameter", "scope", "low", "mode", "high", "unit", "source", "description"]
        return pd.DataFrame(rows, columns=columns)

    def _service_rows(self, service: Service, file: str) -> list[dict[str, Any]]:
        overridden = self.service_overrides.get(service.id, {})
        scenario = self.scenario_file.file if self.scenario_file else ""
        cost = service.cost
        unit = cost.unit
        entries: list[tuple[str, str, Uncertain | None, str, str]] = [
            ("launch", "adoption", Uncertain(service.launch, service.launch, service.launch),
             "year", "launch date as a decimal year"),
            ("adoption.ceiling", "adoption", service.adoption.ceiling, "share",
             "share of covered work done with the service in the long run"),
            ("adoption.midpoint", "adoption", service.adoption.midpoint, "years",
             "years after launch to half the ceiling"),
            ("adoption.steepness", "adoption", service.adoption.steepness, "1/year",
             "logistic slope"),
            ("time_saved", "time_saved", service.time_saved, "share",
             "share of a covered, exposed task's time saved"),
            (f"{unit}s_per_hour", "running_cost", cost.per_hour, f"{unit}s/hour",
             "usage per covered hour of work done with the service"),
            (f"{unit}s_per_year", "running_cost", cost.per_year, f"{unit}s/year",
             "usage per year at full adoption not tied to the workforce's hours"),
            *(
                [("price_per_million_tokens", "running_cost", cost.price.scaled(1e6),
                  "currency/million tokens", "price"),
                 ("energy_wh_per_1k_tokens", "running_cost", cost.energy_wh.scaled(1e3),
                  "Wh/1k tokens", "IT energy")]
                if unit == "token"
                else [("price_per_request", "running_cost", cost.price, "currency/request",
                       "price"),
                      ("energy_wh_per_request", "running_cost", cost.energy_wh, "Wh/request",
                       "IT energy")]
            ),
            ("fixed_per_year", "running_cost", cost.fixed_per_year, "currency/year",
             "licences, platform, support"),
            ("pue", "running_cost", cost.pue, "factor", "data-centre PUE"),
            ("grid_gco2_per_kwh", "running_cost", cost.grid_gco2_per_kwh, "gCO2/kWh",
             "grid carbon intensity"),
            ("renewable_share", "running_cost", cost.renewable_share, "share",
             "renewable share of the electricity"),
        ]  # fmt: skip
        for role, demand in service.new_roles.items():
            for kind, value in demand.items():
                entries.append(
                    (f"new_roles.{role}.{kind}", "new_roles", value, "FTE",
                     "new-role demand: fixed FTE from launch, or FTE per 100 FTE freed")
                )  # fmt: skip
        rows = []
        for name, key, given, unit_name, description in entries:
            if given is None:
                source = f"assumption {name.split('.')[-1]}"
                low = mode = high = None
            else:
                source = (
                    f"scenario file {scenario}"
                    if _overrides(overridden, name, key)
                    else f"portfolio {file}"
                )
                low, mode, high = given.low, given.mode, given.high
            rows.append(
                {"parameter": name, "scope": service.id, "low": low, "mode": mode, "high": high,
                 "unit": unit_name, "source": source, "description": description}
            )  # fmt: skip
        return rows


def _overrides(overridden: dict[str, Any], name: str, section: str) -> bool:
    """True when the scenario file sets this service field (``adoption.ceiling``...)."""
    path = [section, name] if section == "running_cost" else name.split(".")
    node: Any = overridden
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    return True


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def load_assumptions(
    scenario: DocumentInput | None = None,
    *,
    preset: str | None = None,
    years: str | None = None,
) -> Assumptions:
    """The base preset, then ``preset`` (or the file's), then the scenario file.

    ``preset`` and ``years`` given here (the command line) win over the file's.
    ``scenario`` may be the file's content already parsed (a mapping).
    """
    document = load_document(scenario) if scenario is not None else None
    if document is not None:
        _check(document)
    chosen = preset or (document.data.get("preset") if document else None) or "base"
    if chosen not in PRESETS:
        raise ConfigError(f"unknown preset {chosen!r}; choose one of {', '.join(PRESETS)}")
    layers = [_preset("base")]
    if chosen != "base":
        layers.append(_preset(chosen))
    if document is not None:
        layers.append(document)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    year_text = "2026-2035"
    description = ""
    for layer in layers:
        _check(layer)
        label = layer.file if layer.file.startswith("preset") else f"scenario file {layer.file}"
        for name, value in (layer.data.get("assumptions") or {}).items():
            values[name] = value
            sources[name] = label
        year_text = layer.data.get("years", year_text)
        description = layer.data.get("description", description)
    if years is None and document is not None and "years" in document.data:
        try:
            parse_years(document.data["years"])
        except ConfigError as err:
            raise document.error(str(err), ("years",)) from err
    return Assumptions(
        values=values,
        sources=sources,
        preset=chosen,
        years=parse_years(years or year_text),
        description=description.strip(),
        service_overrides=(document.data.get("services") or {}) if document else {},
        scenario_file=document,
    )
