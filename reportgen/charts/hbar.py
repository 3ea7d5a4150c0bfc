"""Ranked horizontal bars: regions or providers from highest to lowest value.

Names stand left of the bars, values at the bar ends, no axis. One bar can be
highlighted (the region the document is about) in the accent colour with its name in
bold. Suppressed values have no bar; they go to the bottom with a "*".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from matplotlib.figure import Figure

from reportgen.charts.canvas import Plot
from reportgen.charts.columns import EDGE, SIDE, figure_size_pt
from reportgen.charts.describe import ranked_description
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.place import label_height, label_width, truncated, wrapped
from reportgen.charts.reuse import drawn_once
from reportgen.charts.series import spoken
from reportgen.charts.style import LABEL_SIZE, MIN_SIZE, TEXT_DARK, mpl_color
from reportgen.formatting import format_int, join_nl

BAR_FRACTION = 0.7
"""Bar thickness as a part of the row height."""
MAX_BAR_PT = 18.0
"""Bars never get thicker than this."""
MAX_NAME_FRACTION = 0.4
"""The name column takes at most this part of the chart width."""
VALUE_GAP = 3.0
"""Between a bar's end and its value label, in points."""
NAME_GAP = 4.0
"""Between a name and the start of its bar."""


MAX_ROW_PT = 40.0
"""Rows never get taller than this: a chart of two bars keeps them close together at the top."""


def ranked_order(values: Sequence[float | None], pinned: Sequence[bool] = ()) -> list[int]:
    """Indices from the highest value to the lowest (ties keep input order), then the
    suppressed ones in input order, then the `pinned` ones (a remainder like 'Overige')."""
    pin = list(pinned) or [False] * len(values)
    shown = [i for i, v in enumerate(values) if v is not None and not pin[i]]
    hidden = [i for i, v in enumerate(values) if v is None and not pin[i]]
    return sorted(shown, key=lambda i: -float(values[i])) + hidden + [i for i in range(len(values)) if pin[i]]


def row_font_size(row_pt: float) -> float:
    """Label size for rows of this height: the house size unless rows are tight, then
    the largest half point that fits."""
    fitting = math.floor((row_pt - 1) / 1.05 * 2 + 1e-9) / 2
    return max(MIN_SIZE, min(LABEL_SIZE, fitting))


def _name_texts(names: Sequence[str], size: float, room: float, row_pt: float, bold: str | None) -> list[str]:
    """Names fitted to the name column: wrapped to two lines where rows allow, else cut
    (the `bold` one measured in bold)."""
    two_lines = row_pt >= label_height(2, size) + 1
    if two_lines:
        return [wrapped(n, size, room, 2, n == bold) for n in names]
    return [truncated(n, size, room, n == bold) for n in names]


def _alt_text(title: str, names: list[str], texts: list[str]) -> str:
    """Dutch description listing every name with its value, in ranked order."""
    items = join_nl([f"{n} {spoken(t)}" for n, t in zip(names, texts, strict=True)])
    parts = [f"{title}." if title else "", f"Liggende staven van hoog naar laag: {items}."]
    return " ".join(p for p in parts if p)


@drawn_once
def ranked_hbars(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
    value_format: Callable[[float | None], str] = format_int,
    highlight: str | None = None,
    color: str = "blue",
    highlight_color: str = "accent",
    last: str | None = None,
) -> ChartImage:
    """Horizontal bars sorted from the highest value down, value labels at the bar ends.

    labels: the value labels top to bottom (value_format of each value, "*" for the
    suppressed ones, which come last). `highlight` names the bar drawn in
    `highlight_color` with its name in bold; the bar named `last` (a remainder such as
    'Overige profielen') always stands at the bottom, whatever its value.
    """
    if not labels or len(labels) != len(values):
        raise ValueError(f"ranked_hbars: {len(labels)} labels for {len(values)} values")
    if any(v is not None and v < 0 for v in values):
        raise ValueError("ranked_hbars: values must not be negative")
    order = ranked_order(values, [label == last for label in labels])
    names = [labels[i] for i in order]
    ranked = [values[i] for i in order]
    texts = [value_format(v) for v in ranked]
    top_value = max((float(v) for v in ranked if v is not None), default=0.0) or 1.0
    mark = names.index(highlight) if highlight in names else None
    data = ranked_description(
        names,
        ranked,
        texts,
        mpl_color(color),
        None if mark is None else (mark, mpl_color(highlight_color)),
        value_format,
    )

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        width, height = figure_size_pt(fig)
        row = min((height - 2 * EDGE) / len(names), MAX_ROW_PT)
        size = row_font_size(row)
        inner = width - 2 * SIDE
        room = inner * MAX_NAME_FRACTION
        name_texts = _name_texts(names, size, room, row, highlight)
        name_col = max(label_width(t, size, bold=n == highlight) for t, n in zip(name_texts, names, strict=True))
        value_col = max(label_width(t, size) for t in texts) + VALUE_GAP
        left = SIDE + name_col + NAME_GAP
        bar_room = width - SIDE - value_col - left
        rows_h = row * len(names)
        plot = Plot(fig, left, height - EDGE - rows_h, bar_room, rows_h, 0.0, top_value, float(len(names)), 0.0)
        thickness = min(BAR_FRACTION, MAX_BAR_PT / row)
        for r, (name, value, text, shown_name) in enumerate(zip(names, ranked, texts, name_texts, strict=True)):
            centre = r + 0.5
            mark = name == highlight
            if value:
                fill = mpl_color(highlight_color if mark else color)
                plot.box(0.0, centre - thickness / 2, float(value), thickness, fill)
            plot.text(0.0, centre, shown_name, -NAME_GAP, ha="right", size=size, color="#" + TEXT_DARK, bold=mark)
            plot.text(float(value or 0.0), centre, text, VALUE_GAP, ha="left", size=size)
        return tuple(texts), _alt_text(title, names, texts)

    return draw_chart(width_pt, height_pt, draw, data=data)
