"""Scenarios: AI service portfolio, adoption curves, cost and energy, Monte Carlo ranges over time.

This stage of the pipeline in PRODUCT.md is planned; see docs/design/architecture.md.
"""

from __future__ import annotations

__all__: list[str] = []
