"""Published count tables and the linear system an attacker knows about them.

A :class:`Table` is one aggregate a run publishes: one row per cell, its dimension
columns, a column of **people** (distinct persons in the cell) and the value columns
published with the cell. :func:`linear_system` turns all tables of a run into one set of
cells and the linear relations between them:

- tables of the same *universe* count the same people, so the same group in two tables
  is one number (one variable), and a table whose dimensions include another's adds up
  to it: ``department`` people = sum over locations of ``department x location``;
- a grand total or a margin nobody publishes is still a number an attacker can reason
  about: it is a *latent* variable (every intersection of two tables' dimensions, and
  the empty one, the universe's total), tied to the tables by the same sums;
- a **multi-valued** dimension (a person does several task groups) does not add up:
  every cell is at most its parent (``department x task group <= department``), and the
  cells of a parent add up to at least the parent when the data show that everyone in
  it appears in some cell (that is then a true fact an attacker may know);
- a table lists every non-empty cell; a cell it does not list is known to be 0.

Every relation is checked on the data; a relation that does not hold is a wiring error
(wrong universe, a table that is not complete) and raises :class:`ReportDataError`.

Examples
--------
>>> import pandas as pd
>>> from workshift.disclosure import Table, linear_system
>>> cells = pd.DataFrame({"department": ["A", "A", "B"], "location": ["X", "Y", "X"],
...                       "people": [3, 9, 7]})
>>> depts = pd.DataFrame({"department": ["A", "B"], "people": [12, 7]})
>>> system = linear_system([Table("dl", cells, dims=["department", "location"]),
...                         Table("d", depts, dims=["department"])])
>>> system.n_cells, system.n_latent, system.a_eq.shape[0]  # 4 sums: 2 departments, 2 totals
(5, 1, 4)
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from workshift.exceptions import ReportDataError

__all__ = ["LinearSystem", "Relation", "Table", "linear_system"]

Key = tuple[Hashable, ...]
_TOL = 1e-6


@dataclass(frozen=True)
class Table:
    """One published aggregate: a row per cell, keyed by its dimension columns.

    Parameters
    ----------
    name : str
        Unique within a run (the log and the protected frames use it).
    frame : DataFrame
        One row per cell, every non-empty cell listed (a missing cell is known to be 0).
    dims : sequence of str
        The dimension columns; ``[]`` for a one-row grand total.
    people : str, default "people"
        The column of distinct people in the cell, the count the minimum group size
        applies to.
    values : sequence of str, default ()
        Columns published with the cell (mean beta, FTE, cost): suppressed with it.
    universe : str, default "workforce"
        The set of people the table counts. Tables of one universe are tied together
        (same group, same number; parts add up to wholes); tables of different universes
        (the workforce, the people a reskilling plan moves) only through explicit
        :class:`Relation` objects.
    """

    name: str
    frame: pd.DataFrame
    dims: Sequence[str] = ()
    people: str = "people"
    values: Sequence[str] = ()
    universe: str = "workforce"

    def __post_init__(self) -> None:
        object.__setattr__(self, "dims", tuple(self.dims))
        object.__setattr__(self, "values", tuple(self.values))
        missing = [c for c in (*self.dims, self.people, *self.values) if c not in self.frame]
        if missing:
            raise ReportDataError(f"table {self.name!r} lacks the column(s) {missing}")
        if len(set(self.dims)) != len(self.dims):
            raise ReportDataError(f"table {self.name!r} names a dimension twice")
        if self.frame.duplicated(list(self.dims)).any() if self.dims else len(self.frame) > 1:
            raise ReportDataError(f"table {self.name!r} has more than one row for a cell")
        people = pd.to_numeric(self.frame[self.people], errors="coerce")
        if people.isna().any() or (people < 0).any():
            raise ReportDataError(
                f"table {self.name!r}: {self.people!r} must be a count of people >= 0"
            )


@dataclass(frozen=True)
class Relation:
    """A linear relation between cells that an attacker knows besides the automatic ones.

    ``sum(coefficient * people of cell) <sense> rhs`` where each term names a table, the
    cell's key (its dimension values in the table's ``dims`` order) and a coefficient.
    Use it to tie tables of different universes: the people a plan moves out of a
    department are at most the department's people.

    Examples
    --------
    >>> Relation([("moves", ("A",), 1.0), ("departments", ("A",), -1.0)], "<=")
    Relation(terms=[('moves', ('A',), 1.0), ('departments', ('A',), -1.0)], sense='<=', rhs=0.0)
    """

    terms: Sequence[tuple[str, Key, float]]
    sense: Literal["==", "<=", ">="] = "=="
    rhs: float = 0.0


@dataclass
class LinearSystem:
    """Cells (variables) and the linear relations between them.

    Variables ``0 .. n_cells - 1`` are published cells (one per distinct group; a group
    that two tables show is one variable), the rest latent (unpublished) totals.
    ``a_eq @ y == b_eq`` and ``a_ub @ y <= b_ub`` hold for the true values ``value``.
    """

    value: np.ndarray
    label: list[tuple[str, Key]]
    n_cells: int
    a_eq: sp.csr_matrix
    b_eq: np.ndarray
    a_ub: sp.csr_matrix
    b_ub: np.ndarray
    bound: float
    cells: pd.DataFrame = field(repr=False)
    """One row per table row: ``table``, ``row`` (frame position), ``var``."""

    @property
    def n_latent(self) -> int:
        """The number of latent (unpublished) totals."""
        return len(self.value) - self.n_cells


def _keys(frame: pd.DataFrame, dims: Sequence[str]) -> list[Key]:
    if not dims:
        return [()] * len(frame)
    return [tuple(row) for row in frame[list(dims)].itertuples(index=False, name=None)]


class _Builder:
    def __init__(self) -> None:
        self.index: dict[tuple[str, frozenset[str], Key], int] = {}
        self.value: list[float] = []
        self.label: list[tuple[str, Key]] = []
        self.eq: list[tuple[dict[int, float], float]] = []
        self.ub: list[tuple[dict[int, float], float]] = []

    def var(self, universe: str, dims: frozenset[str], key: Key, value: float, text: str) -> int:
        slot = (universe, dims, key)
        if slot in self.index:
            return self.index[slot]
        self.index[slot] = len(self.value)
        self.value.append(value)
        self.label.append((text, key))
        return self.index[slot]

    def add(self, terms: dict[int, float], sense: str, rhs: float, what: str) -> None:
        values = np.array([self.value[v] for v in terms])
        coefs = np.array(list(terms.values()))
        lhs = float(coefs @ values) if not np.isnan(values).any() else None
        if sense == ">=":
            terms, rhs, sense = {v: -c for v, c in terms.items()}, -rhs, "<="
            lhs = None if lhs is None else -lhs
        if lhs is not None:
            broken = abs(lhs - rhs) > _TOL if sense == "==" else lhs > rhs + _TOL
            if broken:
                raise ReportDataError(f"the tables do not satisfy {what}")
        (self.eq if sense == "==" else self.ub).append((terms, rhs))


def _canonical(dims: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(dims))


def linear_system(
    tables: Sequence[Table],
    *,
    multi_valued: Collection[str] = (),
    relations: Sequence[Relation] = (),
) -> LinearSystem:
    """Every cell of a run's tables and every linear relation between them.

    Parameters
    ----------
    tables : sequence of Table
        All tables of one run (names unique).
    multi_valued : collection of str
        Dimensions on which a person can have several values (task groups): cells split
        by them are bounded by their parent instead of adding up to it.
    relations : sequence of Relation
        Further relations an attacker knows (checked on the data).

    Returns
    -------
    LinearSystem
    """
    names = [t.name for t in tables]
    if len(set(names)) != len(names):
        raise ReportDataError(f"table names must be unique within a run: {names}")
    multi = set(multi_valued)
    build = _Builder()
    rows: list[tuple[str, int, int]] = []
    # Published cells first: one variable per (universe, dimensions, key).
    by_universe: dict[str, dict[frozenset[str], dict[Key, int]]] = {}
    for table in tables:
        dims = frozenset(table.dims)
        order = [table.dims.index(d) for d in _canonical(dims)]
        people = pd.to_numeric(table.frame[table.people]).to_numpy(dtype=float)
        groups = by_universe.setdefault(table.universe, {}).setdefault(dims, {})
        for position, (key, value) in enumerate(
            zip(_keys(table.frame, table.dims), people, strict=True)
        ):
            canon = tuple(key[i] for i in order)
            var = build.var(table.universe, dims, canon, value, table.name)
            if abs(build.value[var] - value) > _TOL:
                raise ReportDataError(
                    f"table {table.name!r} and another table of universe "
                    f"{table.universe!r} count the group {key} differently; give them "
                    "different universes"
                )
            groups[canon] = var
            rows.append((table.name, position, var))
    n_cells = len(build.value)
    # A cell that one table of a dimension set lists and another omits is known to be 0;
    # its variable already exists (published by the table that lists it).
    bound = 0.0
    for universe, groups in by_universe.items():
        published = dict(groups)
        dimsets = set(published)
        closure = set(dimsets) | {frozenset()}
        changed = True
        while changed:
            changed = False
            for a, b in combinations(sorted(closure, key=sorted), 2):
                if (a & b) not in closure:
                    closure.add(a & b)
                    changed = True
        # Latent variables: groups of a dimension set no table shows, from the keys of
        # every finer table; their true value where a finer table adds up to them.
        for dims in sorted(closure - dimsets, key=lambda d: -len(d)):
            canon = _canonical(dims)
            keys: dict[Key, float] = {}
            for finer, members in published.items():
                if not dims < finer:
                    continue
                exact = not (finer - dims) & multi
                pos = [_canonical(finer).index(d) for d in canon]
                sums: dict[Key, float] = {}
                for key, var in members.items():
                    sub = tuple(key[i] for i in pos)
                    sums[sub] = sums.get(sub, 0.0) + build.value[var]
                for sub, total in sums.items():
                    known = keys.get(sub, np.nan)
                    keys[sub] = total if exact and np.isnan(known) else known
            groups[dims] = {
                key: build.var(universe, dims, key, val, f"({universe}: {', '.join(canon)})")
                for key, val in keys.items()
            }
            published[dims] = groups[dims]
        totals = [sum(build.value[v] for v in groups[d].values()) for d in groups if not d & multi]
        bound = max(bound, *totals, 0.0)
        # Relations between every coarser and finer dimension set.
        for coarse, finer in ((c, f) for c in groups for f in groups if c < f):
            extra = finer - coarse
            split = _canonical(coarse | (extra & multi))
            canon_f = _canonical(finer)
            pos_c = [canon_f.index(d) for d in _canonical(coarse)]
            pos_s = [canon_f.index(d) for d in split]
            parts: dict[Key, dict[Key, list[int]]] = {}
            for key, var in groups[finer].items():
                sub = tuple(key[i] for i in pos_c)
                parts.setdefault(sub, {}).setdefault(tuple(key[i] for i in pos_s), []).append(var)
            what = f"{_canonical(coarse)} vs {canon_f} ({universe})"
            for key, parent in groups[coarse].items():
                children = parts.get(key, {})
                if not extra & multi:
                    terms = {parent: 1.0} | {v: -1.0 for vs in children.values() for v in vs}
                    build.add(terms, "==", 0.0, f"the sum {what} at {key}")
                    continue
                for members in children.values():  # each split part is at most the parent
                    build.add({parent: -1.0} | dict.fromkeys(members, 1.0), "<=", 0.0, what)
                every = [v for vs in children.values() for v in vs]
                cover = sum(build.value[v] for v in every)
                if not np.isnan(build.value[parent]) and cover >= build.value[parent] - _TOL:
                    build.add({parent: 1.0} | dict.fromkeys(every, -1.0), "<=", 0.0, what)
    lookup = {
        (t.name, key): var
        for t in tables
        for key, (_, _, var) in zip(
            _keys(t.frame, t.dims), (r for r in rows if r[0] == t.name), strict=True
        )
    }
    for relation in relations:
        terms: dict[int, float] = {}
        for name, key, coef in relation.terms:
            if (name, tuple(key)) not in lookup:
                raise ReportDataError(f"a relation names the cell {key} of {name!r}: no such cell")
            var = lookup[(name, tuple(key))]
            terms[var] = terms.get(var, 0.0) + float(coef)
        build.add(terms, relation.sense, float(relation.rhs), f"the relation {relation}")
    n = len(build.value)

    def matrix(entries: list[tuple[dict[int, float], float]]) -> tuple[sp.csr_matrix, np.ndarray]:
        r = [i for i, (t, _) in enumerate(entries) for _ in t]
        c = [v for t, _ in entries for v in t]
        d = [x for t, _ in entries for x in t.values()]
        shape = (len(entries), n)
        return sp.csr_matrix((d, (r, c)), shape=shape), np.array([b for _, b in entries])

    a_eq, b_eq = matrix(build.eq)
    a_ub, b_ub = matrix(build.ub)
    return LinearSystem(
        value=np.array(build.value, dtype=float),
        label=build.label,
        n_cells=n_cells,
        a_eq=a_eq,
        b_eq=b_eq,
        a_ub=a_ub,
        b_ub=b_ub,
        bound=bound,
        cells=pd.DataFrame(rows, columns=["table", "row", "var"]),
    )
