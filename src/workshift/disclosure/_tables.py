"""Published count tables and the linear system an attacker knows about them.

A :class:`Table` is one aggregate a run publishes: one row per cell, its dimension
columns, a column of **people** (distinct persons in the cell) and the value columns
published with the cell. :func:`linear_system` turns all tables of a run into one set of
variables and the linear relations an attacker knows between them:

- tables of the same *universe* count the same people, so the same group in two tables
  is one number (one variable);
- on the *exclusive* dimensions (each person has one department, one location, one
  role) every table is a sum of latent **atoms**, the finest groups: every combination
  of values whose projection onto each exclusive table is a cell it lists. So margins,
  hierarchies (department within location), totals nobody publishes (a latent total)
  and whatever follows from several tables *jointly* are all known to the attacker;
- on a **multi-valued** dimension (a person does several task groups) cells do not add
  up to their group: a latent family ``c(e, m)`` (people of exclusive group ``e`` with
  value ``m``) is bounded by the group, ``0 <= c(e, m) <= people(e)``, each table on
  that dimension is a sum of the family, and the family adds up to at least the group
  when the data show that everyone in it appears in some cell;
- a table lists every non-empty cell; a cell it does not list is known to be 0.

Every relation is checked on the data; one that does not hold is a wiring error (wrong
universe, a table that is not complete) and raises :class:`ReportDataError`.

Examples
--------
>>> import pandas as pd
>>> from workshift.disclosure import Table, linear_system
>>> cells = pd.DataFrame({"department": ["A", "A", "B"], "location": ["X", "Y", "X"],
...                       "people": [3, 9, 7]})
>>> depts = pd.DataFrame({"department": ["A", "B"], "people": [12, 7]})
>>> system = linear_system([Table("dl", cells, dims=["department", "location"]),
...                         Table("d", depts, dims=["department"])])
>>> system.n_cells, system.n_latent, system.a_eq.shape[0]  # the cells are the atoms; 3 sums
(5, 1, 3)
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from workshift.exceptions import ReportDataError

__all__ = ["LinearSystem", "Relation", "Table", "linear_system", "margin_groups"]

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
        if self.dims and self.frame[list(self.dims)].isna().any().any():
            raise ReportDataError(
                f"table {self.name!r} has a cell with a missing dimension value; label it "
                "(e.g. 'unknown') before publishing"
            )
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
    """The largest table total: how far the suppression model lets a hidden count rise."""
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
                raise ReportDataError(
                    f"the tables do not satisfy {what}: do they count the same people "
                    "(universe), list every non-empty cell, and is every dimension on which "
                    "a person can have several values in multi_valued?"
                )
        (self.eq if sense == "==" else self.ub).append((terms, rhs))


def _canonical(dims: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(dims))


MAX_ATOMS = 500_000
"""The most cross-classified groups (atoms) one universe may have; beyond, the tables
cross too many dimensions to be protected together and the caller must publish fewer."""


def _frame(keys: Iterable[Key], dims: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(list(keys), columns=list(dims)) if dims else pd.DataFrame(index=[0])


def _join(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Natural join: the combinations whose every projection is listed."""
    out = pd.DataFrame(index=[0])
    for frame in frames:
        common = [c for c in frame.columns if c in out.columns]
        out = out.merge(frame, on=common, how="inner") if common else out.merge(frame, how="cross")
        out = out.drop_duplicates()
        if len(out) > MAX_ATOMS:
            raise ReportDataError(
                f"the tables cross into more than {MAX_ATOMS:,} groups; publish fewer "
                "crossed tables in one run"
            )
    return out.reset_index(drop=True)


def _sum_rows(
    build: _Builder,
    parents: dict[Key, int],
    parent_dims: tuple[str, ...],
    children: dict[Key, int],
    child_dims: tuple[str, ...],
    what: str,
) -> None:
    """``parent = sum of the children that project onto it``, for every parent."""
    pos = [child_dims.index(d) for d in parent_dims]
    parts: dict[Key, list[int]] = {}
    for key, var in children.items():
        parts.setdefault(tuple(key[i] for i in pos), []).append(var)
    for key, parent in parents.items():
        terms = {parent: 1.0} | dict.fromkeys(parts.get(key, []), -1.0)
        build.add(terms, "==", 0.0, f"{what} at {key}")


