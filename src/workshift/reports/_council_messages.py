"""The texts of the works-council pack (``council.html`` and ``council.xlsx``), de and en.

Laid over the analysis and scenario catalogues (:class:`CouncilMessages` extends
:class:`~workshift.reports._scenario_messages.ScenarioMessages`, so assumption names,
units and the shared labels are written once); a test keeps this catalogue's keys apart
from both and the languages' keys equal. Column labels of the pack's sections are
``ccol.<column>``; section headings name the paragraph of the BetrVG they answer.

Examples
--------
>>> m = council_messages("de")
>>> m.column("people_today")
'Personen heute'
>>> m.column("fte")  # a label of the analysis catalogue
'VZÄ'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from workshift.reports._messages import LANGUAGES, Language, language
from workshift.reports._scenario_messages import ScenarioMessages

__all__ = ["COUNCIL_MESSAGES", "CouncilMessages", "council_messages"]

_EN: dict[str, str] = {
    "council_title": "Works-council pack: generative AI, workforce planning and training",
    "council_subtitle": (
        "Prepared with workshift from the organisation's workforce export, its AI service "
        "portfolio ({portfolio_file}) and the scenarios {scenario_files}. Reference data "
        "{bundle_version}. Minimum group size: {k} people."
    ),
    "council_withheld": "(withheld)",
    "council_range": "{p50} ({p10} to {p90})",
    "council_first_heading": "Before anything else: what this pack is and is not",
    "council_statement_exposure": (
        "Exposure is not job loss. It is the share of a role's working time that a large "
        "language model could speed up by half or more at equal quality. Whether that "
        "means fewer, other or as many jobs depends on decisions that this pack shows as "
        "scenarios, not on the technology."
    ),
    "council_statement_selection": (
        "No figure in this pack may be used to select individual employees. A social "
        "selection under §1 (3) KSchG weighs only length of service, age, maintenance "
        "obligations and severe disability; exposure, fit and scenario figures are not "
        "among them. The pack contains no person-level data."
    ),
    "council_statement_ranges": (
        "Projections are ranges, not forecasts: P10 and P90 bound the middle 80 % of "
        "{draws} simulated futures per scenario, P50 is their median. Both scenarios use "
        "the same analysis, the same draws and the same seed ({seed})."
    ),
    "council_statement_legal": (
        "The legal references say which right of the works council a section serves. "
        "They are indicators with their basis, not legal advice."
    ),
    "council_glance_heading": "At a glance",
    "council_headline.people": "People in the analysis",
    "council_headline.people_help": "{fte} FTE; {rows} of {input} rows of the export analysed.",
    "council_headline.services": "Planned AI services",
    "council_headline.services_help": "{touching} of them cover tasks of this workforce.",
    "council_headline.flagged": "Groups flagged under §97 (2)",
    "council_headline.flagged_help": "Of {groups} department × occupation groups shown.",
    "council_headline.sites": "Sites reaching a §111 indicator",
    "council_headline.sites_help": (
        "Of {sites} sites, in any scenario (P90); {abroad} sites abroad, which the BetrVG "
        "does not cover, are not counted."
    ),
    "council_headline.hidden": "Cells withheld",
    "council_headline.hidden_help": "Of {cells}; audit of every withheld cell passed: {ok}.",
    # §90
    "council_s90_heading": "§90 (1) no. 3 BetrVG: planned use of AI",
    "council_s90_text": (
        "The services management plans, when they start, how far they are expected to be "
        "used in the long run (low, most likely, high share of the covered work), which "
        "tasks and occupations they cover, how many departments with people they touch, "
        "and the work they take over in {year} (FTE, P10 to P90 of management's scenario)."
    ),
    "council_s90_tasks_heading": "What the services change in the work",
    "council_s90_tasks_text": (
        "For each service the covered tasks that weigh most in the occupations it touches "
        "(O*NET task statements, or the organisation's own). These are the tasks whose kind "
        "of work changes, and where what the work requires changes first."
    ),
    "council_s90_departments_heading": "People per service and department",
    "council_s90_departments_text": (
        "People whose occupation (or one of its candidates) has a task the service covers."
    ),
    # §92
    "council_s92_heading": "§92 BetrVG: workforce planning",
    "council_s92_text": (
        "Per department and occupation group (SOC major group) the people today, the FTE "
        "today and the FTE projected for {year}, P50 with P10 to P90 in brackets, per "
        "scenario. People today counts everyone who may hold an occupation of the group: a "
        "person whose job title fits two groups counts in both, which is why it can exceed "
        "the FTE; the FTE weight each candidate by its share, as the projection does. The "
        "workbook has every year."
    ),
    "council_s92_qualifications": (
        "In qualifications: the occupation groups stand for the qualifications the work "
        "needs today; §96 below lists the skills people bring and the skills they must "
        "learn."
    ),
    # §92a
    "council_s92a_heading": "§92a BetrVG: the council's own proposals beside management's",
    "council_s92a_text": (
        "The council's scenario file ({council_file}) is computed on equal terms with "
        "management's ({management_file}). Figures for the whole organisation for the final "
        "year or summed over the horizon; the difference is council less management "
        "(medians). Where the two P10 to P90 ranges do not overlap, the scenarios differ "
        "clearly."
    ),
    "council_s92a_none": (
        "No council scenario was given. The council can write its own scenario file and "
        "have it computed on equal terms (workshift council --council-scenario)."
    ),
    "council_s92a_descriptions": "What the scenarios say about themselves",
    "council_s92a_assumptions_heading": "Where the assumptions differ",
    "council_s92a_units_heading": "Where the groups differ most ({year}, FTE, P50)",
    "council_scenario.management": "Management",
    "council_scenario.council": "Works council",
    "council_overlap_yes": "yes",
    "council_overlap_no": "no: the scenarios differ clearly",
    "council_figure.headcount_projected": "Workforce in the final year (FTE)",
    "council_figure.ai_effect_final_year": "Effect of the AI services in the final year (FTE)",
    "council_figure.fte_equivalent_final_year": "Work taken over by the services (FTE)",
    "council_figure.surplus_headcount_final_year": "Surplus in the final year (FTE)",
    "council_figure.new_roles_fte_final_year": "New AI roles in the final year (FTE)",
    "council_figure.net_benefit": "Net benefit over the horizon ({currency})",
    "council_figure.ai_cost": "Cost of the AI services over the horizon ({currency})",
    "council_figure.co2_kg": "CO2 of the AI services over the horizon (kg)",
    # §96
    "council_s96_heading": "§96 (1) BetrVG: training needs",
    "council_s96_text": (
        "The redeployment plan for the people affected (everyone in the plan, people): how "
        "many it places in an opening with training and how many it does not, the training "
        "hours and their cost. A department's total appears only where both of its figures "
        "can be shown."
    ),
    "council_s96_none": (
        "No redeployment plan was made (workshift council --catalog and --openings)."
    ),
    "council_s96_skills_heading": "Skills today and skills to learn",
    "council_s96_skills_text": (
        "Per department: the skills people bring to the moves the plan proposes (today) and "
        "the skills they must still learn (the gap), with the people per skill. Skills of "
        "fewer than {k} people are not listed."
    ),
    "council_s96_flows_heading": "From today's occupation groups to the target roles",
    "council_s96_access_heading": "Access to training",
    "council_s96_access_text": (
        "Whether part-time staff, older staff (from {older} years) and staff on leave get "
        "the same access: people in the plan, the share placed with training and the "
        "training hours per person placed."
    ),
    "council_s96_access_missing": "The workforce file has no column for: {groups}.",
    "council_kind.today": "brings today",
    "council_kind.gap": "must learn",
    "council_group.part_time": "Part-time",
    "council_group.older": "Older staff",
    "council_group.on_leave": "On leave",
    "council_value.yes": "yes",
    "council_value.no": "no (the others)",
    "council_not_placed": "not placed",
    # §97
    "council_s97_heading": "§97 (2) BetrVG: co-determined training",
    "council_s97_text": (
        "A group is flagged where the planned services may change its work so that current "
        "skills no longer suffice, for any of four reasons (column 'Why'): the services take "
        "over {share} or more of the group's working time by {year} (P50 of management's "
        "scenario); they take over as much of the working time of one of its occupations in "
        "the department (so that the group's average does not hide the occupation a service "
        "targets); the plan trains people of the group (by their occupation group of origin, "
        "in this department) in new skills; or a planned service covers tasks of the group, "
        "as a change in the kind of work may be enough. The skills to learn are the "
        "department's. The threshold of {share} is an assumption of this pack, not a legal "
        "limit; a works agreement may set another (workshift council --skill-change-share). "
        "Flagged groups first."
    ),
    "council_because_work": "the services take over {share} of the group's working time",
    "council_because_occupation": (
        "the services take over {share} of the working time of {occupation}"
    ),
    "council_because_plan": "the plan trains {people} people of the group in new skills",
    "council_because_tasks": "a planned service covers tasks of the group",
    "council_flag_yes": "yes",
    "council_flag_no": "no",
    # §111
    "council_s111_heading": "§111 BetrVG: indicators of a Betriebsänderung",
    "council_s111_text": (
        "Per establishment (site): whether the staff reduction a scenario implies over its "
        "horizon (exits plus the surplus left at the end, P50 and P90, FTE converted to "
        "people with the site's people per FTE) reaches the numbers the Federal Labour Court "
        "uses for a Betriebsänderung through staff reduction alone, on the scale of §17 (1) "
        "KSchG: 21 to 59 employees more than 5; 60 to 499 employees 10 % or more than 25; "
        "from 500 employees at least 30, and for large establishments at least 5 % (BAG); "
        "for 20 or fewer employees at least 6 (BAG, §112a (1) sentence 1 no. 1 BetrVG), if "
        "the enterprise has more than 20 employees (counted here: everyone in the export). "
        "Employees count per head, part-time staff fully. An indicator with its basis, not "
        "legal advice; natural attrition does not count as a reduction here. The largest "
        "reduction within one year is the site's exits in its year with the most (P50); the "
        "surplus left at the end belongs to no year. The BAG counts steps together only "
        "when they rest on one plan. The BetrVG covers establishments in Germany only: a "
        "site abroad (the workforce's country column) gets no indicator and is not counted "
        "in the overview; a site of unknown country is treated as one in Germany."
    ),
    "council_bag.small": (
        "BAG 9.11.2010, 1 AZR 708/09: at least 6 employees for 20 or fewer (§112a (1) "
        "sentence 1 no. 1 BetrVG)"
    ),
    "council_betrvg111.small_enterprise": (
        "§111 BetrVG does not apply: the enterprise has 20 or fewer employees"
    ),
    "council_kschg17.band1": "§17 (1) no. 1 KSchG: more than 5 employees",
    "council_kschg17.band2": "§17 (1) no. 2 KSchG: 10 % or more than 25 employees",
    "council_kschg17.band3": "§17 (1) no. 3 KSchG: at least 30; BAG: at least 5 %",
    "council_betrvg111.enterprise": (
        "§111 needs an enterprise of usually more than 20 employees entitled to vote"
    ),
    "council_betrvg.abroad": "BetrVG not applicable: site abroad ({country})",
    "council_betrvg.country_unknown": "country unknown: treated as a site in Germany",
    "council_reaches_yes": "reached",
    "council_reaches_no": "not reached",
    # Appendix
    "council_other_heading": "Further rights of the council this pack does not assess",
    "council_other_text": (
        "Introducing AI services touches further rights of the works council that this pack "
        "does not assess: §87 (1) no. 6 BetrVG (co-determination on technical systems suited "
        "to monitor behaviour or performance; AI services usually are), §80 (3) sentence 2 "
        "BetrVG (where the council must assess the introduction or use of AI, calling in an "
        "expert counts as necessary), §95 (2a) BetrVG (selection guidelines, also where AI "
        "is used to draw them up) and §111 sentence 2 BetrVG (an adviser in enterprises of "
        "more than 300 employees). The pack is no legal advice."
    ),
    "council_method_heading": "Method and validation",
    "council_method_figures": (
        "What the figures mean. People: heads, each person once per group (a person whose "
        "title fits two occupations of different groups counts in both). FTE: full-time "
        "equivalents (a half-time person is 0.5). Exposure (beta): the share of task time an "
        "LLM could speed up by half or more, with software built on it counted half. P10, "
        "P50, P90: the 10th, 50th and 90th percentile over the simulated futures."
    ),
    "council_method_evaluation": (
        "How well the method does on data it was not tuned on (benchmarks/RESULTS.md). "
        "Title matching, share of titles whose first suggestion is right (the messy "
        "English set is the team's development set, so not held out):"
    ),
    "council_method_exposure": (
        "Task exposure model against the published human labels of {tasks} task statements "
        "of occupation groups held out from its training: agreement {agreement}, "
        "correlation of the occupations' exposure "
        "{beta_r}; German task statements get the same label as the English ones in "
        "{german} of cases (run {run})."
    ),
    "council_method_limits": (
        "Known limits: occupations are coded from job titles, and uncertain codings are "
        "carried as ranges; task time comes from O*NET (US) unless the organisation gave "
        "its own tasks; the scenarios rest on the assumptions listed in each scenario file; "
        "the plan proposes moves, it does not decide them."
    ),
    "council_log_heading": "What disclosure control withheld",
    "council_log_text": (
        "Per table the cells, those published, those withheld because the group is smaller "
        "than {k} people (primary) and those withheld so that a withheld group cannot be "
        "worked out from the rest (complementary). Counts only, never values. Every withheld "
        "cell was checked: an attacker who knows everything published can narrow it to no "
        "less than ±{margin} people."
    ),
    "council_eval.reported_unseen": "O*NET reported titles not seen in tuning",
    "council_eval.messy_english": "Messy English titles (development set)",
    "council_eval.hris_english_test": "HRIS export titles, English (held out)",
    "council_eval.hris_german_test": "HRIS export titles, German (held out)",
    "council_sheet.overview": "Overview",
    "council_sheet.services": "§90 Services",
    "council_sheet.service_tasks": "§90 Tasks",
    "council_sheet.service_departments": "§90 Departments",
    "council_sheet.departments": "Departments",
    "council_sheet.locations": "Sites",
    "council_sheet.workforce_plan": "§92 Workforce plan",
    "council_sheet.comparison": "§92a Comparison",
    "council_sheet.unit_differences": "§92a Groups",
    "council_sheet.assumption_differences": "§92a Assumptions",
    "council_sheet.training": "§96 Training",
    "council_sheet.skills": "§96 Skills",
    "council_sheet.training_flows": "§96 Flows",
    "council_sheet.access": "§96 Access",
    "council_sheet.codetermination": "§97 Co-determination",
    "council_sheet.establishments": "§111 Sites",
    "council_sheet.suppression_log": "Disclosure log",
    "council_xlsx_note": (
        "Withheld cells are empty; the column 'Withheld' says which. Every figure about "
        "people counts heads unless its column says FTE."
    ),
    # Columns
    "ccol.people_today": "People today",
    "ccol.fte_today": "FTE today",
    "ccol.occupation_group": "Occupation group",
    "ccol.scenario": "Scenario",
    "ccol.year": "Year",
    "ccol.p10": "P10 (FTE)",
    "ccol.p50": "P50 (FTE)",
    "ccol.p90": "P90 (FTE)",
    "ccol.range": "{scenario} {year}: FTE P50 (P10-P90)",
    "ccol.suppressed": "Withheld",
    "ccol.service": "Service",
    "ccol.name": "Name",
    "ccol.mode": "Kind",
    "ccol.business_area": "Business area",
    "ccol.launch": "Start",
    "ccol.adoption": "Long-run use (low / likely / high)",
    "ccol.tasks": "Tasks covered",
    "ccol.occupations": "Occupations covered",
    "ccol.departments": "Departments touched",
    "ccol.fte_range": "Work taken over {year}, FTE P50 (P10-P90)",
    "ccol.task": "Task",
    "ccol.occupation": "Occupation",
    "ccol.people": "People",
    "ccol.people_usual": "People today (taken as the usual size)",
    "ccol.figure": "Figure",
    "ccol.difference": "Difference (council less management)",
    "ccol.ranges_overlap": "Ranges overlap",
    "ccol.parameter": "Assumption",
    "ccol.scope": "Applies to",
    "ccol.unit": "Unit",
    "ccol.placed": "Placed with training",
    "ccol.not_placed": "Not placed",
    "ccol.training_hours": "Training hours",
    "ccol.training_cost": "Training cost",
    "ccol.kind": "Skills",
    "ccol.skill": "Skill",
    "ccol.origin_group": "From occupation group",
    "ccol.target": "To target role",
    "ccol.group": "Group",
    "ccol.value": "In the group",
    "ccol.placed_share": "Share placed",
    "ccol.hours_per_placed": "Training hours per person placed",
    "ccol.share_taken_over": "Work taken over",
    "ccol.flag": "§97 (2) flag",
    "ccol.because": "Why",
    "ccol.skills": "Skills the plan teaches (department)",
    "ccol.group_tasks": "Covered tasks of the group",
    "ccol.occupation_code": "O*NET-SOC code",
    "ccol.occupation_share": "Largest share taken over of one occupation (P50)",
    "ccol.plan_people": "People of the group the plan trains",
    "ccol.because_work": "Why: share of the group",
    "ccol.because_occupation": "Why: share of an occupation",
    "ccol.because_plan": "Why: training in the plan",
    "ccol.because_tasks": "Why: tasks covered by a planned service",
    "ccol.location": "Site",
    "ccol.band": "Size band (§17 KSchG)",
    "ccol.minimum": "Reduction that reaches the indicator (people)",
    "ccol.basis": "Basis",
    "ccol.reduction": "{scenario}: reduction P50 / P90 (people)",
    "ccol.reduction_year": "{scenario}: largest reduction in one year, P50 (people)",
    "ccol.country": "Country",
    "ccol.in_germany": "In Germany",
    "ccol.reaches": "{scenario}: indicator",
    "ccol.table": "Table",
    "ccol.cells": "Cells",
    "ccol.published": "Published",
    "ccol.suppressed_primary": "Withheld: group too small",
    "ccol.suppressed_complementary": "Withheld: would reveal one",
    "ccol.description": "What it means",
    "ccol.item": "Item",
    "ccol.set": "Titles",
    "ccol.titles": "Titles",
    "ccol.top1": "Occupation right (first suggestion)",
    "ccol.top5": "Right among the first five",
    "ccol.soc6_top1": "Detailed occupation (SOC 6) right",
    "ccol.major_group_top1": "Occupation group right",
    "council_scope.all": "the whole organisation",
    "council_mode.automation": "automation",
    "council_mode.augmentation": "support (augmentation)",
}

_DE: dict[str, str] = {
    "council_title": (
        "Unterlagen für den Betriebsrat: generative KI, Personalplanung und Qualifizierung"
    ),
    "council_subtitle": (
        "Erstellt mit workshift aus dem Personalexport der Organisation, ihrem Portfolio der "
        "KI-Dienste ({portfolio_file}) und den Szenarien {scenario_files}. Stand der "
        "Referenzdaten: {bundle_version}. Mindestgruppengröße: {k} Personen."
    ),
    "council_withheld": "(ausgeblendet)",
    "council_range": "{p50} ({p10} bis {p90})",
    "council_first_heading": "Vorab: was diese Unterlagen sind und was nicht",
    "council_statement_exposure": (
        "Betroffenheit ist kein Arbeitsplatzverlust. Sie gibt an, welcher Anteil der Arbeitszeit "
        "eines Berufs auf Aufgaben entfällt, deren Zeitaufwand ein großes Sprachmodell bei "
        "gleicher Qualität mindestens halbieren könnte. Ob daraus weniger, andere oder gleich "
        "viele Arbeitsplätze werden, hängt nicht von der Technik allein ab, sondern von "
        "Entscheidungen im Betrieb; diese Unterlagen zeigen sie als Szenarien."
    ),
    "council_statement_selection": (
        "Keine Zahl dieser Unterlagen darf dazu verwendet werden, einzelne Beschäftigte "
        "auszuwählen, weder für Kündigungen noch für Versetzungen. Bei der Sozialauswahl nach § 1 "
        "Abs. 3 Satz 1 KSchG zählen allein die Dauer der Betriebszugehörigkeit, das Lebensalter, "
        "die Unterhaltspflichten und eine Schwerbehinderung; Betroffenheit, Passung (wie gut "
        "jemand zu einer Zielrolle passt) und Szenariowerte gehören nicht dazu. Sie sind auch "
        "nicht dafür gedacht, Beschäftigte nach § 1 Abs. 3 Satz 2 KSchG aus der Sozialauswahl "
        "herauszunehmen. Die Unterlagen enthalten keine Angaben zu einzelnen Personen."
    ),
    "council_statement_ranges": (
        "Projektionen sind Spannen, keine Vorhersagen: P10 und P90 begrenzen die mittleren 80 % "
        "von {draws} simulierten Verläufen je Szenario, P50 ist ihr Median (die Hälfte der "
        "Verläufe liegt darunter, die Hälfte darüber). Eine schmale Spanne heißt nur, dass die "
        "Annahmen wenig Spielraum lassen, nicht, dass das Ergebnis sicher ist. Beide Szenarien "
        "rechnen mit derselben Analyse, denselben Zufallsziehungen und demselben Startwert des "
        "Zufallsgenerators ({seed})."
    ),
    "council_statement_legal": (
        "Die Paragrafen in den Überschriften nennen das Beteiligungsrecht des Betriebsrats, dem "
        "ein Abschnitt dient. Die Anhaltspunkte in den Abschnitten nennen ihre Grundlage; sie "
        "sind keine Rechtsberatung und ersetzen weder die rechtzeitige und umfassende "
        "Unterrichtung durch den Arbeitgeber noch die Prüfung im Einzelfall. Weitere Rechte, etwa "
        "die Mitbestimmung bei technischen Einrichtungen (§ 87 Abs. 1 Nr. 6 BetrVG) oder die "
        "Hinzuziehung eines Sachverständigen zur Beurteilung von Künstlicher Intelligenz (§ 80 "
        "Abs. 3 Satz 2 BetrVG), behandeln diese Unterlagen nicht."
    ),
    "council_glance_heading": "Auf einen Blick",
    "council_headline.people": "Personen in der Analyse",
    "council_headline.people_help": (
        "{fte} VZÄ; {rows} von {input} Zeilen des Exports analysiert."
    ),
    "council_headline.services": "Geplante KI-Dienste",
    "council_headline.services_help": "{touching} davon decken Aufgaben dieser Belegschaft ab.",
    "council_headline.flagged": "Gruppen mit Anhaltspunkt nach § 97 Abs. 2 BetrVG",
    "council_headline.flagged_help": "Von {groups} gezeigten Gruppen (Abteilung × Berufsgruppe).",
    "council_headline.sites": "Standorte mit Anhaltspunkt nach § 111 BetrVG",
    "council_headline.sites_help": (
        "Von {sites} Standorten, in mindestens einem Szenario (P90); geprüft wird nur "
        "Personalabbau. {abroad} Standorte im Ausland, für die das BetrVG nicht gilt, zählen "
        "nicht mit."
    ),
    "council_headline.hidden": "Ausgeblendete Zellen",
    "council_headline.hidden_help": (
        "Von {cells}; Prüfung jeder ausgeblendeten Zelle bestanden: {ok}."
    ),
    "council_s90_heading": "§ 90 Abs. 1 Nr. 3 BetrVG: geplanter Einsatz von KI",
    "council_s90_text": (
        "Die KI-Dienste, die die Geschäftsleitung plant: wann sie starten, wie weit sie "
        "langfristig genutzt werden sollen (niedriger, wahrscheinlichster und hoher Anteil der "
        "abgedeckten Arbeit), welche Aufgaben und Berufe sie abdecken, wie viele Abteilungen mit "
        "Beschäftigten sie berühren und wie viel Arbeit sie im Jahr {year} rechnerisch übernehmen "
        "(in VZÄ, P50 mit P10 bis P90, im Szenario der Geschäftsleitung). Nach § 90 Abs. 2 BetrVG "
        "sind die geplanten Maßnahmen und ihre Auswirkungen auf die Art der Arbeit und die "
        "Anforderungen an die Beschäftigten so rechtzeitig zu beraten, dass Vorschläge und "
        "Bedenken des Betriebsrats bei der Planung berücksichtigt werden können."
    ),
    "council_s90_tasks_heading": "Was die Dienste an der Arbeit ändern",
    "council_s90_tasks_text": (
        "Je Dienst die abgedeckten Aufgaben, die in den berührten Berufen am meisten Gewicht "
        "haben (Aufgabenbeschreibungen von O*NET oder der Organisation). Bei diesen Aufgaben "
        "dürften sich die Art der Arbeit und die Anforderungen an die Beschäftigten zuerst "
        "ändern."
    ),
    "council_s90_departments_heading": "Personen je Dienst und Abteilung",
    "council_s90_departments_text": (
        "Personen, deren Beruf (oder einer der für sie in Frage kommenden Berufe) eine Aufgabe "
        "hat, die der Dienst abdeckt. Eine Person kann bei mehreren Diensten zählen."
    ),
    "council_s92_heading": "§ 92 Abs. 1 BetrVG: Personalplanung",
    "council_s92_text": (
        "Je Abteilung und Berufsgruppe (SOC-Hauptgruppe): die Personen heute, die VZÄ heute und "
        "die für {year} projizierten VZÄ je Szenario, als P50 mit P10 bis P90 in Klammern. "
        "„Personen heute“ zählt alle, die einen Beruf der Gruppe haben können: Wessen "
        "Stellenbezeichnung zu zwei Gruppen passt, zählt in beiden; darum kann die Zahl deutlich "
        "über den VZÄ liegen. Die VZÄ zählen jede in Frage kommende Zuordnung nur mit ihrem "
        "Anteil, wie die Projektion. Sind P10, P50 und P90 gleich, rechnet das Modell für die "
        "Gruppe mit keiner Veränderung; sicher ist das nicht. Die Arbeitsmappe enthält jedes "
        "Jahr."
    ),
    "council_s92_qualifications": (
        "Nach Qualifikationen: Die Berufsgruppen stehen für die Qualifikationen, die die Arbeit "
        "heute verlangt; § 96 unten nennt die Kompetenzen, die Beschäftigte mitbringen, und die, "
        "die ihnen noch fehlen."
    ),
    "council_s92a_heading": (
        "§ 92a BetrVG: Vorschläge des Betriebsrats zur Beschäftigungssicherung im Vergleich"
    ),
    "council_s92a_text": (
        "Die Szenariodatei des Betriebsrats ({council_file}) ist unter denselben Bedingungen "
        "gerechnet wie die der Geschäftsleitung ({management_file}). Zahlen für die ganze "
        "Organisation im letzten Jahr oder summiert über den Zeitraum; der Unterschied ist "
        "Betriebsrat minus Geschäftsleitung (Mediane). Wo sich die beiden Spannen von P10 bis P90 "
        "nicht überschneiden, unterscheiden sich die Szenarien deutlich; überschneiden sie sich, "
        "ist der Unterschied kleiner als die Unsicherheit, aber nicht unbedingt null. Der "
        "Arbeitgeber muss die Vorschläge des Betriebsrats mit ihm beraten; hält er sie für "
        "ungeeignet, muss er das begründen, in Betrieben mit mehr als 100 Arbeitnehmern "
        "schriftlich (§ 92a Abs. 2 BetrVG)."
    ),
    "council_s92a_none": (
        "Es wurde kein Szenario des Betriebsrats angegeben. Der Betriebsrat kann eine eigene "
        "Szenariodatei schreiben und unter denselben Bedingungen rechnen lassen (workshift "
        "council --council-scenario)."
    ),
    "council_s92a_descriptions": "Was die Szenarien über sich sagen",
    "council_s92a_assumptions_heading": "Wo sich die Annahmen unterscheiden",
    "council_s92a_units_heading": (
        "Wo sich die Gruppen am stärksten unterscheiden ({year}, VZÄ, P50)"
    ),
    "council_scenario.management": "Geschäftsleitung",
    "council_scenario.council": "Betriebsrat",
    "council_overlap_yes": "ja",
    "council_overlap_no": "nein: die Szenarien unterscheiden sich deutlich",
    "council_figure.headcount_projected": "Belegschaft im letzten Jahr (VZÄ)",
    "council_figure.ai_effect_final_year": "Wirkung der KI-Dienste im letzten Jahr (VZÄ)",
    "council_figure.fte_equivalent_final_year": "Von den Diensten übernommene Arbeit (VZÄ)",
    "council_figure.surplus_headcount_final_year": "Personalüberhang im letzten Jahr (VZÄ)",
    "council_figure.new_roles_fte_final_year": "Neue KI-Rollen im letzten Jahr (VZÄ)",
    "council_figure.net_benefit": "Nettonutzen für die Organisation über den Zeitraum ({currency})",
    "council_figure.ai_cost": "Kosten der KI-Dienste über den Zeitraum ({currency})",
    "council_figure.co2_kg": "CO2 der KI-Dienste über den Zeitraum (kg)",
    "council_s96_heading": "§ 96 Abs. 1 BetrVG: Berufsbildungsbedarf",
    "council_s96_text": (
        "Der Umsetzungsplan für die Beschäftigten im Plan (in Personen): wie viele er mit "
        "Qualifizierung auf eine offene Stelle bringt und wie viele nicht, die "
        "Qualifizierungsstunden und ihre Kosten. Die Summe einer Abteilung erscheint nur, wo "
        "beide Teilzahlen gezeigt werden dürfen. Der Plan schlägt Wechsel nur vor: Ein Wechsel "
        "auf eine andere Stelle kann eine Versetzung sein (§ 95 Abs. 3 BetrVG), die in "
        "Unternehmen mit mehr als 20 wahlberechtigten Arbeitnehmern der Zustimmung des "
        "Betriebsrats bedarf (§ 99 BetrVG). Der Betriebsrat kann verlangen, dass der Arbeitgeber "
        "den Berufsbildungsbedarf ermittelt (§ 96 Abs. 1 Satz 2 BetrVG); diese Zahlen ersetzen "
        "diese Ermittlung nicht."
    ),
    "council_s96_none": (
        "Es wurde kein Umsetzungsplan erstellt (workshift council --catalog und --openings)."
    ),
    "council_s96_skills_heading": "Kompetenzen heute und zu lernende Kompetenzen",
    "council_s96_skills_text": (
        "Je Abteilung: die Kompetenzen, die Beschäftigte in die vorgeschlagenen Wechsel "
        "mitbringen (vorhanden), und die, die ihnen dafür noch fehlen (noch zu erlernen), mit der "
        "Zahl der Personen je Kompetenz. Kompetenzen von weniger als {k} Personen werden nicht "
        "genannt."
    ),
    "council_s96_flows_heading": "Von den Berufsgruppen heute zu den Zielrollen",
    "council_s96_access_heading": "Zugang zur Qualifizierung (§ 96 Abs. 2 Satz 2 BetrVG)",
    "council_s96_access_text": (
        "Arbeitgeber und Betriebsrat haben bei der Berufsbildung auch die Belange älterer "
        "Beschäftigter, Teilzeitbeschäftigter und von Beschäftigten mit Familienpflichten zu "
        "berücksichtigen. Die Tabelle zeigt für Teilzeitbeschäftigte, ältere Beschäftigte (ab "
        "{older} Jahren) und beurlaubte Beschäftigte, jeweils neben den übrigen: die Personen im "
        "Plan, den Anteil, der mit Qualifizierung eine Stelle erhält, und die "
        "Qualifizierungsstunden je vermittelter Person. Die Zahlen zeigen Unterschiede; sie "
        "bewerten sie nicht."
    ),
    "council_s96_access_missing": "Die Belegschaftsdatei hat keine Spalte für: {groups}.",
    "council_kind.today": "vorhanden",
    "council_kind.gap": "noch zu erlernen",
    "council_group.part_time": "Teilzeitbeschäftigte",
    "council_group.older": "Ältere Beschäftigte",
    "council_group.on_leave": "Beurlaubte Beschäftigte",
    "council_value.yes": "ja",
    "council_value.no": "nein (die übrigen)",
    "council_not_placed": "keine Stelle im Plan",
    "council_s97_heading": "§ 97 Abs. 2 BetrVG: Mitbestimmung bei betrieblicher Berufsbildung",
    "council_s97_text": (
        "Eine Gruppe erhält einen Anhaltspunkt, wenn sich ihre Tätigkeit durch die geplanten "
        "Dienste so ändern könnte, dass die beruflichen Kenntnisse und Fähigkeiten der "
        "Beschäftigten nicht mehr ausreichen: wenn die Dienste im Jahr {year} {share} oder mehr "
        "ihrer Arbeitszeit übernehmen (P50 im Szenario der Geschäftsleitung); wenn sie ebenso viel "
        "der Arbeitszeit eines Berufs der Gruppe in der Abteilung übernehmen (damit der "
        "Durchschnitt der Gruppe den Beruf, auf den ein Dienst zielt, nicht verdeckt); wenn der "
        "Plan Beschäftigte dieser Gruppe (nach ihrer bisherigen Berufsgruppe, in dieser "
        "Abteilung) in neuen Kompetenzen qualifiziert; oder wenn ein geplanter Dienst Aufgaben "
        "der Gruppe abdeckt, denn schon eine Änderung der Tätigkeit ihrer Art nach kann genügen. "
        "Die Spalte „Grund“ nennt jedes zutreffende Merkmal; die zu erlernenden Kompetenzen sind "
        "die der ganzen Abteilung. Die Schwelle von {share} ist eine Annahme dieser Unterlagen, "
        "keine gesetzliche Grenze; Arbeitgeber und Betriebsrat können für diese Unterlagen eine "
        "andere vereinbaren (workshift council --skill-change-share). Das "
        "Mitbestimmungsrecht selbst hängt von keiner Schwelle ab. Ob § 97 Abs. 2 BetrVG "
        "greift, ist je Maßnahme zu prüfen. Greift er, "
        "bestimmt der Betriebsrat bei der Einführung von Maßnahmen der betrieblichen "
        "Berufsbildung mit; kommt keine Einigung zustande, entscheidet die Einigungsstelle. "
        "Gruppen mit Anhaltspunkt zuerst."
    ),
    "council_because_work": "Dienste übernehmen {share} der Arbeitszeit der Gruppe",
    "council_because_occupation": "Dienste übernehmen {share} der Arbeitszeit von {occupation}",
    "council_because_plan": "Plan qualifiziert {people} Personen der Gruppe in neuen Kompetenzen",
    "council_because_tasks": "ein geplanter Dienst deckt Aufgaben der Gruppe ab",
    "council_flag_yes": "ja",
    "council_flag_no": "nein",
    "council_s111_heading": (
        "§ 111 BetrVG: Anhaltspunkte für eine Betriebsänderung durch Personalabbau"
    ),
    "council_s111_text": (
        "Geprüft wird nur ein Fall des § 111 Satz 3 Nr. 1 BetrVG: die Einschränkung des Betriebs "
        "durch bloßen Personalabbau. Je Betrieb (hier gleichgesetzt mit dem Standort) zeigt die "
        "Tabelle, ob der Abbau, den ein Szenario über seinen ganzen Zeitraum ergibt, die Zahlen "
        "erreicht, die das Bundesarbeitsgericht dafür heranzieht. Als Abbau zählen die Austritte "
        "wegen eines Personalüberhangs (etwa durch Kündigung oder Aufhebungsvertrag) und der am "
        "Ende verbleibende Überhang; natürliche Fluktuation zählt nicht. Der Abbau wird in VZÄ "
        "gerechnet und mit dem Verhältnis von Personen zu VZÄ des Standorts in Personen "
        "umgerechnet. Maßstab ist die Staffel des § 17 Abs. 1 KSchG: in Betrieben mit 21 bis 59 "
        "Arbeitnehmern mehr als 5, mit 60 bis 499 Arbeitnehmern 10 % oder mehr als 25, ab 500 "
        "Arbeitnehmern mindestens 30, in Großbetrieben nach dem BAG zudem mindestens 5 % der "
        "Belegschaft. In Betrieben mit bis zu 20 Arbeitnehmern verlangt das BAG mindestens 6 (§ "
        "112a Abs. 1 Satz 1 Nr. 1 BetrVG), sofern das Unternehmen mehr als 20 wahlberechtigte "
        "Arbeitnehmer hat; gezählt werden dafür alle Personen des Exports. Gezählt wird "
        "nach Köpfen, Teilzeitbeschäftigte voll. Der Anhaltspunkt ist erreicht, wenn der Abbau im "
        "P90 die Schwelle erreicht, also in mindestens 10 % der simulierten Verläufe. Die Zahlen "
        "sind eine Richtschnur, keine feste Grenze und keine Rechtsberatung. Andere "
        "Betriebsänderungen, etwa grundlegende Änderungen der Betriebsorganisation oder die "
        "Einführung grundlegend neuer Arbeitsmethoden (§ 111 Satz 3 Nr. 4 und 5 BetrVG), können "
        "auch ohne Personalabbau vorliegen; sie prüfen diese Unterlagen nicht. Der höchste Abbau "
        "in einem Jahr sind die Austritte des Standorts im Jahr mit den meisten Austritten "
        "(P50); der am Ende verbleibende Überhang gehört zu keinem Jahr und ist darin nicht "
        "enthalten. Das BAG fasst Abbauschritte nur zusammen, wenn sie auf einer einheitlichen "
        "unternehmerischen Planung beruhen. Das BetrVG gilt nur für Betriebe in Deutschland: "
        "Standorte im Ausland (Spalte „Land“ der Belegschaftsdatei) erhalten keinen "
        "Anhaltspunkt und zählen im Überblick nicht mit; ist das Land unbekannt, wird der "
        "Standort wie einer in Deutschland behandelt."
    ),
    "council_bag.small": (
        "BAG 9.11.2010, 1 AZR 708/09: bis 20 Arbeitnehmer mindestens 6 (§ 112a Abs. 1 Satz 1 "
        "Nr. 1 BetrVG)"
    ),
    "council_betrvg111.small_enterprise": (
        "§ 111 BetrVG gilt nicht: das Unternehmen hat höchstens 20 Arbeitnehmer"
    ),
    "council_kschg17.band1": "§ 17 Abs. 1 Nr. 1 KSchG: mehr als 5 Arbeitnehmer",
    "council_kschg17.band2": "§ 17 Abs. 1 Nr. 2 KSchG: 10\u00a0% oder mehr als 25 Arbeitnehmer",
    "council_kschg17.band3": "§ 17 Abs. 1 Nr. 3 KSchG: mindestens 30; BAG: mindestens 5\u00a0%",
    "council_betrvg111.enterprise": (
        "§ 111 BetrVG setzt ein Unternehmen mit in der Regel mehr als 20 wahlberechtigten "
        "Arbeitnehmern voraus"
    ),
    "council_betrvg.abroad": "BetrVG nicht anwendbar: Standort im Ausland ({country})",
    "council_betrvg.country_unknown": "Land unbekannt: wie ein Standort in Deutschland behandelt",
    "council_reaches_yes": "erreicht",
    "council_reaches_no": "nicht erreicht",
    "council_other_heading": "Weitere Beteiligungsrechte, die diese Unterlagen nicht prüfen",
    "council_other_text": (
        "Die Einführung von KI-Diensten berührt weitere Rechte des Betriebsrats, die diese "
        "Unterlagen nicht prüfen: § 87 Abs. 1 Nr. 6 BetrVG (Mitbestimmung bei technischen "
        "Einrichtungen, die zur Überwachung von Verhalten oder Leistung geeignet sind; "
        "KI-Dienste sind das in der Regel), § 80 Abs. 3 Satz 2 BetrVG (muss der Betriebsrat "
        "die Einführung oder Anwendung von KI beurteilen, gilt die Hinzuziehung eines "
        "Sachverständigen als erforderlich), § 95 Abs. 2a BetrVG (Auswahlrichtlinien auch "
        "dann, wenn bei ihrer Aufstellung KI zum Einsatz kommt) und § 111 Satz 2 BetrVG "
        "(Berater in Unternehmen mit mehr als 300 Arbeitnehmern). Die Unterlagen sind keine "
        "Rechtsberatung."
    ),
    "council_method_heading": "Methode und Validierung",
    "council_method_figures": (
        "Was die Zahlen bedeuten. Personen: Köpfe, jede Person einmal je Gruppe (wessen "
        "Stellenbezeichnung zu zwei Berufen verschiedener Gruppen passt, zählt in beiden). VZÄ: "
        "Vollzeitäquivalente (eine Person mit halber Stelle zählt 0,5). Betroffenheit (Beta): der "
        "Anteil der Arbeitszeit, der auf Aufgaben entfällt, deren Zeitaufwand ein großes "
        "Sprachmodell bei gleicher Qualität mindestens halbieren könnte; Aufgaben, bei denen das "
        "erst mit darauf aufbauender Software gelingt, zählen zur Hälfte. P10, P50, P90: das 10., "
        "50. und 90. Perzentil über die simulierten Verläufe."
    ),
    "council_method_evaluation": (
        "Wie gut die Methode auf Daten abschneidet, auf die sie nicht abgestimmt wurde "
        "(benchmarks/RESULTS.md). Zuordnung der Stellenbezeichnungen: Anteil der Bezeichnungen, "
        "deren erster Vorschlag stimmt (die uneinheitlich geschriebenen englischen Bezeichnungen "
        "hat das Team bei der Entwicklung verwendet; sie sind also kein unabhängiger Test):"
    ),
    "council_method_exposure": (
        "Das Modell für die Betroffenheit von Aufgaben im Vergleich mit den veröffentlichten "
        "Bewertungen durch Menschen für {tasks} Aufgabenbeschreibungen aus Berufsgruppen, die "
        "beim Training nicht verwendet wurden: Übereinstimmung {agreement}, Korrelation der "
        "Betroffenheit der Berufe {beta_r} (1 wäre ein vollständiger Gleichlauf); deutsche "
        "Aufgabenbeschreibungen erhalten in {german} der Fälle dieselbe Bewertung wie die "
        "englischen (Lauf vom {run})."
    ),
    "council_method_limits": (
        "Bekannte Grenzen: Berufe werden aus Stellenbezeichnungen zugeordnet, unsichere "
        "Zuordnungen gehen als Spannen ein; die Aufgabenzeit stammt aus O*NET (USA), soweit die "
        "Organisation keine eigenen Aufgaben angegeben hat; die Szenarien beruhen auf den "
        "Annahmen ihrer Szenariodatei; der Plan schlägt Wechsel vor, entschieden wird über sie im "
        "Einzelfall, mit den Beteiligungsrechten des Betriebsrats."
    ),
    "council_log_heading": "Was die Geheimhaltungskontrolle ausgeblendet hat",
    "council_log_text": (
        "Je Tabelle: die Zellen, die veröffentlichten, die wegen einer Gruppe unter {k} Personen "
        "ausgeblendeten (primär) und die, die ausgeblendet wurden, damit sich eine ausgeblendete "
        "Gruppe nicht aus den übrigen errechnen lässt (sekundär). Nur Anzahlen, nie Werte. Jede "
        "ausgeblendete Zelle wurde geprüft: Wer alles Veröffentlichte kennt, kann sie nicht "
        "genauer als auf ±{margin} Personen eingrenzen. Das Ausblenden schützt einzelne "
        "Beschäftigte; der Anspruch des Betriebsrats auf Unterrichtung (§ 80 Abs. 2 BetrVG) "
        "bleibt davon unberührt."
    ),
    "council_eval.reported_unseen": "O*NET-Bezeichnungen, nicht zur Abstimmung verwendet",
    "council_eval.messy_english": "Uneinheitliche englische Bezeichnungen (Entwicklungsdaten)",
    "council_eval.hris_english_test": "Bezeichnungen aus Personalexporten, englisch (Testdaten)",
    "council_eval.hris_german_test": "Bezeichnungen aus Personalexporten, deutsch (Testdaten)",
    "council_sheet.overview": "Überblick",
    "council_sheet.services": "§ 90 Dienste",
    "council_sheet.service_tasks": "§ 90 Aufgaben",
    "council_sheet.service_departments": "§ 90 Abteilungen",
    "council_sheet.departments": "Abteilungen",
    "council_sheet.locations": "Standorte",
    "council_sheet.workforce_plan": "§ 92 Personalplanung",
    "council_sheet.comparison": "§ 92a Vergleich",
    "council_sheet.unit_differences": "§ 92a Gruppen",
    "council_sheet.assumption_differences": "§ 92a Annahmen",
    "council_sheet.training": "§ 96 Qualifizierung",
    "council_sheet.skills": "§ 96 Kompetenzen",
    "council_sheet.training_flows": "§ 96 Wechsel",
    "council_sheet.access": "§ 96 Zugang",
    "council_sheet.codetermination": "§ 97 Mitbestimmung",
    "council_sheet.establishments": "§ 111 Standorte",
    "council_sheet.suppression_log": "Ausgeblendete Zellen",
    "council_xlsx_note": (
        "Ausgeblendete Zellen sind leer; die Spalte „Ausgeblendet“ sagt, welche. Jede Zahl über "
        "Personen zählt Köpfe, außer ihre Spalte nennt VZÄ."
    ),
    "ccol.people_today": "Personen heute",
    "ccol.fte_today": "VZÄ heute",
    "ccol.occupation_group": "Berufsgruppe",
    "ccol.scenario": "Szenario",
    "ccol.year": "Jahr",
    "ccol.p10": "P10 (VZÄ)",
    "ccol.p50": "P50 (VZÄ)",
    "ccol.p90": "P90 (VZÄ)",
    "ccol.range": "{scenario} {year}: VZÄ P50 (P10–P90)",
    "ccol.suppressed": "Ausgeblendet",
    "ccol.service": "Dienst",
    "ccol.name": "Name",
    "ccol.mode": "Art",
    "ccol.business_area": "Geschäftsbereich",
    "ccol.launch": "Start",
    "ccol.adoption": "Langfristige Nutzung (niedrig / wahrscheinlich / hoch)",
    "ccol.tasks": "Abgedeckte Aufgaben",
    "ccol.occupations": "Abgedeckte Berufe",
    "ccol.departments": "Berührte Abteilungen",
    "ccol.fte_range": "Übernommene Arbeit {year}, VZÄ P50 (P10–P90)",
    "ccol.task": "Aufgabe",
    "ccol.occupation": "Beruf",
    "ccol.people": "Personen",
    "ccol.people_usual": "Personen heute (als Regelgröße angenommen)",
    "ccol.figure": "Kennzahl",
    "ccol.difference": "Unterschied (Betriebsrat minus Geschäftsleitung)",
    "ccol.ranges_overlap": "Spannen überschneiden sich",
    "ccol.parameter": "Annahme",
    "ccol.scope": "Gilt für",
    "ccol.unit": "Einheit",
    "ccol.placed": "Mit Qualifizierung vermittelt",
    "ccol.not_placed": "Nicht vermittelt",
    "ccol.training_hours": "Qualifizierungsstunden",
    "ccol.training_cost": "Qualifizierungskosten",
    "ccol.kind": "Kompetenzen",
    "ccol.skill": "Kompetenz",
    "ccol.origin_group": "Aus Berufsgruppe",
    "ccol.target": "In Zielrolle",
    "ccol.group": "Gruppe",
    "ccol.value": "Zur Gruppe gehörig",
    "ccol.placed_share": "Anteil vermittelt",
    "ccol.hours_per_placed": "Qualifizierungsstunden je vermittelter Person",
    "ccol.share_taken_over": "Übernommener Anteil der Arbeitszeit (P50)",
    "ccol.flag": "Anhaltspunkt § 97 Abs. 2 BetrVG",
    "ccol.because": "Grund",
    "ccol.skills": "Im Plan zu erlernende Kompetenzen (Abteilung)",
    "ccol.group_tasks": "Von Diensten abgedeckte Aufgaben der Gruppe",
    "ccol.occupation_code": "O*NET-SOC-Code",
    "ccol.occupation_share": "Höchster übernommener Anteil eines Berufs (P50)",
    "ccol.plan_people": "Personen der Gruppe, die der Plan qualifiziert",
    "ccol.because_work": "Grund: Anteil der Gruppe",
    "ccol.because_occupation": "Grund: Anteil eines Berufs",
    "ccol.because_plan": "Grund: Qualifizierung im Plan",
    "ccol.because_tasks": "Grund: Aufgaben von einem geplanten Dienst abgedeckt",
    "ccol.location": "Standort",
    "ccol.band": "Größenklasse (§ 17 Abs. 1 KSchG)",
    "ccol.minimum": "Abbau, ab dem der Anhaltspunkt erreicht ist (Personen)",
    "ccol.basis": "Grundlage",
    "ccol.reduction": "{scenario}: Abbau P50 / P90 (Personen)",
    "ccol.reduction_year": "{scenario}: höchster Abbau in einem Jahr, P50 (Personen)",
    "ccol.country": "Land",
    "ccol.in_germany": "In Deutschland",
    "ccol.reaches": "{scenario}: Anhaltspunkt",
    "ccol.table": "Tabelle",
    "ccol.cells": "Zellen",
    "ccol.published": "Veröffentlicht",
    "ccol.suppressed_primary": "Ausgeblendet: Gruppe zu klein",
    "ccol.suppressed_complementary": "Ausgeblendet: schützt eine kleine Gruppe",
    "ccol.description": "Bedeutung",
    "ccol.item": "Angabe",
    "ccol.set": "Datensatz",
    "ccol.titles": "Anzahl",
    "ccol.top1": "Beruf richtig (erster Vorschlag)",
    "ccol.top5": "Richtig unter den ersten fünf",
    "ccol.soc6_top1": "Detailberuf (SOC 6) richtig",
    "ccol.major_group_top1": "Berufsgruppe richtig",
    "council_scope.all": "die ganze Organisation",
    "council_mode.automation": "Automatisierung",
    "council_mode.augmentation": "Unterstützung (Augmentierung)",
}

COUNCIL_MESSAGES: dict[Language, dict[str, str]] = {"en": _EN, "de": _DE}
"""The pack's own texts per language (the analysis and scenario catalogues supply the
rest)."""


class CouncilMessages(ScenarioMessages):
    """:class:`ScenarioMessages` with the pack's texts; ``ccol.`` labels first."""

    catalogue: ClassVar[Mapping[Language, Mapping[str, str]]] = {
        lang: {**ScenarioMessages.catalogue[lang], **COUNCIL_MESSAGES[lang]} for lang in LANGUAGES
    }

    def column(self, name: str) -> str:
        """The pack's label of a column, else the analysis's, else the name."""
        own = self.catalogue[self.lang].get(f"ccol.{name}")
        return own if own is not None else super().column(name)

    def word(self, prefix: str, value: object) -> str:
        """``council_<prefix>.<value>`` in words, the value itself when there is none."""
        return self.catalogue[self.lang].get(f"council_{prefix}.{value}", str(value))


def council_messages(lang: str, currency: str = "") -> CouncilMessages:
    """The :class:`CouncilMessages` for ``lang`` (``"de"`` or ``"en"``), money in ``currency``."""
    return CouncilMessages(language(lang), currency)
