"""Measuring and placing chart text in points, before matplotlib draws anything.

The charts lay themselves out by hand, in points, from the house font's metrics: the
size of the box is fixed (it is a frame on the page), so margins for legends,
category labels and value labels are computed up front instead of letting matplotlib
shrink or clip the plot.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.transforms import Affine2D, ScaledTranslation, Transform

from reportgen.charts.style import LINE_HEIGHT
from reportgen.fonts import text_width
from reportgen.model import Paragraph, Run, TextStyle
from reportgen.textfit import wrap_paragraph

ELLIPSIS = "\u2026"


def points_transform(fig: Figure) -> Transform:
    """A transform taking (x, y) in points from the figure's bottom-left corner."""
    return Affine2D().scale(1 / 72) + fig.dpi_scale_trans


def label_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of the widest line of a (possibly multi-line) label."""
    return max((text_width(line, size, bold=bold) for line in text.split("\n")), default=0.0)


def label_height(lines: int, size: float) -> float:
    """Height in points taken by `lines` lines of text at `size`."""
    return size * (1 + LINE_HEIGHT * (lines - 1)) if lines > 0 else 0.0


def truncated(text: str, size: float, width: float, bold: bool = False) -> str:
    """The text, cut with an ellipsis if it is wider than `width` points."""
    if text_width(text, size, bold=bold) <= width:
        return text
    while text and text_width(text + ELLIPSIS, size, bold=bold) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def wrapped(text: str, size: float, width: float, max_lines: int, bold: bool = False) -> str:
    """The text broken into lines of at most `width` points ("\\n" between them);
    beyond `max_lines` the last line is cut with an ellipsis."""
    style = TextStyle(size=size, leading=size * LINE_HEIGHT, bold=bold)
    lines = [line.text for line in wrap_paragraph(Paragraph((Run(text),)), 0, style, width)]
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = lines[: max_lines - 1] + [truncated(rest + ELLIPSIS, size, width, bold)]
    return "\n".join(lines)


def spread_positions(desired: Sequence[float], spacing: float, low: float, high: float) -> list[float]:
    """Positions close to `desired` but at least `spacing` apart, kept within [low, high].

    Used to stack labels that would collide (line ends, labels beside thin segments).
    The result keeps the input order; if the labels cannot fit, they overflow `high`.
    """
    order = sorted(range(len(desired)), key=lambda i: (desired[i], i))
    placed = [0.0] * len(desired)
    previous = low - spacing
    for i in order:
        placed[i] = max(desired[i], previous + spacing, low)
        previous = placed[i]
    overshoot = (placed[order[-1]] - high) if order else 0.0
    if overshoot > 0:
        ceiling = high + spacing
        for i in reversed(order):
            placed[i] = min(placed[i], ceiling - spacing)
            ceiling = placed[i]
        floor = low - spacing
        for i in order:
            placed[i] = max(placed[i], floor + spacing)
            floor = placed[i]
    return placed


def shifted(fig: Figure, base: Transform, dx: float = 0.0, dy: float = 0.0) -> Transform:
    """`base` followed by a shift of (dx, dy) points: text placed at a data position
    but a fixed distance away from it, whatever the output resolution."""
    if not dx and not dy:
        return base
    return base + ScaledTranslation(dx / 72, dy / 72, fig.dpi_scale_trans)
