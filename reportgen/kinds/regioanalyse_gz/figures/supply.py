"""The supply side: providers and care locations that serve the GZ clients of a region.

One counting rule for both: a provider counts for a region, and a location (a postcode in the
location register) counts for its municipality, with at least MIN_HOME_CLIENTS GZ clients with
VPT or MPT, or at least MIN_INTRAMURAL_CLIENTS intramural GZ clients, in January. Since 2023
locations of providers of every contract segment count (before, only GZ providers).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import LEVERINGSVORMEN, Dataset
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, municipality_id, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, rows, with_areas

MIN_HOME_CLIENTS = 2
MIN_INTRAMURAL_CLIENTS = 5
ALL_SEGMENTS_FROM = 2023
"""First edition whose location count includes locations of providers in other segments."""
INTRAMURAL = LEVERINGSVORMEN.index("intramuraal")
HOME = (LEVERINGSVORMEN.index("VPT"), LEVERINGSVORMEN.index("MPT"))


def edition_claims(base: GzBase) -> pd.DataFrame:
    """January claims of the edition's counted GZ clients, with the client's region and municipality."""
    clients = base.in_year(base.edition)[["client", "region", "gemeente"]]
    claims = base.claims[base.claims["year"].to_numpy() == base.edition]
    return claims.merge(clients, on="client")


def gz_aanbieders(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Providers serving enough GZ clients of the area in January of the edition (see module docstring)."""
    base = base or prepare_gz_base(ds, edition)
    claims = edition_claims(base)
    claims = claims[claims["provider"].to_numpy() >= 0]
    keys = counting_keys(with_areas(claims)[["area", "provider", "client", "lv"]], ["area", "provider"])
    counting = pd.DataFrame({"area": keys.get_level_values("area"), "provider": keys.get_level_values("provider")})
    areas = [*base.regions, "alle-regios"]
    counts = full_counts(counting, {"area": areas})
    return rows("gz_aanbieders", counts, "aanbieders", period=str(edition), category="")


def counting_locations(ds: Dataset, edition: int) -> pd.DataFrame:
    """The register's locations of the providers whose locations count in the edition (see module docstring)."""
    loc = ds.locaties
    segment = loc["agb_code"].map(dict(zip(ds.aanbieders["agb_code"], ds.aanbieders["contractsegment"], strict=True)))
    return loc[(segment == "GZ").to_numpy()] if edition < ALL_SEGMENTS_FROM else loc


def location_postcodes(ds: Dataset, edition: int) -> pd.DataFrame:
    """The register's postcodes with their municipality (area id) and providers' segments allowed for the edition."""
    loc = counting_locations(ds, edition)
    frame = pd.DataFrame({"postcode": loc["postcode"].to_numpy(), "gemeente": municipality_id(loc["gemeentecode"])})
    return frame.drop_duplicates("postcode")


def counting_keys(claims: pd.DataFrame, keys: list[str]) -> pd.Index:
    """The `keys` combinations (e.g. area and provider) with enough distinct clients: at least
    MIN_INTRAMURAL_CLIENTS intramural or at least MIN_HOME_CLIENTS with VPT or MPT."""
    lv = claims["lv"].to_numpy()

    def clients_per_key(mask: np.ndarray, minimum: int) -> pd.Index:
        counts = claims[mask].drop_duplicates([*keys, "client"]).groupby(keys, observed=True).size()
        return counts[counts >= minimum].index

    intra = clients_per_key(lv == INTRAMURAL, MIN_INTRAMURAL_CLIENTS)
    home = clients_per_key(np.isin(lv, HOME), MIN_HOME_CLIENTS)
    return intra.union(home)


def gz_locaties(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Care locations with enough GZ clients in January (see module docstring), per area of the location."""
    base = base or prepare_gz_base(ds, edition)
    claims = edition_claims(base)
    busy = counting_keys(claims[["postcode", "client", "lv"]], ["postcode"])
    places = location_postcodes(ds, edition)
    places = places[places["postcode"].isin(busy)]
    region_of = dict(zip(base.municipalities["area"], base.municipalities["region"], strict=True))
    places = places.assign(region=places["gemeente"].map(region_of)).dropna(subset=["region"])
    counts = full_counts(with_areas(places, municipal=True), {"area": base.areas})
    return rows("gz_locaties", counts, "locaties", period=str(edition), category="")
