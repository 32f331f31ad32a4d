"""Course catalogues: training modules, the skills they teach and up to which level.

A catalogue (CSV, XLSX or Parquet; or YAML/JSON with a ``modules`` list) has one module per
row: ``module_id, title, skills, hours, cost, format, language``. ``skills`` lists what the
module teaches and up to which level (0-7): ``Programming=4; python=3``, each skill named by
id, O*NET name, technology name or alias (see :func:`resolve_skill`). A module that teaches
a technology also teaches the O*NET commodity classes it belongs to, at the same level
(Python at 3 counts for "Object or component oriented development software" at 3), so
gaps stated at either granularity can be covered. Other columns are carried along.
:func:`~workshift.reskilling._training_plan.training_plan` picks the cheapest modules for
a gap.

Examples
--------
>>> courses = Courses.from_records([
...     {"module_id": "py", "title": "Python", "skills": "Programming=3; python=3",
...      "hours": 40, "cost": 900, "format": "e-learning", "language": "en"},
... ])
>>> courses.teaches.to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'module_id': 'py', 'skill_id': 'onet:2.B.3.e', 'level': 3.0, 'implied': False},
 {'module_id': 'py', 'skill_id': 'tech:python', 'level': 3.0, 'implied': False},
 {'module_id': 'py', 'skill_id': 'tech:object or component oriented development software',
  'level': 3.0, 'implied': True}]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workshift.exceptions import InputDataError, UnknownSkillError
from workshift.reskilling._vocabulary import resolve_skill, skill_vocabulary
from workshift.scenarios._documents import load_document, validate
from workshift.workforce import (
    TableInput,
    load_table,
    parse_number,
    require_column,
    uses_decimal_comma,
)

__all__ = ["COURSE_COLUMNS", "FORMATS", "Courses", "parse_skill_levels", "read_courses"]

COURSE_COLUMNS = ["module_id", "title", "skills", "hours", "cost", "format", "language"]
FORMATS = ("e-learning", "virtual-classroom", "classroom", "on-the-job", "bootcamp")
_DOCUMENT_SUFFIXES = (".yaml", ".yml", ".json")

Fail = Callable[[str, int, tuple[str, ...]], Exception]
"""Builds the error for (message, 0-based record, field path) in the file's own terms: a
CSV names row and column (the first field), a YAML file line and field path."""


def parse_skill_levels(text: str) -> list[tuple[str, float]]:
    """Split ``"Programming=4; python=3"`` into ``[("Programming", 4.0), ("python", 3.0)]``.

    Levels take a decimal point or comma; empty items (a trailing ``;``) are ignored.
    Raises ``ValueError`` naming the item that is not ``skill=level``.

    >>> parse_skill_levels("Programming=4; python = 2,5;")
    [('Programming', 4.0), ('python', 2.5)]
    """
    pairs = []
    for item in str(text).split(";"):
        if not item.strip():
            continue
        name, sep, level_text = item.rpartition("=")
        if not sep or not name.strip():
            raise ValueError(f"{item.strip()!r} is not skill=level (e.g. Programming=4)")
        try:
            level = float(level_text.strip().replace(",", "."))
        except ValueError:
            message = f"level {level_text.strip()!r} of {name.strip()!r} is not a number"
            raise ValueError(message) from None
        pairs.append((name.strip(), level))
    return pairs


@dataclass(frozen=True, eq=False)
class Courses:
    """A course catalogue: its modules and the skill levels they teach.

    Attributes
    ----------
    modules
        One row per module in file order: ``input_row`` (0-based), the columns of
        :data:`COURSE_COLUMNS` (``skills`` rewritten with skill ids, ``hours`` and ``cost``
        as floats, ``format`` and ``language`` normalised) and any extra columns.
    teaches
        ``module_id``, ``skill_id``, ``level``, ``implied`` (True for a technology class
        taught through one of its technologies).
    file
        Where the catalogue came from.
    """

    modules: pd.DataFrame
    teaches: pd.DataFrame
    file: str = ""
    _solutions: dict[tuple[Any, ...], tuple[int, ...]] = field(
        default_factory=dict, init=False, repr=False
    )

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[Any, Any]],
        *,
        vocabulary: pd.DataFrame | None = None,
        file: str = "<courses>",
        fail: Fail | None = None,
    ) -> Courses:
        """Check and build a catalogue from mappings with the :data:`COURSE_COLUMNS`.

        ``skills`` may be the ``skill=level; ...`` text or a mapping skill -> level.
        Errors name ``file``, the 1-based record and the field (``fail`` overrides how).
        """
        vocabulary = vocabulary if vocabulary is not None else skill_vocabulary()
        rows = [dict(r) for r in records]
        fail = fail or _row_error(file)
        classes = _classes(vocabulary)
        comma = uses_decimal_comma(
            [
                str(r.get(c, ""))
                for r in rows
                for c in ("hours", "cost")
                if isinstance(r.get(c), str)
            ]
        )
        modules: list[dict[str, Any]] = []
        teaches: list[tuple[str, str, float, bool]] = []
        first_row: dict[str, int] = {}
        for index, record in enumerate(rows):
            if all(str(value).strip() == "" for value in record.values()):
                continue  # a blank line in a CSV
            for column in COURSE_COLUMNS:
                if column not in record:
                    raise fail(f"no {column!r}", index, (column,))
            module_id = str(record["module_id"]).strip()
            if not module_id:
                raise fail("empty module_id", index, ("module_id",))
            if module_id in first_row:
                raise fail(
                    f"duplicate module_id {module_id!r} (also row {first_row[module_id] + 1})",
                    index,
                    ("module_id",),
                )
            first_row[module_id] = index
            title = str(record["title"]).strip()
            if not title:
                raise fail("empty title", index, ("title",))
            hours = _number(record["hours"], comma, fail, index, "hours", positive=True)
            cost = _number(record["cost"], comma, fail, index, "cost", positive=False)
            form = str(record["format"]).strip().lower().replace("_", "-").replace(" ", "-")
            form = {"elearning": "e-learning", "online": "e-learning"}.get(form, form)
            if form not in FORMATS:
                raise fail(
                    f"format {record['format']!r} is not one of {', '.join(FORMATS)}",
                    index,
                    ("format",),
                )
            language = str(record["language"]).strip().lower()
            if not (len(language) == 2 and language.isascii() and language.isalpha()):
                raise fail(
                    f"language {record['language']!r} is not a two-letter code (en, de, ...)",
                    index,
                    ("language",),
                )
            taught = _taught(record["skills"], vocabulary, classes, fail, index)
            for skill_id, level, implied in taught:
                teaches.append((module_id, skill_id, level, implied))
            explicit = [(s, lv) for s, lv, implied in taught if not implied]
            modules.append(
                {
                    **{k: v for k, v in record.items() if k not in COURSE_COLUMNS},
                    "input_row": index,
                    "module_id": module_id,
                    "title": title,
                    "skills": "; ".join(f"{s}={lv:g}" for s, lv in explicit),
                    "hours": hours,
                    "cost": cost,
                    "format": form,
                    "language": language,
                }
            )
        if not modules:
            raise InputDataError("the catalogue has no modules", file=file)
        order = ["input_row", *COURSE_COLUMNS]
        frame = pd.DataFrame(modules)
        frame = frame[order + [c for c in frame.columns if c not in order]]
        taught_frame = pd.DataFrame(teaches, columns=["module_id", "skill_id", "level", "implied"])
        return cls(frame.reset_index(drop=True), taught_frame, file)

    # -- arrays for planning ------------------------------------------------------------
    @cached_property
    def skill_ids(self) -> list[str]:
        """Every skill some module teaches (explicitly or through a technology), sorted."""
        return sorted(set(self.teaches["skill_id"]))

    @cached_property
    def levels(self) -> np.ndarray:
        """Modules x :attr:`skill_ids`: the level each module teaches (0 where none)."""
        column = self.skill_index
        row = {m: i for i, m in enumerate(self.modules["module_id"])}
        matrix = np.zeros((len(self.modules), len(self.skill_ids)))
        for module_id, skill_id, level in self.teaches[
            ["module_id", "skill_id", "level"]
        ].itertuples(index=False):
            i, j = row[module_id], column[skill_id]
            matrix[i, j] = max(matrix[i, j], level)
        return matrix

    @cached_property
    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``module_id`` (object), ``cost`` and ``hours`` (float) as numpy arrays."""
        return (
            self.modules["module_id"].to_numpy(dtype=object),
            self.modules["cost"].to_numpy(dtype=float),
            self.modules["hours"].to_numpy(dtype=float),
        )

    @cached_property
    def skill_index(self) -> dict[str, int]:
        """Skill id -> its column in :attr:`levels`."""
        return {s: j for j, s in enumerate(self.skill_ids)}

    def allowed(self, languages: Iterable[str] | None) -> np.ndarray:
        """Which modules are in one of ``languages`` (all when None), as a mask."""
        if languages is None:
            return np.ones(len(self.modules), dtype=bool)
        return self.modules["language"].isin(list(languages)).to_numpy()

    def __len__(self) -> int:
        return len(self.modules)


