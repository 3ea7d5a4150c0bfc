"""The resolved document: what both renderers draw, and nothing else.

Assembly turns layout + indicator values + charts + narrative into a `Document`. A
renderer sees only these frozen dataclasses: if it needed pandas, a file path or a
layout, a field would be missing here. Geometry is in points on a 960 x 540 page
(16:9, 13.333 x 7.5 in), origin top-left, y downwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAGE_WIDTH = 960.0
PAGE_HEIGHT = 540.0


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, in points, from the top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class Run:
    """A piece of text with one style. `link` makes it a hyperlink to that URL."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph.

    kind: "body" (plain), "heading" (a sub-heading inside a section, drawn bold),
    "bullet" or "number" (list items; `level` 0 or 1; `number` is the printed number).
    """

    runs: tuple[Run, ...]
    kind: str = "body"
    level: int = 0
    number: int | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class TextStyle:
    """How the text of a frame is set.

    size: font size in pt; leading: distance between baselines in pt; space_after:
    extra space after each paragraph in pt; indent: left indent per list level in pt;
    color: "RRGGBB"; align: "left" | "center" | "right"; valign: "top" | "middle" | "bottom".
    """

    size: float = 11.0
    leading: float = 13.2
    space_after: float = 4.0
    indent: float = 12.0
    color: str = "000000"
    bold: bool = False
    italic: bool = False
    align: str = "left"
    valign: str = "top"


@dataclass(frozen=True)
class Ref:
    """Which computed value a printed text shows, so tests and audits can trace it.

    `unit` names the value's unit when the indicator has several (a chart of shares prints the
    "aandeel" rows, not the counts behind them); None means every unit of that key.
    """

    indicator: str
    region: str
    period: str
    category: str = ""
    unit: str | None = None


@dataclass(frozen=True)
class TextFrame:
    """A box of text, as paragraphs of styled runs. Line breaking is done by
    `reportgen.textfit` with the house font's metrics, for the PDF and for the fit
    checks alike, so what the check says fits is what the page shows.

    role names the layout frame kind: "title", "narrative", "headline", "source",
    "footer", "kpi-value", "kpi-label", "kpi-note", "link", "marker", "text".
    """

    id: str
    box: Box
    paragraphs: tuple[Paragraph, ...]
    style: TextStyle
    role: str = "text"
    fill: str | None = None
    refs: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class Rect:
    """A filled rectangle (tile backgrounds, bands, rules)."""

    id: str
    box: Box
    fill: str
    line: str | None = None


@dataclass(frozen=True)
class ChartFrame:
    """A chart drawn by matplotlib: `pdf` (vector, one page) for the PDF renderer,
    `png` for the PPTX picture, `alt_text` for screen readers, `labels` the value
    labels printed in it (for tests and the audit trail)."""

    id: str
    box: Box
    pdf: bytes
    png: bytes
    alt_text: str
    labels: tuple[str, ...] = ()
    refs: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class TableFrame:
    """A simple table: a header row and body rows of plain text cells.

    col_widths are in points and sum to box.w; row heights follow from the text.
    """

    id: str
    box: Box
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    col_widths: tuple[float, ...]
    style: TextStyle
    header_fill: str = "1F3864"
    header_color: str = "FFFFFF"
    rule_color: str = "BFBFBF"


Frame = TextFrame | Rect | ChartFrame | TableFrame


@dataclass(frozen=True)
class Page:
    """One slide / PDF page: frames in drawing order (later frames on top)."""

    number: int
    title: str
    frames: tuple[Frame, ...]
    notes: str = ""


@dataclass(frozen=True)
class Document:
    """A whole document about one subject (a region, a municipality, an aanbieder).

    `created` is an ISO date-time used for file metadata, so that the same inputs give
    byte-identical files; `template` the bytes of a company .pptx to build the PPTX on
    (None: the built-in one)."""

    kind: str
    subject: str
    subject_name: str
    edition: int
    title: str
    author: str
    created: str
    pages: tuple[Page, ...]
    background: str = "FFFFFF"
    keywords: tuple[str, ...] = field(default=())
    template: bytes | None = field(default=None, repr=False)
