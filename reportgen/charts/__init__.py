"""Charts in the house style, drawn at the exact size of their frame on the page.

Each chart kind is one function taking plain data (`Series`, lists of labels and
values) and the box size in points, and returning a `ChartImage`: a vector PDF, a PNG,
the value labels it printed and a Dutch alt text. Suppressed values (None) print as
"*" (maps: a hatched "Niet getoond" class); the page adds the note
(`reportgen.formatting.suppressed_note`). Maps carry `reportgen.geo.ATTRIBUTION` on the
page's Bron line.

The chart functions are loaded on first use (`reportgen.charts.lazy`): a call whose
chart is in the chart cache is answered without importing matplotlib.
"""

from __future__ import annotations

from reportgen.charts.image import ChartImage
from reportgen.charts.lazy import lazy_chart
from reportgen.charts.series import Series
from reportgen.charts.style import PALETTE

CHART_MODULES: dict[str, str] = {
    "forecast_fan": "reportgen.charts.forecast",
    "grouped_bars": "reportgen.charts.grouped",
    "growth_bars": "reportgen.charts.growth",
    "monthly_lines": "reportgen.charts.lines",
    "municipality_map": "reportgen.charts.choropleth",
    "ranked_hbars": "reportgen.charts.hbar",
    "reference_bars": "reportgen.charts.refbars",
    "scenario_bars": "reportgen.charts.scenario",
    "stacked_percent_bars": "reportgen.charts.stacked",
    "zorgkantoor_map": "reportgen.charts.regionmap",
}
"""Each public chart function and the module that draws it."""

__all__ = ["PALETTE", "ChartImage", "Series", *sorted(CHART_MODULES)]


def __getattr__(name: str) -> object:
    """A public chart function, as a stand-in that loads its module only to draw."""
    if name in CHART_MODULES:
        return lazy_chart(CHART_MODULES[name], name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
