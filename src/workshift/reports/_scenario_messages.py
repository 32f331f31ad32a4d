"""The texts of the scenario report (``report.html`` of ``workshift scenario``), en and de.

Kept apart from ``_messages`` (the analysis report's texts) so neither module grows into
two concepts. :class:`ScenarioMessages` reads this catalogue laid over the analysis one,
so shared labels (``col.department``, ``key.bundle_version``, ``no_data``) are written
once; a test keeps the two catalogues' keys apart and the languages' keys equal.

Examples
--------
>>> m = scenario_messages("de", currency="EUR")
>>> m.metric("net_benefit"), m.money(-1250000)
('Nettonutzen', '-1.250.000 EUR')
>>> m.step("attrition"), m.step("something_new")
('Fluktuation und Ruhestand', 'something_new')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from workshift.reports._messages import LANGUAGES, MESSAGES, Language, Messages, language

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
    "net_change_help": "P50 of the projected headcount against today's ({pct}).",
    "headcount_start_help": "The projected workforce at the start.",
    "range_help": "P10 to P90: {p10} to {p90}",
    "projected_value": "{p50} (P10 to P90: {p10} to {p90})",
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
    "key.headcount_start": "Headcount at the start",
    "key.headcount_projected": "Headcount projected for the last year (P50)",
    "key.not_projected_rows": "Input rows not projected",
    "key.portfolio_file": "Portfolio file",
    "key.scenario_file": "Scenario file",
    # Waterfall
    "waterfall_heading": "From today's headcount to {year}",
    "waterfall_text": (
        "The organisation's flows from today's headcount to the projected one: who leaves "
        "through attrition and retirement, who moves to other work, who is hired and how many "
        "work in new AI roles. Each step is the mean over all draws; means add up where "
        "medians do not, so the steps add up to the change. The ranges are in the charts below."
    ),
    "waterfall_net": "Net change: {change} ({pct}), from {start} to {end}.",
    "waterfall_residual": (
        "The steps leave {residual} of the change unexplained (rounding, or a flow the "
        "projection does not list)."
    ),
    "step.start": "Today",
    "step.headcount_start": "Today",
    "step.attrition": "Attrition and retirement",
    "step.retirement": "Retirement",
    "step.exits": "Exits",
    "step.hires": "Hires",
    "step.redeployment": "Redeployment",
    "step.moves_in": "Moves in",
    "step.moves_out": "Moves out",
    "step.redeployment_to_new_roles": "Redeployed to new AI roles",
    "step.new_roles": "New AI roles",
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
    "fan.headcount": "Headcount",
    "fan.headcount_text": "People employed after attrition, exits, hires, moves and new AI roles.",
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
    "axis.headcount": "People",
    "axis.fte": "FTE",
    "axis.energy_kwh": "kWh",
    "axis.co2_kg": "kg CO2",
    "scale.thousand": "thousand {unit}",
    "scale.million": "million {unit}",
    "scale.billion": "billion {unit}",
    "metric.hours_freed": "Hours freed",
    "metric.fte_equivalent": "FTE equivalent freed",
    "metric.need_reduction_fte": "Reduction in FTE needed",
    "metric.headcount": "Headcount",
    "metric.attrition": "Attrition and retirement",
    "metric.exits": "Exits",
    "metric.hires": "Hires",
    "metric.moves_in": "Moves in",
    "metric.moves_out": "Moves out",
    "metric.surplus_headcount": "Surplus headcount",
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
    "net_change_help": "P50 der projizierten Köpfe gegenüber heute ({pct}).",
    "headcount_start_help": "Die projizierte Belegschaft zu Beginn.",
    "range_help": "P10 bis P90: {p10} bis {p90}",
    "projected_value": "{p50} (P10 bis P90: {p10} bis {p90})",
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
    "key.headcount_start": "Köpfe zu Beginn",
    "key.headcount_projected": "Projizierte Köpfe im letzten Jahr (P50)",
    "key.not_projected_rows": "Nicht projizierte Eingabezeilen",
    "key.portfolio_file": "Portfolio-Datei",
    "key.scenario_file": "Szenario-Datei",
    "waterfall_heading": "Von den heutigen Köpfen bis {year}",
    "waterfall_text": (
        "Die Bewegungen der Organisation von den heutigen zu den projizierten Köpfen: wer "
        "durch Fluktuation und Ruhestand ausscheidet, wer in andere Arbeit wechselt, wer "
        "eingestellt wird und wie viele in neuen KI-Rollen arbeiten. Jeder Schritt ist der "
        "Mittelwert über alle Ziehungen; Mittelwerte addieren sich, Mediane nicht, daher "
        "ergeben die Schritte die Veränderung. Die Spannen zeigen die Diagramme weiter unten."
    ),
    "waterfall_net": "Nettoveränderung: {change} ({pct}), von {start} auf {end}.",
    "waterfall_residual": (
        "Die Schritte lassen {residual} der Veränderung unerklärt (Rundung oder eine "
        "Bewegung, die die Projektion nicht aufführt)."
    ),
    "step.start": "Heute",
    "step.headcount_start": "Heute",
    "step.attrition": "Fluktuation und Ruhestand",
    "step.retirement": "Ruhestand",
    "step.exits": "Austritte",
    "step.hires": "Einstellungen",
    "step.redeployment": "Umsetzung",
    "step.moves_in": "Zugänge durch Umsetzung",
    "step.moves_out": "Abgänge durch Umsetzung",
    "step.redeployment_to_new_roles": "In neue KI-Rollen umgesetzt",
    "step.new_roles": "Neue KI-Rollen",
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
    "fan.headcount": "Köpfe",
    "fan.headcount_text": (
        "Beschäftigte nach Fluktuation, Austritten, Einstellungen, Umsetzungen und neuen KI-Rollen."
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
    "axis.headcount": "Köpfe",
    "axis.fte": "VZÄ",
    "axis.energy_kwh": "kWh",
    "axis.co2_kg": "kg CO2",
    "scale.thousand": "Tsd. {unit}",
    "scale.million": "Mio. {unit}",
    "scale.billion": "Mrd. {unit}",
    "metric.hours_freed": "Frei werdende Stunden",
    "metric.fte_equivalent": "Frei werdende VZÄ",
    "metric.need_reduction_fte": "Geringerer Bedarf (VZÄ)",
    "metric.headcount": "Köpfe",
    "metric.attrition": "Fluktuation und Ruhestand",
    "metric.exits": "Austritte",
    "metric.hires": "Einstellungen",
    "metric.moves_in": "Zugänge durch Umsetzung",
    "metric.moves_out": "Abgänge durch Umsetzung",
    "metric.surplus_headcount": "Überhang (Köpfe)",
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
        "Wie sich der Median von {metric} im letzten Jahr bewegt, wenn eine unsichere Eingabe "
        "von ihrem unteren zu ihrem oberen Wert geht und die anderen auf ihrem "
        "wahrscheinlichsten Wert bleiben. Die längsten Balken sind die Annahmen, über die zu "
        "streiten sich am meisten lohnt."
    ),
    "tornado_spread": (
        "Anteil an der Streuung: wie viel der Schwankung von {metric} über alle Ziehungen "
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

SCENARIO_MESSAGES: dict[Language, dict[str, str]] = {"en": _EN, "de": _DE}
"""The scenario report's own texts per language (the analysis catalogue supplies the rest)."""


class ScenarioMessages(Messages):
    """:class:`Messages` with the scenario texts, metric names and waterfall steps."""

    catalogue: ClassVar[Mapping[Language, Mapping[str, str]]] = {
        lang: {**MESSAGES[lang], **SCENARIO_MESSAGES[lang]} for lang in LANGUAGES
    }

    def metric(self, name: str) -> str:
        """What a metric of the projection is called (its name when it has no text)."""
        return self.catalogue[self.lang].get(f"metric.{name}", name)

    def step(self, name: str) -> str:
        """A waterfall step in words (its name when it has no text)."""
        return self.catalogue[self.lang].get(f"step.{name}", name)


def scenario_messages(lang: str, currency: str = "") -> ScenarioMessages:
    """The :class:`ScenarioMessages` for ``lang`` (``"en"`` or ``"de"``), money in ``currency``."""
    return ScenarioMessages(language(lang), currency)
