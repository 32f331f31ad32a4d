"""Generate ``hris_export.csv`` and ``hris_export.xlsx``: a messy HRIS export of a small
manufacturing and logistics company, as real ones come, to try ``workshift inspect`` on::

    python examples/make_hris_export.py
    workshift inspect examples/hris_export.csv

The CSV (UTF-8 with BOM, CRLF line ends, as Excel's "CSV UTF-8" writes it) has

- a title line and a report-date line (padded with commas) above the header;
- 16 columns in the style of US HR systems: ``EmpID``, ``Title`` (the honorific, Mr/Ms/Dr),
  names, ``Position``, ``Department`` and ``Cost Center``, ``ManagerName``, ``DOB``, ``Hire
  Date``, ``State``, ``Zip``, ``Country``, ``FTE``, ``Annual Salary`` (``$52,000.00`` or
  ``52.000,00 €``) and ``Employment Status``;
- English and German job titles with grades and abbreviations (Production Technician I/II,
  Sr. Accountant, CIO, Lagerist (m/w/d), Werkstudent Marketing, Bereichsleiter Vertrieb);
- people on leave with FTE 0;
- one row that lost its cost centre (15 fields where the header has 16), one position with
  a quoted line break, a department with a quoted comma, a blank line and a trailing
  ``Total`` row.

The workbook has the same people on a sheet ``Staff`` (title merged across the top, the
header on row 3 with ``Name`` merged over the first and last name columns, an unnamed
notes column), and a second sheet ``Summary`` with headcount by department.

Everything is invented: names are drawn from short lists of common first and last names
with a seeded random number generator; no row describes a real person.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
from pathlib import Path

SEED = 20250131
HERE = Path(__file__).resolve().parent
N_PEOPLE = 340
TITLE_LINES = ("Northwind Components Inc. - Employee Roster (all active records)",)
REPORT_DATE = "2025-01-31"
COLUMNS = (
    "EmpID", "Title", "First Name", "Last Name", "Position", "Department", "Cost Center",
    "ManagerName", "DOB", "Hire Date", "State", "Zip", "Country", "FTE", "Annual Salary",
    "Employment Status",
)  # fmt: skip
SHORT_ROW = 57
"""The person (0-based) whose row lost its ``Cost Center`` field."""
LINE_BREAK_ROW = 23
"""The person whose ``Position`` holds a quoted line break."""
BLANK_AFTER = 200
"""A blank line follows this person's row."""

# (position, department, cost center, salary range in thousands, weight, country)
ROLES = (
    ("Production Technician I", "Production", "4100", (38, 46), 30, "US"),
    ("Production Technician II", "Production", "4100", (44, 54), 22, "US"),
    ("Machine Operator", "Production", "4100", (36, 44), 18, "US"),
    ("Quality Inspector", "Quality", "4300", (42, 52), 8, "US"),
    ("Maintenance Mechanic", "Maintenance", "4400", (50, 64), 8, "US"),
    ("Dock Associate", "Warehouse", "4200", (33, 39), 20, "US"),
    ("Forklift Operator", "Warehouse", "4200", (36, 42), 12, "US"),
    ("Shift Lead", "Warehouse", "4200", (48, 58), 6, "US"),
    ("Customer Service Rep", "Customer Service", "5100", (36, 44), 14, "US"),
    ("Sr. Accountant", "Finance, Controlling", "6100", (72, 88), 4, "US"),
    ("AP Clerk", "Finance, Controlling", "6100", (40, 48), 5, "US"),
    ("Payroll Specialist", "Human Resources", "6300", (50, 60), 3, "US"),
    ("HR Generalist", "Human Resources", "6300", (55, 66), 3, "US"),
    ("Buyer", "Purchasing", "6200", (55, 68), 4, "US"),
    ("Software Engineer II", "IT", "7100", (98, 125), 5, "US"),
    ("IT Support Specialist", "IT", "7100", (48, 58), 4, "US"),
    ("IT Director", "IT", "7100", (150, 175), 1, "US"),
    ("Director of Operations", "Operations", "4000", (140, 165), 1, "US"),
    ("CIO", "Executive", "1000", (210, 240), 1, "US"),
    ("Lagerist (m/w/d)", "Logistik", "4200", (32, 38), 18, "DE"),
    ("Kommissionierer (w/m/d)", "Logistik", "4200", (30, 35), 14, "DE"),
    ("Fachkraft für Lagerlogistik", "Logistik", "4200", (34, 40), 6, "DE"),
    ("Teamleiter Logistik", "Logistik", "4200", (46, 54), 2, "DE"),
    ("Sachbearbeiterin Buchhaltung", "Finanzen", "6100", (42, 50), 4, "DE"),
    ("Industriekaufmann (m/w/d)", "Vertrieb", "5200", (40, 48), 4, "DE"),
    ("Bereichsleiter Vertrieb", "Vertrieb", "5200", (95, 115), 1, "DE"),
    ("Werkstudent Marketing", "Marketing", "5300", (14, 18), 3, "DE"),
    ("Fachinformatiker Anwendungsentwicklung", "IT", "7100", (52, 62), 3, "DE"),
)  # fmt: skip
SITES = {
    "US": (("TX", ("75001", "75038", "75061")), ("OH", ("43004", "43215")),
           ("TN", ("37013", "37211"))),
    "DE": (("Sachsen", ("04103", "04129")), ("Nordrhein-Westfalen", ("40210", "44135"))),
}  # fmt: skip
FIRST = {  # (men's, women's)
    "US": (("James", "Robert", "Michael", "David", "Carlos", "Kevin", "Brian", "Jamal", "Tyler",
            "Luis"),
           ("Mary", "Linda", "Patricia", "Jennifer", "Maria", "Aisha", "Emily", "Sofia",
            "Grace", "Hannah")),
    "DE": (("Lukas", "Jonas", "Felix", "Paul", "Leon", "Finn", "Elias", "Can", "Noah"),
           ("Anna", "Lea", "Marie", "Sophie", "Emma", "Mia", "Lena", "Elif", "Clara")),
}  # fmt: skip
LAST = {
    "US": ("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
           "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas",
           "Taylor", "Moore", "Jackson", "Lee", "Walker"),
    "DE": ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
           "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Yilmaz", "Neumann"),
}  # fmt: skip
HONORIFIC = {"US": ("Mr", "Ms"), "DE": ("Herr", "Frau")}
STATUS = (("Active", 0.95), ("Leave of Absence", 0.05))


