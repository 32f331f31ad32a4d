"""Disclosure control: minimum group size, complementary suppression, audit (issue 14).

Everything that leaves workshift for anyone but HR passes :func:`protect` once per run,
all tables at once, so the relations between them are part of what it protects against.
"""

from __future__ import annotations

from workshift.disclosure._identifiers import (
    FIRST_NAMES,
    SURNAMES,
    identifier_columns,
    name_like_values,
    strip_identifiers,
)
from workshift.disclosure._log import REASONS, suppression_log
from workshift.disclosure._policy import DisclosurePolicy
from workshift.disclosure._protect import Protected, protect
from workshift.disclosure._tables import LinearSystem, Relation, Table, linear_system

__all__ = [
    "FIRST_NAMES",
    "REASONS",
    "SURNAMES",
    "DisclosurePolicy",
    "LinearSystem",
    "Protected",
    "Relation",
    "Table",
    "identifier_columns",
    "linear_system",
    "name_like_values",
    "protect",
    "strip_identifiers",
    "suppression_log",
]
