"""Client careers for the example data: when each client is in care, and in which state.

A region's clients are built as a stock that flows: the clients in care in the first January,
then per year some leave (death, moving away) and new clients arrive, so that exactly the
planned number is in care in every January. Short stays between two Januaries and arrivals
after January 2023 make the flows look real without touching the counts.

A client's *state* (profile, type of care, segment of the provider) is fixed per counted
January and changes, if at all, in some month between two Januaries.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.data.synth.ids import N_MONTHS
from reportgen.data.synth.quota import shares_to_counts, sticky_labels, unset_fraction
from reportgen.data.synth.targets import (
    CARE_SWITCH,
    GGZ_B_MIX,
    GGZ_REASSESSMENT,
    GOOI_LIGHT_SHARE,
    GZ_CARE,
    GZ_PROFILE_SHARES,
    GZ_PROFILES,
    GZ_REASSESSMENT,
    LIGHT_GZ_PROFILES,
    SHORT_STAY_RATE,
    TARGETS,
)

PGB = 3  # position of "PGB" in LEVERINGSVORMEN
SEGMENT_GGZ, SEGMENT_GZ, SEGMENT_VV = 0, 1, 2  # positions in SECTORS
SV_WEIGHT = np.array([0.6, 0.8, 2.0, 1.6, 1.2, 0.5, 0.5, 0.5, 0.5, 0.5])
VV_WEIGHT = np.array([0.5, 0.6, 1.0, 1.2, 1.1, 0.6, 0.6, 0.6, 0.6, 0.6])
LATE_ARRIVALS = 0.15  # arrivals after January 2023, as a share of the clients then in care


def january(year: int) -> int:
    """Month number (0 = January 2020) of January of `year`."""
    return 12 * (year - 2020)


@dataclass(frozen=True)
class Spells:
    """Care spells of one region's clients of one sector (one entry per client).

    start/end: month numbers of the first and last claim (start < 0: in care since before the
    data begins); start_day/end_day: day of the month care began/ended; closed: care ended
    within the data; first_year/last_year: first and last counted January (0: never counted).
    """

    start: np.ndarray
    start_day: np.ndarray
    end: np.ndarray
    end_day: np.ndarray
    closed: np.ndarray
    first_year: np.ndarray
    last_year: np.ndarray

    def __len__(self) -> int:
        return len(self.start)


def care_spells(stocks: dict[int, int], exit_rate: float, sector: str, rng: np.random.Generator) -> Spells:
    """Spells such that exactly stocks[Y] clients are in care (and claimed) in January Y."""
    years = sorted(stocks)
    n0 = stocks[years[0]]
    start = [(-rng.integers(1, 240, n0)) if sector == "GZ" else np.full(n0, january(years[0]))]
    first = [np.full(n0, years[0])]
    size = n0
    end = np.full(3 * sum(stocks.values()) + 64, N_MONTHS - 1)
    closed = np.zeros(len(end), dtype=bool)
    last = np.full(len(end), years[-1])
    active = np.arange(n0)

    def leave(ids: np.ndarray, lo: int, hi: int) -> None:
        end[ids] = rng.integers(lo, hi + 1, size=len(ids))
        closed[ids] = True

    for year, following in zip(years, years[1:], strict=False):
        n_now, n_next = stocks[year], stocks[following]
        n_leave = max(round(exit_rate * n_now), n_now - n_next)
        leavers = rng.choice(active, size=n_leave, replace=False)
        leave(leavers, january(year), january(year) + 11)
        last[leavers] = year
        arrivals = np.arange(size, size + n_next - n_now + n_leave)
        start.append(rng.integers(january(year) + 1, january(following) + 1, size=len(arrivals)))
        first.append(np.full(len(arrivals), following))
        size += len(arrivals)
        short = np.arange(size, size + round(SHORT_STAY_RATE * n_now))
        short_start = rng.integers(january(year) + 1, january(year) + 11, size=len(short))
        start.append(short_start)
        first.append(np.zeros(len(short), dtype=np.int64))
        end[short] = short_start + rng.integers(0, january(year) + 12 - short_start)
        closed[short] = True
        size += len(short)
        active = np.concatenate([np.setdiff1d(active, leavers), arrivals])

    final = years[-1]
    leavers = rng.choice(active, size=round(exit_rate * stocks[final]), replace=False)
    leave(leavers, january(final), N_MONTHS - 1)
    late = np.arange(size, size + round(LATE_ARRIVALS * stocks[final]))
    start.append(rng.integers(january(final) + 1, N_MONTHS, size=len(late)))
    first.append(np.zeros(len(late), dtype=np.int64))
    size += len(late)

    start_all = np.concatenate(start)
    end, closed = end[:size], closed[:size]
    first_all = np.concatenate(first)
    last_all = np.where(first_all > 0, last[:size], 0)
    start_day = np.where(start_all < 0, 1, rng.integers(1, 29, size=size))
    if sector == "GGZ":
        start_day = np.where(first_all == years[0], 1, start_day)
    end_day = rng.integers(1, 29, size=size)
    end_day = np.where(closed, end_day, 31)
    end_day = np.where(closed & (start_all == end), np.maximum(end_day, start_day), end_day)
    return Spells(start_all, start_day, end, end_day, closed, first_all, last_all)


def profile_shares(region: str, sector: str) -> np.ndarray:
    """Shares of the care profiles (GGZ_PROFILES or GZ_PROFILES order) of a region's clients."""
    t = TARGETS[region]
    if sector == "GGZ":
        return np.concatenate([np.array(t.w_mix) * (1 - t.b_share), np.array(GGZ_B_MIX) * t.b_share])
    shares = np.array(GZ_PROFILE_SHARES, dtype=np.float64)
    if region == "t-gooi":
        light = np.isin(np.array(GZ_PROFILES), LIGHT_GZ_PROFILES)
        factor = GOOI_LIGHT_SHARE * shares[~light].sum() / ((1 - GOOI_LIGHT_SHARE) * shares[light].sum())
        shares = np.where(light, shares * factor, shares)
    return shares / shares.sum()


