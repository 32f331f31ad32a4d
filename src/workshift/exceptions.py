"""The one exception tree of workshift.

Every error the library raises on purpose is a :class:`WorkshiftError`. Leaves also
subclass the builtin they resemble, so ``except KeyError`` keeps working for callers
that do not know workshift::

    WorkshiftError
    ├── ConfigError (ValueError)            a configuration value is invalid
    ├── MissingDependencyError (ImportError) an optional back-end is not installed
    ├── DataFileError (ValueError)          a file, row or column is wrong; the message names it
    │   ├── InputDataError                  a user's file (workforce, titles, overrides)
    │   │   └── DocumentError               a YAML/TOML/JSON file (portfolio, scenario): line, field
    │   └── SourceDataError                 a raw reference source (also a ReferenceDataError)
    ├── FitNotAllowedError (RuntimeError)   a model would be fitted while allow_fit is off
    ├── ReferenceDataError                  the reference data cannot be used
    │   ├── BundleNotFoundError (FileNotFoundError)
    │   ├── BundleIntegrityError            a bundle file is missing or its checksum differs
    │   └── SourceDataError
    ├── ReportDataError (ValueError)        an analysis lacks a column or entry a report needs
    ├── SolverError                         an optimisation solver failed (not the input)
    ├── UnknownCodeError (KeyError)         an occupation code that no code system knows
    └── UnknownSkillError (KeyError)        a skill name that the skill vocabulary lacks

Each class carries an ``exit_code`` that the command line uses: ``2`` for errors in
what the user typed or supplied, ``1`` for everything else.

Examples
--------
>>> from workshift.exceptions import UnknownCodeError, WorkshiftError
>>> err = UnknownCodeError("43-4059", suggestions=["43-4051", "43-4061"])
>>> isinstance(err, WorkshiftError), isinstance(err, KeyError)
(True, True)
>>> str(err)
"unknown occupation code '43-4059'; closest valid codes: 43-4051, 43-4061"
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "BundleIntegrityError",
    "BundleNotFoundError",
    "ConfigError",
    "DataFileError",
    "DocumentError",
    "FitNotAllowedError",
    "InputDataError",
    "MissingDependencyError",
    "ReferenceDataError",
    "ReportDataError",
    "SolverError",
    "SourceDataError",
    "UnknownCodeError",
    "UnknownSkillError",
    "WorkshiftError",
]


class WorkshiftError(Exception):
    """Root of every error that workshift raises on purpose."""

    exit_code: int = 1


class ConfigError(WorkshiftError, ValueError):
    """A configuration value (argument or ``WORKSHIFT_*`` variable) is invalid."""

    exit_code = 2


class MissingDependencyError(WorkshiftError, ImportError):
    """An optional back-end is not installed; the message says what to install."""


class FitNotAllowedError(WorkshiftError, RuntimeError):
    """A model is not in the cache and would be fitted, but the ``allow_fit`` setting is off.

    A server warms its models at start-up (:func:`workshift.warm_up`) and switches
    fitting off, so that no request fits a model; this error says which model was missing.
    """


class ReferenceDataError(WorkshiftError):
    """The reference data (raw sources or the built bundle) cannot be used."""


class BundleNotFoundError(ReferenceDataError, FileNotFoundError):
    """No reference bundle exists at the configured location."""


class BundleIntegrityError(ReferenceDataError):
    """A bundle file is missing, or its checksum differs from the manifest."""


class DataFileError(WorkshiftError, ValueError):
    """A file, row or column is wrong; the message names where.

    ``row`` is the 1-based number of the data row (the header is not counted).
    """

    exit_code = 2

    def __init__(
        self, message: str, *, file: str, row: int | None = None, column: str | None = None
    ) -> None:
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}")
        self.file = file
        self.row = row
        self.column = column


class InputDataError(DataFileError):
    """A user's file (workforce export, title list, override file) cannot be used."""


class DocumentError(InputDataError):
    """A structured file (portfolio, scenario) breaks its schema; names the line and field.

    ``line`` is 1-based (``None`` when the format keeps no positions, as TOML);
    ``field`` is the path inside the document, e.g. ``services[2].adoption.ceiling``.
    """

    def __init__(self, message: str, *, file: str, line: int | None, field: str) -> None:
        where = file if line is None else f"{file}, line {line}"
        DataFileError.__init__(self, f"{field}: {message}" if field else message, file=where)
        self.file = file
        self.line = line
        self.field = field


class SourceDataError(ReferenceDataError, DataFileError):
    """A raw reference source file is missing or malformed."""


class ReportDataError(WorkshiftError, ValueError):
    """An analysis handed to a report lacks a column or summary entry the report needs.

    A bug in whatever built the analysis, not in the user's data: the report names every
    missing column instead of leaving a section out.
    """


class SolverError(WorkshiftError):
    """An optimisation solver (HiGHS) failed on a problem that was valid input.

    The message carries the solver's own; a bug report should include the inputs.
    """


class UnknownCodeError(WorkshiftError, KeyError):
    """An occupation code that none of the known code systems contains.

    ``suggestions`` holds the closest valid codes, best first.
    """

    exit_code = 2

    def __init__(self, code: str, *, suggestions: Sequence[str] = ()) -> None:
        super().__init__(code)
        self.code = code
        self.suggestions = list(suggestions)

    def __str__(self) -> str:
        message = f"unknown occupation code {self.code!r}"
        if self.suggestions:
            message += "; closest valid codes: " + ", ".join(self.suggestions)
        return message


class UnknownSkillError(WorkshiftError, KeyError):
    """A skill that is neither a skill id, an O*NET skill name nor a technology name.

    ``suggestions`` holds the closest names the vocabulary knows, best first.

    >>> str(UnknownSkillError("Pyhton", suggestions=["Python"]))
    "unknown skill 'Pyhton'; closest known skills: 'Python'"
    """

    exit_code = 2

    def __init__(self, skill: str, *, suggestions: Sequence[str] = ()) -> None:
        super().__init__(skill)
        self.skill = skill
        self.suggestions = list(suggestions)

    def __str__(self) -> str:
        message = f"unknown skill {self.skill!r}"
        if self.suggestions:
            message += "; closest known skills: " + ", ".join(map(repr, self.suggestions))
        return message
