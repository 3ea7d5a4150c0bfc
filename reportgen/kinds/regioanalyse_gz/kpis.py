"""The summary tiles of the Regioanalyse GZ: one figure each, with its verdict from the headlines."""

from __future__ import annotations

from reportgen.formatting import SUPPRESSED, format_int, format_percent
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
        "Inwoners met een migratieachtergrond",
        format_percent(None if own is None else (100 - own) / 100, 0),
        None,
        f"Alle regio's: {format_percent(None if avg is None else (100 - avg) / 100, 0)}",
        (
            Ref("gz_herkomst", ctx.subject.area, ctx.period, "nederlands", "procent"),
            Ref("gz_herkomst", ALL_REGIONS, ctx.period, "nederlands", "procent"),
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
    "klanten": KpiSpec(clients_kpi, ("gz_klanten",)),
    "groei": KpiSpec(growth_kpi, ("gz_klanten_per_1000_groei",), "tegel_groei"),
    "migratie": KpiSpec(migration_kpi, ("gz_herkomst",), "tegel_herkomst"),
    "locaties": KpiSpec(locations_kpi, ("gz_locaties",)),
    "aanbieders": KpiSpec(providers_kpi, ("gz_aanbieders",)),
    "licht": KpiSpec(light_kpi, ("gz_lichte_profielen",), "tegel_licht"),
    "leeftijd": KpiSpec(working_age_kpi, ("gz_leeftijd_23_65",), "tegel_leeftijd"),
    "zelfstandig": KpiSpec(independent_kpi, ("gz_zelfstandig",), "tegel_zelfstandig"),
}
"""The tiles a Regioanalyse layout may place, by id."""