def _row_error(file: str) -> Fail:
    def fail(message: str, index: int, where: tuple[str, ...]) -> Exception:
        return InputDataError(message, file=file, row=index + 1, column=where[0])

    return fail


def _number(
    value: Any, comma: bool, fail: Fail, index: int, column: str, *, positive: bool
) -> float:
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int | float):
        number = float(value)
    else:
        number = parse_number(str(value).strip(), decimal_comma=comma)
    if number is None or not math.isfinite(number) or number < 0 or (positive and number == 0):
        need = "a positive number" if positive else "a number of at least 0"
        raise fail(f"{column} must be {need}, not {value!r}", index, (column,))
    return number


def _taught(
    given: Any,
    vocabulary: pd.DataFrame,
    classes: Mapping[str, tuple[str, ...]],
    fail: Fail,
    index: int,
) -> list[tuple[str, float, bool]]:
    """(skill id, level, implied) of one module: the skills it names, then the classes of
    the technologies among them."""
    pairs: list[tuple[str, Any]]
    if isinstance(given, Mapping):
        pairs = [(str(k), v) for k, v in given.items()]
    else:
        try:
            pairs = list(parse_skill_levels(str(given)))
        except ValueError as err:
            raise fail(str(err), index, ("skills",)) from err
    if not pairs:
        raise fail("no skills; write them as Programming=4; python=3", index, ("skills",))
    explicit: dict[str, float] = {}
    for name, level in pairs:
        # In a YAML mapping each skill has its own line; in a CSV cell they share one.
        where = ("skills", name) if isinstance(given, Mapping) else ("skills",)
        if isinstance(level, bool) or not isinstance(level, int | float):
            raise fail(f"level {level!r} of {name!r} is not a number", index, where)
        if not 0 < level <= 7:
            raise fail(f"level {level:g} of {name!r} is not in (0, 7]", index, where)
        try:
            skill_id = resolve_skill(name, vocabulary)
        except UnknownSkillError as err:
            raise fail(str(err), index, where) from err
        if skill_id in explicit:
            raise fail(f"{name!r} ({skill_id}) is listed twice", index, where)
        explicit[skill_id] = float(level)
    implied: dict[str, float] = {}
    for skill_id, level in explicit.items():
        for class_id in classes.get(skill_id, ()):
            if class_id not in explicit:
                implied[class_id] = max(level, implied.get(class_id, 0.0))
    return [(s, lv, False) for s, lv in explicit.items()] + [
        (s, lv, True) for s, lv in sorted(implied.items())
    ]


