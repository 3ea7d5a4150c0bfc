"""Monthly claims (declaraties) of the example data, expanded from client states in bulk.

Each month a client is in care gives one or more claim rows: the main prestatie of their
profile and type of care, sometimes a treatment add-on (intramural), one row per module (MPT)
and for some MPT clients a PGB budget next to it. Amounts follow the profile's monthly tariff,
the number of days in the month, a yearly tariff index and a part-month at start and end.
The type of care that decides the indicators is, by construction, the state's type of care.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.data.synth.ids import N_MONTHS, days_in_month

# Monthly tariff of intramural care per profile (euros, 2020 level), in profile-list order.
GGZ_TARIFF = (4300, 5600, 7300, 8400, 9900, 8200, 9600, 11200, 13300, 16500)
GZ_TARIFF = (
    *(3000, 3700, 5200, 6300, 8200, 8800, 11200, 11800),
    *(6400, 7000, 8100, 9300, 9900),
    16800,
    *(3900, 5000, 6000, 7100, 8300, 9700, 11400),
    *(5300, 7000, 8600, 11600),
    *(3800, 5600, 7200, 8900, 11200),
)
TARIFFS = np.array(GGZ_TARIFF + GZ_TARIFF, dtype=np.float64)
TARIFF_INDEX = np.repeat(np.array([1.0, 1.03, 1.07, 1.145]), 12)
MPT_MODULES = ("H126", "H300", "H153")
MONTH_DAYS = days_in_month(np.arange(N_MONTHS))
MONTH_FACTOR = TARIFF_INDEX * MONTH_DAYS / 30.4375  # tariffs are per average month

# Row kinds: what a claim row is, deciding its prestatiecode, leveringsvorm and amount.
KIND_STAY, KIND_TREATMENT, KIND_VPT, KIND_MODULE, KIND_PGB = 0, 1, 2, 3, 4
KIND_CARE = np.array([0, 0, 1, 2, 3])  # leveringsvorm position per row kind (module: MPT)


@dataclass(frozen=True)
class ClientTraits:
    """Per-client constants that keep a client's claims alike from month to month."""

    tariff_factor: np.ndarray
    treatment: np.ndarray
    treatment_share: np.ndarray
    modules: np.ndarray
    module_shares: np.ndarray  # share of the MPT budget per module, zero for unused modules
    mpt_with_pgb: np.ndarray
    home_budget: np.ndarray


def client_traits(n: int, rng: np.random.Generator) -> ClientTraits:
    """Random per-client constants for `n` clients."""
    shares = rng.dirichlet(np.array([3.0, 2.0, 1.0]), size=n)
    modules = rng.choice(np.array([1, 2, 3]), size=n, p=[0.45, 0.4, 0.15])
    shares = np.where(np.arange(3)[None, :] < modules[:, None], shares, 0.0)
    shares = shares / shares.sum(axis=1, keepdims=True)
    return ClientTraits(
        tariff_factor=rng.uniform(0.93, 1.07, size=n),
        treatment=rng.random(n) < 0.2,
        treatment_share=rng.uniform(0.08, 0.15, size=n),
        modules=modules,
        module_shares=shares,
        mpt_with_pgb=rng.random(n) < 0.12,
        home_budget=rng.uniform(0.5, 1.5, size=n),
    )


