"""What GZ care costs: cost per client over the years, and spending in 2040 at constant cost per client.

The cost per client is the January claim total of the counted GZ clients divided by their
number (a month's cost). Yearly spending is twelve times the January cost per client times the
clients; for 2040 the cost per client of the edition is kept and the clients are the max
forecast. Spending per member of the working-age population divides by the inhabitants aged
18-64 of the same year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.indicators.base import ALL_REGIONS
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.forecast import forecast, forecast_years
from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, full_sums, growth_percent, rows, with_areas
from reportgen.kinds.regioanalyse_gz.figures.population import WORKING_AGE, inhabitants

MONTHS = 12
SPENDING_SCENARIO = "max"


def cost_per_client(base: GzBase) -> pd.Series:
    """January cost per counted GZ client per area (regions, alle-regios) and year."""
    return base.remembered(("cost_per_client",), lambda: _cost_per_client(base))


def _cost_per_client(base: GzBase) -> pd.Series:
    located = with_areas(base.clients, keep=["year", "cost"])
    levels = {"area": [*base.regions, ALL_REGIONS], "year": base.years}
    total = full_sums(located, levels, "cost").to_numpy()
    n = full_counts(located, levels)
    values = np.full(len(n), np.nan)
    np.divide(total, n.to_numpy(), out=values, where=n.to_numpy() > 0)
    return pd.Series(values, index=n.index.rename(["area", "period"]))


def gz_kosten_per_klant(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Cost per GZ client per year and its change from the first year to the edition."""
    base = base or prepare_gz_base(ds, edition)
    cost = cost_per_client(base)
    wide = cost.unstack("period")
    first, last = base.years[0], base.years[-1]
    change = pd.Series(growth_percent(wide[first].to_numpy(), wide[last].to_numpy()), index=wide.index)
    return pd.concat(
        [
            rows("gz_kosten_per_klant", cost, "euro per klant per maand", category=""),
            rows("gz_kosten_per_klant_groei", change, "procent", period=f"{first}-{last}", category=""),
        ],
        ignore_index=True,
    )


def gz_uitgaven(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Yearly GZ spending in the edition and in the last forecast year, total and per working-age inhabitant."""
    base = base or prepare_gz_base(ds, edition)
    areas = [*base.regions, ALL_REGIONS]
    last = forecast_years(ds, edition)[-1]
    cost = cost_per_client(base).unstack("period")[edition].reindex(areas).to_numpy()
    clients_now = full_counts(with_areas(base.in_year(edition), keep=[]), {"area": areas}).to_numpy()
    future = forecast(ds, base, (last,))
    clients_then = np.array([future.get((a, last, SPENDING_SCENARIO), np.nan) for a in areas])
    people = inhabitants(ds, base, (edition, last), by_age=True)
    working = people.xs(WORKING_AGE, level="category") if len(people) else people
    out = []
    periods = ((edition, clients_now), (last, clients_then)) if last != edition else ((edition, clients_now),)
    for year, clients in periods:
        spending = MONTHS * cost * clients
        workers = np.array([working.get((a, year), np.nan) for a in areas], dtype=np.float64)
        per_worker = np.full(len(areas), np.nan)
        np.divide(spending, workers, out=per_worker, where=workers > 0)
        index = pd.Index(areas, name="area")
        out.append(
            rows("gz_uitgaven", pd.Series(spending, index=index), "euro per jaar", period=str(year), category="")
        )
        out.append(
            rows(
                "gz_uitgaven_per_beroepsbevolking",
                pd.Series(per_worker, index=index),
                "euro per inwoner 18-64 per jaar",
                period=str(year),
                category="",
            )
        )
    return pd.concat(out, ignore_index=True)
