"""Where a name goes inside an area: the interior point farthest from its border.

The centroid of a bent municipality can lie outside it (or in a lake); the point
deepest inside the largest piece always lies within and leaves the most room around
it for the name. Found by a coarse grid search refined once, which is exact enough
for placing text and cheap enough to do once: the packaged boundaries store the point of every area,
worked out when they are encoded.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from matplotlib.path import Path

from reportgen.geo.shapes import Polygon, Shape

GRID = 24
"""Grid points per side in each search step."""


def inside(polygon: Polygon, points: np.ndarray) -> np.ndarray:
    """Which of the (k, 2) points lie within the outline and outside every hole."""
    result = Path(polygon.outline).contains_points(points)
    for hole in polygon.holes:
        result &= ~Path(hole).contains_points(points)
    return result


def border_distance(polygon: Polygon, points: np.ndarray) -> np.ndarray:
    """Distance of each point to the nearest edge of any ring of the polygon."""
    best = np.full(len(points), np.inf)
    for ring in polygon.rings:
        a = ring.astype(float)
        b = np.roll(a, -1, axis=0)
        ab = b - a
        length2 = np.maximum((ab**2).sum(axis=1), 1e-9)
        ap = points[:, None, :] - a[None, :, :]
        t = np.clip((ap * ab[None]).sum(axis=2) / length2[None], 0.0, 1.0)
        nearest = a[None] + t[..., None] * ab[None]
        dist = np.sqrt(((points[:, None, :] - nearest) ** 2).sum(axis=2)).min(axis=1)
        best = np.minimum(best, dist)
    return best


def _deepest(polygon: Polygon, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float] | None:
    """(x, y, depth) of the deepest grid point inside the polygon within the box."""
    xs, ys = np.meshgrid(np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID))
    points = np.column_stack([xs.ravel(), ys.ravel()])
    points = points[inside(polygon, points)]
    if not len(points):
        return None
    depth = border_distance(polygon, points)
    k = int(np.argmax(depth))
    return float(points[k, 0]), float(points[k, 1]), float(depth[k])


@cache
def label_point(shape: Shape) -> tuple[float, float]:
    """The point of the shape's largest piece farthest from its border, in RD metres:
    the one stored with the packaged boundaries, else worked out (once per shape)."""
    if shape.label is not None:
        return shape.label
    return deepest_point(shape.largest)


def deepest_point(polygon: Polygon) -> tuple[float, float]:
    """The point of the polygon farthest from its border (whole metres)."""
    x0, y0 = polygon.outline.min(axis=0)
    x1, y1 = polygon.outline.max(axis=0)
    found = _deepest(polygon, x0, y0, x1, y1)
    if found is None:
        x, y = polygon.outline[0]
        return float(round(x)), float(round(y))
    x, y, _ = found
    step_x, step_y = (x1 - x0) / (GRID - 1), (y1 - y0) / (GRID - 1)
    finer = _deepest(polygon, x - step_x, y - step_y, x + step_x, y + step_y)
    if finer is not None and finer[2] >= found[2]:
        x, y = finer[0], finer[1]
    return float(round(x)), float(round(y))
