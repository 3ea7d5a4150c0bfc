"""The charts of the Regioplan GGZ: values -> chart data -> a drawn ChartImage.

Each chart id knows which indicators it shows (for the leeswijzer and the change
pages), how to turn the computed values into plain series, and whether anything in it
was suppressed (then the 'Bron' line carries the note).
"""

from __future__ import annotations

from dataclasses import replace

from reportgen import charts
from reportgen.charts import Series
from reportgen.formatting import format_n, format_percent, month_label, month_name_nl
from reportgen.indicators.tidy import CLIENTS, SHARE
from reportgen.indicators.waiting import TOTAL
from reportgen.kinds.regioplan_ggz.headlines import (
    CARE_FORMS,
    OTHER_SECTORS,
    W_PROFILES,
    sectorvreemd_profile_counts,
)
from reportgen.kinds.regioplan_ggz.waiting_chart import wachtlijst_chart
from reportgen.kinds.spec import BuiltChart, ChartRequest, ChartSpec
from reportgen.model import Ref
from reportgen.values import ALL_REGIONS, Values

ALL_REGIONS_LABEL = "Alle regio's"


def _total_text(req: ChartRequest, indicator: str, region: str, period: str, categories: tuple[str, ...]) -> str:
    """'n = 1.234': the number of counted clients the distribution covers.

    Hidden ("n = *") when it is itself below the small-count threshold.
    """
    total = sum(req.values.get(indicator, region, period, c, CLIENTS).value or 0 for c in categories)
    return format_n(None if 0 < total < req.min_count else round(total))


def _shares(
    values: Values, indicator: str, region: str, period: str, categories: tuple[str, ...]
) -> list[float | None]:
    return [values.shown(indicator, region, period, c, SHARE) for c in categories]


def _stacked(
    req: ChartRequest, indicator: str, columns: list[tuple[str, str, str]], categories: tuple[str, ...], title: str
) -> BuiltChart:
    """100%-stacked columns; `columns` are (label, region, period), series are categories."""
    per_column = [_shares(req.values, indicator, reg, per, categories) for _, reg, per in columns]
    series = [Series(cat, tuple(col[i] for col in per_column)) for i, cat in enumerate(categories)]
    totals = [_total_text(req, indicator, reg, per, categories) for _, reg, per in columns]
    image = charts.stacked_percent_bars(
        [label for label, _, _ in columns], series, totals, width_pt=req.width, height_pt=req.height, title=title
    )
    refs = tuple(Ref(indicator, reg, per, c, SHARE) for _, reg, per in columns for c in categories)
    mark_refs = tuple(Ref(indicator, reg, per, TOTAL, CLIENTS) for _, reg, per in columns)
    suppressed = any(v is None for col in per_column for v in col) or any("*" in t for t in totals)
    return BuiltChart(image, refs, suppressed, mark_refs=mark_refs)


def leveringsvorm_chart(req: ChartRequest) -> BuiltChart:
    """Intramuraal, VPT, MPT and PGB in January of the last three years."""
    years = [req.edition - 2, req.edition - 1, req.edition]
    columns = [(month_label(f"{y}-01"), req.subject.area, f"{y}-01") for y in years]
    return _stacked(req, "leveringsvorm", columns, CARE_FORMS, "Verdeling leveringsvorm")


def ggz_w_chart(req: ChartRequest) -> BuiltChart:
    """GGZ-W profile mix, region against all regions."""
    period = str(req.edition)
    columns = [(req.subject.name, req.subject.area, period), (ALL_REGIONS_LABEL, ALL_REGIONS, period)]
    return _stacked(req, "ggz_w_verdeling", columns, W_PROFILES, "Verdeling GGZ-W-profielen")


def sectorvreemd_chart(req: ChartRequest) -> BuiltChart:
    """GGZ clients by the contract segment of their main provider, region against all regions."""
    period = str(req.edition)
    columns = [(req.subject.name, req.subject.area, period), (ALL_REGIONS_LABEL, ALL_REGIONS, period)]
    built = _stacked(req, "sectorvreemd", columns, ("GGZ",) + OTHER_SECTORS, "GGZ-klanten naar sector van de aanbieder")
    return replace(built, peildatum=january_text(req.edition))


def january_text(edition: int) -> str:
    """The reference date of a chart that shows only January of the edition."""
    return f"{month_name_nl(1)} {edition}"


OTHER_PROFILES = "Overige profielen"
NO_CLIENTS = "Geen klanten"


def ranked_profile_shares(
    counts: dict[str, float | None], total: float, min_count: int
) -> tuple[list[str], list[float | None]]:
    """Profiles with a shown count as shares of `total`, ranked by the chart; hidden and
    absent profiles merged into one 'Overige profielen' bar.

    The merged bar is the remainder of the total, so it reveals nothing the shown bars
    do not: it is itself hidden when it counts fewer than `min_count` clients.
    """
    shown = {p: c for p, c in counts.items() if c}
    labels = list(shown)
    shares: list[float | None] = [c / total for c in shown.values()] if total else [None] * len(labels)
    rest = total - sum(shown.values())
    if rest > 0:
        labels.append(OTHER_PROFILES)
        shares.append(None if rest < min_count else rest / total)
    if not labels:  # no GGZ client at a provider of another sector
        return [NO_CLIENTS], [0.0]
    return labels, shares


def sectorvreemd_profielen_chart(req: ChartRequest) -> BuiltChart:
    """Profiles of GGZ clients at GZ and VV providers, ranked, as shares of those clients."""
    counts = sectorvreemd_profile_counts(req.values, req.subject.area, req.edition)
    period = str(req.edition)
    total = sum(req.values.get("sectorvreemd", req.subject.area, period, s, CLIENTS).value or 0 for s in OTHER_SECTORS)
    labels, shares = ranked_profile_shares(counts, total, req.min_count)
    image = charts.ranked_hbars(
        labels,
        shares,
        width_pt=req.width,
        height_pt=req.height,
        title="Profielen bij sectorvreemde aanbieders",
        value_format=format_percent,
        last=OTHER_PROFILES,
    )
    refs = tuple(
        Ref("sectorvreemd_profielen", req.subject.area, period, f"{s}|{p}", CLIENTS)
        for s in OTHER_SECTORS
        for p in counts
    ) + tuple(Ref("sectorvreemd", req.subject.area, period, s, CLIENTS) for s in OTHER_SECTORS)
    # the note explains a "*" only where the chart shows one: hidden profiles sit in 'Overige'
    return BuiltChart(image, refs, any(v is None for v in shares), peildatum=january_text(req.edition))


CHARTS: dict[str, ChartSpec] = {
    "leveringsvorm": ChartSpec(
        leveringsvorm_chart, "leveringsvorm", ("leveringsvorm",), ("leveringsvorm_punten", "toets_z")
    ),
    "ggz_w_verdeling": ChartSpec(ggz_w_chart, "ggz_w_verdeling", ("ggz_w_verdeling",), ("profiel_punten", "toets_z")),
    "wachtlijst": ChartSpec(
        wachtlijst_chart,
        "wachtlijst",
        ("wachtlijst",),
        ("wachtlijst_iets", "wachtlijst_flink", "wachtlijst_min_verschil", "toets_z"),
    ),
    "sectorvreemd": ChartSpec(
        sectorvreemd_chart, "sectorvreemd", ("sectorvreemd",), ("sectorvreemd_punten", "toets_z")
    ),
    "sectorvreemd_profielen": ChartSpec(
        sectorvreemd_profielen_chart, "sectorvreemd_profielen", ("sectorvreemd_profielen",)
    ),
}
"""The charts a Regioplan layout may place, by id."""
