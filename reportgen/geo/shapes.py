"""The boundaries of municipalities and zorgkantoor regions, as read from the package.

Coordinates are RD New (EPSG:28992) in metres, so one unit is the same distance in x
and y: maps drawn from them need an equal aspect, not a projection. Rings are open
(the first point is not repeated at the end); the first ring of a polygon is its
outline, the rest are holes (lakes left out of the area, such as the Gooimeer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

ATTRIBUTION = "Bron: CBS, Kadaster (via PDOK)"
"""The attribution the CBS licence (CC BY 4.0) asks for on every map."""
ATTRIBUTION_SOURCE = "CBS, Kadaster (via PDOK)"
"""The same without "Bron: ", for a Bron line that lists several sources."""
FORMAT_VERSION = 2
"""Version of the packaged boundary file's layout (2: with label points)."""
BOUNDARY_YEAR = 2023
"""The year of the municipal division the boundaries show."""


@dataclass(frozen=True, eq=False)
class Polygon:
    """One connected piece of an area: its outline and its holes, each an (n, 2) array
    of RD metres (read-only)."""

    outline: np.ndarray
    holes: tuple[np.ndarray, ...] = ()

    @property
    def rings(self) -> tuple[np.ndarray, ...]:
        """Outline first, then the holes."""
        return (self.outline, *self.holes)

    @property
    def area(self) -> float:
        """Area in square metres (outline minus holes)."""
        return abs(ring_area(self.outline)) - sum(abs(ring_area(h)) for h in self.holes)


@dataclass(frozen=True, eq=False)
class Shape:
    """A named area: CBS code (GM0363, ZK21), printed name and its polygons."""

    code: str
    name: str
    polygons: tuple[Polygon, ...]
    label: tuple[float, float] | None = None
    """Where the name goes (the deepest point of the largest piece), if known."""
    bounds: tuple[float, float, float, float] = field(init=False)

    def __post_init__(self) -> None:
        points = np.concatenate([p.outline for p in self.polygons])
        bounds = (
            float(points[:, 0].min()),
            float(points[:, 1].min()),
            float(points[:, 0].max()),
            float(points[:, 1].max()),
        )
        object.__setattr__(self, "bounds", bounds)

    @property
    def area(self) -> float:
        """Area in square metres."""
        return sum(p.area for p in self.polygons)

    @property
    def largest(self) -> Polygon:
        """The largest piece (the mainland part of a municipality with islands)."""
        return max(self.polygons, key=lambda p: p.area)


@dataclass(frozen=True, eq=False)
class Municipality(Shape):
    """A municipality with the code of the zorgkantoor region it belongs to."""

    region: str = ""


def ring_area(ring: np.ndarray) -> float:
    """Signed area of an open ring (shoelace formula), in square metres."""
    x = ring[:, 0].astype(float)
    y = ring[:, 1].astype(float)
    return float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2


def decoded_ring(flat: list[int]) -> np.ndarray:
    """An (n, 2) read-only array from the delta encoding [x0, y0, dx1, dy1, ...]."""
    steps = np.asarray(flat, dtype=np.int64).reshape(-1, 2)
    ring = np.cumsum(steps, axis=0)
    ring.setflags(write=False)
    return ring


def decoded_polygons(polygons: list[list[list[int]]]) -> tuple[Polygon, ...]:
    """Polygons from their packaged form (lists of delta-encoded rings)."""
    result = []
    for rings in polygons:
        decoded = [decoded_ring(r) for r in rings]
        result.append(Polygon(decoded[0], tuple(decoded[1:])))
    return tuple(result)
