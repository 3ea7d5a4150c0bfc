"""The forecast: expected clients from the base year to the horizon, min, mid and max.

The band between the minimum and maximum is shaded (the fan), the three lines are
drawn over it, and each line ends in its value and its change since the base year
("Max 3.412 (+43%)"), so the page reads without the scale. Years may be uneven
(2023, 2025, 2028, 2030, 2035, 2040): x is proportional to the year.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.ticker import MaxNLocator

from reportgen.charts.canvas import Plot
from reportgen.charts.columns import EDGE, GAP, SIDE, figure_size_pt
from reportgen.charts.describe_more import forecast_description
from reportgen.charts.growth import growth, growth_text
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.place import label_width, spread_positions
from reportgen.charts.reuse import drawn_once
from reportgen.charts.series import spoken
from reportgen.charts.style import LABEL_SIZE, PALETTE, RULE, SMALL_SIZE, TEXT_MUTED, mpl_color
from reportgen.formatting import format_int

LINE_STYLES = {"Max": ("blue", (0, (4, 2)), 1.25), "Mid": ("navy", "solid", 2.0), "Min": ("blue", (0, (1, 1.5)), 1.25)}
"""Colour, dash pattern and width per line: mid solid and strong, max and min lighter."""
FAN_COLOR = PALETTE["ice"]
END_GAP = 5.0
"""Between a line's end and its label, in points."""


def end_label(name: str, last: float | None, change: float | None, fmt: Callable, decimals: int) -> str:
    """What stands at a line's end: name, last value and its change (a share; "*" when unknown)."""
    return f"{name} {fmt(last)} ({growth_text(change, decimals)})"


def _points(years: Sequence[int], values: Sequence[float | None]) -> list[tuple[float, float]]:
    """(year, value) of the shown values."""
    return [(float(y), float(v)) for y, v in zip(years, values, strict=True) if v is not None]


def band_runs(
    years: Sequence[int], low: Sequence[float | None], high: Sequence[float | None]
) -> list[list[tuple[float, float, float]]]:
    """(year, low, high) in runs of consecutive years where both are shown: the band is
    broken where a value is suppressed, never drawn across it."""
    runs: list[list[tuple[float, float, float]]] = [[]]
    for y, lo, hi in zip(years, low, high, strict=True):
        if lo is None or hi is None:
            runs.append([])
        else:
            runs[-1].append((float(y), float(lo), float(hi)))
    return [run for run in runs if len(run) > 1]


def forecast_ticks(low: float, high: float) -> list[float]:
    """Round values for the scale: from the last round value below `low` up to the first
    at or above `high`, so the fan fills the plot instead of lying flat on a zero far
    below it. The scale starts at 0 when that is within one step of the lowest value."""
    if high <= low:
        high = low + 1.0
    ticks = [float(t) for t in MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]).tick_values(low, high)]
    step = ticks[1] - ticks[0]
    below = [t for t in ticks if t < low]
    start = below[-1] if below else ticks[0] - step
    if start - step < 0:
        start = 0.0
    top = next(t for t in ticks if t >= high)
    count = round((top - start) / step)
    return [start + k * step for k in range(count + 1)]


