"""100%-stacked columns: how a group divides over types (leveringsvorm, profile, sector).

Each column is one category (a year, the region, "Alle regio's"); each series is one
part, stacked bottom to top in series order. Percentages stand inside their segment;
a segment too thin for its label (under 4%, or lower than the text) gets it beside
the column instead, and a suppressed part gets a "*" there. The group size stands
above each column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from matplotlib.figure import Figure

from reportgen.charts.columns import column_plot, slot_points
from reportgen.charts.describe import stacked_description, stacked_labels
from reportgen.charts.legend import LegendItem
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.place import label_width, spread_positions
from reportgen.charts.reuse import drawn_once
from reportgen.charts.series import Series, check_series, spoken
from reportgen.charts.style import LABEL_SIZE, SMALL_SIZE, TEXT_DARK, series_color, text_color_on
from reportgen.formatting import SUPPRESSED, format_percent, join_nl

MIN_INSIDE_SHARE = 0.04
"""Segments whose printed percentage is below this never carry their label inside; the
printed value decides, so every "4%" stands alike in every chart."""
BAR_FRACTION = 0.56
"""Column width as a part of the room per category."""
MAX_BAR_PT = 80.0
"""Columns never get wider than this, however few categories there are."""
SIDE_OFFSET = 3.0
"""Distance from a column's edge to a label beside it, in points."""
TOTAL_ROOM = LABEL_SIZE + 4.0
"""Room above the columns for the totals."""


@dataclass(frozen=True)
class _SegmentLabel:
    """One label of a column: where it goes and how it looks."""

    text: str
    y: float
    inside: bool
    color: str


def _column_labels(
    shares: list[float | None],
    colors: list[str],
    bar_pt: float,
    plot_h: float,
    texts: Sequence[str] | None = None,
) -> list[_SegmentLabel]:
    """The labels of one column, bottom to top, with inside/beside decided; `texts` are
    the description's label texts of the shown, non-zero shares in that order (the
    printed percentages when not given), so the PDF prints what the PPTX labels show."""
    if all(s is None for s in shares):
        return [_SegmentLabel(SUPPRESSED, 0.5, True, "#" + TEXT_DARK)]
    labels: list[_SegmentLabel] = []
    cum = 0.0
    if texts is None:
        texts = [format_percent(s) for s in shares if s is not None and s > 0]
    given = iter(texts)
    for share, color in zip(shares, colors, strict=True):
        if share is None:
            labels.append(_SegmentLabel(SUPPRESSED, cum, False, "#" + TEXT_DARK))
            continue
        if share <= 0:
            continue
        text = next(given)
        fits = (
            share >= MIN_INSIDE_SHARE - 0.005
            and share * plot_h >= LABEL_SIZE + 1
            and label_width(text, LABEL_SIZE) <= bar_pt - 4
        )
        color_text = text_color_on(color) if fits else "#" + TEXT_DARK
        labels.append(_SegmentLabel(text, cum + share / 2, fits, color_text))
        cum += share
    return labels


def _alt_text(title: str, categories: Sequence[str], series: Sequence[Series], totals: list[str]) -> str:
    """Dutch description listing every share, column by column."""
    parts = [f"{title}." if title else "", "Gestapelde kolommen, verdeling in procenten."]
    for i, category in enumerate(categories):
        values = join_nl([f"{s.name} {spoken(format_percent(s.values[i]))}" for s in series])
        total = f" ({spoken(totals[i])})" if totals else ""
        parts.append(f"{category}{total}: {values}.")
    return " ".join(p for p in parts if p)


def _check_shares(categories: Sequence[str], series: Sequence[Series]) -> None:
    """Refuse shares outside 0..1 or columns adding up to more than 100%."""
    for i, category in enumerate(categories):
        shares = [s.values[i] for s in series]
        if any(v is not None and not 0 <= v <= 1 for v in shares):
            raise ValueError(f"stacked_percent_bars: shares of {category!r} must be 0..1, got {shares}")
        if sum(v for v in shares if v is not None) > 1.001:
            raise ValueError(f"stacked_percent_bars: shares of {category!r} add up to more than 1")


@drawn_once
def stacked_percent_bars(
    categories: Sequence[str],
    series: Sequence[Series],
    totals_text: Sequence[str] | None = None,
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
) -> ChartImage:
    """100%-stacked columns with percentage labels and the group size above each column.

    series values are shares 0..1 (None = suppressed); totals_text is printed above the
    columns (use formatting.format_n: "n = 1.234", "n = *"). labels: per column, the
    segment labels in series order (bottom to top; zero shares have none, a column that
    is wholly suppressed has one "*"), then its total.
    """
    check_series("stacked_percent_bars", categories, series)
    _check_shares(categories, series)
    totals = list(totals_text) if totals_text is not None else []
    if totals and len(totals) != len(categories):
        raise ValueError(f"stacked_percent_bars: {len(totals)} totals for {len(categories)} categories")
    colors = [series_color(s.color, j) for j, s in enumerate(series)]
    data = stacked_description(categories, series, colors, totals)

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        legend = [LegendItem(s.name, c) for s, c in zip(series, colors, strict=True)]
        plot = column_plot(fig, categories, legend, TOTAL_ROOM if totals else 0.0, 1.0)
        slot = slot_points(plot)
        bar_pt = min(slot * BAR_FRACTION, MAX_BAR_PT)
        half = bar_pt / slot / 2
        printed: list[str] = []
        spacing = (LABEL_SIZE + 1) / plot.height
        for i in range(len(categories)):
            shares = [s.values[i] for s in series]
            cum = 0.0
            for share, color in zip(shares, colors, strict=True):
                if share:
                    plot.box(i - half, cum, 2 * half, share, color)
                    cum += share
            texts = [text for text, is_value in stacked_labels(data, i) if is_value and text != SUPPRESSED]
            labels = _column_labels(shares, colors, bar_pt, plot.height, texts)
            beside = [n for n, lab in enumerate(labels) if not lab.inside]
            ys = spread_positions([labels[n].y for n in beside], spacing, spacing / 2, 1 - spacing / 2)
            moved = dict(zip(beside, ys, strict=True))
            for n, lab in enumerate(labels):
                if n in moved:
                    plot.text(i + half, moved[n], lab.text, SIDE_OFFSET, ha="left", color=lab.color)
                else:
                    plot.text(i, lab.y, lab.text, color=lab.color)
                printed.append(lab.text)
            if totals:
                size = LABEL_SIZE if label_width(totals[i], LABEL_SIZE) <= slot - 2 else SMALL_SIZE
                plot.text(i, 1.0, totals[i], 0, 4, va="bottom", size=size)
                printed.append(totals[i])
        return tuple(printed), _alt_text(title, categories, series, totals)

    return draw_chart(width_pt, height_pt, draw, data=replace(data, axis_max=1.0))
