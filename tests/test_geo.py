"""The packaged CBS boundaries: counts, membership, exact coordinates, label points."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from reportgen.data.regions import REGION_IDS
from reportgen.geo import ATTRIBUTION, ZORGKANTOOR_REGIONS, boundaries, region_code_of
from reportgen.geo.encode import compact_bytes, delta_ring
from reportgen.geo.labelpoint import deepest_point, inside, label_point
from reportgen.geo.load import PACKAGED_FILE, parsed_boundaries
from reportgen.geo.shapes import FORMAT_VERSION, decoded_ring, ring_area

SOURCE = Path("/work/shared/geo")

# Municipalities per zorgkantoor region as documented with the CBS files.
MEMBERS_PER_REGION = {
    "Amstelland en De Meerlanden": 5, "Amsterdam": 2, "Apeldoorn/Zutphen": 6, "Arnhem": 22, "Drenthe": 12,
    "Flevoland": 5, "Friesland": 18, "Groningen": 10, "Haaglanden": 5, "Kennemerland": 9, "Midden-Brabant": 9,
    "Midden-Holland": 5, "Midden-IJssel": 4, "Nijmegen": 14, "Noord- en Midden-Limburg": 13,
    "Noord-Holland Noord": 15, "Noordoost-Brabant": 12, "Rotterdam": 3, "'t Gooi": 8, "Twente": 14, "Utrecht": 25,
    "Waardenland": 10, "West-Brabant": 16, "Zaanstreek/Waterland": 7, "Zeeland": 13, "Zuid-Holland Noord": 13,
    "Zuid-Hollandse Eilanden": 7, "Zuidoost-Brabant": 21, "Zuid-Limburg": 16, "Zwolle": 15,
    "Westland Schieland Delfland": 8,
}  # fmt: skip


def test_counts():
    """342 municipalities in 31 regions (ZK01-ZK33 without ZK05 and ZK15)."""
    data = boundaries()
    assert len(data.municipalities) == 342
    assert len(data.regions) == 31
    expected = {f"ZK{n:02d}" for n in range(1, 34)} - {"ZK05", "ZK15"}
    assert set(data.regions) == expected
    assert all(code.startswith("GM") and len(code) == 6 for code in data.municipalities)


def test_membership_per_region():
    """Every municipality belongs to one region, with the documented number per region."""
    data = boundaries()
    counts = Counter(data.regions[m.region].name for m in data.municipalities.values())
    assert counts == MEMBERS_PER_REGION
    assert sum(counts.values()) == 342


def test_the_eleven_regions():
    """The eleven slugs are the document regions and name the right CBS regions."""
    data = boundaries()
    assert set(ZORGKANTOOR_REGIONS) == set(REGION_IDS)
    assert len(set(ZORGKANTOOR_REGIONS.values())) == 11
    names = {slug: data.regions[code].name for slug, code in ZORGKANTOOR_REGIONS.items()}
    assert names["t-gooi"] == "'t Gooi"
    assert names["zaanstreek-waterland"] == "Zaanstreek/Waterland"
    assert names["apeldoorn-zutphen"] == "Apeldoorn/Zutphen"
    gooi = sorted(m.name for m in data.members("t-gooi"))
    assert gooi == ["Almere", "Blaricum", "Eemnes", "Gooise Meren", "Hilversum", "Huizen", "Laren", "Wijdemeren"]
    assert sorted(m.name for m in data.members("rotterdam")) == [
        "Capelle aan den IJssel", "Krimpen aan den IJssel", "Rotterdam"
    ]  # fmt: skip
    assert sum(len(data.members(slug)) for slug in ZORGKANTOOR_REGIONS) == 2 + 6 + 12 + 5 + 18 + 8 + 9 + 3 + 25 + 7 + 15


def test_region_codes():
    """Slugs and ZK codes both resolve; anything else is refused by name."""
    assert region_code_of("t-gooi") == "ZK21"
    assert region_code_of("ZK08") == "ZK08"
    with pytest.raises(KeyError, match="unknown region 'gooi'"):
        region_code_of("gooi")
    with pytest.raises(KeyError, match="ZK05"):
        boundaries().members("ZK05")


def test_holes_and_names():
    """Lakes left out stay holes (the Gooimeer in 't Gooi); Frisian names keep their accents."""
    data = boundaries()
    assert any(p.holes for p in data.regions["ZK21"].polygons)
    assert "Súdwest-Fryslân" in {m.name for m in data.members("friesland")}
    assert ATTRIBUTION == "Bron: CBS, Kadaster (via PDOK)"


def test_delta_encoding_round_trip():
    """A closed ring loses its closing point and comes back exactly."""
    flat = delta_ring([[10, 20], [30, 20], [30, 50], [10, 20]])
    assert flat == [10, 20, 20, 0, 0, 30]
    assert decoded_ring(flat).tolist() == [[10, 20], [30, 20], [30, 50]]
    assert ring_area(decoded_ring(flat)) == 300.0  # 20 x 30 / 2, counter-clockwise
    with pytest.raises(ValueError, match="2 points"):
        delta_ring([[0, 0], [1, 1], [0, 0]])


@pytest.mark.skipif(not SOURCE.is_dir(), reason="CBS source files not available")
def test_packaged_file_is_the_encoded_source():
    """The shipped file is exactly what the encoder makes of the CBS files, and every
    coordinate of a sample municipality equals the source."""
    packaged = resources.files("reportgen.geo").joinpath(PACKAGED_FILE).read_bytes()
    assert compact_bytes(SOURCE) == packaged
    source = json.loads((SOURCE / "gemeente_2023.geojson").read_text(encoding="utf-8"))
    almere = next(f for f in source["features"] if f["properties"]["statcode"] == "GM0034")
    ring = almere["geometry"]["coordinates"][0]
    assert boundaries().municipalities["GM0034"].polygons[0].outline.tolist() == ring[:-1]


def test_loader_refuses_unknown_version():
    """A packaged file of another format is an error, not a wrong map."""
    with pytest.raises(ValueError, match="version"):
        parsed_boundaries({"version": 99})


def test_loaded_once_and_read_only():
    """The boundaries are read once per process and cannot be changed by a caller."""
    assert boundaries() is boundaries()
    ring = boundaries().municipalities["GM0034"].polygons[0].outline
    with pytest.raises(ValueError):
        ring[0, 0] = 0


def test_label_points_lie_inside():
    """Every area's stored label point lies within its largest piece; one is checked
    against the search it was made with."""
    data = boundaries()
    for m in [*data.municipalities.values(), *data.regions.values()]:
        point = np.array([label_point(m)])
        assert inside(m.largest, point).all(), m.name
    almere = data.municipalities["GM0034"]
    assert label_point(almere) == almere.label == deepest_point(almere.largest)


def test_packaged_file_is_compact():
    """The shipped copy stays small (the source GeoJSON is about 250 kB)."""
    packaged = resources.files("reportgen.geo").joinpath(PACKAGED_FILE).read_bytes()
    assert len(packaged) < 60_000
    assert json.loads(gzip.decompress(packaged))["version"] == FORMAT_VERSION
