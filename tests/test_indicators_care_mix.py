"""GGZ-W profile mix and type of care (leveringsvorm)."""

from __future__ import annotations

import numpy as np
from indicator_builders import DatasetBuilder, values_of

from reportgen.indicators.care_mix import care_types, ggz_w_verdeling, leveringsvorm


def regions() -> DatasetBuilder:
    """Zwolle and Utrecht, one municipality each."""
    return DatasetBuilder().region("0001", "zwolle", {2023: 1000}).region("0002", "utrecht", {2023: 1000})


def test_w_verdeling_counts_and_shares():
    """Zwolle W1, W1, W3 (and a B client, left out); Utrecht W5: shares within GGZ-W only."""
    b = regions()
    b.counted("K0000001", "0001", "GGZ-W1").counted("K0000002", "0001", "GGZ-W1")
    b.counted("K0000003", "0001", "GGZ-W3").counted("K0000004", "0001", "GGZ-B4")
    b.counted("K0000005", "0002", "GGZ-W5")
    frame = ggz_w_verdeling(b.build(), 2023)
    w = ["GGZ-W1", "GGZ-W2", "GGZ-W3", "GGZ-W4", "GGZ-W5"]
    assert values_of(frame, "zwolle", "2023", "klanten") == dict(zip(w, [2.0, 0.0, 1.0, 0.0, 0.0], strict=True))
    assert values_of(frame, "zwolle", "2023", "aandeel") == dict(zip(w, [2 / 3, 0.0, 1 / 3, 0.0, 0.0], strict=True))
    assert values_of(frame, "alle-regios", "2023", "aandeel") == dict(zip(w, [0.5, 0.0, 0.25, 0.0, 0.25], strict=True))
    assert list(frame["unit"][:4]) == ["klanten", "aandeel", "klanten", "aandeel"]


def test_care_types_rules():
    """Largest sum wins; ties in order intramuraal, VPT, MPT, PGB; MPT with PGB is MPT."""
    amounts = np.array(
        [
            [1000.0, 0, 0, 0],  # intramural only
            [0, 0, 500, 900],  # MPT 500 + PGB 900 -> MPT
            [500, 600, 0, 0],  # VPT larger
            [400, 400, 0, 0],  # tie -> intramural
            [1000, 0, 100, 50],  # MPT and PGB present -> MPT whatever the amounts
            [0, 0, 0, 0],  # a claim of 0 euro PGB
        ]
    )
    present = amounts > 0
    present[5, 3] = True
    assert list(care_types(amounts, present)) == [0, 2, 1, 0, 2, 3]


def test_leveringsvorm_three_januaries():
    """Six clients typed in January 2023, one in January 2021; shares per January."""
    b = regions()
    b.counted("K0000001", "0001", leveringsvorm="intramuraal", bedrag=1000.0)
    b.counted("K0000002", "0001", leveringsvorm="MPT", bedrag=500.0)
    b.claim("K0000002", "2023-01", "PGB", 900.0)
    b.counted("K0000003", "0001", leveringsvorm="VPT", bedrag=300.0)
    b.claim("K0000003", "2023-01", "VPT", 300.0).claim("K0000003", "2023-01", "intramuraal", 500.0)
    b.counted("K0000004", "0001", leveringsvorm="intramuraal", bedrag=400.0)
    b.claim("K0000004", "2023-01", "VPT", 400.0)
    b.counted("K0000005", "0001", leveringsvorm="PGB", bedrag=800.0)
    b.counted("K0000006", "0001", leveringsvorm="MPT", bedrag=100.0)
    b.claim("K0000006", "2023-01", "PGB", 50.0).claim("K0000006", "2023-01", "intramuraal", 1000.0)
    b.counted("K0000007", "0002", year=2021, leveringsvorm="VPT")
    frame = leveringsvorm(b.build(), 2023)
    assert list(dict.fromkeys(frame["period"])) == ["2021-01", "2022-01", "2023-01"]
    zwolle = values_of(frame, "zwolle", "2023-01", "klanten")
    assert zwolle == {"intramuraal": 2.0, "VPT": 1.0, "MPT": 2.0, "PGB": 1.0}
    shares = values_of(frame, "zwolle", "2023-01", "aandeel")
    assert shares == {"intramuraal": 2 / 6, "VPT": 1 / 6, "MPT": 2 / 6, "PGB": 1 / 6}
    assert values_of(frame, "utrecht", "2021-01", "klanten") == {"intramuraal": 0.0, "VPT": 1.0, "MPT": 0.0, "PGB": 0.0}
    assert values_of(frame, "alle-regios", "2021-01", "aandeel")["VPT"] == 1.0
