"""Small-count suppression of the Regioanalyse figures: the project's rules plus two of its own.

`apply_suppression` (reportgen/indicators/suppress.py) handles counts, distributions, shares
and rates. On top of that, a change between two years is hidden when the count of either year
is hidden or small, a value derived from a count (cost per client, mean weeks) follows that
count, and a location point is hidden where its municipality's count of the sector is hidden
or small: a dot there would say that a hidden number of clients is at least the few a
location needs to count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.indicators.suppress import COUNT_UNITS, RATE_BASES, Hierarchy, apply_suppression

DERIVED_BASES: dict[str, str] = {
    **RATE_BASES,
    "gz_kosten_per_klant": "gz_klanten",
    "gz_wachttijd_voorkeur_weken": "gz_wachttijd_voorkeur",
}
"""Value indicator -> the count indicator of the same area, period and category it rests on."""


def _weak_counts(counts: pd.DataFrame, min_count: int) -> dict[tuple, bool]:
    """(indicator, region, period, category) of each count -> whether it is hidden or below
    min_count: what a figure derived from that count must not give away."""
    weak = counts["suppressed"].to_numpy() | (counts["value"].to_numpy() < min_count)
    keys = zip(counts["indicator"], counts["region"], counts["period"], counts["category"], strict=True)
    return dict(zip(keys, weak, strict=True))


CHANGE_BASES: dict[str, str] = {
    "gz_klanten_per_1000_groei": "gz_klanten",
    "gz_kosten_per_klant_groei": "gz_klanten",
    "gz_zelfstandig_verandering": "gz_klanten",
    "gz_toewijzingen_groei": "gz_toewijzingen",
}
"""Change indicator (period "first-last") -> the count indicator of both years."""


def change_suppression(frame: pd.DataFrame, min_count: int) -> np.ndarray:
    """Flags of `frame` with changes hidden where a count of either year is hidden or below min_count."""
    weak_of = _weak_counts(frame[frame["unit"].isin(COUNT_UNITS).to_numpy()], min_count)
    flags = frame["suppressed"].to_numpy(dtype=bool).copy()
    is_change = frame["indicator"].isin(list(CHANGE_BASES)).to_numpy()
    changes = frame.loc[is_change, ["indicator", "region", "period", "category"]].itertuples(index=False, name=None)
    for pos, (indicator, region, period, category) in zip(np.flatnonzero(is_change), changes, strict=True):
        first, last = str(period).split("-")
        base = CHANGE_BASES[indicator]
        flags[pos] |= any(weak_of.get((base, region, year, category), True) for year in (first, last))
    return flags


POINT_BASES: dict[str, str] = {"gz_locatiepunten": "gz_toewijzingen"}
"""Point indicator (category "<sector>|<id>") -> the count per municipality and sector it would tell about."""


def point_suppression(frame: pd.DataFrame, min_count: int) -> np.ndarray:
    """Flags of `frame` with points hidden where their municipality's sector count is hidden or below min_count."""
    weak_of = _weak_counts(frame[frame["indicator"].isin(list(POINT_BASES.values())).to_numpy()], min_count)
    flags = frame["suppressed"].to_numpy(dtype=bool).copy()
    is_point = frame["indicator"].isin(list(POINT_BASES)).to_numpy()
    points = frame.loc[is_point, ["indicator", "region", "period", "category"]].itertuples(index=False, name=None)
    for pos, (indicator, region, period, category) in zip(np.flatnonzero(is_point), points, strict=True):
        sector = str(category).split("|")[0]
        flags[pos] |= weak_of.get((POINT_BASES[indicator], region, period, sector), True)
    return flags


def suppressed(
    frame: pd.DataFrame, min_count: int, hierarchy: Hierarchy | None = None, complementary: bool = True
) -> pd.DataFrame:
    """The frame with every suppression rule applied; `hierarchy` says which municipalities make
    up which region (default: regions add up to all regions only). `complementary=False` gives
    the weaker set without protection across areas (see `apply_suppression`)."""
    flagged = apply_suppression(frame, min_count, DERIVED_BASES, hierarchy, complementary)
    flagged = flagged.assign(suppressed=change_suppression(flagged, min_count))
    return flagged.assign(suppressed=point_suppression(flagged, min_count))
