"""Occupation matching: free-text job titles to O*NET-SOC occupations with calibrated confidence.

This stage of the pipeline in PRODUCT.md is planned; see docs/design/architecture.md.
"""

from __future__ import annotations

__all__: list[str] = []
