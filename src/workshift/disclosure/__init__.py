"""Disclosure control: minimum group size, complementary suppression, audit (issue 14)."""

from __future__ import annotations

from workshift.disclosure._policy import DisclosurePolicy
from workshift.disclosure._tables import LinearSystem, Relation, Table, linear_system

__all__ = ["DisclosurePolicy", "LinearSystem", "Relation", "Table", "linear_system"]
