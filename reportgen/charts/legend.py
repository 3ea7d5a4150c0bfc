"""The compact legend at the top of a chart: swatch and name, flowing into rows.

matplotlib's own legend sizes itself after the axes are placed; this one is measured
first so the plot below it gets exactly the room that is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from reportgen.charts.place import label_width, points_transform, truncated
from reportgen.charts.style import CAP_HEIGHT, LABEL_SIZE, TEXT_MUTED

SWATCH = 7.0
"""Side of the square swatch, in points."""
LINE_SWATCH = 12.0
"""Length of the line swatch of a line chart, in points."""
SWATCH_GAP = 3.0
"""Between swatch and name."""
ITEM_GAP = 10.0
"""Between one entry and the next in a row."""
ROW_HEIGHT = LABEL_SIZE * 1.35
"""Distance between rows of the legend."""


@dataclass(frozen=True)
class LegendItem:
    """One entry: the series name, its "#RRGGBB" colour, "box" or "line" swatch."""

    name: str
    color: str
    swatch: str = "box"


def _swatch_width(item: LegendItem) -> float:
    """Width of the swatch of an entry."""
    return LINE_SWATCH if item.swatch == "line" else SWATCH


def legend_rows(items: Sequence[LegendItem], width: float) -> list[list[tuple[LegendItem, str, float]]]:
    """Entries flowed into rows no wider than `width`: (item, shown name, entry width)."""
    rows: list[list[tuple[LegendItem, str, float]]] = [[]]
    used = 0.0
    for item in items:
        room = width - _swatch_width(item) - SWATCH_GAP
        name = truncated(item.name, LABEL_SIZE, room)
        entry = _swatch_width(item) + SWATCH_GAP + label_width(name, LABEL_SIZE)
        needed = entry if not rows[-1] else used + ITEM_GAP + entry
        if rows[-1] and needed > width:
            rows.append([])
            needed = entry
        rows[-1].append((item, name, entry))
        used = needed
    return [row for row in rows if row]


def legend_height(items: Sequence[LegendItem], width: float) -> float:
    """Points of height the legend takes (0 without entries)."""
    if not items:
        return 0.0
    return len(legend_rows(items, width)) * ROW_HEIGHT


def draw_legend(fig: Figure, items: Sequence[LegendItem], left: float, top: float, width: float) -> None:
    """Draw the legend with its top-left corner at (left, top) in figure points."""
    pt = points_transform(fig)
    for r, row in enumerate(legend_rows(items, width)):
        middle = top - r * ROW_HEIGHT - ROW_HEIGHT / 2
        x = left
        for item, name, entry in row:
            if item.swatch == "line":
                fig.add_artist(Line2D([x, x + LINE_SWATCH], [middle, middle], color=item.color, lw=2.0, transform=pt))
            else:
                fig.add_artist(
                    Rectangle((x, middle - SWATCH / 2), SWATCH, SWATCH, facecolor=item.color, lw=0, transform=pt)
                )
            draw_legend_name(fig, x + _swatch_width(item) + SWATCH_GAP, middle, name)
            x += entry + ITEM_GAP


def draw_legend_name(fig: Figure, left: float, middle: float, name: str) -> None:
    """An entry's name starting at `left`, centred on the row's `middle` (figure points), so
    every legend sets its names alike."""
    fig.text(
        left,
        middle - CAP_HEIGHT * LABEL_SIZE / 2,
        name,
        transform=points_transform(fig),
        fontsize=LABEL_SIZE,
        color="#" + TEXT_MUTED,
        ha="left",
        va="baseline",
    )
