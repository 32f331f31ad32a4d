"""``python -m workshift`` runs the command line."""

from __future__ import annotations

from workshift.cli import main

if __name__ == "__main__":
    main()
