"""Care at home and where demand grows: living independently, and growth of care per municipality.

A client lives independently ("zelfstandig wonen met Wlz-zorg") when their type of care in
January is VPT, MPT or PGB (a client with both MPT and PGB counts as MPT). The growth of care
assignments per municipality and sector feeds the maps of locations.
"""

from __future__ import annotations

import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, growth_percent, rows, share, with_areas
from reportgen.kinds.regioanalyse_gz.figures.profiles import SECTOR_OF

HOME_FORMS = ("VPT", "MPT", "PGB")
GZ_SECTORS = ("VG", "LVG", "LG", "ZG")


def independent_counts(base: GzBase) -> tuple[pd.Series, pd.Series]:
    """Clients living independently and all clients, per area and year (regions, all, municipalities)."""

    def count() -> tuple[pd.Series, pd.Series]:
        located = with_areas(base.clients, municipal=True, keep=["year", "lv"])
        levels = {"area": base.areas, "year": base.years}
        home = full_counts(located[located["lv"].isin(HOME_FORMS).to_numpy()], levels)
        return home.rename_axis(["area", "period"]), full_counts(located, levels).rename_axis(["area", "period"])

    return base.remembered(("independent_counts",), count)


def gz_zelfstandig(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Clients living independently per area and year: number and share of all counted GZ clients."""
    base = base or prepare_gz_base(ds, edition)
    home, total = independent_counts(base)
    return pd.concat(
        [
            rows("gz_zelfstandig", home, "klanten", category=""),
            rows("gz_zelfstandig", share(home, total), "aandeel", category=""),
        ],
        ignore_index=True,
    )


def gz_zelfstandig_verandering(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Change of the share living independently from the first year to the edition, in %-points."""
    base = base or prepare_gz_base(ds, edition)
    home, total = independent_counts(base)
    shares = share(home, total).unstack("period")
    first, last = base.years[0], base.years[-1]
    change = 100.0 * (shares[last] - shares[first])
    return rows("gz_zelfstandig_verandering", change, "procentpunt", period=f"{first}-{last}", category="")


def gz_toewijzingen_groei(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Counted GZ clients per area and sector (VG, LVG, LG, ZG) with their total, first year and
    edition, and the growth in %.

    The total is a row of its own so that suppression can hide it: a municipality's total
    would otherwise be its region's total minus the other municipalities' totals.
    """
    base = base or prepare_gz_base(ds, edition)
    first, last = base.years[0], base.years[-1]
    clients = base.clients[base.clients["year"].isin((first, last)).to_numpy()]
    sector = clients["profile"].map(SECTOR_OF)
    located = with_areas(clients.assign(category=sector.to_numpy()).dropna(subset=["category"]), municipal=True)
    counts = full_counts(located, {"area": base.areas, "category": GZ_SECTORS, "year": (first, last)})
    wide = counts.unstack("year")
    change = pd.Series(growth_percent(wide[first].to_numpy(), wide[last].to_numpy()), index=wide.index)
    totals = counts.groupby(level=["area", "year"], sort=False).sum().rename_axis(["area", "period"])
    return pd.concat(
        [
            rows("gz_toewijzingen", counts.rename_axis(["area", "category", "period"]), "klanten"),
            rows("gz_toewijzingen", totals, "klanten", category="totaal"),
            rows("gz_toewijzingen_groei", change, "procent", period=f"{first}-{last}"),
        ],
        ignore_index=True,
    )
