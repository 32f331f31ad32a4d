"""Job-title normalisation for English and German: gender forms, levels, abbreviations,
compounds.

:class:`TitleNormaliser` turns a title as typed in an HR export into two forms:

* ``text`` for the sentence embedder: gender markers, seniority/level and shift tokens
  removed, abbreviations expanded ("Sr. Backend Eng II" -> "backend engineer");
* ``key`` for lexical matching and exact lookup: ``text`` with German compounds split at
  a known occupational head ("lohnbuchhalter" -> "lohn buchhalter"), English plurals made
  singular ("representatives" -> "representative") and umlauts folded.

The tables (abbreviations, German heads) are data files in ``matching/data`` and can be
extended by passing extra entries.

Examples
--------
>>> n = TitleNormaliser.default()
>>> n("Sr. Backend Eng II").text
'backend engineer'
>>> n("Lagerist (m/w/d)").text
'lagerist'
>>> n("Lohnbuchhalterin").key
'lohn buchhalter'
>>> n("Kauffrau für Büromanagement").text
'kaufmann für büromanagement'
>>> n("Medizinische Fachangestellte").text
'medizinische fachangestellter'
>>> n("Pflegefachfrau/-mann").text, n("Steuerfachangestellte:r").text
('pflegefachmann', 'steuerfachangestellter')
>>> n("MA Float").text, n("MA Kundenservice").text
('medical assistant float', 'mitarbeiter kundenservice')
>>> n("Mitarbeiter:in Kundenservice").text
'mitarbeiter kundenservice'
>>> n("RN - ICU, 2nd shift").text
'registered nurse intensive care unit'
>>> n("Lohn- und Gehaltsbuchhalter (w/m/d)").key
'lohn buchhalter und gehalt buchhalter'
>>> n("VP Sales").text, n("Director of Operations").text, n("Shift Lead").text
('sales manager', 'operations manager', 'shift supervisor')
>>> n("Bereichsleiter Logistik").text, n("Data Scientist (m/w/d) Werkstudent").text
('leiter logistik', 'data scientist')
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

__all__ = [
    "NormalisedTitle",
    "TitleNormaliser",
    "is_placeholder",
    "load_abbreviations",
    "load_heads",
    "load_lexicon_words",
]

# "(m/w/d)", "(w/m/d)", "(m/f/d)", "(d/m/w)", "m/w/d", "(gn)", "(all genders)", "(x/f/m)" ...
_GENDER_GROUP = re.compile(
    r"\(\s*(?:[mwfdxi]\s*[/|,]\s*){1,3}[mwfdxi]\s*\)|\b(?:[mwfdx]\s*/\s*){2,3}[mwfdx]\b"
    r"|\(\s*(?:gn\*?|all genders?|alle geschlechter|m/w|w/m|f/m|m/f)\s*\)",
    re.IGNORECASE,
)
# Gendered suffixes: "Mitarbeiter:in", "Mitarbeiter*innen", "Kaufmann/-frau", "Berater/in",
# "Lehrer(in)", "Fahrer_in", "BeraterIn".
_GENDER_SUFFIX = re.compile(
    r"(?<=\w)(?:[:*_]in(?:nen)?|/-?in(?:nen)?|\(in(?:nen)?\)|In(?:nen)?)\b"
    r"|(?<=mann)\s*/\s*-?\s*\w*frau\b|(?<=\w)\s*/\s*-?\s*frau\b"
    r"|(?<=frau)\s*/\s*-?\s*\w*mann\b",
)
# "Fachangestellte:r", "Angestellte*r", "Beauftragte/r" -> the "-er" form.
_GENDER_ADJECTIVAL = re.compile(r"(?<=e)(?:[:*_/]|\(\s*)r\)?(?=\W|$)")
# Seniority words dropped where they lead a title ("Senior Accountant" -> "accountant");
# elsewhere they carry meaning ("Warehouse Lead", "Sales Associate", "School Principal").
_LEADING_LEVELS = {
    "sr",
    "senior",
    "snr",
    "jr",
    "junior",
    "jnr",
    "lead",
    "staff",
    "principal",
    "associate",
    "entry",
    "mid",
    "level",
    "intern",
    "trainee",
    "experienced",
    "werkstudent",
    "werkstudentin",
    "praktikantin",
    "praktikant",
    "azubi",
    "auszubildender",
}
# Level words that also end titles ("Data Scientist Werkstudent", "Accountant Sr").
_TRAILING_ROLE_LEVELS = {
    "sr", "senior", "jr", "junior", "werkstudent", "werkstudentin", "praktikant", "praktikantin",
    "trainee",
}  # fmt: skip
# Grades dropped where they end a title ("Analyst II", "Engineer L4").
_TRAILING_LEVELS = {
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "1",
    "2",
    "3",
    "4",
    "5",
    "l1",
    "l2",
    "l3",
    "l4",
    "l5",
    "l6",
}
_GRADE = re.compile(r"\b(?:level|grade|band|stufe)\s*[ivx\d]+\b", re.IGNORECASE)
# Working-time and shift words: "2nd shift", "Nights", "(Temp)", "Teilzeit", "Standort Leipzig".
_SHIFT = re.compile(
    r"\b(?:1st|2nd|3rd|first|second|third|night|day|evening|weekend|late|early|swing|"
    r"graveyard|rotating)\s+shift\b|"
    r"\b(?:nights|weekends|overnight|graveyard|part[- ]time|full[- ]time|per diem|prn|temp|"
    r"temporary|seasonal|remote|hybrid|on[- ]site)\b|\b(?:pt|ft)\s*\)?\s*$|"
    r"\b(?:nacht|früh|spät|wochenend|teilzeit|vollzeit|minijob|aushilfe)\w*\b|"
    r"\bstandort\s+\w+|\bin\s+(?:teilzeit|vollzeit)\b",
    re.IGNORECASE,
)
# The function names the occupation, the role word only says "manages it": "Head of
# Sales" and "Director of Operations" -> "sales manager", "operations manager"; "VP Sales",
# "SVP Human Resources" -> "sales manager", "human resources manager".
_HEAD_OF = re.compile(
    r"^\s*(head|director|manager|vice president|vp|svp|evp|avp|leiter|leitung)\s+"
    r"(?:of|der|des|für)\s+(.+)$",
    re.IGNORECASE,
)
_HEAD_OF_ROLE = {"leiter": "leiter", "leitung": "leiter"}  # others: "manager"
# Leading role words that manage the function that follows ("VP Sales", "Head IT",
# "Director Plant Operations").
_MANAGES = {"head", "vp", "svp", "evp", "avp", "director"}
# German: "Bereichsleiter Logistik", "Prokurist Finanzen" -> "leiter logistik".
_LEITER = {"bereichsleiter", "abteilungsleiter", "bereichsleitung", "abteilungsleitung",
           "leitung", "prokurist", "gesamtleitung", "gesamtleiter"}  # fmt: skip
# Titles made of team and role words only ("Shift Lead", "Team Leader"): a supervisor of
# the team's work, whatever it is.
_TEAM_WORDS = {"shift", "team", "crew", "group", "line", "floor", "lead", "leader", "captain"}
# English words among the German heads and lexicon words: they do not make a title German.
_ENGLISH_HEADS = {
    "administrator", "agent", "analyst", "assistant", "coach", "consultant", "controller",
    "designer", "developer", "editor", "engineer", "generalist", "manager", "officer",
    "operator", "owner", "partner", "pilot", "reporter", "specialist", "supporter", "tester",
    "trainer", "data", "scientist", "sales", "marketing", "service", "support", "business",
    "account", "product", "project", "office", "team", "lead", "head", "senior", "junior",
}  # fmt: skip
_PUNCT = re.compile(r"[^\w&+#]+")
_ELLIPSIS = re.compile(r"\b(\w+)-\s+(und|oder|&|/)\s+(\w+)")
# Feminine forms with an umlaut change: the suffix is replaced wherever it ends a word
# ("Zahnärztin" -> "zahnarzt").
_IRREGULAR = {
    "ärztin": "arzt",
    "köchin": "koch",
    "anwältin": "anwalt",
    "bäuerin": "bauer",
    "beamtin": "beamter",
    "ärztinnen": "arzt",
    "räte": "rat",
    "rätin": "rat",
}
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True)
class NormalisedTitle:
    """A title in its embedder form (``text``) and its lexical form (``key``)."""

    raw: str
    text: str
    key: str


def _data_file(name: str) -> str:
    return (files("workshift.matching") / "data" / name).read_text(encoding="utf-8")


@cache
def load_abbreviations() -> dict[str, dict[str, str]]:
    """Abbreviation table ``{abbreviation: {language: expansion}}`` shipped in
    ``matching/data/abbreviations.csv``."""
    table: dict[str, dict[str, str]] = {}
    for row in csv.DictReader(_data_file("abbreviations.csv").splitlines()):
        language = row["language"].strip().lower() or "en"
        table.setdefault(row["abbreviation"].strip().lower(), {})[language] = (
            row["expansion"].strip().lower()
        )
    return table


@cache
def load_lexicon_words() -> frozenset[str]:
    """Lower-case words of the German title lexicon (base forms)."""
    rows = csv.DictReader(_data_file("de_titles.csv").splitlines())
    return frozenset(w for row in rows for w in _PUNCT.sub(" ", row["title_de"].lower()).split())


@cache
def load_heads() -> tuple[str, ...]:
    """German occupational head nouns, longest first, from ``matching/data/de_heads.txt``."""
    heads = {
        line.strip().lower()
        for line in _data_file("de_heads.txt").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return tuple(sorted(heads, key=lambda h: (-len(h), h)))


@cache
def load_placeholders() -> frozenset[str]:
    """Cell values that name no occupation ("n/a", "tbd", "k.A.", "vacant", ...), from
    ``matching/data/placeholders.txt``, in the form :func:`is_placeholder` compares."""
    return frozenset(
        " ".join(_PUNCT.sub(" ", line.strip().lower()).split())
        for line in _data_file("placeholders.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )


def is_placeholder(title: str) -> bool:
    """Whether ``title`` is a placeholder that names no occupation.

    >>> [is_placeholder(t) for t in ["n/a", " K.A. ", "N.N.", "TBD", "vacant", "Nurse"]]
    [True, True, True, True, True, False]
    """
    words = " ".join(_PUNCT.sub(" ", unicodedata.normalize("NFKC", title).lower()).split())
    return words in load_placeholders()


def _drop(pattern: re.Pattern[str], text: str) -> str:
    """Remove what ``pattern`` matches, unless nothing would be left ("Teilzeit" alone)."""
    kept = pattern.sub(" ", text)
    return kept if kept.strip() else text


def _singular(word: str) -> str:
    """English plural to singular for the lexical key ("clerks" -> "clerk").

    >>> [_singular(w) for w in ["clerks", "secretaries", "business", "analysis", "boxes"]]
    ['clerk', 'secretary', 'business', 'analysis', 'box']
    """
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("xes", "ches", "shes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


class TitleNormaliser:
    """Normalise job titles; see the module docstring.

    Parameters
    ----------
    abbreviations
        Token -> expansion per language, e.g. ``{"rn": {"en": "registered nurse"}}``.
        Where a token has both an English and a German expansion, the German one is used
        when another word of the title is German.
    heads
        German occupational head nouns used to split compounds.
    """

    def __init__(
        self,
        abbreviations: Mapping[str, Mapping[str, str]],
        heads: Iterable[str],
        words: Iterable[str] = (),
    ) -> None:
        self.abbreviations = {
            k.lower(): {lang: v.lower() for lang, v in per.items()}
            for k, per in abbreviations.items()
        }
        self.heads = tuple(sorted({h.lower() for h in heads}, key=lambda h: (-len(h), h)))
        self._head_set = frozenset(self.heads)
        self._words = frozenset(w.lower() for w in words) | self._head_set
        # Words of the English expansions: English, whatever the German tables hold.
        self._english = frozenset(
            w for per in self.abbreviations.values() for w in per.get("en", "").split()
        )

    @classmethod
    def default(cls, extra_abbreviations: Mapping[str, str] | None = None) -> TitleNormaliser:
        """The shipped tables, optionally extended with ``{abbreviation: expansion}``."""
        table = {k: dict(v) for k, v in load_abbreviations().items()}
        for key, expansion in (extra_abbreviations or {}).items():
            table[key.lower()] = {"en": expansion, "de": expansion}
        return cls(table, load_heads(), load_lexicon_words())

    def _longest_head(self, word: str) -> str | None:
        """The longest known head that ends ``word`` after at least three letters."""
        heads = self._head_set
        return next((word[i:] for i in range(3, len(word)) if word[i:] in heads), None)

    def _known(self, word: str) -> bool:
        return word in self._words or self._longest_head(word) is not None

    def _base_form(self, word: str) -> str:
        """German feminine and adjectival forms to the lexicon's base form.

        "lageristin" -> "lagerist", "kauffrau" -> "kaufmann", "angestellte" -> "angestellter".
        """
        for suffix, base in _IRREGULAR.items():
            if word.endswith(suffix):
                return word[: -len(suffix)] + base
        if len(word) > 5 and word.endswith("frau"):
            return word[:-4] + "mann"
        if len(word) > 9 and word.endswith("leitung"):  # "werksleitung" -> "werksleiter"
            return word[:-7] + "leiter"
        for suffix in ("innen", "in"):
            if word.endswith(suffix) and self._known(word[: -len(suffix)]):
                return word[: -len(suffix)]
        if word.endswith("te") and self._known(word + "r"):
            return word + "r"
        return word

    def _split_compound(self, word: str) -> list[str]:
        if word in self._head_set or len(word) < 7:
            return [word]
        head = self._longest_head(word)
        if head is None:
            return [word]
        prefix = word[: -len(head)].rstrip("-")
        if prefix.endswith("s") and len(prefix) > 4:
            prefix = prefix[:-1]  # Fugen-s: "gehalts" + "buchhalter"
        return [prefix, head]

    def _expand_ellipsis(self, text: str) -> str:
        """'Lohn- und Gehaltsbuchhalter' -> 'Lohnbuchhalter und Gehaltsbuchhalter'."""

        def expand(match: re.Match[str]) -> str:
            first, joiner, second = match.group(1), match.group(2), match.group(3)
            for head in self.heads:
                if second.lower().endswith(head) and len(second) > len(head):
                    return f"{first}{head} {joiner} {second}"
            return match.group(0)

        return _ELLIPSIS.sub(expand, text)

    def _roles(self, tokens: list[str]) -> list[str]:
        """Role words moved behind the function they manage ("vp sales" -> "sales manager")."""
        if len(tokens) > 1 and self._base_form(tokens[0]) in _LEITER | _LEADING_LEVELS:
            tokens = [self._base_form(tokens[0]), *tokens[1:]]  # "abteilungsleiterin"
            if tokens[0] in _LEADING_LEVELS:
                return self._strip_levels(tokens)
        if len(tokens) > 1 and tokens[0] in _MANAGES:
            return [*tokens[1:], "manager"]
        if len(tokens) > 2 and tokens[:2] == ["vice", "president"]:
            return [*tokens[2:], "manager"]
        if len(tokens) > 1 and tokens[0] in _LEITER:
            return ["leiter", *tokens[1:]]
        if len(tokens) > 1 and set(tokens) <= _TEAM_WORDS and {"lead", "leader"} & set(tokens):
            return [tokens[0], "supervisor"]
        if len(tokens) > 1 and tokens[-1] in {"lead", "leader"}:
            # "Warehouse Team Lead", "Production Lead": the first-line supervisor of the work
            body = tokens[:-1]
            while len(body) > 1 and body[-1] in _TEAM_WORDS:
                body = body[:-1]
            return [*body, "supervisor"]
        return tokens

    def _is_german(self, tokens: list[str], raw: str) -> bool:
        """Whether a title is German: an umlaut or a German word other than an English one."""
        if any(c in raw.lower() for c in "äöüß"):
            return True
        english = _ENGLISH_HEADS | self._english
        return any(
            t not in english and (t in self._words or self._longest_head(t) not in {None, *english})
            for t in tokens
        )

    @staticmethod
    def _strip_levels(tokens: list[str]) -> list[str]:
        start, stop = 0, len(tokens)
        while stop - start > 1 and (
            tokens[stop - 1] in _TRAILING_LEVELS or tokens[stop - 1] in _TRAILING_ROLE_LEVELS
        ):
            stop -= 1
        while stop - start > 1 and tokens[start] in _LEADING_LEVELS:
            start += 1  # a lone level word is the title itself ("Principal", "Intern")
        return tokens[start:stop]

    def __call__(self, title: str) -> NormalisedTitle:
        """Normalise one title; a placeholder ("n/a", "tbd") normalises to nothing."""
        raw = title
        if is_placeholder(title):
            return NormalisedTitle(raw, "", "")
        text = unicodedata.normalize("NFKC", title).strip()
        text = _GENDER_GROUP.sub(" ", text)
        text = _GENDER_SUFFIX.sub("", text)
        text = _GENDER_ADJECTIVAL.sub("r", text)
        text = _drop(_GRADE, _drop(_SHIFT, text))
        text = _HEAD_OF.sub(
            lambda m: f"{m.group(2)} {_HEAD_OF_ROLE.get(m.group(1).lower(), 'manager')}", text
        )
        text = self._expand_ellipsis(text)
        tokens = [t for t in _PUNCT.sub(" ", text.lower()).split() if t]
        german = self._is_german(tokens, text)
        order = ("de", "en") if german else ("en", "de")
        expanded: list[str] = []
        for token in self._roles(self._strip_levels(tokens)):
            per = self.abbreviations.get(token, {})
            expansion = next((per[lang] for lang in order if lang in per), token)
            expanded.extend(self._base_form(t) for t in expansion.split())
        text_form = " ".join(_drop(_SHIFT, " ".join(expanded)).split())
        key_tokens: list[str] = []
        for token in expanded:
            key_tokens.extend(_singular(t) for t in self._split_compound(token))
        key = " ".join(key_tokens).translate(_FOLD)
        return NormalisedTitle(raw, text_form, key)
