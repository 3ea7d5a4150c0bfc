"""The financing of GZ care in 2040: what the care costs per inhabitant of working age now and
in 2040 when the cost per client stays as it is and the clients grow as the max forecast."""

from __future__ import annotations

from reportgen import charts
from reportgen.charts import Series
from reportgen.formatting import format_euro
from reportgen.kinds.regioanalyse_gz.common import Collected, pair
from reportgen.kinds.spec import BuiltChart, ChartRequest

PER_WORKER = "gz_uitgaven_per_beroepsbevolking"
PER_WORKER_UNIT = "euro per inwoner 18-64 per jaar"
LAST_YEAR = "2040"


def financing_chart(req: ChartRequest) -> BuiltChart:
    """Yearly GZ spending per inhabitant aged 18-64, now and in 2040, region next to all regions."""
    got = Collected(req)
    years = [str(req.edition), LAST_YEAR]
    groups = [
        Series(label, tuple(got.value(PER_WORKER, area, y, "", PER_WORKER_UNIT) for y in years))
        for label, area in pair(req.subject)
    ]
    image = charts.grouped_bars(
        years,
        groups,
        width_pt=req.width,
        height_pt=req.height,
        title="GZ-uitgaven per inwoner van 18 tot 65 jaar per jaar",
        value_format=lambda v: format_euro(None if v is None else round(v)),
    )
    return got.built(image)
