"""Sectorvreemde zorg: GGZ clients cared for by providers contracted in another segment.

A client's main provider in January is the AGB code with the largest summed claim amount (ties
go to the lowest AGB code, so the outcome never depends on row order). PGB claims have no
provider and are ignored; a client with only PGB claims has no main provider and is left out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import SECTORS, Dataset
from reportgen.indicators.base import RegioplanBase, base_for
from reportgen.indicators.codes import codes_in, sorted_rank
from reportgen.indicators.tidy import CLIENTS, SHARE, grid_counts, ratio, tidy_rows, with_all_regions

GGZ_PROFILES = ("GGZ-W1", "GGZ-W2", "GGZ-W3", "GGZ-W4", "GGZ-W5", "GGZ-B3", "GGZ-B4", "GGZ-B5", "GGZ-B6", "GGZ-B7")
OTHER_SEGMENTS = ("GZ", "VV")
"""Segments whose GGZ clients get the profile breakdown, in printed order."""


def profile_categories() -> list[str]:
    """Categories of sectorvreemd_profielen: "segment|profile" for GZ then VV, profiles in order."""
    return [f"{segment}|{profile}" for segment in OTHER_SEGMENTS for profile in GGZ_PROFILES]


def main_segments(ds: Dataset, base: RegioplanBase, years: tuple[int, ...]) -> pd.DataFrame:
    """Counted GGZ clients of `years` with the segment of their main provider in that January.

    Columns: region, year, profile, segment (position in SECTORS). Clients without a provider
    claim, or whose provider has no known segment, are left out.
    """
    counted = base.counted
    counted = counted[(counted["sector"].to_numpy() == SECTORS.index("GGZ")) & counted["year"].isin(years).to_numpy()]
    counted = counted.reset_index(drop=True)
    n_years = len(years)
    year_index = pd.Index(years)
    row_of = np.full((len(base.client_region) + 1) * n_years, -1, dtype=np.int64)
    row_of[counted["client"].to_numpy() * n_years + year_index.get_indexer(counted["year"].to_numpy())] = np.arange(
        len(counted)
    )
    claims = base.claims[base.claims["year"].isin(years).to_numpy() & (base.claims["provider"].to_numpy() >= 0)]
    row = row_of[claims["client"].to_numpy() * n_years + year_index.get_indexer(claims["year"].to_numpy())]
    keep = row >= 0
    sums = (
        pd.DataFrame({"row": row[keep], "provider": claims["provider"].to_numpy()[keep]})
        .assign(bedrag=claims["bedrag"].to_numpy()[keep])
        .groupby(["row", "provider"], sort=False)["bedrag"]
        .sum()
        .reset_index()
    )
    agb_rank = sorted_rank(ds.aanbieders["agb_code"])
    provider = sums["provider"].to_numpy()
    order = np.lexsort((agb_rank[provider], -sums["bedrag"].to_numpy(), sums["row"].to_numpy()))
    rows = sums["row"].to_numpy()[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = rows[1:] != rows[:-1]
    main = pd.DataFrame({"row": rows[first], "segment": base.provider_segment[provider[order][first]]})
    main = main[main["segment"].to_numpy() >= 0]
    picked = counted.iloc[main["row"].to_numpy()]
    return pd.DataFrame(
        {
            "region": picked["region"].to_numpy(),
            "year": picked["year"].to_numpy(),
            "profile": np.asarray(picked["profile"].astype(object)),
            "segment": main["segment"].to_numpy(),
        }
    )


def sectorvreemd(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Counted GGZ clients by contract segment of their main provider, the year before and this year."""
    base = base_for(ds, edition, base)
    years = (edition - 1, edition)
    clients = main_segments(ds, base, years)
    year = pd.Index(years).get_indexer(clients["year"].to_numpy())
    shape = (len(base.regions), len(years), len(SECTORS))
    counts = with_all_regions(grid_counts(clients["region"].to_numpy(), year, clients["segment"].to_numpy(), shape))
    shares = ratio(counts, counts.sum(axis=2, keepdims=True))
    return tidy_rows(
        "sectorvreemd",
        base.regions,
        [str(y) for y in years],
        list(SECTORS),
        [(CLIENTS, counts), (SHARE, shares)],
    )


def sectorvreemd_profielen(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """GGZ profiles of clients whose main provider is GZ or VV; shares within each segment."""
    base = base_for(ds, edition, base)
    clients = main_segments(ds, base, (edition,))
    segment_names = np.asarray(SECTORS, dtype=object)[clients["segment"].to_numpy()]
    labels = pd.Series(segment_names + "|" + clients["profile"].to_numpy(), dtype=object)
    categories = profile_categories()
    category = codes_in(labels.to_numpy(), categories)
    region = clients["region"].to_numpy()
    shape = (len(base.regions), 1, len(categories))
    counts = with_all_regions(grid_counts(region, np.zeros_like(region), category, shape))
    per_segment = counts.reshape(counts.shape[0], 1, len(OTHER_SEGMENTS), len(GGZ_PROFILES))
    totals = np.repeat(per_segment.sum(axis=3), len(GGZ_PROFILES), axis=2)
    shares = ratio(counts, totals)
    return tidy_rows(
        "sectorvreemd_profielen",
        base.regions,
        [str(edition)],
        categories,
        [(CLIENTS, counts), (SHARE, shares)],
    )
