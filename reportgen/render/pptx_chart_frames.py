"""Where the parts of the Regioanalyse's native charts go: growth panels, reference
bars, the forecast and the capacity scenarios.

As in `pptx_chart_layout`, the plot area is set by hand from the frame size and the
value scale is fixed, so a point's place on the slide is known: the growth arrows,
reference lines, the fan, bubbles and the texts beside them are drawn there.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.clearance import label_start
from reportgen.fonts import text_width
from reportgen.model import ChartData
from reportgen.render.pptx_chart_layout import EDGE, LABEL_SIZE, SMALL_SIZE, ChartGeometry, legend_height

ROW = LABEL_SIZE * 1.3
"""Height of a row of text under the plot, in points."""
LABEL_GAP = 3.0
"""Between a column's top and its value label, as PowerPoint prints it."""
ARROW_RISE = 9.0
BOX_PAD = 2.5
REF_ROW = LABEL_SIZE * 1.35
"""Height of a reference's row in the key below the bars."""
BUBBLE_MIN = 24.0
TOTAL_ROOM = LABEL_SIZE + 5.0
END_GAP = 5.0


@dataclass(frozen=True)
class Scale:
    """The plot's value range along y (columns, lines) or x (horizontal bars), and for
    the forecast the years along x."""

    low: float
    high: float
    x_low: float = 0.0
    x_high: float = 1.0


def value_room(data: ChartData) -> float:
    """Reference bars: room for the widest value label beside a bar's end, in points."""
    labels = [t for s in data.series for t in s.labels] + ["*"]
    return max(text_width(t, LABEL_SIZE) for t in labels) + 2 * EDGE


def scale_of(data: ChartData, g: ChartGeometry | None = None) -> Scale:
    """The fixed value range of the description (0 .. axis_max unless it says otherwise);
    reference bars with negative values extend it to the left by the room of a value label
    (in PowerPoint the names stand right beside the plot)."""
    low = data.axis_min if data.axis_min is not None else 0.0
    high = data.axis_max if data.axis_max is not None else 1.0
    if data.kind == "reference_bar" and low < 0 and g is not None:
        room = value_room(data)
        low -= room * (high - low) / max(g.plot_w - room, 1.0)
    if data.kind == "forecast":
        years = [float(c) for c in data.categories]
        return Scale(low, high, years[0], years[-1])
    return Scale(low, high if high > low else low + 1.0)


def y_at(g: ChartGeometry, s: Scale, value: float) -> float:
    """Points from the chart's top of a value on a vertical scale."""
    return g.top + g.plot_h * (1 - (value - s.low) / (s.high - s.low))


def x_at(g: ChartGeometry, s: Scale, value: float) -> float:
    """Points from the chart's left of a value on a horizontal value scale."""
    return g.left + g.plot_w * (value - s.low) / (s.high - s.low)


def year_x(g: ChartGeometry, s: Scale, year: float) -> float:
    """Points from the chart's left of a year on the forecast's axis."""
    return g.left + g.plot_w * (year - s.x_low) / (s.x_high - s.x_low)


def bubble_diameter(data: ChartData) -> float:
    """The bubbles' diameter: room for the widest share, at least `BUBBLE_MIN`."""
    texts = [e.text for e in data.extras if e.kind == "bubble"]
    return max([BUBBLE_MIN] + [text_width(t, LABEL_SIZE, bold=True) + 8 for t in texts])