def state_months(states: pd.DataFrame, start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(state row, month) for every month a state is in force, for states sorted by client, switch.

    A state runs from its switch month to the month before the client's next state, or to the
    end of care; months before January 2020 are left out.
    """
    client = states["client"].to_numpy()
    switch = states["switch"].to_numpy()
    nxt = np.append(switch[1:], 0)
    same_next = np.append(client[1:] == client[:-1], False)
    first = np.maximum(np.maximum(switch, start[client]), 0)
    last = np.where(same_next, nxt - 1, end[client])
    length = np.maximum(last - first + 1, 0)
    row = np.repeat(np.arange(len(states)), length)
    offset = np.arange(len(row)) - np.repeat(np.cumsum(length) - length, length)
    return row, first[row] + offset


def row_kinds(care: np.ndarray, client: np.ndarray, traits: ClientTraits) -> tuple[np.ndarray, ...]:
    """The claim rows of state-months: (state-month index, row kind, row number within the month)."""
    modules = traits.modules[client]
    n_rows = np.select(
        [care == 0, care == 1, care == 2],
        [1 + traits.treatment[client], np.ones_like(care), modules + traits.mpt_with_pgb[client]],
        np.ones_like(care),
    )
    parent = np.repeat(np.arange(len(care)), n_rows)
    k = np.arange(len(parent)) - np.repeat(np.cumsum(n_rows) - n_rows, n_rows)
    c = care[parent]
    kind = np.select(
        [c == 0, c == 1, (c == 2) & (k < modules[parent])],
        [np.where(k == 0, KIND_STAY, KIND_TREATMENT), KIND_VPT, KIND_MODULE],
        KIND_PGB,
    )
    return parent, kind, k


def part_of_month(
    month: np.ndarray,
    start: np.ndarray,
    start_day: np.ndarray,
    end: np.ndarray,
    end_day: np.ndarray,
    closed: np.ndarray,
) -> np.ndarray:
    """Share of the month in care: less than one in the month care starts or (if it ends) ends."""
    dim = MONTH_DAYS[month]
    first_day = np.where(month == start, start_day, 1)
    last_day = np.where(closed & (month == end), np.minimum(end_day, dim), dim)
    return (last_day - first_day + 1) / dim


def amounts(
    kind: np.ndarray,
    k: np.ndarray,
    care: np.ndarray,
    client: np.ndarray,
    month: np.ndarray,
    profile: np.ndarray,
    part: np.ndarray,
    traits: ClientTraits,
) -> np.ndarray:
    """Claimed euros per row: monthly tariff x client factor x tariff index x days x part of month.

    `care` is the type of care of the row's state (a PGB row of an MPT client is a top-up).
    """
    gz = profile >= len(GGZ_TARIFF)
    base = TARIFFS[profile] * traits.tariff_factor[client] * MONTH_FACTOR[month]
    budget = traits.home_budget[client]
    mpt_total = np.where(gz, np.clip(0.25 * base * budget, 300, 4000), np.clip(0.2 * base * budget, 250, 2500))
    pgb = np.where(gz, np.clip(0.45 * base * budget, 600, 6000), np.clip(0.25 * base * budget, 400, 2600))
    pgb = np.where(care == 2, 0.4 * pgb, pgb)
    module_share = traits.module_shares[client, np.minimum(k, 2)]
    value = np.select(
        [kind == KIND_STAY, kind == KIND_TREATMENT, kind == KIND_VPT, kind == KIND_MODULE],
        [base, base * traits.treatment_share[client], 0.78 * base, mpt_total * module_share],
        pgb,
    )
    return np.round(value * part, 2)


def compact_profile(profile: str) -> str:
    """A profile in the short form used inside prestatiecodes (GGZ-W3 -> GW3, ZGaud2 -> ZGA2)."""
    return profile.replace("GGZ-", "G").replace("ZGaud", "ZGA").replace("ZGvis", "ZGV")


def prestatie_table(profiles: tuple[str, ...]) -> np.ndarray:
    """All prestatiecodes: row kind x profile, then the MPT modules (see `prestatie_index`)."""
    short = [compact_profile(p) for p in profiles]
    prefixes = {KIND_STAY: "Z", KIND_TREATMENT: "BH", KIND_VPT: "V", KIND_MODULE: "", KIND_PGB: "P"}
    table = [f"{prefixes[kind]}{s}" for kind in range(5) for s in short]
    return np.array(table + list(MPT_MODULES), dtype=object)


def prestatie_index(kind: np.ndarray, profile: np.ndarray, k: np.ndarray, n_profiles: int) -> np.ndarray:
    """Position in `prestatie_table` of each row's prestatiecode."""
    return np.where(kind == KIND_MODULE, 5 * n_profiles + np.minimum(k, 2), kind * n_profiles + profile)
