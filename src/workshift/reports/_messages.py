"""Every user-facing string of the reports, keyed by language, and how numbers are written.

One flat dictionary per language. English and German carry the same keys (a test checks
it), so a later German dashboard can reuse the same texts. Numbers are formatted here
too, with the separators of the language's CLDR data (Babel): English ``12.3%`` and
``13,866``, German ``12,3 %`` and ``13.866``.

Examples
--------
>>> m = messages("de")
>>> m.pct(0.1234), m.number(13866.0), m.score(0.28387)
('12,3 %', '13.866', '0,28')
>>> messages("en").pct(0.1234), messages("en").number(2.5)
('12.3%', '2.5')
>>> messages("en").column("onet_soc_code")
'O*NET-SOC code'
>>> messages("de", currency="EUR").money(1234567.4), messages("en", currency="EUR").money(-2500)
('1.234.567 EUR', 'EUR -2,500')
>>> messages("de").decimal(0.0351), messages("en").decimal(12500.0)
('0,0351', '12,500')
>>> messages("de").amount(15292.6), messages("de").amount(27.94), messages("de").year(2025.5)
('15.293', '27,9', '2025,5')
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Literal

import pandas as pd
from babel import Locale
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from workshift.exceptions import ConfigError

__all__ = ["LANGUAGES", "MESSAGES", "Language", "Messages", "language", "messages"]

Language = Literal["en", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "de")

_EN: dict[str, str] = {
    # Document
    "title": "Generative AI exposure of the workforce",
    "subtitle": "workshift report for {source_file}",
    "meta": (
        "Task labels: published labels by {rater} where a task has one, workshift's trained "
        "model otherwise ({model} of the task weight). Reference bundle {bundle_version}."
    ),
    "scored_by_help": "Scored by: {sources} of the task weight.",
    "meta_bundle_mismatch": (
        "The analysis used reference bundle {analysis_version}; the data sources below are "
        "listed from bundle {store_version}."
    ),
    "contents": "Contents",
    "no_data": "No data for this section.",
    "settings_item": "Setting",
    "settings_value": "Value",
    "full_list_in_xlsx": "Showing the first {shown} of {total}; report.xlsx has the full list.",
    # Every report: who it is for
    "hr_only_heading": "For HR only, not for circulation",
    "hr_only_note": (
        "This report keeps full detail for HR: it can show small groups (fewer than five "
        "people), single people and their plans. Do not pass it on to employee "
        "representatives or others as it is."
    ),
    "council_heading": "Prepared for employee representatives",
    "council_note": (
        "Every figure went through disclosure control: groups of fewer than {k} people "
        "are hidden, together with the cells from which someone could work them out "
        "({hidden} of {cells} cells hidden; the audit of every hidden cell passed: {ok}). "
        "No names, ids, job titles of single rows or file names are included."
    ),
    "withheld_help": "Withheld by disclosure control: it would reveal a hidden group.",
    "council_unmatched_caption": "Rows not analysed, by reason",
    "council_source": "the organisation's workforce export",
    "council_hidden_cells": (
        "In this version for employee representatives, an empty cell or a missing row can "
        "also be a group hidden by disclosure control."
    ),
    "council_unmatched_text": (
        "Rows with no plausible occupation were not analysed; the table gives their reasons "
        "(an empty or meaningless job title, an unknown occupation code, or a row rejected "
        "on ingest). Rows whose title the matcher was unsure of are analysed over their "
        "candidate occupations, and the coding ranges show how far that could move the "
        "figures."
    ),
    "audit_passed": "yes",
    "audit_failed": "no",
    # The statement every report carries near the top.
    "not_job_loss_heading": "What exposure means",
    "not_job_loss": (
        "Exposure is the share of a role's task time that a large language model (LLM) "
        "could speed up by half or more at equal quality. It is not job loss: it says "
        "where work can change, not how many people are needed. Whether time is freed "
        "depends on adoption, and what happens with freed time is a decision for the "
        "organisation and its employee representatives."
    ),
    # Headline figures
    "headline_heading": "Headline figures",
    "headcount": "People analysed",
    "headcount_help": (
        "Headcount (people), {fte} FTE. {unscored} more people are in occupations for which "
        "O*NET lists no tasks (such as its \u201call other\u201d catch-all codes): counted, but "
        "not scored, never as unexposed. {input} people in the input."
    ),
    "share_beta_ge_10pct": "People with beta of 10% or more",
    "share_beta_ge_10pct_help": "At least a tenth of their task time is exposed.",
    "share_beta_gt_50pct": "People with beta above 50%",
    "share_beta_gt_50pct_help": "More than half of their task time is exposed.",
    "coding_range_help": "Coding range {low} to {high}.",
    "confident_share": "People coded with confidence",
    "confident_share_help": (
        "By occupation code, override or a confident title match. The others are analysed "
        "over their candidate occupations; workshift review lists the titles to settle."
    ),
    "alpha_mean": "Mean alpha",
    "alpha_mean_help": "Tasks an LLM alone speeds up (E1).",
    "beta_mean": "Mean beta",
    "beta_mean_help": "E1 plus half of E2: the central estimate.",
    "zeta_mean": "Mean zeta",
    "zeta_mean_help": "E1 plus E2: with software built on LLMs.",
    "unmatched_rows": "Input rows not analysed",
    "unmatched_rows_help": "{analysed} of {input} rows analysed; each other row has its reason.",
    "model_task_share": "Task weight scored by the model",
    "model_task_share_help": "The rest comes from published labels ({rater}).",
    # Reasons a row is not analysed (reports/_translate.py matches the library's texts)
    "reason.rejected": "rejected on ingest: {inner}",
    "reason.rejected_kind": "rejected on ingest",
    "reason.fields_spanning": (
        "{n} fields where the header has {m} (the record spans lines {a}-{b})"
    ),
    "reason.fields": "{n} fields where the header has {m}",
    "reason.total_row": "total row",
    "reason.blank_row": "blank row",
    "reason.no_title_or_code": "no job title or occupation code",
    "reason.no_title": "no job title",
    "reason.title_no_occupation": "no occupation",
    "reason.empty_title": "empty title",
    "reason.no_letters": "no letters in title",
    "reason.placeholder": "placeholder, names no occupation",
    "reason.no_words": "no words left after normalisation",
    "reason.headcount_empty": "headcount is empty",
    "reason.headcount_nan": "headcount is not a number",
    "reason.headcount_positive": "headcount must be greater than 0",
    "reason.headcount_fraction": (
        "headcount {value} is not a whole number of people; is '{column}' FTE? map it as fte "
        "(--map fte={column})"
    ),
    "reason.fte_nan": "fte is not a number",
    "reason.fte_negative": "fte is negative",
    "reason.fte_person": "fte {value} is more than {max} for one person",
    "reason.fte_people": "fte {value} for {people} people is more than {max} per person",
    "reason.cost_nan": "annual cost is not a number",
    "reason.cost_negative": "annual cost is negative",
    "reason.unknown_code_suggest": "unknown occupation code '{code}'; closest valid codes: {codes}",
    "reason.unknown_code": "unknown occupation code '{code}'",
    "task_group_other": "Other",
    "onet_names_note": (
        "Occupation titles, task statements and task-group names come from O*NET, which "
        "publishes them in English only."
    ),
    # Unmatched
    "unmatched_heading": "Rows not analysed and what to do",
    "unmatched_none": "Every input row was matched to an occupation and analysed.",
    "unmatched_text": (
        "{rows} of {input} input rows have no plausible occupation and were not analysed. "
        "Each is listed with its reason in the sheet Unmatched of report.xlsx (and in "
        "unmatched.csv): an empty or meaningless job title, an unknown occupation code, or "
        "a row rejected on ingest (correct its value in the source file). Rows whose title "
        "the matcher was unsure of are not here: they are analysed over their candidate "
        "occupations, and the coding ranges of the figures show how far that could move "
        "them."
    ),
    "unmatched_table_caption": "Most frequent job titles among the rows not analysed",
    "no_job_title": "(no job title)",
    # Heatmap
    "heatmap_heading": "Exposure by department and task group",
    "heatmap_text": (
        "Beta (headcount-weighted) of each department's work in each group of tasks. Task "
        "groups are O*NET generalized work activities. A cell's headcount counts each "
        "person by the share of their task time in that group. Empty cells: no such work."
    ),
    "heatmap_capped": "The {shown} largest of {total} departments are shown.",
    "heatmap_groups_capped": (
        "The {shown} of {total} task groups with the most task time are shown; report.xlsx has all."
    ),
    # Roles
    "roles_heading": "Most exposed roles",
    "roles_text": (
        "Roles ranked by beta; headcount shows how many people hold them. A high share "
        "means much of the role's task time can be sped up, not that the role goes away."
    ),
    "roles_chart_axis": "Beta (share of task time)",
    "min_group_note": (
        "Roles with a headcount below {min_headcount} are left out of the rankings (they are "
        "in report.xlsx)."
    ),
    "expected_people_note": (
        "Headcounts with decimals are expected people: a title the matcher is unsure of "
        "shares its people among its candidate occupations by probability."
    ),
    "rater.human": "human annotators",
    "rater.gpt4": "GPT-4",
    # Tasks
    "tasks_heading": "Most exposed tasks",
    "task_groups_text": "Task groups ranked by beta, weighted by the headcount doing them.",
    "tasks_text": (
        "Individual tasks ranked by beta, then by the headcount of the roles that do them."
    ),
    "tasks_note": (
        "A task's beta is 100% when it is rated E1 (an LLM alone could halve the time it "
        "takes) and 50% when it is rated E2; model-scored tasks lie in between. {at_top} of "
        "the {total} ranked tasks share the top value of {top} ({e1} are rated E1), so the "
        "list shows those done by the most people. Each task is one part of a role's work: "
        "the column Share of the role's task time says how large a part, and the role's "
        "beta above is what the whole role amounts to."
    ),
    "automation_note": (
        "Mostly automatable: the share of the role's rated task weight that GPT-4 rated as "
        "mostly or fully automatable (levels T3/T4 of Eloundou et al.). It is a separate, "
        "stricter measure than beta. Empty for {missing} of the {shown} roles shown: their "
        "tasks have no such rating (tasks without a published label, scored by the model, "
        "or the organisation's own tasks)."
    ),
    # Departments / locations
    "departments_heading": "Departments",
    "locations_heading": "Locations",
    # Sources
    "sources_heading": "Where sources disagree",
    "sources_text": (
        "Each role's beta as workshift computes it (published labels where a task has one, "
        "workshift's trained model otherwise; the column Model-scored task weight says how "
        "much of the role the model scored) beside three other published measures. They "
        "measure different things and are shown side by side, never averaged: beta from "
        "GPT-4 labels uses the same rubric with a model as the rater; Microsoft's AI "
        "applicability score (0 to about 0.5) reflects how much of the role's work "
        "activities people already do successfully with Bing Copilot; Anthropic's observed "
        "exposure reflects how much of the role's task work shows up in actual Claude "
        "usage. Large gaps are where judgement is needed. Shown: the {shown} roles with the "
        "largest headcount."
    ),
    "source_ours": "Beta, workshift (published labels and model)",
    "source_gpt4": "Beta, GPT-4 labels",
    "source_microsoft": "Microsoft AI applicability",
    "source_anthropic": "Anthropic observed exposure",
    "sources_axis": "Score (0 to 1)",
    # Model share
    "model_heading": "Tasks scored by the trained model",
    "model_text": (
        "{share} of the task weight was scored by workshift's trained model rather than by "
        "published labels: tasks without a published label and the organisation's own "
        "task descriptions. Model scores are probabilities of E0/E1/E2; published labels "
        "come first wherever they exist."
    ),
    "model_sources_caption": "Tasks by where their label comes from",
    "model_roles_caption": "Roles with the largest share of model-scored task weight",
    "source_human": "Published, human annotators",
    "source_gpt4_label": "Published, GPT-4",
    "source_model": "workshift model",
    "tasks_count": "Tasks",
    "label_source": "Label source",
    # Method
    "method_heading": "Method",
    "method_rubric": (
        "Every task of a role is rated with the rubric of 'GPTs are GPTs' (Eloundou et al. "
        "2024): E0 no exposure; E1 an LLM alone (such as a chat assistant) cuts the time "
        "the task takes by half or more at equal quality; E2 software built on top of an "
        "LLM would do so, an LLM alone would not."
    ),
    "method_scores": (
        "Per role, alpha = share of task weight rated E1; beta = E1 + 0.5 × E2; zeta = E1 + "
        "E2. Beta is the central estimate; alpha and zeta bracket it. Where a task is scored "
        "by the model, its probabilities of E1 and E2 take the place of the labels."
    ),
    "method_weights": (
        "Task weights: core tasks count 2 and supplemental tasks 1 (O*NET task types), or "
        "the organisation's own time shares where it gives them. Organisation figures "
        "weight each role by its headcount."
    ),
    "method_matching": (
        "Each input row is assigned an occupation from its occupation code when valid, "
        "otherwise from its job title. A title the matcher is unsure of is analysed over "
        "its candidate occupations, weighted by their calibrated probabilities; the coding "
        "range of each figure shows how far that could move it, and workshift review lists "
        "the titles whose settling narrows it most. Rows with no plausible occupation are "
        "listed with their reason."
    ),
    "method_limits": (
        "Exposure measures technical potential for the tasks as O*NET describes them. It "
        "does not forecast adoption, cost or employment; those are scenario questions."
    ),
    "method_limits_own": (
        "Exposure measures technical potential for the tasks as described: by the "
        "organisation's own task file ({file}) for {own} of the occupations, by O*NET for "
        "the others. It does not forecast adoption, cost or employment; those are scenario "
        "questions."
    ),
    # Data sources
    "data_heading": "Data sources and attribution",
    "data_text": (
        "workshift's code is MIT-licensed. The reference data keeps the licence of its "
        "source; using this report means giving this attribution:"
    ),
    "source_version": "Version",
    "source_publisher": "Publisher",
    "source_licence": "Licence",
    "source_url": "Source",
    # Columns (tables in the HTML and headers in the workbook)
    "col.onet_soc_code": "O*NET-SOC code",
    "col.occupation": "Occupation",
    "col.headcount": "Headcount",
    "col.task_time_headcount": "Headcount (by share of task time)",
    "col.alpha": "alpha",
    "col.beta": "beta",
    "col.zeta": "zeta",
    "col.tasks": "Tasks",
    "col.model_task_share": "Model-scored task weight",
    "col.beta_gpt4": "beta (GPT-4 labels)",
    "col.microsoft_ai_applicability": "Microsoft AI applicability",
    "col.anthropic_observed_exposure": "Anthropic observed exposure",
    "col.automation_share": "Mostly automatable (GPT-4, T3/T4)",
    "col.task_time_share": "Share of the role's task time",
    "col.task_id": "Task ID",
    "col.task": "Task",
    "col.task_type": "Task type",
    "col.weight": "Weight",
    "col.label": "Label",
    "col.p_e0": "P(E0)",
    "col.p_e1": "P(E1)",
    "col.p_e2": "P(E2)",
    "col.source": "Label source",
    "col.automation": "Automation (GPT-4)",
    "col.task_group": "Task group",
    "col.department": "Department",
    "col.location": "Location",
    "col.input_row": "Input row",
    "col.line": "Line in the file",
    "col.job_title": "Job title",
    "col.reason": "Reason",
    "col.share": "Share of row",
    "col.decided_by": "Decided by",
    "col.confidence": "Confidence",
    "col.note": "Note",
    "col.rows": "Rows",
    "col.beta_low": "Beta, coding range low",
    "col.beta_high": "Beta, coding range high",
    "col.confident_share": "Coded with confidence",
    "col.fte": "FTE",
    "col.headcount_confident": "Headcount coded with confidence",
    "col.example_reason": "Reason (first row)",
    # Workbook
    "sheet.summary": "Summary",
    "sheet.roles": "Roles",
    "sheet.tasks": "Tasks",
    "sheet.departments": "Departments",
    "sheet.locations": "Locations",
    "sheet.department_task_groups": "Department x task group",
    "sheet.unmatched": "Unmatched",
    "sheet.matches": "Matches",
    "sheet.titles": "Titles",
    "key.fte": "FTE analysed",
    "key.confident_share": "Share of people coded with confidence",
    "key.exposure_settled_share": "Share of people whose exposure is settled",
    "key.share_beta_gt_50pct_low": "Share with beta > 50%, coding range low",
    "key.share_beta_gt_50pct_high": "Share with beta > 50%, coding range high",
    "key.share_beta_ge_10pct_low": "Share with beta >= 10%, coding range low",
    "key.share_beta_ge_10pct_high": "Share with beta >= 10%, coding range high",
    "key.beta_mean_low": "Mean beta, coding range low",
    "key.beta_mean_high": "Mean beta, coding range high",
    "key.analysed_headcount_share": "Share of input headcount analysed",
    "key.unscored_rows": "Rows in occupations without scored tasks",
    "key.coding_note": "How coding uncertainty is handled",
    "col.occupation_confidence": "Occupation confidence",
    "col.exposure_confidence": "Exposure confidence",
    "col.narrows_share_gt_50pct": "Narrows share beta > 50% by",
    "col.narrows_beta_mean": "Narrows mean beta by",
    "col.title": "Job title",
    "xlsx.item": "Item",
    "xlsx.value": "Value",
    "xlsx.sources": "Data sources",
    "xlsx.attribution": "Attribution",
    # Summary keys (the workbook's Summary sheet)
    "key.headcount": "People analysed (headcount)",
    "key.headcount_unscored": "People in occupations without scored tasks (headcount)",
    "key.alpha_mean": "Mean alpha",
    "key.beta_mean": "Mean beta",
    "key.zeta_mean": "Mean zeta",
    "key.share_beta_ge_10pct": "Share of people with beta >= 10%",
    "key.share_beta_gt_50pct": "Share of people with beta > 50%",
    "key.input_rows": "Input rows",
    "key.analysed_rows": "Rows analysed",
    "key.unmatched_rows": "Rows not analysed",
    "key.headcount_input": "People in the input (headcount)",
    "key.rater": "Task labels",
    "key.bundle_version": "Reference bundle",
    "key.note": "Note",
    "key.model_task_share": "Share of task weight scored by the model",
    "key.source_file": "Source file",
    "key.task_file": "Own task file",
    "key.what_exposure_means": "What exposure means",
}

_DE: dict[str, str] = {
    "title": "Betroffenheit der Belegschaft durch generative KI",
    "subtitle": "workshift-Bericht für {source_file}",
    "meta": (
        "Aufgabenbewertungen: veröffentlichte Bewertungen durch {rater}, wo eine Aufgabe eine "
        "hat, sonst das trainierte Modell von workshift ({model} des Aufgabengewichts). "
        "Referenzdaten {bundle_version}."
    ),
    "scored_by_help": "Bewertet durch: {sources} des Aufgabengewichts.",
    "meta_bundle_mismatch": (
        "Die Analyse nutzte die Referenzdaten {analysis_version}; die Datenquellen unten "
        "stammen aus {store_version}."
    ),
    "contents": "Inhalt",
    "no_data": "Keine Daten für diesen Abschnitt.",
    "settings_item": "Einstellung",
    "settings_value": "Wert",
    "full_list_in_xlsx": (
        "Gezeigt werden die ersten {shown} von {total}; report.xlsx enthält die ganze Liste."
    ),
    "hr_only_heading": "Nur für die Personalabteilung, nicht zur Weitergabe",
    "hr_only_note": (
        "Dieser Bericht enthält alle Einzelheiten für die Personalabteilung: Er kann kleine "
        "Gruppen (weniger als fünf Personen), einzelne Personen und ihre Pläne zeigen. Geben "
        "Sie ihn so nicht an die Arbeitnehmervertretung oder andere weiter."
    ),
    "council_heading": "Aufbereitet für die Arbeitnehmervertretung",
    "council_note": (
        "Jede Zahl ist durch die Geheimhaltungskontrolle gegangen: Gruppen mit weniger als "
        "{k} Personen sind ausgeblendet, dazu die Zellen, aus denen man sie errechnen könnte "
        "({hidden} von {cells} Zellen ausgeblendet; Prüfung jeder ausgeblendeten Zelle "
        "bestanden: {ok}). Keine Namen, Personalnummern, Stellenbezeichnungen einzelner "
        "Zeilen oder Dateinamen."
    ),
    "withheld_help": (
        "Von der Geheimhaltungskontrolle zurückgehalten: Die Zahl würde eine ausgeblendete "
        "Gruppe verraten."
    ),
    "council_unmatched_caption": "Nicht analysierte Zeilen nach Grund",
    "council_source": "den Personalexport der Organisation",
    "council_hidden_cells": (
        "In dieser Fassung für die Arbeitnehmervertretung kann eine leere Zelle oder eine "
        "fehlende Zeile auch eine von der Geheimhaltungskontrolle ausgeblendete Gruppe sein."
    ),
    "council_unmatched_text": (
        "Zeilen ohne plausiblen Beruf wurden nicht analysiert; die Tabelle nennt ihre Gründe "
        "(eine leere oder nichtssagende Stellenbezeichnung, ein unbekannter Berufscode oder "
        "eine beim Einlesen abgelehnte Zeile). Zeilen, bei denen die Zuordnung unsicher war, "
        "werden über ihre Kandidatenberufe analysiert; die Spannen zeigen, wie weit das die "
        "Zahlen verschieben könnte."
    ),
    "audit_passed": "ja",
    "audit_failed": "nein",
    "not_job_loss_heading": "Was Betroffenheit bedeutet",
    "not_job_loss": (
        "Betroffenheit (Exposure) ist der Anteil der Arbeitszeit einer Rolle, deren Aufgaben "
        "ein großes Sprachmodell (LLM) bei gleicher Qualität mindestens um die Hälfte "
        "beschleunigen könnte. Sie bedeutet keinen Arbeitsplatzverlust: Sie zeigt, wo sich "
        "Arbeit verändern kann, nicht wie viele Menschen gebraucht werden. Ob Zeit frei wird, "
        "hängt von der Einführung ab; was mit frei werdender Zeit geschieht, entscheiden die "
        "Organisation und die Arbeitnehmervertretung."
    ),
    "headline_heading": "Kennzahlen",
    "headcount": "Analysierte Personen",
    "headcount_help": (
        "Köpfe (Personen), {fte} VZÄ. {unscored} weitere Personen sind in Berufen, für die "
        "O*NET keine Aufgaben führt (etwa seine Sammelcodes \u201eall other\u201c): gezählt, aber "
        "nicht bewertet, nie als nicht betroffen. {input} Personen in der Eingabe."
    ),
    "share_beta_ge_10pct": "Personen mit Beta ab 10 %",
    "share_beta_ge_10pct_help": "Mindestens ein Zehntel ihrer Arbeitszeit ist betroffen.",
    "share_beta_gt_50pct": "Personen mit Beta über 50 %",
    "share_beta_gt_50pct_help": "Mehr als die Hälfte ihrer Arbeitszeit ist betroffen.",
    "coding_range_help": "Spanne durch die Berufszuordnung: {low} bis {high}.",
    "confident_share": "Sicher zugeordnete Personen",
    "confident_share_help": (
        "Über Berufscode, Override oder eine sichere Titelzuordnung. Die übrigen werden über "
        "ihre Kandidatenberufe analysiert; workshift review listet die zu klärenden Titel."
    ),
    "alpha_mean": "Mittleres Alpha",
    "alpha_mean_help": "Aufgaben, die ein LLM allein beschleunigt (E1).",
    "beta_mean": "Mittleres Beta",
    "beta_mean_help": "E1 plus die Hälfte von E2: der zentrale Schätzwert.",
    "zeta_mean": "Mittleres Zeta",
    "zeta_mean_help": "E1 plus E2: mit Software, die auf LLMs aufbaut.",
    "unmatched_rows": "Nicht analysierte Eingabezeilen",
    "unmatched_rows_help": "{analysed} von {input} Zeilen analysiert; jede andere mit Grund.",
    "model_task_share": "Vom Modell bewertetes Aufgabengewicht",
    "model_task_share_help": "Der Rest stammt aus veröffentlichten Bewertungen ({rater}).",
    "reason.rejected": "beim Einlesen abgelehnt: {inner}",
    "reason.rejected_kind": "beim Einlesen abgelehnt",
    "reason.fields_spanning": (
        "{n} Felder, die Kopfzeile hat {m} (der Datensatz reicht über die Zeilen {a} bis {b})"
    ),
    "reason.fields": "{n} Felder, die Kopfzeile hat {m}",
    "reason.total_row": "Summenzeile",
    "reason.blank_row": "leere Zeile",
    "reason.no_title_or_code": "keine Stellenbezeichnung und kein Berufscode",
    "reason.no_title": "keine Stellenbezeichnung",
    "reason.title_no_occupation": "kein Beruf",
    "reason.empty_title": "leere Stellenbezeichnung",
    "reason.no_letters": "keine Buchstaben in der Stellenbezeichnung",
    "reason.placeholder": "Platzhalter, nennt keinen Beruf",
    "reason.no_words": "nach der Bereinigung bleibt kein Wort",
    "reason.headcount_empty": "Kopfzahl ist leer",
    "reason.headcount_nan": "Kopfzahl ist keine Zahl",
    "reason.headcount_positive": "Kopfzahl muss größer als 0 sein",
    "reason.headcount_fraction": (
        "Kopfzahl {value} ist keine ganze Zahl von Personen; ist '{column}' VZÄ? Dann als fte "
        "zuordnen (--map fte={column})"
    ),
    "reason.fte_nan": "VZÄ ist keine Zahl",
    "reason.fte_negative": "VZÄ ist negativ",
    "reason.fte_person": "VZÄ {value} ist mehr als {max} für eine Person",
    "reason.fte_people": "VZÄ {value} für {people} Personen ist mehr als {max} je Person",
    "reason.cost_nan": "Jahreskosten sind keine Zahl",
    "reason.cost_negative": "Jahreskosten sind negativ",
    "reason.unknown_code_suggest": (
        "unbekannter Berufscode '{code}'; nächste gültige Codes: {codes}"
    ),
    "reason.unknown_code": "unbekannter Berufscode '{code}'",
    "task_group_other": "Sonstige",
    "onet_names_note": (
        "Berufsbezeichnungen und Aufgabenbeschreibungen stammen aus O*NET, das sie nur auf "
        "Englisch veröffentlicht; sie bleiben daher englisch. Die Namen der Aufgabengruppen "
        "sind übersetzt."
    ),
    "unmatched_heading": "Nicht analysierte Zeilen und was zu tun ist",
    "unmatched_none": "Jede Eingabezeile wurde einem Beruf zugeordnet und analysiert.",
    "unmatched_text": (
        "{rows} von {input} Eingabezeilen haben keinen plausiblen Beruf und wurden nicht "
        "analysiert. Jede steht mit ihrem Grund im Blatt Nicht zugeordnet von report.xlsx "
        "(und in unmatched.csv): eine leere oder nichtssagende Stellenbezeichnung, ein "
        "unbekannter Berufscode oder eine beim Einlesen abgelehnte Zeile (den Wert in der "
        "Quelldatei korrigieren). Zeilen, bei denen die Zuordnung unsicher war, stehen nicht "
        "hier: Sie werden über ihre Kandidatenberufe analysiert, und die Spannen der "
        "Kennzahlen zeigen, wie weit sie das verschieben könnte."
    ),
    "unmatched_table_caption": "Häufigste Stellenbezeichnungen der nicht analysierten Zeilen",
    "no_job_title": "(keine Stellenbezeichnung)",
    "heatmap_heading": "Betroffenheit nach Abteilung und Aufgabengruppe",
    "heatmap_text": (
        "Beta (nach Köpfen gewichtet) der Arbeit jeder Abteilung in jeder Aufgabengruppe. "
        "Aufgabengruppen sind die allgemeinen Arbeitsaktivitäten von O*NET. Die Kopfzahl "
        "einer Zelle zählt jede Person mit dem Anteil ihrer Arbeitszeit in dieser Gruppe. "
        "Leere Zellen: keine solche Arbeit."
    ),
    "heatmap_capped": "Gezeigt werden die {shown} größten von {total} Abteilungen.",
    "heatmap_groups_capped": (
        "Gezeigt werden die {shown} von {total} Aufgabengruppen mit der meisten Arbeitszeit; "
        "report.xlsx enthält alle."
    ),
    "roles_heading": "Am stärksten betroffene Rollen",
    "roles_text": (
        "Rollen nach Beta geordnet; die Kopfzahl zeigt, wie viele Menschen sie innehaben. "
        "Ein hoher Anteil heißt, dass viel Arbeitszeit der Rolle beschleunigt werden kann, "
        "nicht dass die Rolle wegfällt."
    ),
    "roles_chart_axis": "Beta (Anteil der Arbeitszeit)",
    "min_group_note": (
        "Rollen mit weniger als {min_headcount} Köpfen fehlen in den Ranglisten (sie stehen "
        "in report.xlsx)."
    ),
    "expected_people_note": (
        "Kopfzahlen mit Nachkommastellen sind erwartete Personen: Eine Bezeichnung, deren "
        "Zuordnung unsicher ist, verteilt ihre Personen nach Wahrscheinlichkeit auf ihre "
        "Kandidatenberufe."
    ),
    "rater.human": "menschliche Bewertende",
    "rater.gpt4": "GPT-4",
    "tasks_heading": "Am stärksten betroffene Aufgaben",
    "task_groups_text": (
        "Aufgabengruppen nach Beta geordnet, gewichtet mit den Köpfen, die sie ausführen."
    ),
    "tasks_text": (
        "Einzelne Aufgaben nach Beta geordnet, dann nach der Kopfzahl der Rollen, die sie "
        "ausführen."
    ),
    "tasks_note": (
        "Das Beta einer Aufgabe ist 100 %, wenn sie mit E1 bewertet ist (ein LLM allein "
        "könnte ihre Dauer halbieren), und 50 % bei E2; vom Modell bewertete Aufgaben liegen "
        "dazwischen. {at_top} der {total} gereihten Aufgaben teilen den Höchstwert von {top} "
        "({e1} sind mit E1 bewertet); die Liste zeigt daher die, die die meisten Menschen "
        "ausführen. Jede Aufgabe ist nur ein Teil der Arbeit einer Rolle: Die Spalte Anteil "
        "an der Aufgabenzeit der Rolle zeigt, wie groß, und das Beta der Rolle oben, was die "
        "ganze Rolle ausmacht."
    ),
    "automation_note": (
        "Weitgehend automatisierbar: der Anteil des bewerteten Aufgabengewichts der Rolle, "
        "den GPT-4 als weitgehend oder ganz automatisierbar bewertet hat (Stufen T3/T4 nach "
        "Eloundou u. a.). Das ist ein eigenes, strengeres Maß als Beta. Leer bei {missing} "
        "der {shown} gezeigten Rollen: Ihre Aufgaben haben keine solche Bewertung (Aufgaben "
        "ohne veröffentlichte Bewertung, vom Modell bewertet, oder eigene Aufgaben der "
        "Organisation)."
    ),
    "departments_heading": "Abteilungen",
    "locations_heading": "Standorte",
    "sources_heading": "Wo die Quellen voneinander abweichen",
    "sources_text": (
        "Das Beta jeder Rolle, wie workshift es berechnet (veröffentlichte Bewertungen, wo "
        "eine Aufgabe eine hat, sonst das trainierte Modell; die Spalte Vom Modell bewertetes "
        "Aufgabengewicht zeigt, wie viel davon das Modell bewertet hat), neben drei anderen "
        "veröffentlichten Maßen. Sie messen Verschiedenes und stehen nebeneinander, nie "
        "gemittelt: Beta nach GPT-4-Bewertungen nutzt dasselbe Schema mit einem Modell als "
        "Bewerter; der AI Applicability Score von Microsoft (0 bis etwa 0,5) zeigt, wie viel "
        "der Arbeitsaktivitäten der Rolle Menschen schon erfolgreich mit Bing Copilot "
        "erledigen; die Observed Exposure von Anthropic zeigt, wie viel der Aufgaben der Rolle "
        "in der tatsächlichen Nutzung von Claude vorkommt. Große Abstände zeigen, wo "
        "Urteilsvermögen gefragt ist. Gezeigt: die {shown} Rollen mit den meisten Köpfen."
    ),
    "source_ours": "Beta, workshift (veröffentlichte Bewertungen und Modell)",
    "source_gpt4": "Beta, GPT-4-Bewertungen",
    "source_microsoft": "Microsoft AI Applicability",
    "source_anthropic": "Anthropic Observed Exposure",
    "sources_axis": "Wert (0 bis 1)",
    "model_heading": "Vom trainierten Modell bewertete Aufgaben",
    "model_text": (
        "{share} des Aufgabengewichts wurden vom trainierten Modell von workshift bewertet "
        "statt aus veröffentlichten Bewertungen: Aufgaben ohne veröffentlichte Bewertung und "
        "die eigenen Aufgabenbeschreibungen der Organisation. Modellwerte sind "
        "Wahrscheinlichkeiten für E0/E1/E2; veröffentlichte Bewertungen haben Vorrang, wo es "
        "sie gibt."
    ),
    "model_sources_caption": "Aufgaben nach Herkunft ihrer Bewertung",
    "model_roles_caption": "Rollen mit dem größten vom Modell bewerteten Aufgabengewicht",
    "source_human": "Veröffentlicht, menschliche Bewertende",
    "source_gpt4_label": "Veröffentlicht, GPT-4",
    "source_model": "workshift-Modell",
    "tasks_count": "Aufgaben",
    "label_source": "Herkunft der Bewertung",
    "method_heading": "Methode",
    "method_rubric": (
        "Jede Aufgabe einer Rolle wird nach dem Schema von „GPTs are GPTs“ (Eloundou u. a. "
        "2024) bewertet: E0 nicht betroffen; E1 ein LLM allein (etwa ein Chat-Assistent) "
        "halbiert die Zeit für die Aufgabe bei gleicher Qualität mindestens; E2 Software, die "
        "auf einem LLM aufbaut, würde das leisten, ein LLM allein nicht."
    ),
    "method_scores": (
        "Je Rolle: Alpha = Anteil des Aufgabengewichts mit E1; Beta = E1 + 0,5 × E2; Zeta = "
        "E1 + E2. Beta ist der zentrale Schätzwert, Alpha und Zeta begrenzen ihn. Bewertet "
        "das Modell eine Aufgabe, treten seine Wahrscheinlichkeiten für E1 und E2 an die "
        "Stelle der Bewertungen."
    ),
    "method_weights": (
        "Aufgabengewichte: Kernaufgaben zählen 2, ergänzende Aufgaben 1 (Aufgabentypen von "
        "O*NET), oder die eigenen Zeitanteile der Organisation, wo sie sie angibt. Zahlen für "
        "die Organisation gewichten jede Rolle mit ihrer Kopfzahl."
    ),
    "method_matching": (
        "Jeder Eingabezeile wird ein Beruf zugeordnet: über ihren Berufscode, wenn er gültig "
        "ist, sonst über ihre Stellenbezeichnung. Ist sich die Zuordnung einer Bezeichnung "
        "unsicher, wird die Zeile über ihre Kandidatenberufe analysiert, gewichtet mit deren "
        "kalibrierten Wahrscheinlichkeiten; die Kodierspanne jeder Zahl zeigt, wie weit sie "
        "das verschieben könnte, und workshift review listet die Bezeichnungen, deren Klärung "
        "sie am meisten verengt. Zeilen ohne plausiblen Beruf werden mit ihrem Grund "
        "aufgeführt."
    ),
    "method_limits": (
        "Betroffenheit misst das technische Potenzial für die Aufgaben, wie O*NET sie "
        "beschreibt. Sie sagt weder Einführung noch Kosten noch Beschäftigung voraus; das "
        "sind Fragen für Szenarien."
    ),
    "method_limits_own": (
        "Betroffenheit misst das technische Potenzial für die Aufgaben, wie sie beschrieben "
        "sind: in der eigenen Aufgabendatei der Organisation ({file}) für {own} der Berufe, "
        "von O*NET für die übrigen. Sie sagt weder Einführung noch Kosten noch Beschäftigung "
        "voraus; das sind Fragen für Szenarien."
    ),
    "data_heading": "Datenquellen und Namensnennung",
    "data_text": (
        "Der Code von workshift steht unter der MIT-Lizenz. Die Referenzdaten behalten die "
        "Lizenz ihrer Quelle; wer diesen Bericht nutzt, nennt sie so:"
    ),
    "source_version": "Version",
    "source_publisher": "Herausgeber",
    "source_licence": "Lizenz",
    "source_url": "Quelle",
    "col.onet_soc_code": "O*NET-SOC-Code",
    "col.occupation": "Beruf",
    "col.headcount": "Köpfe",
    "col.task_time_headcount": "Köpfe (nach Anteil der Arbeitszeit)",
    "col.alpha": "Alpha",
    "col.beta": "Beta",
    "col.zeta": "Zeta",
    "col.tasks": "Aufgaben",
    "col.model_task_share": "Vom Modell bewertetes Aufgabengewicht",
    "col.beta_gpt4": "Beta (GPT-4-Bewertungen)",
    "col.microsoft_ai_applicability": "Microsoft AI Applicability",
    "col.anthropic_observed_exposure": "Anthropic Observed Exposure",
    "col.automation_share": "Weitgehend automatisierbar (GPT-4, T3/T4)",
    "col.task_time_share": "Anteil an der Aufgabenzeit der Rolle",
    "col.task_id": "Aufgaben-ID",
    "col.task": "Aufgabe",
    "col.task_type": "Aufgabentyp",
    "col.weight": "Gewicht",
    "col.label": "Bewertung",
    "col.p_e0": "P(E0)",
    "col.p_e1": "P(E1)",
    "col.p_e2": "P(E2)",
    "col.source": "Herkunft der Bewertung",
    "col.automation": "Automatisierung (GPT-4)",
    "col.task_group": "Aufgabengruppe",
    "col.department": "Abteilung",
    "col.location": "Standort",
    "col.input_row": "Eingabezeile",
    "col.line": "Zeile in der Datei",
    "col.job_title": "Stellenbezeichnung",
    "col.reason": "Grund",
    "col.share": "Anteil der Zeile",
    "col.decided_by": "Entschieden durch",
    "col.confidence": "Konfidenz",
    "col.note": "Hinweis",
    "col.rows": "Zeilen",
    "col.beta_low": "Beta, Spanne unten",
    "col.beta_high": "Beta, Spanne oben",
    "col.confident_share": "Sicher zugeordnet",
    "col.fte": "VZÄ",
    "col.headcount_confident": "Köpfe sicher zugeordnet",
    "col.example_reason": "Grund (erste Zeile)",
    "sheet.summary": "Übersicht",
    "sheet.roles": "Rollen",
    "sheet.tasks": "Aufgaben",
    "sheet.departments": "Abteilungen",
    "sheet.locations": "Standorte",
    "sheet.department_task_groups": "Abteilung x Aufgabengruppe",
    "sheet.unmatched": "Nicht zugeordnet",
    "sheet.matches": "Zuordnungen",
    "sheet.titles": "Titel",
    "key.fte": "Analysierte VZÄ",
    "key.confident_share": "Anteil sicher zugeordneter Personen",
    "key.exposure_settled_share": "Anteil der Personen mit gesicherter Exposition",
    "key.share_beta_gt_50pct_low": "Anteil mit Beta > 50 %, Spanne unten",
    "key.share_beta_gt_50pct_high": "Anteil mit Beta > 50 %, Spanne oben",
    "key.share_beta_ge_10pct_low": "Anteil mit Beta ≥ 10 %, Spanne unten",
    "key.share_beta_ge_10pct_high": "Anteil mit Beta ≥ 10 %, Spanne oben",
    "key.beta_mean_low": "Mittleres Beta, Spanne unten",
    "key.beta_mean_high": "Mittleres Beta, Spanne oben",
    "key.analysed_headcount_share": "Anteil der analysierten Köpfe",
    "key.unscored_rows": "Zeilen in Berufen ohne bewertete Aufgaben",
    "key.coding_note": "Umgang mit unsicherer Berufszuordnung",
    "col.occupation_confidence": "Sicherheit Beruf",
    "col.exposure_confidence": "Sicherheit Exposition",
    "col.narrows_share_gt_50pct": "Verengt Anteil Beta > 50 % um",
    "col.narrows_beta_mean": "Verengt mittleres Beta um",
    "col.title": "Stellenbezeichnung",
    "xlsx.item": "Angabe",
    "xlsx.value": "Wert",
    "xlsx.sources": "Datenquellen",
    "xlsx.attribution": "Namensnennung",
    "key.headcount": "Analysierte Personen (Köpfe)",
    "key.headcount_unscored": "Personen in Berufen ohne bewertete Aufgaben (Köpfe)",
    "key.alpha_mean": "Mittleres Alpha",
    "key.beta_mean": "Mittleres Beta",
    "key.zeta_mean": "Mittleres Zeta",
    "key.share_beta_ge_10pct": "Anteil der Personen mit Beta >= 10 %",
    "key.share_beta_gt_50pct": "Anteil der Personen mit Beta > 50 %",
    "key.input_rows": "Eingabezeilen",
    "key.analysed_rows": "Analysierte Zeilen",
    "key.unmatched_rows": "Nicht analysierte Zeilen",
    "key.headcount_input": "Personen in der Eingabe (Köpfe)",
    "key.rater": "Aufgabenbewertungen",
    "key.bundle_version": "Referenzdaten",
    "key.note": "Hinweis",
    "key.model_task_share": "Vom Modell bewerteter Anteil des Aufgabengewichts",
    "key.source_file": "Quelldatei",
    "key.task_file": "Eigene Aufgabendatei",
    "key.what_exposure_means": "Was Betroffenheit bedeutet",
}

MESSAGES: dict[Language, dict[str, str]] = {"en": _EN, "de": _DE}
"""The report texts per language; every language has the same keys."""


_LOCALES: dict[Language, str] = {"en": "en", "de": "de_DE"}
"""The Babel locale of each language."""


@cache
def _number_style(lang: Language) -> tuple[str, str, str]:
    """Decimal and thousands separators, and the space before the percent sign, from the
    CLDR data of the language (Babel): ``(".", ",", "")`` in English, ``(",", ".", " ")``
    in German.

    >>> _number_style("de"), _number_style("en")
    ((',', '.', ' '), ('.', ',', ''))
    """
    locale = Locale.parse(lang)
    percent = locale.percent_formats[None].pattern.replace("\xa0", " ")
    space = " " if re.search(r"0\s+%", percent) else ""
    return get_decimal_symbol(locale), get_group_symbol(locale), space


# Where the currency code goes: "EUR 1,200" in English, "1.200 EUR" in German.
_MONEY: dict[Language, str] = {"en": "{currency} {value}", "de": "{value} {currency}"}


@dataclass(frozen=True)
class Messages:
    """The texts and number formats of one language, money in ``currency``.

    A report with texts of its own subclasses this with a larger ``catalogue``.
    """

    lang: Language
    currency: str = ""
    catalogue: ClassVar[Mapping[Language, Mapping[str, str]]] = MESSAGES

    def __call__(self, key: str, **values: Any) -> str:
        """The text for ``key``, with ``{placeholders}`` filled from ``values``."""
        text = self.catalogue[self.lang][key]
        return text.format(**values) if values else text

    def column(self, name: str) -> str:
        """The label of a data column (the column name itself when there is none)."""
        return self.catalogue[self.lang].get(f"col.{name}", name)

    def rater(self, rater: str) -> str:
        """Who labelled the tasks (``human`` or ``gpt4``), in words."""
        return self.catalogue[self.lang].get(f"rater.{rater}", rater)

    def summary_key(self, key: str) -> str:
        """The label of a summary entry (the key itself when there is none)."""
        return self.catalogue[self.lang].get(f"key.{key}", key)

    @property
    def plotly_separators(self) -> str:
        """Plotly's ``layout.separators``: decimal then thousands separator."""
        decimal, thousands, _ = _number_style(self.lang)
        return decimal + thousands

    @property
    def locale(self) -> str:
        """The Babel (CLDR) locale of the language."""
        return _LOCALES[self.lang]

    def _format(self, number: float, pattern: str) -> str:
        """``number`` in a CLDR pattern (``#,##0.0``), the language's way (Babel)."""
        return str(format_decimal(number, format=pattern, locale=self.locale))

    def pct(self, value: Any, digits: int = 1) -> str:
        """A share as a percentage (``''`` for a missing value)."""
        if _missing(value):
            return ""
        space = _number_style(self.lang)[2]
        return self._format(float(value) * 100, _decimals(digits)) + space + "%"

    def number(self, value: Any) -> str:
        """A count or headcount: whole numbers without decimals, others with one."""
        if _missing(value):
            return ""
        number = float(value)
        return self._format(number, _decimals(0 if number == round(number) else 1))

    def score(self, value: Any, digits: int = 2) -> str:
        """A score that is not a share (Microsoft's AI applicability)."""
        if _missing(value):
            return ""
        return self._format(float(value), _decimals(digits))

    def amount(self, value: Any) -> str:
        """A projected quantity: whole from 100 up (15,293 people, 278 FTE), else one decimal."""
        if _missing(value):
            return ""
        number = float(value)
        return self.number(round(number) if abs(number) >= 100 else round(number, 1))

    def year(self, value: Any) -> str:
        """A (decimal) year without a thousands separator: 2026, 2025.5."""
        if _missing(value):
            return ""
        return self._format(float(value), "0.##")

    def money(self, value: Any) -> str:
        """An amount in whole units of :attr:`currency` (the code placed as the language does)."""
        if _missing(value):
            return ""
        amount = self._format(round(float(value)), "#,##0")
        return _MONEY[self.lang].format(currency=self.currency, value=amount).strip()

    def decimal(self, value: Any, significant: int = 3) -> str:
        """A parameter value: whole from 1,000 up, else ``significant`` digits (0.0351, 1.5)."""
        if _missing(value):
            return ""
        number = float(value)
        if abs(number) >= 1000 or number == round(number):
            return self._format(number, "#,##0")
        digits = max(0, significant - 1 - math.floor(math.log10(abs(number))))
        return self._format(number, "#,##0." + "#" * digits)


def _decimals(digits: int) -> str:
    """The CLDR pattern of a grouped number with ``digits`` decimals.

    >>> _decimals(0), _decimals(2)
    ('#,##0', '#,##0.00')
    """
    return "#,##0." + "0" * digits if digits else "#,##0"


def _missing(value: Any) -> bool:
    """None, NaN and pandas' NA."""
    return value is None or bool(pd.isna(value))


def language(lang: str) -> Language:
    """``lang`` checked: ``"en"`` or ``"de"``, else :class:`ConfigError`."""
    for known in LANGUAGES:
        if lang == known:
            return known
    raise ConfigError(f"unknown report language {lang!r}; choose one of {', '.join(LANGUAGES)}")


def messages(lang: str, currency: str = "") -> Messages:
    """The :class:`Messages` for ``lang`` (``"en"`` or ``"de"``), money in ``currency``."""
    return Messages(language(lang), currency)
