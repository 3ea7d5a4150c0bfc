"""The forecast of GZ clients to 2040: age-specific usage rates times the forecast population.

Per region and age group the usage rate of each observed year (counted GZ clients per
inhabitant, 2020 to the edition) is computed. The mid forecast applies the mean of those rates
to the population of the forecast year (bevolking for counted years, bevolkingsprognose after).
The min and max forecasts carry the observed variation forward: the spread of the rate is the
standard deviation of its yearly relative changes, and n years after the edition the max
(min) rate lies n spreads above (below) the mean rate, never below zero. The band therefore
opens from the edition on, widening with every forecast year, and is as wide as the rate was
unsteady. A municipality uses its region's rates; alle-regios uses the rates of all regions pooled.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import LEEFTIJDSGROEPEN, Dataset
from reportgen.indicators.base import ALL_REGIONS
from reportgen.indicators.tidy import empty_frame
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, growth_percent, rows
from reportgen.kinds.regioanalyse_gz.figures.population import inhabitants

SCENARIOS = ("min", "mid", "max")
SHOWN_YEARS = (2025, 2028, 2030, 2035, 2040)
AGE_GROUP_FLOORS = (18, 65, 80)
"""Lowest age of each LEEFTIJDSGROEPEN group after the first (0-17, 18-64, 65-79, 80+)."""
UNIT = "klanten (prognose)"


def age_group(age: np.ndarray) -> np.ndarray:
    """The LEEFTIJDSGROEPEN label of each age."""
    groups = np.asarray(LEEFTIJDSGROEPEN, dtype=object)
    return groups[np.searchsorted(np.asarray(AGE_GROUP_FLOORS), age, side="right")]


def usage_rates(ds: Dataset, base: GzBase) -> pd.DataFrame:
    """Clients per inhabitant per area (regions and alle-regios), age group (rows) and year (columns)."""
    clients = base.clients.assign(category=age_group(base.clients["age"].to_numpy()))
    areas = [*base.regions, ALL_REGIONS]
    pooled = pd.concat([clients.assign(area=clients["region"]), clients.assign(area=ALL_REGIONS)])
    counts = full_counts(pooled, {"area": areas, "category": LEEFTIJDSGROEPEN, "year": base.years}).unstack("year")
    people = inhabitants(ds, base, base.years, by_age=True)
    people = people.reorder_levels(["area", "category", "period"]).unstack("period")
    people = people.reindex(index=counts.index, columns=list(base.years)).fillna(0.0).to_numpy()
    values = np.full(counts.shape, np.nan)
    np.divide(counts.to_numpy(), people, out=values, where=people > 0)
    return pd.DataFrame(values, index=counts.index, columns=list(base.years))


def rate_spread(rates: pd.DataFrame) -> pd.Series:
    """Per row the standard deviation (of the observed changes themselves, ddof 0) of the yearly
    relative changes of the rate; 0 where fewer than two changes are defined (a rate of 0 before)."""
    values = rates.to_numpy(dtype=np.float64)
    before, after = values[:, :-1], values[:, 1:]
    changes = np.full(before.shape, np.nan)
    np.divide(after, before, out=changes, where=before > 0)
    changes -= 1.0
    defined = np.isfinite(changes).sum(axis=1)
    spread = np.zeros(len(values))
    enough = defined >= 2
    spread[enough] = np.nanstd(changes[enough], axis=1)
    return pd.Series(spread, index=rates.index)


def scenario_rates(rates: pd.DataFrame) -> pd.DataFrame:
    """Per area and age group the mean observed rate (mid) and the spread of its yearly changes; 0 where none."""
    table = pd.DataFrame({"mid": rates.mean(axis=1), "spread": rate_spread(rates)})
    return table.fillna(0.0)


def scenario_factors(spread: np.ndarray, years_ahead: np.ndarray) -> dict[str, np.ndarray]:
    """The factor on the mean rate per scenario, `years_ahead` years after the edition."""
    width = spread * years_ahead
    return {"min": np.maximum(1.0 - width, 0.0), "mid": np.ones_like(width), "max": 1.0 + width}


def forecast_years(ds: Dataset, edition: int) -> tuple[int, ...]:
    """The edition and the shown years after it that the population tables cover."""
    known = set(ds.bevolking["jaar"]) | set(ds.bevolkingsprognose["jaar"])
    return (edition, *(y for y in SHOWN_YEARS if y > edition and y in known))


def forecast(ds: Dataset, base: GzBase, years: tuple[int, ...]) -> pd.Series:
    """Forecast clients per area (regions, alle-regios, municipalities), year and scenario."""
    return base.remembered(("forecast", years), lambda: _forecast(ds, base, years))


def _forecast(ds: Dataset, base: GzBase, years: tuple[int, ...]) -> pd.Series:
    rates = base.remembered(("rates",), lambda: scenario_rates(usage_rates(ds, base)))
    people = inhabitants(ds, base, years, by_age=True)
    region_of = {**dict(zip(base.municipalities["area"], base.municipalities["region"], strict=True))}
    frame = people.rename("people").reset_index()
    frame["rate_area"] = frame["area"].map(lambda a: region_of.get(a, a))
    joined = frame.merge(rates, left_on=["rate_area", "category"], right_index=True, how="left").fillna(0.0)
    ahead = np.maximum(joined["period"].to_numpy(dtype=np.float64) - base.edition, 0.0)
    factors = scenario_factors(joined["spread"].to_numpy(), ahead)
    expected = joined["mid"].to_numpy() * joined["people"].to_numpy()
    for scenario in SCENARIOS:
        joined[scenario] = expected * factors[scenario]
    sums = joined.groupby(["area", "period"])[list(SCENARIOS)].sum()
    index = pd.MultiIndex.from_product([base.areas, list(years)], names=["area", "period"])
    stacked = sums.reindex(index, fill_value=0.0).stack()
    return stacked.rename_axis(["area", "period", "category"])


def gz_prognose(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Forecast clients per region and all regions in the shown years, per scenario (min, mid, max)."""
    base = base or prepare_gz_base(ds, edition)
    values = forecast(ds, base, forecast_years(ds, edition))
    keep = values.index.get_level_values("area").isin([*base.regions, ALL_REGIONS])
    return rows("gz_prognose", values[keep], UNIT)


