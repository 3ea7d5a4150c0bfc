"""Read the variables and headline overrides editors keep beside the texts.

`content/<edition>/landelijk/variabelen.yaml` holds national variables (a map of name
to text); `content/<edition>/<region>/regio.yaml` holds the region's `variabelen:` and
`koppen:` (headline overrides). Both files are optional.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from reportgen.content.sanitize import cleaned_inline, cleaned_source
from reportgen.content.sectionfile import decoded_text
from reportgen.content.suggest import did_you_mean, name_list
from reportgen.content.variables import NAME
from reportgen.content.yamltext import Entry, yaml_entries
from reportgen.errors import Problem

REGION_KEYS = ("koppen", "variabelen")


@dataclass(frozen=True)
class RawHeadline:
    """A headline override as written, before its variables are filled in."""

    id: str
    text: str
    line: int


def _text_value(entry: Entry, source: str, what: str) -> tuple[str | None, list[Problem]]:
    """The entry's value as one line of text, or None and the error."""
    value = entry.value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, [
            Problem(f"{what} '{entry.key}' must be a single text, e.g. '{entry.key}: tekst'", source, entry.line)
        ]
    text = cleaned_inline(str(value)).strip()
    if not text:
        return None, [Problem(f"{what} '{entry.key}' is empty: give it a text or remove the line", source, entry.line)]
    return text, []


def _variables(entries: Collection[Entry], source: str) -> tuple[dict[str, str], list[Problem]]:
    """Variables from `name: text` entries, checked."""
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for entry in entries:
        if not NAME.fullmatch(entry.key):
            problems.append(
                Problem(
                    f"variable name '{entry.key}' is not allowed: use letters, digits and '_' only, "
                    "starting with a letter (e.g. ggz_klanten)",
                    source,
                    entry.line,
                )
            )
            continue
        text, errs = _text_value(entry, source, "variable")
        problems.extend(errs)
        if text is not None:
            values[entry.key] = text
    return values, problems


def _entries_of(path: Path, what: str) -> tuple[list[Entry] | None, list[Problem]]:
    """The top-level entries of a YAML file, or None (with errors) when it cannot be read."""
    if path.is_dir():
        return None, [
            Problem(
                f"is a folder, not a file (expected the YAML file {path.name} here; rename or remove the folder)",
                str(path),
            )
        ]
    text, problems = decoded_text(path.read_bytes(), str(path))
    if text is None:
        return None, problems
    entries, more = yaml_entries(cleaned_source(text), str(path), 1, what)
    return entries, problems + more


def _nested(entry: Entry, source: str) -> tuple[tuple[Entry, ...], list[Problem]]:
    """The entries of a `variabelen:` or `koppen:` block, which must be a map (or empty)."""
    if entry.value is None:
        return (), []
    if entry.children is None:
        return (), [Problem(f"'{entry.key}' must hold 'name: text' lines, indented below it", source, entry.line)]
    return entry.children, []


def read_national_variables(path: Path) -> tuple[dict[str, str], list[Problem]]:
    """The national variables, or none when the file does not exist."""
    if not path.exists():
        return {}, []
    entries, problems = _entries_of(path, path.name)
    if entries is None:
        return {}, problems
    values, more = _variables(entries, str(path))
    return values, problems + more


def read_region_settings(
    path: Path, headline_ids: Collection[str]
) -> tuple[dict[str, str], list[RawHeadline], list[Problem]]:
    """The region's variables and headline overrides, or none when there is no regio.yaml."""
    if not path.exists():
        return {}, [], []
    source = str(path)
    entries, problems = _entries_of(path, path.name)
    if entries is None:
        return {}, [], problems
    values: dict[str, str] = {}
    headlines: list[RawHeadline] = []
    for entry in entries:
        if entry.key not in REGION_KEYS:
            hint = did_you_mean(entry.key, REGION_KEYS)
            problems.append(
                Problem(f"unknown key '{entry.key}'{hint}; allowed keys: {name_list(REGION_KEYS)}", source, entry.line)
            )
            continue
        children, errs = _nested(entry, source)
        problems.extend(errs)
        if entry.key == "variabelen":
            found, more = _variables(children, source)
            values.update(found)
            problems.extend(more)
            continue
        for child in children:
            if child.key not in headline_ids:
                hint = did_you_mean(child.key, headline_ids)
                problems.append(
                    Problem(
                        f"unknown headline id '{child.key}' in koppen{hint}; known ids: {name_list(headline_ids)}",
                        source,
                        child.line,
                    )
                )
                continue
            text, more = _text_value(child, source, "headline")
            problems.extend(more)
            if text is not None:
                headlines.append(RawHeadline(child.key, text, child.line))
    return values, headlines, problems
