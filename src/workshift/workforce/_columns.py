"""Which source column is which workforce column: names in English and German, in order of
preference.

Column names are compared by :func:`column_key` (case, spaces, punctuation and umlaut
spelling do not matter). Each canonical column's aliases in :data:`COLUMN_ALIASES` are an
ordered preference: when several columns match (``Location``, ``State`` and ``Zip``; or
``Department`` and ``Kostenstelle``), the one matching the earliest alias wins and the
others are *also matched, not used*. Only a true tie, two columns matching the same alias
(``Job Title`` and ``job_title``, or one name twice in the header), is an error, as is an
explicit name that the header repeats: the file does not say which is meant.

``Title`` is the last choice for the job title, as HR exports use it for the honorific
too: when the values of the chosen job-title column are mostly honorifics (Mr, Ms, Dr,
Herr, Frau, Prof.), the next candidate is taken and a note says so.

An age column wins over a birth date column (the age is what is kept): the birth date is
then *also matched, not used* and a note says so, unless ``columns=`` names the birth date
column and not the age column.

Examples
--------
>>> from workshift.workforce._layout import TableLayout, error_at
>>> names = ("EmpID", "Title", "Position", "State", "Zip", "Country", "FTE")
>>> values = {"Title": ["Mr", "Ms", "Dr"]}
>>> match = match_columns(TableLayout(names=names), {}, lambda name: values.get(name, []))
>>> match.columns  # doctest: +NORMALIZE_WHITESPACE
{'job_title': 'Position', 'location': 'State', 'country': 'Country', 'fte': 'FTE',
 'employee_id': 'EmpID'}
>>> match.also_matched
{'job_title': ('Title',), 'location': ('Zip',)}
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from workshift.exceptions import ConfigError
from workshift.workforce._layout import TableLayout, error_at

__all__ = ["COLUMN_ALIASES", "ColumnMatch", "column_key", "looks_like_honorifics", "match_columns"]

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "job_title": (
        "job_title", "job title", "position title", "business title", "job name", "jobtitel",
        "Stellenbezeichnung", "Berufsbezeichnung", "position", "job profile", "designation",
        "job", "role", "Stelle", "Funktion", "Tätigkeit", "title",
    ),
    "department": (
        "department", "department name", "dept", "Abteilung", "Organisationseinheit",
        "organisational unit", "organizational unit", "org unit", "OE", "division", "Bereich",
        "team", "cost center", "cost centre", "Kostenstelle",
    ),
    "location": (
        "location", "site", "Standort", "Arbeitsort", "office", "Niederlassung", "city", "Ort",
        "state", "region", "postal code", "zip", "PLZ",
    ),
    "country": ("country", "country code", "Land", "Staat"),
    "headcount": (
        "headcount", "Köpfe", "count", "employees", "number of employees", "Anzahl",
        "Mitarbeiterzahl", "Mitarbeiteranzahl", "n",
    ),
    "fte": (
        "fte", "FTE %", "VZÄ", "Vollzeitäquivalent", "Stellenanteil", "Beschäftigungsgrad",
        "Arbeitszeitanteil",
    ),
    "occupation_code": (
        "occupation_code", "occupation code", "soc", "soc_code", "onet", "onet_soc",
        "onet_soc_code", "O*NET-SOC Code", "isco", "isco08", "isco_code", "Berufskennziffer",
    ),
    "employee_id": (
        "employee_id", "employee id", "EmpID", "Emp ID", "employee number", "personnel number",
        "staff id", "Personalnummer", "PersNr", "Pers.-Nr.", "Mitarbeiter-ID",
        "Mitarbeiternummer", "id",
    ),
    "annual_cost": (
        "annual_cost", "annual cost", "total cost", "Personalkosten", "Jahreskosten", "cost",
        "annual salary", "Jahresgehalt", "salary", "Gehalt",
    ),
    "tasks": (
        "tasks", "duties", "task list", "responsibilities", "Aufgaben", "Tätigkeiten",
    ),
    "skills": (
        "skills", "skill", "competencies", "competences", "Kompetenzen", "Fähigkeiten",
        "Kenntnisse", "Qualifikationen",
    ),
    "currency": ("currency", "cost currency", "currency code", "Währung", "Kostenwährung"),
    "age": ("age", "age in years", "Alter", "Lebensalter", "Alter in Jahren"),
    "birth_date": (
        "birth_date", "birth date", "date of birth", "birthdate", "DOB", "Geburtsdatum",
        "Geb.-Datum", "Geburtstag",
    ),
    # Not "Leave" (a holiday balance), "Status" or "Employment Status" (active, retired,
    # terminated), "Abwesenheit" (days absent, sickness): none of them is a yes/no of leave.
    "on_leave": (
        "on_leave", "on leave", "leave status", "leave of absence", "Beurlaubt", "Beurlaubung",
        "ruhend", "ruhendes Arbeitsverhältnis", "Elternzeit", "Abwesend",
    ),
}  # fmt: skip
"""Canonical column -> the source column names it is recognised by, most preferred first
(compared by :func:`column_key`, so case, spaces, punctuation and umlaut spelling do not
matter)."""

_IDENTITY = ("job_title", "occupation_code")  # a file needs one of them
_HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "profdr", "sir", "dame", "herr", "frau",
    "herrdr", "fraudr", "drmed", "dring", "mme", "mlle",
}  # fmt: skip


def column_key(name: str) -> str:
    """Comparison key of a column name: lower case, letters and digits only, umlauts as
    ``ae``/``oe``/``ue``.

    >>> column_key("Pers.-Nr."), column_key("VZÄ"), column_key(" O*NET-SOC Code ")
    ('persnr', 'vzae', 'onetsoccode')
    """
    text = unicodedata.normalize("NFC", name).casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def _alias_keys(alias: str) -> set[str]:
    # "Tätigkeit" also matches "Taetigkeit" and "Tatigkeit" (umlaut dropped).
    plain = "".join(c for c in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(c))
    return {column_key(alias), column_key(plain)}


def _ranks() -> dict[str, dict[str, int]]:
    """Canonical column -> alias key -> preference (0 best)."""
    ranks: dict[str, dict[str, int]] = {}
    for canonical, aliases in COLUMN_ALIASES.items():
        keys: dict[str, int] = {}
        for rank, alias in enumerate(aliases):
            for key in _alias_keys(alias):
                keys.setdefault(key, rank)
        ranks[canonical] = keys
    return ranks


_RANKS = _ranks()


@dataclass(frozen=True)
class ColumnMatch:
    """The outcome of :func:`match_columns`.

    Attributes
    ----------
    columns : dict of str to str
        Canonical column -> the source column read for it, in :data:`COLUMN_ALIASES` order.
    also_matched : dict of str to tuple of str
        Canonical column -> source columns whose names match it too but which are not used,
        best first.
    notes : tuple of str
        Decisions the user should know about (a job-title column of honorifics skipped).
    """

    columns: dict[str, str]
    also_matched: dict[str, tuple[str, ...]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(map(repr, names))


def _how_to_choose(canonical: str) -> str:
    return (
        f"choose one with columns={{{canonical!r}: ...}} "
        f"(--map {canonical}=... on the command line)"
    )


def _find_explicit(layout: TableLayout, wanted: str, canonical: str) -> str:
    names = layout.names
    if wanted in names:
        found = wanted
    else:
        close = [name for name in names if column_key(name) == column_key(wanted)]
        if len(close) != 1:
            raise error_at(
                layout,
                None,
                f"no column {wanted!r} (given for {canonical}); the columns are: {_quoted(names)}",
                column=wanted,
            )
        found = close[0]
    twins = layout.repeated(found)
    if len(twins) > 1 and found not in layout.written:
        raise error_at(
            layout,
            None,
            f"the header has {found!r} {len(twins)} times (read as {_quoted(twins)}); "
            f"name one of those for {canonical}",
            column=wanted,
        )
    return found


def looks_like_honorifics(values: Sequence[str]) -> bool:
    """Are most of these (distinct, non-empty) values honorifics such as Mr, Frau, Dr.?

    >>> looks_like_honorifics(["Mr", "Ms.", "Dr", "Frau", "Picker"])
    True
    """
    filled = {value.strip() for value in values if value.strip()}
    return bool(filled) and sum(column_key(v) in _HONORIFICS for v in filled) * 2 > len(filled)


def _candidates(layout: TableLayout, canonical: str, taken: set[str]) -> list[tuple[int, str]]:
    keys = _RANKS[canonical]
    found = []
    for name in layout.names:
        key = column_key(layout.written.get(name, name))
        if name not in taken and key in keys:
            found.append((keys[key], name))
    return sorted(found, key=lambda item: item[0])  # stable: header order within a rank


def _pick(
    layout: TableLayout,
    canonical: str,
    candidates: list[tuple[int, str]],
    values: Callable[[str], Sequence[str]],
) -> tuple[str | None, list[str], list[str]]:
    """``(the column chosen, the other candidates, job-title columns of honorifics)``."""
    honorifics: list[str] = []
    while candidates:
        best = [name for rank, name in candidates if rank == candidates[0][0]]
        if len(best) > 1:
            twins = len(layout.repeated(best[0])) == len(best)
            why = " (the header repeats the name)" if twins else ""
            raise error_at(
                layout,
                None,
                f"columns {_quoted(best)} could all be {canonical}{why}; "
                + _how_to_choose(canonical),
            )
        rest = [name for _, name in candidates[1:]]
        if canonical == "job_title" and looks_like_honorifics(values(best[0])):
            honorifics.append(best[0])
            candidates = candidates[1:]
            continue
        return best[0], rest, honorifics
    return None, [], honorifics


def _age_or_birth_date(
    chosen: dict[str, str], also: dict[str, tuple[str, ...]], explicit: Mapping[str, str]
) -> str:
    """Keep one of the age and birth date columns in ``chosen`` (the other goes to
    ``also``); the note that says which."""
    birth_asked = "birth_date" in explicit and "age" not in explicit
    used, unused = ("birth_date", "age") if birth_asked else ("age", "birth_date")
    dropped = chosen.pop(unused)
    also[unused] = (dropped, *also.get(unused, ()))
    why = " (columns= names it)" if birth_asked else ""
    return f"{chosen[used]!r} gives the age{why}; {dropped!r} is not used"


def match_columns(
    layout: TableLayout, explicit: Mapping[str, str], values: Callable[[str], Sequence[str]]
) -> ColumnMatch:
    """Choose the source column of each canonical column (see the module docstring).

    Parameters
    ----------
    layout : TableLayout
        The column names as read (``layout.names``) and as written (``layout.written``).
    explicit : mapping of str to str
        Canonical column -> source column given by the user; wins over the aliases.
    values : callable
        A source column's name -> its distinct non-empty values (for the honorific check).

    Raises
    ------
    ConfigError
        ``explicit`` names an unknown canonical column, or one source column for two.
    InputDataError
        An explicit column that does not exist or that the header repeats, a tie, or no job
        title and no occupation code column.
    """
    unknown = [canonical for canonical in explicit if canonical not in COLUMN_ALIASES]
    if unknown:
        raise ConfigError(
            f"columns= names {_quoted(unknown)}, which are not workforce columns; "
            f"use {_quoted(COLUMN_ALIASES)}"
        )
    chosen = {c: _find_explicit(layout, w, c) for c, w in explicit.items()}
    if len(set(chosen.values())) < len(chosen):  # an id read as a title too would leak
        twice = [c for c in chosen if list(chosen.values()).count(chosen[c]) > 1]
        raise ConfigError(f"columns= gives one source column for {_quoted(twice)}")
    taken = set(chosen.values())
    also: dict[str, tuple[str, ...]] = {}
    notes: list[str] = []
    for canonical in COLUMN_ALIASES:
        candidates = _candidates(layout, canonical, taken)
        if canonical in chosen:
            rest = [name for _, name in candidates]
        else:
            pick, rest, honorifics = _pick(layout, canonical, candidates, values)
            if pick is not None:
                chosen[canonical] = pick
                taken.add(pick)
            if honorifics:
                instead = f"using {pick!r}" if pick is not None else "no job title"
                notes.append(
                    f"{_quoted(honorifics)} holds honorifics (Mr, Ms, Dr, ...), not job "
                    f"titles; {instead}"
                )
            rest = [*honorifics, *rest]
        if rest:
            also[canonical] = tuple(rest)
    if "age" in chosen and "birth_date" in chosen:
        notes.append(_age_or_birth_date(chosen, also, explicit))
    if not any(c in chosen for c in _IDENTITY):
        looked_for = (*COLUMN_ALIASES["job_title"], *COLUMN_ALIASES["occupation_code"])
        hint = f" ({notes[0]})" if notes else ""
        raise error_at(
            layout,
            None,
            f"no job title or occupation code column{hint}; looked for: "
            f"{', '.join(looked_for)}; the columns are: {_quoted(layout.names)}",
        )
    columns = {canonical: chosen[canonical] for canonical in COLUMN_ALIASES if canonical in chosen}
    return ColumnMatch(columns, also, tuple(notes))
