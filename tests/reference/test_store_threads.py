"""ReferenceStore from many threads at once: a cursor per thread, the same answers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from workshift import WorkshiftError, config_context
from workshift.reference import ReferenceStore

CODES = ["15-1252.00", "43-3031.00", "43-4051.00", "53-7065.00"]

QUERIES: dict[str, Callable[[ReferenceStore], Any]] = {
    "tables": lambda s: s.tables(),
    "table": lambda s: s.table("occupations"),
    "sql": lambda s: s.sql("SELECT count(*) AS n FROM tasks WHERE weight > $w", {"w": 0.0}),
    "occupations": lambda s: s.occupations(CODES),
    "tasks": lambda s: s.tasks(CODES),
    "task_exposure": lambda s: s.task_exposure(CODES),
    "titles": lambda s: s.titles(CODES),
    "skills": lambda s: s.skills(CODES),
    "technology_skills": lambda s: s.technology_skills(CODES),
    "education": lambda s: s.education(CODES),
    "indices": lambda s: s.indices(CODES),
    "resolve": lambda s: [s.resolve(c) for c in ("43-4051", "4222", "43-0000", "15-1132")],
    "suggest": lambda s: s.suggest("43-4059"),
    "crosswalk": lambda s: s.crosswalk(["4222", "2512", "4321"], "isco08", "onet_soc"),
}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
        return True
    return bool(a == b)


def test_public_queries_from_eight_threads_give_the_single_threaded_answers(
    fixture_bundle: Path,
) -> None:
    with ReferenceStore(fixture_bundle) as store:
        expected = {name: query(store) for name, query in QUERIES.items()}
        jobs = [name for _ in range(6) for name in QUERIES]  # each query many times at once
        start = threading.Barrier(8)
        started = threading.local()

        def run(name: str) -> tuple[str, Any, int]:
            if not getattr(started, "yes", False):  # each thread's first query waits for
                started.yes = True  # all eight, so that eight threads query at once
                start.wait(timeout=30)
            return name, QUERIES[name](store), threading.get_ident()

        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(run, jobs))
        for name, got, _ in results:
            assert _same(got, expected[name]), name
        assert len({ident for *_, ident in results}) == 8
        assert len(store._cursors) >= 8  # one cursor for each thread that queried


def test_each_thread_queries_through_a_cursor_of_its_own(fixture_bundle: Path) -> None:
    with ReferenceStore(fixture_bundle) as store:
        mine = store._cursor()
        assert store._cursor() is mine
        with ThreadPoolExecutor(1) as pool:
            theirs = pool.submit(store._cursor).result()
        assert theirs is not mine


def test_close_closes_every_cursor_and_later_queries_raise(fixture_bundle: Path) -> None:
    store = ReferenceStore(fixture_bundle)
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda _: store.occupations(CODES), range(6)))
    store.close()
    assert store._cursors == {}
    with pytest.raises(WorkshiftError, match="closed"):
        store.occupations(CODES)
    store.close()  # twice is harmless


def test_cursors_of_finished_threads_are_closed(fixture_bundle: Path) -> None:
    with ReferenceStore(fixture_bundle) as store:
        for _ in range(5):
            worker = threading.Thread(target=store.tables)
            worker.start()
            worker.join()
            thread = threading.Thread(target=lambda: store.occupations(CODES))
            thread.start()
            thread.join()
        store.occupations(CODES)  # a new thread's first query forgets the ended ones
        assert len(store._cursors) <= 2


def test_duckdb_threads_follow_n_jobs(fixture_bundle: Path) -> None:
    with config_context(n_jobs=1), ReferenceStore(fixture_bundle) as store:
        threads = store.sql("SELECT current_setting('threads') AS n")["n"].iloc[0]
    assert int(threads) == 1
