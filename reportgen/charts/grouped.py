"""Grouped columns: the region next to all regions, per category, as percentages.

Each category (a sector, a profile) gets a cluster of touching columns, one per group
("Zwolle", "Alle regio's"), in group order, with the percentage on top of each. A
suppressed value has no column and a "*" on the baseline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from matplotlib.figure import Figure

from reportgen.charts.columns import SIDE, column_plot, figure_size_pt
from reportgen.charts.describe import grouped_description
from reportgen.charts.legend import LegendItem
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.place import label_width
from reportgen.charts.reuse import drawn_once
from reportgen.charts.series import Series, check_series, defined, spoken
from reportgen.charts.style import LABEL_SIZE, MIN_SIZE, SMALL_SIZE, TEXT_DARK, series_color
from reportgen.formatting import SUPPRESSED, format_percent, join_nl

CLUSTER_FRACTION = 0.8
"""Width of a cluster of columns as a part of the room per category."""
MAX_BAR_PT = 48.0
"""Columns never get wider than this."""
LABEL_GAP = 3.0
"""Between the top of a column and its label, in points."""


def label_size(texts: Sequence[str], bar_pt: float) -> float | None:
    """The largest size (the house size at most, MIN_SIZE at least) at which every label
    fits across its column; None if they only fit set upright."""
    widest = max(label_width(t, 1.0) for t in texts)
    size = LABEL_SIZE
    while widest * size > bar_pt - 1:
        size -= 0.5
        if size < MIN_SIZE:
            return None
    return size


def _alt_text(
    title: str, categories: Sequence[str], groups: Sequence[Series], decimals: int, fmt: Callable | None = None
) -> str:
    """Dutch description listing every value, category by category."""
    names = join_nl([g.name for g in groups])
    kind = "Staafdiagram in procenten" if fmt is None else "Staafdiagram"
    parts = [f"{title}." if title else "", f"{kind}, {names} naast elkaar."]
    for i, category in enumerate(categories):
        texts = [format_percent(g.values[i], decimals) if fmt is None else fmt(g.values[i]) for g in groups]
        values = join_nl([f"{g.name} {spoken(t)}" for g, t in zip(groups, texts, strict=True)])
        parts.append(f"{category}: {values}.")
    return " ".join(p for p in parts if p)


@drawn_once
def grouped_bars(
    categories: Sequence[str],
    groups: Sequence[Series],
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
    decimals: int = 0,
    value_format: Callable[[float | None], str] | None = None,
) -> ChartImage:
    """Columns side by side per category with the percentage on top of each.

    group values are shares 0..1 (None = suppressed), or any amounts printed by
    `value_format`. labels: per category, one label per group in group order ("*" for a
    suppressed value).
    """
    check_series("grouped_bars", categories, groups)
    shown = [v for g in groups for v in defined(g.values)]
    if any(v < 0 for v in shown):
        raise ValueError("grouped_bars: values must not be negative")
    y_max = max(shown, default=0.0) or 1.0
    colors = [series_color(g.color, j) for j, g in enumerate(groups)]

    data = replace(grouped_description(categories, groups, colors, decimals, value_format), axis_max=y_max)
    texts = [g.labels[i] or SUPPRESSED for i in range(len(categories)) for g in data.series]

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        legend = [LegendItem(g.name, c) for g, c in zip(groups, colors, strict=True)]
        width, _ = figure_size_pt(fig)
        slot = (width - 2 * SIDE) / len(categories)
        bar_pt = min(slot * CLUSTER_FRACTION / len(groups), MAX_BAR_PT)
        size = label_size(texts, bar_pt)
        above = LABEL_SIZE if size else max(label_width(t, SMALL_SIZE) for t in texts)
        plot = column_plot(fig, categories, legend, above + LABEL_GAP + 1, y_max)
        bar = bar_pt / slot
        printed: list[str] = []
        for i in range(len(categories)):
            start = i - bar * len(groups) / 2
            for j, (group, color) in enumerate(zip(groups, colors, strict=True)):
                value = group.values[i]
                x = start + j * bar
                if value:
                    plot.box(x, 0, bar, value, color)
                text = data.series[j].labels[i] or SUPPRESSED
                top = value or 0.0
                if size:
                    plot.text(x + bar / 2, top, text, 0, LABEL_GAP, va="bottom", size=size)
                else:
                    plot.upright_text(x + bar / 2, top, text, LABEL_GAP, SMALL_SIZE, "#" + TEXT_DARK)
                printed.append(text)
        return tuple(printed), _alt_text(title, categories, groups, decimals, value_format)

    return draw_chart(width_pt, height_pt, draw, data=data)
