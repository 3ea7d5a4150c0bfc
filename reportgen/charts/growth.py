"""Columns per year with a growth arrow: how a rate moved from the first to the last year.

Each group (the region, all regions) gets its own panel of columns, one per year,
with the value on top, on one shared scale so the panels compare honestly. An arrow
in think-cell's manner rises from the first column, runs over the others and comes
down on the last; on it stands the change between the first and the last year in %.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Polygon

from reportgen.charts.canvas import Plot
from reportgen.charts.columns import EDGE, GAP, SIDE, figure_size_pt
from reportgen.charts.describe_more import growth_description
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.place import label_width, points_transform, wrapped
from reportgen.charts.reuse import drawn_once
from reportgen.charts.series import Series, check_series, defined, spoken
from reportgen.charts.style import CAP_HEIGHT, LABEL_SIZE, RULE, SMALL_SIZE, TEXT_DARK, TEXT_MUTED, series_color
from reportgen.formatting import SUPPRESSED, format_decimal, format_int, format_percent

BAR_FRACTION = 0.62
"""Column width as a part of the room per year."""
MAX_BAR_PT = 40.0
"""Columns never get wider than this."""
PANEL_GAP = 14.0
"""Between two panels, in points."""
LABEL_GAP = 3.0
"""Between a column's top and its value label."""
ARROW_RISE = 9.0
"""How far the arrow's top runs above the highest value label."""
ARROW_COLOR = "#595959"
ARROW_WIDTH = 0.9
HEAD = 4.0
"""Length of the arrow head, in points."""
BOX_PAD = 2.5
"""Room around the growth text inside its box."""


def growth(first: float | None, last: float | None) -> float | None:
    """The change from first to last as a share (0.084 = +8,4%); None when either is
    suppressed or the first is zero."""
    if first is None or last is None or first == 0:
        return None
    return float(last) / float(first) - 1.0


def growth_text(change: float | None, decimals: int = 1) -> str:
    """A change as printed on the arrow: "+8,4%", "-2,1%", "*" when unknown."""
    return SUPPRESSED if change is None else format_percent(change, decimals, signed=True)


def _alt_text(title: str, years: Sequence[str], groups: Sequence[Series], fmt: Callable, growths: list[str]) -> str:
    """Dutch description: every value per group and its growth."""
    parts = [f"{title}." if title else "", f"Kolommen per jaar, {years[0]} tot en met {years[-1]}, met de groei."]
    for g, change in zip(groups, growths, strict=True):
        values = ", ".join(f"{y} {spoken(fmt(v))}" for y, v in zip(years, g.values, strict=True))
        parts.append(f"{g.name}: {values}; groei {spoken(change)}.")
    return " ".join(p for p in parts if p)


def _arrow(fig: Figure, x0: float, y0: float, x1: float, y1: float, top: float, text: str) -> None:
    """The growth arrow in figure points: up from (x0, y0), across at `top`, down onto
    (x1, y1) with a head, and the text in a box in the middle of the top run."""
    pt = points_transform(fig)
    fig.add_artist(
        Line2D([x0, x0, x1, x1], [y0, top, top, y1 + HEAD], color=ARROW_COLOR, lw=ARROW_WIDTH, transform=pt, zorder=3)
    )
    head = [(x1 - HEAD * 0.6, y1 + HEAD), (x1 + HEAD * 0.6, y1 + HEAD), (x1, y1)]
    fig.add_artist(Polygon(head, closed=True, facecolor=ARROW_COLOR, lw=0, transform=pt, zorder=3))
    width = label_width(text, LABEL_SIZE, bold=True)
    middle = (x0 + x1) / 2
    box = FancyBboxPatch(
        (middle - width / 2, top - LABEL_SIZE / 2),
        width,
        LABEL_SIZE,
        boxstyle=f"round,pad={BOX_PAD},rounding_size={LABEL_SIZE / 2 + BOX_PAD}",
        facecolor="white",
        edgecolor=ARROW_COLOR,
        lw=ARROW_WIDTH,
        transform=pt,
        zorder=4,
    )
    fig.add_artist(box)
    fig.text(
        middle,
        top - LABEL_SIZE * 0.33,
        text,
        transform=pt,
        ha="center",
        va="baseline",
        fontsize=LABEL_SIZE,
        fontweight="bold",
        color="#" + TEXT_DARK,
        zorder=5,
    )


