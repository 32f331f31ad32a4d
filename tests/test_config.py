"""Library configuration: environment defaults, set_config and config_context."""

from __future__ import annotations

from pathlib import Path

import pytest

import workshift._config as config_module
from workshift import ConfigError, config_context, get_config, set_config


@pytest.fixture(autouse=True)
def fresh_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts from the environment, not from what another test set."""
    monkeypatch.delattr(config_module._local, "config", raising=False)


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