def gz_prognose_verandering(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Change of the forecast in the last shown year against the counted clients of the edition, in %."""
    base = base or prepare_gz_base(ds, edition)
    years = forecast_years(ds, edition)
    if len(years) == 1:
        return empty_frame()  # no forecast population after the edition
    values = forecast(ds, base, (years[-1],))
    areas = [*base.regions, ALL_REGIONS]
    counted = base.in_year(edition)
    clients = pd.concat([counted["region"], pd.Series([ALL_REGIONS] * len(counted))]).value_counts()
    out = []
    for scenario in SCENARIOS:
        last = values.loc[[(a, years[-1], scenario) for a in areas]].to_numpy()
        base_count = clients.reindex(areas, fill_value=0).to_numpy(dtype=np.float64)
        change = pd.Series(growth_percent(base_count, last), index=pd.Index(areas, name="area"))
        out.append(
            rows("gz_prognose_verandering", change, "procent", period=f"{edition}-{years[-1]}", category=scenario)
        )
    return pd.concat(out, ignore_index=True)


def gz_prognose_nieuwe_klanten(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Mid forecast growth in clients from the edition to the last shown year, per area (municipalities too)."""
    base = base or prepare_gz_base(ds, edition)
    years = forecast_years(ds, edition)
    if len(years) == 1:
        return empty_frame()  # no forecast population after the edition
    mid = forecast(ds, base, (edition, years[-1])).xs("mid", level="category").unstack("period")
    growth = mid[years[-1]] - mid[edition]
    return rows(
        "gz_prognose_nieuwe_klanten", growth.reindex(base.areas), UNIT, period=f"{edition}-{years[-1]}", category=""
    )
