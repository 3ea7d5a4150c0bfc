"""The layout and registry files are read with libyaml's parser: the same values and lines as
the line-aware Python loader, and for a broken file the Python loader's message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reportgen.errors import LayoutError
from reportgen.yamlfile import FastLineLoader, LineDict, LineLoader, compose_with_lines, load_yaml_with_lines

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for folder in ("layouts", "content") for p in (ROOT / folder).rglob("*.yaml"))


def _with_lines(value: object) -> object:
    """A value with the line of every mapping, key and entry, for comparison."""
    if isinstance(value, LineDict):
        entries = tuple((repr(k), line, _with_lines(v), plain) for k, line, v, plain in value.entries)
        return ("map", value.line, tuple(sorted(value.key_lines.items())), entries)
    if isinstance(value, list):
        return ("list", tuple(_with_lines(v) for v in value))
    return (type(value).__name__, repr(value))


def _nodes(node: yaml.Node) -> object:
    where = (node.tag, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return (*where, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (*where, tuple(_nodes(c) for c in node.value))
    return (*where, tuple((_nodes(k), _nodes(v)) for k, v in node.value))


def test_libyaml_is_used() -> None:
    assert issubclass(FastLineLoader, yaml.CSafeLoader)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_values_and_lines_as_the_python_loader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _with_lines(load_yaml_with_lines(path)) == _with_lines(yaml.load(text, Loader=LineLoader))  # noqa: S506
    assert _nodes(compose_with_lines(text)) == _nodes(yaml.compose(text, Loader=LineLoader))  # noqa: S506


def test_dates_stay_text() -> None:
    assert compose_with_lines("d: 2024-01-31\n").value[0][1].tag == "tag:yaml.org,2002:str"
    assert yaml.load("d: 2024-01-31\n", Loader=FastLineLoader) == {"d": "2024-01-31"}  # noqa: S506


def test_broken_file_gets_the_python_loaders_message(tmp_path: Path) -> None:
    path = tmp_path / "theme.yaml"
    text = "kleuren:\n  a: 1\n b: [2\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(yaml.MarkedYAMLError) as expected:
        yaml.load(text, Loader=LineLoader)  # noqa: S506
    with pytest.raises(LayoutError) as raised:
        load_yaml_with_lines(path)
    (problem,) = raised.value.problems
    assert problem.message == f"YAML syntax error: {expected.value.problem}"
    assert problem.line == expected.value.problem_mark.line + 1
    with pytest.raises(yaml.MarkedYAMLError) as composed:
        compose_with_lines(text)
    assert composed.value.problem == expected.value.problem
