"""Training plans: the cheapest modules of a course catalogue that close a skill gap.

A module *covers* a gap skill when it teaches that skill at least to the gap's
``to_level``. :func:`training_plan` picks the cheapest set of modules (ties: fewest hours)
that covers every gap skill some module can cover: a weighted set cover, solved exactly
(the textbook reductions, then small parts by enumeration and larger ones with HiGHS
through ``scipy.optimize.milp``). Gap skills no module covers are listed, with the
highest level the catalogue does teach, never dropped. :func:`training_plans` plans many
(origin, target) pairs at once, solving each distinct gap once.

Examples
--------
>>> import pandas as pd
>>> courses = Courses.from_records([
...     {"module_id": "py", "title": "Python", "skills": "Programming=3; python=3",
...      "hours": 40, "cost": 900, "format": "e-learning", "language": "en"},
...     {"module_id": "sql", "title": "SQL", "skills": "sql=3",
...      "hours": 16, "cost": 400, "format": "e-learning", "language": "en"},
...     {"module_id": "ds", "title": "Data science bootcamp",
...      "skills": "Programming=4; python=4; sql=3; Mathematics=4",
...      "hours": 240, "cost": 6000, "format": "bootcamp", "language": "en"},
... ])
>>> gaps = pd.DataFrame({"skill_id": ["onet:2.B.3.e", "tech:structured query language sql",
...                                   "onet:2.B.1.e"],
...                      "from_level": [1.0, 0.0, 2.0], "to_level": [3.0, 2.5, 4.0]})
>>> plan = training_plan(gaps, courses)
>>> plan.module_ids, plan.hours, plan.cost, plan.uncovered
(('py', 'sql'), 56.0, 1300.0, ('onet:2.B.1.e',))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workshift.exceptions import WorkshiftError
from workshift.reskilling._courses import Courses

__all__ = ["PLAN_COLUMNS", "TrainingPlan", "training_plan", "training_plans"]

PLAN_COLUMNS = [
    "n_gap_skills",
    "module_ids",
    "n_modules",
    "hours",
    "cost",
    "uncovered",
    "covers_all",
]
_EPS = 1e-9
_ENUMERATE_UP_TO = 12
"""A part of a set cover with at most this many modules is solved by listing every subset
(4,096 at most, a fraction of a millisecond); larger parts go to HiGHS."""


@dataclass(frozen=True)
class TrainingPlan:
    """The cheapest modules that close a gap, and what no module closes.

    Attributes
    ----------
    modules
        The chosen modules in catalogue order: ``module_id, title, hours, cost, format,
        language`` and ``covers`` (the gap skills it covers, ``"; "``-separated).
    gaps
        The gap, one row per skill: ``skill_id, from_level, to_level``, ``status``
        (``covered``, ``uncovered``, or ``met`` when ``to_level <= from_level``),
        ``covered_by`` (the chosen module that covers it, the cheapest if several) and
        ``best_level`` (the highest level the allowed modules teach, 0 for none).
    hours, cost
        Totals of the chosen modules.
    uncovered
        The gap skills no allowed module teaches to ``to_level``.
    """

    modules: pd.DataFrame
    gaps: pd.DataFrame
    hours: float
    cost: float
    uncovered: tuple[str, ...]

    @property
    def module_ids(self) -> tuple[str, ...]:
        """The chosen modules' ids."""
        return tuple(self.modules["module_id"])


_GAP_COLUMNS = ["skill_id", "from_level", "to_level"]


def _gap_frame(gaps: pd.DataFrame | Iterable[Sequence[Any]]) -> pd.DataFrame:
    if isinstance(gaps, pd.DataFrame):
        missing = [c for c in _GAP_COLUMNS if c not in gaps.columns]
        if missing:
            raise ValueError(f"gaps need the columns {_GAP_COLUMNS}; missing {missing}")
        frame = gaps[_GAP_COLUMNS].copy()
    else:
        frame = pd.DataFrame([tuple(g)[:3] for g in gaps], columns=_GAP_COLUMNS)
    frame["skill_id"] = frame["skill_id"].astype(str)
    frame["from_level"] = frame["from_level"].astype(float)
    frame["to_level"] = frame["to_level"].astype(float)
    if frame["skill_id"].is_unique:
        return frame.reset_index(drop=True)
    # One row per skill: the highest level asked for, from the lowest level held.
    return (
        frame.groupby("skill_id", sort=False)
        .agg(from_level=("from_level", "min"), to_level=("to_level", "max"))
        .reset_index()
    )


