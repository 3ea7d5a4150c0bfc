"""One way to gather the problems of an input file, so all are reported together."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import Problem


class Collector:
    """Problems found in one file (each with its line), in the order they were found."""

    def __init__(self, source: Path | str, problems: list[Problem] | None = None):
        self.source = str(source)
        self.problems: list[Problem] = problems if problems is not None else []

    def add(self, line: int | None, message: str) -> None:
        """Note a problem at `line` of this file (None: the file as a whole)."""
        self.problems.append(Problem(message, source=self.source, line=line))

    def for_file(self, source: Path | str) -> Collector:
        """A collector for another file that adds to the same list."""
        return Collector(source, self.problems)
