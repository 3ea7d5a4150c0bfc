"""Record-level additions of the example data for the Regioanalyse GZ.

Waiting spells with their placement date, coordinates of care locations, and the calibration
of GZ claim amounts so that the cost per client of 't Gooi and of all regions lands on the
published figures.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from reportgen.data.regions import REGION_IDS
from reportgen.data.schema import WACHTSTATUS
from reportgen.data.synth.ids import month_start, text_column
from reportgen.data.synth.targets import GGZ_PROFILES, GZ_PROFILES, GZ_YEARS
from reportgen.data.synth.targets_gz import COST_PER_CLIENT, GOOI_AGED_23_65
from reportgen.data.synth.waiting import Waiting
from reportgen.data.synth.waitlist import NOT_ACTIVE, WINDOW_MONTHS, WINDOW_START

PROFILES = np.array(GGZ_PROFILES + GZ_PROFILES, dtype=object)
LOCATION_SPREAD_M = 1_500.0
"""Standard deviation (metres) of a location around its municipality's centre."""


def waiting_spell_frame(waiting: Waiting, klant_text: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    """wachtperiodes: one row per spell; a spell that ends inside the window is placed the month after.

    niet-actief spells are never placed (those people wait by choice).
    """
    sp = waiting.spells
    end = sp["end"].to_numpy()
    status = sp["status"].to_numpy()
    start = np.asarray(sp["start_date"].to_numpy(), dtype="datetime64[D]")
    placed = (end < WINDOW_MONTHS - 1) & (status != NOT_ACTIVE)
    day = rng.integers(0, 28, len(sp)).astype("timedelta64[D]")
    placement = np.maximum(month_start(WINDOW_START + end + 1) + day, start)
    frame = pd.DataFrame(
        {
            "klant_id": text_column(klant_text, sp["client"].to_numpy()),
            "zorgprofiel": text_column(PROFILES, sp["profile"].to_numpy()),
            "status": text_column(np.array(WACHTSTATUS, dtype=object), status),
            "wacht_van": pd.Series(start.astype("datetime64[ns]")),
            "geplaatst_op": pd.Series(np.where(placed, placement, np.datetime64("NaT")).astype("datetime64[ns]")),
        }
    )
    frame = frame.sort_values(["klant_id", "wacht_van"], kind="stable")
    return frame.drop_duplicates(["klant_id", "wacht_van"]).reset_index(drop=True)


def coordinate_frame(locaties: pd.DataFrame, municipalities: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """locatiecoordinaten: each location near its municipality's centre (RD New metres)."""
    centre = municipalities.set_index("gemeentecode")[["x", "y"]]
    at = centre.loc[locaties["gemeentecode"]].to_numpy(dtype=np.float64)
    jitter = rng.normal(0.0, LOCATION_SPREAD_M, size=at.shape)
    xy = np.round(at + jitter).astype(np.int64)
    return pd.DataFrame(
        {
            "locatie_id": locaties["locatie_id"].to_numpy(),
            "x": np.clip(xy[:, 0], 0, 300_000),
            "y": np.clip(xy[:, 1], 300_000, 625_000),
        }
    )


def cost_calibration(
    counted: pd.DataFrame, n_clients: int, scale: float
) -> Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray] | None:
    """A function that scales GZ claim amounts per region and year to the published cost per client.

    `counted`: counted GZ clients with columns client (global number), year, region. The cost
    per client is the January claim total of counted GZ clients over their number. 't Gooi is
    scaled to its own target; all other regions together by one factor so the pooled figure
    lands on the all-regions target. Only counted GZ clients' claims change, all months of the
    year alike, so other sectors' figures and every client's main provider stay as they were.
    At scale != 1 nothing is calibrated (None).
    """
    if scale != 1.0:
        return None
    gooi = REGION_IDS.index("t-gooi")
    region_of = np.full((len(GZ_YEARS), n_clients), -1, dtype=np.int64)
    for i, y in enumerate(GZ_YEARS):
        in_year = counted[counted["year"].to_numpy() == y]
        region_of[i, in_year["client"].to_numpy()] = in_year["region"].map(REGION_IDS.index).to_numpy()

    def adjust(client: np.ndarray, month: np.ndarray, bedrag: np.ndarray) -> np.ndarray:
        out = bedrag.astype(np.float64).copy()
        year_pos = month // 12
        for i, y in enumerate(GZ_YEARS):
            in_year = year_pos == i
            claim_region = np.where(in_year, region_of[i][client], -1)
            jan = (month == 12 * i) & (claim_region >= 0)
            totals = np.bincount(claim_region[jan], weights=out[jan], minlength=len(REGION_IDS))
            n = np.bincount(region_of[i][region_of[i] >= 0], minlength=len(REGION_IDS)).astype(np.float64)
            factor = np.empty(len(REGION_IDS))
            factor[gooi] = COST_PER_CLIENT["t-gooi"][y] * n[gooi] / totals[gooi]
            rest = np.arange(len(REGION_IDS)) != gooi
            rest_target = COST_PER_CLIENT["alle-regios"][y] * n.sum() - COST_PER_CLIENT["t-gooi"][y] * n[gooi]
            factor[rest] = rest_target / totals[rest].sum()
            rows = claim_region >= 0
            out[rows] = np.round(out[rows] * factor[claim_region[rows]], 2)
        return out

    return adjust


def calibrated_births(born: np.ndarray, counted: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Years of birth with just enough of 't Gooi's GZ clients made older to put 23-65 at GOOI_AGED_23_65.

    `counted`: counted GZ clients (client, year, region). Clients of working age in January
    2023 are drawn at random and given an age of 65-85 in 2023; nobody is made younger, so
    nobody is born after their care started.
    """
    gooi = counted[(counted["region"] == "t-gooi").to_numpy() & (counted["year"] == 2023).to_numpy()]
    client = gooi["client"].to_numpy()
    age = 2023 - born[client]
    working = client[(age >= 23) & (age < 65)]
    excess = len(working) - round(GOOI_AGED_23_65 * len(client))
    out = born.copy()
    if excess > 0:
        chosen = np.sort(rng.choice(working, size=excess, replace=False))
        out[chosen] = 2023 - rng.integers(65, 86, size=excess)
    return out
