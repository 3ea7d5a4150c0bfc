"""Charts in the house style, drawn at the exact size of their frame on the page.

Each chart kind is one function taking plain data (`Series`, lists of labels and
values) and the box size in points, and returning a `ChartImage`: a vector PDF, a PNG,
the value labels it printed and a Dutch alt text. Suppressed values (None) print as
"*"; the page adds the note (`reportgen.formatting.suppressed_note`).
"""

from reportgen.charts.grouped import grouped_bars
from reportgen.charts.hbar import ranked_hbars
from reportgen.charts.lines import monthly_lines
from reportgen.charts.output import ChartImage
from reportgen.charts.series import Series
from reportgen.charts.stacked import stacked_percent_bars
from reportgen.charts.style import PALETTE

__all__ = [
    "PALETTE",
    "ChartImage",
    "Series",
    "grouped_bars",
    "monthly_lines",
    "ranked_hbars",
    "stacked_percent_bars",
]
