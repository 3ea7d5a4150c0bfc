"""All clients of the example data with their care states, providers and locations.

Glues the per-region steps together: spells and yearly states per sector and region, then
providers, then locations (GGZ January 2023 grouped exactly, everything else sticky).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.data.regions import REGION_IDS
from reportgen.data.synth.clients import care_spells, yearly_states
from reportgen.data.synth.counts import Stocks
from reportgen.data.synth.locations import INTRAMURAL, assign_locations, ggz_groups, make_locations
from reportgen.data.synth.providers import assign_providers, make_providers
from reportgen.data.synth.targets import GGZ_EXIT_RATE, GGZ_PROFILES, GZ_EXIT_RATE

SECTOR_NAMES = ("GGZ", "GZ")


@dataclass(frozen=True)
class Careers:
    """Clients (one row each), their states (sorted by client, switch), providers and locations."""

    clients: pd.DataFrame
    states: pd.DataFrame
    providers: pd.DataFrame
    locations: pd.DataFrame


def client_states(stocks: dict[str, Stocks], rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clients and states of both sectors and all regions, with global client numbers.

    Client columns: sector (0 GGZ, 1 GZ), region, start, start_day, end, end_day, closed,
    first_year, last_year. State profiles index GGZ_PROFILES + GZ_PROFILES.
    """
    client_parts, state_parts = [], []
    offset = 0
    for sector_pos, sector in enumerate(SECTOR_NAMES):
        exit_rate = GGZ_EXIT_RATE if sector == "GGZ" else GZ_EXIT_RATE
        for region in REGION_IDS:
            spells = care_spells(stocks[sector][region], exit_rate, sector, rng)
            states = yearly_states(spells, region, sector, rng)
            client_parts.append(
                pd.DataFrame(
                    {
                        "sector": np.full(len(spells), sector_pos),
                        "region": region,
                        "start": spells.start,
                        "start_day": spells.start_day,
                        "end": spells.end,
                        "end_day": spells.end_day,
                        "closed": spells.closed,
                        "first_year": spells.first_year,
                        "last_year": spells.last_year,
                    }
                )
            )
            states["client"] += offset
            states["profile"] += 0 if sector == "GGZ" else len(GGZ_PROFILES)
            states["region"] = region
            state_parts.append(states)
            offset += len(spells)
    clients = pd.concat(client_parts, ignore_index=True)
    states = pd.concat(state_parts, ignore_index=True)
    return clients, states.sort_values(["client", "switch"], kind="stable", ignore_index=True)


def build_careers(
    stocks: dict[str, Stocks],
    location_targets: dict[str, int],
    municipalities: pd.DataFrame,
    scale: float,
    rng: np.random.Generator,
) -> Careers:
    """Every client's career: states, provider per state and location per intramural state."""
    clients, states = client_states(stocks, rng)
    places = {
        region: frame.sort_values("inwoners_2023", ascending=False, kind="stable")["gemeente"].tolist()
        for region, frame in municipalities.groupby("regio", sort=True)
    }
    providers = make_providers(places, scale, rng)
    states["provider"] = assign_providers(states, providers, rng)

    ggz = clients["sector"].to_numpy()[states["client"].to_numpy()] == 0
    group = np.full(len(states), -1, dtype=np.int64)
    ggz_rows = np.flatnonzero(ggz)
    group[ggz_rows], n_groups = ggz_groups(states.iloc[ggz_rows], providers, location_targets, rng)
    gz_intramural = (
        states[~ggz & (states["care"].to_numpy() == INTRAMURAL)]
        .groupby(["provider", "year"])
        .size()
        .groupby(level=0)
        .max()
        .reindex(range(len(providers)), fill_value=0)
        .to_numpy()
    )
    locations = make_locations(providers, n_groups, gz_intramural, municipalities, rng)
    first_loc = np.searchsorted(locations["provider"].to_numpy(), np.arange(len(providers)))
    fixed = np.where(group >= 0, first_loc[states["provider"].to_numpy()] + group, -1)
    location = np.full(len(states), -1, dtype=np.int64)
    ggz_states = states.iloc[ggz_rows]
    location[ggz_rows] = assign_locations(ggz_states, locations, fixed[ggz_rows], [2023, 2022, 2021, 0], rng)
    gz_rows = np.flatnonzero(~ggz)
    location[gz_rows] = assign_locations(
        states.iloc[gz_rows], locations, fixed[gz_rows], [2020, 2021, 2022, 2023, 0], rng
    )
    states["location"] = location
    return Careers(clients, states, providers, locations)