def _classes(vocabulary: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Technology id -> the ids of its classes (empty without a ``classes`` column)."""
    if "classes" not in vocabulary:
        return {}
    return {
        skill_id: tuple(c.strip() for c in classes.split(";") if c.strip())
        for skill_id, classes in zip(vocabulary["skill_id"], vocabulary["classes"], strict=True)
        if isinstance(classes, str) and classes
    }


def read_courses(
    path: TableInput | Mapping[str, Any], *, vocabulary: pd.DataFrame | None = None
) -> Courses:
    """Read and check a course catalogue; every problem names file, row and column.

    Parameters
    ----------
    path
        CSV (``,`` or ``;``, decimal commas allowed), XLSX or Parquet with the columns of
        :data:`COURSE_COLUMNS`; or YAML/JSON with a list ``modules`` of such mappings
        (``skills`` then may be a mapping), whose errors name line and field instead; or
        such a table as a DataFrame, or such a document already parsed (a mapping).
    vocabulary
        The skill vocabulary skills are resolved in; default that of the shipped bundle.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "courses.csv"
    ...     _ = path.write_text("module_id;title;skills;hours;cost;format;language\\n"
    ...                         "py-de;Python-Grundlagen;Programmieren=3;24;450,50;classroom;de\\n")
    ...     courses = read_courses(path)
    >>> courses.modules[["module_id", "skills", "cost"]].to_dict("records")
    [{'module_id': 'py-de', 'skills': 'onet:2.B.3.e=3', 'cost': 450.5}]
    """
    vocabulary = vocabulary if vocabulary is not None else skill_vocabulary()
    if isinstance(path, Mapping) or (
        not isinstance(path, pd.DataFrame) and Path(path).suffix.lower() in _DOCUMENT_SUFFIXES
    ):
        document = load_document(path)
        validate(document, "courses", "workshift.reskilling")
        records = document.data["modules"]

        def fail(message: str, index: int, where: tuple[str, ...]) -> Exception:
            return document.error(message, ("modules", index, *where))

        return Courses.from_records(records, vocabulary=vocabulary, file=document.file, fail=fail)
    frame, source = load_table(path)
    for column in COURSE_COLUMNS:
        require_column(frame, column, file=source)
    return Courses.from_records(frame.to_dict("records"), vocabulary=vocabulary, file=source)