def _languages(languages: Iterable[str] | str | None, courses: Courses) -> tuple[str, ...] | None:
    """Normalised language codes; None when they include every language of the catalogue
    (so plans with and without the filter share their cache entries)."""
    if languages is None:
        return None
    if isinstance(languages, str):
        languages = [languages]
    chosen = {lang.strip().lower() for lang in languages}
    if chosen >= set(courses.modules["language"]):
        return None
    return tuple(sorted(chosen))


def _thresholds(
    courses: Courses, skill_ids: np.ndarray, to_level: np.ndarray, allowed: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per gap row: the lowest level an allowed module teaches that reaches ``to_level``
    (inf when none does) and the highest level any allowed module teaches (0 for none).

    Two gaps with the same skill and threshold are covered by exactly the same modules,
    so the threshold, not ``to_level``, is what a plan depends on.
    """
    threshold = np.full(len(skill_ids), np.inf)
    best = np.zeros(len(skill_ids))
    levels = courses.levels[allowed]
    column = courses.skill_index
    codes, uniques = pd.factorize(pd.Series(skill_ids, dtype=object))
    order = np.argsort(codes, kind="stable")
    starts = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    for k, skill_id in enumerate(uniques):
        rows = order[starts[k] : starts[k + 1]]
        j = column.get(str(skill_id))
        if j is None:
            continue
        taught = np.unique(levels[:, j][levels[:, j] > 0])
        if not len(taught):
            continue
        best[rows] = taught[-1]
        position = np.searchsorted(taught, to_level[rows] - _EPS)
        found = position < len(taught)
        threshold[rows[found]] = taught[position[found]]
    return threshold, best


def _solve(
    courses: Courses, need: tuple[tuple[str, float], ...], languages: tuple[str, ...] | None
) -> tuple[int, ...]:
    """The module rows of the cheapest cover of ``need`` ((skill, threshold) pairs), cached
    on the catalogue."""
    key = (need, languages)
    cached = courses._solutions.get(key)
    if cached is not None:
        return cached
    allowed = courses.allowed(languages)
    columns = [courses.skill_index[s] for s, _ in need]
    thresholds = np.array([t for _, t in need])
    covers = (courses.levels[:, columns] >= thresholds - _EPS) & allowed[:, None]
    candidates = np.flatnonzero(covers.any(axis=1))
    picked = _cheapest_cover(
        covers[candidates].T,
        np.round(courses.arrays[1][candidates] * 100),
        np.round(courses.arrays[2][candidates] * 100),
    )
    chosen = tuple(sorted(int(candidates[k]) for k in picked))
    courses._solutions[key] = chosen
    return chosen


def _cheapest_cover(covers: np.ndarray, cents: np.ndarray, centihours: np.ndarray) -> list[int]:
    """Exact weighted set cover of every row of ``covers`` (gap skills x modules): least
    cost, then least hours.

    The textbook reductions first, until none applies: a skill only one module teaches
    forces that module; a skill whose modules all teach another skill too makes that
    other skill follow; a module another one dominates (covers at least as much, costs and
    takes no more) is dropped. What is left splits into parts that share no module: a part
    with a dozen modules or fewer is solved by enumeration, a larger one by HiGHS as one
    MILP whose objective ``cents * (total centihours + 1) + centihours`` ranks by cost,
    then hours (integers throughout, ``mip_rel_gap=0``). Every step is exact.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    rows = np.arange(covers.shape[0])
    cols = np.flatnonzero(covers.any(axis=0))
    picked: list[int] = []
    while len(rows):
        sub = covers[np.ix_(rows, cols)]
        single = sub.sum(axis=1) == 1
        if single.any():
            forced = np.unique(np.argmax(sub[single], axis=1))
            picked.extend(int(c) for c in cols[forced])
            rows = rows[~sub[:, forced].any(axis=1)]
            cols = np.delete(cols, forced)
            cols = cols[covers[np.ix_(rows, cols)].any(axis=0)]
            continue
        keep_cols = ~_dominated(sub.T, cents[cols], centihours[cols])
        keep_rows = ~_dominated(~sub, np.zeros(len(rows)), np.zeros(len(rows)))
        if keep_cols.all() and keep_rows.all():
            break
        cols, rows = cols[keep_cols], rows[keep_rows]
    if not len(rows):
        return picked
    sub = covers[np.ix_(rows, cols)]
    # Skills and modules as one bipartite graph; each connected part is its own problem.
    n_rows, n_cols = sub.shape
    graph = csr_matrix(
        np.block(
            [
                [np.zeros((n_rows, n_rows)), sub.astype(float)],
                [sub.T.astype(float), np.zeros((n_cols, n_cols))],
            ]
        )
    )
    _, label = connected_components(graph, directed=False)
    for part in np.unique(label[:n_rows]):
        part_rows = np.flatnonzero(label[:n_rows] == part)
        part_cols = np.flatnonzero(sub[part_rows].any(axis=0))
        solver = _enumerate_cover if len(part_cols) <= _ENUMERATE_UP_TO else _milp_cover
        chosen = solver(
            sub[np.ix_(part_rows, part_cols)],
            cents[cols[part_cols]],
            centihours[cols[part_cols]],
        )
        picked.extend(int(cols[part_cols[c]]) for c in chosen)
    return picked


def _dominated(sets: np.ndarray, cost: np.ndarray, time: np.ndarray) -> np.ndarray:
    """Which rows of ``sets`` (items x elements, boolean) another row dominates: it holds
    every element the row holds, costs and takes no more, and is better in one of these
    (or is the same, listed earlier). A strict order, so dropping every dominated row
    keeps a dominating one for each.

    For modules the rows are their covered skills; for skills (passed as the modules they
    lack, at no cost) a skill is dominated when another skill's modules all teach it too,
    so covering that other skill covers it.
    """
    has = sets.astype(np.int64)
    lacks = 1 - has
    superset = (lacks @ has.T) == 0  # [k, j]: j holds nothing that k lacks
    more = (has @ lacks.T) > 0  # [k, j]: k holds something j lacks
    no_worse = (cost[:, None] <= cost[None, :]) & (time[:, None] <= time[None, :])
    better = more | (cost[:, None] < cost[None, :]) | (time[:, None] < time[None, :])
    earlier = np.arange(len(sets))[:, None] < np.arange(len(sets))[None, :]
    dominates = superset & no_worse & (better | earlier)
    return np.asarray(dominates.any(axis=0), dtype=bool)


def _enumerate_cover(covers: np.ndarray, cents: np.ndarray, centihours: np.ndarray) -> list[int]:
    """Every subset of a few modules at once (bit j of a subset's index is module j)."""
    covered = np.zeros((1, covers.shape[0]), dtype=bool)
    cost = np.zeros(1)
    hours = np.zeros(1)
    for j in range(covers.shape[1]):
        covered = np.vstack([covered, covered | covers[:, j]])
        cost = np.concatenate([cost, cost + cents[j]])
        hours = np.concatenate([hours, hours + centihours[j]])
    feasible = np.asarray(covered.all(axis=1), dtype=bool)
    order = np.lexsort((hours, cost))
    best = int(order[feasible[order]][0])
    return [j for j in range(covers.shape[1]) if best >> j & 1]


def _milp_cover(covers: np.ndarray, cents: np.ndarray, centihours: np.ndarray) -> list[int]:
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = covers.shape[1]
    weight = cents * (centihours.sum() + 1) + centihours
    result = milp(
        weight,
        constraints=[LinearConstraint(covers.astype(float), lb=1, ub=np.inf)],
        integrality=np.ones(n),
        bounds=Bounds(0, 1),
        options={"mip_rel_gap": 0.0},
    )
    if result.x is None:
        raise WorkshiftError(f"the training-plan solver failed: {result.message}")
    return [k for k in range(n) if result.x[k] > 0.5]


def training_plan(
    gaps: pd.DataFrame | Iterable[Sequence[Any]],
    courses: Courses,
    *,
    languages: Iterable[str] | str | None = None,
) -> TrainingPlan:
    """The cheapest set of modules that teaches every gap skill to its ``to_level``.

    Parameters
    ----------
    gaps
        Rows ``(skill_id, from_level, to_level)``: a DataFrame with these columns (others
        are ignored) or an iterable of triples. A skill listed twice counts once, at its
        highest ``to_level``.
    courses
        The catalogue (:func:`read_courses`).
    languages
        Use only modules in these languages (``"de"`` or ``["de", "en"]``); default all.

    Returns
    -------
    TrainingPlan
        Least total cost; among equally cheap plans, fewest hours. Gap skills that no
        allowed module teaches far enough are in ``uncovered`` and do not stop the others
        from being planned.
    """
    frame = _gap_frame(gaps)
    langs = _languages(languages, courses)
    allowed = courses.allowed(langs)
    skill_ids = frame["skill_id"].to_numpy(dtype=object)
    to_level = frame["to_level"].to_numpy(dtype=float)
    met = to_level <= frame["from_level"].to_numpy(dtype=float) + _EPS
    threshold, best = _thresholds(courses, skill_ids, to_level, allowed)
    coverable = ~met & np.isfinite(threshold)
    need = tuple(
        sorted(
            {
                (str(s), float(t))
                for s, t in zip(skill_ids[coverable], threshold[coverable], strict=True)
            }
        )
    )
    chosen = _solve(courses, need, langs)
    modules = courses.modules.iloc[list(chosen)]
    # Which chosen module covers which gap skill (the cheapest one, then fewest hours).
    covered_by = [""] * len(frame)
    covers: dict[str, list[str]] = {m: [] for m in modules["module_id"]}
    ranked = sorted(chosen, key=lambda i: (courses.arrays[1][i], courses.arrays[2][i], i))
    for g in np.flatnonzero(coverable):
        j = courses.skill_index[str(skill_ids[g])]
        for i in ranked:
            if courses.levels[i, j] >= threshold[g] - _EPS:
                module_id = str(courses.arrays[0][i])
                covered_by[g] = module_id
                covers[module_id].append(str(skill_ids[g]))
                break
    status = np.where(met, "met", np.where(coverable, "covered", "uncovered"))
    gap_table = frame.assign(status=status, covered_by=covered_by, best_level=best)
    chosen_table = modules[["module_id", "title", "hours", "cost", "format", "language"]].assign(
        covers=["; ".join(covers[m]) for m in modules["module_id"]]
    )
    return TrainingPlan(
        modules=chosen_table.reset_index(drop=True),
        gaps=gap_table,
        hours=float(modules["hours"].sum()),
        cost=float(modules["cost"].sum()),
        uncovered=tuple(str(s) for s in frame["skill_id"][status == "uncovered"]),
    )


def training_plans(
    gaps: pd.DataFrame,
    courses: Courses,
    *,
    by: Sequence[str] | str = ("origin_code", "target_code"),
    languages: Iterable[str] | str | None = None,
) -> pd.DataFrame:
    """Training plans for many gaps at once, e.g. every (origin, target) pair.

    Parameters
    ----------
    gaps
        Long form: the ``by`` columns, then ``skill_id``, ``from_level``, ``to_level``,
        one row per gap skill of each group.
    courses
        The catalogue.
    by
        The columns that identify one plan (a pair, or a person and a target).
    languages
        As in :func:`training_plan`, for every group.

    Returns
    -------
    DataFrame
        One row per group (in order of first appearance): the ``by`` columns and
        :data:`PLAN_COLUMNS` (``module_ids`` and ``uncovered`` ``"; "``-separated). Groups
        whose gaps need the same modules share one solve: each gap is reduced to the
        thresholds the catalogue distinguishes, so thousands of pairs cost a few dozen
        solves. Groups with no gap rows are not in ``gaps`` and so not in the result.
    """
    keys = [by] if isinstance(by, str) else list(by)
    langs = _languages(languages, courses)
    allowed = courses.allowed(langs)
    frame = gaps[[*keys, "skill_id", "from_level", "to_level"]].astype(
        {"skill_id": str, "from_level": float, "to_level": float}
    )
    # As in training_plan: a skill listed twice in a group counts once, at its highest level.
    frame = (
        frame.groupby([*keys, "skill_id"], sort=False, dropna=False)
        .agg(from_level=("from_level", "min"), to_level=("to_level", "max"))
        .reset_index()
    )
    skill_ids = frame["skill_id"].astype(str).to_numpy(dtype=object)
    to_level = frame["to_level"].to_numpy(dtype=float)
    met = to_level <= frame["from_level"].to_numpy(dtype=float) + _EPS
    threshold, _ = _thresholds(courses, skill_ids, to_level, allowed)
    coverable = ~met & np.isfinite(threshold)
    group = frame.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    n_groups = int(group.max()) + 1 if len(group) else 0
    need: list[list[tuple[str, float]]] = [[] for _ in range(n_groups)]
    missing: list[list[str]] = [[] for _ in range(n_groups)]
    for member, skill_id, level, ok, done in zip(
        group, skill_ids, threshold, coverable, met, strict=True
    ):
        if ok:
            need[member].append((skill_id, float(level)))
        elif not done:
            missing[member].append(skill_id)
    n_skills = np.bincount(group, minlength=n_groups)
    module_ids, cost, hours = courses.arrays
    # Many groups share a need: describe each solution once.
    described: dict[tuple[tuple[str, float], ...], tuple[str, int, float, float]] = {}
    records = []
    for g in range(n_groups):
        signature = tuple(sorted(need[g]))
        plan = described.get(signature)
        if plan is None:
            chosen = list(_solve(courses, signature, langs))
            plan = (
                "; ".join(module_ids[chosen]),
                len(chosen),
                float(hours[chosen].sum()),
                float(cost[chosen].sum()),
            )
            described[signature] = plan
        uncovered = "; ".join(sorted(missing[g]))
        records.append((int(n_skills[g]), *plan, uncovered, not uncovered))
    firsts = frame.drop_duplicates(keys)[keys].reset_index(drop=True)  # ngroup order
    return pd.concat([firsts, pd.DataFrame(records, columns=PLAN_COLUMNS)], axis=1)
