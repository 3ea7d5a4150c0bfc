"""The linear relations that published values impose on each other.

A cell is one value: (indicator, area, period, category, unit). Counts add up over areas
(municipalities to a region, regions to all regions), over the categories of a distribution
to its total, and, where declared, over periods. A published share ties a count to its
distribution total, a published rate ties its numerator to its denominator. Every relation
is written as `lo <= sum(coefficient * cell) <= hi`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from reportgen.data.regions import MUNICIPALITY_PREFIX, municipality_area

ALL_REGIONS = "alle-regios"
COUNT_UNITS = ("klanten", "wachtenden")
"""Units that count people: the cells that must stay protected."""
SHARE_UNIT = "aandeel"
TOTAL_CATEGORIES = ("", "totaal")
"""Categories that are the total of the other categories of their distribution."""
TOTAL = "totaal"
PRINTED_DECIMALS = 6
"""Published values are written with 6 decimals; a share or rate is known to within half of that."""
TOLERANCE = 0.5 * 10.0**-PRINTED_DECIMALS

Key = tuple[str, str, str, str, str]
"""(indicator, area, period, category, unit)."""


@dataclass(frozen=True)
class Rate:
    """A rate = numerator / denominator * factor; numerator and denominator as (indicator, category, unit)."""

    numerator: tuple[str, str, str]
    denominator: tuple[str, str, str]
    factor: float


RATES: dict[str, tuple[Rate, ...]] = {
    "ggz_klanten_per_10k": (Rate(("ggz_klanten", "", "klanten"), ("inwoners", "", "inwoners"), 10_000.0),),
    "locaties_per_1000": (Rate(("ggz_locaties", "", "locaties"), ("ggz_klanten", "", "klanten"), 1_000.0),),
    "gz_klanten_per_1000": (
        Rate(("gz_klanten", "", "klanten"), ("inwoners", "", "inwoners"), 1_000.0),
        Rate(("gz_klanten", "", "klanten"), ("gz_inwoners", "", "inwoners"), 1_000.0),
    ),
}
"""Rate indicator -> the ways a reader can multiply it back: the Regioplan prints the population
as `inwoners`, the Regioanalyse as `gz_inwoners` (also per municipality)."""

LINKED_TOTALS: dict[str, dict[str, tuple[str, str]]] = {
    "ggz_w_verdeling": {"": ("ggz_klanten", "GGZ-W")},
    "sectorvreemd_profielen": {"GZ": ("sectorvreemd", "GZ"), "VV": ("sectorvreemd", "VV")},
}
"""Indicator -> segment -> (indicator, category) of the count that equals that distribution's total."""


@dataclass(frozen=True)
class Hierarchy:
    """Which areas and periods add up to which: total -> its parts.

    `area_parts` maps "alle-regios" to the regions and a region to its municipalities (GM codes);
    `period_parts` maps a period to the periods it sums (only for counts that add up over time).
    """

    area_parts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    period_parts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_gemeenten(cls, gemeenten: pd.DataFrame) -> Hierarchy:
        """Regions and their municipalities from the data's gemeenten table (columns gemeentecode, regio).

        A municipality is named by its area id (GM0363), as in the indicator frames, whether the
        table writes the code as 0363 or GM0363.
        """
        rows = gemeenten[["gemeentecode", "regio"]].dropna().astype(str)
        regions = sorted(set(rows["regio"]))
        parts: dict[str, tuple[str, ...]] = {ALL_REGIONS: tuple(regions)}
        areas = rows["gemeentecode"].map(municipality_area)
        for region in regions:
            parts[region] = tuple(sorted(areas[rows["regio"] == region]))
        return cls(parts)


def default_hierarchy(areas: pd.Series) -> Hierarchy:
    """All regions (areas that are not "alle-regios" nor a municipality code) add up to "alle-regios"."""
    regions = sorted({a for a in areas.astype(str) if a != ALL_REGIONS and not is_municipality(a)})
    return Hierarchy({ALL_REGIONS: tuple(regions)})


def is_municipality(area: str) -> bool:
    """A CBS municipality code such as GM0363."""
    return area.startswith(MUNICIPALITY_PREFIX) and area[len(MUNICIPALITY_PREFIX) :].isdigit()


def segment_of(category: str) -> str:
    """ "GZ" for "GZ|GGZ-W1": categories written segment|part form one distribution per segment."""
    return category.split("|", 1)[0] if "|" in category else ""


def is_total(category: str) -> bool:
    """Whether a category is the total of its distribution ("", "totaal", "GZ|totaal")."""
    return category in TOTAL_CATEGORIES or category.endswith(f"|{TOTAL}")


MERGED_JOIN = "+"
"""A category "a+b" is a chart's merged line: the sum of categories a and b, no part of its own."""


def merged_parts(category: str) -> list[str]:
    """["urgent", "wacht op voorkeur"] for "urgent+wacht op voorkeur"; [] for a plain category."""
    return category.split(MERGED_JOIN) if MERGED_JOIN in category else []


def total_category(segment: str) -> str:
    """The category of a distribution's total that has no row of its own (the printed "n =")."""
    return f"{segment}|{TOTAL}" if segment else TOTAL


@dataclass(frozen=True)
class Constraint:
    """lo <= sum(coefficient * cell) <= hi; `kind` is "som", "aandeel" or "ratio"."""

    terms: tuple[tuple[Key, float], ...]
    lo: float
    hi: float
    kind: str


def _sum(total: Key, parts: list[Key]) -> Constraint:
    return Constraint(((total, 1.0), *((p, -1.0) for p in parts)), 0.0, 0.0, "som")


