"""The KPI tiles of the Regioplan GGZ: which value each tile shows and its note."""

from __future__ import annotations

from reportgen.formatting import SUPPRESSED, format_decimal, format_int
from reportgen.indicators.tidy import CLIENTS, INHABITANTS, LOCATIONS, PER_10K, PER_1000
from reportgen.kinds.spec import KpiContent, KpiContext, KpiSpec
from reportgen.model import Ref
from reportgen.values import ALL_REGIONS


def _int_or_mark(value: float | None) -> str:
    return SUPPRESSED if value is None else format_int(round(value))


def _dec_or_mark(value: float | None, decimals: int = 1) -> str:
    return SUPPRESSED if value is None else format_decimal(value, decimals)


def inwoners_kpi(ctx: KpiContext) -> KpiContent:
    """Inhabitants on 1 January of the edition year."""
    v = ctx.values.shown("inwoners", ctx.subject.area, ctx.period, unit=INHABITANTS)
    return KpiContent(
        "Aantal inwoners",
        _int_or_mark(v),
        None,
        f"Op 1 januari {ctx.edition}",
        (Ref("inwoners", ctx.subject.area, ctx.period, unit=INHABITANTS),),
    )


def ggz_klanten_kpi(ctx: KpiContext) -> KpiContent:
    """GGZ clients in January, with the GGZ-W / GGZ-B split."""
    total = ctx.values.shown("ggz_klanten", ctx.subject.area, ctx.period, "", CLIENTS)
    w = ctx.values.shown("ggz_klanten", ctx.subject.area, ctx.period, "GGZ-W", CLIENTS)
    b = ctx.values.shown("ggz_klanten", ctx.subject.area, ctx.period, "GGZ-B", CLIENTS)
    return KpiContent(
        "Aantal GGZ-klanten",
        _int_or_mark(total),
        None,
        f"Waarvan GGZ-W: {_int_or_mark(w)}  ·  waarvan GGZ-B: {_int_or_mark(b)}",
        tuple(Ref("ggz_klanten", ctx.subject.area, ctx.period, c, CLIENTS) for c in ("", "GGZ-W", "GGZ-B")),
    )


def per_10k_kpi(ctx: KpiContext) -> KpiContent:
    """GGZ clients per 10.000 inhabitants, judged against all regions."""
    unit = PER_10K
    region = ctx.values.shown("ggz_klanten_per_10k", ctx.subject.area, ctx.period, unit=unit)
    average = ctx.values.shown("ggz_klanten_per_10k", ALL_REGIONS, ctx.period, unit=unit)
    return KpiContent(
        "GGZ-klanten per 10.000 inwoners",
        _dec_or_mark(region),
        None,
        f"Gemiddeld voor alle regio's: {_dec_or_mark(average)}",
        (
            Ref("ggz_klanten_per_10k", ctx.subject.area, ctx.period, unit=unit),
            Ref("ggz_klanten_per_10k", ALL_REGIONS, ctx.period, unit=unit),
        ),
    )


def locaties_kpi(ctx: KpiContext) -> KpiContent:
    """Intramural locations per 1.000 GGZ clients, judged against all regions."""
    unit = PER_1000
    region = ctx.values.shown("locaties_per_1000", ctx.subject.area, ctx.period, unit=unit)
    average = ctx.values.shown("locaties_per_1000", ALL_REGIONS, ctx.period, unit=unit)
    count = ctx.values.shown("ggz_locaties", ctx.subject.area, ctx.period, unit=LOCATIONS)
    return KpiContent(
        "Intramurale locaties per 1.000 GGZ-klanten",
        _dec_or_mark(region, 0),
        None,
        f"{_int_or_mark(count)} locaties in de regio; alle regio's: {_dec_or_mark(average, 0)} per 1.000",
        (
            Ref("locaties_per_1000", ctx.subject.area, ctx.period, unit=unit),
            Ref("ggz_locaties", ctx.subject.area, ctx.period, unit=LOCATIONS),
            Ref("locaties_per_1000", ALL_REGIONS, ctx.period, unit=unit),
        ),
    )


KPIS: dict[str, KpiSpec] = {
    "inwoners": KpiSpec(inwoners_kpi, ("inwoners",)),
    "ggz_klanten": KpiSpec(ggz_klanten_kpi, ("ggz_klanten",)),
    "ggz_klanten_per_10k": KpiSpec(per_10k_kpi, ("ggz_klanten_per_10k",), "kpi_per_10k", ("klanten_gelijk_marge",)),
    "locaties_per_1000": KpiSpec(
        locaties_kpi, ("locaties_per_1000", "ggz_locaties"), "kpi_locaties", ("locaties_marge",)
    ),
}
"""The KPI tiles a Regioplan layout may place, by id."""
