"""Inhabitants per area, year and age group, counted and forecast: the denominators of the figures."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, municipality_id
from reportgen.kinds.regioanalyse_gz.figures.frames import with_areas

WORKING_AGE = "18-64"
"""The age group that stands for the working-age population (beroepsbevolking)."""


def _located(table: pd.DataFrame, base: GzBase) -> pd.DataFrame:
    """A bevolking-like table with region and gemeente (area id) per row; unknown municipalities dropped."""
    region_of = dict(zip(base.municipalities["area"], base.municipalities["region"], strict=True))
    gemeente = municipality_id(table["gemeentecode"].to_numpy())
    region = pd.Series(gemeente).map(region_of).to_numpy(dtype=object)
    located = table.assign(gemeente=gemeente, region=region)
    return located[pd.notna(region)]


def inhabitants(ds: Dataset, base: GzBase, years: tuple[int, ...], by_age: bool = False) -> pd.Series:
    """Inhabitants per area and year (and leeftijdsgroep), from bevolking then bevolkingsprognose.

    A year found in bevolking is taken from there; other years from the forecast table.
    """
    return base.remembered(("inhabitants", years, by_age), lambda: _inhabitants(ds, base, years, by_age))


def _inhabitants(ds: Dataset, base: GzBase, years: tuple[int, ...], by_age: bool) -> pd.Series:
    counted = ds.bevolking
    forecast = ds.bevolkingsprognose
    forecast = forecast[~forecast["jaar"].isin(counted["jaar"].unique())]
    table = pd.concat([counted, forecast], ignore_index=True)
    table = table[table["jaar"].isin(years)]
    located = with_areas(_located(table, base), municipal=True)
    keys = ["area", "jaar", "leeftijdsgroep"] if by_age else ["area", "jaar"]
    sums = located.groupby(keys)["inwoners"].sum().astype(np.float64)
    return sums.rename_axis(["area", "period", *(["category"] if by_age else [])])
