"""Charts of the region's characteristics: where the regions lie, SES, urbanity, origin."""

from __future__ import annotations

from reportgen import charts
from reportgen.charts import Series
from reportgen.data.regions import REGION_IDS, REGION_NAMES
from reportgen.kinds.regioanalyse_gz.common import Collected, fraction, municipalities, pair
from reportgen.kinds.spec import BuiltChart, ChartRequest

SES_CLASSES = ("1 (laag)", "2", "3", "4", "5 (hoog)")
URBAN_CLASSES = ("1 (landelijk)", "2", "3", "4", "5 (zeer stedelijk)")
ORIGINS = (
    ("nederlands", "Nederlandse achtergrond"),
    ("westers", "Westerse achtergrond"),
    ("niet-westers", "Niet-westerse achtergrond"),
)


def regions_map(req: ChartRequest) -> BuiltChart:
    """The eleven regions among the 31 zorgkantoor regions, this one in the accent colour."""
    image = charts.zorgkantoor_map(
        list(REGION_IDS),
        width_pt=req.width,
        height_pt=req.height,
        current=req.subject.area,
        names={r: REGION_NAMES[r] for r in REGION_IDS},
        current_text=req.subject.name,
    )
    return BuiltChart(image, (), False)


def _group_map(req: ChartRequest, indicator: str, classes: tuple[str, ...], title: str) -> BuiltChart:
    """Municipalities filled by their group 1..5 (lightest = 1); a hidden group is 'Niet getoond'."""
    got = Collected(req)
    period = str(req.edition)
    class_of: dict[str, int | None] = {}
    for code in municipalities(req.subject):
        group = got.value(indicator, code, period, "", "groep")
        class_of[code] = None if group is None else int(round(group)) - 1
    image = charts.municipality_map(
        req.subject.area, list(classes), class_of, width_pt=req.width, height_pt=req.height, title=title
    )
    return got.built(image)


def ses_map(req: ChartRequest) -> BuiltChart:
    """Socio-economic status group per municipality."""
    return _group_map(req, "gz_ses_groep", SES_CLASSES, "Sociaaleconomische status (groep)")


def urbanity_map(req: ChartRequest) -> BuiltChart:
    """Urbanity group per municipality."""
    return _group_map(req, "gz_stedelijkheid", URBAN_CLASSES, "Stedelijkheid (groep)")


def origin_chart(req: ChartRequest) -> BuiltChart:
    """Inhabitants by origin, region against all regions, as 100% columns."""
    got = Collected(req)
    period = str(req.edition)
    columns = pair(req.subject)
    series = [
        Series(label, tuple(fraction(got.value("gz_herkomst", area, period, cat, "procent")) for _, area in columns))
        for cat, label in ORIGINS
    ]
    image = charts.stacked_percent_bars(
        [label for label, _ in columns],
        series,
        ["", ""],
        width_pt=req.width,
        height_pt=req.height,
        title="Herkomst van inwoners (% van de inwoners)",
    )
    return got.built(image)
