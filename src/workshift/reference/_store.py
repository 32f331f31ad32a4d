"""ReferenceStore: the reference bundle behind a typed Python API, on embedded DuckDB.

Opening a store creates one in-memory DuckDB connection with a view per bundle table;
nothing is loaded until a query runs, so opening takes milliseconds. A DuckDB connection
must not be used by two threads at once, so every query runs on a cursor (a connection to
the same database) owned by the calling thread: one store serves a server's threads.
DuckDB's own threads for a query are the ``n_jobs`` setting at opening.

Examples
--------
>>> store = ReferenceStore()
>>> store.resolve("43-4051").onet_soc_codes
('43-4051.00',)
>>> store.resolve("29-1141").onet_soc_codes[:2]
('29-1141.00', '29-1141.01')
>>> store.occupations(["43-4051.00"])[["onet_soc_code", "title"]].to_dict("records")
[{'onet_soc_code': '43-4051.00', 'title': 'Customer Service Representatives'}]
>>> store.crosswalk(["4222"], "isco08", "soc")["to_code"].tolist()
['29-2099', '43-4051', '43-4171']
>>> store.close()
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from workshift._config import effective_n_jobs, get_config
from workshift.exceptions import UnknownCodeError, WorkshiftError
from workshift.reference._bundle import default_bundle_dir, read_manifest, verify_bundle
from workshift.reference._codes import normalise_code

__all__ = ["SYSTEMS", "ReferenceStore", "ResolvedCode"]

SYSTEMS: tuple[str, ...] = ("onet_soc", "soc", "soc_2010", "onet_soc_2010", "isco08", "esco")
"""Code systems the store converts between, in the order a path search prefers them:
official crosswalks (O*NET, BLS) before the ESCO and Nesta ones."""

_LEVEL_PREFIX = {"major": 2, "minor": 4, "broad": 6}


@dataclass(frozen=True)
class ResolvedCode:
    """What a code as typed by a person stands for.

    ``onet_soc_codes`` are the O*NET-SOC occupations it covers; ``note`` explains any
    step between the code and them (a renamed code, a group, a crosswalk).
    """

    query: str
    system: str
    code: str
    onet_soc_codes: tuple[str, ...]
    note: str = ""


class ReferenceStore:
    """Query the reference bundle.

    Parameters
    ----------
    bundle_dir
        Bundle folder; default the ``bundle_dir`` setting, else the shipped bundle.
    verify
        Check every table's checksum against the manifest first (slower).

    Notes
    -----
    Safe to share between threads: each thread queries through a cursor of its own,
    made on its first query. :meth:`close` (or leaving a ``with`` block) closes them all.
    """

    def __init__(self, bundle_dir: Path | str | None = None, *, verify: bool = False) -> None:
        configured = get_config()["bundle_dir"]
        self.bundle_dir = Path(bundle_dir or configured or default_bundle_dir())
        self.manifest: dict[str, Any] = (
            verify_bundle(self.bundle_dir) if verify else read_manifest(self.bundle_dir)
        )
        self._con = duckdb.connect(":memory:", config={"threads": effective_n_jobs()})
        self._cursors: dict[int, duckdb.DuckDBPyConnection] = {}
        self._lock = threading.Lock()  # guards _cursors and making a cursor of _con
        self._closed = False
        for entry in self.manifest["tables"]:
            path = str(self.bundle_dir / entry["file"]).replace("'", "''")
            self._con.execute(
                f"CREATE VIEW \"{entry['name']}\" AS SELECT * FROM read_parquet('{path}')"
            )
        self._con.execute(
            "CREATE VIEW edges AS "
            "SELECT from_system AS a_sys, from_code AS a, to_system AS b_sys, to_code AS b "
            "FROM code_links UNION "
            "SELECT to_system, to_code, from_system, from_code FROM code_links"
        )

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        """The calling thread's cursor, made on its first query."""
        thread = threading.get_ident()
        with self._lock:
            if self._closed:
                raise WorkshiftError("the reference store is closed")
            cursor = self._cursors.get(thread)
            if cursor is None:
                self._forget_finished_threads()
                cursor = self._cursors[thread] = self._con.cursor()
        return cursor

    def _forget_finished_threads(self) -> None:
        """Close the cursors of threads that have ended (a server's threads come and go)."""
        alive = {thread.ident for thread in threading.enumerate()}
        for thread in [t for t in self._cursors if t not in alive]:
            self._cursors.pop(thread).close()

    def close(self) -> None:
        """Close every thread's cursor and the connection; later queries raise."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            cursors, self._cursors = list(self._cursors.values()), {}
        for cursor in cursors:
            cursor.close()
        self._con.close()

    def __enter__(self) -> ReferenceStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def version(self) -> str:
        """The bundle version, derived from its content."""
        return str(self.manifest["bundle_version"])

    # -- generic access ------------------------------------------------------------
    def tables(self) -> list[str]:
        """Names of the tables in the bundle."""
        return [str(entry["name"]) for entry in self.manifest["tables"]]

    def sql(self, query: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        """Run a read-only SQL query over the bundle's tables and return a DataFrame."""
        try:
            return self._cursor().execute(query, params).df()
        except duckdb.Error as err:
            raise WorkshiftError(f"query failed: {err}") from err

    def table(self, name: str) -> pd.DataFrame:
        """A whole bundle table."""
        if name not in self.tables():
            raise KeyError(f"no table {name!r}; tables: {', '.join(self.tables())}")
        return self.sql(f'SELECT * FROM "{name}"')

    def _where_codes(self, table: str, codes: Iterable[str] | None, order: str) -> pd.DataFrame:
        if codes is None:
            return self.sql(f'SELECT * FROM "{table}" ORDER BY {order}')
        return self.sql(
            f'SELECT * FROM "{table}" WHERE onet_soc_code IN (SELECT UNNEST($codes)) '
            f"ORDER BY {order}",
            {"codes": list(codes)},
        )

    # -- occupations -----------------------------------------------------------------
    def occupations(self, codes: Iterable[str] | None = None) -> pd.DataFrame:
        """O*NET-SOC occupations (all, or those with the given 8-digit codes)."""
        return self._where_codes("occupations", codes, "onet_soc_code")

    def tasks(self, codes: Iterable[str] | None = None) -> pd.DataFrame:
        """Task statements with type and weight."""
        return self._where_codes("tasks", codes, "onet_soc_code, weight DESC, task_id")

    def task_exposure(self, codes: Iterable[str]) -> pd.DataFrame:
        """Tasks of occupations with their exposure labels and Anthropic usage.

        ``human_label``/``gpt4_label`` are the GPTs-are-GPTs E0/E1/E2 labels where the
        task was labelled (empty for tasks added after O*NET 27.2).
        """
        return self.sql(
            """
            SELECT t.onet_soc_code, t.task_id, t.task, t.task_type, t.weight,
                   e.human_label, e.gpt4_label, e.gpt4_automation, e.human_automation,
                   e.match_method AS label_match, a.penetration AS anthropic_penetration,
                   a.usage_pct AS anthropic_usage_pct
            FROM tasks t
            LEFT JOIN (SELECT * FROM eloundou_tasks WHERE task_id IS NOT NULL
                       QUALIFY row_number() OVER (PARTITION BY task_id
                                                  ORDER BY match_method = 'id' DESC) = 1) e
              ON e.task_id = t.task_id
            LEFT JOIN (SELECT task_id, max(penetration) AS penetration,
                              max(usage_pct) AS usage_pct
                       FROM anthropic_tasks WHERE task_id IS NOT NULL GROUP BY task_id) a
              ON a.task_id = t.task_id
            WHERE t.onet_soc_code IN (SELECT UNNEST($codes))
            ORDER BY t.onet_soc_code, t.weight DESC, t.task_id
            """,
            {"codes": list(codes)},
        )

    def titles(self, codes: Iterable[str] | None = None) -> pd.DataFrame:
        """Titles naming each occupation, with their source."""
        return self._where_codes("titles", codes, "onet_soc_code, source, title")

    def skills(self, codes: Iterable[str]) -> pd.DataFrame:
        """Skill importance and level per occupation."""
        return self._where_codes("skills", codes, "onet_soc_code, importance DESC, element_id")

    def technology_skills(self, codes: Iterable[str]) -> pd.DataFrame:
        """Software used in each occupation, with hot and in-demand flags."""
        return self._where_codes("technology_skills", codes, "onet_soc_code, example")

    def education(self, codes: Iterable[str]) -> pd.DataFrame:
        """Education, training and experience distributions."""
        return self._where_codes(
            "education", codes, "onet_soc_code, element_id, scale_id, category"
        )

    def indices(self, codes: Iterable[str]) -> pd.DataFrame:
        """Occupation-level indices side by side, one row per O*NET-SOC occupation.

        GPTs-are-GPTs alpha/beta/zeta (human and GPT-4), Microsoft AI applicability and
        Anthropic observed exposure (both per SOC 2018 code), OEWS May 2024 employment
        and median wage, and the BLS 2024-34 projected change. Sources disagree; the
        columns are kept apart on purpose.
        """
        return self.sql(
            """
            SELECT o.onet_soc_code, o.soc_code, o.title,
                   e.human_alpha, e.human_beta, e.human_zeta,
                   e.gpt4_alpha, e.gpt4_beta, e.gpt4_zeta,
                   m.ai_applicability_score AS microsoft_ai_applicability,
                   a.observed_exposure AS anthropic_observed_exposure,
                   w.employment AS oews_employment_2024, w.annual_median AS oews_median_wage_2024,
                   p.change_pct AS projected_change_pct_2024_34
            FROM occupations o
            LEFT JOIN eloundou_occupations e USING (onet_soc_code)
            LEFT JOIN microsoft_occupations m ON m.soc_code = o.soc_code
            LEFT JOIN anthropic_occupations a ON a.soc_code = o.soc_code
            LEFT JOIN (SELECT * FROM oews WHERE year = 2024) w ON w.soc_code = o.soc_code
            LEFT JOIN projections p ON p.soc_code = o.soc_code
            WHERE o.onet_soc_code IN (SELECT UNNEST($codes))
            ORDER BY o.onet_soc_code
            """,
            {"codes": list(codes)},
        )

    # -- codes -------------------------------------------------------------------------
    def _known_codes(self, system: str) -> list[str]:
        if system == "onet_soc":
            query = "SELECT onet_soc_code AS c FROM occupations"
        elif system == "soc":
            query = "SELECT soc_code AS c FROM soc_structure"
        else:
            query = f"SELECT DISTINCT a AS c FROM edges WHERE a_sys = '{system}'"
        return sorted(self.sql(query)["c"].tolist())

    def suggest(self, code: str, limit: int = 3) -> list[str]:
        """The valid codes closest to ``code`` (edit distance), best first."""
        found = normalise_code(code)
        systems = [found[0]] if found else ["onet_soc", "soc", "isco08"]
        choices = [c for s in systems for c in self._known_codes(s)]
        query = found[1] if found else code.strip()
        best = process.extract(query, choices, scorer=Levenshtein.distance, limit=limit)
        return [str(choice) for choice, _, _ in best]

    def resolve(self, code: str) -> ResolvedCode:
        """Which O*NET-SOC occupations a code stands for.

        Accepts O*NET-SOC (2019, or 2010 codes that were renamed), SOC 2018 detailed
        codes and groups (major ``43-0000``, minor ``43-4000``, broad ``43-4050``), SOC
        2010 codes that were renamed, and ISCO-08 unit groups (through the BLS
        crosswalk). Raises :class:`UnknownCodeError` with the closest valid codes.
        """
        found = normalise_code(code)
        if found is None:
            raise UnknownCodeError(code.strip(), suggestions=self.suggest(code))
        system, canonical = found
        codes: list[str] = []
        note = ""
        if system == "onet_soc":
            codes = self.occupations([canonical])["onet_soc_code"].tolist()
            if not codes:
                codes = self._convert([canonical], "onet_soc_2010", "onet_soc")
                note = f"O*NET-SOC 2010 code {canonical} is {', '.join(codes)} in O*NET-SOC 2019"
        elif system == "soc":
            codes, note = self._resolve_soc(canonical)
        else:
            codes = self._convert([canonical], "isco08", "onet_soc")
            note = "ISCO-08 unit group, through the BLS ISCO-08 to SOC crosswalk"
        if not codes:
            raise UnknownCodeError(canonical, suggestions=self.suggest(canonical))
        return ResolvedCode(code, system, canonical, tuple(sorted(codes)), note if codes else "")

    def _resolve_soc(self, code: str) -> tuple[list[str], str]:
        level = self.sql("SELECT level, title FROM soc_structure WHERE soc_code = $c", {"c": code})
        if level.empty:
            codes = self._convert([code], "soc_2010", "onet_soc")
            return codes, f"SOC 2010 code {code} maps to SOC 2018 occupations" if codes else ""
        kind = str(level["level"].iloc[0])
        if kind == "detailed":
            found = self.sql(
                "SELECT onet_soc_code FROM occupations WHERE soc_code = $c", {"c": code}
            )
            return found["onet_soc_code"].tolist(), ""
        prefix = code[: _LEVEL_PREFIX[kind]]
        found = self.sql(
            "SELECT onet_soc_code FROM occupations WHERE starts_with(soc_code, $p)", {"p": prefix}
        )
        return found["onet_soc_code"].tolist(), f"SOC {kind} group {code}: {level['title'].iloc[0]}"

    def _path(self, source: str, target: str) -> list[str]:
        pairs = self.sql("SELECT DISTINCT a_sys, b_sys FROM edges")
        graph: dict[str, list[str]] = {}
        for a, b in pairs.itertuples(index=False):
            graph.setdefault(str(a), []).append(str(b))
        rank = {s: i for i, s in enumerate(SYSTEMS)}
        previous: dict[str, str | None] = {source: None}
        queue = deque([source])
        while queue:
            node = queue.popleft()
            if node == target:
                break
            for nxt in sorted(graph.get(node, []), key=lambda s: rank.get(s, len(rank))):
                if nxt not in previous:
                    previous[nxt] = node
                    queue.append(nxt)
        if target not in previous:
            raise WorkshiftError(f"no crosswalk path from {source} to {target}")
        path = [target]
        while (step := previous[path[-1]]) is not None:
            path.append(step)
        return path[::-1]

    def _convert(self, codes: Sequence[str], source: str, target: str) -> list[str]:
        frame = self.crosswalk(codes, source, target)
        return sorted(set(frame["to_code"].dropna()))

    def crosswalk(self, codes: Iterable[str], source: str, target: str) -> pd.DataFrame:
        """Convert codes between systems (see :data:`SYSTEMS`), walking crosswalks.

        Returns one row per ``(from_code, to_code)`` pair, with the ``path`` of systems
        used; a code without a counterpart has an empty ``to_code``.
        """
        for system in (source, target):
            if system not in SYSTEMS:
                raise WorkshiftError(f"unknown code system {system!r}; use one of {SYSTEMS}")
        codes = list(codes)
        if source == target:
            unique = sorted(set(codes))  # one row per pair, ordered as the query below
            return pd.DataFrame({"from_code": unique, "to_code": unique, "path": source})
        path = self._path(source, target)
        joins = []
        for hop, (a, b) in enumerate(itertools.pairwise(path)):
            prev = "q.code" if hop == 0 else f"e{hop - 1}.b"
            joins.append(
                f"LEFT JOIN edges e{hop} ON e{hop}.a = {prev} "
                f"AND e{hop}.a_sys = '{a}' AND e{hop}.b_sys = '{b}'"
            )
        last = f"e{len(path) - 2}.b"
        query = (
            f"SELECT DISTINCT q.code AS from_code, {last} AS to_code "
            f"FROM (SELECT UNNEST($codes) AS code) q {' '.join(joins)} "
            "ORDER BY from_code, to_code NULLS LAST"
        )
        frame = self.sql(query, {"codes": codes})
        frame["path"] = " -> ".join(path)
        return frame
