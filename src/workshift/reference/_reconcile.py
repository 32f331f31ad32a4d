"""Reconciliation: map records of older source versions onto the O*NET 30.1 spine, and log
every record that could not be mapped, or was mapped by anything but its own identifier.

Two general mechanisms serve every source:

* :class:`TaskIndex` finds the O*NET 30.1 task for a task ID and text from another
  release: by ID (text unchanged or revised), then by normalised text within the same
  occupation, then by normalised text anywhere.
* :class:`ReconciliationLog` collects one row per record with a status and a reason; it
  becomes ``reconciliation.csv`` in the bundle.

Examples
--------
>>> import pandas as pd
>>> tasks = pd.DataFrame({"task_id": [1, 2], "onet_soc_code": ["11-1011.00"] * 2,
...                       "task": ["Plan budgets.", "Hire staff."]})
>>> index = TaskIndex(tasks)
>>> index.match(1, "Plan budgets", "11-1011.00")
(1, 'id')
>>> index.match(9, "hire  staff", "11-1011.00")
(2, 'text')
>>> index.match(9, "Fly planes", "11-1011.00")
(None, 'unmapped')
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

import pandas as pd

from workshift.reference._normalise import normalise_text

__all__ = ["Issue", "MatchMethod", "ReconciliationLog", "Status", "TaskIndex"]

MatchMethod = Literal["id", "id_text_revised", "text", "text_other_occupation", "unmapped"]
Status = Literal["unmapped", "remapped", "rejected"]


@dataclass(frozen=True)
class Issue:
    """One record that did not map one-to-one by its own identifier."""

    source: str
    file: str
    row: int | None
    record: str
    status: Status
    reason: str


class ReconciliationLog:
    """Collects :class:`Issue` rows; ``to_frame`` gives the report in a stable order."""

    COLUMNS = ("source", "file", "row", "record", "status", "reason")

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(
        self, source: str, file: str, row: int | None, record: str, status: Status, reason: str
    ) -> None:
        """Log one record."""
        self.issues.append(Issue(source, file, row, record, status, reason))

    def to_frame(self) -> pd.DataFrame:
        """The report, sorted by source, file and row."""
        frame = pd.DataFrame([asdict(i) for i in self.issues], columns=list(self.COLUMNS))
        frame["row"] = frame["row"].astype("Int64")
        return frame.sort_values(["source", "file", "row", "record"], kind="stable").reset_index(
            drop=True
        )

    def counts(self) -> dict[str, dict[str, int]]:
        """Number of issues per source and status."""
        out: dict[str, dict[str, int]] = {}
        for issue in self.issues:
            per = out.setdefault(issue.source, {})
            per[issue.status] = per.get(issue.status, 0) + 1
        return {k: dict(sorted(v.items())) for k, v in sorted(out.items())}


class TaskIndex:
    """Look up O*NET 30.1 tasks by ID and by normalised text.

    ``tasks`` needs the columns ``task_id``, ``onet_soc_code`` and ``task``.
    """

    def __init__(self, tasks: pd.DataFrame) -> None:
        self._by_id: dict[int, tuple[str, str]] = {}
        self._by_text: dict[str, list[tuple[int, str]]] = {}
        for task_id, code, text in tasks[["task_id", "onet_soc_code", "task"]].itertuples(
            index=False
        ):
            norm = normalise_text(text)
            self._by_id[int(task_id)] = (code, norm)
            self._by_text.setdefault(norm, []).append((int(task_id), code))

    def by_text(self, text: str) -> list[tuple[int, str]]:
        """All ``(task_id, onet_soc_code)`` whose normalised text equals ``text``'s."""
        return list(self._by_text.get(normalise_text(text), []))

    def match(
        self, task_id: int | None, text: str, onet_soc_code: str | None
    ) -> tuple[int | None, MatchMethod]:
        """Best O*NET 30.1 task for a task from another release, and how it was found."""
        norm = normalise_text(text)
        if task_id is not None and task_id in self._by_id:
            _, current = self._by_id[task_id]
            return task_id, "id" if current == norm else "id_text_revised"
        candidates = self._by_text.get(norm, [])
        same = [t for t, c in candidates if c == onet_soc_code]
        if same:
            return same[0], "text"
        if candidates:
            return candidates[0][0], "text_other_occupation"
        return None, "unmapped"
