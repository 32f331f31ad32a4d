"""Structured files: YAML with line numbers, TOML, schema errors that name file, line, field."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshift.exceptions import DocumentError, WorkshiftError
from workshift.scenarios._documents import (
    describe_path,
    load_document,
    parse_document,
    schema,
    validate,
)

PORTFOLIO = """\
currency: EUR
services:
  - id: chat
    name: Chat
    mode: automation
    launch: 2026-07-01
    covers:
      tasks: [2578]
    adoption:
      ceiling: [0.5, 0.9]
      midpoint: 2
      steepness: 1.5
    running_cost: {requests_per_hour: 10, price_per_request: 0.01, energy_wh_per_request: 1}
  - id: books
    name: Books
    mode: augmentation
    launch: 2027
    covers: {descriptions: [Reconcile bank statements]}
    adoption: {ceiling: 0.5, midpoint: 2, steepness: 1}
    running_cost: {requests_per_hour: 10, price_per_request: 0.01, energy_wh_per_request: 1}
"""


def test_yaml_keeps_the_line_of_every_field() -> None:
    doc = parse_document(PORTFOLIO, "p.yaml")
    assert doc.line(("currency",)) == 1
    assert doc.line(("services", 0)) == 3
    assert doc.line(("services", 0, "launch")) == 6
    assert doc.line(("services", 0, "adoption", "ceiling")) == 10
    assert doc.line(("services", 1, "id")) == 14
    assert doc.line(("services", 1, "adoption", "steepness")) == 19


def test_a_path_without_a_line_falls_back_to_its_nearest_parent() -> None:
    doc = parse_document(PORTFOLIO, "p.yaml")
    # The items of a flow sequence have no line of their own here: the key's line counts.
    assert doc.line(("services", 0, "adoption", "ceiling", 5)) == 10
    assert doc.line(("services", 0, "nothing", "here")) == 3


def test_dates_stay_text_as_the_schema_sees_them() -> None:
    doc = parse_document(PORTFOLIO, "p.yaml")
    assert doc.data["services"][0]["launch"] == "2026-07-01"
    assert doc.data["services"][1]["launch"] == 2027


def test_schema_errors_name_file_line_and_field() -> None:
    text = PORTFOLIO.replace("    mode: augmentation", "    mode: robots")
    doc = parse_document(text, "p.yaml")
    with pytest.raises(DocumentError) as caught:
        validate(doc, "portfolio")
    err = caught.value
    assert (err.file, err.line, err.field) == ("p.yaml", 16, "services[1] (books).mode")
    assert str(err).startswith("p.yaml, line 16: services[1] (books).mode: 'robots' is not one of")
    assert isinstance(err, WorkshiftError)
    assert isinstance(err, ValueError)


def test_the_first_error_in_the_file_is_reported() -> None:
    text = PORTFOLIO.replace("mode: robots", "").replace(
        "    mode: augmentation", "    mode: robots"
    )
    text = text.replace("    name: Chat", "    name: ''")
    with pytest.raises(DocumentError) as caught:
        validate(parse_document(text, "p.yaml"), "portfolio")
    assert caught.value.line == 4
    assert caught.value.field == "services[0] (chat).name"


def test_unknown_key_lists_the_allowed_keys() -> None:
    text = PORTFOLIO.replace("    mode: automation", "    mode: automation\n    colour: red")
    with pytest.raises(DocumentError) as caught:
        validate(parse_document(text, "p.yaml"), "portfolio")
    message = str(caught.value)
    assert "'colour' was unexpected" in message
    allowed = sorted(schema("portfolio")["$defs"]["service"]["properties"])
    assert f"allowed: {', '.join(allowed)}" in message
    assert caught.value.field == "services[0] (chat).colour"
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "colour: red" in row)
    assert caught.value.line == line


def test_unknown_top_level_key_lists_the_allowed_keys() -> None:
    with pytest.raises(
        DocumentError,
        match=r"'organization' was unexpected.*allowed: currency, organisation, services$",
    ):
        validate(parse_document(PORTFOLIO + "organization: ACME\n", "p.yaml"), "portfolio")


def test_invalid_yaml_names_the_line() -> None:
    text = "services:\n  - id: a\n    name: Chat\n  mode: : automation\n"
    with pytest.raises(DocumentError) as caught:
        parse_document(text, "p.yaml")
    assert caught.value.line == 4
    assert str(caught.value).startswith("p.yaml, line 4: not valid YAML: ")
    assert isinstance(caught.value.__cause__, Exception)


def test_toml_is_parsed_with_dates_as_text_and_no_lines() -> None:
    text = (
        'currency = "EUR"\n\n[[services]]\nid = "chat"\nlaunch = 2026-07-01\n'
        "[services.adoption]\nceiling = [0.5, 0.9]\n"
    )
    doc = parse_document(text, "scenario.TOML")
    assert doc.data == {
        "currency": "EUR",
        "services": [{"id": "chat", "launch": "2026-07-01", "adoption": {"ceiling": [0.5, 0.9]}}],
    }
    assert doc.line(("services", 0, "id")) is None
    err = doc.error("bad", ("services", 0, "adoption", "ceiling"))
    assert str(err) == "scenario.TOML: services[0] (chat).adoption.ceiling: bad"


def test_invalid_toml_is_a_document_error() -> None:
    with pytest.raises(DocumentError, match=r"^s\.toml: not valid TOML: ") as caught:
        parse_document("years = \n", "s.toml")
    assert caught.value.line is None


def test_numbers_in_scientific_notation_are_numbers() -> None:
    # YAML 1.2 and JSON read 1e9 as a number; PyYAML's YAML 1.1 rules need "1.0e+9".
    doc = parse_document("a: 1e9\nb: 2.5e-6\nc: 1.0e+9\nd: -3E2\n", "p.yaml")
    assert doc.data == {"a": 1e9, "b": 2.5e-6, "c": 1e9, "d": -300.0}


def test_an_empty_yaml_file_is_an_empty_mapping() -> None:
    assert parse_document("# nothing\n", "s.yaml").data == {}


def test_load_document_reads_yaml_json_and_toml(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("\ufeffyears: '2026-2030'\n", encoding="utf-8")
    (tmp_path / "a.json").write_text('{\n  "years": "2026-2030"\n}\n', encoding="utf-8")
    (tmp_path / "a.toml").write_text('years = "2026-2030"\n', encoding="utf-8")
    for name in ("a.yaml", "a.json", "a.toml"):
        doc = load_document(tmp_path / name)
        assert doc.data == {"years": "2026-2030"}
        assert doc.file == str(tmp_path / name)
    assert load_document(tmp_path / "a.json").line(("years",)) == 2


def test_load_document_errors(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="file not found"):
        load_document(tmp_path / "missing.yaml")
    (tmp_path / "latin.yaml").write_bytes("name: M\xfcller\n".encode("latin-1"))
    with pytest.raises(DocumentError, match="not UTF-8"):
        load_document(tmp_path / "latin.yaml")


def test_describe_path_names_items_by_id() -> None:
    data = {"services": [{"id": "a"}, {"name": "no id"}], "x": {"y": [1, 2]}}
    assert describe_path(data, ("services", 0, "adoption")) == "services[0] (a).adoption"
    assert describe_path(data, ("services", 1, "mode")) == "services[1].mode"
    assert describe_path(data, ("x", "y", 1)) == "x.y[1]"
    assert describe_path(data, ("services", 7, "id")) == "services[7].id"
    assert describe_path(data, ()) == ""
