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
from reportgen.indicators.complement import Follow, complementary_suppression

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


def following_rules(frame: pd.DataFrame, min_count: int, rate_bases: Mapping[str, str]) -> Follow:
    """The rules that make shares and rates follow their counts, prepared once for `frame`.

    A share is hidden with the count of the same category (it would give it back through
    its "n ="). A rate is hidden when the client count it rests on is below min_count,
    hidden or missing, or when a count in its numerator or denominator is hidden (the rate
    would give it back). Returns a function from hidden flags to hidden flags with those
    rules applied; shares and rates follow counts only, so one pass is enough.
    """
    value = frame["value"].to_numpy(dtype=np.float64)
    keys = list(frame[_KEY].astype(str).itertuples(index=False, name=None))
    unit = frame["unit"].astype(str).to_numpy(dtype=object)
    is_count = np.isin(unit, COUNT_UNITS)
    count_at = {k: i for i, k in enumerate(keys) if is_count[i]}
    always = np.zeros(len(frame), dtype=bool)
    dependant: list[int] = []
    source: list[int] = []
    for pos, (indicator, region, period, category) in enumerate(keys):
        if unit[pos] == SHARE_UNIT:
            bases = [count_at.get((indicator, region, period, category))]
        elif indicator in rate_bases:
            base = count_at.get((rate_bases[indicator], region, period, category))
            always[pos] = base is None or not value[base] >= min_count
            parts = [part for rate in RATES.get(indicator, ()) for part in (rate.numerator, rate.denominator)]
            bases = [base, *(count_at.get((ind, region, period, cat)) for ind, cat, _ in parts)]
        else:
            continue
        for base in bases:
            if base is not None:
                dependant.append(pos)
                source.append(base)
    dependants = np.array(dependant, dtype=np.intp)
    sources = np.array(source, dtype=np.intp)

    def follow(hidden: np.ndarray) -> np.ndarray:
        result = hidden | always
        result[dependants[hidden[sources]]] = True
        return result

    return follow


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
    follow = following_rules(frame, min_count, rate_bases)

    if not complementary:
        return frame.assign(suppressed=follow(secondary_suppression(frame, flags)))
    areas = hierarchy if hierarchy is not None else default_hierarchy(frame["region"])
    return frame.assign(suppressed=complementary_suppression(frame, flags, min_count, areas, follow))
