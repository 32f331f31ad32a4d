"""Reskilling and redeployment: skill gaps, transitions, training plans, assignment.

This stage of the pipeline in PRODUCT.md is planned; see docs/design/architecture.md.
"""

from __future__ import annotations

__all__: list[str] = []
