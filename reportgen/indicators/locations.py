"""Intramural GGZ locations: register locations where several GGZ clients actually live.

A register (Zorgatlas) location counts when more than two distinct counted GGZ clients have an
intramural claim at its postcode in January. Up to edition 2022 only locations of providers
contracted in the GGZ segment were looked at; from 2023 on locations of GZ and VV providers count
too (see the registry's method versions), because many GGZ clients live there.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import LEVERINGSVORMEN, SECTORS, Dataset
from reportgen.indicators.base import RegioplanBase, base_for, positions_in
from reportgen.indicators.codes import codes_in
from reportgen.indicators.population import ggz_client_counts
from reportgen.indicators.tidy import LOCATIONS, PER_1000, ratio, tidy_rows, with_all_regions

SECTOR_NEUTRAL_LOCATIONS_FROM = 2023
"""First edition that counts locations of providers in every contract segment."""

MIN_CLIENTS_PER_LOCATION = 3
"""A postcode is a location from this many distinct GGZ clients on ("more than two")."""


def busy_postcodes(base: RegioplanBase) -> np.ndarray:
    """Postcode positions where more than two distinct counted GGZ clients had intramural care in January."""
    clients = base.counted_in("GGZ", base.edition)["client"].to_numpy()
    is_ggz = np.zeros(len(base.client_region) + 1, dtype=bool)
    is_ggz[clients] = True
    claims = base.claims_in(base.edition)
    client = claims["client"].to_numpy()
    postcode = claims["postcode"].to_numpy()
    keep = (claims["lv"].to_numpy() == LEVERINGSVORMEN.index("intramuraal")) & (postcode >= 0) & is_ggz[client]
    pairs = np.unique(postcode[keep] * (len(base.client_region) + 1) + client[keep])
    per_postcode = np.bincount(pairs // (len(base.client_region) + 1), minlength=len(base.postcodes))
    return np.flatnonzero(per_postcode >= MIN_CLIENTS_PER_LOCATION)


def location_counts(ds: Dataset, base: RegioplanBase) -> np.ndarray:
    """Distinct location postcodes per region, shaped (region + alle-regios, 1, 1)."""
    loc = ds.locaties
    if base.edition < SECTOR_NEUTRAL_LOCATIONS_FROM:
        provider = positions_in(ds.aanbieders["agb_code"], loc["agb_code"])
        segment = np.append(base.provider_segment, -1)[provider]
        loc = loc[segment == SECTORS.index("GGZ")]
    gem = ds.gemeenten
    gem_region = codes_in(gem["regio"], base.regions)
    region = np.append(gem_region, -1)[positions_in(gem["gemeentecode"], loc["gemeentecode"])]
    postcode = codes_in(loc["postcode"], base.postcodes)
    busy = np.zeros(len(base.postcodes) + 1, dtype=bool)
    busy[busy_postcodes(base)] = True
    keep = (region >= 0) & (postcode >= 0) & busy[postcode]
    pairs = np.unique(region[keep] * (len(base.postcodes) + 1) + postcode[keep])
    per_region = np.bincount(pairs // (len(base.postcodes) + 1), minlength=len(base.regions))
    return with_all_regions(per_region.astype(np.float64)[:, None, None])


def ggz_locaties(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Intramural locations with more than two GGZ clients in January, per region of the location."""
    base = base_for(ds, edition, base)
    counts = location_counts(ds, base)
    return tidy_rows("ggz_locaties", base.regions, [str(edition)], [""], [(LOCATIONS, counts)])


def locaties_per_1000(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Intramural locations per 1.000 counted GGZ clients of the region."""
    base = base_for(ds, edition, base)
    clients = ggz_client_counts(base)[:, :, :1]
    rate = ratio(location_counts(ds, base), clients, 1_000.0)
    return tidy_rows("locaties_per_1000", base.regions, [str(edition)], [""], [(PER_1000, rate)])
