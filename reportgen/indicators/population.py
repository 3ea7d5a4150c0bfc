"""Inhabitants and counted clients per region: the figures the regional comparison rests on."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import SECTORS, Dataset
from reportgen.indicators.base import FIRST_GZ_YEAR, RegioplanBase, base_for, positions_in
from reportgen.indicators.codes import codes_in
from reportgen.indicators.tidy import CLIENTS, INHABITANTS, PER_10K, grid_counts, ratio, tidy_rows, with_all_regions

GGZ_GROUPS = ("", "GGZ-W", "GGZ-B")
"""Categories of ggz_klanten: all counted GGZ clients, then by profile group."""


def gz_years(edition: int) -> tuple[int, ...]:
    """Years of the GZ client series: from 2020 up to the edition year."""
    return tuple(range(min(FIRST_GZ_YEAR, edition), edition + 1))


def inhabitants_by_region(ds: Dataset, regions: tuple[str, ...], years: tuple[int, ...]) -> np.ndarray:
    """Inhabitants (all age groups) per region and year, shaped (region, year); 0 when not in the data."""
    bev = ds.bevolking
    gem = ds.gemeenten
    gem_region = codes_in(gem["regio"], regions)
    region = np.append(gem_region, -1)[positions_in(gem["gemeentecode"], bev["gemeentecode"])]
    year = pd.Index(years).get_indexer(bev["jaar"].to_numpy(dtype=np.int64))
    keep = (region >= 0) & (year >= 0)
    flat = region[keep] * len(years) + year[keep]
    weights = bev["inwoners"].to_numpy(dtype=np.float64)[keep]
    totals = np.bincount(flat, weights=weights, minlength=len(regions) * len(years))
    return totals.reshape(len(regions), len(years))


def ggz_client_counts(base: RegioplanBase) -> np.ndarray:
    """Counted GGZ clients in the edition year, shaped (region + alle-regios, 1, GGZ_GROUPS)."""
    clients = base.counted_in("GGZ", base.edition)
    region = clients["region"].to_numpy()
    profile = clients["profile"].astype(object)
    group = np.where(profile.str.startswith("GGZ-W"), 1, np.where(profile.str.startswith("GGZ-B"), 2, -1))
    shape = (len(base.regions), 1, len(GGZ_GROUPS))
    by_group = grid_counts(region, np.zeros(len(region), dtype=np.int64), group, shape)
    all_clients = grid_counts(region, np.zeros(len(region), dtype=np.int64), np.zeros_like(region), shape)
    by_group[:, :, 0] = all_clients[:, :, 0]
    return with_all_regions(by_group)


def gz_client_counts(base: RegioplanBase) -> np.ndarray:
    """Counted GZ clients per year of gz_years, shaped (region + alle-regios, year, 1)."""
    years = gz_years(base.edition)
    counted = base.counted
    clients = counted[counted["sector"].to_numpy() == SECTORS.index("GZ")]
    region = clients["region"].to_numpy()
    year = pd.Index(years).get_indexer(clients["year"].to_numpy())
    shape = (len(base.regions), len(years), 1)
    return with_all_regions(grid_counts(region, year, np.zeros_like(region), shape))


def inwoners(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Inhabitants on 1 January of the edition year, per region."""
    base = base_for(ds, edition, base)
    counts = with_all_regions(inhabitants_by_region(ds, base.regions, (edition,)))[:, :, None]
    return tidy_rows("inwoners", base.regions, [str(edition)], [""], [(INHABITANTS, counts)])


def ggz_klanten(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Counted GGZ clients in January of the edition year: all, GGZ-W and GGZ-B."""
    base = base_for(ds, edition, base)
    counts = ggz_client_counts(base)
    return tidy_rows("ggz_klanten", base.regions, [str(edition)], list(GGZ_GROUPS), [(CLIENTS, counts)])


def ggz_klanten_per_10k(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Counted GGZ clients per 10.000 inhabitants; the all-regions figure pools both counts."""
    base = base_for(ds, edition, base)
    clients = ggz_client_counts(base)[:, :, :1]
    people = with_all_regions(inhabitants_by_region(ds, base.regions, (edition,)))[:, :, None]
    rate = ratio(clients, people, 10_000.0)
    return tidy_rows("ggz_klanten_per_10k", base.regions, [str(edition)], [""], [(PER_10K, rate)])


def gz_klanten(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Counted GZ clients in January of each year from 2020 to the edition year."""
    base = base_for(ds, edition, base)
    periods = [str(y) for y in gz_years(edition)]
    return tidy_rows("gz_klanten", base.regions, periods, [""], [(CLIENTS, gz_client_counts(base))])


def gz_klanten_per_1000(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Counted GZ clients per 1.000 inhabitants of the same year, 2020 to the edition year."""
    base = base_for(ds, edition, base)
    years = gz_years(edition)
    people = with_all_regions(inhabitants_by_region(ds, base.regions, years))[:, :, None]
    rate = ratio(gz_client_counts(base), people, 1_000.0)
    periods = [str(y) for y in years]
    return tidy_rows("gz_klanten_per_1000", base.regions, periods, [""], [("per 1.000 inwoners", rate)])
