"""Charts of access to care: sectorvreemde zorg and the waiting list."""

from __future__ import annotations

from reportgen import charts
from reportgen.charts import Series
from reportgen.formatting import SUPPRESSED, format_decimal, format_percent
from reportgen.kinds.regioanalyse_gz.common import Collected, pair, shown
from reportgen.kinds.spec import BuiltChart, ChartRequest
from reportgen.model import Ref

PROVIDER_SECTORS = (("GZ", "GZ-aanbieder"), ("GGZ", "GGZ-aanbieder"), ("VV", "VV-aanbieder"))
WAIT_STATUSES = (("actief/urgent", "Actief en urgent wachtend"), ("wacht op voorkeur", "Wacht op voorkeur"))


def sectorvreemd_chart(req: ChartRequest) -> BuiltChart:
    """GZ clients by the sector of their provider, region against all regions."""
    got = Collected(req)
    period = str(req.edition)
    columns = pair(req.subject)
    series = [
        Series(label, tuple(got.value("gz_sectorvreemd", area, period, cat, "aandeel") for _, area in columns))
        for cat, label in PROVIDER_SECTORS
    ]
    totals = []
    for _, area in columns:
        counts = [shown(req.values, "gz_sectorvreemd", area, period, cat, "klanten") for cat, _ in PROVIDER_SECTORS]
        n = got.total(Ref("gz_sectorvreemd", area, period, "totaal", "klanten"), counts)
        totals.append("n = *" if n is None else f"n = {format_decimal(n, 0)}")
    image = charts.stacked_percent_bars(
        [label for label, _ in columns], series, totals, width_pt=req.width, height_pt=req.height
    )
    return got.built(image)


def waiting_chart(req: ChartRequest) -> BuiltChart:
    """People waiting per month: actively or urgently, and for their preferred place."""
    got = Collected(req)
    months = req.values.periods("gz_wachtend", req.subject.area)
    series = [
        Series(label, tuple(got.value("gz_wachtend", req.subject.area, m, cat, "wachtenden") for m in months))
        for cat, label in WAIT_STATUSES
    ]
    image = charts.monthly_lines(months, series, width_pt=req.width, height_pt=req.height)
    return got.built(image)


def _percent(value: float | None) -> str:
    return SUPPRESSED if value is None else format_percent(value, 0)


def beyond_norm_chart(req: ChartRequest) -> BuiltChart:
    """Share of active and urgent waiters beyond the streefnorm, region against all regions."""
    got = Collected(req)
    period = str(req.edition)
    columns = pair(req.subject)
    values = [got.value("gz_buiten_streefnorm", area, period, "totaal", "aandeel") for _, area in columns]
    image = charts.ranked_hbars(
        [label for label, _ in columns], values, width_pt=req.width, height_pt=req.height, value_format=_percent
    )
    return got.built(image)


def _weeks(value: float | None) -> str:
    return SUPPRESSED if value is None else format_decimal(value, 0) + " wk"


def preference_weeks_chart(req: ChartRequest) -> BuiltChart:
    """Weeks until placement of those who waited for their preference, region against all regions."""
    got = Collected(req)
    period = str(req.edition - 1)
    groups = [
        Series(label, tuple(got.value("gz_wachttijd_voorkeur_weken", area, period, g, "weken") for g in ("totaal",)))
        for label, area in pair(req.subject)
    ]
    values = [s.values[0] for s in groups]
    image = charts.ranked_hbars(
        [s.name for s in groups], values, width_pt=req.width, height_pt=req.height, value_format=_weeks
    )
    return got.built(image)
