"""Names on the maps: what the placer needs of each area, the placement (cached), and
drawing the names with their leader lines.

The same region is mapped several times in one document (SES, urbanity, four
sectors) in frames of the same size, so the names land in the same places: the
placement is kept per region, frame and set of dots and not worked out again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Rectangle

from reportgen.charts.canvas import Plot, baseline_offset
from reportgen.charts.mapdraw import DOT_SIZE
from reportgen.charts.maplabels import NameRequest, PlacedName, leader_end, placed_names
from reportgen.charts.maptext import Box
from reportgen.charts.place import points_transform
from reportgen.charts.style import LINE_HEIGHT, TEXT_DARK, text_color_on
from reportgen.geo import Shape
from reportgen.geo.labelpoint import label_point

LEADER_COLOR = "#595959"
LEADER_WIDTH = 0.5
LEADER_DOT = 1.8
"""Diameter of the dot marking where a leader line starts, in points."""
LABEL_BOX_ALPHA = 0.8
"""Opacity of the light box behind a name that does not stand on its own fill."""


class View(NamedTuple):
    """Where a map's plot stands (points) and what it shows (RD metres): all the name
    placement depends on, as a hashable key."""

    left: float
    bottom: float
    width: float
    height: float
    x0: float
    x1: float
    y0: float
    y1: float

    @classmethod
    def of(cls, plot: Plot) -> View:
        """The view of a map plot."""
        return cls(plot.left, plot.bottom, plot.width, plot.height, plot.x0, plot.x1, plot.y0, plot.y1)

    @property
    def frame(self) -> Box:
        """The plot rectangle as a box."""
        return (self.left, self.bottom, self.left + self.width, self.bottom + self.height)


@lru_cache(maxsize=128)
def area_names(
    areas: tuple[tuple[str, str, Shape], ...], view: View, avoid: tuple[Box, ...] = ()
) -> tuple[PlacedName, ...]:
    """The names of the areas ((key, name, shape), in drawing order) placed in the view,
    kept clear of `avoid` where possible; worked out once per areas, view and dots."""
    requests = [name_request(key, name, shape, view) for key, name, shape in areas]
    return tuple(placed_names(requests, view.frame, avoid=avoid))


def dot_boxes(plot: View | Plot, points: Sequence[tuple[float, float]]) -> list[tuple[float, float, float, float]]:
    """The boxes (figure points) the location dots take, for names to keep clear of."""
    sx = plot.width / (plot.x1 - plot.x0)
    sy = plot.height / (plot.y1 - plot.y0)
    half = DOT_SIZE / 2
    boxes = []
    for x, y in points:
        px, py = plot.left + (x - plot.x0) * sx, plot.bottom + (y - plot.y0) * sy
        boxes.append((px - half, py - half, px + half, py + half))
    return boxes


def name_request(key: str, name: str, shape: Shape, plot: View | Plot) -> NameRequest:
    """What the name placer needs of a shape: its label point and largest piece in points."""
    sx = plot.width / (plot.x1 - plot.x0)
    sy = plot.height / (plot.y1 - plot.y0)

    def to_points(ring: np.ndarray) -> np.ndarray:
        return np.column_stack([plot.left + (ring[:, 0] - plot.x0) * sx, plot.bottom + (ring[:, 1] - plot.y0) * sy])

    x, y = label_point(shape)
    point = (plot.left + (x - plot.x0) * sx, plot.bottom + (y - plot.y0) * sy)
    return NameRequest(key, name, point, tuple(to_points(r) for r in shape.largest.rings))


def _overlaps(box: Box, others: Sequence[Box]) -> bool:
    """Whether `box` and any of `others` share some area."""
    return any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in others)


def draw_names(
    fig: Figure,
    names: Sequence[PlacedName],
    fills: Mapping[str, str | None] | None = None,
    dots: Sequence[Box] = (),
) -> None:
    """Names with leader lines for those moved out of their area.

    A name inside an area filled with a known colour (`fills`, by key) is set white or
    dark, whichever reads better on it; other names (beside their area, on a hatched
    one, or over location `dots` the placer could not avoid) are dark on a light box
    above the dots, so they read on any background. The boxes and leaders are one
    collection each."""
    pt = points_transform(fig)
    boxed: list[Box] = []
    leaders: list[np.ndarray] = []
    for placed in names:
        fill = (fills or {}).get(placed.key) if placed.leader_from is None else None
        fill = None if _overlaps(placed.box, dots) else fill
        if placed.leader_from is not None:
            leaders.append(np.array([placed.leader_from, leader_end(placed.leader_from, placed.box)]))
        if not fill:
            boxed.append(placed.box)
        lines = placed.text.split("\n")
        first = placed.centre[1] + baseline_offset("center", len(lines), placed.size)
        for k, line in enumerate(lines):
            fig.text(
                placed.centre[0],
                first - k * placed.size * LINE_HEIGHT,
                line,
                transform=pt,
                ha="center",
                va="baseline",
                fontsize=placed.size,
                color=text_color_on(fill) if fill else "#" + TEXT_DARK,
                zorder=5,
            )
    if boxed:
        rects = [Rectangle((b[0], b[1]), b[2] - b[0], b[3] - b[1]) for b in boxed]
        fig.add_artist(
            PatchCollection(rects, facecolor="white", alpha=LABEL_BOX_ALPHA, linewidths=0, transform=pt, zorder=4.5)
        )
    if leaders:
        fig.add_artist(LineCollection(leaders, colors=LEADER_COLOR, linewidths=LEADER_WIDTH, transform=pt, zorder=4))
        starts = [line[0] for line in leaders]
        fig.add_artist(
            PatchCollection(
                [Circle(tuple(p), LEADER_DOT / 2) for p in starts],
                facecolor=LEADER_COLOR,
                linewidths=0,
                transform=pt,
                zorder=4,
            )
        )
