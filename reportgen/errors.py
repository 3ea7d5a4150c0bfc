"""One exception family for everything a user can get wrong.

Every error carries where it happened (file, line, column) so the CLI can print
`file:line: column 'x': message` without knowing which stage raised it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SHOWN_CHARS = 60
"""How much of an input value a message quotes; a longer value is cut, with its length."""
MAX_MESSAGE_CHARS = 1000
"""A message longer than this is cut when printed, whatever put a long text in it."""


def shortened(text: str, limit: int = SHOWN_CHARS) -> str:
    """`text` as a message may quote it: whole when short, else its start and its length,
    so a megabyte cell does not become a megabyte of error output."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text)} characters)"


@dataclass(frozen=True)
class Problem:
    """One problem in one place of one input file."""

    message: str
    source: str | None = None
    line: int | None = None
    column: str | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = self.source
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        col = f"column '{self.column}': " if self.column else ""
        prefix = "warning: " if self.severity == "warning" else ""
        message = shortened(self.message, MAX_MESSAGE_CHARS)
        return f"{shortened(where, MAX_MESSAGE_CHARS)}{prefix}{shortened(col, SHOWN_CHARS + 12)}{message}"


@dataclass
class ReportgenError(Exception):
    """Base error: a category and one or more located problems."""

    category: str
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems) or self.category


class DataError(ReportgenError):
    """Input data does not meet the data contract."""

    def __init__(self, problems: list[Problem]):
        super().__init__("data", list(problems))


class ContentError(ReportgenError):
    """Narrative content is wrong, missing or does not fit its frame."""

    def __init__(self, problems: list[Problem]):
        super().__init__("content", list(problems))


class LayoutError(ReportgenError):
    """A layout, theme or registry file is malformed."""

    def __init__(self, problems: list[Problem]):
        super().__init__("layout", list(problems))


class UsageError(ReportgenError):
    """The command line asked for something that does not exist."""

    def __init__(self, message: str):
        super().__init__("usage", [Problem(message)])
