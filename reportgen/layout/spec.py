"""Layouts, themes and settings as frozen dataclasses: what the YAML files say, checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.kinds.spec import Kind
from reportgen.model import Box, TextStyle


@dataclass(frozen=True)
class FrameSpec:
    """One frame of a page: its kind ("kpi", "grafiek", "verhaal", ...), id, box and options."""

    kind: str
    id: str
    box: Box
    options: dict[str, Any]
    line: int = 0
    option_lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PageSpec:
    """One page of a layout; `only_with_changes` pages appear only when a method changed."""

    id: str
    title: str
    frames: tuple[FrameSpec, ...]
    only_with_changes: bool = False
    line: int = 0


@dataclass(frozen=True)
class PageOutline:
    """The pages of another document's layout and its kind: enough to know on which page it
    shows each indicator (the leeswijzer's `regioanalyse:`)."""

    kind: Kind
    pages: tuple[PageSpec, ...]


@dataclass(frozen=True)
class Theme:
    """Colours by name (hex RRGGBB), text styles by role, and the smallest narrative size."""

    colors: dict[str, str]
    styles: dict[str, TextStyle]
    min_size: float

    def style(self, role: str) -> TextStyle:
        """The text style of a role (e.g. "tekst", "bron")."""
        return self.styles[role]


@dataclass(frozen=True)
class Settings:
    """Organisation name, analyses URL, small-count threshold and headline thresholds."""

    organisation: str
    analyses_url: str
    min_count: int
    thresholds: dict[str, float] = field(default_factory=dict)
    thresholds_line: int = 1
    source: str = ""


@dataclass(frozen=True)
class Layout:
    """A document's layout: its kind, title and file-name templates, theme, settings and pages.

    template: the bytes of the company .pptx the PPTX is built on (None: the built-in one).
    """

    document: str
    kind: Kind
    title: str
    file_name: str
    theme: Theme
    settings: Settings
    template: bytes | None
    title_box: Box
    footer_box: Box
    pages: tuple[PageSpec, ...]
    source: Path

    def frames(self, kind: str) -> list[FrameSpec]:
        """All frames of one kind, in page order."""
        return [f for p in self.pages for f in p.frames if f.kind == kind]
