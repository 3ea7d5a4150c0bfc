"""Charts of the current GZ care: clients per 1.000 inhabitants, growth per municipality,
age, growth of care assignments per sector on maps, and the profile mix per sector."""

from __future__ import annotations

from reportgen import charts
from reportgen.charts import Series
from reportgen.charts.mapclasses import classified
from reportgen.formatting import format_int, format_percent
from reportgen.kinds.regioanalyse_gz.common import (
    ALL_REGIONS_LABEL,
    Collected,
    fraction,
    municipalities,
    municipality_change_chart,
    pair,
)
from reportgen.kinds.spec import BuiltChart, ChartRequest
from reportgen.model import Ref
from reportgen.values import ALL_REGIONS

RATE_UNIT = "per 1.000 inwoners"
LOCATION_POINTS = "gz_locatiepunten"
LOCATIONS_NAME = "Zorglocatie"
"""Legend entry of the location dots."""
AGE_GROUPS = (
    ("0-18", "0-18"),
    ("19-23", "19-23"),
    ("24-34", "24-34"),
    ("35-49", "35-49"),
    ("50-64", "50-64"),
    ("65+", "65+"),
)
GROWTH_BOUNDS = (0.0, 0.05, 0.10, 0.20)
PROFILES: dict[str, tuple[str, ...]] = {
    "VG": ("1-2VG", "3VG", "4VG", "5VG", "6VG", "7VG", "8VG"),
    "LVG": ("1-2LVG", "3LVG", "4LVG", "5LVG", "SGLVG"),
    "LG": ("1-2LG", "3-4LG", "5LG", "6LG", "7LG"),
    "ZG": ("ZGaud", "ZGvis"),
}


def years(edition: int) -> list[str]:
    """The four years the care pages compare, 2020 up to the edition."""
    return [str(y) for y in range(edition - 3, edition + 1)]


def clients_chart(req: ChartRequest) -> BuiltChart:
    """GZ clients per 1.000 inhabitants per year, region and all regions, with growth arrows and counts."""
    got = Collected(req)
    ys = years(req.edition)
    groups = [
        Series(label, tuple(got.value("gz_klanten_per_1000", area, y, "", RATE_UNIT) for y in ys))
        for label, area in pair(req.subject)
    ]
    counts = [tuple(got.value("gz_klanten", req.subject.area, y, "", "klanten") for y in ys), None]
    image = charts.growth_bars(
        ys, groups, width_pt=req.width, height_pt=req.height, counts=counts, counts_name="Aantal klanten"
    )
    return got.built(image)


def _signed_percent(value: float | None) -> str:
    return "*" if value is None else format_percent(value, 1, signed=True)


def municipality_growth_chart(req: ChartRequest) -> BuiltChart:
    """Growth of clients per 1.000 inhabitants per municipality, with region and all regions as lines."""
    return municipality_change_chart(req, "gz_klanten_per_1000_groei", "procent", _signed_percent, fraction)


def age_chart(req: ChartRequest) -> BuiltChart:
    """Share of clients per age group, region against all regions."""
    got = Collected(req)
    period = str(req.edition)
    groups = [
        Series(label, tuple(got.value("gz_leeftijd", area, period, cat, "aandeel") for cat, _ in AGE_GROUPS))
        for label, area in pair(req.subject)
    ]
    image = charts.grouped_bars([label for _, label in AGE_GROUPS], groups, width_pt=req.width, height_pt=req.height)
    return got.built(image)


def assignments_map(sector: str, req: ChartRequest) -> BuiltChart:
    """Growth of one sector's care assignments per municipality, in classes (bind `sector` with partial)."""
    got = Collected(req)
    period = f"{req.edition - 3}-{req.edition}"
    growth = {
        c: fraction(got.value("gz_toewijzingen_groei", c, period, sector, "procent"))
        for c in municipalities(req.subject)
    }
    classes, class_of = classified(growth, GROWTH_BOUNDS)
    image = charts.municipality_map(
        req.subject.area,
        classes,
        class_of,
        width_pt=req.width,
        height_pt=req.height,
        title=f"{sector}: groei toewijzingen {period}",
        locations=location_points(got, sector),
        locations_name=LOCATIONS_NAME,
    )
    return got.built(image)


def location_points(got: Collected, sector: str) -> list[tuple[float, float]]:
    """The shown points (RD metres) of the sector's counting locations in the subject's municipalities."""
    period = str(got.req.edition)
    points = []
    for code in municipalities(got.req.subject):
        for category in got.req.values.categories(LOCATION_POINTS, code, period, "rd_x"):
            if category.split("|")[0] != sector:
                continue
            x, y = (got.req.values.shown(LOCATION_POINTS, code, period, category, unit) for unit in ("rd_x", "rd_y"))
            if x is not None and y is not None:
                got.refs.extend(Ref(LOCATION_POINTS, code, period, category, unit) for unit in ("rd_x", "rd_y"))
                points.append((x, y))
    return points


def profile_mix_chart(sector: str, req: ChartRequest) -> BuiltChart:
    """The profile mix of one sector: the region's years, then all regions' last year (bind `sector` with partial)."""
    got = Collected(req)
    profiles = PROFILES[sector]
    ys = years(req.edition)
    columns = [(y, req.subject.area, y) for y in ys] + [(f"{ALL_REGIONS_LABEL} {ys[-1]}", ALL_REGIONS, ys[-1])]
    series = [
        Series(
            p,
            tuple(got.value("gz_profielmix", area, y, f"{sector}|{p}", "aandeel") for _, area, y in columns),
        )
        for p in profiles
    ]
    totals = []
    for _, area, y in columns:
        total = got.value("gz_profielmix_totaal", area, y, sector, "klanten")
        totals.append("n = *" if total is None else f"n = {format_int(round(total))}")
    image = charts.stacked_percent_bars(
        [label for label, _, _ in columns], series, totals, width_pt=req.width, height_pt=req.height
    )
    return got.built(image)
