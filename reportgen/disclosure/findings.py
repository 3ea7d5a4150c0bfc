"""Which hidden counts a reader of all published values can pin down: the interval rule.

A hidden count is protected when the interval it can lie in, given everything published,
is at least as wide as the small-count threshold, or when it is certain to be 0 or at least
the threshold (then it is not a small count). Anything else is a finding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from reportgen.disclosure.intervals import feasible_intervals
from reportgen.disclosure.relations import (
    COUNT_UNITS,
    SHARE_UNIT,
    Hierarchy,
    Key,
    all_constraints,
    cell_keys,
    count_units,
)

EPSILON = 1e-6


@dataclass(frozen=True)
class Finding:
    """A hidden count whose feasible interval [low, high] is narrower than the threshold."""

    key: Key
    low: float
    high: float

    def describe(self) -> str:
        ind, area, period, category, unit = self.key
        where = f"{ind} {area} {period}" + (f" {category!r}" if category else "")
        high = "onbegrensd" if math.isinf(self.high) else f"{self.high:.2f}"
        return f"{where} ({unit}): af te leiden tot tussen {self.low:.2f} en {high}"


def is_protected(low: float, high: float, min_count: int) -> bool:
    """Wide enough, or certainly 0, or certainly at least min_count."""
    if high < 1 - EPSILON:
        return True
    if math.ceil(low - EPSILON) >= min_count:
        return True
    return high - low >= min_count - EPSILON


def known_values(cells: pd.DataFrame) -> dict[Key, float]:
    """Cells whose value is published (a number, not marked hidden)."""
    out: dict[Key, float] = {}
    for key, value, published in zip(
        cell_keys(cells), cells["value"].to_numpy(dtype=float), cells["published"].to_numpy(dtype=bool), strict=True
    ):
        if published and not math.isnan(value):
            out.setdefault(key, float(value))
    return out


def disclosure_findings(cells: pd.DataFrame, hierarchy: Hierarchy, min_count: int) -> list[Finding]:
    """Every unknown count that the published cells pin down to less than min_count, in cell order.

    `cells` has the columns indicator, region, period, category, unit, value, published. Every
    hidden count listed there is checked; cells that no file lists are unknowns of the relations
    but are not reported themselves (no document shows them, not even as hidden).
    """
    known = known_values(cells)
    constraints = all_constraints(cells, hierarchy)
    keys = cell_keys(cells)
    unit_of = count_units(keys)
    listed = [(k[0], k[1], k[2], k[3], unit_of[k[0]]) if k[4] == SHARE_UNIT else k for k in keys]
    wanted = [k for k in dict.fromkeys(listed) if k[4] in COUNT_UNITS and k not in known]
    intervals = feasible_intervals(constraints, known, wanted, min_count)
    narrow = [k for k, (lo, hi) in intervals.items() if not is_protected(lo, hi, min_count)]
    exact = feasible_intervals(constraints, known, narrow)  # the full interval of each finding, for the report
    return [Finding(k, *exact[k]) for k in narrow]
