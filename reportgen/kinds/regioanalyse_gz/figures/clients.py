"""How many GZ clients, relative to the population, and how that changed (per region and municipality)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, growth_percent, rows, with_areas
from reportgen.kinds.regioanalyse_gz.figures.population import inhabitants


def client_counts(base: GzBase) -> pd.Series:
    """Counted GZ clients per area (regions, alle-regios, municipalities) and year."""

    def count() -> pd.Series:
        located = with_areas(base.clients, municipal=True, keep=["year"])
        return full_counts(located, {"area": base.areas, "year": base.years}).rename_axis(["area", "period"])

    return base.remembered(("client_counts",), count)


def gz_klanten(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Counted GZ clients in January of each year from 2020 to the edition."""
    base = base or prepare_gz_base(ds, edition)
    return rows("gz_klanten", client_counts(base), "klanten", category="")


def rates_per_1000(ds: Dataset, base: GzBase) -> pd.Series:
    """GZ clients per 1.000 inhabitants of the same 1 January, per area and year (NaN without inhabitants)."""

    def compute() -> pd.Series:
        counts = client_counts(base)
        people = inhabitants(ds, base, base.years).reindex(counts.index).fillna(0.0).to_numpy()
        values = np.full(len(counts), np.nan)
        np.divide(1000.0 * counts.to_numpy(), people, out=values, where=people > 0)
        return pd.Series(values, index=counts.index)

    return base.remembered(("rates_per_1000",), compute)


def gz_klanten_per_1000(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Counted GZ clients per 1.000 inhabitants, 2020 to the edition."""
    base = base or prepare_gz_base(ds, edition)
    return rows("gz_klanten_per_1000", rates_per_1000(ds, base), "per 1.000 inwoners", category="")


def gz_klanten_per_1000_groei(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Change of the rate per 1.000 inhabitants from the first year to the edition, in percent."""
    base = base or prepare_gz_base(ds, edition)
    rate = rates_per_1000(ds, base).unstack("period")
    first, last = base.years[0], base.years[-1]
    change = pd.Series(growth_percent(rate[first].to_numpy(), rate[last].to_numpy()), index=rate.index)
    return rows("gz_klanten_per_1000_groei", change, "procent", period=f"{first}-{last}", category="")
