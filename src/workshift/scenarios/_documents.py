"""Structured input files (YAML, TOML, JSON) checked against a JSON Schema.

One mechanism for every structured file the user writes (the AI service portfolio, the
scenario file, the presets): :func:`load_document` parses it, keeping the line of each
field where the format has lines (YAML, JSON via YAML), and :func:`validate` checks it
against a schema shipped in ``scenarios/schemas/``. Errors name the file, the line and the
field path, e.g. ``portfolio.yaml, line 14: services[1] (code-assistant).adoption.ceiling:
1.4 is greater than the maximum of 1``. Later stages reuse it for their own files (the
reskilling stage for emerging roles and course catalogues, schemas in its own package).

Examples
--------
>>> doc = parse_document("services:\\n  - id: chat\\n    mode: robots\\n", "p.yaml")
>>> doc.data["services"][0]["mode"]
'robots'
>>> doc.line(("services", 0, "mode"))
3
>>> describe_path(doc.data, ("services", 0, "mode"))
'services[0] (chat).mode'
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from workshift.exceptions import DocumentError

__all__ = [
    "DOCUMENT_SOURCE",
    "Document",
    "DocumentInput",
    "describe_path",
    "load_document",
    "parse_document",
    "schema",
    "validate",
]

PathKey = tuple[str | int, ...]


@dataclass
class Document:
    """A parsed file: its data and, where the format has them, the line of each field."""

    data: Any
    file: str
    lines: dict[PathKey, int] = field(default_factory=dict, repr=False)

    def line(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path``, or of its nearest parent that has one."""
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)

    def error(self, message: str, path: Sequence[str | int] = ()) -> DocumentError:
        """A :class:`DocumentError` for ``path`` with its line and readable field name."""
        return DocumentError(
            message, file=self.file, line=self.line(path), field=describe_path(self.data, path)
        )


def _yaml_lines(node: yaml.Node, path: PathKey, out: dict[PathKey, int]) -> None:
    """Record the (1-based) line of every mapping value and sequence item under ``node``."""
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, key.value)
            out[child] = key.start_mark.line + 1
            _yaml_lines(value, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _yaml_lines(item, (*path, index), out)


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text (``2026-07-01``), as JSON and the schema see them."""


# YAML 1.1 reads 1e9 as text; numbers in scientific notation are numbers (as in JSON).
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789."),
)
_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)


def _plain(value: Any) -> Any:
    """TOML dates and times as ISO text, like YAML dates above."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _copy(value: Any) -> Any:
    """A deep copy of JSON-like data as plain dicts and lists, so that a document's data
    is never the caller's object (readers may fill in defaults)."""
    if isinstance(value, Mapping):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_copy(item) for item in value]
    return value


def parse_document(text: str, file: str) -> Document:
    """Parse YAML (a superset of JSON) or, for ``.toml`` files, TOML."""
    if file.lower().endswith(".toml"):
        try:
            return Document(_plain(tomllib.loads(text)), file)
        except tomllib.TOMLDecodeError as err:
            raise DocumentError(f"not valid TOML: {err}", file=file, line=None, field="") from err
    try:
        data = yaml.load(text, Loader=_Loader)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or str(err)
        raise DocumentError(f"not valid YAML: {problem}", file=file, line=line, field="") from err
    lines: dict[PathKey, int] = {}
    if node is not None:
        _yaml_lines(node, (), lines)
    return Document(data if data is not None else {}, file, lines)


DOCUMENT_SOURCE = "<document>"
"""How errors name a document given already parsed (a mapping) rather than as a file."""

DocumentInput = str | Path | Mapping[str, Any]
"""A structured input: a file (YAML, JSON, TOML) or its content already parsed."""


def load_document(path: DocumentInput) -> Document:
    """Read and parse ``path`` (``.yaml``/``.yml``/``.json``/``.toml``); a mapping is taken
    as the parsed document (JSON-like data; errors then name :data:`DOCUMENT_SOURCE` and no
    line). This is the one way a reader accepts a path or a parsed document.

    >>> doc = load_document({"services": [{"id": "chat", "mode": "robots"}]})
    >>> doc.file, doc.error("bad", ("services", 0, "mode")).field
    ('<document>', 'services[0] (chat).mode')
    """
    if isinstance(path, Mapping):
        return Document(_plain(_copy(path)), DOCUMENT_SOURCE)
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise DocumentError("file not found", file=str(path), line=None, field="") from err
    except UnicodeDecodeError as err:
        raise DocumentError(
            "not UTF-8 text; save it as UTF-8", file=str(path), line=None, field=""
        ) from err
    return parse_document(text, str(path))


def describe_path(data: Any, path: Sequence[str | int]) -> str:
    """``services[2] (cs-assistant).adoption``: indices with the item's id where it has one."""
    text = ""
    node = data
    for key in path:
        if isinstance(key, int):
            text += f"[{key}]"
            node = node[key] if isinstance(node, list) and key < len(node) else None
            if isinstance(node, Mapping) and isinstance(node.get("id"), str):
                text += f" ({node['id']})"
        else:
            text += f".{key}" if text else str(key)
            node = node.get(key) if isinstance(node, Mapping) else None
    return text


@cache
def schema(name: str, package: str = "workshift.scenarios") -> dict[str, Any]:
    """The JSON Schema ``schemas/{name}.schema.json`` shipped in ``package``."""
    resource = files(package) / "schemas" / f"{name}.schema.json"
    loaded: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return loaded


def _message(error: Any) -> str:
    """A short, user-facing message for a jsonschema error (oneOf errors made readable)."""
    if error.validator == "oneOf" and error.context:
        # Report the alternative that got furthest, not "is not valid under any".
        best = max(error.context, key=lambda e: len(e.absolute_path))
        if len(best.absolute_path) > len(error.absolute_path):
            return _message(best)
        if error.validator_value and all("description" in alt for alt in error.validator_value):
            options = " or ".join(alt["description"] for alt in error.validator_value)
            return f"needs {options}"
        if any(alt.get("type") == "array" for alt in error.validator_value):
            return f"{error.instance!r} is not a number, a [low, high] pair or {{low, mode, high}}"
        described = error.schema.get("description", "one of the allowed forms")
        return f"{error.instance!r} is not {described}"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        return f"{error.message}; allowed: {', '.join(allowed)}"
    message: str = error.message
    return message


def validate(document: Document, schema_name: str, package: str = "workshift.scenarios") -> None:
    """Raise a :class:`DocumentError` for the first schema violation (in document order).

    The schema is ``schemas/{schema_name}.schema.json`` of ``package`` (each stage ships
    the schemas of its own files).

    >>> doc = parse_document("services: []\\n", "p.yaml")
    >>> validate(doc, "portfolio")
    Traceback (most recent call last):
    ...
    workshift.exceptions.DocumentError: p.yaml, line 1: services: [] should be non-empty
    """
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema(schema_name, package))
    errors = list(validator.iter_errors(document.data))
    if not errors:
        return
    first = min(errors, key=lambda e: (document.line(_where(e)) or 0, str(e.path)))
    raise document.error(_message(first), _where(first))


def _where(error: Any) -> list[str | int]:
    """The path of an error; for an unknown key, the key itself (so its line is named)."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, Mapping):
        allowed = set(error.schema.get("properties", {}))
        unknown = sorted(str(k) for k in error.instance if k not in allowed)
        if unknown:
            path.append(unknown[0])
    return path
