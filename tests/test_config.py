"""Library configuration: environment defaults, set_config and config_context."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import workshift._config as config_module
from workshift import ConfigError, FitNotAllowedError, config_context, get_config, set_config
from workshift._config import cpu_count, effective_n_jobs, require_fit_allowed


@pytest.fixture(autouse=True)
def fresh_config() -> Iterator[None]:
    """Each test starts from the environment, not from what another test set."""
    token = config_module._config.set(None)
    yield
    config_module._config.reset(token)


def test_workshift_home_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WORKSHIFT_HOME", str(tmp_path))
    assert get_config()["home"] == tmp_path


def test_default_home_is_a_user_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSHIFT_HOME", raising=False)
    assert get_config()["home"] == Path("~/.cache/workshift").expanduser()


def test_context_restores_previous_values(tmp_path: Path) -> None:
    before = get_config()
    with config_context(home=tmp_path, show_progress=False) as inside:
        assert inside["home"] == tmp_path
        assert get_config()["show_progress"] is False
    assert get_config() == before


def test_set_config_rejects_unknown_keys() -> None:
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        set_config(colour="blue")


@pytest.mark.parametrize(("raw", "expected"), [("0", False), ("yes", True), ("Off", False)])
def test_progress_flag_parses_booleans(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv("WORKSHIFT_PROGRESS", raw)
    assert get_config()["show_progress"] is expected


def test_bad_boolean_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSHIFT_PROGRESS", "maybe")
    with pytest.raises(ConfigError, match="WORKSHIFT_PROGRESS='maybe'"):
        get_config()


# -- contexts, not thread-locals: a request's settings reach its worker -----------------


def test_a_context_reaches_work_run_in_a_copy_of_it(tmp_path: Path) -> None:
    with config_context(home=tmp_path, n_jobs=1):
        copied = contextvars.copy_context()
    assert copied.run(lambda: get_config()["home"]) == tmp_path
    assert copied.run(lambda: get_config()["n_jobs"]) == 1
    assert get_config()["home"] != tmp_path  # the block is over here


def test_a_thread_started_with_the_copied_context_sees_the_settings(tmp_path: Path) -> None:
    seen: list[Path] = []
    with config_context(home=tmp_path):
        context = contextvars.copy_context()
        worker = threading.Thread(target=context.run, args=(lambda: seen.append(_home()),))
        worker.start()
        worker.join()
    assert seen == [tmp_path]


def test_an_executor_that_copies_the_context_sees_the_settings(tmp_path: Path) -> None:
    with config_context(home=tmp_path), ThreadPoolExecutor(2) as pool:
        context = contextvars.copy_context()
        assert pool.submit(context.run, _home).result() == tmp_path


def test_asyncio_to_thread_carries_the_settings(tmp_path: Path) -> None:
    async def request() -> Path:
        with config_context(home=tmp_path):
            return await asyncio.to_thread(_home)

    assert asyncio.run(request()) == tmp_path


def test_settings_do_not_leak_into_another_thread(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WORKSHIFT_HOME", str(tmp_path / "environment"))
    inside = threading.Event()
    done = threading.Event()
    seen: list[Path] = []

    def other() -> None:
        inside.wait(timeout=10)
        seen.append(_home())
        done.set()

    worker = threading.Thread(target=other)  # started without the context
    worker.start()
    with config_context(home=tmp_path / "request"):
        inside.set()
        done.wait(timeout=10)
    worker.join()
    assert seen == [tmp_path / "environment"]


def test_a_change_in_a_copy_stays_in_the_copy() -> None:
    before = get_config()["show_progress"]
    contextvars.copy_context().run(set_config, show_progress=not before)
    assert get_config()["show_progress"] is before


def test_set_config_inside_a_block_is_undone_with_it() -> None:
    before = get_config()
    with config_context(n_jobs=1):
        set_config(show_progress=not before["show_progress"])
    assert get_config() == before


def _home() -> Path:
    return get_config()["home"]


# -- n_jobs ---------------------------------------------------------------------------


def test_n_jobs_defaults_to_the_cpus_available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSHIFT_N_JOBS", raising=False)
    assert get_config()["n_jobs"] == cpu_count() >= 1


@given(st.integers(min_value=1, max_value=10_000) | st.just(-1))
def test_valid_n_jobs_are_kept(n_jobs: int) -> None:
    with config_context(n_jobs=n_jobs):
        assert get_config()["n_jobs"] == n_jobs
        assert effective_n_jobs() == (cpu_count() if n_jobs == -1 else n_jobs)


@given(st.integers(max_value=0).filter(lambda n: n != -1) | st.booleans() | st.floats())
def test_other_n_jobs_are_refused(n_jobs: object) -> None:
    with pytest.raises(ConfigError, match="n_jobs="):
        set_config(n_jobs=n_jobs)


@given(st.integers(min_value=-5, max_value=64))
def test_n_jobs_from_the_environment(n_jobs: int) -> None:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("WORKSHIFT_N_JOBS", f" {n_jobs} ")
        token = config_module._config.set(None)
        try:
            if n_jobs >= 1 or n_jobs == -1:
                assert get_config()["n_jobs"] == n_jobs
            else:
                with pytest.raises(ConfigError, match="WORKSHIFT_N_JOBS="):
                    get_config()
        finally:
            config_module._config.reset(token)


def test_n_jobs_that_is_not_a_number_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSHIFT_N_JOBS", "many")
    with pytest.raises(ConfigError, match="WORKSHIFT_N_JOBS='many'"):
        get_config()


# -- allow_fit ------------------------------------------------------------------------


def test_allow_fit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSHIFT_ALLOW_FIT", "0")
    assert get_config()["allow_fit"] is False
    with pytest.raises(FitNotAllowedError, match="the title matcher is not in the cache"):
        require_fit_allowed("the title matcher")
    with config_context(allow_fit=True):
        require_fit_allowed("the title matcher")  # no error
