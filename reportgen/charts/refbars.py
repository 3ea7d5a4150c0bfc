"""Ranked horizontal bars with reference lines: each municipality's value against the
region's and all regions' value.

Values may be negative (a decline): bars run left or right from a zero line, names
stand in a column on the left, values at the bar ends. The references are dashed
vertical lines over the bars, labelled below the chart ("'t Gooi 8,4%"), so one sees
at a glance which municipalities lie above or below the region. Suppressed values
have no bar and go to the bottom with a "*".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from reportgen.charts.canvas import Plot
from reportgen.charts.columns import EDGE, GAP, SIDE, figure_size_pt
from reportgen.charts.describe_more import reference_description
from reportgen.charts.hbar import BAR_FRACTION, MAX_BAR_PT, NAME_GAP, VALUE_GAP, ranked_order, row_font_size
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.place import label_width, points_transform, truncated
from reportgen.charts.reuse import drawn_once
from reportgen.charts.series import spoken
from reportgen.charts.style import CAP_HEIGHT, LABEL_SIZE, LINE_COLORS, RULE, TEXT_DARK, mpl_color
from reportgen.clearance import label_start
from reportgen.formatting import format_percent, join_nl

REFERENCE_COLORS = ("accent", "grey")
"""Colours of the reference lines in order (the region, all regions)."""
DASH = (0, (3, 2))
SWATCH_PT = 14.0
"""Length of the dashed line before each reference's name below the chart."""


def _fmt_default(value: float | None) -> str:
    """Shares as signed percentages with one decimal."""
    return format_percent(value, 1, signed=True)


@drawn_once
def reference_bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    references: Sequence[tuple[str, float | None]],
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
    value_format: Callable[[float | None], str] = _fmt_default,
    color: str = "blue",
) -> ChartImage:
    """Bars from highest to lowest (negative ones to the left), with reference lines.

    references: (name, value) per line, e.g. [("'t Gooi", 0.084), ("Alle regio's",
    0.044)]; a suppressed reference (None) gets no line and prints "*". labels: the
    value labels top to bottom (highest first, suppressed last), then one label per
    reference ("'t Gooi +8,4%").
    """
    if not labels or len(labels) != len(values):
        raise ValueError(f"reference_bars: {len(labels)} labels for {len(values)} values")
    order = ranked_order(values)
    names = [labels[i] for i in order]
    ranked = [values[i] for i in order]
    texts = [value_format(v) for v in ranked]
    ref_texts = [f"{name} {value_format(v)}" for name, v in references]
    known = [float(v) for v in ranked if v is not None] + [float(v) for _, v in references if v is not None]
    lo, hi = min([0.0, *known]), max([0.0, *known])
    if hi == lo:
        hi = lo + 1.0
    ref_colors = [
        mpl_color(REFERENCE_COLORS[k] if k < len(REFERENCE_COLORS) else LINE_COLORS[k]) for k in range(len(references))
    ]

    data = reference_description(names, ranked, texts, mpl_color(color), references, ref_texts, ref_colors, (lo, hi))

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        width, height = figure_size_pt(fig)
        legend_h = LABEL_SIZE * 1.35 * len(references)
        bottom = EDGE + legend_h + GAP
        row = (height - EDGE - bottom) / len(names)
        size = row_font_size(row)
        room = (width - 2 * SIDE) * 0.35
        shown_names = [truncated(n, size, room) for n in names]
        name_col = max(label_width(n, size) for n in shown_names) + NAME_GAP
        value_w = max(label_width(t, size) for t in texts) + VALUE_GAP
        left = SIDE + name_col + (value_w if lo < 0 else 0.0)
        right = width - SIDE - value_w
        plot = Plot(fig, left, bottom, right - left, row * len(names), lo, hi, float(len(names)), 0.0)
        thickness = min(BAR_FRACTION, MAX_BAR_PT / row)
        line_xs = [plot.left + plot.x_points(float(v)) for _, v in references if v is not None]
        plot.line([0, 0], [0, len(names)], "#" + RULE, 0.75, zorder=3)
        for r, (name, value, text) in enumerate(zip(shown_names, ranked, texts, strict=True)):
            centre = r + 0.5
            if value:
                plot.box(min(0.0, float(value)), centre - thickness / 2, abs(float(value)), thickness, mpl_color(color))
            plot.text(lo, centre, name, -NAME_GAP - (value_w if lo < 0 else 0.0), ha="right", size=size)
            v = float(value or 0.0)
            x = plot.left + plot.x_points(v)
            w = label_width(text, size)
            if v < 0:
                start = label_start(x - VALUE_GAP, w, line_xs, leftward=True)
                plot.text(v, centre, text, start + w - x, ha="right", size=size)
            else:
                plot.text(v, centre, text, label_start(x + VALUE_GAP, w, line_xs) - x, ha="left", size=size)
        for (_, v), c in zip(references, ref_colors, strict=True):
            if v is not None:
                plot.line([float(v), float(v)], [0, len(names)], c, 1.25, zorder=1)
                fig.artists[-1].set_linestyle(DASH)
        pt = points_transform(fig)
        for k, (text, c) in enumerate(zip(ref_texts, ref_colors, strict=True)):
            middle = EDGE + legend_h - (k + 0.5) * LABEL_SIZE * 1.35
            fig.add_artist(Line2D([left, left + SWATCH_PT], [middle, middle], color=c, lw=1.25, ls=DASH, transform=pt))
            fig.text(
                left + SWATCH_PT + 3,
                middle - CAP_HEIGHT * LABEL_SIZE / 2,
                text,
                transform=pt,
                ha="left",
                va="baseline",
                fontsize=LABEL_SIZE,
                color="#" + TEXT_DARK,
            )
        items = join_nl([f"{n} {spoken(t)}" for n, t in zip(names, texts, strict=True)])
        refs = join_nl([spoken(t) for t in ref_texts])
        alt = [
            f"{title}." if title else "",
            f"Liggende staven van hoog naar laag: {items}.",
            f"Referentielijnen: {refs}.",
        ]
        return (*texts, *ref_texts), " ".join(a for a in alt if a)

    return draw_chart(width_pt, height_pt, draw, data=data)
