"""Every headline and verdict of the Regioplan GGZ for one region, from the computed values."""

from __future__ import annotations

from reportgen.data.schema import LEVERINGSVORMEN as CARE_FORMS
from reportgen.headlines.rules import (
    Verdict,
    care_at_home_headline,
    clients_verdict,
    locations_verdict,
    profile_mix_headline,
    sectorvreemd_headline,
    sectorvreemd_profiles_headline,
    waiting_list_headline,
)
from reportgen.indicators.care_mix import W_PROFILES
from reportgen.indicators.sectorvreemd import OTHER_SEGMENTS as OTHER_SECTORS
from reportgen.indicators.tidy import CLIENTS, PER_10K, PER_1000, SHARE, WAITING
from reportgen.indicators.waiting import TOTAL, waiting_months
from reportgen.kinds.spec import HeadlineRequest
from reportgen.values import ALL_REGIONS, Values

HEADLINE_IDS: tuple[str, ...] = (
    "kpi_per_10k",
    "kpi_locaties",
    "leveringsvorm",
    "ggz_w_verdeling",
    "wachtlijst",
    "sectorvreemd",
    "sectorvreemd_profielen",
)
"""Headline ids an editor may override in regio.yaml under `koppen:`."""

SUMMARY_ORDER: tuple[str, ...] = HEADLINE_IDS[:-1]
"""The headlines the 'In het kort' panel lists, in this order."""

THRESHOLDS: tuple[str, ...] = (
    "klanten_gelijk_marge",
    "locaties_marge",
    "leveringsvorm_punten",
    "profiel_punten",
    "wachtlijst_iets",
    "wachtlijst_flink",
    "sectorvreemd_punten",
    "wachtlijst_min_verschil",
    "toets_z",
)
"""The settings.yaml `koppen` the rules below use."""


def care_mix_shares(values: Values, region: str, period: str) -> dict[str, float | None]:
    """Share per leveringsvorm in one January (None when suppressed)."""
    return {f: values.shown("leveringsvorm", region, period, f, SHARE) for f in CARE_FORMS}


def profile_shares(values: Values, region: str, edition: int) -> dict[str, float | None]:
    """Share per GGZ-W profile of all GGZ-W clients (None when suppressed)."""
    return {p: values.shown("ggz_w_verdeling", region, str(edition), p, SHARE) for p in W_PROFILES}


def other_sector_share(values: Values, region: str, period: str) -> float | None:
    """Share of GGZ clients whose main provider is of another sector (GZ or VV).

    None unless the region's whole split (GGZ, GZ, VV) is shown and covers some clients:
    a sum is never printed from hidden parts, and an empty region has no share.
    """
    parts = [values.shown("sectorvreemd", region, period, s, SHARE) for s in ("GGZ", *OTHER_SECTORS)]
    if any(p is None for p in parts) or not sum(parts):  # type: ignore[arg-type]
        return None
    return float(sum(parts[1:]))  # type: ignore[arg-type]


def sectorvreemd_profile_counts(values: Values, region: str, edition: int) -> dict[str, float | None]:
    """Clients per profile at GZ and VV providers together, ranked later.

    A profile's combined count is shown only when every part of it is shown, so a
    suppressed part can never be recovered from the sum.
    """
    period = str(edition)
    counts: dict[str, float | None] = {}
    for category in values.categories("sectorvreemd_profielen", region, period, CLIENTS):
        segment, _, profile = category.partition("|")
        if segment not in OTHER_SECTORS:
            continue
        shown = values.shown("sectorvreemd_profielen", region, period, category, CLIENTS)
        if profile not in counts:
            counts[profile] = shown
        elif counts[profile] is not None:
            counts[profile] = None if shown is None else counts[profile] + shown  # type: ignore[operator]
    return counts


def client_total(values: Values, indicator: str, region: str, period: str, categories: tuple[str, ...]) -> float:
    """The number of clients a distribution covers (its categories together), for the
    significance tests; never printed from hidden parts."""
    return float(sum(values.get(indicator, region, period, c, CLIENTS).value or 0 for c in categories))