def care_shares(region: str, sector: str, year: int) -> np.ndarray:
    """Shares intramuraal, VPT, MPT, PGB in January of `year` (year 0: the latest year)."""
    if sector == "GGZ":
        table = TARGETS[region].care
        return np.array(table[-1] if year == 0 else table[year - 2021])
    return np.array(GZ_CARE[-1] if year == 0 else GZ_CARE[year - 2020])


def _segments(
    previous: np.ndarray, profile: np.ndarray, care: np.ndarray, region: str, year: int, rng: np.random.Generator
) -> np.ndarray:
    """Contract segment of each GGZ client's provider (-1 for PGB only), sectorvreemd by quota."""
    t = TARGETS[region]
    share = t.sectorvreemd[-1] if year == 0 else t.sectorvreemd[year - 2021]
    segment = np.full(len(care), -1, dtype=np.int64)
    eligible = np.flatnonzero(care != PGB)
    prev = previous[eligible]
    n_sv = round(share * len(eligible))
    is_sv = sticky_labels(
        np.where(prev < 0, -1, (prev == SEGMENT_GGZ).astype(np.int64)),
        np.array([n_sv, len(eligible) - n_sv]),
        rng,
        fill_weights=np.column_stack([SV_WEIGHT[profile[eligible]], np.ones(len(eligible))]),
    )
    sv = eligible[is_sv == 0]
    segment[eligible[is_sv == 1]] = SEGMENT_GGZ
    prev_sv = previous[sv]
    n_vv = round(t.vv_share * len(sv))
    vv = sticky_labels(
        np.where(prev_sv == SEGMENT_VV, 0, np.where(prev_sv == SEGMENT_GZ, 1, -1)),
        np.array([n_vv, len(sv) - n_vv]),
        rng,
        fill_weights=np.column_stack([VV_WEIGHT[profile[sv]], np.ones(len(sv))]),
    )
    segment[sv] = np.where(vv == 0, SEGMENT_VV, SEGMENT_GZ)
    return segment


def _switch_months(spells: Spells, clients: np.ndarray, year: int, rng: np.random.Generator) -> np.ndarray:
    """Month from which each client's state of `year` applies: care start, or a month since last January."""
    first = spells.first_year[clients] == year
    drawn = rng.integers(january(year - 1) + 1, january(year) + 1, size=len(clients))
    return np.where(first | (year == 0), np.maximum(spells.start[clients], 0), drawn)


def yearly_states(spells: Spells, region: str, sector: str, rng: np.random.Generator) -> pd.DataFrame:
    """One state per client per counted January (year) and one for never-counted clients (year 0).

    Columns: client (position in `spells`), year, switch, profile (position in the sector's
    profile list), care (position in LEVERINGSVORMEN), segment (position in SECTORS, -1: none).
    """
    n = len(spells)
    profile = np.full(n, -1, dtype=np.int64)
    care = np.full(n, -1, dtype=np.int64)
    segment = np.full(n, -1, dtype=np.int64)
    reassess = GGZ_REASSESSMENT if sector == "GGZ" else GZ_REASSESSMENT
    parts = []
    counted_years = sorted(set(spells.first_year[spells.first_year > 0].tolist()))
    for year in [*counted_years, 0]:
        if year:
            clients = np.flatnonzero((spells.first_year <= year) & (spells.last_year >= year) & (spells.first_year > 0))
        else:
            clients = np.flatnonzero(spells.first_year == 0)
        k = len(clients)
        prof = sticky_labels(
            unset_fraction(profile[clients], reassess, rng),
            shares_to_counts(profile_shares(region, sector), k),
            rng,
        )
        lv = sticky_labels(
            unset_fraction(care[clients], CARE_SWITCH, rng), shares_to_counts(care_shares(region, sector, year), k), rng
        )
        if sector == "GGZ":
            seg = _segments(segment[clients], prof, lv, region, year, rng)
        else:
            seg = np.where(lv == PGB, -1, SEGMENT_GZ)
        if year:
            profile[clients], care[clients], segment[clients] = prof, lv, seg
        parts.append(
            pd.DataFrame(
                {
                    "client": clients,
                    "year": np.full(k, year, dtype=np.int64),
                    "switch": _switch_months(spells, clients, year, rng),
                    "profile": prof,
                    "care": lv,
                    "segment": seg,
                }
            )
        )
    return pd.concat(parts, ignore_index=True)
