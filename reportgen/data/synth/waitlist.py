"""Waiting-list snapshots of the example data, January 2022 up to February 2023.

Waiting is built as monthly flows with exact totals per region (so the published rise or fall
of the waiting list comes out as planned). Who waits: a client waiting for a place and found
again as a new client the month after the wait ends; a client already in care waiting for the
place they prefer ("wacht op voorkeur"); or someone with an indication who is not (yet) in
care in the data. Status "niet-actief" is a separate, uncounted group.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.synth.ids import month_start

WINDOW_START = 24  # month number of January 2022
WINDOW_MONTHS = 14  # January 2022 up to and including February 2023
URGENT, ACTIVE, PREFERENCE, NOT_ACTIVE = 0, 1, 2, 3  # positions in WACHTSTATUS
PLACED_SHARE = 0.75


def waiting_targets(level: float, change: float, phase: float) -> np.ndarray:
    """Waiters per window month: `level` in February 2022, `change` by February 2023, a small wave."""
    m = np.arange(WINDOW_MONTHS)
    trend = 1 + change * (m - 1) / 12
    wave = 1 + 0.03 * (np.sin(2 * np.pi * (m - 1) / 12 + phase) - np.sin(phase))
    return np.maximum(np.round(level * trend * wave), 0).astype(np.int64)


def waiting_spells(targets: np.ndarray, exit_rate: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) window months of waiting spells with exactly targets[m] waiting in month m.

    Spells already running in January 2022 start up to eleven months earlier (negative start);
    end is the last month waited, WINDOW_MONTHS - 1 for those still waiting in February 2023.
    """
    n0 = int(targets[0])
    start = [-np.minimum(rng.geometric(0.2, size=n0) - 1, 11)]
    end = np.full(int(targets.sum()) + 1, WINDOW_MONTHS - 1)
    active = np.arange(n0)
    size = n0
    for m in range(1, WINDOW_MONTHS):
        before, now = int(targets[m - 1]), int(targets[m])
        leavers = rng.choice(active, size=max(round(exit_rate * before), before - now), replace=False)
        end[leavers] = m - 1
        arrivals = np.arange(size, size + now - before + len(leavers))
        start.append(np.full(len(arrivals), m))
        size += len(arrivals)
        active = np.concatenate([np.setdiff1d(active, leavers), arrivals])
    return np.concatenate(start), end[:size]


def link_people(episodes: pd.DataFrame, clients: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """The client (row of `clients`) each waiting spell belongs to, -1 for a new person.

    `episodes`: group, status, start, end (window months). `clients`: group, start, end (data
    months). A placed urgent/actief wait is matched to a client of the same group whose care
    starts the month after the wait; a preference wait to a client in care all window long.
    """
    person = np.full(len(episodes), -1, dtype=np.int64)
    status = episodes["status"].to_numpy()
    end = episodes["end"].to_numpy()
    placed = (status <= ACTIVE) & (end < WINDOW_MONTHS - 1) & (rng.random(len(episodes)) < PLACED_SHARE)
    ep = pd.DataFrame(
        {"group": episodes["group"].to_numpy(), "month": WINDOW_START + end + 1, "row": np.arange(len(episodes))}
    )
    ep = ep[placed]
    order = rng.permutation(len(clients))
    cl = pd.DataFrame(
        {"group": clients["group"].to_numpy()[order], "month": clients["start"].to_numpy()[order], "client": order}
    )
    for frame in (ep, cl):
        frame["rank"] = frame.groupby(["group", "month"], sort=False).cumcount()
    matched = ep.merge(cl, on=["group", "month", "rank"], how="inner")
    person[matched["row"].to_numpy()] = matched["client"].to_numpy()

    in_care = (clients["start"].to_numpy() <= WINDOW_START) & (
        clients["end"].to_numpy() >= WINDOW_START + WINDOW_MONTHS - 1
    )
    wanted = pd.DataFrame({"group": episodes["group"].to_numpy(), "row": np.arange(len(episodes))})[
        status == PREFERENCE
    ]
    pool = pd.DataFrame({"group": clients["group"].to_numpy()[order], "client": order})[in_care[order]]
    for frame in (wanted, pool):
        frame["rank"] = frame.groupby("group", sort=False).cumcount()
    matched = wanted.merge(pool, on=["group", "rank"], how="inner")
    person[matched["row"].to_numpy()] = matched["client"].to_numpy()
    return person


def start_dates(start: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A day within each spell's first month (datetime64[D])."""
    return month_start(WINDOW_START + start) + rng.integers(0, 28, size=len(start)).astype("timedelta64[D]")


def snapshot_rows(start: np.ndarray, end: np.ndarray, start_date: np.ndarray) -> pd.DataFrame:
    """One row per spell per month waited within the window: spell, window month, weeks waiting.

    Weeks are counted up to the last day of the snapshot month.
    """
    first = np.maximum(start, 0)
    length = end - first + 1
    spell = np.repeat(np.arange(len(start)), length)
    month = first[spell] + np.arange(len(spell)) - np.repeat(np.cumsum(length) - length, length)
    last_day = month_start(WINDOW_START + month + 1) - np.timedelta64(1, "D")
    weeks = (last_day - np.asarray(start_date, dtype="datetime64[D]")[spell]).astype(np.int64) // 7
    return pd.DataFrame({"spell": spell, "month": month, "weeks": weeks})
