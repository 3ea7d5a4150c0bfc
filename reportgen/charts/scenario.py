"""Stacked columns of counts with a bubble on each: capacity per scenario and the share
of clients living independently.

Each column is one scenario (or the base year); its parts (existing capacity, extra
intramural, extra at home) stack bottom to top with their counts inside, the total
above the column, and a bubble in a row over the columns holding the share that
lives independently. A suppressed part prints "*" and hides the column's total too,
since the total minus the other parts would give it away.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Circle

from reportgen.charts.columns import column_plot, slot_points
from reportgen.charts.describe_more import scenario_description
from reportgen.charts.legend import LegendItem
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.place import label_width, points_transform, spread_positions
from reportgen.charts.reuse import drawn_once
from reportgen.charts.series import Series, check_series, defined, spoken
from reportgen.charts.style import LABEL_SIZE, TEXT_DARK, series_color, text_color_on
from reportgen.formatting import SUPPRESSED, format_int, format_percent, join_nl

BAR_FRACTION = 0.5
"""Column width as a part of the room per column."""
MAX_BAR_PT = 70.0
TOTAL_ROOM = LABEL_SIZE + 5.0
"""Room above the tallest column for its total."""
BUBBLE_MIN = 24.0
"""Smallest bubble diameter, in points."""
BUBBLE_GAP = 4.0
"""Between the totals' row and the bubbles."""
SIDE_OFFSET = 3.0
BUBBLE_EDGE = "#595959"


def column_total(values: Sequence[float | None]) -> float | None:
    """The sum of a column, None when a part is suppressed (it could be worked out)."""
    return None if any(v is None for v in values) else float(sum(values))


@drawn_once
def scenario_bars(
    categories: Sequence[str],
    series: Sequence[Series],
    bubbles: Sequence[float | None],
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
    bubble_name: str = "zelfstandig wonend",
) -> ChartImage:
    """Stacked counts per category with the total above and a bubble with a share.

    series: the parts bottom to top, counts (None = suppressed). bubbles: a share
    0..1 per category (None = "*"). labels: per column, its part labels bottom to top
    (zero parts have none), its total, then its bubble.
    """
    check_series("scenario_bars", categories, series)
    if len(bubbles) != len(categories):
        raise ValueError(f"scenario_bars: {len(bubbles)} bubbles for {len(categories)} categories")
    if any(v < 0 for s in series for v in defined(s.values)):
        raise ValueError("scenario_bars: counts must not be negative")
    if any(b is not None and not 0 <= b <= 1 for b in bubbles):
        raise ValueError("scenario_bars: bubble shares must be 0..1")
    colors = [series_color(s.color, j) for j, s in enumerate(series)]
    columns = [[s.values[i] for s in series] for i in range(len(categories))]
    totals = [column_total(c) for c in columns]
    y_max = max((sum(defined(c)) for c in columns), default=0.0) or 1.0
    bubble_texts = [format_percent(b) for b in bubbles]
    data = scenario_description(categories, series, colors, totals, bubble_texts, y_max)
    diameter = max(BUBBLE_MIN, max(label_width(t, LABEL_SIZE, bold=True) for t in bubble_texts) + 8)

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        legend = [LegendItem(s.name, c) for s, c in zip(series, colors, strict=True)]
        plot = column_plot(fig, categories, legend, TOTAL_ROOM + BUBBLE_GAP + diameter, y_max)
        slot = slot_points(plot)
        half = min(slot * BAR_FRACTION, MAX_BAR_PT) / slot / 2
        spacing = (LABEL_SIZE + 1) * y_max / plot.height
        pt = points_transform(fig)
        printed: list[str] = []
        for i, parts in enumerate(columns):
            cum = 0.0
            beside: list[tuple[str, float]] = []
            for value, color in zip(parts, colors, strict=True):
                if value is None:
                    beside.append((SUPPRESSED, cum))
                    printed.append(SUPPRESSED)
                    continue
                if value <= 0:
                    continue
                plot.box(i - half, cum, 2 * half, float(value), color)
                text = format_int(value)
                fits = plot.y_points(value) >= LABEL_SIZE + 2 and label_width(text, LABEL_SIZE) <= 2 * half * slot - 4
                if fits:
                    plot.text(i, cum + value / 2, text, color=text_color_on(color))
                else:
                    beside.append((text, cum + value / 2))
                printed.append(text)
                cum += float(value)
            ys = spread_positions([y for _, y in beside], spacing, spacing / 2, y_max)
            for (text, _), y in zip(beside, ys, strict=True):
                plot.text(i + half, y, text, SIDE_OFFSET, ha="left", color="#" + TEXT_DARK)
            total = format_int(totals[i])
            plot.text(i, cum, total, 0, 4, va="bottom", bold=True)
            printed.append(total)
            centre = (plot.left + plot.x_points(i), plot.bottom + plot.height + TOTAL_ROOM + BUBBLE_GAP + diameter / 2)
            fig.add_artist(
                Circle(centre, diameter / 2, facecolor="white", edgecolor=BUBBLE_EDGE, lw=1.0, transform=pt, zorder=3)
            )
            plot.text(i, plot.y1, bubble_texts[i], 0, TOTAL_ROOM + BUBBLE_GAP + diameter / 2, bold=True)
            printed.append(bubble_texts[i])
        alt = [f"{title}." if title else "", "Gestapelde kolommen met aantallen."]
        for i, category in enumerate(categories):
            parts = join_nl([f"{s.name} {spoken(format_int(s.values[i]))}" for s in series])
            alt.append(
                f"{category}: {parts}; totaal {spoken(format_int(totals[i]))}; {bubble_name} {spoken(bubble_texts[i])}."
            )
        return tuple(printed), " ".join(a for a in alt if a)

    return draw_chart(width_pt, height_pt, draw, data=data)
