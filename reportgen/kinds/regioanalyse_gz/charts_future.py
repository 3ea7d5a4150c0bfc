"""Charts of future demand and means: the forecast, new clients per municipality, the
capacity scenarios, living independently per municipality, costs and workforce."""

from __future__ import annotations

from reportgen import charts
from reportgen.charts import Series
from reportgen.formatting import SUPPRESSED, format_euro, format_int, format_points
from reportgen.kinds.regioanalyse_gz.common import (
    Collected,
    municipalities,
    municipality_change_chart,
    municipality_name,
    pair,
    shown,
)
from reportgen.kinds.spec import BuiltChart, ChartRequest
from reportgen.model import Ref

FORECAST_UNIT = "klanten (prognose)"
SCENARIOS = (("geen-groei", "Geen groei thuis"), ("halve-groei", "Halve groei thuis"), ("groei", "Groei als nu"))
HORIZON_YEARS = 5
"""The capacity scenarios look this many years past the edition."""


def forecast_chart(req: ChartRequest) -> BuiltChart:
    """Expected clients from the edition to 2040 in the min, mid and max variants. The end labels
    print gz_prognose_verandering (the change against the counted clients of the edition), so
    they say what the page's headline says; the lines themselves start at the mid of the edition."""
    got = Collected(req)
    area = req.subject.area
    periods = req.values.periods("gz_prognose", area)
    lines = {v: [got.value("gz_prognose", area, p, v, FORECAST_UNIT) for p in periods] for v in ("min", "mid", "max")}
    span = f"{req.edition}-{periods[-1]}" if periods else ""
    changes = [got.value("gz_prognose_verandering", area, span, v, "procent") for v in ("min", "mid", "max")]
    image = charts.forecast_fan(
        [int(p) for p in periods],
        lines["min"],
        lines["mid"],
        lines["max"],
        width_pt=req.width,
        height_pt=req.height,
        changes=[None if c is None else c / 100 for c in changes],
    )
    return got.built(image)


def _whole(value: float | None) -> str:
    return SUPPRESSED if value is None else format_int(round(value))


def new_clients_chart(req: ChartRequest) -> BuiltChart:
    """Growth of the mid forecast per municipality up to 2040, ranked."""
    got = Collected(req)
    period = f"{req.edition}-2040"
    codes = municipalities(req.subject)
    values = [got.value("gz_prognose_nieuwe_klanten", c, period, "", FORECAST_UNIT) for c in codes]
    image = charts.ranked_hbars(
        [municipality_name(c) for c in codes], values, width_pt=req.width, height_pt=req.height, value_format=_whole
    )
    return got.built(image)


def scenario_chart(req: ChartRequest) -> BuiltChart:
    """Places needed five years on: existing, extra intramural and extra at home, per scenario."""
    got = Collected(req)
    area, now, later = req.subject.area, str(req.edition), str(req.edition + HORIZON_YEARS)
    existing_parts = [
        shown(req.values, "gz_capaciteit_bestaand", area, now, c, "klanten")
        for c in ("intramuraal", "VPT", "MPT", "PGB")
    ]
    existing = got.total(Ref("gz_capaciteit_bestaand", area, now, "totaal", "klanten"), existing_parts)
    intra = [got.value("gz_capaciteit_extra", area, later, f"{s}|intramuraal", "plekken") for s, _ in SCENARIOS]
    home = [got.value("gz_capaciteit_extra", area, later, f"{s}|thuis", "plekken") for s, _ in SCENARIOS]
    bubbles = [got.value("gz_zelfstandig_scenario", area, later, s, "aandeel") for s, _ in SCENARIOS]
    series = [
        Series("Bestaande plekken", tuple(existing for _ in SCENARIOS)),
        Series("Extra intramuraal", tuple(intra)),
        Series("Extra thuis (VPT, MPT, PGB)", tuple(home)),
    ]
    image = charts.scenario_bars(
        [label for _, label in SCENARIOS], series, bubbles, width_pt=req.width, height_pt=req.height
    )
    return got.built(image)


def _signed_points(value: float | None) -> str:
    if value is None:
        return SUPPRESSED
    text = format_points(value, 1).replace(" procentpunt", "")
    return ("+" if value > 0 else "") + text


def independent_change_chart(req: ChartRequest) -> BuiltChart:
    """Change in the share living independently per municipality, in percentage points."""
    return municipality_change_chart(req, "gz_zelfstandig_verandering", "procentpunt", _signed_points)


def _euro(value: float | None) -> str:
    return SUPPRESSED if value is None else format_euro(round(value))


def cost_chart(req: ChartRequest) -> BuiltChart:
    """Cost per client per month, region and all regions, with growth arrows."""
    got = Collected(req)
    ys = [str(y) for y in range(req.edition - 3, req.edition + 1)]
    groups = [
        Series(label, tuple(got.value("gz_kosten_per_klant", area, y, "", "euro per klant per maand") for y in ys))
        for label, area in pair(req.subject)
    ]
    image = charts.growth_bars(ys, groups, width_pt=req.width, height_pt=req.height, value_format=_euro)
    return got.built(image)


def workforce_chart(req: ChartRequest) -> BuiltChart:
    """GZ staff per client, now and expected in 2040, region and all regions."""
    got = Collected(req)
    ys = [str(req.edition), "2040"]
    groups = [
        Series(label, tuple(got.value("gz_medewerkers_per_klant", area, y, "", "per klant") for y in ys))
        for label, area in pair(req.subject)
    ]
    image = charts.growth_bars(ys, groups, width_pt=req.width, height_pt=req.height, value_format=_two_decimals)
    return got.built(image)


def _two_decimals(value: float | None) -> str:
    from reportgen.formatting import format_decimal

    return SUPPRESSED if value is None else format_decimal(value, 2)
