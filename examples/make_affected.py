"""Generate ``affected.csv``: the people of the example workforce whose work the AI services
change most, as an HR team would list them for ``workshift reskill --affected``.

Customer service agents at four sites, subtitlers and translators, accounts-payable clerks
and administrative assistants, drawn from ``workforce.csv`` with one seeded
``numpy.random.default_rng``; each gets the columns a works council asks about:
``relocation`` (``no``; ``yes``: would move to another site in the country; ``abroad``:
to another country too), ``protected`` (e.g. severely disabled,
Schwerbehinderung), ``tenure_years`` and, for some, ``skills`` they listed themselves
(English or German; one item the vocabulary does not know, to show how that is reported).
One id that is not in the workforce file shows how the plan accounts for it::

    python examples/make_affected.py

The people are invented, like the workforce.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

SEED = 20261125
HERE = Path(__file__).resolve().parent
COLUMNS = ("employee_id", "relocation", "protected", "tenure_years", "skills")
# (department, location, title words, how many)
GROUPS = (
    ("Customer Service", "Austin", ("customer", "cust", "csr"), 30),
    ("Customer Service", "Nashville", ("customer", "cust", "csr"), 12),
    ("Customer Service", "Leipzig", ("kundenservice",), 14),
    ("Customer Service", "Berlin", ("kundenservice",), 14),
    ("Media Localisation", "Berlin", ("untertitler", "übersetzer", "subtitler"), 12),
    ("Media Localisation", "Munich", ("übersetzer", "untertitler"), 6),
    ("Finance", "Austin", ("ap clerk", "accounts payable"), 8),
    ("Finance", "Munich", ("kreditoren", "buchhalter", "ap clerk"), 5),
    ("Administration", "Seattle", ("administrative", "admin"), 6),
    ("Administration", "Berlin", ("büro", "assist"), 4),
)
SKILLS = (
    "Microsoft Excel=4",
    "SQL=3; Tableau",
    "Python=3",
    "Salesforce; Writing=4",
    "Schreiben=5; Englisch",
    "Critical Thinking=4.5",
    "Programmieren=3",
    "Zendesk",
)
NOT_IN_WORKFORCE = "E999999"


def _relocation(draw: float) -> str:
    """A fifth of those who would relocate would also move abroad."""
    return "abroad" if draw < 0.05 else "yes" if draw < 0.25 else "no"


def rows(workforce: Path) -> list[dict[str, str]]:
    """The affected list, in the order of ``GROUPS``."""
    rng = np.random.default_rng(SEED)
    with workforce.open(encoding="utf-8", newline="") as handle:
        staff = list(csv.DictReader(handle))
    out = []
    for department, location, words, count in GROUPS:
        pool = [
            row
            for row in staff
            if row["department"] == department
            and row["location"] == location
            and any(word in row["job_title"].casefold() for word in words)
            and "lead" not in row["job_title"].casefold()
        ]
        chosen = rng.choice(len(pool), size=min(count, len(pool)), replace=False)
        for index in sorted(int(i) for i in chosen):
            out.append(
                {
                    "employee_id": pool[index]["employee_id"],
                    "relocation": _relocation(rng.random()),
                    "protected": "yes" if rng.random() < 0.08 else "no",
                    "tenure_years": str(int(rng.integers(1, 31))),
                    "skills": str(rng.choice(SKILLS)) if rng.random() < 0.3 else "",
                }
            )
    out.append(
        {"employee_id": NOT_IN_WORKFORCE, "relocation": "no", "protected": "no",
         "tenure_years": "3", "skills": ""}
    )  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", type=Path, default=HERE)
    args = parser.parse_args()
    target = args.out_dir / "affected.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(HERE / "workforce.csv"))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