def _relate(
    build: _Builder,
    universe: str,
    groups: dict[frozenset[str], dict[Key, int]],
    multi: set[str],
) -> float:
    """Add the relations of one universe; return its largest table total.

    Exclusive dimensions (each person has one value) are modelled exactly: the *atoms*
    are the finest groups (every combination of exclusive values whose every projection
    a table lists), latent, and every exclusive cell is the sum of its atoms. So all
    that follows from the tables jointly (not only pairwise) is known to the attacker.
    For each set ``M`` of multi-valued dimensions, a latent *family* ``c(e, m)`` counts
    the people of exclusive group ``e`` (at the finest exclusive level the tables on
    ``M`` show) with values ``m``: ``0 <= c(e, m) <= people(e)``, each table on ``M`` is
    a sum of family members, and ``sum_m c(e, m) >= people(e)`` when the data show that
    everyone has some value (then an attacker may know it).
    """
    label = f"({universe})"
    exclusive = {d: m for d, m in groups.items() if not d & multi}
    excl_dims = sorted(set().union(*(d - multi for d in groups)))
    # Atoms: the natural join of the exclusive tables' keys; dimensions that only
    # multi-valued tables show add their values crosswise.
    frames = [_frame(keys, _canonical(d)) for d, keys in exclusive.items() if d]
    shown = set().union(*exclusive) if exclusive else set()
    for d in excl_dims:
        if d not in shown:
            values = {
                key[_canonical(g).index(d)] for g, keys in groups.items() if d in g for key in keys
            }
            frames.append(pd.DataFrame({d: sorted(values, key=str)}))
    atom_dims = tuple(excl_dims)
    atoms_frame = _join(frames)
    atom_keys = [tuple(r) for r in atoms_frame[list(atom_dims)].itertuples(index=False)]
    if not atom_dims:
        atom_keys = [()]
    atoms = {k: build.var(universe, frozenset(atom_dims), k, np.nan, label) for k in atom_keys}
    # Exclusive nodes: the tables', every exclusive part of a multi-valued table, the
    # total; each the sum of its atoms.
    needed: set[frozenset[str]] = set(exclusive) | {d - multi for d in groups} | {frozenset()}
    multisets = {d & multi for d in groups if d & multi}
    family_excl = {
        m: frozenset().union(*(d - multi for d in groups if d & multi == m)) for m in multisets
    }
    needed |= set(family_excl.values())
    nodes: dict[frozenset[str], dict[Key, int]] = {}
    for dims in sorted(needed, key=lambda d: -len(d)):
        canon = _canonical(dims)
        if dims in groups:
            nodes[dims] = groups[dims]
        elif dims == frozenset(atom_dims):
            nodes[dims] = atoms
        else:
            pos = [atom_dims.index(d) for d in canon]
            known = _known_sums(build, exclusive, dims)
            subs = dict.fromkeys(tuple(k[i] for i in pos) for k in atom_keys)
            nodes[dims] = {
                k: build.var(universe, dims, k, known.get(k, np.nan), f"{label} {canon}")
                for k in subs
            }
        if dims != frozenset(atom_dims):
            _sum_rows(build, nodes[dims], canon, atoms, atom_dims, f"the sum {canon} ({universe})")
    for m_dims in sorted(multisets, key=sorted):
        e_dims = family_excl[m_dims]
        fam_dims = _canonical(e_dims | m_dims)
        members = {d: keys for d, keys in groups.items() if d & multi == m_dims}
        fam_frames = [_frame(keys, _canonical(d)) for d, keys in members.items()]
        fam_frames.append(_frame(nodes[e_dims], _canonical(e_dims)))
        joined = _join(fam_frames)
        fam_keys = [tuple(r) for r in joined[list(fam_dims)].itertuples(index=False)]
        family = {
            k: build.var(universe, e_dims | m_dims, k, np.nan, f"{label} {fam_dims}")
            if (e_dims | m_dims) not in groups
            else groups[e_dims | m_dims][k]
            for k in fam_keys
        }
        for dims, keys in members.items():
            if dims != e_dims | m_dims:
                _sum_rows(build, keys, _canonical(dims), family, fam_dims, f"the sum {dims}")
        e_canon = _canonical(e_dims)
        pos = [fam_dims.index(d) for d in e_canon]
        by_parent: dict[Key, list[int]] = {}
        for key, var in family.items():
            by_parent.setdefault(tuple(key[i] for i in pos), []).append(var)
        covered = _covered(build, members, nodes, multi)
        for key, parent in nodes[e_dims].items():
            children = by_parent.get(key, [])
            for child in children:  # a part split by a multi-valued dimension <= its group
                build.add({child: 1.0, parent: -1.0}, "<=", 0.0, f"{fam_dims} <= {e_canon}")
            if covered:
                terms = {parent: 1.0} | dict.fromkeys(children, -1.0)
                build.add(terms, "<=", 0.0, f"everyone in {e_canon} has some {sorted(m_dims)}")
    # Every count of the universe (latent ones too) is at most the largest table total.
    totals = [sum(build.value[v] for v in keys.values()) for keys in groups.values()]
    return max([0.0, *totals])


