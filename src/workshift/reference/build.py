"""Build the reference bundle from the raw sources (a maintainer step).

Usage::

    python -m workshift.reference.build ../shared/data            # into the package
    python -m workshift.reference.build ../shared/data --out DIR  # anywhere else

The build reads every file named in :mod:`workshift.reference._sources`, reconciles
identifiers onto O*NET 30.1 / SOC 2018, and writes Parquet tables, ``manifest.json``
and ``reconciliation.csv``. The same sources give a byte-identical bundle.
"""

from __future__ import annotations

import sys

from workshift.reference._build import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
