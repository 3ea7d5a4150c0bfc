"""Read the small YAML maps of content files, keeping the line of every key.

The parsing is `reportgen.yamlfile`'s one line-aware loader; this module turns its
mappings into entries and reports what editors get wrong in them.

Editors write front matter, regio.yaml and variabelen.yaml by hand; a message that
names the line of the wrong key is one they can act on. Dates are read as text, not
as date objects, so `laatst_beoordeeld` is checked for the exact form YYYY-MM-DD and
copied unchanged into a new edition.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from reportgen.errors import Problem
from reportgen.yamlfile import LineDict, LineLoader


@dataclass(frozen=True)
class Entry:
    """One `key: value` of a map, with the file line of the key.

    children holds the entries of a nested map (one level deep), else None.
    """

    key: str
    value: object
    line: int
    children: tuple[Entry, ...] | None = None


def _entries(data: LineDict, first_line: int, depth: int) -> tuple[list[Entry], list[tuple[str, int]]]:
    """Entries of a mapping, and (key, line) of keys that are not plain names."""
    entries: list[Entry] = []
    bad_keys: list[tuple[str, int]] = []
    for key, line, value, plain in data.entries:
        line = first_line - 1 + line
        if not plain:
            bad_keys.append(("?", line))
            continue
        children = None
        if depth == 0 and isinstance(value, LineDict):
            children = tuple(_entries(value, first_line, 1)[0])
        entries.append(Entry(str(key), value, line, children))
    return entries, bad_keys


def yaml_entries(text: str, source: str, first_line: int, what: str) -> tuple[list[Entry] | None, list[Problem]]:
    """The top-level entries of a YAML map, or None with the problems when it is not one.

    first_line is the file line of the text's first line; `what` names the text in
    messages ("front matter", "regio.yaml").
    """
    loader = LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return [], []
        if not isinstance(node, yaml.MappingNode):
            line = first_line + node.start_mark.line
            return None, [Problem(f"{what} must be 'key: value' lines, one per line", source, line)]
        entries, bad_keys = _entries(loader.construct_document(node), first_line, 0)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        reason = getattr(exc, "problem", None) or "syntax error"
        return None, [
            Problem(
                f"{what} is not valid YAML ({reason}): check the colon after the key, and put "
                "text with a ':' or '#' between quotes",
                source,
                line,
            )
        ]
    finally:
        loader.dispose()
    problems = [Problem(f"{what} key must be a plain name", source, line) for _, line in bad_keys]
    problems.extend(duplicate_key_problems(entries, source, what))
    for entry in entries:
        if entry.children is not None:
            problems.extend(duplicate_key_problems(list(entry.children), source, what))
    return entries, problems


def duplicate_key_problems(entries: list[Entry], source: str, what: str) -> list[Problem]:
    """An error for every key given a second time (YAML would silently keep the last)."""
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for entry in entries:
        if entry.key in seen:
            problems.append(
                Problem(
                    f"key '{entry.key}' appears twice in {what} (first on line {seen[entry.key]}): keep one of them",
                    source,
                    entry.line,
                )
            )
        else:
            seen[entry.key] = entry.line
    return problems
