"""CBS boundaries of municipalities and zorgkantoor regions (2023), shipped with the package.

`boundaries()` returns every municipality (GM code, name, polygons, zorgkantoor
region) and every zorgkantoor region (ZK code, name, polygons) in RD New metres.
Maps drawn from them carry `ATTRIBUTION` on their Bron line.
"""

from reportgen.geo.load import ZORGKANTOOR_REGIONS, Boundaries, boundaries, region_code_of
from reportgen.geo.shapes import ATTRIBUTION, ATTRIBUTION_SOURCE, BOUNDARY_YEAR, Municipality, Polygon, Shape

__all__ = [
    "ATTRIBUTION",
    "ATTRIBUTION_SOURCE",
    "BOUNDARY_YEAR",
    "ZORGKANTOOR_REGIONS",
    "Boundaries",
    "Municipality",
    "Polygon",
    "Shape",
    "boundaries",
    "region_code_of",
]
