"""Where the parts of a native chart go: legend, plot area, bar widths, and the marks.

PowerPoint places a chart's plot area itself unless told; then nothing drawn beside
the chart could find a column. The plot area is therefore set by hand from the frame
size (the same margins the matplotlib chart keeps, in spirit: legend on top, room for
totals above the columns, category labels below), and the marks are placed from it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportgen.fonts import text_width
from reportgen.model import Box, ChartData

LABEL_SIZE = 9.0
SMALL_SIZE = 8.0
LINE_WIDTH = 1.75
MUTED = "595959"
RULE = "A6A6A6"
SEPARATOR = "FFFFFF"
MARK_H = LABEL_SIZE * 1.3
"""Height of a mark's text box, in points."""
EDGE = 4.0
"""Margin around the chart, in points."""
MAX_ROW = 40.0
"""Rows of ranked bars never get taller than this (as in the PDF): one bar stays slim, at the top."""
LEGEND_ROW = 13.0
LEGEND_ENTRY = 26.0
"""Room of a legend entry besides its text (key and gap), in points."""


@dataclass(frozen=True)
class ChartGeometry:
    """The chart's size and its plot area (points from the chart's top-left), the
    legend's height, and the bars' gap width (% of a bar)."""

    width: float
    height: float
    left: float
    top: float
    plot_w: float
    plot_h: float
    legend_h: float
    gap_width: int
    bar: float
    label_skip: int = 1

    def x_center(self, index: int, count: int) -> float:
        """The middle of category `index` of `count` along x."""
        return self.left + self.plot_w * (index + 0.5) / count


def legend_height(data: ChartData, width: float) -> float:
    """Rows of legend entries PowerPoint needs at this width, as a height."""
    if not data.legend:
        return 0.0
    entries = [text_width(s.name, LABEL_SIZE) + LEGEND_ENTRY for s in data.series]
    rows, used = 1, 0.0
    for entry in entries:
        if used and used + entry > width - 2 * EDGE:
            rows, used = rows + 1, 0.0
        used += entry
    return rows * LEGEND_ROW + EDGE


def _widest(texts: list[str], size: float = LABEL_SIZE) -> float:
    return max((text_width(t, size) for t in texts if t), default=0.0)


def chart_geometry(data: ChartData, width: float, height: float) -> ChartGeometry:
    """The layout of a chart of this description in a frame of this size."""
    n = len(data.categories)
    legend_h = legend_height(data, width)
    if data.kind == "ranked_bar":
        labels = [t for s in data.series for t in s.labels] + ["*"]
        name_col = min(0.4 * width, _widest(list(data.categories)) + 2 * EDGE)
        left, right = name_col + EDGE, _widest(labels) + 3 * EDGE
        plot_w = width - left - right
        row = min((height - 2 * EDGE) / n, MAX_ROW)
        plot_h = row * n
        bar = row * min(0.7, 18.0 / row)
        gap = (row - bar) / bar * 100
        return ChartGeometry(width, height, left, EDGE, plot_w, plot_h, 0.0, _gap(gap), bar)
    if data.kind == "line":
        ends = [s.labels[-1] for s in data.series] + ["*"]
        left = _widest([f"{int(data.axis_max or 0):,}".replace(",", ".")], SMALL_SIZE) + 2 * EDGE
        right = _widest(ends) + 3 * EDGE
        top = legend_h + EDGE + SMALL_SIZE / 2
        plot_h = height - top - 2 * LABEL_SIZE * 1.2 - EDGE
        plot_w = width - left - right
        skip = math.ceil((_widest(list(data.categories), SMALL_SIZE) + 6) / (plot_w / n))
        return ChartGeometry(width, height, left, top, plot_w, plot_h, legend_h, 0, 0.0, max(1, skip))
    top = legend_h + EDGE + MARK_H
    plot_w = width - 2 * EDGE
    plot_h = height - top - 2 * LABEL_SIZE * 1.2 - 2 * EDGE
    slot = plot_w / n
    if data.kind == "stacked_percent":
        bar = min(slot * 0.56, 80.0)
        cluster = bar
    else:
        bar = min(slot * 0.8 / len(data.series), 48.0)
        cluster = bar * len(data.series)
    return ChartGeometry(
        width, height, EDGE, top, plot_w, plot_h, legend_h, _gap((slot - cluster) / cluster * 100), bar
    )


def _gap(percent: float) -> int:
    """A gap width PowerPoint accepts (0-500% of a bar)."""
    return max(0, min(500, round(percent)))


def mark_boxes(data: ChartData, g: ChartGeometry, frame: Box) -> list[tuple[str, Box, str]]:
    """(text, box on the page, alignment) of every mark of the description."""
    n = len(data.categories)
    out: list[tuple[str, Box, str]] = []
    top_value = data.axis_max or 1.0
    ends = 0
    for mark in data.marks:
        w = text_width(mark.text, LABEL_SIZE) + 4
        y_value = g.top + g.plot_h * (1 - mark.at / top_value) - MARK_H / 2
        if data.kind == "ranked_bar":
            y = g.top + g.plot_h * (mark.category + 0.5) / n - MARK_H / 2
            x, align = g.left + 3, "left"
        elif mark.where == "above":
            w = g.plot_w / n
            x, y, align = g.x_center(mark.category, n) - w / 2, g.top - MARK_H, "center"
        elif mark.where == "center":
            x, y, align = g.x_center(mark.category, n) - w / 2, y_value, "center"
        elif mark.where == "beside":
            x, y, align = g.x_center(mark.category, n) + g.bar / 2 + 3, y_value, "left"
        elif mark.where.startswith("above:"):
            j = int(mark.where.split(":")[1])
            start = g.x_center(mark.category, n) - g.bar * len(data.series) / 2
            x = start + g.bar * (j + 0.5) - w / 2
            y, align = g.top + g.plot_h - MARK_H - 2, "center"
        else:  # "end:j": a line whose last value is hidden, at its last known point
            series = data.series[int(mark.where.split(":")[1])]
            known = [v for v in series.values if v is not None]
            last = known[-1] if known else 0.0
            x = g.x_center(n - 1, n) + 6
            y, align = g.top + g.plot_h * (1 - last / top_value) - MARK_H / 2 - ends * MARK_H, "left"
            ends += 1
        out.append((mark.text, Box(frame.x + x, frame.y + y, math.ceil(w), MARK_H), align))
    return out
