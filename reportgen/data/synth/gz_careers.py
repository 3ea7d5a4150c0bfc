"""GZ careers adjusted after they are drawn: sectorvreemde zorg, and 't Gooi's care mix and locations.

Runs on the finished careers with a random stream of its own and changes GZ states only, so
the GGZ clients, providers, locations and every draw before it stay exactly as they were.

- **Sectorvreemd.** Per region a share of the GZ clients of January 2023 (more often with a
  profile VV providers take in: ZGvis, LG6, LG7, VG3) gets a VV provider of their region for
  their whole career, a few a GGZ provider (intramural ones; in 't Gooi fewer than five, so
  that provider does not count). 't Gooi's smallest GZ provider hands its GZ clients to
  another, so that with the VV provider 't Gooi keeps its 17 providers.
- **'t Gooi care mix** (scale 1): enough intramural GZ states become MPT that the VPT/MPT share
  follows GOOI_PACKAGE_SHARE (see targets_gz.py).
- **'t Gooi locations** (scale 1): the intramural GZ clients of each provider are grouped
  into locations of five or more, GOOI_LOCATIONS in all.
- **Homes off the register** (`homes_off_the_register`): no GZ client's home shares a postcode
  with a care location, so VPT/MPT at home never makes a register location count by chance.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from reportgen.data.synth.careers import Careers
from reportgen.data.synth.ids import PC6_PER_PC4
from reportgen.data.synth.quota import capped_apportionment
from reportgen.data.synth.targets import GGZ_PROFILES, GZ_PROFILES
from reportgen.data.synth.targets_gz import (
    GOOI_LOCATIONS,
    GOOI_PACKAGE_SHARE,
    SECTORVREEMD_GZ,
    VV_PROFILE_WEIGHT,
)

INTRAMURAL, VPT, MPT, PGB = 0, 1, 2, 3
GGZ_SEGMENT, GZ_SEGMENT, VV_SEGMENT = 0, 1, 2
GOOI = "t-gooi"
EDITION = 2023
MIN_INTRAMURAL = 5


def adjusted_gz_careers(careers: Careers, calibrate: bool, rng: np.random.Generator) -> Careers:
    """The careers with the adjustments of the module docstring (the 't Gooi ones only if `calibrate`)."""
    states = careers.states.copy()
    gz = careers.clients["sector"].to_numpy()[states["client"].to_numpy()] == 1
    _sectorvreemd(states, gz, careers.providers, rng)
    if calibrate:
        _gooi_care_mix(states, gz, rng)
    _relocate(states, gz, careers, calibrate, rng)
    return replace(careers, states=states)


def _profile_weights(profile: np.ndarray) -> np.ndarray:
    """Weight of each GZ profile (position in GGZ_PROFILES + GZ_PROFILES) for being at a VV provider."""
    names = np.array(GGZ_PROFILES + GZ_PROFILES, dtype=object)[profile]
    weight = np.ones(len(profile))
    for prefix, w in VV_PROFILE_WEIGHT.items():
        weight[np.array([n == prefix or n.startswith(prefix) for n in names])] = w
    return weight


def _sectorvreemd(states: pd.DataFrame, gz: np.ndarray, providers: pd.DataFrame, rng: np.random.Generator) -> None:
    """Move the chosen GZ clients' careers to a VV (or GGZ) provider of their region, in place."""
    client, year, care = states["client"].to_numpy(), states["year"].to_numpy(), states["care"].to_numpy()
    region = states["region"].to_numpy()
    provider = states["provider"].to_numpy().copy()
    segment = states["segment"].to_numpy().copy()
    p_region, p_segment = providers["region"].to_numpy(), providers["segment"].to_numpy()
    for r in sorted(set(region[gz])):
        now = gz & (region == r) & (year == EDITION)
        with_provider = np.unique(client[now & (care != PGB)])
        vv_share, ggz_share = SECTORVREEMD_GZ.get(r, SECTORVREEMD_GZ["overig"])
        n_vv, n_ggz = round(vv_share * len(with_provider)), round(ggz_share * len(with_provider))
        rows = np.flatnonzero(now & (care != PGB))
        rows = rows[np.unique(client[rows], return_index=True)[1]]
        weight = _profile_weights(states["profile"].to_numpy()[rows])
        vv_clients = np.sort(rng.choice(client[rows], size=n_vv, replace=False, p=weight / weight.sum()))
        intra = np.setdiff1d(client[rows][care[rows] == INTRAMURAL], vv_clients)
        cap = MIN_INTRAMURAL - 1 if r == GOOI else len(intra)
        ggz_clients = np.sort(rng.choice(intra, size=min(n_ggz, len(intra), cap), replace=False))
        for chosen, seg in ((vv_clients, VV_SEGMENT), (ggz_clients, GGZ_SEGMENT)):
            candidates = np.flatnonzero((p_region == r) & (p_segment == seg))
            if len(chosen) and len(candidates):
                moved = gz & np.isin(client, chosen)
                provider[moved], segment[moved] = candidates[0], seg
    if GOOI in set(region[gz]):
        gooi_gz = np.flatnonzero((p_region == GOOI) & (p_segment == GZ_SEGMENT))
        served = [(int((gz & (provider == p) & (year == EDITION)).sum()), p) for p in gooi_gz]
        served = sorted(s for s in served if s[0] > 0)
        if len(served) > 1:
            smallest, taker = served[0][1], served[1][1]
            provider[gz & (provider == smallest)] = taker
    states["provider"], states["segment"] = provider, segment


def _gooi_care_mix(states: pd.DataFrame, gz: np.ndarray, rng: np.random.Generator) -> None:
    """Turn intramural GZ states of 't Gooi into MPT until each year's VPT/MPT share is GOOI_PACKAGE_SHARE's."""
    client, year, care = states["client"].to_numpy(), states["year"].to_numpy(), states["care"].to_numpy().copy()
    gooi = gz & (states["region"].to_numpy() == GOOI)
    order = rng.permutation(np.unique(client[gooi]))
    rank = np.full(int(client.max()) + 1, len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    for y, share in GOOI_PACKAGE_SHARE.items():
        in_year = gooi & (year == y)
        per_client = pd.DataFrame({"client": client[in_year], "care": care[in_year]}).drop_duplicates("client")
        packages = int(per_client["care"].isin([VPT, MPT]).sum())
        wanted = round(share * len(per_client)) - packages
        intra = per_client.loc[per_client["care"] == INTRAMURAL, "client"].to_numpy()
        chosen = intra[np.argsort(rank[intra], kind="stable")][: max(wanted, 0)]
        care[in_year & np.isin(client, chosen) & (care == INTRAMURAL)] = MPT
    states["care"] = care


def _relocate(
    states: pd.DataFrame, gz: np.ndarray, careers: Careers, calibrate: bool, rng: np.random.Generator
) -> None:
    """A location of the current provider for every intramural GZ state whose provider changed;
    with `calibrate`, 't Gooi's intramural GZ clients grouped into exactly GOOI_LOCATIONS locations."""
    loc_provider = careers.locations["provider"].to_numpy()
    first = np.searchsorted(loc_provider, np.arange(len(careers.providers) + 1))
    provider, location = states["provider"].to_numpy(), states["location"].to_numpy().copy()
    intramural = gz & (states["care"].to_numpy() == INTRAMURAL)
    location[gz & ~intramural] = -1
    wrong = intramural & ((location < 0) | (loc_provider[np.maximum(location, 0)] != provider))
    if calibrate:
        wrong |= intramural & (states["region"].to_numpy() == GOOI)
    client = states["client"].to_numpy()
    pairs = pd.DataFrame({"client": client[wrong], "provider": provider[wrong]}).drop_duplicates()
    n_loc = first[pairs["provider"].to_numpy() + 1] - first[pairs["provider"].to_numpy()]
    pick = first[pairs["provider"].to_numpy()] + rng.integers(0, np.maximum(n_loc, 1))
    if calibrate:
        pick = _gooi_groups(pairs, states, intramural, first, pick, rng)
    chosen = pairs.assign(location=pick)
    key = pd.MultiIndex.from_arrays([client[wrong], provider[wrong]])
    location[wrong] = chosen.set_index(["client", "provider"])["location"].reindex(key).to_numpy()
    states["location"] = location


def _gooi_groups(
    pairs: pd.DataFrame,
    states: pd.DataFrame,
    intramural: np.ndarray,
    first: np.ndarray,
    pick: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """Locations for 't Gooi's (client, provider) pairs: each provider's clients intramural in the
    edition fill k locations of five or more, the k over providers summing to GOOI_LOCATIONS."""
    region, year = states["region"].to_numpy(), states["year"].to_numpy()
    now = intramural & (region == GOOI) & (year == EDITION)
    counted = pd.DataFrame({"client": states["client"].to_numpy()[now], "provider": states["provider"].to_numpy()[now]})
    counted = counted.drop_duplicates()
    sizes = counted.groupby("provider").size()
    n_loc = first[sizes.index.to_numpy() + 1] - first[sizes.index.to_numpy()]
    k = capped_apportionment(GOOI_LOCATIONS, sizes.to_numpy(), np.minimum(sizes.to_numpy() // MIN_INTRAMURAL, n_loc))
    pick = pick.copy()
    pair_client, pair_provider = pairs["client"].to_numpy(), pairs["provider"].to_numpy()
    for p, n, kp in zip(sizes.index.to_numpy(), sizes.to_numpy(), k, strict=True):
        members = rng.permutation(counted.loc[counted["provider"] == p, "client"].to_numpy())
        group = np.arange(n) % max(kp, 1)
        slot = dict(zip(members.tolist(), (first[p] + group).tolist(), strict=True))
        rows = np.flatnonzero(pair_provider == p)
        others = first[p] + rng.integers(0, max(kp, 1), size=len(rows))
        pick[rows] = [slot.get(c, o) for c, o in zip(pair_client[rows].tolist(), others.tolist(), strict=True)]
    return pick


def homes_off_the_register(home: np.ndarray, gz_client: np.ndarray, register: np.ndarray) -> np.ndarray:
    """Home postcode codes where no GZ client (mask `gz_client`) lives on a postcode of the
    location register (`register`: its postcode codes); such a home moves to the next free
    letter pair of the same 4-digit area. Other clients' homes are returned unchanged.

    Two GZ clients with VPT or MPT on a register postcode would make that location count
    (from two clients at home); the example data keeps VPT and MPT at home, off the register.
    """
    out = np.asarray(home, dtype=np.int64).copy()
    on_register = gz_client & np.isin(out, register)
    for _ in range(PC6_PER_PC4):
        if not on_register.any():
            break
        pc4, pair = np.divmod(out[on_register], PC6_PER_PC4)
        out[on_register] = pc4 * PC6_PER_PC4 + (pair + 1) % PC6_PER_PC4
        on_register = gz_client & np.isin(out, register)
    return out
