"""The summary tiles of the Regioanalyse GZ: one figure each, with its verdict from the headlines."""

from __future__ import annotations

from reportgen.formatting import SUPPRESSED, format_decimal, format_euro_millions, format_int, format_percent
from reportgen.kinds.spec import KpiContent, KpiContext, KpiSpec
from reportgen.model import Ref
from reportgen.values import ALL_REGIONS


def _count(ctx: KpiContext, indicator: str, unit: str, label: str, note: str) -> KpiContent:
    value = ctx.values.shown(indicator, ctx.subject.area, ctx.period, "", unit)
    average = ctx.values.shown(indicator, ALL_REGIONS, ctx.period, "", unit)
    text = SUPPRESSED if value is None else format_int(round(value))
    total = SUPPRESSED if average is None else format_int(round(average))
    return KpiContent(
        label,
        text,
        None,
        note.format(total=total),
        (Ref(indicator, ctx.subject.area, ctx.period, "", unit), Ref(indicator, ALL_REGIONS, ctx.period, "", unit)),
    )


def _share(ctx: KpiContext, indicator: str, label: str) -> KpiContent:
    value = ctx.values.shown(indicator, ctx.subject.area, ctx.period, "", "aandeel")
    average = ctx.values.shown(indicator, ALL_REGIONS, ctx.period, "", "aandeel")
    return KpiContent(
        label,
        format_percent(value, 0),
        None,
        f"Alle regio's: {format_percent(average, 0)}",
        (
            Ref(indicator, ctx.subject.area, ctx.period, "", "aandeel"),
            Ref(indicator, ALL_REGIONS, ctx.period, "", "aandeel"),
        ),
    )


def inhabitants_kpi(ctx: KpiContext) -> KpiContent:
    """Inhabitants on 1 January, with the region's share of the inhabitants of the Netherlands."""
    count = ctx.values.shown("gz_inwoners", ctx.subject.area, ctx.period, "", "inwoners")
    share = ctx.values.shown("gz_inwoners_aandeel", ctx.subject.area, ctx.period, "", "procent")
    return KpiContent(
        "Inwoners",
        SUPPRESSED if count is None else format_int(round(count)),
        None,
        f"{format_percent(None if share is None else share / 100, 1)} van Nederland",
        (
            Ref("gz_inwoners", ctx.subject.area, ctx.period, "", "inwoners"),
            Ref("gz_inwoners_aandeel", ctx.subject.area, ctx.period, "", "procent"),
        ),
    )


def _group(ctx: KpiContext, indicator: str, label: str) -> KpiContent:
    """The region's mean group (1 to 5) against all regions'."""
    own, avg = (ctx.values.shown(indicator, a, ctx.period, "", "groep") for a in (ctx.subject.area, ALL_REGIONS))
    return KpiContent(
        label,
        SUPPRESSED if own is None else format_decimal(own, 1),
        None,
        f"Alle regio's: {SUPPRESSED if avg is None else format_decimal(avg, 1)}",
        (
            Ref(indicator, ctx.subject.area, ctx.period, "", "groep"),
            Ref(indicator, ALL_REGIONS, ctx.period, "", "groep"),
        ),
    )


def ses_kpi(ctx: KpiContext) -> KpiContent:
    """Mean socio-economic status group of the region's municipalities, weighted by inhabitants."""
    return _group(ctx, "gz_ses_groep", "SES-groep (1 laag, 5 hoog)")


def urbanity_kpi(ctx: KpiContext) -> KpiContent:
    """Mean urbanity group of the region's municipalities, weighted by inhabitants."""
    return _group(ctx, "gz_stedelijkheid", "Stedelijkheid (1 laag, 5 hoog)")


def clients_kpi(ctx: KpiContext) -> KpiContent:
    """GZ clients in January."""
    return _count(ctx, "gz_klanten", "klanten", "GZ-klanten", "Alle regio's: {total}")


def growth_kpi(ctx: KpiContext) -> KpiContent:
    """Growth of clients per 1.000 inhabitants since three years before the edition."""
    period = f"{ctx.edition - 3}-{ctx.edition}"
    own, avg = (
        ctx.values.shown("gz_klanten_per_1000_groei", a, period, "", "procent") for a in (ctx.subject.area, ALL_REGIONS)
    )
    return KpiContent(
        f"Groei zorggebruik sinds {ctx.edition - 3}",
        format_percent(None if own is None else own / 100, 1, signed=True),
        None,
        f"Alle regio's: {format_percent(None if avg is None else avg / 100, 1, signed=True)}",
        (
            Ref("gz_klanten_per_1000_groei", ctx.subject.area, period, "", "procent"),
            Ref("gz_klanten_per_1000_groei", ALL_REGIONS, period, "", "procent"),
        ),
    )


