"""Who the example clients are (municipality, year of birth, home postcode) and their indications.

An indication (CIZ decision) starts before care does, by a waiting time, and a new one starts
whenever a client's profile changes; the previous one ends the day before. Indications of
clients who leave care end on their last day of care; the others stay open.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.synth.ids import month_start, random_pc6

GGZ_START = np.datetime64("2021-01-01", "D")
GGZ_VV_MIN_AGE = 60


def residences(regions: np.ndarray, municipalities: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Municipality position per client, drawn within the client's region by population."""
    out = np.zeros(len(regions), dtype=np.int64)
    for region, frame in municipalities.groupby("regio", sort=True):
        rows = np.flatnonzero(regions == region)
        w = frame["inwoners_2023"].to_numpy(dtype=np.float64)
        out[rows] = rng.choice(frame.index.to_numpy(), size=len(rows), p=w / w.sum())
    return out


def home_postcodes(municipality: np.ndarray, municipalities: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """A home postcode code per client within their municipality's postcode range."""
    low = municipalities["pc4_van"].to_numpy()[municipality]
    high = municipalities["pc4_tot"].to_numpy()[municipality]
    return random_pc6(low, high, rng)


def birth_years(profile: np.ndarray, sector: np.ndarray, at_vv: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Year of birth per client from sector and first profile; GGZ clients at a VV provider are older.

    `profile` indexes GGZ_PROFILES + GZ_PROFILES (GZ from 10: VG 10-17, LVG 18-22, SGLVG 23,
    LG 24-30, ZG 31-39).
    """
    n = len(profile)
    ggz_age = np.clip(rng.normal(50, 14, n), 19, 92)
    vv_age = np.clip(rng.normal(74, 8, n), GGZ_VV_MIN_AGE, 96)
    vg_age = np.clip(rng.normal(40, 18, n), 3, 90)
    lg_age = np.clip(rng.normal(50, 20, n), 5, 95)
    zg_age = np.clip(rng.normal(60, 20, n), 10, 99)
    age = np.select(
        [sector == 0, profile <= 23, profile <= 30],
        [np.where(at_vv, vv_age, ggz_age), vg_age, lg_age],
        zg_age,
    )
    return (2023 - np.round(age)).astype(np.int64)


def indication_starts(clients: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """First indication date per client: the care start minus a waiting time, never before GGZ existed."""
    start = month_start(clients["start"].to_numpy()) + (clients["start_day"].to_numpy() - 1).astype("timedelta64[D]")
    wait = np.minimum(rng.exponential(45, len(clients)), 365).astype(np.int64).astype("timedelta64[D]")
    first = start - wait
    ggz = clients["sector"].to_numpy() == 0
    return np.where(ggz & (first < GGZ_START), GGZ_START, first)


def indications(
    states: pd.DataFrame, clients: pd.DataFrame, first_start: np.ndarray, rng: np.random.Generator
) -> pd.DataFrame:
    """Indication rows: client, profile (global position), geldig_van, geldig_tot (NaT: open).

    `states` must be sorted by client and switch month; a row starts where the profile changes.
    """
    client = states["client"].to_numpy()
    profile = states["profile"].to_numpy()
    new_client = np.append(True, client[1:] != client[:-1])
    changed = new_client | np.append(True, profile[1:] != profile[:-1])
    rows = np.flatnonzero(changed)
    c = client[rows]
    end_month = clients["end"].to_numpy()[c]
    end_day = clients["end_day"].to_numpy()[c]
    closed = clients["closed"].to_numpy()[c]
    switch = states["switch"].to_numpy()[rows]
    day = rng.integers(1, 29, size=len(rows))
    day = np.where(closed & (switch == end_month), np.minimum(day, end_day), day)
    start = np.where(new_client[rows], first_start[c], month_start(switch) + (day - 1).astype("timedelta64[D]"))
    care_end = month_start(end_month) + (end_day - 1).astype("timedelta64[D]")
    last_of_client = np.append(c[1:] != c[:-1], True)
    next_start = np.append(start[1:], np.datetime64("NaT", "D"))
    stop = np.where(last_of_client, np.where(closed, care_end, np.datetime64("NaT", "D")), next_start - 1)
    return pd.DataFrame({"client": c, "profile": profile[rows], "geldig_van": start, "geldig_tot": stop})
