"""Read YAML while remembering on which line every mapping and key stood.

Configuration errors must name the file and line; plain yaml.safe_load forgets both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import LayoutError, Problem

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class LineDict(dict):
    """A dict from YAML that knows its own line and the line of each key (1-based).

    `entries` lists every (key, line, value, plain) in file order, repeated keys
    included (YAML itself would silently keep the last); `plain` is False for a key
    that is not a plain scalar.
    """

    line: int = 0
    key_lines: dict[str, int]
    entries: list[tuple[object, int, object, bool]]

    def line_of(self, key: str) -> int:
        """Line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineLoader(yaml.SafeLoader):
    """The one line-aware YAML loader: a SafeLoader whose mappings are LineDicts and
    which leaves dates as text (so a date is checked, and copied, exactly as written)."""


LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    result.entries = []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        value = loader.construct_object(value_node, deep=True)
        if not isinstance(key_node, yaml.ScalarNode):
            result.entries.append(("?", line, value, False))
            continue
        key = loader.construct_object(key_node, deep=True)
        result.entries.append((key, line, value, True))
        result[key] = value
        result.key_lines[str(key)] = line
    return result


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_CSafeLoader = getattr(yaml, "CSafeLoader", None)  # absent when PyYAML was built without libyaml


class FastLineLoader(_CSafeLoader or yaml.SafeLoader):  # type: ignore[misc]
    """LineLoader's twin on libyaml's parser: the same values and lines, several times faster
    on the large layout files. A text it cannot parse is parsed again by LineLoader, so every
    message about a broken file is the one LineLoader gives."""


FastLineLoader.yaml_implicit_resolvers = LineLoader.yaml_implicit_resolvers
FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def compose_with_lines(text: str) -> yaml.Node | None:
    """The node tree of a YAML text, with the lines of every node; errors as LineLoader raises them."""
    try:
        return yaml.compose(text, Loader=FastLineLoader)  # noqa: S506 - a SafeLoader twin
    except yaml.YAMLError:
        return yaml.compose(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass


def read_text(path: Path, error: type = LayoutError, missing: str = "file not found") -> str:
    """A configuration file's UTF-8 text; a missing or undecodable file becomes `error`."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error([Problem(missing, source=str(path))]) from None
    except IsADirectoryError:
        raise error([Problem("is a folder, not a file (expected a YAML file here)", source=str(path))]) from None
    except OSError as exc:
        raise error([Problem(f"cannot read the file ({exc.strerror or exc})", source=str(path))]) from None
    except UnicodeDecodeError as exc:
        raise error([Problem(f"not UTF-8 text ({exc.reason} at byte {exc.start})", source=str(path))]) from None


def syntax_error(exc: yaml.MarkedYAMLError, path: Path, error: type = LayoutError) -> Exception:
    """A YAML syntax error as `error`, naming the file and the line of the problem."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    return error([Problem(f"YAML syntax error: {exc.problem}", source=str(path), line=line)])


def load_yaml_with_lines(path: Path, error: type = LayoutError) -> Any:
    """Parse a YAML file; syntax errors become `error` naming file and line."""
    text = read_text(path, error)
    try:
        return yaml.load(text, Loader=FastLineLoader)  # noqa: S506 - a SafeLoader twin
    except yaml.YAMLError:
        pass  # parsed again below, for LineLoader's message
    try:
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, path, error) from None
