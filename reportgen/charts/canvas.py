"""A plot area placed in points on the figure, drawn without matplotlib Axes.

The house charts have no axes to speak of (no gridlines, no y axis on labelled bars),
and a matplotlib Axes costs more to build than the whole chart takes to draw. A
`Plot` maps data coordinates onto a rectangle given in points and adds patches, lines
and text straight to the figure, so every chart is laid out by its own arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.transforms import Affine2D, Transform

from reportgen.charts.place import points_transform, shifted
from reportgen.charts.style import CAP_HEIGHT, LABEL_SIZE, LINE_HEIGHT, SEPARATOR_WIDTH, TEXT_DARK


@dataclass(frozen=True)
class Plot:
    """Data range (x0..x1, y0..y1) shown in the rectangle (left, bottom, width, height),
    given in points from the figure's bottom-left corner."""

    fig: Figure
    left: float
    bottom: float
    width: float
    height: float
    x0: float
    x1: float
    y0: float
    y1: float

    @cached_property
    def data(self) -> Transform:
        """The transform from data coordinates to the figure."""
        sx = self.width / (self.x1 - self.x0)
        sy = self.height / (self.y1 - self.y0)
        to_points = Affine2D().translate(-self.x0, -self.y0).scale(sx, sy).translate(self.left, self.bottom)
        return to_points + points_transform(self.fig)

    def y_points(self, y: float) -> float:
        """Height in points above the plot's bottom of the data value y."""
        return (y - self.y0) * self.height / (self.y1 - self.y0)

    def x_points(self, x: float) -> float:
        """Distance in points from the plot's left edge of the data value x."""
        return (x - self.x0) * self.width / (self.x1 - self.x0)

    def box(self, x: float, y: float, width: float, height: float, color: str) -> None:
        """A bar or segment in data units, edged with the thin white separator."""
        rect = Rectangle(
            (x, y),
            width,
            height,
            facecolor=color,
            edgecolor="white",
            lw=SEPARATOR_WIDTH,
            transform=self.data,
            zorder=2,
        )
        self.fig.add_artist(rect)

    def line(self, xs: Sequence[float], ys: Sequence[float], color: str, width: float, zorder: float = 3) -> None:
        """A polyline in data units (NaN breaks it)."""
        self.fig.add_artist(
            Line2D(
                xs,
                ys,
                color=color,
                lw=width,
                transform=self.data,
                zorder=zorder,
                solid_capstyle="butt",
                solid_joinstyle="round",
            )
        )

    def dot(self, x: float, y: float, color: str, diameter: float) -> None:
        """A round marker of `diameter` points at a data position."""
        self.fig.add_artist(
            Line2D([x], [y], marker="o", ms=diameter, mew=0, color=color, transform=self.data, zorder=3)
        )

    def text(
        self,
        x: float,
        y: float,
        text: str,
        dx: float = 0.0,
        dy: float = 0.0,
        *,
        ha: str = "center",
        va: str = "center",
        size: float = LABEL_SIZE,
        color: str = "#" + TEXT_DARK,
        bold: bool = False,
    ) -> None:
        """Text at a data position, moved (dx, dy) points from it.

        Lines are set on baselines computed from the font's cap height, so labels line
        up by their type, not by the ink of their letters ("apr" and "jan" on one line).
        """
        lines = text.split("\n")
        step = size * LINE_HEIGHT
        first = dy + baseline_offset(va, len(lines), size)
        for k, line in enumerate(lines):
            self.fig.text(
                x,
                y,
                line,
                transform=shifted(self.fig, self.data, dx, first - k * step),
                ha=ha,
                va="baseline",
                fontsize=size,
                color=color,
                fontweight="bold" if bold else "normal",
                zorder=4,
            )

    def upright_text(self, x: float, y: float, text: str, dy: float, size: float, color: str) -> None:
        """One line of text reading upwards from (x, y) + dy points, centred on x; for
        labels over columns too narrow to hold them across."""
        self.fig.text(
            x,
            y,
            text,
            transform=shifted(self.fig, self.data, CAP_HEIGHT * size / 2, dy),
            rotation=90,
            rotation_mode="anchor",
            ha="left",
            va="baseline",
            fontsize=size,
            color=color,
            zorder=4,
        )


def baseline_offset(va: str, lines: int, size: float) -> float:
    """Where the first baseline goes, in points from the anchor, for a block of `lines`
    lines aligned "top", "center", "bottom" or "baseline" on the anchor."""
    cap = CAP_HEIGHT * size
    block = cap + (lines - 1) * size * LINE_HEIGHT
    if va == "top":
        return -cap
    if va == "center":
        return block / 2 - cap
    if va == "bottom":
        return block - cap
    if va == "baseline":
        return 0.0
    raise ValueError(f"unknown vertical alignment {va!r}")
