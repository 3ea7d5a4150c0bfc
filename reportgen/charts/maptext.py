"""The text of a name on a map: the versions tried, and the box it takes, in points.

A name may be set at a few sizes, on one line or two, and as a last resort shortened;
its box (padded for the white halo) is what the placement keeps apart from others.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from reportgen.charts.place import label_height, label_width

Box = tuple[float, float, float, float]
"""(left, bottom, right, top) in figure points."""

SIZES = (7.5, 7.0, 6.5)
"""Name sizes tried in turn, largest first."""
PAD = 1.0
"""Room kept around a name (its white halo)."""


def variants(name: str) -> list[tuple[str, float]]:
    """(text, size) versions of a name to try: each size on one line, then in two."""
    result = []
    for size in SIZES:
        result.append((name, size))
        split = two_lines(name)
        if split != name:
            result.append((split, size))
    return result


def two_lines(name: str) -> str:
    """The name broken at the space or hyphen nearest its middle ("Gooise\\nMeren")."""
    breaks = [i for i, ch in enumerate(name) if ch in " -"]
    if not breaks:
        return name
    i = min(breaks, key=lambda b: (abs(2 * b - len(name)), b))
    if name[i] == "-":
        return name[: i + 1] + "\n" + name[i + 1 :]
    return name[:i] + "\n" + name[i + 1 :]


def abbreviated(name: str) -> str:
    """A shorter form for the last resort: every word after the first cut to its first
    letter and a full stop ("Utrechtse Heuvelrug" -> "Utrechtse H.")."""
    words = name.split(" ")
    if len(words) > 1:
        return " ".join([words[0]] + [w[0] + "." if len(w) > 2 else w for w in words[1:]])
    return name[:5] + "." if len(name) > 6 else name


@cache
def half_size(text: str, size: float) -> tuple[float, float]:
    """Half the width and height of a name's padded box (measured once per text and size)."""
    lines = text.count("\n") + 1
    return label_width(text, size) / 2 + PAD, label_height(lines, size) / 2 + PAD


def text_box(text: str, size: float, centre: tuple[float, float]) -> Box:
    """The box a text takes around its centre, padded for the halo."""
    half_w, half_h = half_size(text, size)
    return (centre[0] - half_w, centre[1] - half_h, centre[0] + half_w, centre[1] + half_h)


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes share any area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def within(box: Box, frame: Box) -> bool:
    """Whether a box lies wholly within the frame."""
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def box_samples(box: Box) -> np.ndarray:
    """Nine points on and in a box: corners, edge midpoints and centre."""
    xs = (box[0], (box[0] + box[2]) / 2, box[2])
    ys = (box[1], (box[1] + box[3]) / 2, box[3])
    return np.array([(x, y) for x in xs for y in ys])
