"""Reports: offline HTML reports and an Excel workbook, in English or German.

:func:`write_html_report` writes an analysis as one self-contained ``report.html``
(plotly.js inline, no network) for an HR director and a works council;
:func:`write_xlsx_report` writes ``report.xlsx`` with a Summary sheet and one sheet per
frame. Both say that exposure is not job loss, and both carry the data sources' licences
and attribution from the reference bundle's manifest. :func:`write_scenario_report`
writes a scenario projection's ``report.html``: ranges over the years, the headcount
waterfall, what drives the result and the assumptions, for a CFO and a works council.
:func:`write_reskill_report` writes a redeployment plan's ``report.html``: flows from
today's roles to the target roles, what people learn by department, training time and
cost, and the plan person by person (pseudonymised) with each move explained, for a works
council and an HR team. :func:`write_council_report` writes the works-council pack
(``council.html`` and ``council.xlsx``, German by default), its sections per BetrVG
paragraph, every figure already disclosure controlled. Every text lives in
``_messages``, ``_scenario_messages``, ``_reskill_messages`` and ``_council_messages``
(``lang="en"`` or ``"de"``). Reports read anything shaped like
:class:`workshift.pipeline.Analysis` (:class:`AnalysisLike`), a scenario projection
(:class:`ProjectionLike`) or a redeployment plan (:class:`RedeploymentLike`); a missing
column raises :class:`~workshift.exceptions.ReportDataError` instead of leaving a
section out.
"""

from __future__ import annotations

from workshift.reports._contract import AnalysisLike, ProjectionLike, RedeploymentLike
from workshift.reports._council_report import CouncilPackLike, write_council_report
from workshift.reports._html import write_html_report
from workshift.reports._messages import LANGUAGES
from workshift.reports._reskill_report import write_reskill_report
from workshift.reports._review_sheet import write_review_sheet
from workshift.reports._scenario_report import write_scenario_report
from workshift.reports._xlsx import write_xlsx_report

__all__ = [
    "LANGUAGES",
    "AnalysisLike",
    "CouncilPackLike",
    "ProjectionLike",
    "RedeploymentLike",
    "write_council_report",
    "write_html_report",
    "write_reskill_report",
    "write_review_sheet",
    "write_scenario_report",
    "write_xlsx_report",
]