def main_profile_share(values: Values, region: str, edition: int, counts: dict[str, float | None]) -> float | None:
    """The main profile's share of all GGZ clients at GZ and VV providers (None when not shown)."""
    profile = main_profile(counts)
    total = client_total(values, "sectorvreemd", region, str(edition), OTHER_SECTORS)
    if profile is None or not total:
        return None
    return counts[profile] / total  # type: ignore[operator]


def main_profile(counts: dict[str, float | None]) -> str | None:
    """The profile with the most clients among those shown; None when nothing is shown."""
    shown = {p: c for p, c in counts.items() if c is not None and c > 0}
    if not shown:
        return None
    return max(shown, key=lambda p: (shown[p], p))


def waiting_totals(values: Values, region: str, edition: int) -> tuple[float | None, float | None]:
    """Total waiting in the last month of the series and in the same month a year earlier."""
    latest = waiting_months(edition)[-1]
    year_ago = f"{int(latest[:4]) - 1}{latest[4:]}"
    return (
        values.shown("wachtlijst", region, year_ago, TOTAL, WAITING),
        values.shown("wachtlijst", region, latest, TOTAL, WAITING),
    )


def compute_headlines(
    values: Values, region: str, region_name: str, edition: int, thresholds: dict[str, float]
) -> dict[str, Verdict]:
    """Headline id -> verdict, each by its rule in `reportgen.headlines.rules`."""
    period = str(edition)
    t = thresholds
    counts = sectorvreemd_profile_counts(values, region, edition)
    year_ago, latest = waiting_totals(values, region, edition)
    main_share = main_profile_share(values, region, edition, counts)
    z = t["toets_z"]
    care_counts = tuple(
        client_total(values, "leveringsvorm", region, f"{y}-01", CARE_FORMS) for y in (edition - 2, edition)
    )
    return {
        "kpi_per_10k": clients_verdict(
            values.shown("ggz_klanten_per_10k", region, period, unit=PER_10K),
            values.shown("ggz_klanten_per_10k", ALL_REGIONS, period, unit=PER_10K),
            t["klanten_gelijk_marge"],
        ),
        "kpi_locaties": locations_verdict(
            values.shown("locaties_per_1000", region, period, unit=PER_1000),
            values.shown("locaties_per_1000", ALL_REGIONS, period, unit=PER_1000),
            t["locaties_marge"],
        ),
        "leveringsvorm": care_at_home_headline(
            region_name,
            care_mix_shares(values, region, f"{edition - 2}-01"),
            care_mix_shares(values, region, f"{edition}-01"),
            t["leveringsvorm_punten"],
            care_counts,  # type: ignore[arg-type]
            z,
        ),
        "ggz_w_verdeling": profile_mix_headline(
            region_name,
            profile_shares(values, region, edition),
            profile_shares(values, ALL_REGIONS, edition),
            t["profiel_punten"],
            client_total(values, "ggz_w_verdeling", region, period, W_PROFILES),
            z,
        ),
        "wachtlijst": waiting_list_headline(
            region_name,
            year_ago,
            latest,
            t["wachtlijst_iets"],
            t["wachtlijst_flink"],
            t["wachtlijst_min_verschil"],
            z,
        ),
        "sectorvreemd": sectorvreemd_headline(
            region_name,
            other_sector_share(values, region, period),
            other_sector_share(values, ALL_REGIONS, period),
            main_profile(counts),
            t["sectorvreemd_punten"],
            main_share,
            client_total(values, "sectorvreemd", region, period, ("GGZ", *OTHER_SECTORS)),
            z,
        ),
        "sectorvreemd_profielen": sectorvreemd_profiles_headline(region_name, main_profile(counts), main_share),
    }


def region_headlines(request: HeadlineRequest) -> dict[str, Verdict]:
    """The kind's headline rules applied to one region."""
    subject = request.subject
    return compute_headlines(request.values, subject.area, subject.name, request.edition, dict(request.thresholds))
