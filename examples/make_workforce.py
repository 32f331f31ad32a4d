"""Generate the example workforce: a synthetic HR export of a large online retailer.

Writes ``workforce.csv`` (one row per employee) and ``role_tasks.csv`` (the organisation's
own task statements per role, English and German) next to this script, or into
``--out-dir``. Everything comes from the role catalogue below and one seeded
``numpy.random.default_rng``, so running the script again gives the same bytes::

    python examples/make_workforce.py

The people are invented. Titles, costs and codes are plausible, not real.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

SEED = 20250611
HERE = Path(__file__).resolve().parent
WORKFORCE_FILE = "workforce.csv"
TASKS_FILE = "role_tasks.csv"
WORKFORCE_COLUMNS = (
    "employee_id",
    "job_title",
    "department",
    "location",
    "country",
    "fte",
    "annual_cost",
    "occupation_code",
)
TASK_COLUMNS = ("role", "occupation_code", "language", "task", "time_share")


class Site(NamedTuple):
    location: str
    country: str  # "US" or "DE"; German sites type mostly German titles
    staff: int  # headcount before team leads and managers are added
    pay: float  # local pay level; multiplies the role's cost range


SITES: tuple[Site, ...] = (
    Site("Seattle", "US", 3300, 1.0),  # headquarters: technology, finance, HR, marketing
    Site("Austin", "US", 2300, 0.93),  # customer service hub, finance shared services, subtitling
    Site("Nashville", "US", 5100, 0.9),  # fulfilment centre
    Site("Berlin", "DE", 2300, 1.0),  # technology, customer service, subtitling
    Site("Leipzig", "DE", 4200, 0.9),  # fulfilment centre
    Site("Munich", "DE", 1250, 1.06),  # dubbing studio, finance, marketing, customer service
)

CS = "Customer Service"
FC = "Fulfilment & Logistics"
TECH = "Product & Technology"
FIN = "Finance"
HR = "Human Resources"
ADM = "Administration"
MKT = "Marketing"
LOC = "Media Localisation"
DEPARTMENTS = (CS, FC, TECH, FIN, HR, ADM, MKT, LOC)

Tasks = tuple[tuple[int, str], ...]  # (percent of working time, task statement)


class Role(NamedTuple):
    """One row of the role catalogue.

    ``shares`` are per mille of each site's staff, in the order of :data:`SITES`; they
    sum to 1000 per site. Team leads and managers have no shares: they come one per
    ``span`` staff of their department at the site (``over="shift"``: shift staff only).
    ``kind`` sets title noise, seniority and part-time: ``shift`` (shift work),
    ``office`` (clerical), ``prof`` (professional, with levels), ``lead`` (supervisor).
    Costs are fully loaded annual costs of a full-time employee at pay level 1.0 (Seattle,
    Berlin), USD in the US, EUR in Germany; a person's cost is ``fte * pay * cost``, higher
    in the range for senior titles.
    """

    key: str
    department: str
    code: str  # O*NET-SOC 2019
    kind: str
    shares: tuple[int, int, int, int, int, int]
    cost_us: tuple[int, int]
    cost_de: tuple[int, int]
    titles_en: tuple[str, ...]
    titles_de: tuple[str, ...]  # {in} and {masc|fem} mark the gendered forms
    tasks_en: Tasks
    tasks_de: Tasks
    span: int = 0
    over: str = "all"


NONE = (0, 0, 0, 0, 0, 0)

# fmt: off
ROLES: tuple[Role, ...] = (
    # ---------------------------------------------------------------- customer service
    Role(
        "cs_agent", CS, "43-4051.00", "shift",
        (60, 330, 40, 200, 30, 200), (46_000, 60_000), (38_000, 50_000),
        ("Customer Service Associate", "Customer Service Representative", "Cust Svc Rep",
         "CSR", "Customer Support Agent", "Customer Service Rep", "Chat Support Associate"),
        ("Kundenservicemitarbeiter{in}", "Mitarbeiter{in} Kundenservice", "Kundenberater{in}",
         "Kundenbetreuer{in}", "Customer Service Agent", "Kundenberater{in} im Callcenter",
         "Servicemitarbeiter{in} Kundendialog"),
        ((40, "Answer customer contacts about orders, deliveries and returns by chat, e-mail "
              "and phone"),
         (25, "Look up orders and issue refunds, replacements or return labels within policy"),
         (15, "Document each contact in the CRM and tag it with the contact reason"),
         (10, "Escalate damaged, lost or suspected fraudulent orders to the escalations team"),
         (10, "Take part in coaching sessions and suggest updates to knowledge-base articles")),
        ((40, "Kundenanfragen zu Bestellungen, Lieferungen und Retouren per Chat, E-Mail und "
              "Telefon beantworten"),
         (25, "Bestellungen prüfen und Erstattungen, Ersatzlieferungen oder Retourenlabels im "
              "Rahmen der Richtlinien veranlassen"),
         (15, "Jeden Kontakt im CRM dokumentieren und den Kontaktgrund erfassen"),
         (10, "Beschädigte, verlorene oder betrugsverdächtige Bestellungen an das "
              "Eskalationsteam übergeben"),
         (10, "An Coachings teilnehmen und Änderungen an Artikeln der Wissensdatenbank "
              "vorschlagen")),
    ),
    Role(
        "cs_specialist", CS, "43-4051.00", "office",
        (25, 60, 5, 40, 5, 35), (55_000, 75_000), (45_000, 60_000),
        ("Customer Service Specialist", "Escalations Specialist", "Seller Support Associate",
         "CS Specialist - Escalations", "Tier 2 Support Specialist"),
        ("Kundenservice-Spezialist{in}", "Sachbearbeiter{in} Reklamationen",
         "Spezialist{in} Eskalationsmanagement", "Seller Support Associate",
         "Sachbearbeiter{in} Kundenservice"),
        ((35, "Resolve escalated complaints and chargebacks that first-line agents could not "
              "close"),
         (25, "Answer marketplace sellers' questions about listings, fees and payouts"),
         (20, "Investigate delivery claims with carriers and fulfilment centres"),
         (20, "Write root-cause summaries and propose changes to contact policies")),
        ((35, "Eskalierte Beschwerden und Rückbuchungen klären, die der First Level nicht "
              "lösen konnte"),
         (25, "Fragen von Marktplatz-Händlern zu Angeboten, Gebühren und Auszahlungen "
              "beantworten"),
         (20, "Zustellreklamationen mit Paketdiensten und Logistikzentren prüfen"),
         (20, "Ursachenanalysen schreiben und Änderungen an Service-Richtlinien vorschlagen")),
    ),
    Role(
        "cs_lead", CS, "43-1011.00", "lead", NONE, (68_000, 90_000), (55_000, 72_000),
        ("Customer Service Team Lead", "Team Lead, Customer Service", "CS Team Lead",
         "Customer Service Supervisor", "Team Leader Customer Support"),
        ("Teamleiter{in} Kundenservice", "Teamleitung Kundenservice",
         "Teamleiter{in} Customer Service", "Supervisor Kundenservice"),
        ((30, "Coach agents through call and chat reviews and give weekly feedback"),
         (25, "Monitor queues, service levels and staffing during the shift and re-assign "
              "agents"),
         (20, "Handle customer escalations that agents hand over"),
         (15, "Plan shifts, approve absences and record attendance"),
         (10, "Report team performance to the customer service manager")),
        ((30, "Mitarbeitende anhand von Gesprächs- und Chatanalysen coachen und wöchentlich "
              "Feedback geben"),
         (25, "Warteschlangen, Servicelevel und Besetzung der Schicht überwachen und umplanen"),
         (20, "Eskalationen übernehmen, die das Team weitergibt"),
         (15, "Schichten planen, Abwesenheiten genehmigen und Anwesenheiten erfassen"),
         (10, "Teamkennzahlen an die Leitung Kundenservice berichten")),
        span=15, over="shift",
    ),
    Role(
        "cs_manager", CS, "11-1021.00", "lead", NONE, (110_000, 160_000), (85_000, 120_000),
        ("Customer Service Manager", "Customer Service Operations Manager",
         "Site Lead, Customer Service", "Mgr, Customer Service"),
        ("Leiter{in} Kundenservice", "Customer Service Manager",
         "Bereichsleiter{in} Kundenservice", "Abteilungsleiter{in} Kundenservice"),
        ((30, "Plan capacity and budget of the site's customer service with workforce "
              "management"),
         (25, "Set contact policies and service-level targets with the central CS team"),
         (25, "Lead and develop the team leads and specialists"),
         (20, "Review customer feedback and contact-reason trends and start improvements")),
        ((30, "Kapazität und Budget des Kundenservice am Standort mit der Einsatzplanung "
              "planen"),
         (25, "Service-Richtlinien und Servicelevel-Ziele mit dem zentralen Kundenservice "
              "festlegen"),
         (25, "Teamleitungen und Spezialist:innen führen und entwickeln"),
         (20, "Kundenfeedback und Kontaktgründe auswerten und Verbesserungen anstoßen")),
        span=90,
    ),
    # ---------------------------------------------------------------- fulfilment and logistics
    Role(
        "fc_associate", FC, "53-7065.00", "shift",
        (0, 0, 407, 0, 392, 0), (51_000, 64_000), (40_000, 51_000),
        ("Fulfillment Associate", "Fulfillment Center Associate", "Order Picker", "Picker",
         "Stower", "Picker/Stower", "FC Associate"),
        ("Kommissionierer{in}", "Mitarbeiter{in} Kommissionierung", "Picker",
         "Kommissionierhelfer{in}", "Produktionsmitarbeiter{in} Logistik",
         "Lagermitarbeiter{in} Kommissionierung"),
        ((55, "Pick customer orders from storage pods with a handheld scanner"),
         (25, "Stow incoming items into storage bins and scan them into inventory"),
         (10, "Report damaged or missing items at the problem-solve station"),
         (10, "Keep the workstation clean and follow safety rules and start-of-shift "
              "briefings")),
        ((55, "Kundenaufträge mit dem Handscanner aus den Lagerregalen kommissionieren"),
         (25, "Eingehende Artikel in Lagerfächer einlagern und im Bestand scannen"),
         (10, "Beschädigte oder fehlende Artikel an der Klärungsstation melden"),
         (10, "Arbeitsplatz sauber halten, Sicherheitsregeln und Schichtbesprechungen "
              "einhalten")),
    ),
    Role(
        "fc_warehouse", FC, "53-7062.00", "shift",
        (0, 0, 230, 0, 260, 0), (51_000, 64_000), (40_000, 51_000),
        ("Warehouse Associate", "Material Handler", "Warehouse Worker", "Dock Associate",
         "Inbound Associate", "Warehouse Team Member"),
        ("Lagerist{in}", "Lagermitarbeiter{in}", "Lagerhelfer{in}", "Logistikmitarbeiter{in}",
         "Fachlagerist{in}", "Lagerarbeiter{in}"),
        ((40, "Unload inbound trucks and break down pallets at the dock"),
         (30, "Move totes, cartons and pallets between receiving, storage and shipping"),
         (20, "Load outbound trailers by route and seal them for the carrier"),
         (10, "Sort and bale cardboard and dispose of packaging waste")),
        ((40, "Anliefernde LKW entladen und Paletten im Wareneingang vereinzeln"),
         (30, "Behälter, Kartons und Paletten zwischen Wareneingang, Lager und Versand "
              "bewegen"),
         (20, "Ausgehende Wechselbrücken nach Tour beladen und für den Paketdienst "
              "verplomben"),
         (10, "Kartonage sortieren, pressen und Verpackungsabfall entsorgen")),
    ),
    Role(
        "fc_packer", FC, "53-7064.00", "shift",
        (0, 0, 110, 0, 100, 0), (49_000, 61_000), (39_000, 49_000),
        ("Packer", "Pack Associate", "Packing Associate", "Outbound Pack Associate",
         "Packer/Shipper"),
        ("Packer{in}", "Verpacker{in}", "Mitarbeiter{in} Verpackung", "Versandhelfer{in}",
         "Verpackungshelfer{in}"),
        ((65, "Pack customer orders in the box size suggested by the system and seal them"),
         (15, "Scan packages and apply shipping labels"),
         (10, "Check items for damage and wrong items before packing"),
         (10, "Refill packaging material and keep the pack station tidy")),
        ((65, "Kundenaufträge im vom System vorgeschlagenen Karton verpacken und verschließen"),
         (15, "Pakete scannen und Versandetiketten aufbringen"),
         (10, "Artikel vor dem Verpacken auf Schäden und Verwechslungen prüfen"),
         (10, "Verpackungsmaterial auffüllen und den Packplatz ordentlich halten")),
    ),
    Role(
        "fc_forklift", FC, "53-7051.00", "shift",
        (0, 0, 60, 0, 55, 0), (55_000, 71_000), (43_000, 54_000),
        ("Forklift Operator", "PIT Operator", "Reach Truck Operator", "Forklift Driver",
         "Powered Industrial Truck Operator"),
        ("Staplerfahrer{in}", "Gabelstaplerfahrer{in}", "Flurförderzeugführer{in}",
         "Fahrer{in} Schubmaststapler"),
        ((60, "Move pallets between the dock, reserve racking and pick areas with a reach "
              "truck"),
         (20, "Replenish pick locations from reserve stock as the system requests"),
         (10, "Check the truck before each shift and report defects"),
         (10, "Confirm pallet moves in the warehouse management system")),
        ((60, "Paletten mit dem Schubmaststapler zwischen Rampe, Reservelager und "
              "Kommissionierzone transportieren"),
         (20, "Kommissionierplätze nach Systemanforderung aus dem Reservebestand nachfüllen"),
         (10, "Das Fahrzeug vor jeder Schicht prüfen und Mängel melden"),
         (10, "Palettenbewegungen im Lagerverwaltungssystem quittieren")),
    ),
    Role(
        "fc_inventory", FC, "43-5071.00", "shift",
        (0, 0, 50, 0, 60, 0), (55_000, 73_000), (44_000, 58_000),
        ("Inventory Control Associate", "ICQA Associate", "Receiving Clerk", "Shipping Clerk",
         "Inventory Specialist", "Problem Solver"),
        ("Fachkraft für Lagerlogistik", "Mitarbeiter{in} Wareneingang",
         "Mitarbeiter{in} Inventur", "Mitarbeiter{in} Bestandskontrolle",
         "Versandmitarbeiter{in}", "Lagerverwalter{in}"),
        ((35, "Run cycle counts and resolve stock discrepancies in the warehouse management "
              "system"),
         (25, "Check deliveries against purchase orders and book goods receipts"),
         (20, "Research missing, damaged and unidentified items and correct the records"),
         (20, "Prepare shipping papers and customs documents for outbound loads")),
        ((35, "Permanente Inventur durchführen und Bestandsdifferenzen im "
              "Lagerverwaltungssystem klären"),
         (25, "Lieferungen gegen Bestellungen prüfen und Wareneingänge buchen"),
         (20, "Fehlende, beschädigte und nicht zuordenbare Artikel recherchieren und Bestände "
              "korrigieren"),
         (20, "Versandpapiere und Zolldokumente für ausgehende Sendungen erstellen")),
    ),
    Role(
        "fc_maintenance", FC, "49-9071.00", "shift",
        (0, 0, 30, 0, 30, 0), (83_000, 122_000), (58_000, 80_000),
        ("Maintenance Technician", "RME Technician", "Maintenance Tech",
         "Facilities Maintenance Technician", "Mechatronics Technician"),
        ("Mechatroniker{in}", "Elektroniker{in} für Betriebstechnik",
         "Instandhaltungstechniker{in}", "Techniker{in} Instandhaltung",
         "Industriemechaniker{in}"),
        ((40, "Repair faults on conveyors, sorters and packing machines"),
         (30, "Carry out preventive maintenance by the maintenance plan"),
         (15, "Log work orders, spare parts and downtime in the maintenance system"),
         (15, "Inspect electrical and safety equipment and document the checks")),
        ((40, "Störungen an Förderbändern, Sortern und Verpackungsmaschinen beheben"),
         (30, "Vorbeugende Wartung nach Wartungsplan durchführen"),
         (15, "Aufträge, Ersatzteile und Stillstände im Instandhaltungssystem erfassen"),
         (15, "Elektrische Anlagen und Sicherheitseinrichtungen prüfen und dokumentieren")),
    ),
    Role(
        "fc_planner", FC, "13-1081.00", "prof",
        (15, 12, 12, 0, 12, 30), (75_000, 110_000), (55_000, 75_000),
        ("Logistics Analyst", "Transportation Planner", "Logistics Planner",
         "Supply Chain Analyst", "Capacity Planner"),
        ("Disponent{in}", "Logistikplaner{in}", "Logistik-Analyst{in}",
         "Transportdisponent{in}", "Kapazitätsplaner{in}"),
        ((35, "Forecast inbound and outbound volumes and plan labour hours per shift"),
         (25, "Book carrier capacity and schedule trailers to the docks"),
         (25, "Analyse delays and costs per lane in dashboards and report them"),
         (15, "Coordinate peak-season plans with sites and carriers")),
        ((35, "Ein- und Ausgangsmengen prognostizieren und Personalstunden je Schicht planen"),
         (25, "Transportkapazitäten bei Speditionen buchen und Rampen-Slots disponieren"),
         (25, "Verspätungen und Kosten je Relation in Dashboards analysieren und berichten"),
         (15, "Planung für das Weihnachtsgeschäft mit Standorten und Speditionen abstimmen")),
    ),
    Role(
        "fc_lead", FC, "53-1042.00", "lead", NONE, (67_000, 87_000), (51_000, 67_000),
        ("Process Assistant", "Shift Lead", "Warehouse Team Lead", "Fulfillment Team Lead",
         "Warehouse Supervisor"),
        ("Schichtleiter{in} Lager", "Teamleiter{in} Lager", "Vorarbeiter{in} Logistik",
         "Schichtleiter{in}", "Teamleiter{in} Versand", "Process Assistant"),
        ((35, "Assign associates to process paths at the start of the shift and re-balance "
              "them"),
         (25, "Track rates and quality per process and coach associates"),
         (20, "Run the shift briefing and enforce safety rules on the floor"),
         (20, "Record attendance and hand over open issues to the next shift")),
        ((35, "Mitarbeitende zu Schichtbeginn auf Prozesse verteilen und umsetzen"),
         (25, "Leistung und Qualität je Prozess verfolgen und Mitarbeitende anleiten"),
         (20, "Schichtbesprechung durchführen und Arbeitssicherheit auf der Fläche "
              "durchsetzen"),
         (20, "Anwesenheit erfassen und offene Punkte an die nächste Schicht übergeben")),
        span=15, over="shift",
    ),
    Role(
        "fc_manager", FC, "11-3071.00", "lead", NONE, (105_000, 165_000), (78_000, 110_000),
        ("Area Manager", "Operations Manager", "Ops Manager", "Warehouse Manager"),
        ("Bereichsleiter{in} Logistik", "Lagerleiter{in}", "Operations Manager",
         "Area Manager", "Standortleiter{in}", "Logistikleiter{in}"),
        ((30, "Plan staffing and output of a process area against the site plan"),
         (25, "Lead the shift leads and decide on staffing changes during the shift"),
         (25, "Drive safety, quality and cost improvements in the area"),
         (20, "Report results to site leadership and agree measures")),
        ((30, "Personaleinsatz und Leistung eines Bereichs gegen den Standortplan planen"),
         (25, "Schichtleitungen führen und Personalentscheidungen in der Schicht treffen"),
         (25, "Verbesserungen bei Sicherheit, Qualität und Kosten im Bereich vorantreiben"),
         (20, "Ergebnisse an die Standortleitung berichten und Maßnahmen vereinbaren")),
        span=75,
    ),
    # ---------------------------------------------------------------- product and technology
    Role(
        "sde", TECH, "15-1252.00", "prof",
        (265, 120, 0, 230, 0, 0), (170_000, 340_000), (85_000, 150_000),
        ("Software Development Engineer", "Software Engineer", "SDE", "Software Developer",
         "Backend Engineer", "Frontend Engineer", "Full Stack Developer", "SWE"),
        ("Software Engineer", "Softwareentwickler{in}", "Software Development Engineer",
         "Backend-Entwickler{in}", "Softwareentwickler{in} Java", "Full-Stack-Entwickler{in}",
         "Fachinformatiker{in} für Anwendungsentwicklung", "SDE"),
        ((45, "Design and write services for the shop, checkout and fulfilment systems"),
         (20, "Review colleagues' code and write automated tests"),
         (15, "Be on call for the team's services and fix production incidents"),
         (10, "Write design documents and estimate work with the product manager"),
         (10, "Upgrade libraries and reduce technical debt")),
        ((45, "Services für Shop, Checkout und Logistiksysteme entwerfen und programmieren"),
         (20, "Code von Kolleg:innen reviewen und automatisierte Tests schreiben"),
         (15, "Rufbereitschaft für die Services des Teams übernehmen und Störungen beheben"),
         (10, "Designdokumente schreiben und Aufwände mit dem Produktmanagement schätzen"),
         (10, "Bibliotheken aktualisieren und technische Schulden abbauen")),
    ),
    Role(
        "qa", TECH, "15-1253.00", "prof",
        (25, 20, 0, 25, 0, 0), (120_000, 200_000), (70_000, 110_000),
        ("Quality Assurance Engineer", "QA Engineer", "SDET", "Software Test Engineer",
         "QAE"),
        ("Softwaretester{in}", "QA Engineer", "Testingenieur{in}", "Testautomatisierer{in}",
         "Test Engineer"),
        ((40, "Write and maintain automated end-to-end tests for the shop and apps"),
         (25, "Write test plans for new features from the product requirements"),
         (20, "Test releases manually on devices and report defects"),
         (15, "Analyse flaky tests and failures in the build pipeline")),
        ((40, "Automatisierte End-to-End-Tests für Shop und Apps schreiben und pflegen"),
         (25, "Testpläne für neue Funktionen aus den Produktanforderungen erstellen"),
         (20, "Releases manuell auf Geräten testen und Fehler melden"),
         (15, "Instabile Tests und Fehler in der Build-Pipeline analysieren")),
    ),
    Role(
        "data_scientist", TECH, "15-2051.00", "prof",
        (50, 10, 0, 35, 0, 0), (170_000, 320_000), (85_000, 145_000),
        ("Data Scientist", "Applied Scientist", "Machine Learning Scientist", "ML Engineer",
         "Research Scientist"),
        ("Data Scientist", "Applied Scientist", "Machine Learning Engineer",
         "Datenwissenschaftler{in}", "Data Scientist Machine Learning"),
        ((35, "Build and evaluate models for demand forecasting, search ranking and fraud "
              "detection"),
         (25, "Prepare training data from the data lake with SQL and Python"),
         (20, "Design and analyse A/B tests with product teams"),
         (20, "Present results and model limitations to stakeholders")),
        ((35, "Modelle für Absatzprognose, Suchranking und Betrugserkennung entwickeln und "
              "evaluieren"),
         (25, "Trainingsdaten mit SQL und Python aus dem Data Lake aufbereiten"),
         (20, "A/B-Tests mit Produktteams planen und auswerten"),
         (20, "Ergebnisse und Grenzen der Modelle für Fachbereiche aufbereiten")),
    ),
    Role(
        "bi_analyst", TECH, "15-2051.01", "prof",
        (35, 20, 0, 20, 0, 10), (120_000, 200_000), (70_000, 110_000),
        ("Business Intelligence Engineer", "BI Engineer", "BI Analyst", "Data Analyst", "BIE",
         "Business Analyst"),
        ("BI-Analyst{in}", "Business Intelligence Engineer", "Datenanalyst{in}",
         "Data Analyst", "BI-Entwickler{in}", "Business Analyst"),
        ((35, "Build and maintain dashboards on sales, operations and customer service"),
         (30, "Write SQL pipelines that feed the reporting data marts"),
         (20, "Answer ad-hoc data questions from business teams"),
         (15, "Define metrics and document data sources")),
        ((35, "Dashboards zu Umsatz, Logistik und Kundenservice aufbauen und pflegen"),
         (30, "SQL-Pipelines für die Reporting-Data-Marts schreiben"),
         (20, "Ad-hoc-Datenanfragen der Fachbereiche beantworten"),
         (15, "Kennzahlen definieren und Datenquellen dokumentieren")),
    ),
    Role(
        "ux_designer", TECH, "15-1255.00", "prof",
        (30, 5, 0, 25, 0, 0), (130_000, 230_000), (70_000, 110_000),
        ("UX Designer", "Product Designer", "UI/UX Designer", "Interaction Designer"),
        ("UX Designer", "UX/UI-Designer{in}", "Product Designer", "Interaction Designer",
         "UX-Designer{in}"),
        ((40, "Design flows and screens for the shop and apps in the design system"),
         (25, "Build clickable prototypes and test them with customers"),
         (20, "Work with engineers on implementation details and accessibility"),
         (15, "Maintain components and guidelines of the design system")),
        ((40, "Abläufe und Screens für Shop und Apps im Designsystem gestalten"),
         (25, "Klickbare Prototypen bauen und mit Kund:innen testen"),
         (20, "Mit der Entwicklung Umsetzungsdetails und Barrierefreiheit abstimmen"),
         (15, "Komponenten und Richtlinien des Designsystems pflegen")),
    ),
    Role(
        "sre", TECH, "15-1244.00", "prof",
        (40, 15, 0, 30, 0, 0), (150_000, 280_000), (80_000, 130_000),
        ("Systems Engineer", "Site Reliability Engineer", "SRE", "DevOps Engineer",
         "Systems Administrator", "Sysadmin"),
        ("Systemadministrator{in}", "DevOps Engineer", "Site Reliability Engineer",
         "Fachinformatiker{in} für Systemintegration", "Systemingenieur{in}",
         "Linux-Administrator{in}"),
        ((35, "Operate and scale the cloud infrastructure and Kubernetes clusters"),
         (25, "Respond to alerts and lead incident reviews"),
         (25, "Automate deployments and infrastructure as code"),
         (15, "Patch systems and manage access and certificates")),
        ((35, "Cloud-Infrastruktur und Kubernetes-Cluster betreiben und skalieren"),
         (25, "Auf Alarme reagieren und Störungsanalysen leiten"),
         (25, "Deployments und Infrastructure as Code automatisieren"),
         (15, "Systeme patchen sowie Zugänge und Zertifikate verwalten")),
    ),
    Role(
        "tpm", TECH, "15-1299.09", "prof",
        (30, 5, 0, 15, 0, 0), (170_000, 300_000), (90_000, 140_000),
        ("Technical Program Manager", "TPM", "IT Project Manager",
         "Program Manager, Technical", "Technical Project Manager"),
        ("IT-Projektmanager{in}", "Technical Program Manager", "IT-Projektleiter{in}",
         "Projektleiter{in} IT", "TPM"),
        ((35, "Plan cross-team programmes, milestones and dependencies"),
         (25, "Run status meetings and write weekly programme reports"),
         (25, "Track risks and escalate blockers to engineering leadership"),
         (15, "Coordinate launches with operations and customer service")),
        ((35, "Teamübergreifende Programme, Meilensteine und Abhängigkeiten planen"),
         (25, "Statusrunden leiten und wöchentliche Programmberichte schreiben"),
         (25, "Risiken verfolgen und Blocker an die Engineering-Leitung eskalieren"),
         (15, "Launches mit Logistik und Kundenservice abstimmen")),
    ),
    Role(
        "product_manager", TECH, "11-2021.00", "prof",
        (60, 10, 0, 35, 0, 0), (170_000, 310_000), (90_000, 150_000),
        ("Product Manager", "Product Manager - Technical", "Technical Product Manager",
         "Product Owner", "PM"),
        ("Product Manager", "Produktmanager{in}", "Product Owner", "Technical Product Manager",
         "Produktmanager{in} E-Commerce"),
        ((30, "Write product requirements and prioritise the team's backlog"),
         (25, "Analyse customer feedback, usage data and test results"),
         (25, "Align roadmaps with engineering, design and business stakeholders"),
         (20, "Plan launches and track the feature's business metrics")),
        ((30, "Produktanforderungen schreiben und das Backlog des Teams priorisieren"),
         (25, "Kundenfeedback, Nutzungsdaten und Testergebnisse analysieren"),
         (25, "Roadmaps mit Entwicklung, Design und Fachbereichen abstimmen"),
         (20, "Launches planen und die Geschäftskennzahlen der Funktion verfolgen")),
    ),
    Role(
        "it_support", TECH, "15-1232.00", "office",
        (15, 20, 8, 15, 8, 15), (60_000, 90_000), (48_000, 65_000),
        ("IT Support Engineer", "IT Support Technician", "Help Desk Analyst",
         "IT Support Associate", "Desktop Support Technician", "IT Tech"),
        ("IT-Support", "Mitarbeiter{in} IT-Support", "IT-Servicetechniker{in}",
         "Helpdesk-Mitarbeiter{in}", "IT Support Engineer", "IT-Supporter{in}"),
        ((40, "Resolve employees' IT tickets on laptops, scanners and accounts"),
         (25, "Set up and repair handheld scanners, printers and workstations"),
         (20, "Onboard and offboard users and manage device inventory"),
         (15, "Write how-to articles for the IT self-service portal")),
        ((40, "IT-Tickets der Beschäftigten zu Laptops, Scannern und Konten lösen"),
         (25, "Handscanner, Drucker und Arbeitsplätze einrichten und reparieren"),
         (20, "Ein- und Austritte einrichten und das Geräteinventar pflegen"),
         (15, "Anleitungen für das IT-Self-Service-Portal schreiben")),
    ),
    Role(
        "eng_manager", TECH, "11-3021.00", "lead", NONE, (260_000, 420_000), (130_000, 200_000),
        ("Software Development Manager", "SDM", "Engineering Manager",
         "Manager, Software Development", "Manager, Data Science", "Head of Engineering"),
        ("Engineering Manager", "Software Development Manager",
         "Teamleiter{in} Softwareentwicklung", "Leiter{in} Softwareentwicklung",
         "Head of Engineering", "IT-Leiter{in}"),
        ((30, "Lead, hire and develop the engineers of one or more teams"),
         (25, "Plan the team's roadmap and headcount with product management"),
         (25, "Review designs, operational metrics and incident follow-ups"),
         (20, "Write performance reviews and promotion documents")),
        ((30, "Entwickler:innen eines oder mehrerer Teams führen, einstellen und entwickeln"),
         (25, "Roadmap und Personalplanung des Teams mit dem Produktmanagement abstimmen"),
         (25, "Designs, Betriebskennzahlen und Maßnahmen aus Störungen prüfen"),
         (20, "Leistungsbeurteilungen und Beförderungsvorlagen schreiben")),
        span=11,
    ),
    # ---------------------------------------------------------------- finance
    Role(
        "ap_clerk", FIN, "43-3031.00", "office",
        (15, 70, 0, 10, 0, 60), (55_000, 75_000), (45_000, 60_000),
        ("AP Clerk", "Accounts Payable Specialist", "AR Clerk",
         "Accounts Receivable Specialist", "Accounting Clerk", "Bookkeeper", "AP Specialist"),
        ("Kreditorenbuchhalter{in}", "Debitorenbuchhalter{in}", "Buchhalter{in}",
         "Finanzbuchhalter{in}", "Sachbearbeiter{in} Buchhaltung",
         "Accounts Payable Specialist"),
        ((40, "Match supplier invoices to purchase orders and goods receipts and post them"),
         (25, "Clarify invoice discrepancies with suppliers and buyers"),
         (20, "Prepare payment runs and reconcile open items"),
         (15, "Answer supplier and seller payment enquiries")),
        ((40, "Lieferantenrechnungen mit Bestellungen und Wareneingängen abgleichen und "
              "buchen"),
         (25, "Rechnungsdifferenzen mit Lieferanten und Einkauf klären"),
         (20, "Zahlläufe vorbereiten und offene Posten abstimmen"),
         (15, "Zahlungsanfragen von Lieferanten und Händlern beantworten")),
    ),
    Role(
        "payroll", FIN, "43-3051.00", "office",
        (10, 30, 0, 5, 0, 35), (60_000, 85_000), (48_000, 65_000),
        ("Payroll Specialist", "Payroll Clerk", "Payroll Administrator",
         "Timekeeping Specialist", "Payroll Coordinator"),
        ("Lohn- und Gehaltsbuchhalter{in}", "Entgeltabrechner{in}", "Payroll Specialist",
         "Lohnbuchhalter{in}", "Sachbearbeiter{in} Entgeltabrechnung"),
        ((40, "Run the monthly payroll for hourly and salaried employees"),
         (25, "Check time records, shift premiums and overtime from the timekeeping system"),
         (20, "Process starters, leavers and changes to pay data"),
         (15, "Answer employees' payslip questions and file statutory reports")),
        ((40, "Die monatliche Entgeltabrechnung für Lohn- und Gehaltsempfänger durchführen"),
         (25, "Zeitdaten, Schichtzulagen und Überstunden aus der Zeiterfassung prüfen"),
         (20, "Ein- und Austritte sowie Änderungen der Entgeltdaten bearbeiten"),
         (15, "Fragen zur Abrechnung beantworten und Meldungen an Sozialversicherung und "
              "Finanzamt abgeben")),
    ),
    Role(
        "accountant", FIN, "13-2011.00", "prof",
        (35, 35, 0, 10, 0, 50), (85_000, 140_000), (62_000, 90_000),
        ("Accountant", "Staff Accountant", "GL Accountant", "Financial Accountant",
         "Revenue Accountant", "Tax Accountant"),
        ("Bilanzbuchhalter{in}", "Accountant", "Hauptbuchhalter{in}",
         "Referent{in} Rechnungswesen", "Konzernbuchhalter{in}"),
        ((35, "Prepare month-end closing entries, accruals and reconciliations"),
         (25, "Reconcile marketplace and payment-provider settlements with the ledger"),
         (20, "Prepare financial statements and notes for the entity"),
         (20, "Support auditors and tax filings with documentation")),
        ((35, "Monatsabschlussbuchungen, Abgrenzungen und Kontenabstimmungen erstellen"),
         (25, "Abrechnungen von Marktplatz und Zahlungsdienstleistern mit dem Hauptbuch "
              "abstimmen"),
         (20, "Jahresabschluss und Anhang der Gesellschaft vorbereiten"),
         (20, "Wirtschaftsprüfung und Steuererklärungen mit Unterlagen unterstützen")),
    ),
    Role(
        "fin_analyst", FIN, "13-2051.00", "prof",
        (40, 20, 3, 10, 3, 45), (100_000, 165_000), (68_000, 100_000),
        ("Financial Analyst", "FP&A Analyst", "Finance Analyst", "Financial Planning Analyst",
         "Business Controller"),
        ("Controller{in}", "Financial Analyst", "Finanzanalyst{in}", "FP&A Analyst",
         "Referent{in} Controlling", "Business Controller"),
        ((35, "Build the budget and monthly forecast for a business unit"),
         (30, "Analyse variances to plan and explain them to managers"),
         (20, "Model the business case of investments and projects"),
         (15, "Maintain cost-centre reports and the planning model")),
        ((35, "Budget und monatliche Prognose eines Geschäftsbereichs erstellen"),
         (30, "Planabweichungen analysieren und den Führungskräften erläutern"),
         (20, "Business Cases für Investitionen und Projekte rechnen"),
         (15, "Kostenstellenberichte und das Planungsmodell pflegen")),
    ),
    Role(
        "fin_manager", FIN, "11-3031.00", "lead", NONE, (150_000, 230_000), (100_000, 150_000),
        ("Finance Manager", "Accounting Manager", "Controller", "Manager, FP&A",
         "AP Manager"),
        ("Leiter{in} Buchhaltung", "Finance Manager", "Teamleiter{in} Buchhaltung",
         "Leiter{in} Controlling", "Head of Finance", "Teamleiter{in} Rechnungswesen"),
        ((30, "Lead the accounting or controlling team and review its work"),
         (25, "Own the closing calendar and sign off reconciliations and reports"),
         (25, "Present results and forecasts to business leadership"),
         (20, "Improve finance processes, controls and systems")),
        ((30, "Das Buchhaltungs- oder Controllingteam führen und Ergebnisse prüfen"),
         (25, "Den Abschlusskalender verantworten und Abstimmungen und Berichte freigeben"),
         (25, "Ergebnisse und Prognosen der Geschäftsleitung vorstellen"),
         (20, "Finanzprozesse, Kontrollen und Systeme verbessern")),
        span=12,
    ),
    # ---------------------------------------------------------------- human resources
    Role(
        "hr_assistant", HR, "43-4161.00", "office",
        (15, 20, 12, 12, 14, 20), (52_000, 70_000), (42_000, 56_000),
        ("HR Assistant", "HR Coordinator", "People Operations Associate", "HR Administrator",
         "HR Admin", "Onboarding Coordinator"),
        ("Personalsachbearbeiter{in}", "HR-Assistent{in}", "Sachbearbeiter{in} Personal",
         "HR Administrator", "Personalassistent{in}"),
        ((35, "Maintain employee records and contract changes in the HR system"),
         (25, "Prepare contracts, certificates and letters from templates"),
         (25, "Answer employee questions in the HR ticket queue"),
         (15, "Organise onboarding days for new hires")),
        ((35, "Personalstammdaten und Vertragsänderungen im HR-System pflegen"),
         (25, "Verträge, Bescheinigungen und Schreiben nach Vorlagen erstellen"),
         (25, "Anfragen der Beschäftigten im HR-Ticketsystem beantworten"),
         (15, "Einführungstage für neue Mitarbeitende organisieren")),
    ),
    Role(
        "hrbp", HR, "13-1071.00", "prof",
        (20, 8, 4, 10, 4, 15), (110_000, 180_000), (72_000, 105_000),
        ("HR Business Partner", "HRBP", "HR Generalist", "HR Specialist", "People Partner",
         "Employee Relations Specialist"),
        ("Personalreferent{in}", "HR Business Partner", "HRBP", "HR-Referent{in}",
         "HR Generalist"),
        ((30, "Advise managers on organisation, performance and employee relations cases"),
         (25, "Prepare and run talent reviews and headcount planning"),
         (25, "Consult with the works council on changes (Germany) or document "
              "investigations"),
         (20, "Analyse attrition and engagement data for the business area")),
        ((30, "Führungskräfte zu Organisation, Leistung und arbeitsrechtlichen Fällen "
              "beraten"),
         (25, "Talentrunden und Personalplanung vorbereiten und durchführen"),
         (25, "Mitbestimmungsvorgänge mit dem Betriebsrat vorbereiten und abstimmen"),
         (20, "Fluktuations- und Befragungsdaten für den Bereich auswerten")),
    ),
    Role(
        "recruiter", HR, "13-1071.00", "prof",
        (40, 15, 8, 20, 6, 15), (85_000, 150_000), (60_000, 88_000),
        ("Recruiter", "Technical Recruiter", "Talent Acquisition Partner",
         "Recruiting Coordinator", "Sourcer", "TA Partner"),
        ("Recruiter{in}", "Talent Acquisition Specialist", "Personalberater{in}",
         "Referent{in} Recruiting", "Sourcer"),
        ((30, "Write job ads and source candidates on job boards and networks"),
         (30, "Screen applications and hold first interviews"),
         (20, "Schedule interview loops and collect feedback"),
         (20, "Negotiate offers and coordinate hiring events for peak season")),
        ((30, "Stellenanzeigen schreiben und Kandidat:innen in Jobbörsen und Netzwerken "
              "suchen"),
         (30, "Bewerbungen sichten und Erstgespräche führen"),
         (20, "Interviewtermine koordinieren und Feedback einholen"),
         (20, "Angebote verhandeln und Recruiting-Tage für das Saisongeschäft organisieren")),
    ),
    Role(
        "learning", HR, "13-1151.00", "prof",
        (10, 10, 12, 8, 12, 10), (70_000, 110_000), (55_000, 78_000),
        ("Learning Specialist", "Trainer", "L&D Specialist", "Learning Ambassador",
         "Training Coordinator", "Instructional Designer"),
        ("Trainer{in}", "Personalentwickler{in}", "Referent{in} Personalentwicklung",
         "Learning Specialist", "Schulungskoordinator{in}", "Ausbilder{in}"),
        ((35, "Train new hires and run process and safety trainings"),
         (25, "Build e-learning modules and training material"),
         (20, "Coordinate apprenticeships and upskilling programmes"),
         (20, "Track training completion and certification in the learning system")),
        ((35, "Neue Mitarbeitende einarbeiten sowie Prozess- und Sicherheitsschulungen "
              "halten"),
         (25, "E-Learning-Module und Schulungsunterlagen erstellen"),
         (20, "Ausbildung und Weiterbildungsprogramme koordinieren"),
         (20, "Schulungsabschlüsse und Zertifikate im Lernsystem nachhalten")),
    ),
    Role(
        "hr_manager", HR, "11-3121.00", "lead", NONE, (150_000, 230_000), (100_000, 145_000),
        ("HR Manager", "Human Resources Manager", "Head of HR", "HR Director",
         "Manager, Talent Acquisition"),
        ("Personalleiter{in}", "HR Manager", "Leiter{in} Personal", "Head of HR",
         "Teamleiter{in} HR", "Leiter{in} Recruiting"),
        ((30, "Lead the HR team of a site or function"),
         (25, "Negotiate agreements with the works council or employee representatives"),
         (25, "Plan headcount, hiring and training budgets with leadership"),
         (20, "Decide on escalated employee relations cases")),
        ((30, "Das Personalteam eines Standorts oder Bereichs führen"),
         (25, "Betriebsvereinbarungen mit dem Betriebsrat verhandeln"),
         (25, "Personal-, Einstellungs- und Weiterbildungsbudgets mit der Leitung planen"),
         (20, "Über eskalierte arbeitsrechtliche Fälle entscheiden")),
        span=12,
    ),
    # ---------------------------------------------------------------- administration
    Role(
        "admin_assistant", ADM, "43-6014.00", "office",
        (25, 15, 6, 15, 6, 25), (52_000, 72_000), (42_000, 56_000),
        ("Administrative Assistant", "Admin Assistant", "Office Coordinator", "Admin Asst",
         "Administrative Coordinator", "Office Assistant"),
        ("Büroassistent{in}", "Teamassistent{in}", "Sachbearbeiter{in}",
         "Kauf{mann|frau} für Büromanagement", "Bürokauf{mann|frau}",
         "Assistenz Verwaltung"),
        ((30, "Manage calendars, meeting rooms and travel bookings for a team"),
         (25, "Process incoming mail, purchase requests and expense reports"),
         (25, "Prepare documents, minutes and presentations"),
         (20, "Coordinate visitors, office supplies and facility requests")),
        ((30, "Kalender, Besprechungsräume und Dienstreisen für ein Team organisieren"),
         (25, "Posteingang, Bestellanforderungen und Reisekostenabrechnungen bearbeiten"),
         (25, "Dokumente, Protokolle und Präsentationen erstellen"),
         (20, "Besucher, Büromaterial und Facility-Anfragen koordinieren")),
    ),
    Role(
        "exec_assistant", ADM, "43-6011.00", "office",
        (20, 5, 0, 8, 0, 15), (80_000, 120_000), (58_000, 80_000),
        ("Executive Assistant", "EA", "Executive Administrative Assistant",
         "Assistant to the VP"),
        ("Assistenz der Geschäftsführung", "Assistent{in} der Geschäftsführung",
         "Executive Assistant", "Vorstandsassistent{in}", "Management-Assistent{in}"),
        ((35, "Manage an executive's calendar, priorities and correspondence"),
         (25, "Prepare board and leadership meetings and follow up on actions"),
         (20, "Plan international travel and events"),
         (20, "Draft briefings and coordinate with other executive offices")),
        ((35, "Kalender, Prioritäten und Korrespondenz einer Führungskraft steuern"),
         (25, "Vorstands- und Leitungssitzungen vorbereiten und Maßnahmen nachhalten"),
         (20, "Internationale Reisen und Veranstaltungen planen"),
         (20, "Briefings entwerfen und mit anderen Vorstandsbüros abstimmen")),
    ),
    Role(
        "procurement", ADM, "13-1023.00", "prof",
        (15, 10, 3, 7, 3, 15), (85_000, 130_000), (62_000, 88_000),
        ("Procurement Specialist", "Buyer", "Purchasing Agent", "Sourcing Specialist",
         "Indirect Procurement Specialist"),
        ("Einkäufer{in}", "Strategische{r|} Einkäufer{in}", "Operative{r|} Einkäufer{in}",
         "Procurement Specialist", "Sachbearbeiter{in} Einkauf"),
        ((35, "Run tenders for packaging, facility services and IT equipment"),
         (25, "Negotiate prices and contract terms with suppliers"),
         (20, "Create purchase orders and track deliveries"),
         (20, "Evaluate supplier performance and risks")),
        ((35, "Ausschreibungen für Verpackung, Facility Services und IT-Ausstattung "
              "durchführen"),
         (25, "Preise und Vertragsbedingungen mit Lieferanten verhandeln"),
         (20, "Bestellungen anlegen und Liefertermine verfolgen"),
         (20, "Lieferantenleistung und -risiken bewerten")),
    ),
    Role(
        "admin_manager", ADM, "11-3012.00", "lead", NONE, (110_000, 160_000), (80_000, 115_000),
        ("Office Manager", "Administrative Services Manager", "Facilities Manager",
         "Workplace Manager", "Admin Manager"),
        ("Office Manager", "Leiter{in} Verwaltung", "Büroleiter{in}", "Facility Manager",
         "Teamleiter{in} Office Management"),
        ((35, "Lead the office, facilities and assistant teams of a site"),
         (25, "Manage facility service contracts and budgets"),
         (20, "Plan office space, moves and workplace equipment"),
         (20, "Set administrative policies and check compliance")),
        ((35, "Office-, Facility- und Assistenzteams eines Standorts führen"),
         (25, "Verträge und Budgets der Facility Services steuern"),
         (20, "Flächen, Umzüge und Arbeitsplatzausstattung planen"),
         (20, "Verwaltungsrichtlinien festlegen und ihre Einhaltung prüfen")),
        span=12,
    ),
    # ---------------------------------------------------------------- marketing
    Role(
        "marketing_specialist", MKT, "13-1161.00", "prof",
        (40, 15, 0, 30, 0, 45), (85_000, 140_000), (58_000, 85_000),
        ("Marketing Specialist", "Marketing Coordinator", "Mktg Specialist",
         "Campaign Specialist", "CRM Marketing Specialist", "Market Research Analyst"),
        ("Marketingreferent{in}", "Marketing Manager", "Marketing-Spezialist{in}",
         "Campaign Manager", "CRM-Manager{in}"),
        ((35, "Plan and run campaigns for sales events across e-mail, app and social channels"),
         (25, "Segment customers and set up newsletters in the CRM tool"),
         (20, "Brief agencies and in-house creatives and review assets"),
         (20, "Report campaign results and customer survey insights")),
        ((35, "Kampagnen für Aktionstage über E-Mail, App und Social Media planen und "
              "umsetzen"),
         (25, "Kund:innen segmentieren und Newsletter im CRM-Tool aufsetzen"),
         (20, "Agenturen und interne Kreative briefen und Entwürfe abnehmen"),
         (20, "Kampagnenergebnisse und Erkenntnisse aus Kundenbefragungen berichten")),
    ),
    Role(
        "performance_marketing", MKT, "13-1161.01", "prof",
        (25, 10, 0, 25, 0, 20), (95_000, 160_000), (62_000, 92_000),
        ("Performance Marketing Manager", "SEO Specialist", "SEM Specialist",
         "Paid Search Specialist", "Performance Marketing Specialist", "PPC Specialist"),
        ("Performance Marketing Manager", "SEO-Manager{in}", "SEA-Manager{in}",
         "Online-Marketing-Manager{in}", "Performance-Marketing-Manager{in}"),
        ((35, "Manage paid search and shopping campaigns, bids and budgets"),
         (25, "Optimise category and product pages for organic search"),
         (25, "Analyse traffic, conversion and return on ad spend"),
         (15, "Run landing-page and ad-copy tests")),
        ((35, "Suchmaschinen- und Shopping-Kampagnen, Gebote und Budgets steuern"),
         (25, "Kategorie- und Produktseiten für die organische Suche optimieren"),
         (25, "Traffic, Conversion und Werbekostenrendite analysieren"),
         (15, "Tests von Landingpages und Anzeigentexten durchführen")),
    ),
    Role(
        "copywriter", MKT, "27-3043.00", "prof",
        (12, 5, 0, 15, 0, 20), (75_000, 120_000), (52_000, 75_000),
        ("Copywriter", "Content Writer", "UX Writer", "Content Strategist",
         "Content Marketing Writer"),
        ("Texter{in}", "Werbetexter{in}", "Content Writer", "Copywriter",
         "Content-Redakteur{in}"),
        ((40, "Write copy for campaigns, newsletters and landing pages"),
         (25, "Write and edit product and category descriptions"),
         (20, "Write interface texts and help-page content"),
         (15, "Maintain the tone-of-voice guide and review others' copy")),
        ((40, "Texte für Kampagnen, Newsletter und Landingpages schreiben"),
         (25, "Produkt- und Kategoriebeschreibungen schreiben und redigieren"),
         (20, "Oberflächentexte und Inhalte der Hilfeseiten schreiben"),
         (15, "Den Tonalitäts-Leitfaden pflegen und Texte anderer gegenlesen")),
    ),
    Role(
        "graphic_designer", MKT, "27-1024.00", "prof",
        (15, 5, 0, 15, 0, 20), (75_000, 120_000), (50_000, 72_000),
        ("Graphic Designer", "Visual Designer", "Designer, Brand", "Motion Designer",
         "Creative Designer"),
        ("Grafikdesigner{in}", "Mediengestalter{in} Digital und Print", "Mediengestalter{in}",
         "Visual Designer", "Kommunikationsdesigner{in}"),
        ((40, "Design banners, social posts and e-mail layouts for campaigns"),
         (25, "Produce short motion graphics for video ads"),
         (20, "Adapt designs to formats and languages"),
         (15, "Maintain brand templates and the asset library")),
        ((40, "Banner, Social-Media-Posts und E-Mail-Layouts für Kampagnen gestalten"),
         (25, "Kurze Motion Graphics für Videoanzeigen produzieren"),
         (20, "Gestaltungen auf Formate und Sprachen anpassen"),
         (15, "Markenvorlagen und die Mediendatenbank pflegen")),
    ),
    Role(
        "marketing_manager", MKT, "11-2021.00", "lead", NONE, (160_000, 250_000),
        (100_000, 150_000),
        ("Marketing Manager", "Head of Marketing", "Brand Manager",
         "Manager, Performance Marketing", "Director, Marketing"),
        ("Marketingleiter{in}", "Teamleiter{in} Marketing", "Head of Marketing",
         "Leiter{in} Online-Marketing", "Brand Manager"),
        ((30, "Set the marketing plan and budget for a country or category"),
         (25, "Lead the marketing team and agencies"),
         (25, "Review campaign performance and reallocate budget"),
         (20, "Align brand and promotions with category and legal teams")),
        ((30, "Marketingplan und Budget für ein Land oder eine Kategorie festlegen"),
         (25, "Das Marketingteam und die Agenturen führen"),
         (25, "Kampagnenleistung prüfen und Budgets umschichten"),
         (20, "Marke und Aktionen mit Kategorie- und Rechtsabteilung abstimmen")),
        span=12,
    ),
    # ---------------------------------------------------------------- media localisation
    Role(
        "translator", LOC, "27-3091.00", "prof",
        (5, 25, 0, 45, 0, 55), (70_000, 105_000), (52_000, 72_000),
        ("Translator", "Localization Specialist", "Language Specialist (Spanish)",
         "Translator EN-ES", "Linguist", "Localisation Specialist"),
        ("Übersetzer{in}", "Fachübersetzer{in} Englisch-Deutsch",
         "Lokalisierungsspezialist{in}", "Übersetzer{in} (Englisch/Deutsch)",
         "Localization Specialist"),
        ((40, "Translate dialogue scripts for dubbing, keeping lip-sync and timing in mind"),
         (25, "Translate series metadata, synopses and marketing copy"),
         (20, "Review machine-translated drafts and fix terminology"),
         (15, "Maintain glossaries and character name lists per title")),
        ((40, "Dialogbücher für die Synchronisation übersetzen und dabei Lippensynchronität "
              "und Timing beachten"),
         (25, "Metadaten, Inhaltsangaben und Marketingtexte zu Serien übersetzen"),
         (20, "Maschinell vorübersetzte Entwürfe prüfen und Terminologie korrigieren"),
         (15, "Glossare und Figurenlisten je Titel pflegen")),
    ),
    Role(
        "subtitler", LOC, "27-3091.00", "prof",
        (0, 40, 0, 60, 0, 40), (60_000, 90_000), (45_000, 62_000),
        ("Subtitler", "Subtitle Translator", "Subtitling Specialist", "Subtitle Editor",
         "Timed Text Specialist", "Subtitler (Spanish)"),
        ("Untertitler{in}", "Untertitler{in} Englisch-Deutsch", "Untertitelredakteur{in}",
         "Untertitel-Übersetzer{in}", "Subtitler"),
        ((45, "Translate and condense dialogue into subtitles within reading-speed limits"),
         (25, "Spot subtitles to shot changes and audio in the subtitling tool"),
         (15, "Create subtitles for the deaf and hard of hearing"),
         (15, "Quality-check subtitle files from vendors against the style guide")),
        ((45, "Dialoge übersetzen und unter Einhaltung der Lesegeschwindigkeit zu Untertiteln "
              "verdichten"),
         (25, "Untertitel im Untertitelungsprogramm auf Schnitte und Ton timen"),
         (15, "Untertitel für Hörgeschädigte erstellen"),
         (15, "Untertiteldateien von Dienstleistern gegen den Styleguide prüfen")),
    ),
    Role(
        "voice_actor", LOC, "27-2011.00", "prof",
        (0, 12, 0, 0, 0, 110), (65_000, 120_000), (48_000, 80_000),
        ("Voice Actor", "Voice Talent", "Voice-Over Artist", "Dubbing Actor",
         "Voice Actor (Spanish)"),
        ("Synchronsprecher{in}", "Sprecher{in}", "Synchronschauspieler{in}", "Voice Actor"),
        ((55, "Record dubbing takes in the studio, matching the original performance and "
              "lip movement"),
         (20, "Prepare roles from the dubbing script and reference video"),
         (15, "Record voice-overs for trailers and product videos"),
         (10, "Record pick-ups and corrections after the director's review")),
        ((55, "Synchrontakes im Studio aufnehmen und dabei Spiel und Lippenbewegung des "
              "Originals treffen"),
         (20, "Rollen anhand von Dialogbuch und Referenzvideo vorbereiten"),
         (15, "Voice-overs für Trailer und Produktvideos einsprechen"),
         (10, "Nachaufnahmen und Korrekturen nach der Abnahme durch die Regie einsprechen")),
    ),
    Role(
        "dubbing_director", LOC, "27-2012.00", "prof",
        (0, 3, 0, 0, 0, 25), (90_000, 140_000), (65_000, 95_000),
        ("Dubbing Director", "Dialogue Director", "Voice Director", "ADR Director"),
        ("Synchronregisseur{in}", "Dialogregisseur{in}", "Dubbing Director",
         "Dialogbuchautor{in} und Regie"),
        ((40, "Direct voice actors in recording sessions"),
         (25, "Adapt translated scripts into lip-synchronous dubbing scripts"),
         (20, "Cast voices for characters and get client approval"),
         (15, "Review the final mix with the sound engineer")),
        ((40, "Sprecher:innen bei den Aufnahmen anleiten"),
         (25, "Übersetzte Dialoge zu lippensynchronen Dialogbüchern bearbeiten"),
         (20, "Stimmen für Figuren besetzen und beim Auftraggeber abnehmen lassen"),
         (15, "Die Endmischung mit der Tonmeisterin oder dem Tonmeister abnehmen")),
    ),
    Role(
        "sound_engineer", LOC, "27-4014.00", "prof",
        (0, 10, 0, 5, 0, 45), (70_000, 110_000), (52_000, 72_000),
        ("Audio Engineer", "Sound Engineer", "Mixing Engineer", "Re-recording Mixer",
         "Recording Engineer"),
        ("Toningenieur{in}", "Tonmeister{in}", "Tontechniker{in}",
         "Mediengestalter{in} Bild und Ton", "Audio Engineer", "Mischtonmeister{in}"),
        ((35, "Record dubbing sessions and manage takes in the audio workstation"),
         (30, "Edit, clean and synchronise dialogue to picture"),
         (25, "Mix dialogue with music and effects stems to delivery specs"),
         (10, "Maintain studio equipment and the audio archive")),
        ((35, "Synchronaufnahmen fahren und Takes in der Audio-Workstation verwalten"),
         (30, "Dialoge schneiden, bereinigen und bildsynchron anlegen"),
         (25, "Dialoge mit Musik- und Effektspuren nach Lieferspezifikation mischen"),
         (10, "Studiotechnik und Audioarchiv pflegen")),
    ),
    Role(
        "loc_pm", LOC, "13-1082.00", "prof",
        (8, 10, 0, 20, 0, 25), (85_000, 130_000), (60_000, 85_000),
        ("Localization Project Manager", "Loc PM", "Localization Program Manager",
         "Dubbing Project Coordinator", "Project Manager, Localization"),
        ("Projektmanager{in} Lokalisierung", "Localization Project Manager",
         "Projektkoordinator{in} Synchron", "Projektleiter{in} Untertitelung",
         "Produktionskoordinator{in}"),
        ((35, "Plan dubbing and subtitling schedules per title and language"),
         (25, "Assign work to in-house teams and vendors and track delivery"),
         (20, "Manage budgets and purchase orders for localisation"),
         (20, "Handle quality issues and redeliveries with the streaming team")),
        ((35, "Synchron- und Untertitelungspläne je Titel und Sprache erstellen"),
         (25, "Aufträge an interne Teams und Dienstleister vergeben und Lieferungen verfolgen"),
         (20, "Budgets und Bestellungen der Lokalisierung steuern"),
         (20, "Qualitätsmängel und Neulieferungen mit dem Streaming-Team klären")),
    ),
    Role(
        "loc_manager", LOC, "11-1021.00", "lead", NONE, (140_000, 210_000), (90_000, 130_000),
        ("Localization Manager", "Studio Manager", "Head of Localization",
         "Manager, Dubbing & Subtitling", "Localization Operations Manager"),
        ("Leiter{in} Lokalisierung", "Studioleiter{in}", "Localization Manager",
         "Head of Localization", "Teamleiter{in} Untertitelung",
         "Leiter{in} Synchronabteilung"),
        ((30, "Lead the localisation team and its vendors"),
         (25, "Plan capacity, studio time and budgets for the release slate"),
         (25, "Set quality standards and approve style guides per language"),
         (20, "Evaluate new tools such as synthetic voices and machine translation")),
        ((30, "Das Lokalisierungsteam und seine Dienstleister führen"),
         (25, "Kapazitäten, Studiozeiten und Budgets für die Veröffentlichungen planen"),
         (25, "Qualitätsstandards setzen und Styleguides je Sprache freigeben"),
         (20, "Neue Werkzeuge wie synthetische Stimmen und maschinelle Übersetzung bewerten")),
        span=12,
    ),
)
# fmt: on

# ---------------------------------------------------------------- title noise
SENIORITY_EN = {
    "junior": (("Junior {}", 5), ("Jr. {}", 2), ("{} I", 3)),
    "mid": (("{}", 7), ("{} II", 3)),
    "senior": (("Senior {}", 4), ("Sr. {}", 4), ("{} III", 2)),
}
SENIORITY_DE = {
    "junior": (("Junior {}", 7), ("{} (Junior)", 3)),
    "mid": (("{}", 1),),
    "senior": (("Senior {}", 8), ("{} (Senior)", 2)),
}
ACRONYM_LEVELS = {  # "SDE II": levels of abbreviated titles are mostly roman numerals
    "junior": (("{} I", 4), ("Junior {}", 1)),
    "mid": (("{} II", 3), ("{}", 2)),
    "senior": (("{} III", 3), ("Sr. {}", 1)),
}
SHIFTS_EN = (
    ("{} (2nd shift)", 4),
    ("{} (1st shift)", 2),
    ("{} - Night Shift", 3),
    ("{} - Nights", 2),
    ("{} (Days)", 2),
    ("{} - Weekend Shift", 2),
    ("{} (3rd shift)", 1),
)
SHIFTS_DE = (
    ("{} - Nachtschicht", 4),
    ("{} (Nachtschicht)", 2),
    ("{} - Frühschicht", 2),
    ("{} (Spätschicht)", 2),
    ("{} - Wechselschicht", 2),
    ("{} im Schichtdienst", 1),
)
GENDER_TAGS = (("(m/w/d)", 12), ("(w/m/d)", 3), ("(m/f/d)", 1), ("(d/m/w)", 1))
NEUTRAL_SUFFIXES = ((":in", 7), ("*in", 6), ("/in", 3), ("In", 2), ("/-in", 1))
JUNK_TITLES = {
    "US": ("n/a", "N/A", "???", "TBD", "tbd", "-", "xxx", "New Hire", "see offer letter"),
    "DE": ("k.A.", "n/a", "???", "TBD", "-", "xxx", "Platzhalter", "siehe Vertrag", "NN"),
}
# kind -> (P(junior, mid, senior) or None, part-time share US, part-time share DE)
KINDS: dict[str, tuple[tuple[float, float, float] | None, float, float]] = {
    "shift": (None, 0.08, 0.18),
    "office": ((0.15, 0.75, 0.10), 0.06, 0.20),
    "prof": ((0.20, 0.52, 0.28), 0.02, 0.08),
    "lead": (None, 0.01, 0.04),
}
SHIFT_SUFFIX_SHARE = {"shift": 0.22, "lead": 0.12}  # leads only where they supervise shifts
CODED_SHARE = {"US": 0.08, "DE": 0.015}  # rows whose HR system has a job code
EMPTY_TITLE_GIVEN_CODE = 0.4
JUNK_SHARE = 0.005
FEMININE, NEUTRAL = 0.27, 0.12  # German title forms; the rest are the masculine form


def _pick(options: Sequence[tuple[str, int]], u: float) -> str:
    """The option a uniform draw ``u`` falls on, with integer weights."""
    cumulative = list(itertools.accumulate(w for _, w in options))
    return options[bisect.bisect_right(cumulative, u * cumulative[-1])][0]


def _zipf(titles: Sequence[str], u: float) -> str:
    """The first variant is the most common, the second half as common, and so on."""
    return _pick([(t, 60 // (i + 1)) for i, t in enumerate(titles)], u)


def _gender(title: str, u: float, v: float) -> tuple[str, bool]:
    """Render the {in} and {masc|fem} marks; returns the title and whether it is masculine."""
    if "{" not in title:
        return title, True
    binary = "|" in title
    if u < FEMININE:
        form = "fem"
    elif u < FEMININE + NEUTRAL and not binary:
        form = "neutral"
    else:
        form = "masc"
    neutral = _pick(NEUTRAL_SUFFIXES, v)
    out, rest = "", title
    while "{" in rest:
        head, _, tail = rest.partition("{")
        mark, _, rest = tail.partition("}")
        masc, fem = mark.split("|") if "|" in mark else ("", mark)
        out += head + {"masc": masc, "fem": fem, "neutral": neutral}[form]
    return out + rest, form == "masc"


def _is_acronym(title: str) -> bool:
    return title.isupper() and " " not in title


def make_title(role: Role, site: Site, u: np.ndarray) -> str:
    """One employee's job title, as typed into the HR system, from uniform draws ``u``."""
    german = site.country == "DE"
    title = _zipf(role.titles_de if german else role.titles_en, u[0])
    masculine = True
    if german:
        title, masculine = _gender(title, u[1], u[2])
    levels = KINDS[role.kind][0]
    if levels is not None:
        level = "junior" if u[3] < levels[0] else "mid" if u[3] < 1 - levels[2] else "senior"
        forms = (SENIORITY_DE if german else SENIORITY_EN)[level]
        if not german and role.kind == "prof" and _is_acronym(title):
            forms = ACRONYM_LEVELS[level]
        title = _pick(forms, u[4]).format(title)
    elif role.kind == "lead" and not german and u[3] > 0.92:
        title = f"Sr. {title}"
    if german and masculine and u[5] < 0.22:
        title = f"{title} {_pick(GENDER_TAGS, u[6])}"
    shift_work = role.kind == "shift" or role.over == "shift"
    if shift_work and u[7] < SHIFT_SUFFIX_SHARE[role.kind]:
        title = _pick(SHIFTS_DE if german else SHIFTS_EN, u[8]).format(title)
    if u[9] < 0.02:
        title = title.lower()
    elif u[9] < 0.025:
        title = title.upper()
    elif u[9] < 0.03:
        title = title.replace(" ", "  ", 1) if " " in title else f"{title} "
    return title


