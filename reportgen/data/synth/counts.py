"""How many clients the example data holds, per region and year: exact integer targets.

Everything else (flows, labels, locations) is built around these stocks, so the counted
clients come out exactly as planned: the calibrated regions at their published rates, the
all-regions pool at its published average, and 't Gooi at its published GZ client counts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.regions import REGION_IDS
from reportgen.data.synth.quota import largest_remainder
from reportgen.data.synth.targets import (
    CALIBRATED_REGIONS,
    GGZ_PER_10K_ALL,
    GGZ_YEARS,
    GOOI_GZ_CLIENTS,
    GZ_PER_1000_ALL,
    GZ_YEARS,
    LOCATIONS_PER_1000_ALL,
    TARGETS,
)

Stocks = dict[str, dict[int, int]]


def _pooled_counts(total: int, fixed: dict[str, int], weights: dict[str, float]) -> dict[str, int]:
    """Counts per region: `fixed` ones as given, the rest sharing what is left of `total`."""
    free = [r for r in REGION_IDS if r not in fixed]
    rest = largest_remainder(max(total - sum(fixed.values()), 0), np.array([weights[r] for r in free]))
    counts = dict(fixed)
    counts.update({r: int(n) for r, n in zip(free, rest, strict=True)})
    return {r: counts[r] for r in REGION_IDS}


def ggz_stocks(population: pd.DataFrame) -> Stocks:
    """Counted GGZ clients per region in January 2021-2023.

    `population` is inhabitants per region (rows) and year (columns), already scaled.
    """
    pop = population[2023]
    total = round(GGZ_PER_10K_ALL * pop.sum() / 10_000)
    fixed = {r: round(TARGETS[r].ggz_per_10k * pop[r] / 10_000) for r in CALIBRATED_REGIONS}
    weights = {r: TARGETS[r].ggz_per_10k * pop[r] for r in REGION_IDS}
    n2023 = _pooled_counts(total, fixed, weights)
    stocks: Stocks = {}
    for r in REGION_IDS:
        g21, g22 = TARGETS[r].ggz_growth
        stocks[r] = {2021: round(g21 * n2023[r]), 2022: round(g22 * n2023[r]), 2023: n2023[r]}
    return stocks


def gz_stocks(population: pd.DataFrame, scale: float) -> Stocks:
    """Counted GZ clients per region in January 2020-2023, 't Gooi at its published counts."""
    stocks: Stocks = {r: {} for r in REGION_IDS}
    for year in GZ_YEARS:
        pop = population[year]
        total = round(GZ_PER_1000_ALL[year] * pop.sum() / 1000)
        fixed = {"t-gooi": round(GOOI_GZ_CLIENTS[year] * scale)}
        weights = {
            r: TARGETS[r].gz_per_1000 * (1 + TARGETS[r].gz_trend) ** (year - GZ_YEARS[0]) * pop[r] for r in REGION_IDS
        }
        for r, n in _pooled_counts(total, fixed, weights).items():
            stocks[r][year] = n
    return stocks


def location_targets(ggz: Stocks) -> dict[str, int]:
    """Intramural GGZ locations (postcodes with more than two GGZ clients) per region, January 2023."""
    clients = {r: ggz[r][2023] for r in REGION_IDS}
    total = round(LOCATIONS_PER_1000_ALL * sum(clients.values()) / 1000)
    fixed = {r: round(TARGETS[r].locations_per_1000 * clients[r] / 1000) for r in CALIBRATED_REGIONS}
    weights = {r: TARGETS[r].locations_per_1000 * clients[r] for r in REGION_IDS}
    return _pooled_counts(total, fixed, weights)


def years_of(sector: str) -> tuple[int, ...]:
    """The Januaries in which clients of a sector are counted (GGZ exists in the Wlz since 2021)."""
    return GGZ_YEARS if sector == "GGZ" else GZ_YEARS
