"""Employees in the GZ per client, now and in 2040: does the workforce keep up with demand?

Employees come from the personeel table. Clients are the counted GZ clients in counted years
and the max forecast in later years (the scenario of rising life expectancy).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.indicators.base import ALL_REGIONS
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.forecast import forecast
from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, rows, with_areas

CLIENT_SCENARIO = "max"


def employees(ds: Dataset, base: GzBase) -> pd.Series:
    """Employees per area (regions, alle-regios: the sum) and year in the personeel table."""
    staff = ds.personeel[ds.personeel["regio"].isin(base.regions).to_numpy()]
    staff = staff.rename(columns={"regio": "region", "jaar": "period"})
    located = with_areas(staff)
    years = sorted(int(y) for y in staff["period"].unique())
    index = pd.MultiIndex.from_product([[*base.regions, ALL_REGIONS], years], names=["area", "period"])
    return located.groupby(["area", "period"])["medewerkers"].sum().reindex(index).astype(np.float64)


def gz_medewerkers(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Employees per year and employees per client (counted, or max forecast after the edition)."""
    base = base or prepare_gz_base(ds, edition)
    staff = employees(ds, base)
    if staff.empty:
        return rows("gz_medewerkers", staff, "medewerkers", category="")
    areas = [*base.regions, ALL_REGIONS]
    counted = full_counts(with_areas(base.clients, keep=["year"]), {"area": areas, "year": base.years})
    later = tuple(sorted({int(y) for y in staff.index.get_level_values("period")} - set(base.years)))
    future = forecast(ds, base, later) if later else pd.Series(dtype=np.float64)
    clients = np.array(
        [
            counted.get((a, y), np.nan) if y in base.years else future.get((a, y, CLIENT_SCENARIO), np.nan)
            for a, y in staff.index
        ]
    )
    per_client = np.full(len(staff), np.nan)
    np.divide(staff.to_numpy(), clients, out=per_client, where=clients > 0)
    return pd.concat(
        [
            rows("gz_medewerkers", staff, "medewerkers", category=""),
            rows("gz_medewerkers_per_klant", pd.Series(per_client, index=staff.index), "per klant", category=""),
        ],
        ignore_index=True,
    )