@drawn_once
def growth_bars(
    years: Sequence[str],
    groups: Sequence[Series],
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
    value_format: Callable[[float | None], str] = lambda v: format_decimal(v, 1),
    growth_decimals: int = 1,
    counts: Sequence[Sequence[float | None] | None] | None = None,
    counts_name: str = "Aantal klanten",
) -> ChartImage:
    """A panel of columns per group with the values on top and a growth arrow from the
    first to the last year.

    counts: per group, a count per year printed in a row under its years (None for a
    group without), headed by `counts_name` (e.g. the clients behind a rate).
    labels: per group, the value labels year by year ("*" when suppressed), then the
    growth ("+8,4%"; "*" when the first or last year is suppressed), then its counts.
    """
    check_series("growth_bars", years, groups)
    rows = list(counts) if counts is not None else [None] * len(groups)
    if len(rows) != len(groups) or any(r is not None and len(r) != len(years) for r in rows):
        raise ValueError("growth_bars: counts need one row (or None) per group, one count per year")
    count_texts = [[format_int(v) for v in r] if r is not None else [] for r in rows]
    has_counts = any(count_texts)
    if len(years) < 2:
        raise ValueError("growth_bars: at least two years are needed for a growth")
    shown = [v for g in groups for v in defined(g.values)]
    if any(v < 0 for v in shown):
        raise ValueError("growth_bars: values must not be negative")
    y_max = max(shown, default=0.0) or 1.0
    growths = [growth_text(growth(g.values[0], g.values[-1]), growth_decimals) for g in groups]
    colors = [series_color(g.color, j) for j, g in enumerate(groups)]
    data = growth_description(
        years,
        groups,
        colors,
        [[value_format(v) for v in g.values] for g in groups],
        growths,
        count_texts,
        counts_name,
        y_max,
    )

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        width, height = figure_size_pt(fig)
        header = wrapped(counts_name, SMALL_SIZE, width / 5, 2) if has_counts else ""
        margin = label_width(header, SMALL_SIZE) + GAP if has_counts else 0.0
        panel = (width - 2 * SIDE - margin - PANEL_GAP * (len(groups) - 1)) / len(groups)
        row = LABEL_SIZE * 1.2
        bottom = EDGE + (3 if has_counts else 2) * row + GAP
        if has_counts:
            for i, line in enumerate(header.split("\n")[:2]):
                fig.text(
                    SIDE,
                    bottom - GAP - row - SMALL_SIZE * CAP_HEIGHT - i * SMALL_SIZE * 1.2,
                    line,
                    transform=points_transform(fig),
                    fontsize=SMALL_SIZE,
                    color="#" + TEXT_MUTED,
                    ha="left",
                    va="baseline",
                )
        top = height - EDGE - LABEL_SIZE - 2 * BOX_PAD - ARROW_RISE - LABEL_SIZE - LABEL_GAP
        printed: list[str] = []
        for j, (group, color) in enumerate(zip(groups, colors, strict=True)):
            left = SIDE + margin + j * (panel + PANEL_GAP)
            plot = Plot(fig, left, bottom, panel, max(top - bottom, 10.0), -0.5, len(years) - 0.5, 0.0, y_max)
            plot.line([-0.5, len(years) - 0.5], [0, 0], "#" + RULE, 0.75)
            bar = min(BAR_FRACTION, MAX_BAR_PT / (panel / len(years)))
            label_tops = []
            for i, value in enumerate(group.values):
                if value:
                    plot.box(i - bar / 2, 0.0, bar, float(value), color)
                text = value_format(value)
                plot.text(i, float(value or 0.0), text, 0, LABEL_GAP, va="bottom")
                plot.text(i, 0.0, years[i], 0, -GAP, va="top", color="#" + TEXT_MUTED)
                label_tops.append(bottom + plot.y_points(float(value or 0.0)) + LABEL_GAP + LABEL_SIZE)
                printed.append(text)
            for i, text in enumerate(count_texts[j]):
                plot.text(i, 0.0, text, 0, -GAP - row, va="top", size=SMALL_SIZE, color="#" + TEXT_MUTED)
            name_dy = -GAP - row * (2 if has_counts else 1)
            plot.text((len(years) - 1) / 2, 0.0, group.name, 0, name_dy, va="top", bold=True)
            x_first = left + plot.x_points(0.0)
            x_last = left + plot.x_points(len(years) - 1.0)
            arrow_top = max(label_tops) + ARROW_RISE + LABEL_SIZE / 2
            _arrow(fig, x_first, label_tops[0] + 2, x_last, label_tops[-1] + 2, arrow_top, growths[j])
            printed.append(growths[j])
            printed.extend(count_texts[j])
        alt = _alt_text(title, years, groups, value_format, growths)
        for group, texts in zip(groups, count_texts, strict=True):
            if texts:
                values = ", ".join(f"{y} {spoken(t)}" for y, t in zip(years, texts, strict=True))
                alt += f" {counts_name}, {group.name}: {values}."
        return tuple(printed), alt

    return draw_chart(width_pt, height_pt, draw, data=data)
