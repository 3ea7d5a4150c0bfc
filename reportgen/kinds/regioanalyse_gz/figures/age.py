"""How old the GZ clients are: the age distribution and the share aged 23 to 65."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import counts_and_shares, full_counts, rows, share, with_areas

AGE_BANDS = ("0-18", "19-23", "24-34", "35-49", "50-64", "65+")
AGE_BAND_FLOORS = (19, 24, 35, 50, 65)
"""Lowest age of every band after the first."""
WORKING_AGE_FROM, WORKING_AGE_BELOW = 23, 65
"""'Aged 23-65': from 23 up to (not including) 65."""


def age_band(age: np.ndarray) -> np.ndarray:
    """The AGE_BANDS label of each age."""
    return np.asarray(AGE_BANDS, dtype=object)[np.searchsorted(np.asarray(AGE_BAND_FLOORS), age, side="right")]


def gz_leeftijd(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Counted GZ clients of the edition per age band, as numbers and shares, per region and all regions."""
    base = base or prepare_gz_base(ds, edition)
    clients = base.in_year(edition)
    located = with_areas(clients.assign(category=age_band(clients["age"].to_numpy())))
    areas = [*base.regions, "alle-regios"]
    return counts_and_shares("gz_leeftijd", located, areas, AGE_BANDS, "klanten", str(edition))


def gz_leeftijd_23_65(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Counted GZ clients of the edition aged 23 up to 65, as a number and a share of all."""
    base = base or prepare_gz_base(ds, edition)
    clients = base.in_year(edition)
    age = clients["age"].to_numpy()
    located = with_areas(clients)
    inside = with_areas(clients[(age >= WORKING_AGE_FROM) & (age < WORKING_AGE_BELOW)])
    areas = [*base.regions, "alle-regios"]
    counts = full_counts(inside, {"area": areas})
    totals = full_counts(located, {"area": areas})
    period = str(edition)
    return pd.concat(
        [
            rows("gz_leeftijd_23_65", counts, "klanten", period=period, category=""),
            rows("gz_leeftijd_23_65", share(counts, totals), "aandeel", period=period, category=""),
        ],
        ignore_index=True,
    )
