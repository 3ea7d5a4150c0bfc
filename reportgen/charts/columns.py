"""The frame shared by column charts: legend on top, category labels below, a baseline.

Stacked and grouped columns are laid out the same way; only what stands in the
columns differs. The plot gets what is left of the box after the legend, the row
above the columns and the (wrapped) category labels.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from reportgen.charts.canvas import Plot
from reportgen.charts.legend import LegendItem, draw_legend, legend_height
from reportgen.charts.place import label_height, wrapped
from reportgen.charts.style import LABEL_SIZE, RULE

SIDE = 4.0
"""Margin left and right of the chart, in points."""
EDGE = 2.0
"""Margin at the top and bottom of the chart."""
GAP = 5.0
"""Space between the legend and the plot, and between the plot and its labels."""
MAX_CATEGORY_LINES = 3
"""Longer category labels are cut with an ellipsis."""


def figure_size_pt(fig: Figure) -> tuple[float, float]:
    """(width, height) of the figure in points."""
    width, height = fig.get_size_inches() * 72
    return float(width), float(height)


def column_plot(
    fig: Figure,
    categories: Sequence[str],
    legend: Sequence[LegendItem],
    above_pt: float,
    y_max: float,
) -> Plot:
    """Lay out and draw the frame of a column chart: x runs from -0.5 to n - 0.5 (one
    unit per category), y from 0 to `y_max`. `above_pt` is room kept over the plot for
    labels standing above the columns (totals)."""
    width, height = figure_size_pt(fig)
    inner = width - 2 * SIDE
    slot = inner / len(categories)
    top = height - EDGE
    if legend:
        draw_legend(fig, legend, SIDE, top, inner)
        top -= legend_height(legend, inner) + GAP
    top -= above_pt
    texts = [wrapped(c, LABEL_SIZE, slot - 4, MAX_CATEGORY_LINES) for c in categories]
    lines = max(t.count("\n") + 1 for t in texts)
    bottom = EDGE + label_height(lines, LABEL_SIZE) + GAP
    plot = Plot(fig, SIDE, bottom, inner, max(top - bottom, 10.0), -0.5, len(categories) - 0.5, 0.0, y_max)
    plot.line([-0.5, len(categories) - 0.5], [0, 0], "#" + RULE, 0.75)
    for i, text in enumerate(texts):
        plot.text(i, 0, text, 0, -GAP, va="top")
    return plot


def slot_points(plot: Plot) -> float:
    """Width in points of the room for one category."""
    return plot.width / (plot.x1 - plot.x0)
