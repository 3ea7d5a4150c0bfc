"""Variables in narrative text: `{{ naam }}` replaced by a value.

Figures and dates that change every year (the number of GGZ-klanten, the publication
date of the purchasing policy) are written once, as variables, so an editor never
has to retype a figure the data already hold. Values come, in increasing priority,
from the caller's computed values, the national variabelen.yaml and the region's
regio.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reportgen.content.suggest import did_you_mean, name_list
from reportgen.errors import Problem

PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def merged_variables(*layers: Mapping[str, str]) -> dict[str, str]:
    """All variables, a later layer overriding an earlier one."""
    merged: dict[str, str] = {}
    for layer in layers:
        merged.update(layer)
    return merged


def markdown_literal(value: str) -> str:
    """A value escaped so that Markdown prints it as typed: every ASCII punctuation
    character gets a backslash, so '*', '<', '#' or '1.' in a value never become markup."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(value.split()))


def _unknown_message(name: str, known: Mapping[str, str], where_to_add: str) -> str:
    """What is wrong with an unknown variable and how to fix it."""
    hint = did_you_mean(name, known, "{{{{ {} }}}}")
    return (
        f"unknown variable {{{{ {name} }}}}{hint}; use one of: {name_list(known)}, "
        f"or define it under 'variabelen:' in {where_to_add}"
    )


def substituted_text(
    text: str,
    values: Mapping[str, str],
    source: str,
    first_line: int,
    where_to_add: str,
    markdown: bool = True,
) -> tuple[str, list[Problem]]:
    """The text with every `{{ naam }}` replaced, and an error per unknown or broken one.

    Works line by line so each message names its line and the line structure (which
    Markdown needs) stays as it was. With `markdown` the values are escaped so they
    print literally. An unknown variable is left in the text as written.
    """
    out_lines: list[str] = []
    problems: list[Problem] = []
    for offset, line in enumerate(text.split("\n")):
        line_no = first_line + offset
        pieces: list[str] = []
        last = 0
        for match in PLACEHOLDER.finditer(line):
            between = line[last : match.start()]
            pieces.append(between)
            if "{{" in between:
                problems.append(_unclosed(source, line_no))
            name = match.group(1).strip()
            if NAME.fullmatch(name) and name in values:
                value = values[name]
                pieces.append(markdown_literal(value) if markdown else " ".join(value.split()))
            else:
                problems.append(Problem(_unknown_message(name, values, where_to_add), source, line_no))
                pieces.append(match.group(0))
            last = match.end()
        rest = line[last:]
        if "{{" in rest:
            problems.append(_unclosed(source, line_no))
        pieces.append(rest)
        out_lines.append("".join(pieces))
    return "\n".join(out_lines), problems


def _unclosed(source: str, line: int) -> Problem:
    """The error for a '{{' without its closing '}}' on the same line."""
    return Problem(
        "'{{' without a closing '}}' on the same line: write a variable as {{ naam }}",
        source,
        line,
    )
