"""Identifiers out, names flagged: the two checks a works-council output needs besides
suppression (issue 14, item 2).

:func:`strip_identifiers` drops the columns that identify a person or a file: employee
ids (pseudonymised or not: a pseudonym is still a key to one person), names, e-mail
addresses, birth dates and ages, and file paths. :func:`name_like_values` flags values,
such as a department or location, that look like a person's name ("Maria Schmidt",
"Müller, Hans", "Team Becker"), so a unit named after someone can be renamed before it
is shown. Both are deliberately simple: a column is judged by its name (and, for paths,
its values), a value by a short list of common German and English first names and
surnames that ships with this module. Flags are for a person to review, not proof.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"employee_id": ["E1"], "pseudonym": ["a9f"], "Name": ["X"],
...                       "department": ["Sales"], "source_file": ["/hr/export.csv"],
...                       "people": [7]})
>>> list(strip_identifiers(frame).columns)
['department', 'people']
>>> values = pd.Series(["Sales", "Maria Schmidt", "Müller, Hans", "Team Becker",
...                     "Customer Service", "Frankfurt am Main", "Lager Nord"])
>>> values[name_like_values(values)].tolist()
['Maria Schmidt', 'Müller, Hans', 'Team Becker']
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

__all__ = ["FIRST_NAMES", "SURNAMES", "identifier_columns", "name_like_values", "strip_identifiers"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FIRST_NAMES = _words(
    """
    alexander andreas anna andrea angelika anja anke barbara bernd birgit brigitte christian
    christina christine claudia daniel daniela dieter dirk elena elisabeth emma eva felix
    frank gabriele gerhard heike helga hans heinz helmut ines jan jana jens joachim johanna
    jonas jorg jurgen julia jutta karin karl katharina kathrin klaus lena leon lukas luca
    manfred manuela marco marie marion markus martin martina matthias maria max michael
    monika nicole niklas nina olaf paul peter petra ralf renate sabine sandra sarah
    sebastian silke simone sophie stefan stephanie susanne sven thomas tim tobias torsten
    ulrich ursula uwe werner wolfgang yvonne ahmet mehmet fatma ayse
    james john robert david william richard joseph charles christopher matthew anthony mark
    donald steven kevin brian george edward ronald timothy jason jeffrey ryan jacob gary
    nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory
    patrick jack dennis jerry tyler aaron henry adam nathan zachary kyle noah ethan oliver
    harry liam mary patricia jennifer linda elizabeth susan jessica karen nancy lisa betty
    margaret ashley kimberly emily donna michelle carol amanda melissa deborah laura
    rebecca sharon cynthia kathleen amy shirley angela helen brenda pamela katherine
    samantha christine rachel carolyn janet olivia sophia isabella charlotte amelia grace
    chloe lucy ella
    """
)
"""Common German and English given names, folded (lower case, no accents)."""

SURNAMES = _words(
    """
    muller mueller schmidt schneider fischer weber meyer meier wagner becker schulz
    hoffmann schafer schaefer koch bauer richter klein wolf schroder schroeder neumann
    schwarz zimmermann braun kruger krueger hofmann hartmann lange schmitt werner krause
    lehmann schmid schulze maier kohler koehler herrmann konig koenig walter mayer huber
    kaiser fuchs peters lang scholz moller moeller weiss jung hahn schubert vogel
    friedrich keller gunther guenther frank berger winkler roth beck lorenz baumann franke
    albrecht yilmaz kaya
    smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez
    lopez gonzalez wilson anderson thomas taylor moore jackson martin lee thompson white
    harris clark lewis robinson walker young allen king wright scott hill green adams
    baker nelson carter mitchell roberts turner phillips campbell parker evans edwards
    collins stewart morris murphy cook rogers morgan cooper peterson reed bailey
    """
)
"""Common German and English surnames, folded."""

_UNIT_WORDS = _words("team gruppe abteilung bereich referat buro office desk unit group department")
"""Words that, before a surname, name a unit after a person ("Team Becker")."""

_ID_COLUMN = re.compile(
    r"""^(
        id | ids | .*_id | .*_ids | id_.* | uuid | guid | key | person | person_.* |
        employee | employee_.* | .*_employee | staff_(no|number) | personnel_(no|number) |
        personalnummer | personal_nr | pers_nr | mitarbeiter.* | pseudonym.* | .*_pseudonym |
        hash | .*_hash |
        name | full_name | first_name | last_name | given_name | family_name | surname |
        firstname | lastname | vorname | nachname | manager | manager_.* | supervisor.* |
        email | e_mail | mail | email_.* | phone | telefon | address | adresse |
        birth_date | birthdate | date_of_birth | dob | birthday | geburtsdatum | geb_datum |
        geburtstag | age | age_in_years | alter | lebensalter | alter_in_jahren |
        path | .*_path | file | .*_file | filename | file_name | source | source_.* | dateiname
    )$""",
    re.VERBOSE,
)

_PATH_VALUE = re.compile(
    r"^(?:/|~/|\.{1,2}/|[A-Za-z]:[\\/]|\\\\)|\.(?:csv|xlsx?|parquet|json|ya?ml)$"
)


def _fold(text: str) -> str:
    """Lower case, umlauts and accents removed (Müller -> muller)."""
    text = text.casefold().replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _normal_column(name: object) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _fold(str(name))).strip("_")


def identifier_columns(frame: pd.DataFrame) -> list[str]:
    """The columns :func:`strip_identifiers` drops: by name, or values that are file paths."""
    out = []
    for column in frame.columns:
        if _ID_COLUMN.match(_normal_column(column)):
            out.append(column)
            continue
        series = frame[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            text = series.dropna().astype(str)
            if len(text) and text.str.contains(_PATH_VALUE).mean() > 0.5:
                out.append(column)
    return out


def strip_identifiers(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without the columns that identify a person or a file.

    Dropped: id columns (``employee_id``, ``id``, ``pseudonym``: a pseudonym still
    singles out one person), name, e-mail, phone and address columns, manager columns,
    birth dates and ages (``birth_date``, ``age``: a person's, never a group's), and file
    paths (by column name, or when most values are paths). Aggregates have no business
    holding any of them; the check is by name, so a column called ``notes`` holding names
    is not caught (use :func:`name_like_values` on it). ``on_leave`` stays: as a yes/no
    dimension it is the works-council pack's §96 access breakdown, as ``older`` is for
    age.
    """
    return frame.drop(columns=identifier_columns(frame))


def name_like_values(values: pd.Series) -> pd.Series:
    """Boolean per value: it looks like a person's name.

    A value is flagged when it is two or three words of letters with a common first name
    and another capitalised word ("Maria Schmidt", "Hans-Peter Müller"), or
    ``"Surname, Firstname"`` ("Müller, Hans"), or a unit word followed by a common
    surname ("Team Becker"). Missing values and values with digits are not flagged.
    """

    def looks(value: object) -> bool:
        if not isinstance(value, str) or re.search(r"\d", value):
            return False
        if "," in value:
            last, _, first = value.partition(",")
            words = first.split()
            return bool(words) and _fold(words[0]) in FIRST_NAMES and len(last.split()) <= 2
        words = value.replace("-", " ").split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.isalpha() for w in words):
            return False
        folded = [_fold(w) for w in words]
        if folded[0] in FIRST_NAMES:
            return True
        return folded[0] in _UNIT_WORDS and folded[-1] in SURNAMES

    return values.map(looks).astype(bool)
