"""The texts of the redeployment report (``report.html`` of ``workshift reskill``), en and de.

Kept apart from ``_messages`` (the analysis report's texts) like ``_scenario_messages``:
:class:`ReskillMessages` reads this catalogue laid over the analysis one, so shared labels
(``col.department``, ``key.bundle_version``, ``data_text``) are written once; a test keeps
the catalogues' keys apart and the languages' keys equal.

The plan says why someone was not assigned in English (``reason``, as ``plan.csv`` has it).
:data:`REASONS` names each kind of reason, so the report can say it, and what it means,
in the report's language; a reason it does not know is shown as it is.

Examples
--------
>>> m = reskill_messages("de")
>>> m.reason("openings full (capacity)")
'Stellen voll (Kapazität)'
>>> m.reason("no occupation: needs review: best guess 43-4051.00")
'kein Beruf zugeordnet: needs review: best guess 43-4051.00'
>>> m.reason("something new"), m.reason_help("something new")
('something new', '')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from workshift.reports._messages import LANGUAGES, MESSAGES, Language, Messages, language

__all__ = ["REASONS", "RESKILL_MESSAGES", "ReskillMessages", "reskill_messages"]

REASONS: dict[str, str] = {
    "no opening within reach (location/relocation)": "out_of_reach",
    "no course in the catalogue closes the gap to the openings within reach": "no_course",
    "training budget exhausted": "budget",
    "openings full (capacity)": "capacity",
    "a better overall plan used the openings": "plan",
    "no opening worth a move (retention_value + fit <= 0)": "no_value",
    "no skill profile for the occupation": "no_profile",
    "no opening within reach meets the fit and training-time limits": "limits",
    "no occupation": "no_occupation",
    "not in the workforce file": "not_in_workforce",
}
"""Each reason of the plan (as ``workshift.reskilling`` writes it, or the kind before its
first colon) -> the key of its text (``reason.<key>``) and meaning (``reason_help.<key>``)."""

_EN: dict[str, str] = {
    # Document
    "reskill_title": "Redeployment plan: training and new roles for the people whose work changes",
    "reskill_subtitle": (
        "workshift reskill report. Workforce: {source_file}. Openings: {openings_file}. "
        "Course catalogue: {catalogue_file}."
    ),
    "reskill_meta": "Affected: {selection}. Reference bundle {bundle_version}.",
    "selection_listed": "the people listed in {file}",
    "selection_beta": "everyone whose occupation's exposure (beta) is at least {min_beta}",
    "more_in_plan_csv": "Showing the first {shown} of {total} people; plan.csv lists everyone.",
    "more_in_openings_csv": "Showing the first {shown} of {total}; openings.csv has all.",
    "more_in_departments_csv": "Showing the first {shown} of {total}; departments.csv has all.",
    "more_in_unresolved_csv": (
        "Showing the first {shown} of {total}; skills_unresolved.csv lists every one."
    ),
    "more_reasons": "Showing the first {shown} of {total} reasons; plan.csv has each person's.",
    "yes": "yes",
    "no": "no",
    # What the plan is and is not: first, before any number.
    "reskill_is_heading": "What this plan is, and what it is not",
    "reskill_is": (
        "A plan to discuss, not a decision. It proposes one way to keep the people whose "
        "work generative AI changes in work: each affected person is matched to an opening "
        "the organisation plans, with the training that closes the skill gap, and the plan "
        "as a whole is the best the optimiser finds under the rules stated below (places, "
        "sites, budget, priorities). Every move needs the person's consent and, where it "
        "applies, the co-determination of the works council (in Germany, among others, on "
        "personnel planning, vocational training and transfers)."
    ),
    "reskill_is_people": (
        "People appear by employee id only (pseudonymised when the run was given a key), "
        "with department, site and today's occupation, so that employee representatives can "
        "check each move and an HR team can act on it. Not being assigned here does not "
        "mean leaving: it means no opening of this plan fits under these rules, and the "
        "report says why and what would change it."
    ),
    # At a glance
    "reskill_glance_heading": "The plan at a glance",
    "reskill_settings_caption": "Settings of this run",
    "headline.affected": "People affected",
    "headline.affected_help": "Everyone in the plan: {selection}.",
    "headline.assigned": "Assigned to an opening",
    "headline.assigned_help": "{share} of the people affected.",
    "headline.not_assigned": "Not assigned",
    "headline.not_assigned_help": "Each with the reason and the nearest options.",
    "headline.not_assigned_help_council": "Their reasons, per person, are in HR's version only.",
    "headline.training_hours": "Training hours, total",
    "headline.training_hours_help": "{hours} hours per person assigned, on average.",
    "headline.training_cost": "Training cost, total",
    "headline.training_cost_help_budget": "Budget {budget}; {share} of it used.",
    "headline.training_cost_help_no_budget": "No budget limit was set.",
    "headline.gain": "What planning all moves together adds",
    "headline.gain_help": (
        "Against a simple plan that takes the best moves one by one: training {hours} h, "
        "{cost}; moves to another site {relocations}; mean fit of the moves {fit} "
        "(0 to 1). That plan places {people} people with {greedy_hours} h of training for "
        "{greedy_cost}."
    ),
    "headline.solver": "Optimiser",
    "headline.solver_optimal": "proven optimal",
    "headline.solver_not_optimal": "not proven optimal",
    "headline.solver_help": "Solver status: {status}; remaining gap {gap}; {seconds} s.",
    "key.selection": "Who is affected",
    "key.priority": "Priority weights (social criteria)",
    "key.budget": "Training budget",
    "key.retention_value": "Value of keeping a person in work (in units of fit)",
    "key.openings": "Openings",
    "key.capacity": "Places in the openings",
    "key.candidate_pairs": "Possible moves considered",
    "key.blocked_pairs": "Moves not proposed (no course teaches the gap, or beyond a limit)",
    "key.skills_unresolved": "Listed skills not recognised",
    "key.openings_file": "Openings file",
    "key.catalogue_file": "Course catalogue",
    "no_budget": "none",
    "no_priority": "none (everyone counts the same)",
    # Flows
    "flows_heading": "From today's roles to the target roles",
    "flows_text": (
        "Each band is the people moving from one of today's occupations (left) to a target "
        "role (right); its width is the number of people. \u201cNot assigned\u201d gathers "
        "those for whom this plan has no opening. {people} people in all."
    ),
    "flows_capped": (
        "The {shown} largest of {total} {side} are shown; the others are gathered as "
        "\u201c{other}\u201d. flows.csv has every pair."
    ),
    "flows_side_origins": "occupations of today",
    "flows_side_targets": "target roles",
    "node.not_assigned": "not assigned",
    "node.no_occupation": "no occupation",
    "node.other_origins": "other occupations",
    "node.other_targets": "other target roles",
    "flow_hover": "{origin} \u2192 {target}: {people}",
    "node_hover": "{node}: {people} people",
    "node_people": "{people} people",
    "node_person": "{people} person",
    # Gaps
    "gaps_heading": "What people learn, by department",
    "gaps_text": (
        "How many of each department's assigned people learn each skill: in the modules of "
        "their training plan or, for technologies no module teaches, on the job. Skills are "
        "O*NET skills and technologies; darker cells mean more people."
    ),
    "gaps_capped": (
        "The {shown} skills learnt by the most people are shown, of {total}; gaps.csv has all."
    ),
    "gaps_departments_capped": "The {shown} largest of {total} departments are shown.",
    "gaps_none": "Nobody assigned has a skill to learn.",
    "gap_hover": "{department}<br>{skill}<br>{people}: {count}",
    # Departments
    "reskill_departments_heading": "Training time and cost by department",
    "reskill_departments_text": (
        "Per department: the people affected, assigned and not assigned, and the training "
        "hours and cost of those assigned."
    ),
    "no_department": "(no department)",
    # Openings
    "openings_heading": "Openings",
    "openings_text": (
        "Each opening the organisation plans: the role, its site, whether it takes people "
        "from other sites, its places, how many the plan fills and how many stay open."
    ),
    # Reasons
    "reasons_heading": "Why people were not assigned",
    "reasons_none": "Everyone affected was assigned to an opening.",
    "reasons_text": (
        "{people} of {affected} people were not assigned. The reasons, most frequent first, "
        "and what would change them:"
    ),
    "reason.out_of_reach": "no opening within reach (site/relocation)",
    "reason.no_course": "no course in the catalogue closes the gap to the openings within reach",
    "reason.budget": "training budget exhausted",
    "reason.capacity": "openings full (capacity)",
    "reason.plan": "a better overall plan used the openings",
    "reason.no_value": "no opening worth a move",
    "reason.no_profile": "no skill profile for the occupation",
    "reason.no_occupation": "no occupation",
    "reason.not_in_workforce": "not in the workforce file",
    "reason_help.out_of_reach": (
        "No opening is at the person's site, and relocation is ruled out by the person or "
        "by the openings elsewhere. An opening at their site, or agreeing on relocation, "
        "would change this."
    ),
    "reason_help.no_course": (
        "Openings are within reach, but each needs a skill no module of the catalogue "
        "teaches (the nearest options name it). A course for that skill would open the move."
    ),
    "reason_help.budget": (
        "A move was possible, but its training no longer fitted the budget. A larger budget "
        "would place them."
    ),
    "reason_help.capacity": (
        "Every opening within reach is full, with people who fit it better or have a higher "
        "priority. More places, or another opening, would place them."
    ),
    "reason_help.plan": (
        "An opening within reach went to someone else because that placed more people, or "
        "better fits, in the plan as a whole."
    ),
    "reason_help.no_value": (
        "Every opening within reach fits so poorly that the move is worth nothing under "
        "these settings. A higher value of keeping a person in work would change this."
    ),
    "reason_help.no_profile": (
        "Their occupation has no skill profile, so no gap can be measured. An override to a "
        "related occupation would help."
    ),
    "reason_help.no_occupation": (
        "The workforce row was not matched to an occupation (see the analysis report). "
        "Settle the job title in an override file and rerun."
    ),
    "reason_help.not_in_workforce": (
        "The person is on the list of affected people but not in the workforce file: check "
        "the employee id."
    ),
    "col.people": "People",
    "col.meaning": "What it means",
    "col.example_person": "Example (first person)",
    "council_people_text": (
        "This version for employee representatives names nobody and gives no reasons per "
        "person: the moves, the skills to learn and the departments above are groups of at "
        "least {k} people, and cells that could reveal a smaller group are hidden. HR's "
        "version of the plan has each person's move and reasons, for the talks with each "
        "person."
    ),
    # The plan person by person
    "people_heading": "The plan person by person",
    "people_text": (
        "Every affected person in the order of plan.csv: where they work today, the opening "
        "the plan proposes and why (the work both roles share, the skills to learn and in "
        "which modules, what is learnt on the job), or why they are not assigned and their "
        "nearest options. Fit is the score of the move from 0 to 1 (higher is closer). "
        "plan.csv has more columns, among them each person's priority."
    ),
    "col.employee_id": "Employee id",
    "col.origin": "Today's occupation",
    "col.move": "Proposed move",
    "col.fit": "Fit",
    "col.training_hours": "Training hours",
    "col.training_cost": "Training cost",
    "col.explanation": "Why",
    "move_to": "{opening_id} {target}",
    "move_relocates": "{move} (changes site)",
    "move_none": "not assigned",
    "explain_shares": "Shares: {activities}",
    "explain_brings": "Brings: {skills}",
    "explain_education": "Education the role usually asks for: {education}",
    "explain_learns": "Learns: {skills}",
    "explain_modules": "in modules {modules}",
    "explain_on_the_job": "On the job: {skills}",
    "explain_nothing": "Nothing to learn: today's skills cover the role.",
    "explain_reason": "Not assigned: {reason}.",
    "explain_near_misses": "Nearest options: {options}",
    "near_miss_hours": "{opening} (fit {fit}; {hours} h)",
    "near_miss_untaught": "{opening} (fit {fit}; no course teaches: {skills})",
    "near_miss_untaught_in": "{opening} (fit {fit}; no course in {languages} teaches: {skills})",
    # Openings' columns
    "col.opening_id": "Opening",
    "col.role": "Role",
    "col.target": "Target role",
    "col.relocation": "Takes people from other sites",
    "col.country": "Country",
    "col.capacity": "Places",
    "col.filled": "Filled",
    "col.left": "Still open",
    "col.affected": "Affected",
    "col.assigned": "Assigned",
    "col.not_assigned": "Not assigned",
    # Skills not recognised
    "unresolved_heading": "Listed skills not recognised",
    "unresolved_none": "Every skill listed for a person was recognised.",
    "unresolved_text": (
        "{rows} skills listed for people name no known skill and were left out of their "
        "profiles. Correct the spelling or use the O*NET name, then rerun:"
    ),
    "col.file": "File",
    "col.row": "Row",
    "col.column": "Column",
    "col.value": "Value",
    # Method
    "reskill_method_heading": "Method",
    "reskill_method_fit": (
        "Fit: how close the work of today's occupation and the target role is (skills, work "
        "activities and tasks), less the share of what the target requires that the person "
        "lacks, plus the target's outlook (BLS employment projections), its lower exposure "
        "to generative AI, and whether the organisation has an opening for it. Skills a "
        "person lists raise their profile above their occupation's average."
    ),
    "reskill_method_training": (
        "Training: for each gap skill the level to reach; the plan is the cheapest set of "
        "the catalogue's modules that teaches every gap skill to that level (solved "
        "exactly). Technologies no module teaches are learnt on the job, listed but not "
        "priced. Modules are only in a language the person has: a languages column of the "
        "list, languages they list as skills, else the official languages of their site's "
        "country (CLDR). A move needing a skill no module teaches, with a fit below the "
        "minimum or more training hours than the limit is not proposed; it appears among "
        "the nearest options."
    ),
    "reskill_method_optimiser": (
        "Assignment: each person takes at most one opening, each opening at most its places, "
        "the training of all moves together stays within the budget, and sites are "
        "respected (the same site, or both sides accept relocation; another country only "
        "for a person who accepts relocation abroad). Among these plans a "
        "mixed-integer programme, solved exactly with HiGHS, finds the one with the largest "
        "value: the sum over all moves of priority \u00d7 (value of keeping a person in work "
        "+ fit). A greedy plan (best value per training cost first) is computed beside it; "
        "the difference in people, training and relocations shows what planning all moves "
        "together adds."
    ),
    "reskill_method_priority": (
        "Priority: 1 plus the weighted social criteria given for each person (for example "
        "protected status or years of service). A higher priority makes a person's "
        "retention and fit count more, so they are placed first."
    ),
    "reskill_method_limits": (
        "Limits: skill levels are occupation averages (O*NET) unless people list their own; "
        "hours and costs are the catalogue's; a fit score knows nothing of a person's wishes, "
        "health or family. The plan is where a conversation starts."
    ),
    # Added with issue 13: the plans compared in people and money, limits, languages, abroad.
    "headline.relocations": "Moves to another site",
    "headline.relocations_help": (
        "Of these, {abroad} to another country, each only for a person who accepts "
        "relocation abroad (flagged in the plan)."
    ),
    "gain_people": "{people} person kept in work",
    "gain_people_plural": "{people} people kept in work",
    "key.min_fit": "Least fit of a proposed move",
    "key.max_training_hours": "Most training hours of a proposed move",
    "no_limit": "none",
    "hours": "{hours} h",
    "near_miss_limit": "{opening} (fit {fit}; {hours} h; {limit})",
    "limit_fit": "fit below the minimum of {min_fit}",
    "limit_hours": "over the limit of {hours} h",
    "explain_languages": "Courses in: {languages} ({sources})",
    "explain_languages_unknown": (
        "Course languages unknown (no site country or languages column): every module open."
    ),
    "languages_from_country": "languages of the site country {country}",
    "languages_from_languages_column": "languages column of the list",
    "languages_from_listed_skills": "languages listed as skills",
    "explain_abroad": "Moves to another country: the person accepts relocation abroad.",
    "move_abroad": "{move} (moves to another country)",
    "unresolved_unknown": "not in the skill vocabulary",
    "unresolved_closest": "not in the skill vocabulary; closest: {names}",
    "unresolved_language": "not a language the language table knows",
    "reason.limits": "no opening within reach meets the fit and training-time limits",
    "reason_help.limits": (
        "Openings are within reach and teachable, but each move fits too poorly or needs more "
        "training than this plan proposes (see the settings; the nearest options say which). "
        "Such a move is a new vocational training, for the person and the works council to "
        "decide, not for an optimiser."
    ),
    "reskill_method_objective": (
        "Plan value (the optimiser's objective, without a unit): the sum over all moves of "
        "priority × (value of keeping a person in work + fit), with the value of keeping a "
        "person in work at {retention}. Exact plan {objective}, greedy plan {greedy}, "
        "difference {gain}. It only ranks plans; the figures at a glance say what the "
        "difference means in people, hours and money."
    ),
    "language.en": "English",
    "language.de": "German",
    "language.fr": "French",
    "language.es": "Spanish",
    "language.it": "Italian",
    "language.nl": "Dutch",
    "language.pl": "Polish",
    "language.pt": "Portuguese",
}

_DE: dict[str, str] = {
    "reskill_title": (
        "Umsetzungsplan: Qualifizierung und neue Aufgaben für die Menschen, deren Arbeit "
        "sich verändert"
    ),
    "reskill_subtitle": (
        "workshift-Umsetzungsbericht. Belegschaft: {source_file}. Stellen: {openings_file}. "
        "Kurskatalog: {catalogue_file}."
    ),
    "reskill_meta": "Betroffen: {selection}. Referenzdaten {bundle_version}.",
    "selection_listed": "die in {file} aufgeführten Beschäftigten",
    "selection_beta": "alle, deren Beruf eine Betroffenheit (Beta) von mindestens {min_beta} hat",
    "more_in_plan_csv": (
        "Gezeigt werden die ersten {shown} von {total} Beschäftigten; plan.csv führt alle auf."
    ),
    "more_in_openings_csv": (
        "Gezeigt werden die ersten {shown} von {total}; openings.csv enthält alle."
    ),
    "more_in_departments_csv": (
        "Gezeigt werden die ersten {shown} von {total}; departments.csv enthält alle."
    ),
    "more_in_unresolved_csv": (
        "Gezeigt werden die ersten {shown} von {total}; skills_unresolved.csv führt jede auf."
    ),
    "more_reasons": (
        "Gezeigt werden die ersten {shown} von {total} Gründen; plan.csv nennt den jeder Person."
    ),
    "yes": "ja",
    "no": "nein",
    "reskill_is_heading": "Was dieser Plan ist und was nicht",
    "reskill_is": (
        "Ein Plan zur Diskussion, keine Entscheidung. Er schlägt einen Weg vor, die "
        "Menschen, deren Arbeit sich durch generative KI verändert, in Arbeit zu halten: "
        "Jede betroffene Person wird einer von der Organisation geplanten Stelle zugeordnet, "
        "mit der Qualifizierung, die die Kompetenzlücke schließt, und der Plan als Ganzes "
        "ist der beste, den der Optimierer unter den unten genannten Regeln findet (Plätze, "
        "Standorte, Budget, Prioritäten). Jede Umsetzung braucht die Zustimmung der Person "
        "und, wo sie gilt, die Mitbestimmung des Betriebsrats (unter anderem bei "
        "Personalplanung, Berufsbildung und Versetzungen)."
    ),
    "reskill_is_people": (
        "Beschäftigte erscheinen nur mit ihrer Personalnummer (pseudonymisiert, wenn der "
        "Lauf einen Schlüssel hatte), mit Abteilung, Standort und heutigem Beruf, damit die "
        "Arbeitnehmervertretung jede Umsetzung prüfen und die Personalabteilung danach "
        "handeln kann. Hier nicht zugeordnet zu sein heißt nicht, gehen zu müssen: Es heißt, "
        "dass unter diesen Regeln keine Stelle dieses Plans passt; der Bericht sagt, warum, "
        "und was das ändern würde."
    ),
    "reskill_glance_heading": "Der Plan auf einen Blick",
    "reskill_settings_caption": "Einstellungen dieses Laufs",
    "headline.affected": "Betroffene Beschäftigte",
    "headline.affected_help": "Alle im Plan: {selection}.",
    "headline.assigned": "Einer Stelle zugeordnet",
    "headline.assigned_help": "{share} der Betroffenen.",
    "headline.not_assigned": "Nicht zugeordnet",
    "headline.not_assigned_help": "Jeweils mit Grund und den nächstliegenden Möglichkeiten.",
    "headline.not_assigned_help_council": (
        "Die Gründe je Person stehen nur in der Fassung der Personalabteilung."
    ),
    "headline.training_hours": "Qualifizierungsstunden insgesamt",
    "headline.training_hours_help": "Im Mittel {hours} Stunden je zugeordneter Person.",
    "headline.training_cost": "Qualifizierungskosten insgesamt",
    "headline.training_cost_help_budget": "Budget {budget}; davon {share} genutzt.",
    "headline.training_cost_help_no_budget": "Kein Budget vorgegeben.",
    "headline.gain": "Was die gemeinsame Planung aller Umsetzungen bringt",
    "headline.gain_help": (
        "Gegenüber einem einfachen Plan, der die besten Umsetzungen nacheinander nimmt: "
        "Qualifizierung {hours} h, {cost}; Standortwechsel {relocations}; mittlere Passung "
        "der Umsetzungen {fit} (0 bis 1). Jener Plan bringt {people} Personen unter, mit "
        "{greedy_hours} h Qualifizierung für {greedy_cost}."
    ),
    "headline.solver": "Optimierer",
    "headline.solver_optimal": "nachweislich optimal",
    "headline.solver_not_optimal": "nicht nachweislich optimal",
    "headline.solver_help": "Status des Lösers: {status}; verbleibende Lücke {gap}; {seconds} s.",
    "key.selection": "Wer betroffen ist",
    "key.priority": "Gewichte der Priorität (soziale Kriterien)",
    "key.budget": "Qualifizierungsbudget",
    "key.retention_value": "Wert, eine Person in Arbeit zu halten (in Einheiten der Passung)",
    "key.openings": "Stellen",
    "key.capacity": "Plätze in den Stellen",
    "key.candidate_pairs": "Betrachtete mögliche Umsetzungen",
    "key.blocked_pairs": (
        "Nicht vorgeschlagene Umsetzungen (kein Kurs für die Lücke, oder über einer Grenze)"
    ),
    "key.skills_unresolved": "Nicht erkannte angegebene Kompetenzen",
    "key.openings_file": "Stellendatei",
    "key.catalogue_file": "Kurskatalog",
    "no_budget": "keines",
    "no_priority": "keine (alle zählen gleich)",
    "flows_heading": "Von den heutigen Rollen zu den Zielrollen",
    "flows_text": (
        "Jedes Band sind die Menschen, die von einem heutigen Beruf (links) in eine "
        "Zielrolle (rechts) wechseln; seine Breite ist ihre Zahl. \u201eNicht zugeordnet\u201c "
        "sammelt die, für die dieser Plan keine Stelle hat. Insgesamt {people} Menschen."
    ),
    "flows_capped": (
        "Gezeigt werden die {shown} größten von {total} {side}; die übrigen sind als "
        "\u201e{other}\u201c zusammengefasst. flows.csv enthält jedes Paar."
    ),
    "flows_side_origins": "heutigen Berufen",
    "flows_side_targets": "Zielrollen",
    "node.not_assigned": "nicht zugeordnet",
    "node.no_occupation": "kein Beruf zugeordnet",
    "node.other_origins": "weitere Berufe",
    "node.other_targets": "weitere Zielrollen",
    "flow_hover": "{origin} \u2192 {target}: {people}",
    "node_hover": "{node}: {people} Personen",
    "node_people": "{people} Personen",
    "node_person": "{people} Person",
    "gaps_heading": "Was gelernt wird, nach Abteilung",
    "gaps_text": (
        "Wie viele der zugeordneten Menschen jeder Abteilung jede Kompetenz lernen: in den "
        "Modulen ihres Qualifizierungsplans oder, bei Technologien, die kein Modul lehrt, "
        "in der Arbeit. Kompetenzen sind O*NET-Kompetenzen und -Technologien; dunklere "
        "Zellen bedeuten mehr Menschen."
    ),
    "gaps_capped": (
        "Gezeigt werden die {shown} Kompetenzen, die die meisten lernen, von {total}; "
        "gaps.csv enthält alle."
    ),
    "gaps_departments_capped": "Gezeigt werden die {shown} größten von {total} Abteilungen.",
    "gaps_none": "Keine zugeordnete Person muss etwas dazulernen.",
    "gap_hover": "{department}<br>{skill}<br>{people}: {count}",
    "reskill_departments_heading": "Qualifizierungszeit und -kosten nach Abteilung",
    "reskill_departments_text": (
        "Je Abteilung: die betroffenen, zugeordneten und nicht zugeordneten Menschen und die "
        "Qualifizierungsstunden und -kosten der Zugeordneten."
    ),
    "no_department": "(keine Abteilung)",
    "openings_heading": "Stellen",
    "openings_text": (
        "Jede von der Organisation geplante Stelle: die Rolle, ihr Standort, ob sie Menschen "
        "von anderen Standorten aufnimmt, ihre Plätze, wie viele der Plan besetzt und wie "
        "viele offen bleiben."
    ),
    "reasons_heading": "Warum Menschen nicht zugeordnet wurden",
    "reasons_none": "Alle Betroffenen wurden einer Stelle zugeordnet.",
    "reasons_text": (
        "{people} von {affected} Menschen wurden nicht zugeordnet. Die Gründe, die häufigsten "
        "zuerst, und was sie ändern würde:"
    ),
    "reason.out_of_reach": "keine Stelle erreichbar (Standort/Umzug)",
    "reason.no_course": ("kein Kurs des Katalogs schließt die Lücke zu den erreichbaren Stellen"),
    "reason.budget": "Qualifizierungsbudget ausgeschöpft",
    "reason.capacity": "Stellen voll (Kapazität)",
    "reason.plan": "ein insgesamt besserer Plan hat die Stellen anders besetzt",
    "reason.no_value": "keine Stelle lohnt eine Umsetzung",
    "reason.no_profile": "kein Kompetenzprofil für den Beruf",
    "reason.no_occupation": "kein Beruf zugeordnet",
    "reason.not_in_workforce": "nicht in der Belegschaftsdatei",
    "reason_help.out_of_reach": (
        "Keine Stelle ist am Standort der Person, und ein Standortwechsel ist für die Person "
        "oder die Stellen anderswo ausgeschlossen. Eine Stelle an ihrem Standort oder eine "
        "Einigung über einen Wechsel würde das ändern."
    ),
    "reason_help.no_course": (
        "Stellen sind erreichbar, aber jede braucht eine Kompetenz, die kein Modul des "
        "Katalogs lehrt (die nächstliegenden Möglichkeiten nennen sie). Ein Kurs dafür würde "
        "die Umsetzung ermöglichen."
    ),
    "reason_help.budget": (
        "Eine Umsetzung war möglich, aber ihre Qualifizierung passte nicht mehr ins Budget. "
        "Ein größeres Budget würde die Person zuordnen."
    ),
    "reason_help.capacity": (
        "Jede erreichbare Stelle ist voll, besetzt mit Menschen, die besser passen oder eine "
        "höhere Priorität haben. Mehr Plätze oder eine weitere Stelle würden sie zuordnen."
    ),
    "reason_help.plan": (
        "Eine erreichbare Stelle ging an jemand anderen, weil der Plan als Ganzes so mehr "
        "Menschen oder bessere Passungen unterbringt."
    ),
    "reason_help.no_value": (
        "Jede erreichbare Stelle passt so schlecht, dass die Umsetzung unter diesen "
        "Einstellungen nichts wert ist. Ein höherer Wert, eine Person in Arbeit zu halten, "
        "würde das ändern."
    ),
    "reason_help.no_profile": (
        "Für ihren Beruf gibt es kein Kompetenzprofil, also lässt sich keine Lücke messen. "
        "Eine Zuordnung zu einem verwandten Beruf (Override) würde helfen."
    ),
    "reason_help.no_occupation": (
        "Die Zeile der Belegschaftsdatei wurde keinem Beruf zugeordnet (siehe den "
        "Analysebericht). Die Berufsbezeichnung in einer Override-Datei festlegen und neu "
        "rechnen."
    ),
    "reason_help.not_in_workforce": (
        "Die Person steht auf der Liste der Betroffenen, aber nicht in der Belegschaftsdatei: "
        "die Personalnummer prüfen."
    ),
    "col.people": "Menschen",
    "col.meaning": "Was er bedeutet",
    "col.example_person": "Beispiel (erste Person)",
    "council_people_text": (
        "Diese Fassung für die Arbeitnehmervertretung nennt keine Person und keine Gründe je "
        "Person: die Wechsel, die zu lernenden Kompetenzen und die Abteilungen oben sind "
        "Gruppen von mindestens {k} Personen, und Zellen, aus denen sich eine kleinere Gruppe "
        "erschließen ließe, sind ausgeblendet. Die Fassung der Personalabteilung enthält "
        "Wechsel und Gründe je Person, für die Gespräche mit jeder Person."
    ),
    "people_heading": "Der Plan Person für Person",
    "people_text": (
        "Jede betroffene Person in der Reihenfolge von plan.csv: wo sie heute arbeitet, die "
        "Stelle, die der Plan vorschlägt, und warum (die Arbeit, die beide Rollen teilen, die "
        "zu lernenden Kompetenzen und in welchen Modulen, was in der Arbeit gelernt wird), "
        "oder warum sie nicht zugeordnet ist und ihre nächstliegenden Möglichkeiten. Die "
        "Passung ist die Bewertung der Umsetzung von 0 bis 1 (höher ist näher). plan.csv hat "
        "weitere Spalten, darunter die Priorität jeder Person."
    ),
    "col.employee_id": "Personal\u00adnummer",
    "col.origin": "Heutiger Beruf",
    "col.move": "Vorgeschlagene Umsetzung",
    "col.fit": "Passung",
    "col.training_hours": "Qualifizierung, Stunden",
    "col.training_cost": "Qualifizierung, Kosten",
    "col.explanation": "Warum",
    "move_to": "{opening_id} {target}",
    "move_relocates": "{move} (Standortwechsel)",
    "move_none": "nicht zugeordnet",
    "explain_shares": "Gemeinsam: {activities}",
    "explain_brings": "Bringt mit: {skills}",
    "explain_education": "Üblicher Bildungsabschluss der Rolle (O*NET, englisch): {education}",
    "explain_learns": "Lernt: {skills}",
    "explain_modules": "in den Modulen {modules}",
    "explain_on_the_job": "In der Arbeit: {skills}",
    "explain_nothing": "Nichts zu lernen: die heutigen Kompetenzen decken die Rolle ab.",
    "explain_reason": "Nicht zugeordnet: {reason}.",
    "explain_near_misses": "Nächstliegende Möglichkeiten: {options}",
    "near_miss_hours": "{opening} (Passung {fit}; {hours} h)",
    "near_miss_untaught": "{opening} (Passung {fit}; kein Kurs lehrt: {skills})",
    "near_miss_untaught_in": (
        "{opening} (Passung {fit}; kein Kurs auf {languages} lehrt: {skills})"
    ),
    "col.opening_id": "Stelle",
    "col.role": "Rolle",
    "col.target": "Zielrolle",
    "col.relocation": "Nimmt Menschen anderer Standorte auf",
    "col.country": "Land",
    "col.capacity": "Plätze",
    "col.filled": "Besetzt",
    "col.left": "Noch offen",
    "col.affected": "Betroffen",
    "col.assigned": "Zugeordnet",
    "col.not_assigned": "Nicht zugeordnet",
    "unresolved_heading": "Nicht erkannte angegebene Kompetenzen",
    "unresolved_none": "Jede für eine Person angegebene Kompetenz wurde erkannt.",
    "unresolved_text": (
        "{rows} für Beschäftigte angegebene Kompetenzen benennen keine bekannte Kompetenz und "
        "fehlen deshalb in deren Profil. Schreibweise korrigieren oder den O*NET-Namen "
        "verwenden, dann neu rechnen:"
    ),
    "col.file": "Datei",
    "col.row": "Zeile",
    "col.column": "Spalte",
    "col.value": "Wert",
    "reskill_method_heading": "Methode",
    "reskill_method_fit": (
        "Passung: wie nah sich die Arbeit des heutigen Berufs und der Zielrolle sind "
        "(Kompetenzen, Arbeitsaktivitäten und Aufgaben), abzüglich des Anteils dessen, was "
        "die Zielrolle verlangt und der Person fehlt, zuzüglich der Aussichten der Zielrolle "
        "(Beschäftigungsprojektionen des BLS), ihrer geringeren Betroffenheit durch "
        "generative KI und ob die Organisation eine Stelle dafür hat. Kompetenzen, die eine "
        "Person angibt, heben ihr Profil über den Durchschnitt ihres Berufs."
    ),
    "reskill_method_training": (
        "Qualifizierung: Für jede fehlende Kompetenz das zu erreichende Niveau; der Plan ist "
        "die günstigste Auswahl von Modulen des Katalogs, die jede fehlende Kompetenz bis zu "
        "diesem Niveau lehrt (exakt gelöst). Technologien, die kein Modul lehrt, werden in "
        "der Arbeit gelernt, aufgeführt, aber nicht bepreist. Module gibt es nur in einer "
        "Sprache der Person: laut Sprachspalte der Liste, als Kompetenz angegebenen "
        "Sprachen, sonst den Amtssprachen des Standortlands (CLDR). Eine Umsetzung, die eine "
        "Kompetenz braucht, die kein Modul lehrt, deren Passung unter dem Mindestwert liegt "
        "oder die mehr Qualifizierungsstunden als die Grenze braucht, wird nicht "
        "vorgeschlagen; sie erscheint unter den nächstliegenden Möglichkeiten."
    ),
    "reskill_method_optimiser": (
        "Zuordnung: Jede Person erhält höchstens eine Stelle, jede Stelle höchstens so viele "
        "Menschen, wie sie Plätze hat, die Qualifizierung aller Umsetzungen zusammen bleibt "
        "im Budget, und Standorte werden beachtet (derselbe Standort, oder beide Seiten "
        "akzeptieren einen Wechsel; ein anderes Land nur, wenn die Person einem Wechsel ins "
        "Ausland zustimmt). Unter diesen Plänen findet ein gemischt-ganzzahliges "
        "Programm, exakt gelöst mit HiGHS, den mit dem größten Wert: die Summe über alle "
        "Umsetzungen von Priorität \u00d7 (Wert, eine Person in Arbeit zu halten + Passung). "
        "Daneben wird ein gieriger Plan berechnet (bester Wert je Qualifizierungskosten "
        "zuerst); der Unterschied in Menschen, Qualifizierung und Standortwechseln zeigt, "
        "was die gemeinsame Planung aller Umsetzungen bringt."
    ),
    "reskill_method_priority": (
        "Priorität: 1 plus die gewichteten sozialen Kriterien jeder Person (zum Beispiel "
        "Schwerbehinderung oder Betriebszugehörigkeit). Eine höhere Priorität lässt "
        "Verbleib und Passung einer Person stärker zählen, sie wird also zuerst "
        "untergebracht."
    ),
    "reskill_method_limits": (
        "Grenzen: Kompetenzniveaus sind Durchschnitte des Berufs (O*NET), sofern Beschäftigte "
        "keine eigenen angeben; Stunden und Kosten stammen aus dem Katalog; eine Passung "
        "weiß nichts von den Wünschen, der Gesundheit oder der Familie einer Person. Der Plan "
        "ist der Anfang eines Gesprächs."
    ),
    "headline.relocations": "Wechsel an einen anderen Standort",
    "headline.relocations_help": (
        "Davon {abroad} in ein anderes Land, jeweils nur für Beschäftigte, die einem Wechsel "
        "ins Ausland zustimmen (im Plan gekennzeichnet)."
    ),
    "gain_people": "{people} Person in Arbeit gehalten",
    "gain_people_plural": "{people} Personen in Arbeit gehalten",
    "key.min_fit": "Mindestpassung einer vorgeschlagenen Umsetzung",
    "key.max_training_hours": "Höchstens Qualifizierungsstunden je Umsetzung",
    "no_limit": "keine",
    "hours": "{hours} h",
    "near_miss_limit": "{opening} (Passung {fit}; {hours} h; {limit})",
    "limit_fit": "Passung unter dem Mindestwert {min_fit}",
    "limit_hours": "über der Grenze von {hours} h",
    "explain_languages": "Kurse auf: {languages} ({sources})",
    "explain_languages_unknown": (
        "Kurssprachen unbekannt (kein Standortland und keine Sprachspalte): alle Module offen."
    ),
    "languages_from_country": "Sprachen des Standortlands {country}",
    "languages_from_languages_column": "Sprachspalte der Liste",
    "languages_from_listed_skills": "als Kompetenz angegebene Sprachen",
    "explain_abroad": (
        "Wechsel in ein anderes Land: die Person stimmt einem Wechsel ins Ausland zu."
    ),
    "move_abroad": "{move} (Wechsel ins Ausland)",
    "unresolved_unknown": "nicht im Kompetenzverzeichnis",
    "unresolved_closest": "nicht im Kompetenzverzeichnis; am nächsten: {names}",
    "unresolved_language": "keine Sprache, die die Sprachtabelle kennt",
    "reason.limits": (
        "keine erreichbare Stelle erfüllt die Grenzen für Passung und Qualifizierungsdauer"
    ),
    "reason_help.limits": (
        "Stellen sind erreichbar und die Lücke ist lehrbar, aber jede Umsetzung passt zu "
        "wenig oder braucht mehr Qualifizierung, als dieser Plan vorschlägt (siehe "
        "Einstellungen; die nächstliegenden Möglichkeiten nennen den Grund). Eine solche "
        "Umsetzung ist eine Umschulung, über die die Person und der Betriebsrat entscheiden, "
        "nicht ein Optimierer."
    ),
    "reskill_method_objective": (
        "Planwert (die Zielfunktion des Optimierers, ohne Einheit): die Summe über alle "
        "Umsetzungen von Priorität × (Wert, eine Person in Arbeit zu halten + Passung), "
        "mit einem Wert von {retention} für eine in Arbeit gehaltene Person. Exakter Plan "
        "{objective}, gieriger Plan {greedy}, Unterschied {gain}. Er ordnet nur Pläne; was "
        "der Unterschied in Menschen, Stunden und Geld bedeutet, steht im Überblick."
    ),
    "language.en": "Englisch",
    "language.de": "Deutsch",
    "language.fr": "Französisch",
    "language.es": "Spanisch",
    "language.it": "Italienisch",
    "language.nl": "Niederländisch",
    "language.pl": "Polnisch",
    "language.pt": "Portugiesisch",
}

RESKILL_MESSAGES: dict[Language, dict[str, str]] = {"en": _EN, "de": _DE}
"""The redeployment report's own texts per language (the analysis catalogue supplies the
rest)."""


class ReskillMessages(Messages):
    """:class:`Messages` with the redeployment texts and the reasons in words."""

    catalogue: ClassVar[Mapping[Language, Mapping[str, str]]] = {
        lang: {**MESSAGES[lang], **RESKILL_MESSAGES[lang]} for lang in LANGUAGES
    }

    def _reason_key(self, reason: str) -> tuple[str, str]:
        """The key of a reason (``''`` when unknown) and the detail after its kind."""
        if reason in REASONS:
            return REASONS[reason], ""
        kind, _, detail = reason.partition(":")
        return REASONS.get(kind.strip(), ""), detail.strip()

    def reason(self, reason: str) -> str:
        """Why someone was not assigned, in words (as it is when the kind is unknown)."""
        key, detail = self._reason_key(reason)
        if not key:
            return reason
        text = self(f"reason.{key}")
        return f"{text}: {detail}" if detail else text

    def language_name(self, code: str) -> str:
        """A course language by its name (``Englisch``), else its code in capitals."""
        return self.catalogue[self.lang].get(f"language.{code}", code.upper())

    def reason_help(self, reason: str) -> str:
        """What a reason means and what would change it (``''`` when unknown)."""
        key, _ = self._reason_key(reason)
        return self(f"reason_help.{key}") if key else ""


def reskill_messages(lang: str, currency: str = "") -> ReskillMessages:
    """The :class:`ReskillMessages` for ``lang`` (``"en"`` or ``"de"``), money in ``currency``."""
    return ReskillMessages(language(lang), currency)
