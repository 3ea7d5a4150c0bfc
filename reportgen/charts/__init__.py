"""Charts in the house style, drawn at the exact size of their frame on the page.

Each chart kind is one function taking plain data (`Series`, lists of labels and
values) and the box size in points, and returning a `ChartImage`: a vector PDF, a PNG,
the value labels it printed and a Dutch alt text. Suppressed values (None) print as
"*" (maps: a hatched "Niet getoond" class); the page adds the note
(`reportgen.formatting.suppressed_note`). Maps carry `reportgen.geo.ATTRIBUTION` on the
page's Bron line.
"""

from reportgen.charts.choropleth import municipality_map
from reportgen.charts.forecast import forecast_fan
from reportgen.charts.grouped import grouped_bars
from reportgen.charts.growth import growth_bars
from reportgen.charts.hbar import ranked_hbars
from reportgen.charts.lines import monthly_lines
from reportgen.charts.output import ChartImage
from reportgen.charts.refbars import reference_bars
from reportgen.charts.regionmap import zorgkantoor_map
from reportgen.charts.scenario import scenario_bars
from reportgen.charts.series import Series
from reportgen.charts.stacked import stacked_percent_bars
from reportgen.charts.style import PALETTE

__all__ = [
    "PALETTE",
    "ChartImage",
    "Series",
    "forecast_fan",
    "grouped_bars",
    "growth_bars",
    "monthly_lines",
    "municipality_map",
    "ranked_hbars",
    "reference_bars",
    "scenario_bars",
    "stacked_percent_bars",
    "zorgkantoor_map",
]