def _money(value: int, country: str) -> str:
    if country == "US":
        return f"${value:,}.00"
    return f"{value:,}".replace(",", ".") + ",00 €"


def people() -> list[dict[str, str]]:
    """The staff, one dict per person, in EmpID order."""
    rng = random.Random(SEED)
    weights = [role[4] for role in ROLES]
    emp_ids = sorted(rng.sample(range(10000, 99999), N_PEOPLE))
    out = []
    for i, emp in enumerate(emp_ids):
        position, department, cost_center, (low, high), _, country = rng.choices(ROLES, weights)[0]
        state, zips = rng.choice(SITES[country])
        female = rng.random() < 0.45
        honorific = HONORIFIC[country][1 if female else 0]
        if rng.random() < 0.03:
            honorific = "Dr"
        status = "Active" if rng.random() < STATUS[0][1] else STATUS[1][0]
        if position.startswith("Werkstudent"):
            fte = "0.5"
        elif status != "Active":
            fte = "0"
        else:
            fte = rng.choice(("1", "1", "1", "1", "1", "0.8", "0.5") if country == "DE" else
                             ("1", "1", "1", "1", "1", "1", "0.5"))  # fmt: skip
        born = dt.date(1962, 1, 1) + dt.timedelta(days=rng.randrange(0, 40 * 365))
        hired = dt.date(2003, 1, 1) + dt.timedelta(days=rng.randrange(0, 22 * 365))
        salary = rng.randrange(low, high + 1) * 1000
        out.append({
            "EmpID": str(emp),
            "Title": honorific,
            "First Name": rng.choice(FIRST[country][female]),
            "Last Name": rng.choice(LAST[country]),
            "Position": position + ("\n(Night Shift)" if i == LINE_BREAK_ROW else ""),
            "Department": department,
            "Cost Center": cost_center,
            "ManagerName": f"{rng.choice(FIRST[country][rng.random() < 0.4])} "
            f"{rng.choice(LAST[country])}",
            "DOB": born.strftime("%m/%d/%Y"),
            "Hire Date": hired.strftime("%m/%d/%Y"),
            "State": state,
            "Zip": rng.choice(zips),
            "Country": country,
            "FTE": fte,
            "Annual Salary": _money(salary, country),
            "Employment Status": status,
        })  # fmt: skip
    return out


def _total(staff: list[dict[str, str]]) -> list[str]:
    fte = sum(float(person["FTE"]) for person in staff)
    row = [""] * len(COLUMNS)
    row[0] = "Total"
    row[COLUMNS.index("FTE")] = f"{fte:g}"
    return row


def write_csv(path: Path, staff: list[dict[str, str]]) -> Path:
    """The CSV export (see the module docstring)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TITLE_LINES)
    writer.writerow(["Report date:", REPORT_DATE, *[""] * (len(COLUMNS) - 2)])
    writer.writerow(COLUMNS)
    for i, person in enumerate(staff):
        cells = [person[column] for column in COLUMNS]
        if i == SHORT_ROW:
            del cells[COLUMNS.index("Cost Center")]
        writer.writerow(cells)
        if i == BLANK_AFTER:
            writer.writerow([])
    writer.writerow(_total(staff))
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def write_xlsx(path: Path, staff: list[dict[str, str]]) -> Path:
    """The workbook (see the module docstring); only its content is reproducible, as a
    zip archive carries the time it was written."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Staff"
    width = len(COLUMNS) + 1
    sheet.append([TITLE_LINES[0]])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(["Report date:", dt.date.fromisoformat(REPORT_DATE)])
    header = ["Name" if c == "First Name" else None if c == "Last Name" else c for c in COLUMNS]
    sheet.append([*header, None])  # the notes column has no header
    first = COLUMNS.index("First Name") + 1
    sheet.merge_cells(start_row=3, start_column=first, end_row=3, end_column=first + 1)
    for i, person in enumerate(staff):
        values: list[object] = [person[c] for c in COLUMNS]
        values[COLUMNS.index("FTE")] = float(person["FTE"])
        values[COLUMNS.index("Hire Date")] = dt.datetime.strptime(person["Hire Date"], "%m/%d/%Y")
        values.append("relocating in Q2" if i % 97 == 5 else None)
        sheet.append(values)
    sheet.append(_total(staff))
    summary = book.create_sheet("Summary")
    summary.append(["Department", "Headcount"])
    counts: dict[str, int] = {}
    for person in staff:
        counts[person["Department"]] = counts.get(person["Department"], 0) + 1
    for department, count in sorted(counts.items()):
        summary.append([department, count])
    fixed = dt.datetime(2025, 1, 31, 8, 15)
    book.properties.created = book.properties.modified = fixed
    book.save(path)
    return path


def main(folder: Path = HERE) -> tuple[Path, Path]:
    """Write both files into ``folder``; return their paths."""
    staff = people()
    return (
        write_csv(folder / "hris_export.csv", staff),
        write_xlsx(folder / "hris_export.xlsx", staff),
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE)
    for written in main(parser.parse_args().folder):
        print(written)
