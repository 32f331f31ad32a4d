"""An uncertain input: a fixed number or a triangular range ``{low, mode, high}``.

Portfolio and scenario files write uncertain numbers as ``0.5``, ``[0.3, 0.7]`` (mode in
the middle) or ``{low: 0.3, mode: 0.5, high: 0.8}``. Monte Carlo draws sample the triangular
distribution; one-at-a-time sensitivity sets an input to its ``low`` or ``high``.

Examples
--------
>>> u = Uncertain.parse({"low": 0.2, "high": 0.6})
>>> u
Uncertain(low=0.2, mode=0.4, high=0.6)
>>> Uncertain.parse(3).is_fixed
True
>>> import numpy as np
>>> draws = u.sample(np.random.default_rng(1), 1000)
>>> bool(draws.min() >= 0.2 and draws.max() <= 0.6)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["Uncertain"]


@dataclass(frozen=True)
class Uncertain:
    """A triangular distribution on ``[low, high]`` peaking at ``mode`` (all equal = fixed)."""

    low: float
    mode: float
    high: float

    def __post_init__(self) -> None:
        if not self.low <= self.mode <= self.high:
            raise ValueError(
                f"needs low <= mode <= high, got low={self.low}, mode={self.mode}, high={self.high}"
            )

    @classmethod
    def parse(cls, value: Any) -> Uncertain:
        """From a number, a ``[low, high]`` pair or a ``{low, mode, high}`` mapping."""
        if isinstance(value, Uncertain):
            return value
        if isinstance(value, bool):
            raise ValueError(f"expected a number, got {value!r}")
        if isinstance(value, int | float):
            return cls(float(value), float(value), float(value))
        if isinstance(value, list | tuple) and len(value) == 2:
            low, high = (float(v) for v in value)
            return cls(low, (low + high) / 2, high)
        if isinstance(value, dict) and {"low", "high"} <= set(value):
            low, high = float(value["low"]), float(value["high"])
            return cls(low, float(value.get("mode", (low + high) / 2)), high)
        raise ValueError(f"expected a number, [low, high] or {{low, mode, high}}, got {value!r}")

    @property
    def is_fixed(self) -> bool:
        """True when there is nothing to sample."""
        return self.low == self.high

    @property
    def mean(self) -> float:
        """The mean of the triangular distribution."""
        return (self.low + self.mode + self.high) / 3

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """``n`` draws (a constant array when fixed)."""
        if self.is_fixed:
            return np.full(n, self.mode)
        return rng.triangular(self.low, self.mode, self.high, n)

    def scaled(self, factor: float, *, upper: float | None = None) -> Uncertain:
        """Every point times ``factor`` (capped at ``upper``), e.g. a slower adoption ceiling."""

        def cap(x: float) -> float:
            return min(x * factor, upper) if upper is not None else x * factor

        return Uncertain(cap(self.low), cap(self.mode), cap(self.high))

    def shifted(self, delta: float) -> Uncertain:
        """Every point plus ``delta``, e.g. a later adoption midpoint."""
        return Uncertain(self.low + delta, self.mode + delta, self.high + delta)

    def within(self, low: float, high: float) -> bool:
        """True when the whole range lies inside ``[low, high]``."""
        return low <= self.low and self.high <= high
