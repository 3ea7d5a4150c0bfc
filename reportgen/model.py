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
    """A piece of text with one style. `link` makes it a hyperlink to that URL; `field`
    "slidenum" makes it the page's number, which PowerPoint keeps up to date (`text`
    is its value here)."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    field: str | None = None


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
class DerivedValue:
    """A value a chart prints that no indicator row holds (a line of merged categories,
    category "a+b"), with its value, None when the chart hides it, so the audit lists it."""

    ref: Ref
    value: float | None


@dataclass(frozen=True)
class TextFrame:
    """A box of text, as paragraphs of styled runs. Line breaking is done by
    `reportgen.textfit` with the house font's metrics, for the PDF and for the fit
    checks alike, so what the check says fits is what the page shows.

    role names the layout frame kind: "title", "narrative", "headline", "source",
    "footer", "page-number", "kpi-value", "kpi-label", "kpi-note", "link", "marker",
    "text". Frames with the same `group` (a KPI tile) are one group in the PPTX.
    """

    id: str
    box: Box
    paragraphs: tuple[Paragraph, ...]
    style: TextStyle
    role: str = "text"
    fill: str | None = None
    refs: tuple[Ref, ...] = ()
    group: str | None = None


@dataclass(frozen=True)
class Rect:
    """A filled rectangle (tile backgrounds, bands, rules): decoration, marked so for
    screen readers. Frames with the same `group` are one group in the PPTX."""

    id: str
    box: Box
    fill: str
    line: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class ChartSeries:
    """One series of a chart description: legend name, one value per category (None:
    hidden, so absent from every copy of the data), colour "RRGGBB", the label text
    printed at each value ("" where none is printed) and the labels' colour."""

    name: str
    values: tuple[float | None, ...]
    color: str
    labels: tuple[str, ...]
    label_color: str = "262626"


@dataclass(frozen=True)
class ChartMark:
    """A text a chart prints that is no value label of a series (the group size "n = ..."
    above a column, "*" for a hidden value), at category `category` and value `at`.

    where: "above" (over the column, at the top of the plot), "center" (in the column at
    `at`), "beside" (right of the column, or at the start of a bar's row, at `at`),
    "above:<j>" (over the j-th column of a cluster, on the baseline), "end:<j>" (right
    of the last known point of line j), "top" (bold, over the column's stack ending at
    `at`), "below:<r>" (in row r under the category axis, centred at `at` in category
    units; a forecast's years), "name:<r>" (as "below:<r>", bold: a panel's name),
    "head:<r>" (the row's heading, left of the plot)."""

    text: str
    category: int
    at: float = 1.0
    where: str = "above"


@dataclass(frozen=True)
class ChartExtra:
    """A figure a chart draws that PowerPoint's chart cannot: a growth arrow from category
    `start` to `end` over the values `values` (first, last, highest), a dashed reference
    line at `values[0]` named `text`, a bubble holding `text` over category `start`, or the
    band between series `start` and `end` (the forecast fan); in colour `color`."""

    kind: str
    text: str = ""
    start: int = 0
    end: int = 0
    values: tuple[float, ...] = ()
    color: str = "595959"


@dataclass(frozen=True)
class ChartData:
    """What a chart shows, for a renderer that draws the chart itself (the PPTX).

    kind: "stacked_percent" (100% columns), "clustered" (columns side by side), "line"
    or "ranked_bar" (horizontal bars, first category on top); number_format: an Excel
    code that prints every shown value exactly as its label, in Dutch whatever the
    viewer's locale; marks: texts beside the series; legend: whether a legend is shown;
    highlight: the category drawn in `highlight_color`; axis_max: the top of the value
    scale and `axis_step` between its ticks (None: the renderer's choice), `axis_min` its
    bottom (None: 0); extras: what the chart draws besides series and texts.

    Further kinds: "growth" (a panel of columns per series, series j filling only its own
    categories, with growth arrows), "reference_bar" (ranked horizontal bars that may be
    negative, with reference lines), "forecast" (lines over years, x proportional to the
    year, with a band) and "scenario" (stacked counts with a total and a bubble on top).
    """

    kind: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    number_format: str
    marks: tuple[ChartMark, ...] = ()
    legend: bool = True
    highlight: int | None = None
    highlight_color: str = ""
    axis_max: float | None = None
    axis_step: float | None = None
    axis_min: float | None = None
    extras: tuple[ChartExtra, ...] = ()


@dataclass(frozen=True)
class ChartFrame:
    """A chart: `pdf` (vector, one page, drawn by matplotlib) for the PDF renderer;
    `data` its description, from which the PPTX draws a native chart (a chart without
    one, such as a map, goes in as `png`); `alt_text` for screen readers; `labels` the
    value labels printed in it (for tests and the audit trail).

    `refs` name the chart's values, one per shown point (series by series as the chart
    orders them); `mark_refs` the values of its other texts (the "n =" of a column);
    `derived` the printed values that are computed by the chart itself."""

    id: str
    box: Box
    pdf: bytes
    png: bytes
    alt_text: str
    labels: tuple[str, ...] = ()
    refs: tuple[Ref, ...] = ()
    data: ChartData | None = None
    mark_refs: tuple[Ref, ...] = ()
    derived: tuple[DerivedValue, ...] = ()


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
