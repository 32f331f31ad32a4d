"""A real ``analyze`` run gives every frame and column the reports read.

Reports fail loudly on a missing column (ReportDataError) rather than leaving a section
out; this test is where a pipeline change that drops one shows up.
"""

from __future__ import annotations

from pathlib import Path

from workshift.pipeline import analyze
from workshift.reports._contract import check_analysis


def test_analyze_meets_the_report_contract(tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text(
        "occupation_code,department,location,headcount\n"
        "43-4051.00,Service,Leipzig,3\n"
        "15-1252,IT,Berlin,2\n"
        "99-9999,IT,Berlin,1\n",
        encoding="utf-8",
    )
    analysis = analyze(source)
    check_analysis(analysis)  # raises ReportDataError naming whatever is missing
    assert analysis.summary["unmatched_rows"] == 1
    assert set(analysis.department_task_groups["department"]) == {"Service", "IT"}
