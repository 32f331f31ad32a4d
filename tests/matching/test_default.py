"""The default matcher's cache key covers everything that shapes the fitted matcher."""

from __future__ import annotations

import ast
from importlib.resources import files

from workshift.matching import _default


def test_fit_modules_exist_and_cover_what_fit_imports() -> None:
    package = files("workshift.matching")
    for module in _default._FIT_MODULES:
        assert (package / module).is_file(), module
    # every module of the package that the fitting code imports is in the key
    fitting = {"_default.py", "_title_matcher.py", "_normalise.py"}
    imported = set()
    for name in fitting:
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            if module.startswith("workshift.matching._"):
                imported.add(module.rsplit(".", 1)[1] + ".py")
    assert imported <= set(_default._FIT_MODULES)
