"""Reading the packaged boundaries once per process, and the zorgkantoor's regions.

The boundaries ship inside the package (`boundaries_2023.json.gz`, written by
`reportgen.geo.encode` from the CBS files), so maps need no network and no data
folder. Everything is read on first use and kept, read-only, for the rest of the
process.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reportgen.geo.shapes import FORMAT_VERSION, Municipality, Shape, decoded_polygons

PACKAGED_FILE = "boundaries_2023.json.gz"

ZORGKANTOOR_REGIONS: dict[str, str] = {
    "amsterdam": "ZK02",
    "apeldoorn-zutphen": "ZK03",
    "drenthe": "ZK06",
    "flevoland": "ZK07",
    "friesland": "ZK08",
    "t-gooi": "ZK21",
    "kennemerland": "ZK11",
    "rotterdam": "ZK20",
    "utrecht": "ZK23",
    "zaanstreek-waterland": "ZK26",
    "zwolle": "ZK32",
}
"""Region slug (the area id used in indicator frames) -> CBS zorgkantoor region code,
for the eleven regions reportgen makes documents for."""


@dataclass(frozen=True, eq=False)
class Boundaries:
    """All municipalities (by GM code) and zorgkantoor regions (by ZK code), sorted by code."""

    municipalities: dict[str, Municipality]
    regions: dict[str, Shape]

    def members(self, region_code: str) -> tuple[Municipality, ...]:
        """The municipalities of a zorgkantoor region (ZKnn or a region slug), by code."""
        code = region_code_of(region_code)
        if code not in self.regions:
            raise KeyError(f"unknown zorgkantoor region {region_code!r}")
        return tuple(m for m in self.municipalities.values() if m.region == code)


def region_code_of(region: str) -> str:
    """The ZK code of a region slug ("t-gooi" -> "ZK21"); a ZK code is returned as is."""
    if region in ZORGKANTOOR_REGIONS:
        return ZORGKANTOOR_REGIONS[region]
    if region.startswith("ZK"):
        return region
    raise KeyError(f"unknown region {region!r}; expected a ZK code or one of {sorted(ZORGKANTOOR_REGIONS)}")


def _label(area: dict) -> tuple[float, float]:
    """The stored label point of an area."""
    x, y = area["label"]
    return float(x), float(y)


def parsed_boundaries(data: dict) -> Boundaries:
    """Boundaries from the decoded packaged JSON."""
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"{PACKAGED_FILE}: unknown format version {data.get('version')!r}")
    municipalities = {
        m["code"]: Municipality(
            m["code"], m["name"], decoded_polygons(m["polygons"]), label=_label(m), region=m["region"]
        )
        for m in data["municipalities"]
    }
    regions = {
        r["code"]: Shape(r["code"], r["name"], decoded_polygons(r["polygons"]), label=_label(r))
        for r in data["regions"]
    }
    return Boundaries(municipalities, regions)


@cache
def boundaries() -> Boundaries:
    """The packaged 2023 boundaries, read once per process."""
    raw = resources.files("reportgen.geo").joinpath(PACKAGED_FILE).read_bytes()
    return parsed_boundaries(json.loads(gzip.decompress(raw).decode("utf-8")))
