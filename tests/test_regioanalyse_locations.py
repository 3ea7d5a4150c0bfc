"""Location points on the maps per sector, on hand-built data: which locations count, where they
stand, and that a point never stands where it would tell about a hidden count."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from regioanalyse_builders import gz_client
from test_regioanalyse_figures import two_municipalities

from reportgen.kinds.regioanalyse_gz.figures.locations import gz_locatiepunten
from reportgen.kinds.regioanalyse_gz.figures.suppression import point_suppression


def _dataset():
    """Hilversum 1211AA: 5 VG and 3 LG intramural (two register entries, the first L000001);
    Almere 1311AA: 5 LG intramural and 4 VG; Hilversum 1211AC: 6 VG, no coordinates;
    Hilversum 1211AD: 5 VG with MPT from there."""
    b = two_municipalities()
    b.location("1211AA", "0402", "01000001").location("1211AA", "0402", "02000002")
    b.location("1311AA", "0034", "03000003").location("1211AC", "0402", "01000001")
    b.location("1211AD", "0402", "01000001")
    b.rows["locatiecoordinaten"] += [
        {"locatie_id": "L000002", "x": 141000, "y": 471000},
        {"locatie_id": "L000001", "x": 140000, "y": 470000},
        {"locatie_id": "L000003", "x": 150000, "y": 480000},
        {"locatie_id": "L000005", "x": 142000, "y": 472000},
    ]
    n = 0
    for postcode, profile, k, lv in (
        ("1211AA", "VG3", 5, "intramuraal"),
        ("1211AA", "LG3", 3, "intramuraal"),
        ("1311AA", "LG4", 5, "intramuraal"),
        ("1311AA", "VG5", 4, "intramuraal"),
        ("1211AC", "VG3", 6, "intramuraal"),
        ("1211AD", "VG3", 5, "MPT"),
    ):
        for _ in range(k):
            gz_client(b, f"K{n:07d}", "0402", profile=profile, lv=lv, postcode=postcode)
            n += 1
    return b.build()


def test_a_location_counts_per_sector_at_its_first_register_point() -> None:
    """VG at 1211AA (5 intramural), LG at 1311AA (5 intramural) and VG at 1211AD (5 with MPT, at
    least 2) count; LG at 1211AA (3) and VG at 1311AA (4) do not; 1211AC has no coordinates.
    1211AA stands at L000001's point."""
    frame = gz_locatiepunten(_dataset(), 2023)
    rows = sorted(frame[["region", "period", "category", "unit", "value"]].itertuples(index=False, name=None))
    assert rows == [
        ("GM0034", "2023", "LG|L000003", "rd_x", 150000.0),
        ("GM0034", "2023", "LG|L000003", "rd_y", 480000.0),
        ("GM0402", "2023", "VG|L000001", "rd_x", 140000.0),
        ("GM0402", "2023", "VG|L000001", "rd_y", 470000.0),
        ("GM0402", "2023", "VG|L000005", "rd_x", 142000.0),
        ("GM0402", "2023", "VG|L000005", "rd_y", 472000.0),
    ]
    assert set(frame["indicator"]) == {"gz_locatiepunten"} and not frame["suppressed"].any()


def test_no_points_without_coordinates() -> None:
    """Without the coordinates table there is nothing to draw."""
    ds = _dataset()
    assert gz_locatiepunten(replace(ds, locatiecoordinaten=ds.locatiecoordinaten.iloc[0:0]), 2023).empty


def test_a_point_is_hidden_where_its_sector_count_is_hidden_or_small() -> None:
    """Hilversum VG 12 shown: its point stays; Almere LG 12 but hidden (complement): its point goes;
    Almere VG 9 (below 10, not yet flagged): its point goes; LVG without a count row: goes too."""
    rows = [
        ("gz_toewijzingen", "GM0402", "2023", "VG", 12.0, "klanten", False),
        ("gz_toewijzingen", "GM0034", "2023", "LG", 12.0, "klanten", True),
        ("gz_toewijzingen", "GM0034", "2023", "VG", 9.0, "klanten", False),
        ("gz_locatiepunten", "GM0402", "2023", "VG|L000001", 140000.0, "rd_x", False),
        ("gz_locatiepunten", "GM0034", "2023", "LG|L000003", 150000.0, "rd_x", False),
        ("gz_locatiepunten", "GM0034", "2023", "VG|L000004", 151000.0, "rd_x", False),
        ("gz_locatiepunten", "GM0034", "2023", "LVG|L000005", 152000.0, "rd_x", False),
    ]
    frame = pd.DataFrame(rows, columns=["indicator", "region", "period", "category", "value", "unit", "suppressed"])
    assert point_suppression(frame, 10).tolist() == [False, True, False, False, True, True, True]
