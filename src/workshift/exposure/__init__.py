"""Exposure: task-level E0/E1/E2 labels and scores, role and organisation aggregates.

Published indices are shown side by side with ours.

This stage of the pipeline in PRODUCT.md is planned; see docs/design/architecture.md.
"""

from __future__ import annotations

__all__: list[str] = []
