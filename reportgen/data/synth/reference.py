"""Reference tables behind the example data: municipalities, their postcodes and inhabitants.

`reference/gemeenten.csv` holds the real 2023 membership of the eleven regions' municipalities
(CBS codes, derived from the CBS/Kadaster zorgkantoorregio boundaries) with an approximate
4-digit postcode range; `reference/bevolking_2023.csv` the real CBS population of each on
1 January 2023 with CBS's rounded age percentages. Earlier years and the contract's age groups
are modelled from those (`reference/groei.csv`: population of earlier years relative to 2023,
per region); see docs/example-data.md. `reference/bevolking_nederland.csv` holds the
inhabitants of the whole country on 1 January 2023: the sum of all 342 municipalities of the
same CBS file, which equals CBS's published national figure.
"""

from __future__ import annotations

import io
from functools import cache
from importlib.resources import files

import numpy as np
import pandas as pd

from reportgen.data.regions import REGION_IDS, REGION_NAMES
from reportgen.data.schema import LEEFTIJDSGROEPEN
from reportgen.data.synth.quota import largest_remainder

REFERENCE_YEARS = (2019, 2020, 2021, 2022, 2023)
CBS_YEAR = 2023
SHARE_15_24_UNDER_18 = 0.3
"""Part of CBS's 15-24 group that is under 18 (three of its ten birth years)."""
SHARE_65_PLUS_UNDER_80 = 0.72
"""Part of the 65+ group aged 65-79 (modelled; CBS's wijk- en buurtkaart has no finer split)."""


def _reference_csv(name: str) -> pd.DataFrame:
    """One reference CSV, every column as text (codes keep their leading zeros)."""
    text = files("reportgen.data").joinpath("reference", name).read_text(encoding="utf-8")
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def cbs_population_2023() -> pd.DataFrame:
    """The CBS rows of 1 January 2023 for the eleven regions' municipalities, numbers as ints."""
    pop = _reference_csv("bevolking_2023.csv")
    for col in pop.columns[2:]:
        pop[col] = pop[col].astype("int64")
    return pop


def reference_municipalities() -> pd.DataFrame:
    """Municipalities with region, printed region name and postcode range, in region order.

    Columns: gemeentecode, gemeente, regio, regio_naam, pc4_van, pc4_tot, x, y (ints; x, y the
    centre of the CBS 2023 outline in RD New metres), inwoners_2023.
    """
    gem = _reference_csv("gemeenten.csv")
    gem["pc4_van"] = gem["pc4_van"].astype("int64")
    gem["pc4_tot"] = gem["pc4_tot"].astype("int64")
    gem["x"] = gem["x"].astype("int64")
    gem["y"] = gem["y"].astype("int64")
    unknown = sorted(set(gem["regio"]) - set(REGION_IDS))
    if unknown:
        raise ValueError(f"gemeenten.csv: unknown regions {unknown}")
    gem["regio_naam"] = gem["regio"].map(REGION_NAMES)
    pop23 = cbs_population_2023().set_index("gemeentecode")["inwoners"]
    gem["inwoners_2023"] = gem["gemeentecode"].map(pop23).astype("int64")
    gem["region_pos"] = gem["regio"].map({r: i for i, r in enumerate(REGION_IDS)})
    gem = gem.sort_values(["region_pos", "gemeentecode"], kind="stable").drop(columns="region_pos")
    return gem.reset_index(drop=True)


def age_weights(cbs: pd.DataFrame) -> np.ndarray:
    """Weights of LEEFTIJDSGROEPEN per municipality from CBS's rounded percentages, shaped (n, 4)."""
    young = cbs["pct_15_25"].to_numpy(dtype=np.float64)
    old = cbs["pct_65_plus"].to_numpy(dtype=np.float64)
    return np.column_stack(
        [
            cbs["pct_0_15"].to_numpy(dtype=np.float64) + SHARE_15_24_UNDER_18 * young,
            (1 - SHARE_15_24_UNDER_18) * young
            + cbs["pct_25_45"].to_numpy(dtype=np.float64)
            + cbs["pct_45_65"].to_numpy(dtype=np.float64),
            SHARE_65_PLUS_UNDER_80 * old,
            (1 - SHARE_65_PLUS_UNDER_80) * old,
        ]
    )


def growth_factors() -> dict[tuple[str, int], float]:
    """(region, year) -> modelled population of that year relative to 1 January 2023."""
    g = _reference_csv("groei.csv")
    factors = {(r, int(y)): float(f) for r, y, f in zip(g["regio"], g["jaar"], g["factor"], strict=True)}
    factors.update({(r, CBS_YEAR): 1.0 for r in REGION_IDS})
    return factors


def reference_population() -> pd.DataFrame:
    """A copy of the modelled population table (see _modelled_population)."""
    return _modelled_population().copy()


@cache
def _modelled_population() -> pd.DataFrame:
    """Inhabitants per municipality, year and age group (columns of the bevolking table).

    2023 totals are CBS's; each year's total is the 2023 figure times the region's growth
    factor, and is split over the age groups by the 2023 age weights (largest remainder, so
    the groups add up exactly).
    """
    cbs = cbs_population_2023()
    region = cbs["gemeentecode"].map(reference_municipalities().set_index("gemeentecode")["regio"])
    weights = age_weights(cbs)
    factors = growth_factors()
    rows: list[tuple[str, int, str, int]] = []
    for i, (code, total, reg) in enumerate(zip(cbs["gemeentecode"], cbs["inwoners"], region, strict=True)):
        for year in REFERENCE_YEARS:
            year_total = int(round(total * factors[(reg, year)]))
            counts = largest_remainder(year_total, weights[i])
            rows.extend((code, year, group, int(n)) for group, n in zip(LEEFTIJDSGROEPEN, counts, strict=True))
    return pd.DataFrame(rows, columns=["gemeentecode", "jaar", "leeftijdsgroep", "inwoners"])


def scaled_population(pop: pd.DataFrame, scale: float) -> pd.DataFrame:
    """The population table with every count multiplied by `scale` and rounded (1.0: unchanged)."""
    if scale == 1.0:
        return pop.copy()
    out = pop.copy()
    out["inwoners"] = (out["inwoners"].to_numpy() * scale).round().astype("int64")
    return out


def national_population(scale: float = 1.0) -> pd.DataFrame:
    """bevolking_nederland: inhabitants of the Netherlands per year (CBS, 1 January), times `scale`.

    Scaled like the regions' inhabitants, so a region's share of the country is the same at
    every scale.
    """
    table = _reference_csv("bevolking_nederland.csv").astype("int64")
    table["inwoners"] = (table["inwoners"].to_numpy() * scale).round().astype("int64")
    return table[["jaar", "inwoners"]]
