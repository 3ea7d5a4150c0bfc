"""Where a value label goes so that it crosses no reference line.

A label at a bar's end may fall on a dashed reference line drawn over the bars; it is
then moved past that line (and past any line it would hit next), away from the bar.
Both renderers use this with their own measures in points, so neither prints a value
through a line.
"""

from __future__ import annotations

from collections.abc import Sequence

CLEARANCE = 3.0
"""Room kept between a label and a line, in points."""


def label_start(start: float, width: float, lines: Sequence[float], leftward: bool = False) -> float:
    """The left edge of a label of `width` that wants to begin at `start` (rightward,
    from a bar's end) or end at `start` (leftward, for a negative bar), moved until no
    line at the x positions `lines` lies within `CLEARANCE` of it."""
    if not leftward:
        x = start
        for line in sorted(lines):
            if x - CLEARANCE < line < x + width + CLEARANCE:
                x = line + CLEARANCE
        return x
    end = start
    for line in sorted(lines, reverse=True):
        if end - width - CLEARANCE < line < end + CLEARANCE:
            end = line - CLEARANCE
    return end - width
