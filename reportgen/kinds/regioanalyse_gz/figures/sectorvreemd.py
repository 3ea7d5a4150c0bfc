"""Sectorvreemde zorg for GZ clients: the segment of their main provider, and who is at a VV provider.

The main provider is the provider with the highest January amount (PGB has no provider; clients
with only PGB are left out). At VV providers the profile mix is shown per profile group, leaving
out groups with fewer than MIN_GROUP_CLIENTS clients.
"""

from __future__ import annotations

import pandas as pd

from reportgen.data.schema import SECTORS, Dataset
from reportgen.indicators.base import ALL_REGIONS
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import counts_and_shares, full_counts, rows, share, with_areas
from reportgen.kinds.regioanalyse_gz.figures.profiles import GROUP_NAME_OF, MIN_GROUP_CLIENTS, PROFILE_GROUPS


def gz_sectorvreemd(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """GZ clients of the edition per contract segment of their main provider: numbers and shares."""
    base = base or prepare_gz_base(ds, edition)
    clients = base.in_year(edition)
    clients = clients[clients["segment"].isin(SECTORS).to_numpy()].assign(category=lambda f: f["segment"])
    areas = [*base.regions, ALL_REGIONS]
    located = with_areas(clients)
    return counts_and_shares("gz_sectorvreemd", located, areas, SECTORS, "klanten", str(edition))


def gz_sectorvreemd_profielen(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Profile groups of the GZ clients whose main provider is a VV provider, with their share."""
    base = base or prepare_gz_base(ds, edition)
    clients = base.in_year(edition)
    at_vv = clients[(clients["segment"] == "VV").to_numpy()]
    groups = at_vv["profile"].map(GROUP_NAME_OF)
    located = with_areas(at_vv.assign(category=groups.to_numpy()).dropna(subset=["category"]))
    labels = [group for groups_of in PROFILE_GROUPS.values() for group, _ in groups_of]
    areas = [*base.regions, ALL_REGIONS]
    counts = full_counts(located, {"area": areas, "category": labels})
    totals = full_counts(located, {"area": areas})
    shown = counts.to_numpy() >= MIN_GROUP_CLIENTS
    period = str(edition)
    return pd.concat(
        [
            rows("gz_sectorvreemd_profielen", counts[shown], "klanten", period=period),
            rows("gz_sectorvreemd_profielen", share(counts, totals)[shown], "aandeel", period=period),
        ],
        ignore_index=True,
    )
