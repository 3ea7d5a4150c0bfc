"""Which care profiles GZ clients have: light profiles, and the mix per sector over the years."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, rows, share, with_areas

LIGHT_PROFILES = ("VG1", "VG2", "VG3", "VG4", "LVG1", "LVG2", "LG2", "LG4")
MIN_GROUP_CLIENTS = 20
"""Profile groups with fewer clients than this are left out of the mix (their share is not shown)."""

PROFILE_GROUPS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "VG": (("1-2VG", ("VG1", "VG2")), *((f"{i}VG", (f"VG{i}",)) for i in range(3, 9))),
    "LVG": (
        ("1-2LVG", ("LVG1", "LVG2")),
        ("3LVG", ("LVG3",)),
        ("4LVG", ("LVG4",)),
        ("5LVG", ("LVG5",)),
        ("SGLVG", ("SGLVG",)),
    ),
    "LG": (
        ("1-2LG", ("LG1", "LG2")),
        ("3-4LG", ("LG3", "LG4")),
        ("5LG", ("LG5",)),
        ("6LG", ("LG6",)),
        ("7LG", ("LG7",)),
    ),
    "ZG": (("ZGaud", tuple(f"ZGaud{i}" for i in range(1, 5))), ("ZGvis", tuple(f"ZGvis{i}" for i in range(1, 6)))),
}
"""Per sector, the printed profile groups and the profiles in each."""

GROUP_OF: dict[str, tuple[str, str]] = {
    profile: (sector, group)
    for sector, groups in PROFILE_GROUPS.items()
    for group, members in groups
    for profile in members
}
"""zorgprofiel -> (sector, printed group)."""
SECTOR_OF = {profile: sector for profile, (sector, _) in GROUP_OF.items()}
GROUP_NAME_OF = {profile: group for profile, (_, group) in GROUP_OF.items()}
CATEGORY_OF = {profile: f"{sector}|{group}" for profile, (sector, group) in GROUP_OF.items()}


def gz_lichte_profielen(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Counted GZ clients of the edition with a light profile (VG1-4, LVG1-2, LG2, LG4): number and share."""
    base = base or prepare_gz_base(ds, edition)
    clients = base.in_year(edition)
    areas = [*base.regions, "alle-regios"]
    light = with_areas(clients[clients["profile"].isin(LIGHT_PROFILES).to_numpy()])
    counts = full_counts(light, {"area": areas})
    totals = full_counts(with_areas(clients, keep=[]), {"area": areas})
    period = str(edition)
    return pd.concat(
        [
            rows("gz_lichte_profielen", counts, "klanten", period=period, category=""),
            rows("gz_lichte_profielen", share(counts, totals), "aandeel", period=period, category=""),
        ],
        ignore_index=True,
    )


def gz_profielmix(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Clients per sector and profile group per year ("VG|3VG"), with shares within the sector.

    Groups with fewer than MIN_GROUP_CLIENTS clients in an area and year are left out, so the
    shown shares of a sector may add up to less than 100%. The sector totals are the
    indicator gz_profielmix_totaal.
    """
    base = base or prepare_gz_base(ds, edition)
    labels = [f"{sector}|{group}" for sector, groups in PROFILE_GROUPS.items() for group, _ in groups]
    grouped = base.clients.assign(category=base.clients["profile"].map(CATEGORY_OF)).dropna(subset=["category"])
    located = with_areas(grouped)
    areas = [*base.regions, "alle-regios"]
    counts = full_counts(located, {"area": areas, "year": base.years, "category": labels})
    counts = counts.rename_axis(["area", "period", "category"])
    sector = counts.index.get_level_values("category").str.split("|").str[0].to_numpy()
    keys = [counts.index.get_level_values("area"), counts.index.get_level_values("period"), sector]
    whole = counts.groupby(keys).transform("sum").to_numpy()
    shares = pd.Series(np.where(whole > 0, counts.to_numpy() / np.maximum(whole, 1), np.nan), index=counts.index)
    totals = counts.groupby(keys).sum().rename_axis(["area", "period", "category"])
    shown = counts.to_numpy() >= MIN_GROUP_CLIENTS
    return pd.concat(
        [
            rows("gz_profielmix", counts[shown], "klanten"),
            rows("gz_profielmix", shares[shown], "aandeel"),
            rows("gz_profielmix_totaal", totals, "klanten"),
        ],
        ignore_index=True,
    )
