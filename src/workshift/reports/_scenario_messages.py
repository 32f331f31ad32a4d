"""The texts of the scenario report (``report.html`` of ``workshift scenario``), en and de.

Kept apart from ``_messages`` (the analysis report's texts) so neither module grows into
two concepts. :class:`ScenarioMessages` reads this catalogue laid over the analysis one,
so shared labels (``col.department``, ``key.bundle_version``, ``no_data``) are written
once; a test keeps the two catalogues' keys apart and the languages' keys equal.

Examples
--------
>>> m = scenario_messages("de", currency="EUR")
>>> m.metric("net_benefit"), m.money(-1250000), m.pct(0.125)
('Nettonutzen', '-1.250.000\xa0EUR', '12,5\xa0%')
>>> m.date(2025.4137), m.unit("currency/request")
('1. Juni 2025 (Q2 2025)', 'EUR je Anfrage')
>>> m.step("attrition"), m.step("something_new")
('Fluktuation und Ruhestand', 'something_new')
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any, ClassVar

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_percent

from workshift.reports._messages import (
    LANGUAGES,
    MESSAGES,
    Language,
    Messages,
    _missing,
    language,
)

__all__ = ["SCENARIO_MESSAGES", "ScenarioMessages", "scenario_messages"]

_EN: dict[str, str] = {
    # Document
    "scenario_title": "Workforce scenario for generative AI, {first} to {last}",
    "scenario_subtitle": (
        "workshift scenario report. Portfolio: {portfolio_file}. Scenario: {scenario_file}."
    ),
    "scenario_meta": (
        "Preset {preset}; {draws} Monte Carlo draws with seed {seed}; money in {currency}. "
        "Reference bundle {bundle_version}."
    ),
    "no_scenario_file": "none (preset only)",
    "more_in_projection_csv": "Showing the first {shown} of {total}; projection.csv has all.",
    "more_in_sensitivity_csv": "Showing the first {shown} of {total}; sensitivity.csv has all.",
    "more_in_not_projected_csv": (
        "Showing the first {shown} of {total} reasons; not_projected.csv lists every row."
    ),
    # What the report is and is not: first, before any number.
    "scenario_is_heading": "What this report is, and what it is not",
    "scenario_is": (
        "A range of outcomes under the assumptions listed in this report, not a forecast. "
        "Every figure comes from {draws} simulated draws of the uncertain inputs and is shown "
        "as P10, P50 and P90: in eight of ten draws the result lies between P10 and P90, and "
        "P50 is the median. Change an assumption and the range moves; the assumptions table "
        "and the sensitivity chart show which ones matter most."
    ),
    "scenario_not_job_loss": (
        "Exposure is not job loss. Hours that AI frees show where work changes; how many "
        "people are needed, and what happens with the freed time, are decisions for the "
        "organisation and its employee representatives. The projection lets natural "
        "attrition and redeployment absorb the change first."
    ),
    "exits_none": (
        "In this scenario nobody leaves other than through attrition and retirement: where "
        "fewer people are needed, they remain as surplus headcount, the people to retrain "
        "and redeploy."
    ),
    "exits_some": (
        "This scenario lets the surplus that attrition and redeployment do not absorb leave "
        "the organisation (exits); the waterfall shows how many on average."
    ),
    # At a glance
    "glance_heading": "The scenario at a glance",
    "in_year": "{what} in {year}",
    "net_change_to": "Net change to {year}",
    "net_change_help": (
        "Mean over the draws of the projected headcount against today's ({pct}); the same "
        "figure as the waterfall's. P10 to P90: {p10} to {p90}."
    ),
    "headcount_start_help": (
        "Full-time equivalents of the {people} people projected (part-time work counts its "
        "share); see People and FTE."
    ),
    "range_help": "P10 to P90: {p10} to {p90}",
    "projected_value": "{p50} (P50; P10 to P90: {p10} to {p90})",
    "settings_caption": "Settings of this run",
    "totals_caption": "Totals over {first} to {last}",
    "totals_text": (
        "Each draw's total over the years, then P10, P50 and P90 of those totals (not the "
        "sum of the yearly medians)."
    ),
    "col.total_metric": "Total",
    "key.years": "Years",
    "key.draws": "Monte Carlo draws",
    "key.seed": "Seed",
    "key.preset": "Preset",
    "key.currency": "Currency",
    "key.headcount_start": "Headcount at the start (FTE)",
    "key.headcount_projected": "Headcount projected for the last year (FTE)",
    "key.not_projected_rows": "Input rows not projected",
    "key.portfolio_file": "Portfolio file",
    "key.scenario_file": "Scenario file",
    # Waterfall
    "waterfall_heading": "From today's headcount to {year}",
    "waterfall_text": (
        "From today's headcount to the projected one, in FTE, with the AI services' effect "
        "apart from normal churn. Churn is what would happen without AI: the same draws run "
        "with every service's adoption at zero (attrition and retirement, hires to replace "
        "them, demand growth), one net step. The AI steps are this scenario less that one, "
        "draw by draw: hires not made into roles the services shrink, fewer leavers from a "
        "smaller headcount, people redeployed to new AI roles, exits, and the new AI roles. "
        "Each step is the mean over all draws (means add up, medians do not), and the headline "
        "figures above use the same means."
    ),
    "waterfall_net": "Net change (mean): {change} ({pct}), from {start} to {end} FTE.",
    "waterfall_residual": (
        "The steps leave {residual} of the change unexplained (rounding, or a flow the "
        "projection does not list)."
    ),
    "step.start": "Today",
    "step.headcount_start": "Today",
    "step.attrition": "Attrition and retirement",
    "step.churn_without_ai": "Churn without AI (net)",
    "step.ai_fewer_hires": "AI: hires not made",
    "step.ai_fewer_leavers": "AI: fewer leavers",
    "step.retirement": "Retirement",
    "step.exits": "Exits",
    "step.hires": "Hires",
    "step.redeployment": "Redeployment",
    "step.moves_in": "Moves in",
    "step.moves_out": "Moves out",
    "step.redeployment_to_new_roles": "AI: redeployed to new AI roles",
    "step.new_roles": "AI: new AI roles",
    "step.new_roles_fte": "New AI roles",
    "step.end": "Projected",
    "step.headcount_end": "Projected",
    "step.headcount": "Projected",
    # Fan charts
    "fans_heading": "Ranges over time",
    "fans_text": (
        "Organisation totals per year. The band spans P10 to P90, the line is the median "
        "(P50). Medians of different quantities do not add up: the P50 of net benefit is not "
        "the P50 of savings minus the P50 of costs."
    ),
    "fan.headcount": "Headcount (FTE)",
    "fan.headcount_text": (
        "Full-time equivalents employed after attrition, exits, hires, moves and new AI roles."
    ),
    "fan.fte": "FTE equivalent freed",
    "fan.fte_text": (
        "Hours freed by the AI services divided by the hours of a full-time year: capacity "
        "that becomes available, not people who leave."
    ),
    "fan.money": "Labour cost saved, AI running cost and net benefit",
    "fan.money_text": (
        "Net benefit is labour cost saved minus the AI services' running cost minus the cost "
        "of the new AI roles."
    ),
    "fan.energy": "Energy and CO2 of the AI services",
    "fan.energy_text": (
        "Electricity for the AI services' requests and tokens (with the data centre's PUE), "
        "and the CO2 it causes at the grid's carbon intensity and renewable share."
    ),
    "fan.new_roles": "New AI roles",
    "fan.new_roles_text": (
        "FTE in AI engineering, AI operations and oversight, and content and prompt design "
        "that the portfolio needs."
    ),
    "band": "{metric}, P10 to P90",
    "median": "{metric}, P50",
    "axis.headcount": "FTE",
    "axis.fte": "FTE",
    "axis.energy_kwh": "kWh",
    "axis.co2_kg": "kg CO2",
    "scale.thousand": "thousand {unit}",
    "scale.million": "million {unit}",
    "scale.billion": "billion {unit}",
    "metric.hours_freed": "Hours freed",
    "metric.fte_equivalent": "FTE equivalent freed",
    "metric.ai_effect": "AI effect on headcount (FTE)",
    "metric.need_reduction_fte": "Reduction in FTE needed",
    "metric.headcount": "Headcount (FTE)",
    "metric.attrition": "Attrition and retirement (FTE)",
    "metric.exits": "Exits (FTE)",
    "metric.hires": "Hires (FTE)",
    "metric.moves_in": "Moves in (FTE)",
    "metric.moves_out": "Moves out (FTE)",
    "metric.surplus_headcount": "Surplus (FTE)",
    "metric.new_roles_fte": "New AI roles (FTE)",
    "metric.labour_cost_saved": "Labour cost saved",
    "metric.ai_cost": "AI running cost",
    "metric.new_roles_cost": "Cost of new AI roles",
    "metric.net_benefit": "Net benefit",
    "metric.energy_kwh": "Energy (kWh)",
    "metric.co2_kg": "CO2 (kg)",
    "metric.usage": "Usage",
    # Tornado
    "tornado_heading": "What drives the result",
    "tornado_text": (
        "How the median of {metric} in the last year moves when one uncertain input goes "
        "from its low to its high value while the others stay at their most likely value. "
        "The longest bars are the assumptions most worth arguing over."
    ),
    "tornado_spread": (
        "Share of the spread: how much of the variation of {metric} across all draws goes "
        "with each input (by rank correlation). An input can widen the range while moving "
        "the median little."
    ),
    "tornado_others": "sensitivity.csv also has: {metrics}.",
    "tornado_low": "Input at its low value",
    "tornado_high": "Input at its high value",
    "tornado_base": "All inputs at their most likely value: {value}",
    "col.input": "Input",
    "col.low": "Low",
    "col.mode": "Most likely",
    "col.high": "High",
    "col.value_low": "Result at low",
    "col.value_high": "Result at high",
    "col.base": "Result at most likely",
    "col.swing": "Swing",
    "col.spread_share": "Share of the spread",
    # Departments and services
    "departments_scenario_heading": "Departments in {year}",
    "departments_scenario_text": (
        "Per department the projected headcount, the FTE equivalent freed and the surplus "
        "headcount: people whose work has shrunk and who are not yet redeployed, the people "
        "to plan retraining and redeployment for. Medians of departments do not add up to "
        "the organisation's median."
    ),
    "services_heading": "AI services in {year}",
    "services_text": "Hours freed, running cost, energy and CO2 per AI service (P50).",
    "coverage_caption": "What each service covers",
    "coverage_text": (
        "The tasks and occupations each service is linked to, and how: by O*NET task ID, by "
        "work activity (DWA/IWA), or by the similarity of a free-text description. A task "
        "that several services cover counts for each in part."
    ),
    "col.service_id": "AI service",
    "col.service": "AI service",
    "col.tasks_covered": "Tasks",
    "col.occupations": "Occupations",
    "col.matched_by": "Linked by",
    # Assumptions
    "assumptions_heading": "Assumptions",
    "assumptions_text": (
        "Every input of the projection with its range: low, most likely and high, its unit "
        "and where the value comes from. Uncertain inputs are drawn between low and high in "
        "every draw; an input with one value is fixed."
    ),
    "col.parameter": "Parameter",
    "col.scope": "Applies to",
    "col.unit": "Unit",
    "col.description": "Description",
    "assumption_source": "Source",
    # Rows not projected
    "not_projected_heading": "Rows not projected",
    "not_projected_none": "Every input row was projected.",
    "not_projected_text": (
        "{rows} input rows were not projected (not_projected.csv lists each with its reason). "
        "The most frequent reasons:"
    ),
    # Method
    "scenario_method_heading": "Method",
    "scenario_method_adoption": (
        "Each AI service is adopted along an S-curve from its launch date up to a ceiling. "
        "The share of a role's task time a service can take over is its exposure (E1, plus "
        "part of E2) on the tasks the service covers."
    ),
    "scenario_method_hours": (
        "Hours freed are headcount times hours per full-time year times adoption times "
        "exposed share times time saved times the share of that time actually realised. "
        "Freed time from augmentation is partly reinvested in quality or volume."
    ),
    "scenario_method_flows": (
        "Each year people leave through attrition and retirement; where fewer are needed, "
        "a surplus is first offered to shortfalls and new AI roles (redeployment), and what "
        "is still missing is hired unless hiring is frozen. Headcount = previous headcount "
        "- attrition - exits + hires + moves in - moves out, in every group and year."
    ),
    "scenario_method_money": (
        "Labour cost saved is FTE freed times cost per head; AI running cost is usage times "
        "price plus fixed cost; energy is usage times energy per request times PUE; CO2 is "
        "energy times grid intensity times the non-renewable share."
    ),
    "scenario_method_draws": (
        "Uncertain inputs (adoption, time saved and its realisation, exposure between alpha "
        "and zeta and where labels disagree, attrition) are drawn anew in each Monte Carlo "
        "draw. The same seed gives the same numbers."
    ),
}

_DE: dict[str, str] = {
    "scenario_title": "Belegschaftsszenario für generative KI, {first} bis {last}",
    "scenario_subtitle": (
        "workshift-Szenariobericht. Portfolio: {portfolio_file}. Szenario: {scenario_file}."
    ),
    "scenario_meta": (
        "Voreinstellung {preset}; {draws} Monte-Carlo-Ziehungen mit Startwert {seed}; "
        "Geldbeträge in {currency}. Referenzdaten {bundle_version}."
    ),
    "no_scenario_file": "keine (nur Voreinstellung)",
    "more_in_projection_csv": (
        "Gezeigt werden die ersten {shown} von {total}; projection.csv enthält alle."
    ),
    "more_in_sensitivity_csv": (
        "Gezeigt werden die ersten {shown} von {total}; sensitivity.csv enthält alle."
    ),
    "more_in_not_projected_csv": (
        "Gezeigt werden die ersten {shown} von {total} Gründen; not_projected.csv führt "
        "jede Zeile auf."
    ),
    "scenario_is_heading": "Was dieser Bericht ist und was nicht",
    "scenario_is": (
        "Eine Spanne möglicher Ergebnisse unter den in diesem Bericht genannten Annahmen, "
        "keine Prognose. Jede Zahl stammt aus {draws} simulierten Ziehungen der unsicheren "
        "Eingaben und wird als P10, P50 und P90 gezeigt: In acht von zehn Ziehungen liegt "
        "das Ergebnis zwischen P10 und P90, P50 ist der Median. Ändert sich eine Annahme, "
        "verschiebt sich die Spanne; die Annahmentabelle und das Sensitivitätsdiagramm "
        "zeigen, welche am meisten zählen."
    ),
    "scenario_not_job_loss": (
        "Betroffenheit bedeutet keinen Arbeitsplatzverlust. Durch KI frei werdende Stunden "
        "zeigen, wo sich Arbeit verändert; wie viele Menschen gebraucht werden und was mit "
        "der frei werdenden Zeit geschieht, entscheiden die Organisation und die "
        "Arbeitnehmervertretung. Die Projektion lässt natürliche Fluktuation und Umsetzung "
        "die Veränderung zuerst auffangen."
    ),
    "exits_none": (
        "In diesem Szenario scheidet niemand anders aus als durch Fluktuation und Ruhestand: "
        "Wo weniger Menschen gebraucht werden, bleiben sie als Überhang, also als die "
        "Menschen, für die Qualifizierung und Umsetzung zu planen sind."
    ),
    "exits_some": (
        "In diesem Szenario scheidet der Überhang, den Fluktuation und Umsetzung nicht "
        "auffangen, aus der Organisation aus (Austritte); der Wasserfall zeigt, wie viele "
        "im Mittel."
    ),
    "glance_heading": "Das Szenario im Überblick",
    "in_year": "{what} {year}",
    "net_change_to": "Nettoveränderung bis {year}",
    "net_change_help": (
        "Mittelwert der Ziehungen: projizierte Köpfe gegenüber heute ({pct}); dieselbe Zahl "
        "wie im Wasserfall. P10 bis P90: {p10} bis {p90}."
    ),
    "headcount_start_help": (
        "Vollzeitäquivalente der {people} projizierten Personen (Teilzeit zählt mit ihrem "
        "Anteil); siehe Personen und VZÄ."
    ),
    "range_help": "P10 bis P90: {p10} bis {p90}",
    "projected_value": "{p50} (P50; P10 bis P90: {p10} bis {p90})",
    "settings_caption": "Einstellungen dieses Laufs",
    "totals_caption": "Summen über {first} bis {last}",
    "totals_text": (
        "Die Summe jeder Ziehung über die Jahre, dann P10, P50 und P90 dieser Summen (nicht "
        "die Summe der jährlichen Mediane)."
    ),
    "col.total_metric": "Summe",
    "key.years": "Jahre",
    "key.draws": "Monte-Carlo-Ziehungen",
    "key.seed": "Startwert",
    "key.preset": "Voreinstellung",
    "key.currency": "Währung",
    "key.headcount_start": "Köpfe zu Beginn (VZÄ)",
    "key.headcount_projected": "Projizierte Köpfe im letzten Jahr (VZÄ)",
    "key.not_projected_rows": "Nicht projizierte Eingabezeilen",
    "key.portfolio_file": "Portfolio-Datei",
    "key.scenario_file": "Szenario-Datei",
    "waterfall_heading": "Von den heutigen Köpfen bis {year}",
    "waterfall_text": (
        "Von den heutigen zu den projizierten Köpfen, in VZÄ, mit der Wirkung der KI-Dienste "
        "getrennt von der normalen Fluktuation. Fluktuation ist, was ohne KI geschähe: "
        "dieselben Ziehungen mit einer Einführung jedes Dienstes von null (Fluktuation und "
        "Ruhestand, Einstellungen als Ersatz, Nachfragewachstum), ein Nettoschritt. Die "
        "KI-Schritte sind dieses Szenario abzüglich jenes, Ziehung für Ziehung: nicht "
        "getätigte Einstellungen in Rollen, die die Dienste verkleinern, weniger Abgänge aus "
        "einer kleineren Belegschaft, Umsetzungen in neue KI-Rollen, Austritte und die neuen "
        "KI-Rollen. Jeder Schritt ist der Mittelwert über alle Ziehungen (Mittelwerte "
        "addieren sich, Mediane nicht); die Kennzahlen oben verwenden dieselben Mittelwerte."
    ),
    "waterfall_net": (
        "Nettoveränderung (Mittelwert): {change} ({pct}), von {start} auf {end} VZÄ."
    ),
    "waterfall_residual": (
        "Die Schritte lassen {residual} der Veränderung unerklärt (Rundung oder eine "
        "Bewegung, die die Projektion nicht aufführt)."
    ),
    "step.start": "Heute",
    "step.headcount_start": "Heute",
    "step.attrition": "Fluktuation und Ruhestand",
    "step.churn_without_ai": "Fluktuation ohne KI (netto)",
    "step.ai_fewer_hires": "KI: nicht getätigte Einstellungen",
    "step.ai_fewer_leavers": "KI: weniger Abgänge",
    "step.retirement": "Ruhestand",
    "step.exits": "Austritte",
    "step.hires": "Einstellungen",
    "step.redeployment": "Umsetzung",
    "step.moves_in": "Zugänge durch Umsetzung",
    "step.moves_out": "Abgänge durch Umsetzung",
    "step.redeployment_to_new_roles": "KI: in neue KI-Rollen umgesetzt",
    "step.new_roles": "KI: neue KI-Rollen",
    "step.new_roles_fte": "Neue KI-Rollen",
    "step.end": "Projiziert",
    "step.headcount_end": "Projiziert",
    "step.headcount": "Projiziert",
    "fans_heading": "Spannen im Zeitverlauf",
    "fans_text": (
        "Summen der Organisation je Jahr. Das Band reicht von P10 bis P90, die Linie ist "
        "der Median (P50). Mediane verschiedener Größen addieren sich nicht: Der P50 des "
        "Nettonutzens ist nicht der P50 der Einsparungen minus der P50 der Kosten."
    ),
    "fan.headcount": "Köpfe (VZÄ)",
    "fan.headcount_text": (
        "Beschäftigte in Vollzeitäquivalenten nach Fluktuation, Austritten, Einstellungen, "
        "Umsetzungen und neuen KI-Rollen."
    ),
    "fan.fte": "Frei werdende Vollzeitäquivalente",
    "fan.fte_text": (
        "Durch die KI-Dienste frei werdende Stunden geteilt durch die Stunden eines "
        "Vollzeitjahres: Kapazität, die verfügbar wird, nicht Menschen, die gehen."
    ),
    "fan.money": "Eingesparte Personalkosten, KI-Betriebskosten und Nettonutzen",
    "fan.money_text": (
        "Nettonutzen sind die eingesparten Personalkosten abzüglich der Betriebskosten der "
        "KI-Dienste und der Kosten der neuen KI-Rollen."
    ),
    "fan.energy": "Energie und CO2 der KI-Dienste",
    "fan.energy_text": (
        "Strom für die Anfragen und Tokens der KI-Dienste (mit dem PUE des Rechenzentrums) "
        "und das CO2, das er bei der CO2-Intensität und dem erneuerbaren Anteil des Netzes "
        "verursacht."
    ),
    "fan.new_roles": "Neue KI-Rollen",
    "fan.new_roles_text": (
        "Vollzeitäquivalente in KI-Entwicklung, KI-Betrieb und -Aufsicht sowie Inhalts- und "
        "Prompt-Gestaltung, die das Portfolio braucht."
    ),
    "band": "{metric}, P10 bis P90",
    "median": "{metric}, P50",
    "axis.headcount": "VZÄ",
    "axis.fte": "VZÄ",
    "axis.energy_kwh": "kWh",
    "axis.co2_kg": "kg CO2",
    "scale.thousand": "Tsd. {unit}",
    "scale.million": "Mio. {unit}",
    "scale.billion": "Mrd. {unit}",
    "metric.hours_freed": "Frei werdende Stunden",
    "metric.fte_equivalent": "Frei werdende VZÄ",
    "metric.ai_effect": "KI-Effekt auf die Köpfe (VZÄ)",
    "metric.need_reduction_fte": "Geringerer Bedarf (VZÄ)",
    "metric.headcount": "Köpfe (VZÄ)",
    "metric.attrition": "Fluktuation und Ruhestand (VZÄ)",
    "metric.exits": "Austritte (VZÄ)",
    "metric.hires": "Einstellungen (VZÄ)",
    "metric.moves_in": "Zugänge durch Umsetzung (VZÄ)",
    "metric.moves_out": "Abgänge durch Umsetzung (VZÄ)",
    "metric.surplus_headcount": "Überhang (VZÄ)",
    "metric.new_roles_fte": "Neue KI-Rollen (VZÄ)",
    "metric.labour_cost_saved": "Eingesparte Personalkosten",
    "metric.ai_cost": "KI-Betriebskosten",
    "metric.new_roles_cost": "Kosten neuer KI-Rollen",
    "metric.net_benefit": "Nettonutzen",
    "metric.energy_kwh": "Energie (kWh)",
    "metric.co2_kg": "CO2 (kg)",
    "metric.usage": "Nutzung",
    "tornado_heading": "Was das Ergebnis treibt",
    "tornado_text": (
        "Wie sich der Median der Größe „{metric}“ im letzten Jahr bewegt, wenn eine "
        "unsichere Eingabe von ihrem unteren zu ihrem oberen Wert geht und die anderen auf ihrem "
        "wahrscheinlichsten Wert bleiben. Die längsten Balken sind die Annahmen, über die zu "
        "streiten sich am meisten lohnt."
    ),
    "tornado_spread": (
        "Anteil an der Streuung: wie viel der Schwankung der Größe „{metric}“ über alle Ziehungen "
        "mit jeder Eingabe einhergeht (nach Rangkorrelation). Eine Eingabe kann die Spanne "
        "weiten und den Median doch kaum bewegen."
    ),
    "tornado_others": "sensitivity.csv enthält außerdem: {metrics}.",
    "tornado_low": "Eingabe am unteren Wert",
    "tornado_high": "Eingabe am oberen Wert",
    "tornado_base": "Alle Eingaben am wahrscheinlichsten Wert: {value}",
    "col.input": "Eingabe",
    "col.low": "Unterer Wert",
    "col.mode": "Wahrscheinlichster Wert",
    "col.high": "Oberer Wert",
    "col.value_low": "Ergebnis unten",
    "col.value_high": "Ergebnis oben",
    "col.base": "Ergebnis beim wahrscheinlichsten Wert",
    "col.swing": "Ausschlag",
    "col.spread_share": "Anteil an der Streuung",
    "departments_scenario_heading": "Abteilungen {year}",
    "departments_scenario_text": (
        "Je Abteilung die projizierten Köpfe, die frei werdenden Vollzeitäquivalente und der "
        "Überhang: Menschen, deren Arbeit geschrumpft ist und die noch nicht umgesetzt sind, "
        "also die Menschen, für die Qualifizierung und Umsetzung zu planen sind. Die Mediane "
        "der Abteilungen addieren sich nicht zum Median der Organisation."
    ),
    "services_heading": "KI-Dienste {year}",
    "services_text": ("Frei werdende Stunden, Betriebskosten, Energie und CO2 je KI-Dienst (P50)."),
    "coverage_caption": "Was jeder Dienst abdeckt",
    "coverage_text": (
        "Die Aufgaben und Berufe, mit denen jeder Dienst verknüpft ist, und wie: über die "
        "O*NET-Aufgaben-ID, über die Arbeitsaktivität (DWA/IWA) oder über die Ähnlichkeit "
        "einer freien Beschreibung. Eine Aufgabe, die mehrere Dienste abdecken, zählt für "
        "jeden anteilig."
    ),
    "col.service_id": "KI-Dienst",
    "col.service": "KI-Dienst",
    "col.tasks_covered": "Aufgaben",
    "col.occupations": "Berufe",
    "col.matched_by": "Verknüpft über",
    "assumptions_heading": "Annahmen",
    "assumptions_text": (
        "Jede Eingabe der Projektion mit ihrer Spanne: unterer, wahrscheinlichster und "
        "oberer Wert, Einheit und Herkunft des Werts. Unsichere Eingaben werden in jeder "
        "Ziehung zwischen unterem und oberem Wert gezogen; eine Eingabe mit nur einem Wert "
        "ist fest."
    ),
    "col.parameter": "Parameter",
    "col.scope": "Gilt für",
    "col.unit": "Einheit",
    "col.description": "Beschreibung",
    "assumption_source": "Quelle",
    "not_projected_heading": "Nicht projizierte Zeilen",
    "not_projected_none": "Jede Eingabezeile wurde projiziert.",
    "not_projected_text": (
        "{rows} Eingabezeilen wurden nicht projiziert (not_projected.csv führt jede mit "
        "ihrem Grund auf). Die häufigsten Gründe:"
    ),
    "scenario_method_heading": "Methode",
    "scenario_method_adoption": (
        "Jeder KI-Dienst wird ab seinem Startdatum entlang einer S-Kurve bis zu einer "
        "Obergrenze eingeführt. Der Anteil der Arbeitszeit einer Rolle, den ein Dienst "
        "übernehmen kann, ist ihre Betroffenheit (E1 und ein Teil von E2) bei den Aufgaben, "
        "die der Dienst abdeckt."
    ),
    "scenario_method_hours": (
        "Frei werdende Stunden sind Köpfe mal Stunden eines Vollzeitjahres mal Einführungsgrad "
        "mal betroffener Anteil mal Zeitersparnis mal dem tatsächlich realisierten Anteil "
        "davon. Zeit, die Unterstützung (Augmentation) frei macht, fließt teils in Qualität "
        "oder Menge zurück."
    ),
    "scenario_method_flows": (
        "Jedes Jahr scheiden Menschen durch Fluktuation und Ruhestand aus; wo weniger "
        "gebraucht werden, wird der Überhang zuerst Engpässen und neuen KI-Rollen angeboten "
        "(Umsetzung), was dann noch fehlt, wird eingestellt, außer bei Einstellungsstopp. "
        "Köpfe = Köpfe im Vorjahr - Fluktuation - Austritte + Einstellungen + Zugänge - "
        "Abgänge, in jeder Gruppe und jedem Jahr."
    ),
    "scenario_method_money": (
        "Eingesparte Personalkosten sind frei werdende VZÄ mal Kosten je Kopf; "
        "KI-Betriebskosten sind Nutzung mal Preis plus Fixkosten; Energie ist Nutzung mal "
        "Energie je Anfrage mal PUE; CO2 ist Energie mal CO2-Intensität des Netzes mal dem "
        "nicht erneuerbaren Anteil."
    ),
    "scenario_method_draws": (
        "Unsichere Eingaben (Einführung, Zeitersparnis und ihre Realisierung, Betroffenheit "
        "zwischen Alpha und Zeta und bei abweichenden Bewertungen, Fluktuation) werden in "
        "jeder Monte-Carlo-Ziehung neu gezogen. Derselbe Startwert ergibt dieselben Zahlen."
    ),
}

# The names of assumptions, units, money and people-vs-FTE texts (English).
_EN_MORE: dict[str, str] = {
    "stat.mean": "mean",
    "money_million": "{currency}\u00a0{value} million",
    "money_billion": "{currency}\u00a0{value} billion",
    "stat.p50": "P50",
    "in_year_stat": "{what} in {year} ({stat})",
    "net_change_to_stat": "Net change to {year} (FTE, {stat})",
    "ai_effect_label": "AI effect on headcount in {year} (FTE, mean)",
    "ai_effect_help": ("This scenario less the same draws without AI. P10 to P90: {p10} to {p90}."),
    "projected_help_mean": "Mean over the draws. P10 to P90: {p10} to {p90}; P50 {p50}.",
    "projected_value_mean": "{mean} (mean; P10 to P90: {p10} to {p90})",
    # Waterfall notes
    "churn_note": (
        "Without AI, over {first} to {last}, {attrition} FTE would leave through attrition "
        "and retirement and {hires} FTE would be hired (means over the draws): net {net}."
    ),
    "ai_effect_note": (
        "The AI services' effect on the headcount in {year}: {mean} FTE (mean; P10 to P90: "
        "{p10} to {p90})."
    ),
    "zero_steps_note": "Not shown because they are zero: {steps}.",
    # Money and exchange rates
    "money_heading": "Money and exchange rates",
    "money_text": (
        "Every amount in this report is in {currency}. Amounts in other currencies were "
        "converted at the rates below before anything was added up; two currencies are never "
        "added."
    ),
    "money_rates_from": "Rates as stated in the scenario file {file}.",
    "money_no_conversion": "No conversion was needed: every amount was given in {currency}.",
    "money_unknown": "Money is in {currency}, as the projection states.",
    "col.money_source": "Amounts",
    "col.money_currency": "Currency",
    "col.money_rows": "Rows",
    "col.money_amount": "Amount in its currency",
    "col.money_rate": "Rate ({currency} per unit)",
    "col.money_converted": "In {currency}",
    "col.money_basis": "Currency taken from",
    "money.workforce": "Workforce annual cost",
    "money.portfolio": "AI service prices and fixed costs (portfolio)",
    "money.wages": "BLS median wages (roles without annual cost, new AI roles)",
    "basis.workforce column currency": "the workforce's currency column",
    "basis.scenario workforce_currency.by_location": "the scenario, by site",
    "basis.scenario workforce_currency.by_country": "the scenario, by country",
    "basis.scenario workforce_currency.default": "the scenario's default",
    "basis.country of the row": "the row's country",
    "basis.report currency (no currency stated)": "none stated: the report currency",
    # People and FTE
    "people_heading": "People and FTE",
    "people_text": (
        "This scenario counts full-time equivalents (FTE): a person on half time is 0.5. The "
        "analysis report counts people in occupations with scored tasks. The table goes from "
        "the people in the workforce file to the FTE projected here, with numbers from the "
        "same file. Fractions of people come from rows whose title has several candidate "
        "occupations: such a row counts in parts for each."
    ),
    "people.input": "People in the workforce file ({rows} rows)",
    "people.not_projected": "less: people in rows not projected ({rows} rows, no occupation)",
    "people.projected": "People projected",
    "people.scored": "of them in occupations with scored tasks (the analysis report's headcount)",
    "people.unscored": (
        "of them in occupations without scored tasks ({rows} rows): projected, but no AI "
        "service changes their work"
    ),
    "people.part_time": "less: part-time work (people minus their FTE)",
    "people.fte": "FTE projected (today's headcount in this report)",
    "people.without_fte": "{rows} projected rows have no FTE value and count one FTE per person.",
    "col.people_item": "Step",
    "col.people_value": "Value",
    "col.people_unit": "Unit",
    "unit.people": "people",
    # Assumptions
    "assumptions_grouped_text": (
        "Every input of the projection with its range (low, most likely, high), grouped by "
        "topic and by AI service, its unit and where the value comes from. Uncertain inputs "
        "are drawn between low and high in every draw; an input with one value is fixed. "
        "Shares are shown in per cent. The files are named in the settings above; the "
        "appendix lists the same inputs under the keys of the scenario and portfolio files."
    ),
    "col.assumption": "Assumption",
    "group.adoption": "Adoption and exposure",
    "group.flows": "Workforce and flows",
    "group.money": "Costs",
    "group.energy": "Energy and carbon (defaults for every service)",
    "group.other": "Other",
    "group.service": "AI service: {service}",
    "appendix_heading": "Appendix: assumption keys",
    "appendix_text": (
        "The assumptions as assumptions.csv has them: the keys of the scenario and portfolio "
        "files, the unit as the files state it and the description from the file schema "
        "(English)."
    ),
    "col.key": "Key",
    "col.scope_key": "Applies to",
    "source.preset": "preset {name}",
    "source.scenario": "scenario file",
    "source.portfolio": "portfolio",
    "source.default": "scenario-wide value",
    "launch_value": "{date} ({quarter})",
    "tornado_input": "{service}: {parameter}",
    # Coverage: how tasks were linked
    "way.task": "O*NET task ID",
    "way.activity": "work activity",
    "way.description": "similarity of a description",
    "way.text": "similarity of a description",
    "param.hours_per_fte": "Working hours per FTE",
    "param.realisation": "Share of the time saved that is realised",
    "param.e2_weight": "Weight of tasks that need software built on an LLM (E2)",
    "param.time_saved": "Time saved on covered, exposed tasks (default)",
    "param.capacity_share_automation": "Freed time that lowers the staff needed: automation",
    "param.capacity_share_augmentation": "Freed time that lowers the staff needed: augmentation",
    "param.attrition_scale": "Multiplier on attrition and retirement",
    "param.attrition_rate": "Attrition rate",
    "param.retirement_rate": "Retirement rate",
    "param.attrition_by_department": "Attrition rate by department",
    "param.retirement_by_department": "Retirement rate by department",
    "param.redeployment_rate": "Share of the surplus that can be redeployed each year",
    "param.redeploy_within": "Redeployment within",
    "param.hiring_freeze_years": "Hiring freeze in roles the services shrink",
    "param.exits": "Exits",
    "param.demand_growth": "Growth of business volume",
    "param.on_cost": "Employer cost over wage (for BLS wages)",
    "param.pue": "Data-centre PUE",
    "param.grid_gco2_per_kwh": "Grid carbon intensity",
    "param.renewable_share": "Renewable share of the electricity",
    "param.adoption_ceiling_scale": "Multiplier on every adoption ceiling",
    "param.adoption_midpoint_shift": "Shift of every adoption midpoint",
    "param.adoption_steepness_scale": "Multiplier on every adoption speed",
    "param.min_similarity": "Least similarity for a description to cover a task",
    "param.new_role_cost": "Annual cost per FTE of new AI roles",
    "sparam.launch": "Launch",
    "sparam.adoption.ceiling": "Adoption ceiling (long-run share of covered work)",
    "sparam.adoption.midpoint": "Years from launch to half the ceiling",
    "sparam.adoption.steepness": "Adoption speed",
    "sparam.time_saved": "Time saved on covered, exposed tasks",
    "sparam.tokens_per_hour": "Tokens per covered hour of work",
    "sparam.requests_per_hour": "Requests per covered hour of work",
    "sparam.tokens_per_year": "Tokens per year not tied to staff hours",
    "sparam.requests_per_year": "Requests per year not tied to staff hours",
    "sparam.price_per_million_tokens": "Price per million tokens",
    "sparam.price_per_request": "Price per request",
    "sparam.price_per_token": "Price per token",
    "sparam.energy_wh_per_token": "Energy per token",
    "sparam.energy_wh_per_1k_tokens": "Energy per 1,000 tokens",
    "sparam.energy_wh_per_request": "Energy per request",
    "sparam.fixed_per_year": "Fixed cost (licences, platform, support)",
    "sparam.pue": "Data-centre PUE",
    "sparam.grid_gco2_per_kwh": "Grid carbon intensity",
    "sparam.renewable_share": "Renewable share of the electricity",
    "sparam.new_roles.fte": "{role}: FTE from launch",
    "sparam.new_roles.per_100_fte_freed": "{role}: FTE per 100 FTE freed",
    "unit.share": "per cent",
    "unit.share/year": "per cent per year",
    "unit.hours/year": "hours per year",
    "unit.factor": "factor",
    "unit.gCO2/kWh": "grams of CO2 per kWh",
    "unit.years": "years",
    "unit.year": "date",
    "unit.1/year": "per year",
    "unit.tokens/hour": "tokens per hour",
    "unit.requests/hour": "requests per hour",
    "unit.tokens/year": "tokens per year",
    "unit.requests/year": "requests per year",
    "unit.currency/million tokens": "{currency} per million tokens",
    "unit.currency/request": "{currency} per request",
    "unit.currency/year": "{currency} per year",
    "unit.currency/fte_year": "{currency} per FTE and year",
    "unit.Wh/1k tokens": "watt-hours per 1,000 tokens",
    "unit.Wh/request": "watt-hours per request",
    "unit.FTE": "FTE",
    "unit.fte_per_100": "FTE per 100 FTE freed",
    "unit.similarity": "cosine similarity (0 to 1)",
    "value.location": "the site",
    "value.department": "the department",
    "value.organisation": "the whole organisation",
    "value.none": "none: the surplus stays employed",
    "value.residual": "the surplus that is not absorbed leaves",
}

_DE_MORE: dict[str, str] = {
    "stat.mean": "Mittelwert",
    "money_million": "{value}\u00a0Mio.\u00a0{currency}",
    "money_billion": "{value}\u00a0Mrd.\u00a0{currency}",
    "stat.p50": "P50",
    "in_year_stat": "{what} {year} ({stat})",
    "net_change_to_stat": "Nettoveränderung bis {year} (VZÄ, {stat})",
    "ai_effect_label": "KI-Effekt auf die Köpfe {year} (VZÄ, Mittelwert)",
    "ai_effect_help": (
        "Dieses Szenario abzüglich derselben Ziehungen ohne KI. P10 bis P90: {p10} bis {p90}."
    ),
    "projected_help_mean": "Mittelwert der Ziehungen. P10 bis P90: {p10} bis {p90}; P50 {p50}.",
    "projected_value_mean": "{mean} (Mittelwert; P10 bis P90: {p10} bis {p90})",
    "churn_note": (
        "Ohne KI würden von {first} bis {last} {attrition} VZÄ durch Fluktuation und "
        "Ruhestand ausscheiden und {hires} VZÄ eingestellt (Mittelwerte der Ziehungen): "
        "netto {net}."
    ),
    "ai_effect_note": (
        "Wirkung der KI-Dienste auf die Köpfe {year}: {mean} VZÄ (Mittelwert; P10 bis P90: "
        "{p10} bis {p90})."
    ),
    "zero_steps_note": "Nicht gezeigt, weil sie null sind: {steps}.",
    "money_heading": "Geldbeträge und Wechselkurse",
    "money_text": (
        "Alle Beträge in diesem Bericht sind in {currency}. Beträge in anderen Währungen "
        "wurden zu den unten genannten Kursen umgerechnet, bevor etwas addiert wurde; zwei "
        "Währungen werden nie zusammengezählt."
    ),
    "money_rates_from": "Kurse wie in der Szenario-Datei {file} angegeben.",
    "money_no_conversion": ("Keine Umrechnung nötig: Alle Beträge waren in {currency} angegeben."),
    "money_unknown": "Geldbeträge in {currency}, wie die Projektion angibt.",
    "col.money_source": "Beträge",
    "col.money_currency": "Währung",
    "col.money_rows": "Zeilen",
    "col.money_amount": "Betrag in seiner Währung",
    "col.money_rate": "Kurs ({currency} je Einheit)",
    "col.money_converted": "In {currency}",
    "col.money_basis": "Währung bestimmt durch",
    "money.workforce": "Jährliche Personalkosten der Belegschaft",
    "money.portfolio": "Preise und Fixkosten der KI-Dienste (Portfolio)",
    "money.wages": "BLS-Medianlöhne (Rollen ohne Personalkosten, neue KI-Rollen)",
    "basis.workforce column currency": "die Währungsspalte der Belegschaftsdatei",
    "basis.scenario workforce_currency.by_location": "das Szenario, je Standort",
    "basis.scenario workforce_currency.by_country": "das Szenario, je Land",
    "basis.scenario workforce_currency.default": "die Vorgabe des Szenarios",
    "basis.country of the row": "das Land der Zeile",
    "basis.report currency (no currency stated)": "keine Angabe: die Berichtswährung",
    "people_heading": "Personen und VZÄ",
    "people_text": (
        "Dieses Szenario zählt Vollzeitäquivalente (VZÄ): Eine Person in halber Teilzeit ist "
        "0,5. Der Analysebericht zählt Personen in Berufen mit bewerteten Aufgaben. Die "
        "Tabelle führt von den Personen der Belegschaftsdatei zu den hier projizierten VZÄ, "
        "mit Zahlen aus derselben Datei. Bruchteile von Personen entstehen bei Zeilen, deren "
        "Stellenbezeichnung mehrere mögliche Berufe hat: Eine solche Zeile zählt anteilig für "
        "jeden."
    ),
    "people.input": "Personen in der Belegschaftsdatei ({rows} Zeilen)",
    "people.not_projected": (
        "abzüglich Personen in nicht projizierten Zeilen ({rows} Zeilen, kein Beruf)"
    ),
    "people.projected": "Projizierte Personen",
    "people.scored": "davon in Berufen mit bewerteten Aufgaben (Köpfe des Analyseberichts)",
    "people.unscored": (
        "davon in Berufen ohne bewertete Aufgaben ({rows} Zeilen): projiziert, aber kein "
        "KI-Dienst verändert ihre Arbeit"
    ),
    "people.part_time": "abzüglich Teilzeit (Personen minus ihre VZÄ)",
    "people.fte": "Projizierte VZÄ (die heutigen Köpfe in diesem Bericht)",
    "people.without_fte": (
        "{rows} projizierte Zeilen haben keinen VZÄ-Wert und zählen ein VZÄ je Person."
    ),
    "col.people_item": "Schritt",
    "col.people_value": "Wert",
    "col.people_unit": "Einheit",
    "unit.people": "Personen",
    "assumptions_grouped_text": (
        "Jede Eingabe der Projektion mit ihrer Spanne (unterer, wahrscheinlichster, oberer "
        "Wert), nach Thema und KI-Dienst gruppiert, mit Einheit und Herkunft des Werts. "
        "Unsichere Eingaben werden in jeder Ziehung zwischen unterem und oberem Wert "
        "gezogen; eine Eingabe mit nur einem Wert ist fest. Anteile stehen in Prozent. Die "
        "Dateien nennen die Einstellungen oben; der Anhang führt dieselben Eingaben unter "
        "den Schlüsseln der Szenario- und Portfolio-Datei auf."
    ),
    "col.assumption": "Annahme",
    "group.adoption": "Einführung und Betroffenheit",
    "group.flows": "Belegschaft und Bewegungen",
    "group.money": "Kosten",
    "group.energy": "Energie und CO2 (Vorgaben für jeden Dienst)",
    "group.other": "Sonstiges",
    "group.service": "KI-Dienst: {service}",
    "appendix_heading": "Anhang: Schlüssel der Annahmen",
    "appendix_text": (
        "Die Annahmen wie in assumptions.csv: die Schlüssel der Szenario- und Portfolio-Datei, "
        "die Einheit wie in den Dateien und die Beschreibung aus dem Dateischema (englisch)."
    ),
    "col.key": "Schlüssel",
    "col.scope_key": "Gilt für",
    "source.preset": "Voreinstellung {name}",
    "source.scenario": "Szenario-Datei",
    "source.portfolio": "Portfolio",
    "source.default": "szenarioweiter Wert",
    "launch_value": "{date} ({quarter})",
    "tornado_input": "{service}: {parameter}",
    "way.task": "O*NET-Aufgaben-ID",
    "way.activity": "Arbeitsaktivität",
    "way.description": "Ähnlichkeit einer Beschreibung",
    "way.text": "Ähnlichkeit einer Beschreibung",
    "param.hours_per_fte": "Arbeitsstunden je VZÄ",
    "param.realisation": "Realisierter Anteil der eingesparten Zeit",
    "param.e2_weight": "Gewicht der Aufgaben, die Software auf LLM-Basis brauchen (E2)",
    "param.time_saved": "Zeitersparnis bei abgedeckten, betroffenen Aufgaben (Vorgabe)",
    "param.capacity_share_automation": (
        "Frei werdende Zeit, die den Personalbedarf senkt: Automatisierung"
    ),
    "param.capacity_share_augmentation": (
        "Frei werdende Zeit, die den Personalbedarf senkt: Unterstützung"
    ),
    "param.attrition_scale": "Faktor auf Fluktuation und Ruhestand",
    "param.attrition_rate": "Fluktuationsrate",
    "param.retirement_rate": "Ruhestandsrate",
    "param.attrition_by_department": "Fluktuationsrate je Abteilung",
    "param.retirement_by_department": "Ruhestandsrate je Abteilung",
    "param.redeployment_rate": "Jährlich umsetzbarer Anteil des Überhangs",
    "param.redeploy_within": "Umsetzung innerhalb",
    "param.hiring_freeze_years": "Einstellungsstopp in Rollen, die die Dienste verkleinern",
    "param.exits": "Austritte",
    "param.demand_growth": "Wachstum des Geschäftsvolumens",
    "param.on_cost": "Arbeitgeberkosten über dem Lohn (für BLS-Löhne)",
    "param.pue": "PUE des Rechenzentrums",
    "param.grid_gco2_per_kwh": "CO2-Intensität des Stromnetzes",
    "param.renewable_share": "Erneuerbarer Anteil des Stroms",
    "param.adoption_ceiling_scale": "Faktor auf jede Einführungsobergrenze",
    "param.adoption_midpoint_shift": "Verschiebung jeder Einführungsmitte",
    "param.adoption_steepness_scale": "Faktor auf jede Einführungsgeschwindigkeit",
    "param.min_similarity": "Mindestähnlichkeit, ab der eine Beschreibung eine Aufgabe abdeckt",
    "param.new_role_cost": "Jahreskosten je VZÄ neuer KI-Rollen",
    "sparam.launch": "Start",
    "sparam.adoption.ceiling": "Einführungsobergrenze (langfristiger Anteil abgedeckter Arbeit)",
    "sparam.adoption.midpoint": "Jahre vom Start bis zur halben Obergrenze",
    "sparam.adoption.steepness": "Einführungsgeschwindigkeit",
    "sparam.time_saved": "Zeitersparnis bei abgedeckten, betroffenen Aufgaben",
    "sparam.tokens_per_hour": "Tokens je abgedeckter Arbeitsstunde",
    "sparam.requests_per_hour": "Anfragen je abgedeckter Arbeitsstunde",
    "sparam.tokens_per_year": "Tokens pro Jahr ohne Bezug zu Arbeitsstunden",
    "sparam.requests_per_year": "Anfragen pro Jahr ohne Bezug zu Arbeitsstunden",
    "sparam.price_per_million_tokens": "Preis je Million Tokens",
    "sparam.price_per_request": "Preis je Anfrage",
    "sparam.price_per_token": "Preis je Token",
    "sparam.energy_wh_per_token": "Energie je Token",
    "sparam.energy_wh_per_1k_tokens": "Energie je 1.000 Tokens",
    "sparam.energy_wh_per_request": "Energie je Anfrage",
    "sparam.fixed_per_year": "Fixkosten (Lizenzen, Plattform, Support)",
    "sparam.pue": "PUE des Rechenzentrums",
    "sparam.grid_gco2_per_kwh": "CO2-Intensität des Stromnetzes",
    "sparam.renewable_share": "Erneuerbarer Anteil des Stroms",
    "sparam.new_roles.fte": "{role}: VZÄ ab Start",
    "sparam.new_roles.per_100_fte_freed": "{role}: VZÄ je 100 frei werdende VZÄ",
    "unit.share": "Prozent",
    "unit.share/year": "Prozent pro Jahr",
    "unit.hours/year": "Stunden pro Jahr",
    "unit.factor": "Faktor",
    "unit.gCO2/kWh": "Gramm CO2 je kWh",
    "unit.years": "Jahre",
    "unit.year": "Datum",
    "unit.1/year": "pro Jahr",
    "unit.tokens/hour": "Tokens pro Stunde",
    "unit.requests/hour": "Anfragen pro Stunde",
    "unit.tokens/year": "Tokens pro Jahr",
    "unit.requests/year": "Anfragen pro Jahr",
    "unit.currency/million tokens": "{currency} je Million Tokens",
    "unit.currency/request": "{currency} je Anfrage",
    "unit.currency/year": "{currency} pro Jahr",
    "unit.currency/fte_year": "{currency} je VZÄ und Jahr",
    "unit.Wh/1k tokens": "Wattstunden je 1.000 Tokens",
    "unit.Wh/request": "Wattstunden je Anfrage",
    "unit.FTE": "VZÄ",
    "unit.fte_per_100": "VZÄ je 100 frei werdende VZÄ",
    "unit.similarity": "Kosinus-Ähnlichkeit (0 bis 1)",
    "value.location": "des Standorts",
    "value.department": "der Abteilung",
    "value.organisation": "der ganzen Organisation",
    "value.none": "keine: der Überhang bleibt beschäftigt",
    "value.residual": "der nicht aufgefangene Überhang scheidet aus",
}

SCENARIO_MESSAGES: dict[Language, dict[str, str]] = {
    "en": {**_EN, **_EN_MORE},
    "de": {**_DE, **_DE_MORE},
}
"""The scenario report's own texts per language (the analysis catalogue supplies the rest)."""


