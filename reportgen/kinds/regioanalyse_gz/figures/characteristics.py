"""Regional characteristics: socio-economic status, urbanity and origin of the inhabitants.

SES and urbanity groups are shown per municipality as given; a region (and all regions) gets
the mean group of its municipalities weighted by their inhabitants. The origin shares of a
region (and of all regions) are the municipalities' percentages weighted the same way, by
the inhabitants on 1 January of the edition year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.indicators.tidy import empty_frame
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, municipality_id, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.frames import rows, with_areas

ORIGINS = (("pct_nederlands", "nederlands"), ("pct_westers", "westers"), ("pct_niet_westers", "niet-westers"))


def _with_population(ds: Dataset, base: GzBase, edition: int) -> pd.DataFrame:
    """gemeentekenmerken with area id, region and inhabitants of the edition year."""
    traits = ds.gemeentekenmerken
    region_of = dict(zip(base.municipalities["area"], base.municipalities["region"], strict=True))
    pop = ds.bevolking[ds.bevolking["jaar"] == edition].groupby("gemeentecode")["inwoners"].sum()
    frame = traits.assign(
        gemeente=municipality_id(traits["gemeentecode"]),
        inwoners=traits["gemeentecode"].map(pop).fillna(0).to_numpy(dtype=np.float64),
    )
    frame = frame.assign(region=frame["gemeente"].map(region_of))
    return frame.dropna(subset=["region"])


def gz_gemeentekenmerken(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """SES group and urbanity group per municipality; origin shares per municipality, region and all regions."""
    base = base or prepare_gz_base(ds, edition)
    frame = _with_population(ds, base, edition)
    if frame.empty:
        return empty_frame()
    period = str(edition)
    by_municipality = frame.set_index(pd.Index(frame["gemeente"], name="area"))
    located = with_areas(frame, municipal=True)
    areas = [a for a in base.areas if a in set(located["area"])]
    regional = with_areas(frame)
    wider = [a for a in areas if a in set(regional["area"])]
    out = []
    for indicator, column in (("gz_ses_groep", "ses_groep"), ("gz_stedelijkheid", "stedelijkheid")):
        out.append(rows(indicator, by_municipality[column].astype(np.float64), "groep", period=period, category=""))
        out.append(rows(indicator, _weighted(regional, column, wider), "groep", period=period, category=""))
    for column, label in ORIGINS:
        out.append(rows("gz_herkomst", _weighted(located, column, areas), "procent", period=period, category=label))
    return pd.concat(out, ignore_index=True)


def _weighted(located: pd.DataFrame, column: str, areas: list[str]) -> pd.Series:
    """Per area the mean of `column` over its municipalities, weighted by their inhabitants (NaN without any)."""
    weight = located.groupby("area", observed=True)["inwoners"].sum()
    weighted = (located[column] * located["inwoners"]).groupby(located["area"], observed=True).sum()
    values = np.full(len(areas), np.nan)
    den = weight.reindex(areas).to_numpy()
    np.divide(weighted.reindex(areas).to_numpy(), den, out=values, where=den > 0)
    return pd.Series(values, index=pd.Index(areas, name="area"))
