"""The GGZ waiting list per month: who is waiting, and how urgently."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.indicators.base import RegioplanBase, base_for, positions_in
from reportgen.indicators.codes import codes_in
from reportgen.indicators.tidy import WAITING, grid_counts, tidy_rows, with_all_regions

WAITING_STATUSES = ("urgent", "actief", "wacht op voorkeur")
"""Statuses that count as waiting; "niet-actief" (not looking for a place now) does not."""

TOTAL = "totaal"


def waiting_months(edition: int) -> list[str]:
    """Peilmaanden shown: January of the year before the edition up to February of the edition year."""
    months = [f"{edition - 1}-{m:02d}" for m in range(1, 13)]
    return [*months, f"{edition}-01", f"{edition}-02"]


def wachtlijst(ds: Dataset, edition: int, base: RegioplanBase | None = None) -> pd.DataFrame:
    """GGZ waiters per month and status (and their total), by region of the client."""
    base = base_for(ds, edition, base)
    wl = ds.wachtlijst
    months = waiting_months(edition)
    is_ggz = wl["zorgprofiel"].astype(object).str.startswith("GGZ-").fillna(False).to_numpy(dtype=bool)
    month = codes_in(wl["peilmaand"], months)
    status = codes_in(wl["status"], WAITING_STATUSES)
    region = np.append(base.client_region, -1)[positions_in(ds.klanten["klant_id"], wl["klant_id"])]
    region = np.where(is_ggz, region, -1)
    counts = grid_counts(region, month, status, (len(base.regions), len(months), len(WAITING_STATUSES)))
    counts = np.concatenate([counts, counts.sum(axis=2, keepdims=True)], axis=2)
    categories = [*WAITING_STATUSES, TOTAL]
    return tidy_rows("wachtlijst", base.regions, months, categories, [(WAITING, with_all_regions(counts))])