# CLDR currencySpacing: a space (no-break) between an ISO code and the digits.
_NBSP = "\u00a0"


def _decimal_year(value: float) -> dt.date:
    """2025.4137 -> 2025-06-01: the day the decimal year falls on."""
    year = math.floor(value)
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    return start + dt.timedelta(days=round((value - year) * days))


class ScenarioMessages(Messages):
    """:class:`Messages` with the scenario texts, metric names and waterfall steps.

    Numbers, percentages, money and dates are written the language's way by Babel from
    the CLDR data (``de``: ``1.250.000``, ``12,5 %``; ``en``: ``1,250,000``, ``12.5%``).
    """

    catalogue: ClassVar[Mapping[Language, Mapping[str, str]]] = {
        lang: {**MESSAGES[lang], **SCENARIO_MESSAGES[lang]} for lang in LANGUAGES
    }

    def metric(self, name: str) -> str:
        """What a metric of the projection is called (its name when it has no text)."""
        return self.catalogue[self.lang].get(f"metric.{name}", name)

    def step(self, name: str) -> str:
        """A waterfall step in words (its name when it has no text)."""
        return self.catalogue[self.lang].get(f"step.{name}", name)

    def text(self, key: str, default: str, **values: Any) -> str:
        """The text for ``key`` (filled from ``values``), or ``default`` when there is none."""
        text = self.catalogue[self.lang].get(key)
        if text is None:
            return default
        return text.format(**values) if values else text

    # -- numbers (CLDR via Babel, see Messages._format); a percent keeps its no-break space
    def pct(self, value: Any, digits: int = 1) -> str:
        """A share as a percentage, the language's way (``12.5%``, ``12,5 %``)."""
        if _missing(value):
            return ""
        pattern = Locale.parse(self.locale).percent_formats[None].pattern
        decimals = "." + "0" * digits if digits else ""
        pattern = pattern.replace("#,##0", "#,##0" + decimals, 1)
        return str(format_percent(float(value), format=pattern, locale=self.locale))

    def money(self, value: Any) -> str:
        """Whole units of :attr:`currency`, with its ISO code where the language puts it."""
        if _missing(value):
            return ""
        amount = self._format(round(float(value)), "#,##0")
        if not self.currency:
            return amount
        pattern = Locale.parse(self.locale).currency_formats["standard"].pattern
        if pattern.split(";")[0].strip().startswith("¤"):
            return f"{self.currency}{_NBSP}{amount}"
        return f"{amount}{_NBSP}{self.currency}"

    def money_short(self, value: Any, scale: float | None = None) -> str:
        """Money for a headline: in millions or billions with one decimal when ``scale``
        (default: the value itself) is that large (``USD 11.2 million``)."""
        if _missing(value):
            return ""
        number = float(value)
        size = abs(number if scale is None else scale)
        for divisor, key in ((1e9, "money_billion"), (1e6, "money_million")):
            if size >= divisor:
                amount = self._format(number / divisor, "#,##0.0")
                return self(key, value=amount, currency=self.currency).strip()
        return self.money(number)

    def date(self, value: float) -> str:
        """A decimal year as a date and its quarter: ``June 1, 2025 (Q2 2025)``."""
        day = _decimal_year(float(value))
        return self(
            "launch_value",
            date=format_date(day, "long", locale=self.locale),
            quarter=format_date(day, "QQQ y", locale=self.locale),
        )

    # -- assumptions in words
    def parameter(
        self, name: str, scope: str = "all", roles: Mapping[str, str] | None = None
    ) -> str:
        """An assumption's name in words; a service's fields (``scope`` not ``all``) too."""
        if scope == "all":
            return self.text(f"param.{name}", name)
        if name.startswith("new_roles."):
            _, role, kind = [*name.split("."), "", ""][:3]
            label = (roles or {}).get(role, role)
            return self.text(f"sparam.new_roles.{kind}", name, role=label)
        return self.text(f"sparam.{name}", name)

    def unit(self, unit: str, name: str = "") -> str:
        """A unit in words (``currency/request`` -> ``USD per request``)."""
        if name.endswith("per_100_fte_freed"):
            unit = "fte_per_100"
        elif name == "new_role_cost":
            unit = "currency/fte_year"
        elif name == "min_similarity":
            unit = "similarity"
        elif name == "hiring_freeze_years":
            unit = "years"
        return self.text(f"unit.{unit}", unit, currency=self.currency) if unit else ""

    def value_text(self, value: Any) -> str:
        """A text-valued assumption (``location``, ``none``) in words."""
        text = "" if _missing(value) else str(value)
        return self.text(f"value.{text}", text)

    def source(self, source: str) -> str:
        """Where an assumption comes from, in words (``preset base``, ``portfolio x.yaml``)."""
        for prefix, key in (
            ("preset ", "source.preset"),
            ("scenario file ", "source.scenario"),
            ("portfolio ", "source.portfolio"),
        ):
            if source.startswith(prefix):
                rest = source[len(prefix) :]
                return self(key, name=rest, file=rest)
        if source.startswith("assumption "):
            return self("source.default")
        return source


def scenario_messages(lang: str, currency: str = "") -> ScenarioMessages:
    """The :class:`ScenarioMessages` for ``lang`` (``"en"`` or ``"de"``), money in ``currency``."""
    return ScenarioMessages(language(lang), currency)
