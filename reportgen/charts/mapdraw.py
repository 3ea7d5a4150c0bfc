"""Drawing pieces shared by the maps: an equal-aspect frame, areas as one collection
each, location dots, and a legend with hatched and dot swatches.

Areas are drawn with one PathCollection per kind of fill (neighbours, classes,
not shown), not one patch per municipality, which keeps drawing fast and the PDF
small. RD New coordinates are metres in x and y alike, so the map only needs one
scale for both directions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Rectangle
from matplotlib.path import Path
from matplotlib.transforms import Bbox, TransformedBbox

from reportgen.charts.canvas import Plot
from reportgen.charts.columns import EDGE, GAP, SIDE, figure_size_pt
from reportgen.charts.legend import ITEM_GAP, ROW_HEIGHT, SWATCH, SWATCH_GAP, LegendItem, draw_legend_name, legend_rows
from reportgen.charts.place import points_transform
from reportgen.geo import Shape

NEIGHBOUR_FILL = "#E4E4E4"
"""Areas around the mapped region: light grey, no information."""
NOT_SHOWN_FILL = "#FFFFFF"
"""Background of a 'niet getoond' area; the grey hatching on it is `NOT_SHOWN_HATCH`."""
NOT_SHOWN_HATCH_COLOR = "#8C8C8C"
NOT_SHOWN_HATCH = "//////"
BORDER_COLOR = "#FFFFFF"
BORDER_WIDTH = 0.5
DOT_COLOR = "#F5A623"
DOT_SIZE = 4.0
"""Diameter in points of a location dot."""
MARGIN = 0.03
"""Room around the mapped area, as a part of its larger side."""


@dataclass(frozen=True)
class MapLegendEntry:
    """One legend entry: text, fill colour and swatch kind ("box", "hatch" or "dot")."""

    name: str
    color: str
    kind: str = "box"


@cache
def shape_path(shape: Shape) -> Path:
    """All rings of a shape as one compound path in RD metres."""
    vertices: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for polygon in shape.polygons:
        for ring in polygon.rings:
            n = len(ring)
            vertices.append(np.vstack([ring, ring[:1]]).astype(float))
            ring_codes = np.full(n + 1, Path.LINETO, dtype=Path.code_type)
            ring_codes[0] = Path.MOVETO
            ring_codes[-1] = Path.CLOSEPOLY
            codes.append(ring_codes)
    return Path(np.concatenate(vertices), np.concatenate(codes))


def union_bounds(shapes: Sequence[Shape]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) around all shapes."""
    return (
        min(s.bounds[0] for s in shapes),
        min(s.bounds[1] for s in shapes),
        max(s.bounds[2] for s in shapes),
        max(s.bounds[3] for s in shapes),
    )


def map_plot(fig: Figure, box: tuple[float, float, float, float], extent: tuple[float, float, float, float]) -> Plot:
    """A plot filling the box (left, bottom, width, height in points) that shows the
    extent at one scale for x and y, centred, with a small margin."""
    left, bottom, width, height = box
    x0, y0, x1, y1 = extent
    pad = MARGIN * max(x1 - x0, y1 - y0)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    scale = min(width / (x1 - x0), height / (y1 - y0))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = width / scale / 2, height / scale / 2
    return Plot(fig, left, bottom, width, height, cx - half_w, cx + half_w, cy - half_h, cy + half_h)


def visible(shapes: Sequence[Shape], plot: Plot) -> list[Shape]:
    """The shapes whose bounds reach into the plot's extent."""
    return [
        s
        for s in shapes
        if s.bounds[2] > plot.x0 and s.bounds[0] < plot.x1 and s.bounds[3] > plot.y0 and s.bounds[1] < plot.y1
    ]


def _clip(fig: Figure, plot: Plot) -> TransformedBbox:
    """The plot rectangle as a clip box."""
    return TransformedBbox(Bbox.from_bounds(plot.left, plot.bottom, plot.width, plot.height), points_transform(fig))


