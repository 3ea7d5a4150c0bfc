"""Municipality map of one region: each municipality filled by its class.

Used for the maps of SES, urbanity and the growth in care per sector. The region's
municipalities are filled from light to dark by class (a legend on top names the
classes), the surrounding area is light grey, each municipality carries its name,
and locations can stand on the map as dots. A municipality whose value is not shown
(too few clients) is white with grey hatching: never a class colour, so the map does
not reveal what the table hides.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from reportgen.charts.mapdraw import (
    DOT_COLOR,
    NEIGHBOUR_FILL,
    NOT_SHOWN_FILL,
    MapLegendEntry,
    draw_areas,
    draw_borders,
    draw_dots,
    draw_not_shown,
    map_below_legend,
    union_bounds,
    visible,
)
from reportgen.charts.mapnames import View, area_names, dot_boxes, draw_names
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.reuse import drawn_once
from reportgen.charts.series import SUPPRESSED_SPOKEN
from reportgen.charts.style import PALETTE, mpl_color
from reportgen.formatting import format_int, join_nl
from reportgen.geo import Municipality, boundaries

NOT_SHOWN_LABEL = "Niet getoond"
"""Legend entry of the hatched municipalities whose value is suppressed."""
RAMP = (PALETTE["ice"], PALETTE["sky"], PALETTE["blue"], PALETTE["navy"])
"""Light to dark: the classes take evenly spaced colours along these."""


def class_colors(count: int) -> list[str]:
    """`count` colours from light to dark along the house blues ("#RRGGBB")."""
    if count < 1:
        raise ValueError("a map needs at least one class")
    stops = [tuple(int(c[i : i + 2], 16) for i in (0, 2, 4)) for c in RAMP]
    colors = []
    for k in range(count):
        t = k / (count - 1) * (len(stops) - 1) if count > 1 else len(stops) - 1
        i = min(int(t), len(stops) - 2)
        f = t - i
        rgb = [round(a + (b - a) * f) for a, b in zip(stops[i], stops[i + 1], strict=True)]
        colors.append("#" + "".join(f"{v:02X}" for v in rgb))
    return colors


def municipality_fills(
    members: Sequence[Municipality], class_of: Mapping[str, int | None], colors: Sequence[str]
) -> dict[str, str | None]:
    """GM code -> fill colour of its class, or None where the value is not shown.

    Refuses a municipality without a value (say None for 'not shown'), a value for a
    municipality outside the region, and a class index out of range."""
    codes = {m.code for m in members}
    missing = sorted(codes - set(class_of))
    if missing:
        raise ValueError(f"municipality_map: no class for {', '.join(missing)} (use None for a suppressed value)")
    extra = sorted(set(class_of) - codes)
    if extra:
        raise ValueError(f"municipality_map: {', '.join(extra)} not in the region")
    fills: dict[str, str | None] = {}
    for m in members:
        index = class_of[m.code]
        if index is not None and not 0 <= index < len(colors):
            raise ValueError(f"municipality_map: class {index} of {m.code} is not one of 0..{len(colors) - 1}")
        fills[m.code] = None if index is None else colors[index]
    return fills


RD_EXTENT = (0.0, 289_000.0, 300_000.0, 629_000.0)
"""Bounds of RD New (EPSG:28992) over the Netherlands: x0, y0, x1, y1 in metres."""


def check_locations(locations: Sequence[tuple[float, float]]) -> None:
    """Refuse locations that are not RD New metres in the Netherlands (for example
    latitude and longitude), naming the first one."""
    x0, y0, x1, y1 = RD_EXTENT
    for k, point in enumerate(locations):
        ok = len(point) == 2 and all(math.isfinite(float(v)) for v in point)
        if not ok or not (x0 <= point[0] <= x1 and y0 <= point[1] <= y1):
            raise ValueError(
                f"municipality_map: location {k + 1} {tuple(point)} is not an RD New point (x, y in metres) "
                "in the Netherlands"
            )


def _alt_text(
    title: str,
    region_name: str,
    classes: Sequence[str],
    members: Sequence[Municipality],
    class_of: Mapping[str, int | None],
    dots: int,
    dot_name: str,
) -> str:
    """Dutch description: which municipalities fall in which class."""
    parts = [
        f"{title}." if title else "",
        f"Kaart van de {len(members)} gemeenten van regio {region_name}, ingedeeld in {len(classes)} klassen.",
    ]
    for k, label in enumerate(classes):
        names = [m.name for m in members if class_of[m.code] == k]
        if names:
            parts.append(f"{label}: {join_nl(names)}.")
    hidden = [m.name for m in members if class_of[m.code] is None]
    if hidden:
        parts.append(f"{SUPPRESSED_SPOKEN.capitalize()}: {join_nl(hidden)}.")
    if dots:
        parts.append(f"{dot_name}: {format_int(dots)} als stip op de kaart.")
    return " ".join(p for p in parts if p)


@drawn_once
def municipality_map(
    region: str,
    classes: Sequence[str],
    class_of: Mapping[str, int | None],
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
    region_name: str | None = None,
    colors: Sequence[str] | None = None,
    locations: Sequence[tuple[float, float]] = (),
    locations_name: str = "Locatie",
) -> ChartImage:
    """The region's municipalities filled by class, named, with optional location dots.

    region: a region slug ("t-gooi") or ZK code. classes: legend texts from low to
    high. class_of: GM code -> index into classes, None when the value is suppressed.
    locations: points in RD metres. labels: the legend texts (classes, then "Niet
    getoond" if any value is suppressed, then `locations_name` if there are dots),
    then the municipality names as printed, in code order.
    """
    check_locations(locations)
    data = boundaries()
    members = data.members(region)
    shades = [mpl_color(c) for c in colors] if colors else class_colors(len(classes))
    if len(shades) != len(classes):
        raise ValueError(f"municipality_map: {len(shades)} colours for {len(classes)} classes")
    fills = municipality_fills(members, class_of, shades)
    name = region_name or data.regions[members[0].region].name
    legend = [MapLegendEntry(c, s) for c, s in zip(classes, shades, strict=True)]
    if any(f is None for f in fills.values()):
        legend.append(MapLegendEntry(NOT_SHOWN_LABEL, NOT_SHOWN_FILL, "hatch"))
    if locations:
        legend.append(MapLegendEntry(locations_name, DOT_COLOR, "dot"))

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        plot = map_below_legend(fig, legend, union_bounds(members))
        own = {m.code for m in members}
        around = [m for m in visible(list(data.municipalities.values()), plot) if m.code not in own]
        draw_areas(fig, plot, around, [NEIGHBOUR_FILL] * len(around))
        shown = [m for m in members if fills[m.code] is not None]
        draw_areas(fig, plot, shown, [fills[m.code] for m in shown])
        draw_not_shown(fig, plot, [m for m in members if fills[m.code] is None])
        draw_borders(fig, plot, [*around, *members])
        draw_dots(plot, fig, locations)
        view = View.of(plot)
        dots = tuple(dot_boxes(view, locations))
        names = area_names(tuple((m.code, m.name, m) for m in members), view, dots)
        draw_names(fig, names, fills, dots)
        printed = [e.name for e in legend] + [n.text.replace("\n", " ").replace("- ", "-") for n in names]
        return tuple(printed), _alt_text(title, name, classes, members, class_of, len(locations), locations_name)

    return draw_chart(width_pt, height_pt, draw, palette=True)
