"""The waiting list of the example data for all regions and both sectors, and the new people on it.

Builds the spells per region (GGZ calibrated per region, GZ plausible), links them to clients
where the careers allow it, and returns the people who only appear on the waiting list.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.data.regions import REGION_IDS
from reportgen.data.synth.clients import profile_shares
from reportgen.data.synth.counts import Stocks
from reportgen.data.synth.targets import GGZ_PROFILES, GZ_WAITING_SHARE, NOT_ACTIVE_SHARE, TARGETS, WAITING_STATUS
from reportgen.data.synth.waitlist import (
    NOT_ACTIVE,
    link_people,
    snapshot_rows,
    start_dates,
    waiting_spells,
    waiting_targets,
)

COUNTED_EXIT = 0.2
NOT_ACTIVE_EXIT = 0.1


@dataclass(frozen=True)
class Waiting:
    """Waiting spells (one row each) and their monthly snapshot rows.

    spells: sector, region, status, profile (global), start, end, start_date, client (global
    client number; new people are numbered after the existing clients).
    rows: spell, month (window month), weeks.
    new_people: sector, region, profile, start_date of the people only on the waiting list.
    """

    spells: pd.DataFrame
    rows: pd.DataFrame
    new_people: pd.DataFrame


def _group_spells(stocks: dict[str, Stocks], rng: np.random.Generator) -> pd.DataFrame:
    """Waiting spells of every sector and region, with exact monthly totals."""
    parts = []
    for sector_pos, sector in enumerate(("GGZ", "GZ")):
        for i, region in enumerate(REGION_IDS):
            clients_2022 = stocks[sector][region][2022]
            if sector == "GGZ":
                share, change = TARGETS[region].waiting
            else:
                share, change = GZ_WAITING_SHARE, 0.04 + 0.02 * (i % 4)
            counted = waiting_targets(share * clients_2022, change, phase=0.7 * i)
            start, end = waiting_spells(counted, COUNTED_EXIT, rng)
            status = rng.choice(3, size=len(start), p=np.array(WAITING_STATUS))
            idle_start, idle_end = waiting_spells(np.round(NOT_ACTIVE_SHARE * counted), NOT_ACTIVE_EXIT, rng)
            parts.append(
                pd.DataFrame(
                    {
                        "sector": sector_pos,
                        "region": region,
                        "group": sector_pos * 100 + i,
                        "status": np.concatenate([status, np.full(len(idle_start), NOT_ACTIVE)]),
                        "start": np.concatenate([start, idle_start]),
                        "end": np.concatenate([end, idle_end]),
                    }
                )
            )
    return pd.concat(parts, ignore_index=True)


def _profile_at_window(states: pd.DataFrame, n_clients: int) -> np.ndarray:
    """Each client's profile in January 2022 if counted then, else their first profile."""
    profile = np.full(n_clients, -1, dtype=np.int64)
    first = states.drop_duplicates("client", keep="first")
    profile[first["client"].to_numpy()] = first["profile"].to_numpy()
    jan = states[states["year"].to_numpy() == 2022]
    profile[jan["client"].to_numpy()] = jan["profile"].to_numpy()
    return profile


def build_waiting(
    stocks: dict[str, Stocks], clients: pd.DataFrame, states: pd.DataFrame, rng: np.random.Generator
) -> Waiting:
    """The waiting list: spells linked to clients where possible, new people for the rest."""
    spells = _group_spells(stocks, rng)
    region_pos = {r: i for i, r in enumerate(REGION_IDS)}
    linkable = pd.DataFrame(
        {
            "group": clients["sector"].to_numpy() * 100 + clients["region"].map(region_pos).to_numpy(),
            "start": clients["start"].to_numpy(),
            "end": clients["end"].to_numpy(),
        }
    )
    client = link_people(spells, linkable, rng)
    profile = _profile_at_window(states, len(clients))[np.maximum(client, 0)]
    new = np.flatnonzero(client < 0)
    for (sector_pos, region), rows in spells.iloc[new].groupby(["sector", "region"], sort=True).groups.items():
        sector = ("GGZ", "GZ")[sector_pos]
        shares = profile_shares(region, sector)
        drawn = rng.choice(len(shares), size=len(rows), p=shares)
        profile[spells.index.get_indexer(rows)] = drawn + (0 if sector == "GGZ" else len(GGZ_PROFILES))
    client[new] = len(clients) + np.arange(len(new))
    spells = spells.assign(profile=profile, client=client, start_date=start_dates(spells["start"].to_numpy(), rng))
    new_people = spells.iloc[new][["sector", "region", "profile", "start_date"]].reset_index(drop=True)
    rows = snapshot_rows(spells["start"].to_numpy(), spells["end"].to_numpy(), spells["start_date"].to_numpy())
    return Waiting(spells, rows, new_people)