def _known_sums(
    build: _Builder, exclusive: dict[frozenset[str], dict[Key, int]], dims: frozenset[str]
) -> dict[Key, float]:
    """True values of a latent exclusive node, from a finer exclusive table."""
    for finer, keys in exclusive.items():
        if dims <= finer:
            canon_f = _canonical(finer)
            pos = [canon_f.index(d) for d in _canonical(dims)]
            sums: dict[Key, float] = {}
            for key, var in keys.items():
                sub = tuple(key[i] for i in pos)
                sums[sub] = sums.get(sub, 0.0) + build.value[var]
            return sums
    return {}


def _covered(
    build: _Builder,
    members: dict[frozenset[str], dict[Key, int]],
    nodes: dict[frozenset[str], dict[Key, int]],
    multi: set[str],
) -> bool:
    """Every multi-valued table's cells add up to at least their exclusive group, where
    that group's size is known (so the data are consistent with "everyone has one")."""
    checked = False
    for dims, keys in members.items():
        e_dims = dims - multi
        canon, e_canon = _canonical(dims), _canonical(e_dims)
        pos = [canon.index(d) for d in e_canon]
        sums: dict[Key, float] = {}
        for key, var in keys.items():
            sub = tuple(key[i] for i in pos)
            sums[sub] = sums.get(sub, 0.0) + build.value[var]
        for key, var in nodes[e_dims].items():
            size = build.value[var]
            if np.isnan(size):
                continue
            checked = True
            if sums.get(key, 0.0) < size - _TOL:
                return False
    return checked


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
    bound = 0.0
    for universe, universe_groups in by_universe.items():
        bound = max(bound, _relate(build, universe, universe_groups, multi))
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
        cells=pd.DataFrame(rows, columns=["table", "row", "var"]).astype({"row": int, "var": int}),
    )


def margin_groups(
    tables: Sequence[Table], system: LinearSystem, *, multi_valued: Collection[str] = ()
) -> list[list[int]]:
    """The table-level sums a spreadsheet rule looks at: ``[parent, *children]`` per cell
    of a table whose dimensions another table of its universe refines (by exclusive
    dimensions only). Used by the naive baseline, which sees no atoms.
    """
    multi = set(multi_valued)
    var = {
        name: frame.sort_values("row")["var"].to_numpy()
        for name, frame in system.cells.groupby("table")
    }
    out = []
    for coarse in tables:
        for finer in tables:
            extra = set(finer.dims) - set(coarse.dims)
            if (
                coarse.universe != finer.universe
                or not set(coarse.dims) < set(finer.dims)
                or extra & multi
            ):
                continue
            parents = dict(zip(_keys(coarse.frame, coarse.dims), var[coarse.name], strict=True))
            pos = [finer.dims.index(d) for d in coarse.dims]
            children: dict[Key, list[int]] = {}
            for key, v in zip(_keys(finer.frame, finer.dims), var[finer.name], strict=True):
                children.setdefault(tuple(key[i] for i in pos), []).append(int(v))
            out += [[int(p), *children.get(k, [])] for k, p in parents.items()]
    return out