def frame_geometry(data: ChartData, width: float, height: float) -> ChartGeometry:
    """The layout of a chart of one of the Regioanalyse kinds in a frame of this size."""
    n = len(data.categories)
    if data.kind == "growth":
        heads = [m.text for m in data.marks if m.where.startswith("head:")]
        left = EDGE + (max(text_width(t, SMALL_SIZE) for t in heads) + 6 if heads else 0.0)
        rows = 1 + max(int(m.where.split(":")[1]) + 1 for m in data.marks if m.where.startswith(("below:", "name:")))
        top = EDGE + 2 * LABEL_SIZE + 2 * BOX_PAD + ARROW_RISE + LABEL_GAP
        plot_w, plot_h = width - left - EDGE, height - top - rows * ROW - EDGE
        slot = plot_w / n
        bar = min(slot * 0.62, 40.0)
        return ChartGeometry(width, height, left, top, plot_w, plot_h, 0.0, _gap((slot - bar) / bar * 100), bar)
    if data.kind == "reference_bar":
        refs = [e for e in data.extras if e.kind == "reference"]
        value_w = value_room(data)
        left = EDGE + min(0.35 * width, max(text_width(c, LABEL_SIZE) for c in data.categories) + 2 * EDGE)
        plot_w = width - left - value_w - EDGE
        plot_h = height - 2 * EDGE - len(refs) * REF_ROW - EDGE
        row = plot_h / n
        bar = min(row * 0.7, 18.0)
        return ChartGeometry(width, height, left, EDGE, plot_w, plot_h, 0.0, _gap((row - bar) / bar * 100), bar)
    if data.kind == "forecast":
        s = scale_of(data)
        ticks = _ticks(s.low, s.high, data.axis_step)
        left = EDGE + max(text_width(_thousands(t), SMALL_SIZE) for t in ticks) + 2 * EDGE
        ends = [m.text for m in data.marks if m.where.startswith("end:")]
        right = max(text_width(t, LABEL_SIZE, bold=True) for t in ends) + END_GAP + EDGE
        top = EDGE + LABEL_SIZE / 2
        plot_h = height - top - ROW - EDGE
        return ChartGeometry(width, height, left, top, width - left - right, plot_h, 0.0, 0, 0.0)
    legend_h = legend_height(data, width)
    top = EDGE + legend_h + bubble_diameter(data) + 8.0 + TOTAL_ROOM
    plot_w, plot_h = width - 2 * EDGE, height - top - 2 * ROW - EDGE
    slot = plot_w / n
    bar = min(slot * 0.5, 70.0)
    return ChartGeometry(width, height, EDGE, top, plot_w, plot_h, legend_h, _gap((slot - bar) / bar * 100), bar)


def _gap(percent: float) -> int:
    """A gap width PowerPoint accepts (0-500% of a bar)."""
    return max(0, min(500, round(percent)))


def _ticks(low: float, high: float, step: float | None) -> list[float]:
    """The scale's tick values, from `low` to `high` by `step`."""
    step = step or (high - low)
    count = round((high - low) / step)
    return [low + k * step for k in range(count + 1)]


def _thousands(value: float) -> str:
    """A whole number with thousands dots, as the forecast's scale prints it."""
    return f"{round(value):,}".replace(",", ".")


def moved_labels(data: ChartData, g: ChartGeometry) -> dict[int, float]:
    """Reference bars: the points whose value label would touch a reference line, with
    the left edge (points from the chart's left) where the label stands instead."""
    if data.kind != "reference_bar":
        return {}
    s = scale_of(data, g)
    lines = [x_at(g, s, e.values[0]) for e in data.extras if e.kind == "reference" and e.values]
    moved: dict[int, float] = {}
    for i, (value, text) in enumerate(zip(data.series[0].values, data.series[0].labels, strict=True)):
        if value is None or not text:
            continue
        x, w = x_at(g, s, float(value)), text_width(text, LABEL_SIZE) + 2 * EDGE
        if value < 0:
            start = label_start(x - 1, w, lines, leftward=True)
            if start != x - 1 - w:
                moved[i] = start
        else:
            start = label_start(x + 1, w, lines)
            if start != x + 1:
                moved[i] = start
    return moved


def squeezed_parts(data: ChartData, g: ChartGeometry) -> list[tuple[int, int, str, float]]:
    """Scenario columns: (series, column, text, y of its middle) of each labelled part too
    low or too narrow for its count, which then stands right of the column (as in the PDF)."""
    if data.kind != "scenario":
        return []
    s = scale_of(data)
    out = []
    for i in range(len(data.categories)):
        cum = 0.0
        for j, series in enumerate(data.series):
            value = series.values[i]
            if value is None:
                continue
            text = series.labels[i]
            height = g.plot_h * value / (s.high - s.low)
            if text and (height < LABEL_SIZE + 2 or text_width(text, LABEL_SIZE) > g.bar - 4):
                out.append((j, i, text, y_at(g, s, cum + value / 2)))
            cum += float(value)
    return out