@drawn_once
def forecast_fan(
    years: Sequence[int],
    low: Sequence[float | None],
    mid: Sequence[float | None],
    high: Sequence[float | None],
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
    value_format: Callable[[float | None], str] = format_int,
    names: tuple[str, str, str] = ("Min", "Mid", "Max"),
    growth_decimals: int = 0,
    changes: Sequence[float | None] | None = None,
) -> ChartImage:
    """The min/mid/max forecast as a shaded band with three lines and labelled ends.

    labels: the end labels of max, mid and min in that order ("Max 3.412 (+43%)"; the
    value "*" and change "*" when suppressed). `changes`: the change of min, mid and max as
    shares (0.43 = +43%) to print, when the figure computes its own (against the counted
    number of the first year); without it, the change since each line's first value.
    """
    if len(years) < 2 or any(b <= a for a, b in zip(years, years[1:], strict=False)):
        raise ValueError(f"forecast_fan: years must be at least two, rising: {list(years)}")
    lines = {"Min": list(low), "Mid": list(mid), "Max": list(high)}
    for key, values in lines.items():
        if len(values) != len(years):
            raise ValueError(f"forecast_fan: {key} has {len(values)} values for {len(years)} years")
    shown = [float(v) for vs in lines.values() for v in vs if v is not None]
    if any(v < 0 for v in shown):
        raise ValueError("forecast_fan: values must not be negative")
    printed_names = dict(zip(("Min", "Mid", "Max"), names, strict=True))
    order = ("Max", "Mid", "Min")
    if changes is None:
        change = {k: growth(v[0], v[-1]) for k, v in lines.items()}
    else:
        change = dict(zip(("Min", "Mid", "Max"), changes, strict=True))
    ends = [end_label(printed_names[k], lines[k][-1], change[k], value_format, growth_decimals) for k in order]
    ticks = forecast_ticks(min(shown, default=0.0), max(shown, default=1.0))
    line_colors = {k: mpl_color(LINE_STYLES[k][0]) for k in order}
    data = forecast_description(
        years,
        [(printed_names[k], lines[k], line_colors[k]) for k in order],
        ends,
        (0, 2),
        mpl_color(FAN_COLOR),
        ticks,
        value_format,
    )

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        width, height = figure_size_pt(fig)
        tick_texts = [value_format(t) for t in ticks]
        left = SIDE + max(label_width(t, SMALL_SIZE) for t in tick_texts) + 4
        right = width - SIDE - max(label_width(t, LABEL_SIZE) for t in ends) - END_GAP
        bottom = EDGE + SMALL_SIZE + GAP
        top = height - EDGE - LABEL_SIZE / 2
        plot = Plot(fig, left, bottom, right - left, top - bottom, years[0], years[-1], ticks[0], ticks[-1])
        plot.line([years[0], years[-1]], [ticks[0], ticks[0]], "#" + RULE, 0.75, zorder=1)
        for t, text in zip(ticks, tick_texts, strict=True):
            plot.text(years[0], t, text, -4, ha="right", size=SMALL_SIZE, color="#" + TEXT_MUTED)
        for y in years:
            plot.text(y, ticks[0], str(y), 0, -GAP, va="top", size=SMALL_SIZE, color="#" + TEXT_MUTED)
        for band in band_runs(years, lines["Min"], lines["Max"]):
            outline = [(y, hi) for y, _, hi in band] + [(y, lo) for y, lo, _ in reversed(band)]
            fig.add_artist(
                Polygon(outline, closed=True, facecolor=mpl_color(FAN_COLOR), lw=0, transform=plot.data, zorder=1)
            )
        end_points = []
        for key in order:
            color, dash, lw = LINE_STYLES[key]
            ys = [math.nan if v is None else float(v) for v in lines[key]]
            plot.line([float(y) for y in years], ys, mpl_color(color), lw)
            fig.artists[-1].set_linestyle(dash)
            known = _points(years, lines[key])
            end_points.append(known[-1][1] if known else 0.0)
        spacing = LABEL_SIZE + 2
        ys_pt = spread_positions([plot.y_points(v) for v in end_points], spacing, spacing / 2, plot.height)
        for text, y_pt, key in zip(ends, ys_pt, order, strict=True):
            y = plot.y0 + y_pt * (plot.y1 - plot.y0) / plot.height
            plot.text(years[-1], y, text, END_GAP, ha="left", bold=key == "Mid")
        alt = [f"{title}." if title else "", f"Prognose van {years[0]} tot en met {years[-1]} met een bandbreedte."]
        for key in order:
            values = ", ".join(f"{y} {spoken(value_format(v))}" for y, v in zip(years, lines[key], strict=True))
            spoken_change = spoken(growth_text(change[key], growth_decimals))
            alt.append(f"{printed_names[key]}: {values}; verandering {spoken_change}.")
        return tuple(ends), " ".join(a for a in alt if a)

    return draw_chart(width_pt, height_pt, draw, data=data)
