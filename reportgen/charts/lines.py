"""Monthly lines: the waiting list per month, one line per status.

Months run along x with Dutch abbreviations and the year under the first month of
each year; a light value scale stands on the left (no gridlines). Each line carries
its last value at its end, so the current numbers read without the scale. A
suppressed month breaks the line; a line whose last month is suppressed gets no end
label or dot (the legend marks it), and an end dot stands only where the line runs
into its last month; a shown month between hidden ones is a small dot.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from reportgen.charts.canvas import Plot
from reportgen.charts.columns import EDGE, GAP, SIDE, figure_size_pt
from reportgen.charts.describe import line_description
from reportgen.charts.legend import LegendItem, draw_legend, legend_height
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.place import label_height, label_width, spread_positions
from reportgen.charts.reuse import drawn_once
from reportgen.charts.series import Series, check_series, defined, spoken
from reportgen.charts.style import (
    LABEL_SIZE,
    LINE_COLORS,
    RULE,
    SMALL_SIZE,
    TEXT_MUTED,
    label_color_on_white,
    mpl_color,
)
from reportgen.formatting import format_int, month_abbr_nl, month_label, parse_month
from reportgen.model import ChartData

LINE_WIDTH = 1.75
"""Stroke of the lines, in points."""
END_GAP = 4.0
"""Between a line's last point and its value label."""
DOT = 3.5
"""Diameter of the dot marking the last point of a line."""


def month_tick_labels(months: Sequence[str], slot_pt: float) -> list[str]:
    """The x labels: "jan\\n2022" at the first label of each year, "feb" otherwise,
    and "" for months skipped because the labels would not fit side by side."""
    keys = [parse_month(m) for m in months]
    widest = max(label_width(month_abbr_nl(m), SMALL_SIZE) for _, m in keys)
    step = max(1, math.ceil((widest + 3) / slot_pt))
    labels: list[str] = []
    last_year = None
    for i, (year, month) in enumerate(keys):
        if i % step:
            labels.append("")
            continue
        labels.append(month_abbr_nl(month) + (f"\n{year}" if year != last_year else ""))
        last_year = year
    return labels


def value_ticks(top: float, whole: bool) -> list[float]:
    """A few round values from 0 up to at least `top` for the scale on the left; whole
    numbers only when the data are counts (`whole`)."""
    floor = 4.0 if whole else 1.0
    ticks = MaxNLocator(nbins=4, integer=whole, min_n_ticks=3).tick_values(0, top if top > 0 else floor)
    return [float(t) for t in ticks if t >= 0]


def _alt_text(title: str, months: Sequence[str], series: Sequence[Series], fmt: Callable) -> str:
    """Dutch description listing every value of every line."""
    parts = [
        f"{title}." if title else "",
        f"Lijndiagram per maand, van {month_label(months[0])} tot en met {month_label(months[-1])}.",
    ]
    for s in series:
        values = ", ".join(f"{month_label(m)} {spoken(fmt(v))}" for m, v in zip(months, s.values, strict=True))
        parts.append(f"{s.name}: {values}.")
    return " ".join(p for p in parts if p)


def _end_labels(data: ChartData) -> list[tuple[int, str, float]]:
    """(series index, label, y) for each series of the description whose last month is shown."""
    return [
        (j, s.labels[-1], float(s.values[-1]))
        for j, s in enumerate(data.series)
        if s.values[-1] is not None and s.labels[-1]
    ]


def lone_points(values: Sequence[float | None]) -> list[int]:
    """Indices of shown values with no shown neighbour: a line cannot draw them, a small dot does."""
    n = len(values)
    return [
        i
        for i, v in enumerate(values)
        if v is not None and n > 1 and (i == 0 or values[i - 1] is None) and (i == n - 1 or values[i + 1] is None)
    ]


