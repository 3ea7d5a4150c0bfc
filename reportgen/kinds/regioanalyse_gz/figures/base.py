"""Counted GZ clients with everything the Regioanalyse figures ask of them, computed once.

The figures share one selection: GZ clients with a valid indication and a claim in January
(the Regioplan's counting rule, `prepare_base`), each with their region, municipality, age,
profile, type of care, main provider and January cost. Areas are written as the project's
area ids: a region slug, `alle-regios`, or a municipality code `GM0034`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from reportgen.data.regions import municipality_area
from reportgen.data.schema import LEVERINGSVORMEN, SECTORS, Dataset
from reportgen.indicators.base import ALL_REGIONS, prepare_base
from reportgen.indicators.care_mix import care_types

FIRST_YEAR = 2020


def municipality_id(gemeentecode: pd.Series | np.ndarray) -> np.ndarray:
    """Area id of a municipality: CBS statcode "GM" + four digits."""
    codes, uniques = pd.factorize(pd.Series(np.asarray(gemeentecode, dtype=object)).astype(str), use_na_sentinel=False)
    names = np.array([municipality_area(c) for c in uniques], dtype=object)
    return names[codes]


@dataclass(frozen=True)
class GzBase:
    """The shared starting point of every Regioanalyse figure of one edition.

    - `years`: FIRST_YEAR up to the edition.
    - `regions`: regions in the data, in document order; `municipalities`: their area ids
      with region, sorted by code.
    - `clients`: one row per counted GZ client and year; columns client, year, region, gemeente
      (area id), profile, age (the year minus year of birth), lv (leveringsvorm, "" without
      claim amounts), provider (main provider's aanbieders row, -1 for none), segment of that
      provider ("" for none), cost (January claim total).
    - `claims`: the January claims of those clients; columns client, year, lv, provider,
      postcode, bedrag.
    """

    edition: int
    years: tuple[int, ...]
    regions: tuple[str, ...]
    municipalities: pd.DataFrame
    clients: pd.DataFrame
    claims: pd.DataFrame
    memo: dict[tuple, Any] = field(default_factory=dict, compare=False, repr=False)

    def remembered(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """`compute()` once per key: intermediate results several figures share (the forecast)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    @property
    def areas(self) -> list[str]:
        """Every area id in output order: regions, alle-regios, municipalities."""
        return [*self.regions, ALL_REGIONS, *self.municipalities["area"].tolist()]

    def in_year(self, year: int) -> pd.DataFrame:
        """Counted GZ clients of one year."""
        return self.clients[self.clients["year"].to_numpy() == year]


def _main_providers(claims: pd.DataFrame) -> pd.DataFrame:
    """Per client and year the provider with the highest January amount (PGB has none)."""
    with_provider = claims[claims["provider"].to_numpy() >= 0]
    sums = with_provider.groupby(["client", "year", "provider"], as_index=False)["bedrag"].sum()
    sums = sums.sort_values(["client", "year", "bedrag", "provider"], ascending=[True, True, False, True])
    return sums.drop_duplicates(["client", "year"])[["client", "year", "provider"]]


def _care_types(claims: pd.DataFrame) -> pd.DataFrame:
    """Per client and year the type of care by the Regioplan rule (largest sum; MPT with PGB is MPT)."""
    sums = claims.groupby(["client", "year", "lv"])["bedrag"].sum().unstack("lv")
    sums = sums.reindex(columns=range(len(LEVERINGSVORMEN)))
    present = sums.notna().to_numpy()
    types = care_types(np.nan_to_num(sums.to_numpy(), nan=0.0), present)
    lv = np.append(np.asarray(LEVERINGSVORMEN, dtype=object), "")[types]
    return pd.DataFrame({"client": sums.index.get_level_values(0), "year": sums.index.get_level_values(1), "lv": lv})


def prepare_gz_base(ds: Dataset, edition: int) -> GzBase:
    """Everything the figures of `edition` share (see GzBase)."""
    base = prepare_base(ds, edition)
    years = tuple(range(min(FIRST_YEAR, edition), edition + 1))
    c = base.counted
    c = c[(c["sector"].to_numpy() == SECTORS.index("GZ")) & c["year"].isin(years).to_numpy()]
    client = c["client"].to_numpy()
    born = ds.klanten["geboortejaar"].to_numpy(dtype=np.int64)[client]
    clients = pd.DataFrame(
        {
            "client": client,
            "year": c["year"].to_numpy(),
            "region": np.asarray(base.regions, dtype=object)[c["region"].to_numpy()],
            "gemeente": municipality_id(ds.klanten["gemeentecode"].to_numpy()[client]),
            "profile": c["profile"].to_numpy(dtype=object),
            "age": c["year"].to_numpy() - born,
        }
    )
    claims = base.claims.merge(clients[["client", "year"]], on=["client", "year"])
    claims = claims.assign(postcode=np.append(base.postcodes.astype(object), "")[claims["postcode"].to_numpy()])
    clients = clients.merge(_care_types(claims), on=["client", "year"], how="left")
    clients = clients.merge(_main_providers(claims), on=["client", "year"], how="left")
    cost = claims.groupby(["client", "year"], as_index=False)["bedrag"].sum().rename(columns={"bedrag": "cost"})
    clients = clients.merge(cost, on=["client", "year"], how="left")
    provider = clients["provider"].fillna(-1).to_numpy(dtype=np.int64)
    segment_names = np.append(np.asarray(SECTORS, dtype=object), "")
    segment = np.where(provider >= 0, base.provider_segment[np.maximum(provider, 0)], -1)
    clients = clients.assign(
        lv=clients["lv"].fillna(""),
        provider=provider,
        segment=segment_names[segment],
        cost=clients["cost"].fillna(0.0),
    )
    gem = ds.gemeenten
    municipalities = pd.DataFrame(
        {"area": municipality_id(gem["gemeentecode"].to_numpy()), "region": gem["regio"].to_numpy(dtype=object)}
    )
    municipalities = municipalities[municipalities["region"].isin(base.regions)].sort_values("area")
    clients = clients.sort_values(["year", "client"], kind="stable").reset_index(drop=True)
    return GzBase(edition, years, base.regions, municipalities.reset_index(drop=True), clients, claims)
