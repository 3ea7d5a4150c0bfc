"""Names on a map without collisions: inside the area where it fits, else beside it
with a thin leader line.

Each name is tried inside its own area first, at its deepest point and then nudged,
at the house label size and smaller, on one line or two. Names that fit nowhere
inside are placed in rings around their area's point, nearest first, where they
cover no other name, no reserved box (the legend) and stay within the map, with a
leader line to the area. As a last resort the name is abbreviated and tried again.
Everything is measured in points from the house font's metrics, so the placement is
decided before matplotlib draws anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from matplotlib.path import Path

from reportgen.charts.maptext import (
    PAD,
    SIZES,
    Box,
    abbreviated,
    box_samples,
    half_size,
    overlaps,
    text_box,
    variants,
    within,
)

OUTSIDE_SIZE = 7.0
"""Names beside their area are set no larger than this."""
RING_STEPS = (4.0, 10.0, 18.0, 28.0, 40.0, 55.0)
"""Distances (points beyond the name's half size) of the rings tried outside."""
LEADER_SAMPLES = np.linspace(0.0, 1.0, 12)
"""Where along a leader it is tested against other names' boxes."""
ANGLES = 16
"""Directions tried on each ring."""


@dataclass(frozen=True)
class NameRequest:
    """A name to place: its area's point and outline (rings in figure points, outline
    first, then holes) and the area's key, kept with the result."""

    key: str
    name: str
    point: tuple[float, float]
    rings: tuple[np.ndarray, ...]

    @cached_property
    def paths(self) -> tuple[Path, ...]:
        """The rings as paths, made once for the many containment tests."""
        return tuple(Path(r) for r in self.rings)

    @cached_property
    def bounds(self) -> Box:
        """The outline's bounding box."""
        x0, y0 = self.rings[0].min(axis=0)
        x1, y1 = self.rings[0].max(axis=0)
        return float(x0), float(y0), float(x1), float(y1)


@dataclass(frozen=True)
class PlacedName:
    """A name as it will be drawn: text (lines split by "\\n"), size, the centre of its
    box, the box, and the start of its leader line (None when it stands inside)."""

    key: str
    text: str
    size: float
    centre: tuple[float, float]
    box: Box
    leader_from: tuple[float, float] | None


def inside_area(box: Box, request: NameRequest) -> bool:
    """Whether the box lies within the area's outline and clear of its holes (tested on
    nine points, enough at the scale of a name)."""
    if not within(box, request.bounds):
        return False
    points = box_samples(box)
    if not request.paths[0].contains_points(points).all():
        return False
    return not any(hole.contains_points(points).any() for hole in request.paths[1:])


def _free(box: Box, frame: Box, taken: Sequence[Box]) -> bool:
    """Whether a box stays within the frame and clear of every taken box."""
    return within(box, frame) and not any(overlaps(box, t) for t in taken)


def _inside_offsets(text: str, size: float) -> list[tuple[float, float]]:
    """Nudges from the area's point, nearest first, as fractions of the name's size."""
    half_w, half_h = half_size(text, size)
    w, h = 2 * (half_w - PAD), 2 * (half_h - PAD)
    steps = [(fx * w, fy * h) for fx in (0, -0.5, 0.5, -1, 1) for fy in (0, -0.6, 0.6, -1.2, 1.2)]
    return sorted(steps, key=lambda d: (d[0] ** 2 + d[1] ** 2, d))


def _area_grid(request: NameRequest) -> list[tuple[float, float]]:
    """Points spread over the area's bounding box, nearest to its point first: room
    for a name in a bent area, away from its deepest point."""
    x0, y0, x1, y1 = request.bounds
    px, py = request.point
    grid = [(x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * j / 8) for i in range(1, 8) for j in range(1, 8)]
    return sorted(grid, key=lambda p: ((p[0] - px) ** 2 + (p[1] - py) ** 2, p))


def place_inside(request: NameRequest, frame: Box, taken: Sequence[Box]) -> PlacedName | None:
    """The name within its own area, or None if no version fits there."""
    px, py = request.point
    for text, size in variants(request.name):
        nudged = [(px + dx, py + dy) for dx, dy in _inside_offsets(text, size)]
        for centre in nudged + _area_grid(request):
            box = text_box(text, size, centre)
            if inside_area(box, request) and _free(box, frame, taken):
                return PlacedName(request.key, text, size, centre, box, None)
    return None


def leader_end(start: tuple[float, float], box: Box) -> tuple[float, float]:
    """Where a leader from `start` meets the box: the nearest point of its edge."""
    return min(max(start[0], box[0]), box[2]), min(max(start[1], box[1]), box[3])


def _crosses(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float], d: tuple[float, float]) -> bool:
    """Whether segment a-b properly crosses segment c-d."""

    def side(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def _leader_clear(
    start: tuple[float, float], box: Box, taken: Sequence[Box], leaders: Sequence[tuple[tuple[float, float], ...]]
) -> bool:
    """Whether the leader from the area's point to the box crosses no taken box and no
    other leader."""
    end = leader_end(start, box)
    if any(_crosses(start, end, a, b) for a, b in leaders):
        return False
    if not taken:
        return True
    end = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    t = LEADER_SAMPLES[:, None]
    xs = start[0] + t * (end[0] - start[0])
    ys = start[1] + t * (end[1] - start[1])
    boxes = np.asarray(taken)
    hit = (boxes[:, 0] < xs) & (xs < boxes[:, 2]) & (boxes[:, 1] < ys) & (ys < boxes[:, 3])
    return not hit.any()


def over_other_area(box: Box, request: NameRequest, areas: Sequence[NameRequest]) -> bool:
    """Whether any part of the box lies on one of the other named areas (a name beside
    its area should stand on neutral ground, so it is not read as the other's)."""
    samples = box_samples(box)
    for other in areas:
        if other.key == request.key:
            continue
        if not overlaps(box, other.bounds):
            continue
        if other.paths[0].contains_points(samples).any():
            return True
    return False


def place_outside(
    request: NameRequest,
    frame: Box,
    taken: Sequence[Box],
    areas: Sequence[NameRequest],
    name: str,
    neutral: bool,
    leaders: Sequence[tuple[tuple[float, float], ...]] = (),
) -> PlacedName | None:
    """The name on a ring around its area's point, clear of other names, other areas'
    points and the leaders' paths (and off the other named areas if `neutral`); None
    if no spot is free."""
    px, py = request.point
    others = [(x - 2, y - 2, x + 2, y + 2) for x, y in (a.point for a in areas) if (x, y) != request.point]
    for step in RING_STEPS:
        for text, size in [v for v in variants(name) if v[1] <= OUTSIDE_SIZE]:
            half_w, half_h = half_size(text, size)
            for k in range(ANGLES):
                angle = 2 * math.pi * k / ANGLES
                cx = px + math.cos(angle) * (half_w + step)
                cy = py + math.sin(angle) * (half_h + step)
                box = text_box(text, size, (cx, cy))
                if not _free(box, frame, [*taken, *others]) or not _leader_clear(request.point, box, taken, leaders):
                    continue
                if not neutral or not over_other_area(box, request, areas):
                    return PlacedName(request.key, text, size, (cx, cy), box, request.point)
    return None


def placed_names(
    requests: Sequence[NameRequest], frame: Box, reserved: Sequence[Box] = (), avoid: Sequence[Box] = ()
) -> list[PlacedName]:
    """Every name placed without overlapping another or a reserved box, in request order.

    `avoid` are boxes a name keeps clear of where it can (location dots), but may
    cover when there is no other room. Names that fit inside their area are placed
    first, then the rest around their areas, then abbreviated; a name that still
    fits nowhere stands at its point at the smallest size (the tests check that
    this does not happen on the shipped regions' maps).
    """
    taken: list[Box] = list(reserved)
    leaders: list[tuple[tuple[float, float], ...]] = []
    placed: dict[str, PlacedName] = {}
    for request in requests:
        name = place_inside(request, frame, [*taken, *avoid]) or place_inside(request, frame, taken)
        if name is not None:
            placed[request.key] = name
            taken.append(name.box)
    for request in requests:
        if request.key in placed:
            continue
        name = None
        for text in dict.fromkeys((request.name, abbreviated(request.name))):
            for neutral in (True, False):
                for obstacles in ([*taken, *avoid], taken):
                    name = name or place_outside(request, frame, obstacles, requests, text, neutral, leaders)
        if name is None:
            size = SIZES[-1]
            name = PlacedName(
                request.key, request.name, size, request.point, text_box(request.name, size, request.point), None
            )
        placed[request.key] = name
        taken.append(name.box)
        if name.leader_from is not None:
            leaders.append((name.leader_from, leader_end(name.leader_from, name.box)))
    return [placed[r.key] for r in requests]


def collisions(names: Sequence[PlacedName], reserved: Sequence[Box] = ()) -> int:
    """How many pairs of names (or a name and a reserved box) overlap."""
    boxes = [n.box for n in names]
    count = sum(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    return count + sum(overlaps(a, r) for a in boxes for r in reserved)