def ends_in_line(values: Sequence[float | None]) -> bool:
    """Whether a series' last point is shown and joined to the point before it (or is its only point)."""
    if values[-1] is None:
        return False
    return len(values) == 1 or values[-2] is not None


@drawn_once
def monthly_lines(
    months: Sequence[str],
    series: Sequence[Series],
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
    value_format: Callable[[float | None], str] = format_int,
) -> ChartImage:
    """Lines per series over months ("YYYY-MM"), each labelled with its last value.

    labels: the end labels in series order (value_format of the last value), for the
    series whose last month is shown.
    """
    check_series("monthly_lines", months, series)
    shown = [v for s in series for v in defined(s.values)]
    if any(v < 0 for v in shown):
        raise ValueError("monthly_lines: values must not be negative")
    colors = [mpl_color(s.color or LINE_COLORS[j % len(LINE_COLORS)]) for j, s in enumerate(series)]
    ticks = value_ticks(max(shown, default=0.0), all(float(v).is_integer() for v in shown))
    # category names as the x axis prints them: the year only with the first month of each year
    names = [t.replace("\n", " ") for t in month_tick_labels(months, math.inf)]
    data = line_description(names, series, colors, value_format)
    ends = _end_labels(data)

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        width, height = figure_size_pt(fig)
        top = height - EDGE
        legend = [LegendItem(s.name, c, "line") for s, c in zip(series, colors, strict=True)]
        draw_legend(fig, legend, SIDE, top, width - 2 * SIDE)
        top -= legend_height(legend, width - 2 * SIDE) + GAP + SMALL_SIZE / 2
        tick_texts = [value_format(t) for t in ticks]
        left = SIDE + max(label_width(t, SMALL_SIZE) for t in tick_texts) + 4
        widest_end = max((label_width(t, LABEL_SIZE) for _, t, _ in ends), default=0.0)
        right = width - SIDE - widest_end - END_GAP - DOT / 2
        bottom = EDGE + label_height(2, SMALL_SIZE) + GAP
        plot = Plot(fig, left, bottom, right - left, top - bottom, -0.5, len(months) - 0.5, 0.0, ticks[-1])
        plot.line([-0.5, len(months) - 0.5], [0, 0], "#" + RULE, 0.75, zorder=1)
        for t, text in zip(ticks, tick_texts, strict=True):
            plot.text(-0.5, t, text, -4, ha="right", size=SMALL_SIZE, color="#" + TEXT_MUTED)
        x_labels = month_tick_labels(months, plot.width / len(months))
        for i, text in enumerate(x_labels):
            if text:
                plot.text(i, 0, text, 0, -GAP, va="top", size=SMALL_SIZE, color="#" + TEXT_MUTED)
        xs = list(range(len(months)))
        for s, color in zip(series, colors, strict=True):
            ys = [math.nan if v is None else float(v) for v in s.values]
            plot.line(xs, ys, color, LINE_WIDTH)
            if ends_in_line(s.values):
                plot.dot(xs[-1], ys[-1], color, DOT)
            for x in lone_points(s.values):  # a shown month between hidden ones has no line to carry it
                plot.dot(x, float(s.values[x]), color, LINE_WIDTH * 1.6)
        spacing = LABEL_SIZE + 1
        ys_pt = spread_positions(
            [plot.y_points(y) for _, _, y in ends], spacing, spacing / 2, plot.height + SMALL_SIZE / 2
        )
        for (j, text, _), y_pt in zip(ends, ys_pt, strict=True):
            y = plot.y0 + y_pt * (plot.y1 - plot.y0) / plot.height
            plot.text(len(months) - 1, y, text, END_GAP + DOT / 2, ha="left", color=label_color_on_white(colors[j]))
        return tuple(t for _, t, _ in ends), _alt_text(title, months, series, value_format)

    return draw_chart(width_pt, height_pt, draw, data=replace(data, axis_max=ticks[-1], axis_step=ticks[1] - ticks[0]))
