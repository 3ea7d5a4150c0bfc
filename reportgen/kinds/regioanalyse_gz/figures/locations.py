"""Care locations as points on the maps per sector: where the locations stand that count.

A location counts for a sector when, in January of the edition, at least MIN_INTRAMURAL_CLIENTS
counted GZ clients of that sector (VG, LVG, LG, ZG, by their profile) stay there intramurally or
at least MIN_HOME_CLIENTS of them get VPT or MPT from there: the rule of `gz_locaties`, taken
per sector. As there, a postcode is one location; its point is
that of the register's first location (by id) at the postcode that has coordinates. A location
without coordinates is left out.

Rows: indicator `gz_locatiepunten`, region the municipality (area id) of the location, period
the edition, category "<sector>|<locatie_id>", value the RD New coordinate in metres (unit
`rd_x` or `rd_y`). No number of clients is written: a point is only a position. A point is
hidden where it would tell about a hidden count (`suppression.point_suppression`).
"""

from __future__ import annotations

import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.indicators.tidy import COLUMNS, empty_frame
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, municipality_id, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.home import GZ_SECTORS
from reportgen.kinds.regioanalyse_gz.figures.profiles import SECTOR_OF
from reportgen.kinds.regioanalyse_gz.figures.supply import counting_keys, counting_locations, edition_claims

INDICATOR = "gz_locatiepunten"
UNITS = ("rd_x", "rd_y")


def _busy_postcodes(base: GzBase) -> pd.DataFrame:
    """(sector, postcode) of the locations that count for the sector (the rule of `gz_locaties`)."""
    claims = edition_claims(base)
    profiles = base.in_year(base.edition).drop_duplicates("client").set_index("client")["profile"]
    claims = claims.assign(sector=claims["client"].map(profiles).map(SECTOR_OF)).dropna(subset=["sector"])
    busy = counting_keys(claims[["sector", "postcode", "client", "lv"]], ["sector", "postcode"])
    return busy.to_frame(index=False)[["sector", "postcode"]]


def _points(ds: Dataset, base: GzBase) -> pd.DataFrame:
    """Per postcode of a counting location in the regions: municipality, location id and its coordinates."""
    loc = counting_locations(ds, base.edition).merge(ds.locatiecoordinaten, on="locatie_id")
    loc = loc.sort_values("locatie_id", kind="stable").drop_duplicates("postcode")
    loc = loc.assign(gemeente=municipality_id(loc["gemeentecode"]))
    return loc[loc["gemeente"].isin(set(base.municipalities["area"]))][["postcode", "gemeente", "locatie_id", "x", "y"]]


def gz_locatiepunten(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """The points of the locations counting per sector in the regions' municipalities (see module docstring)."""
    base = base or prepare_gz_base(ds, edition)
    points = _busy_postcodes(base).merge(_points(ds, base), on="postcode")
    if points.empty:
        return empty_frame()
    order = {s: i for i, s in enumerate(GZ_SECTORS)}
    points = points.assign(_order=points["sector"].map(order)).sort_values(["_order", "gemeente", "locatie_id"])
    category = (points["sector"] + "|" + points["locatie_id"]).to_numpy()
    frames = [
        pd.DataFrame(
            {
                "indicator": INDICATOR,
                "region": points["gemeente"].to_numpy(),
                "period": str(edition),
                "category": category,
                "value": points[axis].to_numpy(dtype=float),
                "unit": unit,
                "suppressed": False,
            }
        )
        for axis, unit in zip(("x", "y"), UNITS, strict=True)
    ]
    return pd.concat(frames, ignore_index=True)[list(COLUMNS)]