def distributions(keys: list[Key]) -> dict[tuple[str, str, str, str, str], tuple[Key, list[Key]]]:
    """(indicator, area, period, unit, segment) -> (total cell, part cells) for every count distribution.

    The parts are the categories the indicator has anywhere (for any area, period, as a count or
    as a share), so a file that lists only some of them, or only their shares, still gets the
    whole distribution; without a total row the total is the printed "n =" cell `total_category(segment)`.
    """
    unit_of = count_units(keys)
    categories: dict[tuple[str, str], list[str]] = {}
    for ind, _, _, cat, unit in keys:
        if ind in unit_of and unit in (*COUNT_UNITS, SHARE_UNIT) and not is_total(cat) and not merged_parts(cat):
            listed = categories.setdefault((ind, segment_of(cat)), [])
            if cat not in listed:
                listed.append(cat)
    present = set(keys)
    groups: dict[tuple[str, str, str, str, str], tuple[Key, list[Key]]] = {}
    for ind, area, period, cat, unit in keys:
        if ind not in unit_of or unit not in (*COUNT_UNITS, SHARE_UNIT):
            continue
        seg, unit = segment_of(cat), unit_of[ind]
        group = (ind, area, period, unit, seg)
        parts = categories.get((ind, seg), [])
        if group in groups or not parts:
            continue
        names = TOTAL_CATEGORIES if not seg else (f"{seg}|{TOTAL}",)
        totals = [(ind, area, period, c, unit) for c in names]
        existing = [t for t in totals if t in present]
        total = existing[0] if existing else (ind, area, period, total_category(seg), unit)
        groups[group] = (total, [(ind, area, period, c, unit) for c in parts])
    return groups


def sum_constraints(keys: list[Key], hierarchy: Hierarchy) -> list[Constraint]:
    """Area totals, period totals, distribution totals and linked totals, for the count cells in `keys`."""
    out: list[Constraint] = []
    present = set(keys)
    for ind, area, period, cat, unit in keys:
        if unit not in COUNT_UNITS:
            continue
        if merged_parts(cat):
            out.append(_sum((ind, area, period, cat, unit), [(ind, area, period, c, unit) for c in merged_parts(cat)]))
        for parts in (
            [(ind, a, period, cat, unit) for a in hierarchy.area_parts.get(area, ())],
            [(ind, area, p, cat, unit) for p in hierarchy.period_parts.get(period, ())],
        ):
            if any(p in present for p in parts):  # parts never listed anywhere add nothing a reader knows
                out.append(_sum((ind, area, period, cat, unit), parts))
    for (ind, area, period, unit, seg), (total, parts) in distributions(keys).items():
        if len(parts) > 1 or total[3] != total_category(seg):
            out.append(_sum(total, parts))
        linked = LINKED_TOTALS.get(ind, {}).get(seg)
        if linked is not None:
            out.append(_sum(total, [(linked[0], area, period, linked[1], unit)]))
    return out


def count_units(keys: list[Key]) -> dict[str, str]:
    """Indicator -> the unit of its counts; "klanten" for an indicator listed only as shares."""
    units = {k[0]: "klanten" for k in keys if k[4] == SHARE_UNIT}
    units.update({k[0]: k[4] for k in keys if k[4] in COUNT_UNITS})
    return units


def ratio_constraints(cells: pd.DataFrame) -> list[Constraint]:
    """Published shares (count = share * total) and rates (factor * numerator = rate * denominator).

    A value published with 6 decimals is only known to within TOLERANCE, so each becomes a
    pair of inequalities around it.
    """
    published = cells["published"].to_numpy(dtype=bool)
    return [c for row, c in ratio_constraints_by_row(cells) if published[row]]


def ratio_constraints_by_row(cells: pd.DataFrame) -> list[tuple[int, Constraint]]:
    """(row, relation) for every share and rate with a value, whether published or not: the
    relations it imposes once it is published (see `ratio_constraints`)."""
    keys = cell_keys(cells)
    unit_of = count_units(keys)
    groups = distributions(keys)
    out: list[tuple[int, Constraint]] = []
    for row, ((ind, area, period, cat, unit), value) in enumerate(
        zip(keys, cells["value"].to_numpy(dtype=float), strict=True)
    ):
        if math.isnan(value):
            continue
        if unit == SHARE_UNIT and ind in unit_of:
            count = (ind, area, period, cat, unit_of[ind])
            group = groups.get((ind, area, period, unit_of[ind], segment_of(cat)))
            if group is None:
                continue
            total = group[0]
            out.append((row, Constraint(((count, 1.0), (total, -(value - TOLERANCE))), 0.0, math.inf, "aandeel")))
            out.append((row, Constraint(((count, 1.0), (total, -(value + TOLERANCE))), -math.inf, 0.0, "aandeel")))
        elif ind in RATES and cat == "":
            for rate in RATES[ind]:
                num = (rate.numerator[0], area, period, rate.numerator[1], rate.numerator[2])
                den = (rate.denominator[0], area, period, rate.denominator[1], rate.denominator[2])
                low, high = value - TOLERANCE, value + TOLERANCE
                out.append((row, Constraint(((num, rate.factor), (den, -low)), 0.0, math.inf, "ratio")))
                out.append((row, Constraint(((num, rate.factor), (den, -high)), -math.inf, 0.0, "ratio")))
    return out


def cell_keys(cells: pd.DataFrame) -> list[Key]:
    """The key of every row of a cells table."""
    cols = [cells[c].astype(str).to_numpy(dtype=object) for c in ("indicator", "region", "period", "category", "unit")]
    return list(zip(*cols, strict=True))


def all_constraints(cells: pd.DataFrame, hierarchy: Hierarchy) -> list[Constraint]:
    """Every relation among the cells of a table with columns indicator, region, period, category,
    unit, value and published."""
    return sum_constraints(cell_keys(cells), hierarchy) + ratio_constraints(cells)
