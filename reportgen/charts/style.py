"""The house style of every chart: font, sizes, colours and the matplotlib settings.

Charts are set in the house font (Carlito, the same files the PDF embeds) so chart text
matches the page around it. All matplotlib settings are applied inside
`chart_context()`, never globally, so drawing a chart leaves no state behind for other
code in the same process. matplotlib is imported only when a chart is drawn: the
settings themselves (`house_settings`) are plain values, so a chart taken from the
cache is keyed on them without loading matplotlib.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache

from reportgen.charts.fontcache import chart_font_files

PALETTE: dict[str, str] = {
    "navy": "003B5C",
    "blue": "0079C1",
    "sky": "7FB8E0",
    "ice": "B7D7EE",
    "grey": "8C8C8C",
    "accent": "F5A623",
}
"""The house colours by name ("RRGGBB"); themes refer to them by these names."""

SERIES_COLORS: tuple[str, ...] = (
    PALETTE["navy"],
    PALETTE["blue"],
    PALETTE["sky"],
    PALETTE["ice"],
    PALETTE["grey"],
    "C8C8C8",
    PALETTE["accent"],
)
"""Colours given to series in order when the caller names none: blues dark to light,
then greys, the accent last so it stays free for highlighting."""

LINE_COLORS: tuple[str, ...] = (PALETTE["navy"], PALETTE["blue"], PALETTE["accent"], PALETTE["grey"], PALETTE["sky"])
"""Colours of lines in order: strong ones first, since a line is thinner than a bar."""

TEXT_DARK = "262626"
"""Value labels on light fills and next to bars."""
TEXT_MUTED = "595959"
"""Category labels, axis ticks and the legend."""
TEXT_LIGHT = "FFFFFF"
"""Value labels on dark fills."""
RULE = "A6A6A6"
"""The baseline under bars and the x axis of line charts."""

LABEL_SIZE = 9.0
"""Value labels, category labels and legend entries, in points."""
SMALL_SIZE = 8.0
"""Axis tick labels and labels squeezed into narrow places, in points."""
MIN_SIZE = 6.5
"""The smallest size a label may shrink to before it moves or is cut."""
CAP_HEIGHT = 1314 / 2048
"""Height of capitals and digits of the house font, as a part of the size (em)."""
LINE_HEIGHT = 1.2
"""Distance between baselines of wrapped labels, as a multiple of the size."""

SEPARATOR_WIDTH = 0.75
"""Width in points of the white lines between stacked segments and touching bars."""


def register_house_font() -> str:
    """Make matplotlib know the chart copies of the house font; returns their family."""
    family, paths = chart_font_files()
    for path in paths.values():
        _add_font(str(path))
    return family


@cache
def _add_font(path: str) -> None:
    """Register one font file with matplotlib, once per process."""
    from matplotlib import font_manager

    if path not in {entry.fname for entry in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(path)


def house_rc() -> dict[str, object]:
    """The matplotlib settings every chart is drawn and saved with, its font registered."""
    register_house_font()
    return house_settings()


def house_settings() -> dict[str, object]:
    """The matplotlib settings every chart is drawn and saved with, as plain values
    (the chart cache keys on them without importing matplotlib)."""
    return {
        "font.family": chart_font_files()[0],
        "font.size": LABEL_SIZE,
        "text.color": "#" + TEXT_DARK,
        "axes.unicode_minus": False,
        "text.parse_math": False,
        "text.hinting": "no_hinting",
        "axes.edgecolor": "#" + RULE,
        "axes.linewidth": 0.75,
        "xtick.color": "#" + TEXT_MUTED,
        "ytick.color": "#" + TEXT_MUTED,
        "xtick.labelsize": SMALL_SIZE,
        "ytick.labelsize": SMALL_SIZE,
        "axes.grid": False,
        "pdf.fonttype": 42,
        "pdf.compression": 6,
        "svg.fonttype": "none",
        "savefig.transparent": True,
        "savefig.dpi": 200,
        "figure.dpi": 72,
        "path.simplify": False,
        "hatch.linewidth": 0.5,
    }


@contextlib.contextmanager
def chart_context() -> Iterator[None]:
    """Apply the house settings for the duration of one chart, then restore."""
    import matplotlib as mpl

    with mpl.rc_context(rc=house_rc()):
        yield


def mpl_color(color: str) -> str:
    """A house colour ("RRGGBB" or a palette name) as a matplotlib colour string."""
    value = PALETTE.get(color, color).lstrip("#")
    if len(value) != 6 or any(ch not in "0123456789abcdefABCDEF" for ch in value):
        raise ValueError(f"colour must be 'RRGGBB' or one of {sorted(PALETTE)}, got {color!r}")
    return "#" + value.upper()


def series_color(color: str | None, index: int) -> str:
    """The colour of the index-th series: its own, else the next house series colour."""
    return mpl_color(color if color else SERIES_COLORS[index % len(SERIES_COLORS)])


def _luminance(color: str) -> float:
    """Relative luminance (WCAG 2) of a "#RRGGBB" colour."""

    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    value = color.lstrip("#")
    r, g, b = (channel(value[i : i + 2]) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_color_on(fill: str) -> str:
    """White or dark label text, whichever contrasts more with the fill behind it."""
    lum = _luminance(fill)
    dark = _luminance(TEXT_DARK)
    on_white = (1.05) / (lum + 0.05)
    on_dark = (lum + 0.05) / (dark + 0.05)
    return "#" + (TEXT_LIGHT if on_white >= on_dark else TEXT_DARK)


def label_color_on_white(color: str) -> str:
    """The colour itself for text on white if it reads well (contrast >= 3), else dark."""
    return color if 1.05 / (_luminance(color) + 0.05) >= 3.0 else "#" + TEXT_DARK
