"""The supply side: providers and care locations that serve the GZ clients of a region.

A provider counts for a region with at least MIN_HOME_CLIENTS of its clients with VPT or MPT,
or at least MIN_INTRAMURAL_CLIENTS intramural clients, in January. A location is a postcode in
the location register where at least MIN_INTRAMURAL_CLIENTS GZ clients stay; since 2023
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
    located = with_areas(claims)
    lv = located["lv"].to_numpy()

    def clients_per_provider(mask: np.ndarray) -> pd.Series:
        unique = located[mask].drop_duplicates(["area", "provider", "client"])
        return unique.groupby(["area", "provider"]).size()

    intra = clients_per_provider(lv == INTRAMURAL)
    home = clients_per_provider(np.isin(lv, HOME))
    keys = intra[intra >= MIN_INTRAMURAL_CLIENTS].index.union(home[home >= MIN_HOME_CLIENTS].index)
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


def gz_locaties(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Care locations with at least MIN_INTRAMURAL_CLIENTS intramural GZ clients, per area of the location."""
    base = base or prepare_gz_base(ds, edition)
    claims = edition_claims(base)
    intra = claims[claims["lv"].to_numpy() == INTRAMURAL]
    per_postcode = intra.groupby("postcode")["client"].nunique()
    busy = per_postcode[per_postcode >= MIN_INTRAMURAL_CLIENTS].index
    places = location_postcodes(ds, edition)
    places = places[places["postcode"].isin(busy)]
    region_of = dict(zip(base.municipalities["area"], base.municipalities["region"], strict=True))
    places = places.assign(region=places["gemeente"].map(region_of)).dropna(subset=["region"])
    counts = full_counts(with_areas(places, municipal=True), {"area": base.areas})
    return rows("gz_locaties", counts, "locaties", period=str(edition), category="")
