"""The public surface is exactly what each package's ``__all__`` says (httpx's habit)."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = [
    "workshift",
    "workshift.reference",
    "workshift.exceptions",
    "workshift.text",
    "workshift.workforce",
    "workshift.matching",
    "workshift.exposure",
    "workshift.scenarios",
    "workshift.reskilling",
    "workshift.disclosure",
    "workshift.council",
    "workshift.reports",
    "workshift.pipeline",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_members_exist_and_public_names_are_listed(name: str) -> None:
    module = importlib.import_module(name)
    exported = set(module.__all__)
    for member in exported:
        assert hasattr(module, member), f"{name}.{member} is in __all__ but missing"
    public = {
        n
        for n, value in vars(module).items()
        if not n.startswith("_")
        and callable(value)
        and (
            getattr(value, "__module__", "") == name
            or getattr(value, "__module__", "").startswith(name + ".")
        )
        and n != "annotations"
    }
    assert public <= exported, f"{name} exposes {sorted(public - exported)} outside __all__"


def test_every_error_derives_from_workshift_error() -> None:
    import workshift.exceptions as exc

    for name in exc.__all__:
        assert issubclass(getattr(exc, name), exc.WorkshiftError)
