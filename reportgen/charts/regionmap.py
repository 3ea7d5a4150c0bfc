"""The Netherlands in its 31 zorgkantoor regions, with the zorgkantoor's own regions
highlighted and named.

Used on the introduction page that names the regions the analyses cover. The other
regions stay light grey; one region (the one the document is about) can stand out
in the accent colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from reportgen.charts.mapdraw import (
    NEIGHBOUR_FILL,
    MapLegendEntry,
    draw_areas,
    draw_borders,
    map_below_legend,
    union_bounds,
)
from reportgen.charts.mapnames import View, area_names, draw_names
from reportgen.charts.output import ChartImage, draw_chart
from reportgen.charts.reuse import drawn_once
from reportgen.charts.style import mpl_color
from reportgen.formatting import join_nl
from reportgen.geo import boundaries, region_code_of


@drawn_once
def zorgkantoor_map(
    highlight: Sequence[str],
    *,
    width_pt: float,
    height_pt: float,
    title: str = "",
    current: str | None = None,
    names: Mapping[str, str] | None = None,
    legend_text: str = "Regio's van het zorgkantoor",
    current_text: str = "Deze regio",
    color: str = "blue",
    current_color: str = "accent",
) -> ChartImage:
    """All 31 zorgkantoor regions, the `highlight` ones (slugs or ZK codes) coloured
    and named, `current` in the accent colour.

    names: printed name per slug or ZK code (default: the CBS name). labels: the
    legend texts, then the highlighted regions' names as printed, in the given order.
    """
    data = boundaries()
    codes = [region_code_of(r) for r in highlight]
    if not codes:
        raise ValueError("zorgkantoor_map: no regions to highlight")
    unknown = [c for c in codes if c not in data.regions]
    if unknown:
        raise ValueError(f"zorgkantoor_map: unknown regions {unknown}")
    current_code = region_code_of(current) if current else None
    if current_code is not None and current_code not in codes:
        raise ValueError(f"zorgkantoor_map: current region {current!r} is not highlighted")
    printed = {region_code_of(k): v for k, v in (names or {}).items()}
    label_of = {c: printed.get(c, data.regions[c].name) for c in codes}
    fill, accent = mpl_color(color), mpl_color(current_color)
    legend = [MapLegendEntry(legend_text, fill)]
    if current_code:
        legend.append(MapLegendEntry(current_text, accent))

    def draw(fig: Figure) -> tuple[tuple[str, ...], str]:
        regions = list(data.regions.values())
        plot = map_below_legend(fig, legend, union_bounds(regions))
        colors = [accent if r.code == current_code else fill if r.code in label_of else NEIGHBOUR_FILL for r in regions]
        draw_areas(fig, plot, regions, colors)
        draw_borders(fig, plot, regions)
        placed = area_names(tuple((c, label_of[c], data.regions[c]) for c in codes), View.of(plot))
        draw_names(fig, placed, {r.code: c for r, c in zip(regions, colors, strict=True)})
        texts = [e.name for e in legend] + [p.text.replace("\n", " ").replace("- ", "-") for p in placed]
        alt = [
            f"{title}." if title else "",
            f"Kaart van Nederland met de {len(data.regions)} zorgkantoorregio's; "
            f"{len(codes)} regio's zijn gekleurd: {join_nl(list(label_of.values()))}.",
        ]
        if current_code:
            alt.append(f"{label_of[current_code]} is extra gemarkeerd.")
        return tuple(texts), " ".join(a for a in alt if a)

    return draw_chart(width_pt, height_pt, draw, palette=True)
