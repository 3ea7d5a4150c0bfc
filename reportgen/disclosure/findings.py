"""Which hidden counts a reader of all published values can pin down: the interval rule.

A hidden count is protected when the interval it can lie in, given everything published,
is at least as wide as the small-count threshold, or when it is certain to be 0 or at least
the threshold (then it is not a small count; see `protection`). Anything else is a finding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from reportgen.disclosure.protection import is_protected, unprotected_intervals
from reportgen.disclosure.relations import (
    COUNT_UNITS,
    SHARE_UNIT,
    Hierarchy,
    Key,
    all_constraints,
    cell_keys,
    count_units,
)

__all__ = ["Finding", "disclosure_findings", "is_protected", "known_values"]


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
    narrow = unprotected_intervals(constraints, known, wanted, min_count)
    return [Finding(k, *narrow[k]) for k in wanted if k in narrow]
