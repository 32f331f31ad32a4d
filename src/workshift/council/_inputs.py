"""What the works-council pack is built from: HR-side results, never written as they are.

:class:`PackInputs` holds one analysis, the scenarios computed from it (management's
first; the council's own proposal under ``"council"``, §92a BetrVG), the portfolio they
share and, optionally, a redeployment plan of the same analysis.
:func:`workshift.pipeline.council` builds it from files; a notebook or the service builds
it from objects it already has.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workshift.exceptions import ConfigError

if TYPE_CHECKING:
    from workshift.pipeline import Analysis
    from workshift.reskilling import Redeployment
    from workshift.scenarios import Portfolio, Projection

__all__ = ["COUNCIL", "MANAGEMENT", "PackInputs"]

MANAGEMENT = "management"
"""The name of management's scenario in :attr:`PackInputs.scenarios`."""
COUNCIL = "council"
"""The name of the works council's own scenario (§92a BetrVG)."""


@dataclass
class PackInputs:
    """The analysis, its scenarios by name (management's first), their portfolio and an
    optional redeployment plan (of the same analysis).

    ``scenario_files`` names the scenario file of each scenario (shown in the pack by
    its file name only, never its path); ``descriptions`` the text each scenario file
    gives of itself.
    """

    analysis: Analysis
    scenarios: Mapping[str, Projection]
    portfolio: Portfolio
    plan: Redeployment | None = None
    descriptions: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if MANAGEMENT not in self.scenarios:
            raise ConfigError("the works-council pack needs management's scenario")
        unknown = sorted(set(self.scenarios) - {MANAGEMENT, COUNCIL})
        if unknown:
            raise ConfigError(
                f"scenarios are named {MANAGEMENT!r} and {COUNCIL!r}, not {unknown[0]!r}"
            )
