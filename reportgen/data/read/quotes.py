"""Finding a quote that opens a CSV cell and is never closed.

Such a quote makes every later line of the file part of one cell: a CSV reader then sees
one record with too few or too many fields, and every row below it goes missing, so that
other tables seem to refer to unknown clients and providers. Naming the quote and the line
it opens on points at the one thing to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class OpenQuote:
    """Where an unclosed quote opens: line (1-based), offset of that line, field index on it."""

    line: int
    line_start: int
    field: int


def _quoted_cells(sep: str) -> re.Pattern[str]:
    """A quoted cell: a quote at the start of a field, then anything with quotes doubled,
    then the closing quote, which group 1 holds (empty when the text ended first)."""
    boundary = re.escape(sep)
    return re.compile(rf'(?<![^\n\r{boundary}])"(?:[^"]|"")*("?)')


def unclosed_quote(text: str, sep: str) -> OpenQuote | None:
    """The quote in `text` that opens a cell and is never closed, or None."""
    if '"' not in text:
        return None
    match = next((m for m in _quoted_cells(sep).finditer(text) if not m.group(1)), None)
    if match is None:
        return None
    start = match.start()
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line = len(re.findall(r"\r\n|\r|\n", text[:line_start])) + 1
    return OpenQuote(line, line_start, text.count(sep, line_start, start))


def lines_in(text: str) -> int:
    """How many lines `text` has (a last line without a line end counts)."""
    ends = len(re.findall(r"\r\n|\r|\n", text))
    return ends + (0 if not text or text.endswith(("\n", "\r")) else 1)
