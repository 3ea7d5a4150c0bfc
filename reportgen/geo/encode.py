"""Turn the CBS boundary files into the compact copy shipped inside the package.

The source files (GeoJSON, RD New, integer metres) are large and slow to parse. The
packaged copy keeps exactly the same coordinates, but writes every ring as its first
point followed by the steps to the next points (small integers that gzip well), drops
the repeated closing point, and adds each municipality's zorgkantoor region and each
area's label point (`labelpoint.deepest_point`). Run once
when the boundaries change:

    python -m reportgen.geo.encode SOURCE_DIR reportgen/geo/boundaries_2023.json.gz
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

from reportgen.geo.labelpoint import deepest_point
from reportgen.geo.shapes import FORMAT_VERSION, decoded_polygons
from reportgen.write import write_bytes_atomic

MUNICIPALITY_FILE = "gemeente_2023.geojson"
REGION_FILE = "zorgkantoorregio_2023.geojson"
MEMBERSHIP_FILE = "gemeente_zorgkantoorregio_2023.csv"


def delta_ring(ring: list[list[int]]) -> list[int]:
    """A closed ring as [x0, y0, dx1, dy1, ...] without the closing point."""
    points = [(int(x), int(y)) for x, y in ring]
    if len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]
    if len(points) < 3:
        raise ValueError(f"ring with {len(points)} points")
    flat = [points[0][0], points[0][1]]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        flat += [x1 - x0, y1 - y0]
    return flat


def feature_polygons(feature: dict) -> list[list[list[int]]]:
    """The polygons of a feature, each a list of delta-encoded rings (outer ring first)."""
    geometry = feature["geometry"]
    if geometry["type"] == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"{feature['properties'].get('statcode')}: unexpected geometry {geometry['type']}")
    return [[delta_ring(ring) for ring in polygon] for polygon in polygons]


def label_of(polygons: list[list[list[int]]]) -> list[int]:
    """The label point of encoded polygons: the deepest point of the largest piece."""
    largest = max(decoded_polygons(polygons), key=lambda p: p.area)
    x, y = deepest_point(largest)
    return [int(x), int(y)]


def _features(path: Path) -> list[dict]:
    """The features of a GeoJSON file, sorted by statcode."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted(data["features"], key=lambda f: f["properties"]["statcode"])


def _membership(path: Path) -> dict[str, str]:
    """Municipality code (GMnnnn) -> zorgkantoor region code (ZKnn)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {"GM" + row["gemeentecode"]: row["zorgkantoorregio_code"] for row in csv.DictReader(handle)}


def compact_boundaries(source: Path) -> dict:
    """The packaged structure built from the three source files in `source`."""
    membership = _membership(source / MEMBERSHIP_FILE)
    municipalities = []
    for feature in _features(source / MUNICIPALITY_FILE):
        code = feature["properties"]["statcode"]
        if code not in membership:
            raise ValueError(f"{MEMBERSHIP_FILE}: no zorgkantoor region for {code}")
        polygons = feature_polygons(feature)
        municipalities.append(
            {
                "code": code,
                "name": feature["properties"]["statnaam"],
                "region": membership[code],
                "label": label_of(polygons),
                "polygons": polygons,
            }
        )
    regions = []
    for feature in _features(source / REGION_FILE):
        polygons = feature_polygons(feature)
        props = feature["properties"]
        regions.append(
            {"code": props["statcode"], "name": props["statnaam"], "label": label_of(polygons), "polygons": polygons}
        )
    return {"version": FORMAT_VERSION, "municipalities": municipalities, "regions": regions}


def compact_bytes(source: Path) -> bytes:
    """The gzipped JSON of `compact_boundaries`, byte-identical for the same sources."""
    text = json.dumps(compact_boundaries(source), ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str]) -> int:
    """Command line: SOURCE_DIR DEST_FILE."""
    if len(argv) != 2:
        print("usage: python -m reportgen.geo.encode SOURCE_DIR DEST_FILE", file=sys.stderr)
        return 2
    write_bytes_atomic(Path(argv[1]), compact_bytes(Path(argv[0])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
