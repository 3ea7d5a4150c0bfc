"""Reference tables behind the example data: municipalities, their postcodes and inhabitants.

The CSV files in `reference/` hold the 2023 municipal division of the eleven regions (CBS
codes), the 4-digit postcode range of each municipality (approximate) and inhabitants per age
group on 1 January 2019-2023 (approximations of CBS figures, see docs/example-data.md).
"""

from __future__ import annotations

import io
from importlib.resources import files

import pandas as pd

from reportgen.data.regions import REGION_IDS, REGION_NAMES
from reportgen.data.schema import LEEFTIJDSGROEPEN

REFERENCE_YEARS = (2019, 2020, 2021, 2022, 2023)


def _reference_csv(name: str) -> pd.DataFrame:
    """One reference CSV, every column as text (codes keep their leading zeros)."""
    text = files("reportgen.data").joinpath("reference", name).read_text(encoding="utf-8")
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def reference_municipalities() -> pd.DataFrame:
    """Municipalities with region, printed region name and postcode range, in region order.

    Columns: gemeentecode, gemeente, regio, regio_naam, pc4_van, pc4_tot (ints), inwoners_2023.
    """
    gem = _reference_csv("gemeenten.csv")
    gem["pc4_van"] = gem["pc4_van"].astype("int64")
    gem["pc4_tot"] = gem["pc4_tot"].astype("int64")
    unknown = sorted(set(gem["regio"]) - set(REGION_IDS))
    if unknown:
        raise ValueError(f"gemeenten.csv: unknown regions {unknown}")
    gem["regio_naam"] = gem["regio"].map(REGION_NAMES)
    pop = reference_population()
    pop23 = pop[pop["jaar"] == 2023].groupby("gemeentecode", sort=True)["inwoners"].sum()
    gem["inwoners_2023"] = gem["gemeentecode"].map(pop23).astype("int64")
    gem["region_pos"] = gem["regio"].map({r: i for i, r in enumerate(REGION_IDS)})
    gem = gem.sort_values(["region_pos", "gemeentecode"], kind="stable").drop(columns="region_pos")
    return gem.reset_index(drop=True)


def reference_population() -> pd.DataFrame:
    """Inhabitants per municipality, year and age group (columns of the bevolking table)."""
    pop = _reference_csv("bevolking.csv")
    pop["jaar"] = pop["jaar"].astype("int64")
    pop["inwoners"] = pop["inwoners"].astype("int64")
    bad = sorted(set(pop["leeftijdsgroep"]) - set(LEEFTIJDSGROEPEN))
    if bad:
        raise ValueError(f"bevolking.csv: unknown age groups {bad}")
    return pop


def region_population(scale: float = 1.0) -> pd.DataFrame:
    """Inhabitants per region (rows, REGION_IDS order) and year (columns), scaled and rounded."""
    pop = reference_population()
    gem = _reference_csv("gemeenten.csv")[["gemeentecode", "regio"]]
    scaled = scaled_population(pop, scale)
    table = scaled.merge(gem, on="gemeentecode").pivot_table(
        index="regio", columns="jaar", values="inwoners", aggfunc="sum"
    )
    return table.reindex(list(REGION_IDS)).astype("int64")


def scaled_population(pop: pd.DataFrame, scale: float) -> pd.DataFrame:
    """The population table with every count multiplied by `scale` and rounded (1.0: unchanged)."""
    if scale == 1.0:
        return pop.copy()
    out = pop.copy()
    out["inwoners"] = (out["inwoners"].to_numpy() * scale).round().astype("int64")
    return out
