"""What care GGZ clients get: the GGZ-W profile mix and the type of care (leveringsvorm)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import LEVERINGSVORMEN, SECTORS, Dataset
from reportgen.indicators.base import RegioplanBase, base_for, january
from reportgen.indicators.codes import codes_in
from reportgen.indicators.tidy import CLIENTS, SHARE, grid_counts, ratio, tidy_rows, with_all_regions

W_PROFILES = ("GGZ-W1", "GGZ-W2", "GGZ-W3", "GGZ-W4", "GGZ-W5")
"""Categories of ggz_w_verdeling, in printed order."""


def leveringsvorm_years(edition: int) -> tuple[int, ...]:
    """The three years whose January the leveringsvorm trend shows."""
    return (edition - 2, edition - 1, edition)


def ggz_w_verdeling(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Counted GGZ-W clients per W profile, as numbers and as shares of all GGZ-W clients."""
    base = base_for(ds, edition, base)
    clients = base.counted_in("GGZ", edition)
    region = clients["region"].to_numpy()
    profile = codes_in(clients["profile"].to_numpy(), W_PROFILES)
    shape = (len(base.regions), 1, len(W_PROFILES))
    counts = with_all_regions(grid_counts(region, np.zeros_like(region), profile, shape))
    shares = ratio(counts, counts.sum(axis=2, keepdims=True))
    return tidy_rows(
        "ggz_w_verdeling",
        base.regions,
        [str(edition)],
        list(W_PROFILES),
        [(CLIENTS, counts), (SHARE, shares)],
    )


def care_types(amounts: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Type of care per client (position in LEVERINGSVORMEN) from their January claims.

    `amounts` and `present` are shaped (client, leveringsvorm): summed bedrag and whether any
    claim exists. The largest sum wins, ties go to the earlier leveringsvorm; a client with both
    MPT and PGB claims is MPT whatever the amounts (the budget tops up the modular package).
    """
    mpt, pgb = LEVERINGSVORMEN.index("MPT"), LEVERINGSVORMEN.index("PGB")
    scored = np.where(present, amounts, -np.inf)
    types = np.argmax(scored, axis=1)
    types[present[:, mpt] & present[:, pgb]] = mpt
    types[~present.any(axis=1)] = -1
    return types


def leveringsvorm_counts(base: RegioplanBase) -> np.ndarray:
    """Counted GGZ clients per year and type of care, shaped (region + alle-regios, year, type)."""
    years = leveringsvorm_years(base.edition)
    n_years, n_lv = len(years), len(LEVERINGSVORMEN)
    n_keys = (len(base.client_region) + 1) * n_years
    counted = base.counted
    counted = counted[(counted["sector"].to_numpy() == SECTORS.index("GGZ")) & counted["year"].isin(years).to_numpy()]
    counted_key = counted["client"].to_numpy() * n_years + pd.Index(years).get_indexer(counted["year"].to_numpy())
    row_of = np.full(n_keys, -1, dtype=np.int64)
    row_of[counted_key] = np.arange(len(counted))

    claims = base.claims[base.claims["year"].isin(years).to_numpy()]
    claim_key = claims["client"].to_numpy() * n_years + pd.Index(years).get_indexer(claims["year"].to_numpy())
    row = row_of[claim_key]
    keep = (row >= 0) & (claims["lv"].to_numpy() >= 0)
    flat = row[keep] * n_lv + claims["lv"].to_numpy()[keep]
    size = len(counted) * n_lv
    amounts = np.bincount(flat, weights=claims["bedrag"].to_numpy()[keep], minlength=size).reshape(-1, n_lv)
    present = np.bincount(flat, minlength=size).reshape(-1, n_lv) > 0

    types = care_types(amounts, present)
    year_idx = counted_key % n_years
    shape = (len(base.regions), n_years, n_lv)
    return with_all_regions(grid_counts(counted["region"].to_numpy(), year_idx, types, shape))


def leveringsvorm(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """Counted GGZ clients by type of care in January of the edition year and the two before."""
    base = base_for(ds, edition, base)
    counts = leveringsvorm_counts(base)
    shares = ratio(counts, counts.sum(axis=2, keepdims=True))
    periods = [january(y) for y in leveringsvorm_years(edition)]
    return tidy_rows(
        "leveringsvorm",
        base.regions,
        periods,
        list(LEVERINGSVORMEN),
        [(CLIENTS, counts), (SHARE, shares)],
    )