def draw_areas(fig: Figure, plot: Plot, shapes: Sequence[Shape], colors: Sequence[str], zorder: float = 1) -> None:
    """Shapes filled with their colours, one collection, no edges."""
    if not shapes:
        return
    coll = PathCollection(
        [shape_path(s) for s in shapes], facecolors=list(colors), linewidths=0, transform=plot.data, zorder=zorder
    )
    coll.set_clip_box(_clip(fig, plot))
    fig.add_artist(coll)


def draw_not_shown(fig: Figure, plot: Plot, shapes: Sequence[Shape]) -> None:
    """Shapes whose value is not shown: white with grey hatching, one collection."""
    if not shapes:
        return
    coll = PathCollection(
        [shape_path(s) for s in shapes],
        facecolors=NOT_SHOWN_FILL,
        edgecolors=NOT_SHOWN_HATCH_COLOR,
        linewidths=0,
        hatch=NOT_SHOWN_HATCH,
        transform=plot.data,
        zorder=1.5,
    )
    coll.set_clip_box(_clip(fig, plot))
    fig.add_artist(coll)


def draw_borders(
    fig: Figure, plot: Plot, shapes: Sequence[Shape], color: str = BORDER_COLOR, width: float = BORDER_WIDTH
) -> None:
    """The outlines of shapes as thin lines over the fills, one collection."""
    coll = PathCollection(
        [shape_path(s) for s in shapes],
        facecolors="none",
        edgecolors=color,
        linewidths=width,
        transform=plot.data,
        zorder=2,
    )
    coll.set_clip_box(_clip(fig, plot))
    fig.add_artist(coll)


def draw_dots(plot: Plot, fig: Figure, points: Sequence[tuple[float, float]]) -> None:
    """Location dots (RD metres), one artist, clipped to the map (a location just over
    the border does not spill into the legend)."""
    if not points:
        return
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    dots = Line2D(
        xs,
        ys,
        ls="none",
        marker="o",
        ms=DOT_SIZE,
        mfc=DOT_COLOR,
        mec="#FFFFFF",
        mew=0.4,
        transform=plot.data,
        zorder=3,
    )
    dots.set_clip_box(_clip(fig, plot))
    fig.add_artist(dots)


def map_legend_height(entries: Sequence[MapLegendEntry], width: float) -> float:
    """Height in points of the legend flowed into `width`."""
    if not entries:
        return 0.0
    return len(legend_rows([LegendItem(e.name, e.color) for e in entries], width)) * ROW_HEIGHT


def draw_map_legend(fig: Figure, entries: Sequence[MapLegendEntry], left: float, top: float, width: float) -> None:
    """The legend at (left, top): boxes for classes, a hatched box for 'niet getoond',
    a dot for locations."""
    pt = points_transform(fig)
    kinds = {e.name: e for e in entries}
    for r, row in enumerate(legend_rows([LegendItem(e.name, e.color) for e in entries], width)):
        middle = top - r * ROW_HEIGHT - ROW_HEIGHT / 2
        x = left
        for item, name, entry_width in row:
            kind = kinds[item.name].kind
            if kind == "dot":
                fig.add_artist(Circle((x + SWATCH / 2, middle), DOT_SIZE / 2, facecolor=item.color, lw=0, transform=pt))
            else:
                fig.add_artist(
                    Rectangle(
                        (x, middle - SWATCH / 2),
                        SWATCH,
                        SWATCH,
                        transform=pt,
                        facecolor=item.color,
                        edgecolor=NOT_SHOWN_HATCH_COLOR if kind == "hatch" else "none",
                        hatch=NOT_SHOWN_HATCH if kind == "hatch" else None,
                        lw=0.4 if kind == "hatch" else 0,
                    )
                )
            draw_legend_name(fig, x + SWATCH + SWATCH_GAP, middle, name)
            x += entry_width + ITEM_GAP


def map_below_legend(fig: Figure, legend: Sequence[MapLegendEntry], extent: tuple[float, float, float, float]) -> Plot:
    """Draw the legend across the top of the figure and return the plot of the map in the room
    left below it: the layout every map chart shares."""
    width, height = figure_size_pt(fig)
    inner = width - 2 * SIDE
    top = height - EDGE
    draw_map_legend(fig, legend, SIDE, top, inner)
    top -= map_legend_height(legend, inner) + GAP
    return map_plot(fig, (SIDE, EDGE, inner, top - EDGE), extent)
