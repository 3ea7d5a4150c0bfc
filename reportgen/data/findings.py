"""From boolean masks to located, capped Problems.

Checks run on whole columns and return a mask of offending rows plus a way to word the
message for one row. Only the first rows of each mask are ever worded, so a file with a
million bad cells costs no more to report than one with fifty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from reportgen.data.read.raw import RawTable
from reportgen.errors import SHOWN_CHARS, Problem

MAX_PROBLEMS_PER_FILE = 50

Message = Callable[[int], str]
"""Words the problem of the row at a position; called only for rows that are reported."""


@dataclass(frozen=True)
class Finding:
    """Rows (by position) with one kind of problem in one column, and how to word it."""

    mask: np.ndarray
    column: str | None
    message: Message


def quoted(value: object) -> str:
    """A cell value as it appears in messages: in single quotes, characters one cannot see
    (zero-width space, no-break space, control characters) spelled out as <U+200B>, and
    cut when very long."""
    text = str(value)
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else f"<U+{ord(ch):04X}>" for ch in text)
    if len(text) <= SHOWN_CHARS:
        return f"'{text}'"
    return f"'{text[:SHOWN_CHARS]}...' ({len(text)} characters)"


def place_of(raw: RawTable, position: int) -> str:
    """'line 7' or 'row 7': how a message refers to another row of the same file."""
    return f"{raw.place_word} {int(raw.places[position])}"


def _located(raw: RawTable, place: int, column: str | None, message: str) -> Problem:
    if raw.place_in_message:
        return Problem(f"row {place}: {message}", raw.source, None, column)
    return Problem(message, raw.source, place, column)


def capped_problems(raw: RawTable, findings: list[Finding], cap: int = MAX_PROBLEMS_PER_FILE) -> list[Problem]:
    """All problems of one file in line order (reader's first), at most `cap`, then a count of the rest."""
    order = {name: i for i, name in enumerate(raw.table.column_names)}
    entries: list[tuple[int, int, Problem]] = []
    total = len(raw.problems)
    for problem in raw.problems:
        entries.append((problem.line or 0, order.get(problem.column or "", -1), problem))
    for note in raw.notes:
        place = int(raw.places[note.position])
        entries.append((place, order[note.column], _located(raw, place, note.column, note.message)))
    total += len(raw.notes)
    for finding in findings:
        positions = np.flatnonzero(finding.mask)
        total += len(positions)
        for position in positions[:cap]:
            place = int(raw.places[position])
            problem = _located(raw, place, finding.column, finding.message(int(position)))
            entries.append((place, order.get(finding.column or "", -1), problem))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    kept = [problem for _, _, problem in entries[:cap]]
    if total > len(kept):
        kept.append(Problem(f"... and {total - len(kept)} more problems", raw.source))
    return kept
