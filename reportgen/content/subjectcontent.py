"""The narrative of one subject (a region) and edition, read, checked and ready for assembly.

Assembly needs more than the paragraphs: the size the check fitted each text at (so the
page shows what was measured), where each text came from (for messages and the audit
trail) and whether any of it is example text or still concept (the deck then carries
a marker).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.errors import Problem
from reportgen.model import Paragraph, TextStyle


@dataclass(frozen=True)
class SectionContent:
    """One section's text.

    lines: the source line of each paragraph; style: the style the text fits its slot
    in (None when it does not fit); national: the text is the shared national one;
    example: the front matter marks it `voorbeeldtekst: true`.
    """

    section: str
    paragraphs: tuple[Paragraph, ...]
    lines: tuple[int, ...]
    source: str
    status: str | None
    reviewed: str | None
    style: TextStyle | None
    national: bool = False
    example: bool = False
    author: str | None = None
    previous_edition: int | None = None

    @property
    def concept(self) -> bool:
        """Whether the text is not yet marked final (a missing status counts as concept)."""
        return self.status != "definitief"


@dataclass(frozen=True)
class Headline:
    """An editor's replacement for a computed headline, from regio.yaml `koppen:`."""

    id: str
    text: str
    source: str
    line: int


@dataclass(frozen=True)
class SubjectContent:
    """Everything editors wrote for one subject (a region) and edition.

    variables: the merged variables as (name, value), sorted by name; warnings: the
    problems of severity warning found while reading (errors stop loading).
    """

    region: str
    edition: int
    sections: tuple[SectionContent, ...]
    headlines: tuple[Headline, ...]
    variables: tuple[tuple[str, str], ...]
    warnings: tuple[Problem, ...] = ()

    def section(self, section_id: str) -> SectionContent | None:
        """The text of a section, or None when there is none."""
        return next((s for s in self.sections if s.section == section_id), None)

    def headline(self, headline_id: str) -> Headline | None:
        """The editor's override of a headline, or None to use the computed one."""
        return next((h for h in self.headlines if h.id == headline_id), None)

    @property
    def example(self) -> bool:
        """Whether any section is example text, not a real one."""
        return any(s.example for s in self.sections)

    @property
    def concept(self) -> bool:
        """Whether any section is still concept."""
        return any(s.concept for s in self.sections)
