"""'t Gooi's modelled age split of 2021 and 2022, chosen so its GZ usage rates vary as published.

The Regioanalyse's min and max forecasts widen with the spread of the yearly changes of the
usage rate per age group (see the forecast figure). The published band (max +43%, 3.820
clients in 2040) needs a spread, weighted by each age group's share of the mid forecast of
2040, of about 1,4% a year. The clients per age group follow from the careers; the split of
earlier years' inhabitants over the age groups is modelled anyway (the 2023 split, see
reference.py). So for 't Gooi that split is moved between the drawn rates (as the careers
give them) and rates on a steady trend per age group from 2020 to 2023 (the same yearly
change every year; 2020 and 2023 are where the trend starts and ends, so they stay), by the
one amount that gives the published spread. Every municipality keeps its total of every
year: only how it divides over the age groups changes, so every rate per 1.000 inhabitants
stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from reportgen.data.schema import LEEFTIJDSGROEPEN
from reportgen.data.synth.quota import largest_remainder
from reportgen.data.synth.targets import GZ_YEARS
from reportgen.data.synth.targets_gz import FORECAST_AGE_GROWTH, FORECAST_YEARS, GOOI_MAX_2040, GOOI_MID_2040

SEARCH_STEPS = 40
MIX_GRID = np.linspace(0.0, 4.0, 41)
"""Mixes tried between the steady trend (0), the drawn rates (1) and their deviations enlarged (up to 4x)."""


def rate_spread(rates: np.ndarray) -> np.ndarray:
    """Per age group (column) the standard deviation (ddof 0) of the yearly relative changes of the rate."""
    return (rates[1:] / rates[:-1] - 1.0).std(axis=0)


def weighted_spread(rates: np.ndarray, people_2023: np.ndarray) -> float:
    """The spread per age group weighted by the group's share of the modelled mid forecast of 2040.

    The mid forecast of a group is its mean rate times its forecast population; 't Gooi's
    forecast factor multiplies every group alike, so it does not change the weights.
    """
    growth = np.array([FORECAST_AGE_GROWTH[g] for g in LEEFTIJDSGROEPEN])
    mid = rates.mean(axis=0) * people_2023 * (1 + growth) ** (FORECAST_YEARS[-1] - GZ_YEARS[-1])
    return float((mid * rate_spread(rates)).sum() / mid.sum())


def target_spread() -> float:
    """The weighted spread that puts the max forecast of 2040 at GOOI_MAX_2040 with the mid at GOOI_MID_2040."""
    return ((1 + GOOI_MAX_2040) / (1 + GOOI_MID_2040) - 1) / (FORECAST_YEARS[-1] - GZ_YEARS[-1])


def steadied_population(population: pd.DataFrame, region: pd.Series, counted: pd.DataFrame) -> pd.DataFrame:
    """The population table with 't Gooi's age split of the years before 2023 giving the target spread.

    `region`: the region of each population row; `counted`: 't Gooi's counted GZ clients with
    columns year and age_group (position in LEEFTIJDSGROEPEN).
    """
    gooi = (region.to_numpy() == "t-gooi") & population["jaar"].isin(GZ_YEARS[:-1]).to_numpy()
    cube = _cube(population[gooi])
    clients = counted.groupby(["year", "age_group"]).size().unstack(fill_value=0)
    clients = clients.reindex(index=list(GZ_YEARS), columns=range(len(LEEFTIJDSGROEPEN)), fill_value=0)
    clients = clients.to_numpy(dtype=np.float64)
    last = _cube(population[(region.to_numpy() == "t-gooi") & (population["jaar"] == GZ_YEARS[-1]).to_numpy()])
    last_people = last.sum(axis=0)[0]
    drawn = clients[:-1] / cube.sum(axis=0)
    trend = _trend(drawn[0], clients[-1] / last_people, len(GZ_YEARS))

    def split(mix: float) -> np.ndarray:
        wanted = np.exp((1 - mix) * np.log(trend[:-1]) + mix * np.log(drawn))
        return _resplit(cube, clients[:-1] / wanted)

    def spread(mix: float) -> float:
        people = np.vstack([split(mix).sum(axis=0), last_people[None, :]])
        return weighted_spread(clients / people, last_people)

    goal = target_spread()
    low, high = _bracket(spread, goal)
    rising = spread(high) > spread(low)
    for _ in range(SEARCH_STEPS):
        middle = (low + high) / 2
        low, high = (middle, high) if (spread(middle) < goal) == rising else (low, middle)
    out = population.copy()
    rows = population[gooi]
    out.loc[gooi, "inwoners"] = _uncube(rows, split((low + high) / 2))
    return out


def _bracket(spread: Callable[[float], float], goal: float) -> tuple[float, float]:
    """Two neighbouring mixes of MIX_GRID whose spreads lie on either side of `goal`, the pair
    nearest to 1 (the drawn rates) when there are several: the smallest change that does it."""
    values = np.array([spread(m) for m in MIX_GRID]) - goal
    crossing = np.flatnonzero(values[:-1] * values[1:] <= 0)
    if not len(crossing):
        raise ValueError(f"'t Gooi's age split cannot give a rate spread of {goal:.4f}")
    i = crossing[np.argmin(np.abs((MIX_GRID[crossing] + MIX_GRID[crossing + 1]) / 2 - 1))]
    return float(MIX_GRID[i]), float(MIX_GRID[i + 1])


def _trend(first: np.ndarray, last: np.ndarray, years: int) -> np.ndarray:
    """Rates per year (rows) and age group on a steady yearly change from `first` to `last`."""
    steps = np.arange(years)[:, None] / (years - 1)
    return np.exp(np.log(first) + steps * (np.log(last) - np.log(first)))


def _cube(rows: pd.DataFrame) -> np.ndarray:
    """Inhabitants shaped (municipality, year, age group), municipalities and years sorted."""
    table = rows.pivot_table(
        index=["gemeentecode", "jaar"], columns="leeftijdsgroep", values="inwoners", aggfunc="sum"
    ).reindex(columns=list(LEEFTIJDSGROEPEN))
    n_mun = table.index.get_level_values("gemeentecode").nunique()
    return table.to_numpy(dtype=np.float64).reshape(n_mun, -1, len(LEEFTIJDSGROEPEN))


def _resplit(cube: np.ndarray, region_groups: np.ndarray) -> np.ndarray:
    """Each municipality's yearly total split over the age groups so the region's groups move
    towards `region_groups` (year x age group); totals of every municipality and year kept."""
    factor = region_groups / cube.sum(axis=0)
    out = np.empty_like(cube)
    for m in range(cube.shape[0]):
        for t in range(cube.shape[1]):
            out[m, t] = largest_remainder(int(cube[m, t].sum()), cube[m, t] * factor[t])
    return out


def _uncube(rows: pd.DataFrame, cube: np.ndarray) -> np.ndarray:
    """The values of `cube` in the order of `rows` (gemeentecode, jaar, leeftijdsgroep)."""
    codes = sorted(rows["gemeentecode"].unique())
    years = sorted(rows["jaar"].unique())
    m = rows["gemeentecode"].map({c: i for i, c in enumerate(codes)}).to_numpy()
    t = rows["jaar"].map({y: i for i, y in enumerate(years)}).to_numpy()
    a = rows["leeftijdsgroep"].map({g: i for i, g in enumerate(LEEFTIJDSGROEPEN)}).to_numpy()
    return cube[m, t, a].astype(np.int64)
