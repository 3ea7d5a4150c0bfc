"""The example data's region- and municipality-level tables for the Regioanalyse GZ.

Population forecast, municipality characteristics, GZ workforce and streefnormen. The forecast
is modelled (a yearly change per age group) and scaled for 't Gooi so that its mid forecast of
GZ clients lands on the published +15% in 2040; the rest are plausible values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.regions import REGION_IDS
from reportgen.data.schema import LEEFTIJDSGROEPEN
from reportgen.data.schema_gz import CLASSIFICATIES
from reportgen.data.synth.gooi_rates import rate_spread
from reportgen.data.synth.targets import GZ_YEARS
from reportgen.data.synth.targets_gz import (
    EMPLOYEE_GROWTH_2040,
    EMPLOYEES_PER_CLIENT,
    FORECAST_AGE_GROWTH,
    FORECAST_YEARS,
    GOOI_EMPLOYEES,
    GOOI_MID_2040,
    GOOI_NEEDED_2028,
    ORIGIN,
    SES_SHIFT,
    STREEFNORM_WEEKS,
)

CAPACITY_YEARS = 5
"""Years from the edition to the capacity year (2028)."""
AGE_EDGES = (18, 65, 80)
"""Lower bounds of the age groups after the first: 0-17, 18-64, 65-79, 80+."""


def age_group_positions(age: np.ndarray) -> np.ndarray:
    """Position in LEEFTIJDSGROEPEN of each age (age in completed years at the count)."""
    return np.searchsorted(np.asarray(AGE_EDGES), age, side="right")


def _path_weight(t: int, span: int, at_2028: float | None) -> float:
    """How much of the 2040 factor is reached after t years: t/span, or through (5, at_2028) when given."""
    if at_2028 is None:
        return t / span
    if t <= CAPACITY_YEARS:
        return at_2028 * t / CAPACITY_YEARS
    return at_2028 + (1 - at_2028) * (t - CAPACITY_YEARS) / (span - CAPACITY_YEARS)


def _modelled_forecast(
    base: pd.DataFrame, factor: dict[str, float], region: pd.Series, gooi_2028: float | None = None
) -> pd.DataFrame:
    """Forecast rows for FORECAST_YEARS from the 2023 population; factor[region] is reached in 2040
    ('t Gooi along the path through gooi_2028, see _path_weight)."""
    growth = base["leeftijdsgroep"].map(FORECAST_AGE_GROWTH).to_numpy(dtype=np.float64)
    k = region.map(factor).to_numpy(dtype=np.float64)
    gooi = (region == "t-gooi").to_numpy()
    span = FORECAST_YEARS[-1] - 2023
    parts = []
    for year in FORECAST_YEARS:
        t = year - 2023
        weight = np.where(gooi, _path_weight(t, span, gooi_2028), t / span)
        counts = base["inwoners"].to_numpy(dtype=np.float64) * (1 + growth) ** t * k**weight
        parts.append(base.assign(jaar=year, inwoners=np.round(counts).astype(np.int64)))
    return pd.concat(parts, ignore_index=True)[["gemeentecode", "jaar", "leeftijdsgroep", "inwoners"]]


def gooi_forecast_shape(population: pd.DataFrame, region: pd.Series, counted: pd.DataFrame) -> tuple[float, float]:
    """The 2040 factor on 't Gooi's modelled forecast that puts its mid forecast at GOOI_MID_2040,
    and the part of it reached in 2028 that puts the max forecast of 2028 at GOOI_NEEDED_2028.

    `counted`: counted GZ clients of 't Gooi with columns year and age_group (position). The
    mid forecast applies the mean of the yearly usage rates per age group to the forecast
    population; the max forecast n years on lies n spreads of the yearly changes above it (see
    the forecast figure of the Regioanalyse).
    """
    gooi = population[region.to_numpy() == "t-gooi"]
    by_year = gooi.pivot_table(index="jaar", columns="leeftijdsgroep", values="inwoners", aggfunc="sum")
    by_year = by_year.reindex(columns=list(LEEFTIJDSGROEPEN), fill_value=0)
    clients = (
        counted.groupby(["year", "age_group"]).size().unstack(fill_value=0).reindex(columns=range(4), fill_value=0)
    )
    rates = clients.to_numpy(dtype=np.float64) / by_year.loc[list(clients.index)].to_numpy(dtype=np.float64)
    mean_rate = rates.mean(axis=0)
    base23 = by_year.loc[2023].to_numpy(dtype=np.float64)
    growth = np.array([FORECAST_AGE_GROWTH[g] for g in LEEFTIJDSGROEPEN])
    mid_2040 = float((mean_rate * base23 * (1 + growth) ** (FORECAST_YEARS[-1] - 2023)).sum())
    factor = (1 + GOOI_MID_2040) * int((counted["year"] == 2023).sum()) / mid_2040
    widened = 1 + CAPACITY_YEARS * rate_spread(rates)
    max_2028 = float((mean_rate * widened * base23 * (1 + growth) ** CAPACITY_YEARS).sum())
    return factor, float(np.log(GOOI_NEEDED_2028 / max_2028) / np.log(factor))


def forecast_frame(
    population: pd.DataFrame, municipalities: pd.DataFrame, gooi_shape: tuple[float, float | None]
) -> pd.DataFrame:
    """bevolkingsprognose: inhabitants per municipality, forecast year and age group.

    `gooi_shape`: 't Gooi's 2040 factor and the part of it reached in 2028 (None: evenly).
    """
    base = population[population["jaar"] == 2023].reset_index(drop=True)
    region = base["gemeentecode"].map(municipalities.set_index("gemeentecode")["regio"])
    factor = {r: (gooi_shape[0] if r == "t-gooi" else 1.0) for r in REGION_IDS}
    return _modelled_forecast(base, factor, region, gooi_shape[1])


def characteristics_frame(municipalities: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """gemeentekenmerken: SES and urbanity group, and origin shares averaging to the region's."""
    pop = municipalities["inwoners_2023"].to_numpy(dtype=np.float64)
    urban = 1 + np.searchsorted(np.array([15_000, 25_000, 50_000, 90_000]), pop, side="right")
    shift = municipalities["regio"].map(SES_SHIFT).fillna(0).to_numpy(dtype=np.int64)
    ses = np.clip(rng.integers(2, 5, len(pop)) + shift, 1, 5)
    western = np.zeros(len(pop))
    non_western = np.zeros(len(pop))
    for region, rows in municipalities.groupby("regio").indices.items():
        _, w, nw = ORIGIN[region]
        weight = pop[rows] / pop[rows].sum()
        lean = np.log(pop[rows]) - np.log(pop[rows]).mean()
        raw_nw = nw * np.exp(0.5 * lean)
        raw_w = w * np.exp(0.2 * lean)
        non_western[rows] = raw_nw * nw / (weight * raw_nw).sum()
        western[rows] = raw_w * w / (weight * raw_w).sum()
    western, non_western = np.round(western, 1), np.round(non_western, 1)
    frame = pd.DataFrame(
        {
            "gemeentecode": municipalities["gemeentecode"].astype(str).to_numpy(),
            "ses_groep": ses.astype(np.int64),
            "stedelijkheid": urban.astype(np.int64),
            "pct_nederlands": np.round(100 - western - non_western, 1),
            "pct_westers": western,
            "pct_niet_westers": non_western,
        }
    )
    return frame.sort_values("gemeentecode", ignore_index=True)


def workforce_frame(gz_stocks: dict[str, dict[int, int]], scale: float) -> pd.DataFrame:
    """personeel: employees in the GZ per region in the counted years and in 2040."""
    rows = []
    for region in REGION_IDS:
        if region == "t-gooi":
            per_client = GOOI_EMPLOYEES[2020] * scale / gz_stocks[region][GZ_YEARS[0]]
            last = round(GOOI_EMPLOYEES[2040] * scale)
        else:
            per_client = EMPLOYEES_PER_CLIENT
            last = round(EMPLOYEES_PER_CLIENT * gz_stocks[region][GZ_YEARS[0]] * EMPLOYEE_GROWTH_2040)
        rows += [(region, year, round(per_client * gz_stocks[region][year])) for year in GZ_YEARS]
        rows.append((region, FORECAST_YEARS[-1], last))
    frame = pd.DataFrame(rows, columns=["regio", "jaar", "medewerkers"])
    return frame.astype({"jaar": "int64", "medewerkers": "int64"})


def streefnorm_frame() -> pd.DataFrame:
    """streefnormen: weeks per status and classification."""
    rows = [(status, c, weeks) for status, weeks in STREEFNORM_WEEKS.items() for c in CLASSIFICATIES]
    return pd.DataFrame(rows, columns=["status", "classificatie", "weken"]).astype({"weken": "int64"})