def _level(role: Role, u: float) -> float:
    """Where in the role's cost range a person sits (0..1), matching the title's seniority."""
    levels = KINDS[role.kind][0]
    if levels is None:
        return u
    if u < levels[0]:
        return 0.4 * u / levels[0]
    if u < 1 - levels[2]:
        return 0.2 + 0.6 * (u - levels[0]) / (1 - levels[0] - levels[2])
    return 0.55 + 0.45 * (u - 1 + levels[2]) / levels[2]


def _allocate(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder, ties by order)."""
    exact = [total * w / sum(weights) for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (counts[i] - exact[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def headcounts() -> list[tuple[Site, Role, int]]:
    """Headcount per site and role: staff by the shares, leads and managers by their span."""
    out: list[tuple[Site, Role, int]] = []
    for i, site in enumerate(SITES):
        staff = [r for r in ROLES if r.span == 0]
        counts = _allocate(site.staff, [r.shares[i] for r in staff])
        out += [(site, r, n) for r, n in zip(staff, counts, strict=True) if n]
        for lead in (r for r in ROLES if r.span):
            supervised = sum(
                n
                for r, n in zip(staff, counts, strict=True)
                if r.department == lead.department and (lead.over == "all" or r.kind == lead.over)
            )
            if supervised:
                out.append((site, lead, max(1, int(supervised / lead.span + 0.5))))
    return out


def check_catalogue() -> None:
    """Fail loudly when the catalogue is inconsistent."""
    keys = [r.key for r in ROLES]
    assert len(keys) == len(set(keys)), "duplicate role keys"
    for i, site in enumerate(SITES):
        total = sum(r.shares[i] for r in ROLES)
        assert total == 1000, f"shares of {site.location} sum to {total}, not 1000"
    for role in ROLES:
        assert role.department in DEPARTMENTS and role.kind in KINDS, role.key
        assert (role.span == 0) != (role.shares == NONE), role.key
        for tasks in (role.tasks_en, role.tasks_de):
            assert 3 <= len(tasks) <= 6, role.key
            assert sum(p for p, _ in tasks) == 100, f"time shares of {role.key}"


def workforce_rows(rng: np.random.Generator) -> list[list[str]]:
    """All employees, sorted by employee id."""
    rows: list[list[str]] = []
    for site, role, n in headcounts():
        u = rng.random((n, 18))
        lo, hi = (site.pay * c for c in (role.cost_us if site.country == "US" else role.cost_de))
        part_time = KINDS[role.kind][1 if site.country == "US" else 2]
        onet = role.code
        codes = (onet, onet[:7], onet[:2] + onet[3:7])  # O*NET-SOC, SOC, SOC without hyphen
        for x in u:
            title = make_title(role, site, x)
            fte = 1.0 if x[10] >= part_time else (0.5 if x[11] < 0.55 else 0.75)
            position = 0.85 * _level(role, x[3]) + 0.15 * x[12]
            cost = fte * (lo + (hi - lo) * position)
            code = ""
            if x[13] < CODED_SHARE[site.country]:
                code = _pick(tuple(zip(codes, (5, 4, 1), strict=True)), x[14])
                if x[15] < EMPTY_TITLE_GIVEN_CODE:
                    title = ""
            elif x[16] < JUNK_SHARE:
                title = _pick([(t, 1) for t in JUNK_TITLES[site.country]], x[17])
            rows.append(
                [
                    title,
                    role.department,
                    site.location,
                    site.country,
                    repr(fte),
                    repr(float(round(cost / 100) * 100)),
                    code,
                ]
            )
    order = rng.permutation(len(rows))
    ids = np.sort(rng.choice(np.arange(1000, 400_000), size=len(rows), replace=False))
    return [[f"E{ids[k]:06d}", *rows[i]] for k, i in enumerate(order)]


def task_rows() -> list[list[str]]:
    """The organisation's task statements per role (with its O*NET-SOC code) and language."""
    return [
        [role.key, role.code, language, task, f"{percent / 100:.2f}"]
        for role in ROLES
        for language, tasks in (("en", role.tasks_en), ("de", role.tasks_de))
        for percent, task in tasks
    ]


def _write(path: Path, header: Sequence[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(out_dir: Path | None = None) -> tuple[Path, Path]:
    """Write ``workforce.csv`` and ``role_tasks.csv`` into ``out_dir`` (default: examples/)."""
    check_catalogue()
    out = Path(out_dir) if out_dir is not None else HERE
    out.mkdir(parents=True, exist_ok=True)
    workforce, tasks = out / WORKFORCE_FILE, out / TASKS_FILE
    _write(workforce, WORKFORCE_COLUMNS, workforce_rows(np.random.default_rng(SEED)))
    _write(tasks, TASK_COLUMNS, task_rows())
    return workforce, tasks


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=HERE, help="default: %(default)s")
    args = parser.parse_args()
    for path in main(args.out_dir):
        print(f"wrote {path}")
