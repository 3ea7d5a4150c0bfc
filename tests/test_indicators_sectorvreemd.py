"""Sectorvreemde zorg: segment of the main provider, and the profiles at GZ and VV providers."""

from __future__ import annotations

from indicator_builders import DatasetBuilder, values_of

from reportgen.indicators.sectorvreemd import sectorvreemd, sectorvreemd_profielen

P_GGZ, P_GZ, P_VV, P_GZ2 = "00000001", "00000002", "00000003", "00000004"


def scenario():
    """Seven GGZ clients in Zwolle with their January claims (see the test docstrings)."""
    b = DatasetBuilder().region("0001", "zwolle", {2023: 1000})
    b.provider(P_GGZ, "GGZ").provider(P_GZ, "GZ").provider(P_VV, "VV").provider(P_GZ2, "GZ")
    b.counted("K0000001", "0001", "GGZ-W1", agb_code=P_GGZ, bedrag=1000.0)
    b.counted("K0000002", "0001", "GGZ-W3", agb_code=P_GGZ, bedrag=300.0)
    b.claim("K0000002", "2023-01", agb_code=P_GZ, bedrag=500.0)
    b.counted("K0000003", "0001", "GGZ-B4", agb_code=P_GZ, bedrag=200.0)
    b.claim("K0000003", "2023-01", agb_code=P_GZ, bedrag=200.0)
    b.claim("K0000003", "2023-01", agb_code=P_GGZ, bedrag=300.0)
    b.counted("K0000004", "0001", "GGZ-W5", leveringsvorm="PGB", bedrag=5000.0)
    b.claim("K0000004", "2023-01", agb_code=P_VV, bedrag=100.0)
    b.counted("K0000005", "0001", "GGZ-W2", leveringsvorm="PGB", bedrag=900.0)
    b.counted("K0000006", "0001", "GGZ-W2", agb_code=P_GZ2, bedrag=500.0)
    b.claim("K0000006", "2023-01", agb_code=P_GGZ, bedrag=500.0)
    b.counted("K0000007", "0001", "GGZ-B3", year=2022, agb_code=P_VV)
    return b.build()


def test_segment_of_main_provider():
    """2023: GGZ for K1 and K6 (tie -> lowest AGB), GZ for K2 and K3 (summed), VV for K4 (PGB ignored); K5 left out."""
    frame = sectorvreemd(scenario(), 2023)
    assert values_of(frame, "zwolle", "2023", "klanten") == {"GGZ": 2.0, "GZ": 2.0, "VV": 1.0}
    assert values_of(frame, "zwolle", "2023", "aandeel") == {"GGZ": 0.4, "GZ": 0.4, "VV": 0.2}
    assert values_of(frame, "zwolle", "2022", "klanten") == {"GGZ": 0.0, "GZ": 0.0, "VV": 1.0}
    assert list(dict.fromkeys(frame["period"])) == ["2022", "2023"]


def test_profiles_within_other_segments():
    """GZ: one W3 and one B4 (half each); VV: one W5 (all of VV)."""
    frame = sectorvreemd_profielen(scenario(), 2023)
    counts = values_of(frame, "zwolle", "2023", "klanten")
    assert len(counts) == 20
    assert {k: v for k, v in counts.items() if v} == {"GZ|GGZ-W3": 1.0, "GZ|GGZ-B4": 1.0, "VV|GGZ-W5": 1.0}
    shares = values_of(frame, "zwolle", "2023", "aandeel")
    assert (shares["GZ|GGZ-W3"], shares["GZ|GGZ-B4"], shares["GZ|GGZ-W1"], shares["VV|GGZ-W5"]) == (0.5, 0.5, 0.0, 1.0)
    assert list(counts)[:2] == ["GZ|GGZ-W1", "GZ|GGZ-W2"] and list(counts)[10] == "VV|GGZ-W1"
