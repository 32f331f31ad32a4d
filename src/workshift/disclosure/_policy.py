"""The disclosure policy of an organisation: minimum group size and protection margin.

Examples
--------
>>> from workshift.disclosure import DisclosurePolicy
>>> policy = DisclosurePolicy()
>>> policy.min_people, policy.protection
(5, 3.0)
>>> DisclosurePolicy(min_people=10).protection
5.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from workshift.exceptions import ConfigError

__all__ = ["DisclosurePolicy"]


@dataclass(frozen=True)
class DisclosurePolicy:
    """How small a group may be published, and how well a suppressed cell must be hidden.

    Parameters
    ----------
    min_people : int, default 5
        The minimum group size *k*, counted in **people** (distinct persons), never in FTE
        or headcount weights. A cell with ``0 < people < min_people`` is suppressed
        (primary suppression). A cell of 0 people is published: it describes nobody.
        Works agreements name this number; set it per organisation.
    margin : float, optional
        The protection margin in people. Every suppressed cell must be able to take, for
        an attacker who knows everything published in the same run and every linear
        relation between the tables, a value at least ``margin`` above its true value
        and ``min(margin, value)`` below it (down to 0 for a cell smaller than the
        margin). Default ``max(1, ceil(min_people / 2))``: 3 people for k = 5. The
        attacker's interval is then at least ``2 * margin >= k`` people wide for every
        cell of at least ``margin`` people, so it holds more than *k* possible counts;
        and a smaller cell's interval reaches 0 (the attacker cannot tell whether the
        group has anyone in it) and ``value + margin``.
    cost : {"cells", "people"}, default "cells"
        What complementary suppression minimises: the number of extra suppressed cells
        (ties broken by fewer people) or the people in them (hiding less information).
    time_limit : float, default 60
        Seconds the solver may spend on complementary suppression. When the optimum is
        not proven in time the best protected pattern found is used; the log says so.
    """

    min_people: int = 5
    margin: float | None = None
    cost: Literal["cells", "people"] = "cells"
    time_limit: float = 60.0

    def __post_init__(self) -> None:
        if not isinstance(self.min_people, int) or self.min_people < 1:
            raise ConfigError(f"min_people must be a whole number >= 1, not {self.min_people!r}")
        if self.margin is not None and not (self.margin > 0 and math.isfinite(self.margin)):
            raise ConfigError(f"margin must be a positive number of people, not {self.margin!r}")
        if self.cost not in ("cells", "people"):
            raise ConfigError(f"cost must be 'cells' or 'people', not {self.cost!r}")
        if not self.time_limit > 0:
            raise ConfigError(f"time_limit must be positive, not {self.time_limit!r}")

    @property
    def protection(self) -> float:
        """The protection margin in people (``margin``, or its default)."""
        if self.margin is not None:
            return float(self.margin)
        return float(max(1, math.ceil(self.min_people / 2)))
