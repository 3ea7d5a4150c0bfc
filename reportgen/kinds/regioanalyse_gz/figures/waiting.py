"""The GZ waiting list: who waits as a share of clients in care, and how long until placement.

Monthly snapshots give the waiting share: waiters with a GZ profile and status urgent or
actief (or wacht op voorkeur) over the counted GZ clients of the same year's January. Waiting
spells with a placement date give the weeks until placement; a placement is outside the
streefnorm when it took longer than the streefnorm of its status and classification.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.indicators.base import ALL_REGIONS
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, full_sums, rows, share, with_areas
from reportgen.kinds.regioanalyse_gz.figures.profiles import GROUP_OF

ACTIVE = ("urgent", "actief")
PREFERENCE = "wacht op voorkeur"
WAIT_GROUPS = ("1-2VG", "3VG", "4VG", "5VG", "6VG", "7VG", "8VG", "LVG", "LG", "ZG")
DAYS_PER_WEEK = 7
WAIT_GROUP_OF = {p: (name if sector == "VG" else sector) for p, (sector, name) in GROUP_OF.items()}
"""zorgprofiel -> waiting group."""


def wait_group(profile: pd.Series) -> pd.Series:
    """The printed waiting group of a GZ profile: VG by profile group, LVG, LG and ZG as one; None otherwise."""

    return profile.map(WAIT_GROUP_OF)


def _client_region(ds: Dataset, base: GzBase, klant_id: pd.Series) -> np.ndarray:
    """The region of each waiting client via their municipality (None when unknown)."""

    def regions_of_clients() -> np.ndarray:
        gem = ds.gemeenten.set_index("gemeentecode")["regio"]
        region = ds.klanten["gemeentecode"].map(gem)
        return np.append(region.where(region.isin(base.regions)).to_numpy(dtype=object), None)

    per_client = base.remembered(("client_regions",), regions_of_clients)
    index = base.remembered(("klant_index",), lambda: pd.Index(ds.klanten["klant_id"]))
    position = index.get_indexer(klant_id)
    return per_client[position]


def gz_wachtend(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """GZ waiters per month (urgent/actief and wacht op voorkeur) as numbers and shares of clients in care."""
    base = base or prepare_gz_base(ds, edition)
    snap = ds.wachtlijst
    snap = snap.assign(region=_client_region(ds, base, snap["klant_id"]), group=wait_group(snap["zorgprofiel"]))
    snap = snap.dropna(subset=["region", "group"])
    status = np.where(
        snap["status"].isin(ACTIVE), "actief/urgent", np.where(snap["status"] == PREFERENCE, PREFERENCE, "")
    )
    snap = snap.assign(category=status, period=snap["peilmaand"])
    snap = snap[snap["category"] != ""]
    months = sorted(snap["peilmaand"].unique())
    areas = [*base.regions, ALL_REGIONS]
    counts = full_counts(with_areas(snap), {"area": areas, "period": months, "category": ("actief/urgent", PREFERENCE)})
    in_care = full_counts(with_areas(base.clients, keep=["year"]), {"area": areas, "year": base.years})
    denominator = np.array([in_care.get((a, int(m[:4])), np.nan) for a, m, _ in counts.index])
    shares = np.full(len(counts), np.nan)
    np.divide(counts.to_numpy(), denominator, out=shares, where=denominator > 0)
    return pd.concat(
        [
            rows("gz_wachtend", counts, "wachtenden"),
            rows("gz_wachtend", pd.Series(shares, index=counts.index), "aandeel"),
        ],
        ignore_index=True,
    )


def placed_spells(ds: Dataset, base: GzBase, year: int) -> pd.DataFrame:
    """GZ waiting spells placed in `year`, with region, group, weeks until placement and streefnorm."""
    spells = ds.wachtperiodes.dropna(subset=["geplaatst_op"])
    spells = spells[spells["geplaatst_op"].dt.year.to_numpy() == year]
    spells = spells.assign(region=_client_region(ds, base, spells["klant_id"]), group=wait_group(spells["zorgprofiel"]))
    spells = spells.dropna(subset=["region", "group"])
    weeks = (spells["geplaatst_op"] - spells["wacht_van"]).dt.days.to_numpy() / DAYS_PER_WEEK
    classification = spells["group"].map(lambda g: "VG" if g.endswith("VG") and g != "LVG" else g)
    norms = dict(
        zip(
            zip(ds.streefnormen["status"], ds.streefnormen["classificatie"], strict=True),
            ds.streefnormen["weken"],
            strict=True,
        )
    )
    norm = np.array(
        [norms.get(k, np.nan) for k in zip(spells["status"], classification, strict=True)], dtype=np.float64
    )
    return spells.assign(weeks=weeks, norm=norm, category=spells["group"])


def gz_buiten_streefnorm(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Urgent/actief placements of the edition year outside the streefnorm: number and share per group."""
    base = base or prepare_gz_base(ds, edition)
    spells = placed_spells(ds, base, edition)
    spells = spells[spells["status"].isin(ACTIVE).to_numpy() & ~np.isnan(spells["norm"].to_numpy())]
    late = spells[spells["weeks"].to_numpy() > spells["norm"].to_numpy()]
    areas = [*base.regions, ALL_REGIONS]
    groups = {"area": areas, "category": WAIT_GROUPS}
    counts = pd.concat([full_counts(with_areas(late), groups), _totals(with_areas(late), areas)])
    placed = pd.concat([full_counts(with_areas(spells), groups), _totals(with_areas(spells), areas)])
    period = str(edition)
    return pd.concat(
        [
            rows("gz_buiten_streefnorm", counts, "wachtenden", period=period),
            rows("gz_buiten_streefnorm", share(counts, placed), "aandeel", period=period),
        ],
        ignore_index=True,
    )


def gz_wachttijd_voorkeur(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Mean weeks until placement of wacht-op-voorkeur spells placed in the year before the edition."""
    base = base or prepare_gz_base(ds, edition)
    year = edition - 1
    spells = placed_spells(ds, base, year)
    spells = spells[(spells["status"] == PREFERENCE).to_numpy()]
    located = with_areas(spells)
    areas = [*base.regions, ALL_REGIONS]
    groups = {"area": areas, "category": WAIT_GROUPS}
    n = pd.concat([full_counts(located, groups), _totals(located, areas)])
    weeks = pd.concat([full_sums(located, groups, "weeks"), _totals(located, areas, "weeks")])
    mean = pd.Series(np.where(n.to_numpy() > 0, weeks.to_numpy() / np.maximum(n.to_numpy(), 1), np.nan), index=n.index)
    return pd.concat(
        [
            rows("gz_wachttijd_voorkeur", n, "wachtenden", period=str(year)),
            rows("gz_wachttijd_voorkeur_weken", mean, "weken", period=str(year)),
        ],
        ignore_index=True,
    )


def _totals(located: pd.DataFrame, areas: list[str], column: str | None = None) -> pd.Series:
    """Per area the count (or sum of `column`) over all groups, with category "totaal"."""
    values = full_sums(located, {"area": areas}, column) if column else full_counts(located, {"area": areas})
    return pd.Series(
        values.to_numpy(), index=pd.MultiIndex.from_product([areas, ["totaal"]], names=["area", "category"])
    )