def migration_kpi(ctx: KpiContext) -> KpiContent:
    """Share of inhabitants with a migration background."""
    own, avg = (
        ctx.values.shown("gz_herkomst", a, ctx.period, "nederlands", "procent") for a in (ctx.subject.area, ALL_REGIONS)
    )
    return KpiContent(
        "Inwoners met migratieachtergrond",
        format_percent(None if own is None else (100 - own) / 100, 0),
        None,
        f"Alle regio's: {format_percent(None if avg is None else (100 - avg) / 100, 0)}",
        (
            Ref("gz_herkomst", ctx.subject.area, ctx.period, "nederlands", "procent"),
            Ref("gz_herkomst", ALL_REGIONS, ctx.period, "nederlands", "procent"),
        ),
    )


def clients_2040_kpi(ctx: KpiContext) -> KpiContent:
    """GZ clients expected in 2040 (the max forecast the spending rests on), against now."""
    area = ctx.subject.area
    later = ctx.values.shown("gz_prognose", area, "2040", "max", "klanten (prognose)")
    now = ctx.values.shown("gz_klanten", area, ctx.period, "", "klanten")
    return KpiContent(
        "GZ-klanten in 2040 (max)",
        format_int(None if later is None else round(later)),
        None,
        f"{ctx.edition}: {format_int(None if now is None else round(now))}",
        (
            Ref("gz_prognose", area, "2040", "max", "klanten (prognose)"),
            Ref("gz_klanten", area, ctx.period, "", "klanten"),
        ),
    )


def spending_kpi(ctx: KpiContext) -> KpiContent:
    """Yearly GZ spending in 2040 at the edition's cost per client, against now."""
    area = ctx.subject.area
    later, now = (ctx.values.shown("gz_uitgaven", area, p, "", "euro per jaar") for p in ("2040", ctx.period))
    return KpiContent(
        "Uitgaven aan GZ-zorg per jaar in 2040",
        format_euro_millions(later),
        None,
        f"{ctx.edition}: {format_euro_millions(now)}, bij gelijke kosten per klant",
        (
            Ref("gz_uitgaven", area, "2040", "", "euro per jaar"),
            Ref("gz_uitgaven", area, ctx.period, "", "euro per jaar"),
        ),
    )


def locations_kpi(ctx: KpiContext) -> KpiContent:
    """Care locations with GZ clients."""
    return _count(ctx, "gz_locaties", "locaties", "Zorglocaties", "Alle regio's: {total}")


def providers_kpi(ctx: KpiContext) -> KpiContent:
    """Providers with GZ clients in the region."""
    return _count(ctx, "gz_aanbieders", "aanbieders", "Aanbieders", "Alle regio's: {total}")


def light_kpi(ctx: KpiContext) -> KpiContent:
    """Share of clients with a light profile."""
    return _share(ctx, "gz_lichte_profielen", "Klanten met een licht profiel")


def working_age_kpi(ctx: KpiContext) -> KpiContent:
    """Share of clients aged 23 to 65."""
    return _share(ctx, "gz_leeftijd_23_65", "Klanten van 23 tot 65 jaar")


def independent_kpi(ctx: KpiContext) -> KpiContent:
    """Share of clients living independently (VPT, MPT or PGB)."""
    return _share(ctx, "gz_zelfstandig", "Klanten die zelfstandig wonen")


KPIS: dict[str, KpiSpec] = {
    "inwoners": KpiSpec(inhabitants_kpi, ("gz_inwoners", "gz_inwoners_aandeel")),
    "ses": KpiSpec(ses_kpi, ("gz_ses_groep",), "tegel_ses", ("gz_gelijk_marge",)),
    "stedelijkheid": KpiSpec(urbanity_kpi, ("gz_stedelijkheid",), "tegel_stedelijkheid", ("gz_gelijk_marge",)),
    "klanten": KpiSpec(clients_kpi, ("gz_klanten",)),
    "groei": KpiSpec(growth_kpi, ("gz_klanten_per_1000_groei",), "tegel_groei"),
    "migratie": KpiSpec(migration_kpi, ("gz_herkomst",), "tegel_herkomst"),
    "locaties": KpiSpec(locations_kpi, ("gz_locaties",)),
    "klanten_2040": KpiSpec(clients_2040_kpi, ("gz_prognose", "gz_klanten")),
    "uitgaven_2040": KpiSpec(spending_kpi, ("gz_uitgaven",)),
    "aanbieders": KpiSpec(providers_kpi, ("gz_aanbieders",)),
    "licht": KpiSpec(light_kpi, ("gz_lichte_profielen",), "tegel_licht"),
    "leeftijd": KpiSpec(working_age_kpi, ("gz_leeftijd_23_65",), "tegel_leeftijd"),
    "zelfstandig": KpiSpec(independent_kpi, ("gz_zelfstandig",), "tegel_zelfstandig"),
}
"""The tiles a Regioanalyse layout may place, by id."""
