"""Care locations (the Zorgatlas-like register) and where each intramural client lives.

The Regioplan counts a location when more than two GGZ clients live at its postcode in
January. To hit the published number of locations per region exactly, the GGZ clients in
intramural care in January 2023 are grouped per provider into exactly that many groups of
three or more, plus groups of one or two (for instance a GGZ client in a nursing home).
Each group gets its own location; other years and GZ clients reuse a provider's locations,
staying where they lived as long as they stay with the same provider.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.synth.ids import distinct_pc6
from reportgen.data.synth.quota import capped_apportionment

INTRAMURAL = 0
GROUP_SIZE_GZ = 12
SECTORVREEMD_LOCATION_WEIGHT = 0.4


def _group_sizes(n: int, k: int, rng: np.random.Generator) -> np.ndarray:
    """Sizes of groups for `n` clients: exactly `k` groups of three or more, the rest of one or two."""
    small_total = 0 if k == 0 else min(n - 3 * k, int(rng.integers(0, 4)))
    if k == 0:
        small_total = n
    big_total = n - small_total
    big = np.zeros(0, dtype=np.int64)
    if k:
        big = 3 + rng.multinomial(big_total - 3 * k, rng.dirichlet(np.full(k, 2.0)))
    small = np.full(small_total // 2, 2)
    if small_total % 2:
        small = np.append(small, 1)
    return np.concatenate([big, small]).astype(np.int64)


def ggz_groups(
    states: pd.DataFrame, providers: pd.DataFrame, targets: dict[str, int], rng: np.random.Generator
) -> tuple[np.ndarray, dict[int, int]]:
    """Group number (within its provider) of each GGZ intramural state of January 2023, -1 elsewhere.

    Returns the group per state row and the number of groups per provider position.
    `states` are GGZ states with columns year, care, provider, region.
    """
    group = np.full(len(states), -1, dtype=np.int64)
    n_groups: dict[int, int] = {}
    sel = np.flatnonzero((states["year"].to_numpy() == 2023) & (states["care"].to_numpy() == INTRAMURAL))
    provider = states["provider"].to_numpy()
    for region, target in targets.items():
        rows = sel[states["region"].to_numpy()[sel] == region]
        pids, counts = np.unique(provider[rows], return_counts=True)
        segment_weight = np.where(providers["segment"].to_numpy()[pids] == 0, 1.0, SECTORVREEMD_LOCATION_WEIGHT)
        k = capped_apportionment(target, counts * segment_weight, counts // 3)
        for pid, n, kp in zip(pids, counts, k, strict=True):
            members = rng.permutation(rows[provider[rows] == pid])
            sizes = _group_sizes(int(n), int(kp), rng)
            group[members] = np.repeat(np.arange(len(sizes)), sizes)
            n_groups[int(pid)] = len(sizes)
    return group, n_groups


def make_locations(
    providers: pd.DataFrame,
    n_groups: dict[int, int],
    gz_intramural: np.ndarray,
    municipalities: pd.DataFrame,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """The location register: provider, municipality position and a distinct postcode code.

    A provider gets a location per GGZ group, enough for its GZ clients (`gz_intramural`:
    most intramural GZ states per provider in one year) and a few more without clients.
    """
    extra = rng.integers(0, 3, size=len(providers))
    extra = np.where(providers["segment"].to_numpy() == 2, extra + rng.integers(2, 7, size=len(providers)), extra)
    gz_need = np.ceil(gz_intramural / GROUP_SIZE_GZ).astype(np.int64)
    groups = np.array([n_groups.get(p, 0) for p in range(len(providers))], dtype=np.int64)
    n_loc = np.maximum(np.maximum(groups, gz_need), 1) + extra
    provider = np.repeat(np.arange(len(providers)), n_loc)
    municipality = np.zeros(len(provider), dtype=np.int64)
    regions = providers["region"].to_numpy()[provider]
    for region, frame in municipalities.groupby("regio", sort=True):
        rows = np.flatnonzero(regions == region)
        w = frame["inwoners_2023"].to_numpy(dtype=np.float64)
        municipality[rows] = rng.choice(frame.index.to_numpy(), size=len(rows), p=w / w.sum())
    low = municipalities["pc4_van"].to_numpy()[municipality]
    high = municipalities["pc4_tot"].to_numpy()[municipality]
    return pd.DataFrame({"provider": provider, "municipality": municipality, "pc6": distinct_pc6(low, high, rng)})


def assign_locations(
    states: pd.DataFrame,
    locations: pd.DataFrame,
    fixed: np.ndarray,
    year_order: list[int],
    rng: np.random.Generator,
) -> np.ndarray:
    """Location position per intramural state (-1 for care at home).

    `fixed` holds locations already decided (or -1). The other intramural states are visited
    year by year in `year_order`: a client keeps the location of the previously visited year
    if the provider is the same, else gets one of the provider's locations at random.
    """
    first_loc = np.searchsorted(locations["provider"].to_numpy(), np.arange(int(locations["provider"].max()) + 2))
    n_loc = np.diff(first_loc)
    location = fixed.copy()
    client = states["client"].to_numpy()
    provider = states["provider"].to_numpy()
    intramural = states["care"].to_numpy() == INTRAMURAL
    year = states["year"].to_numpy()
    current = np.full(int(client.max()) + 1, -1, dtype=np.int64)
    current_provider = np.full(len(current), -1, dtype=np.int64)
    for y in year_order:
        idx = np.flatnonzero(year == y)
        todo = idx[intramural[idx] & (location[idx] < 0)]
        same = current_provider[client[todo]] == provider[todo]
        keep = todo[same & (current[client[todo]] >= 0)]
        location[keep] = current[client[keep]]
        draw = np.setdiff1d(todo, keep)
        pick = rng.integers(0, np.maximum(n_loc[provider[draw]], 1))
        location[draw] = first_loc[provider[draw]] + pick
        done = idx[intramural[idx]]
        current[client[done]] = location[done]
        current_provider[client[done]] = provider[done]
    return location
