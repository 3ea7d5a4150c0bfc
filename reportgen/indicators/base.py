"""Counted clients and January claims: the shared starting point of every indicator.

Almost every indicator counts "clients with a valid indication and a claim in January". That
selection is the expensive step (it reads every claim), so it is computed once per dataset and
edition into a `RegioplanBase` that all indicator functions accept. Clients, providers and
postcodes are integer codes from here on, so the indicators can use numpy bincounts instead of
string joins.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.data.regions import ALL_REGIONS as ALL_REGIONS  # the one definition, re-exported
from reportgen.data.regions import REGION_IDS
from reportgen.data.schema import LEVERINGSVORMEN, SECTORS, Dataset
from reportgen.indicators.codes import codes_in, factorized, sorted_rank

FIRST_GZ_YEAR = 2020


def january(year: int) -> str:
    """The reference month of a year as the data writes it ("2023-01")."""
    return f"{year}-01"


def base_years(edition: int) -> tuple[int, ...]:
    """Years whose January the indicators of an edition look at (GZ series and two years back)."""
    return tuple(range(min(FIRST_GZ_YEAR, edition - 2), edition + 1))


def regions_in_data(gemeenten: pd.DataFrame) -> tuple[str, ...]:
    """Regions of the municipalities in the data: known ones in REGION_IDS order, others after, sorted."""
    present = {str(r) for r in gemeenten["regio"].dropna().unique()}
    known = [r for r in REGION_IDS if r in present]
    return tuple(known + sorted(present - set(known)))


def positions_in(index_values: pd.Series, values: pd.Series) -> np.ndarray:
    """Position of each value in `index_values` (a key column), -1 when absent or missing."""
    return codes_in(values, index_values)


def as_datetime(column: pd.Series) -> pd.Series:
    """Dates as datetime64 whatever the frame held (text dates from hand-made frames included)."""
    if pd.api.types.is_datetime64_any_dtype(column):
        return column
    return pd.to_datetime(column, errors="coerce")


@dataclass(frozen=True)
class RegioplanBase:
    """What every indicator of one edition starts from, computed once.

    - `regions`: regions in the data, in document order (without "alle-regios").
    - `client_region`: region position per client position (klanten row), -1 when unknown.
    - `counted`: counted clients; columns client, year, sector (position in SECTORS),
      profile (zorgprofiel), region (position in `regions`).
    - `claims`: claims in the January of the base years; columns client, year,
      lv (position in LEVERINGSVORMEN), bedrag, provider (aanbieders row, -1 for none),
      postcode (position in `postcodes`, -1 for none).
    - `provider_segment`: contract segment per provider position (position in SECTORS).
    """

    edition: int
    regions: tuple[str, ...]
    client_region: np.ndarray
    counted: pd.DataFrame
    claims: pd.DataFrame
    postcodes: np.ndarray
    provider_segment: np.ndarray

    def counted_in(self, sector: str, year: int) -> pd.DataFrame:
        """Counted clients of one sector in one year."""
        sector_code = SECTORS.index(sector)
        c = self.counted
        return c[(c["sector"].to_numpy() == sector_code) & (c["year"].to_numpy() == year)]

    def claims_in(self, year: int) -> pd.DataFrame:
        """January claims of one year."""
        return self.claims[self.claims["year"].to_numpy() == year]


def january_claims(ds: Dataset, years: tuple[int, ...]) -> tuple[pd.DataFrame, np.ndarray]:
    """Claims of the January months of `years` as integer codes, and the postcode table.

    Filtering on the month first keeps the rest of the work to about a twelfth of the claims.
    """
    decl = ds.declaraties
    month = codes_in(decl["maand"], [january(y) for y in years])
    keep = month >= 0
    sel = decl.loc[keep, ["klant_id", "agb_code", "postcode", "leveringsvorm", "bedrag"]]
    postcode_codes, postcodes = factorized(sel["postcode"])
    claims = pd.DataFrame(
        {
            "client": positions_in(ds.klanten["klant_id"], sel["klant_id"]),
            "year": np.asarray(years, dtype=np.int64)[month[keep]],
            "lv": codes_in(sel["leveringsvorm"], LEVERINGSVORMEN).astype(np.int8),
            "bedrag": sel["bedrag"].to_numpy(dtype=np.float64),
            "provider": positions_in(ds.aanbieders["agb_code"], sel["agb_code"]),
            "postcode": postcode_codes,
        }
    )
    return claims[claims["client"].to_numpy() >= 0].reset_index(drop=True), postcodes


def counted_clients(ds: Dataset, years: tuple[int, ...], claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counted clients per year and sector: a valid indication in January and a January claim.

    An indication is valid in January Y when it starts on or before 31 January and ends (if at
    all) on or after 1 January. With several valid indications of one sector the latest start,
    then the highest indicatie_id, gives the profile. Columns: client (klanten row), year,
    sector (position in SECTORS), profile (zorgprofiel).
    """
    if claims is None:
        claims, _ = january_claims(ds, years)
    ind = ds.indicaties
    n_clients = len(ds.klanten)
    client = positions_in(ds.klanten["klant_id"], ind["klant_id"])
    sector = codes_in(ind["sector"], SECTORS)
    start = as_datetime(ind["geldig_van"]).to_numpy(dtype="datetime64[D]")
    end = as_datetime(ind["geldig_tot"]).to_numpy(dtype="datetime64[D]")
    id_rank = sorted_rank(ind["indicatie_id"])
    profile = np.asarray(ind["zorgprofiel"], dtype=object)
    order = np.lexsort((id_rank, start, sector, client))
    client, sector, start, end, profile = client[order], sector[order], start[order], end[order], profile[order]
    usable = (client >= 0) & (sector >= 0) & ~np.isnat(start)
    group = client.astype(np.int64) * len(SECTORS) + sector

    claim_client = claims["client"].to_numpy()
    claim_year = claims["year"].to_numpy()
    parts = []
    for year in years:
        has_claim = np.zeros(n_clients + 1, dtype=bool)
        has_claim[claim_client[claim_year == year]] = True
        first = np.datetime64(f"{year}-01-01", "D")
        last = np.datetime64(f"{year}-01-31", "D")
        valid = usable & (start <= last) & (np.isnat(end) | (end >= first)) & has_claim[client]
        idx = np.flatnonzero(valid)
        g = group[idx]
        is_last = np.ones(len(idx), dtype=bool)
        is_last[:-1] = g[1:] != g[:-1]
        idx = idx[is_last]
        parts.append(
            pd.DataFrame(
                {
                    "client": client[idx],
                    "year": np.full(len(idx), year, dtype=np.int64),
                    "sector": sector[idx].astype(np.int8),
                    "profile": profile[idx],
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def client_regions(ds: Dataset, regions: tuple[str, ...]) -> np.ndarray:
    """Region position (in `regions`) of every client, via their municipality; -1 when unknown."""
    gem = ds.gemeenten
    gem_region = codes_in(gem["regio"], regions)
    gem_pos = positions_in(gem["gemeentecode"], ds.klanten["gemeentecode"])
    lookup = np.append(gem_region, -1)
    return lookup[gem_pos].astype(np.int64)


def prepare_base(ds: Dataset, edition: int) -> RegioplanBase:
    """Everything the indicators of `edition` share, computed once (see RegioplanBase)."""
    years = base_years(edition)
    regions = regions_in_data(ds.gemeenten)
    claims, postcodes = january_claims(ds, years)
    counted = counted_clients(ds, years, claims)
    client_region = client_regions(ds, regions)
    counted = counted.assign(region=client_region[counted["client"].to_numpy()])
    counted = counted[counted["region"].to_numpy() >= 0].reset_index(drop=True)
    segment = codes_in(ds.aanbieders["contractsegment"], SECTORS)
    return RegioplanBase(edition, regions, client_region, counted, claims, postcodes, segment)


def base_for(ds: Dataset, edition: int, base: RegioplanBase | None) -> RegioplanBase:
    """The given base when it belongs to this edition, else a freshly computed one."""
    if base is not None and base.edition == edition:
        return base
    return prepare_base(ds, edition)
