"""Small-count suppression: mark every value that could point to a handful of people.

Values stay in the frame (the audit and the tests need them); `suppressed` tells every consumer
not to print them. Small counts are hidden first; then complementary cells, until no hidden
count can be worked out from the rest of the frame (see `complement`). The rules are
described in docs/indicators.md.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from reportgen.disclosure.relations import COUNT_UNITS, RATES, SHARE_UNIT, Hierarchy, default_hierarchy
from reportgen.indicators.complement import complementary_suppression

__all__ = ["COUNT_UNITS", "SHARE_UNIT", "Hierarchy", "apply_suppression"]

NOT_IN_DISTRIBUTION = ("", "totaal")
"""Categories that are totals, not parts of a distribution."""

RATE_BASES: dict[str, str] = {
    "ggz_klanten_per_10k": "ggz_klanten",
    "locaties_per_1000": "ggz_klanten",
    "gz_klanten_per_1000": "gz_klanten",
}
"""Rate indicator -> the client count it is based on (same region, period and category)."""

_KEY = ["indicator", "region", "period", "category"]


def _count_flags(frame: pd.DataFrame, flags: np.ndarray) -> dict[tuple[str, str, str, str], bool]:
    """(indicator, region, period, category) of each count row -> its flag."""
    is_count = frame["unit"].isin(COUNT_UNITS).to_numpy()
    keys = frame.loc[is_count, _KEY].itertuples(index=False, name=None)
    return dict(zip(keys, flags[is_count], strict=True))


def primary_suppression(frame: pd.DataFrame, min_count: int) -> np.ndarray:
    """Counts from 1 up to min_count - 1, and values that are not a number."""
    value = frame["value"].to_numpy(dtype=np.float64)
    is_count = frame["unit"].isin(COUNT_UNITS).to_numpy()
    return (is_count & (value > 0) & (value < min_count)) | np.isnan(value)


def secondary_suppression(frame: pd.DataFrame, suppressed: np.ndarray) -> np.ndarray:
    """Also suppress the smallest other non-zero count where a distribution has exactly one suppressed.

    A distribution is the count rows of one indicator, region, period and unit, without total
    categories; categories written "segment|profile" form one distribution per segment. Ties
    go to the category listed first.
    """
    result = suppressed.copy()
    category = frame["category"].astype(object)
    part = frame["unit"].isin(COUNT_UNITS).to_numpy() & ~category.isin(NOT_IN_DISTRIBUTION).to_numpy()
    segment = category.str.split("|").str[0].where(category.str.contains("|", regex=False), "")
    rows = pd.DataFrame(
        {
            "group": (frame["indicator"].astype(object) + "\x00" + frame["region"].astype(object))
            + ("\x00" + frame["period"].astype(object) + "\x00" + frame["unit"].astype(object))
            + ("\x00" + segment),
            "value": frame["value"].to_numpy(dtype=np.float64),
            "suppressed": suppressed,
            "position": np.arange(len(frame)),
        }
    )[part]
    n_suppressed = rows.groupby("group", sort=False)["suppressed"].transform("sum")
    candidates = rows[(n_suppressed.to_numpy() == 1) & ~rows["suppressed"].to_numpy() & (rows["value"] > 0)]
    smallest = candidates.sort_values(["group", "value", "position"], kind="stable").drop_duplicates("group")
    result[smallest["position"].to_numpy()] = True
    return result


def share_suppression(frame: pd.DataFrame, suppressed: np.ndarray) -> np.ndarray:
    """Shares are suppressed together with the count of the same category."""
    counts = _count_flags(frame, suppressed)
    result = suppressed.copy()
    is_share = (frame["unit"] == SHARE_UNIT).to_numpy()
    for pos, key in zip(
        np.flatnonzero(is_share), frame.loc[is_share, _KEY].itertuples(index=False, name=None), strict=True
    ):
        result[pos] = result[pos] or counts.get(key, False)
    return result


def rate_suppression(
    frame: pd.DataFrame, suppressed: np.ndarray, min_count: int, rate_bases: Mapping[str, str]
) -> np.ndarray:
    """Rates are suppressed when the client count they rest on is below min_count (or missing), or
    when a count in their numerator or denominator is hidden (the rate would give it back)."""
    value = frame["value"].to_numpy(dtype=np.float64)
    small = frame["unit"].isin(COUNT_UNITS).to_numpy() & ((value < min_count) | suppressed)
    base_small = _count_flags(frame, small)
    hidden = _count_flags(frame, suppressed)
    result = suppressed.copy()
    is_rate = frame["indicator"].isin(list(rate_bases)).to_numpy()
    for pos, (indicator, region, period, category) in zip(
        np.flatnonzero(is_rate), frame.loc[is_rate, _KEY].itertuples(index=False, name=None), strict=True
    ):
        base_key = (rate_bases[indicator], region, period, category)
        result[pos] = result[pos] or base_small.get(base_key, True)
        rate = RATES.get(indicator)
        if rate is not None:
            for ind, cat, _ in (rate.numerator, rate.denominator):
                result[pos] = result[pos] or hidden.get((ind, region, period, cat), False)
    return result


def apply_suppression(
    frame: pd.DataFrame,
    min_count: int = 10,
    rate_bases: Mapping[str, str] = RATE_BASES,
    hierarchy: Hierarchy | None = None,
    complementary: bool = True,
) -> pd.DataFrame:
    """The frame with `suppressed` set by all rules; values are kept, flags already set stay set.

    `hierarchy` says which areas add up to which (default: every region in the frame adds up to
    "alle-regios"; pass `Hierarchy.from_gemeenten(ds.gemeenten)` when the frame has municipality
    rows). `complementary=False` leaves out the protection across tables and keeps only the
    rule within one distribution: a weaker set, for tests of the disclosure audit.
    """
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    flags = frame["suppressed"].to_numpy(dtype=bool) | primary_suppression(frame, min_count)

    def follow(hidden: np.ndarray) -> np.ndarray:
        return rate_suppression(frame, share_suppression(frame, hidden), min_count, rate_bases)

    if not complementary:
        return frame.assign(suppressed=follow(secondary_suppression(frame, flags)))
    areas = hierarchy if hierarchy is not None else default_hierarchy(frame["region"])
    return frame.assign(suppressed=complementary_suppression(frame, flags, min_count, areas, follow))
