"""Inhabitants per area, year and age group, counted and forecast: the denominators of the figures,
and the inhabitants of the edition with each area's share of the Netherlands (a summary tile)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, municipality_id, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import rows, with_areas

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


def national_inhabitants(ds: Dataset, year: int) -> float:
    """Inhabitants of the Netherlands on 1 January of `year` (bevolking_nederland); NaN when not given."""
    table = ds.bevolking_nederland
    found = table.loc[table["jaar"] == year, "inwoners"]
    return float(found.iloc[0]) if len(found) else float("nan")


def gz_inwoners(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Inhabitants on 1 January of the edition per area, and each area's share of the Netherlands.

    The country's inhabitants come from bevolking_nederland; without a row for the edition the
    share is left empty (printed as not available) rather than taken against another total.
    """
    base = base or prepare_gz_base(ds, edition)
    people = inhabitants(ds, base, (edition,)).xs(edition, level="period")
    areas = [a for a in base.areas if a in people.index]
    counts = people.reindex(areas)
    country = national_inhabitants(ds, edition)
    shares = 100.0 * counts / country if country > 0 else counts * np.nan
    period = str(edition)
    return pd.concat(
        [
            rows("gz_inwoners", counts.rename_axis("area"), "inwoners", period=period, category=""),
            rows("gz_inwoners_aandeel", shares.rename_axis("area"), "procent", period=period, category=""),
        ],
        ignore_index=True,
    )
