"""Counted clients, inhabitants, GGZ and GZ clients and their rates."""

from __future__ import annotations

from indicator_builders import DatasetBuilder, value_of

from reportgen.indicators import counted_clients
from reportgen.indicators.population import (
    ggz_klanten,
    ggz_klanten_per_10k,
    gz_klanten,
    gz_klanten_per_1000,
    inwoners,
)


def two_regions() -> DatasetBuilder:
    """Zwolle (two municipalities, 1.500 inhabitants in 2023) and Utrecht (2.500)."""
    return (
        DatasetBuilder()
        .region("0001", "zwolle", {2022: 900, 2023: 1000})
        .region("0002", "zwolle", {2023: 500})
        .region("0003", "utrecht", {2023: 2500})
    )


def test_counting_rule_needs_indication_valid_in_january_and_a_january_claim():
    """Of six clients only those with an indication touching January and a January claim count."""
    b = two_regions()
    b.counted("K0000001", "0001")
    b.client("K0000002", "0001").indication("K0000002", "GGZ-W3", "2020-01-01", "2022-12-31")
    b.claim("K0000002", "2023-01")
    b.client("K0000003", "0001").indication("K0000003", "GGZ-W3", "2020-01-01").claim("K0000003", "2022-12")
    b.client("K0000004", "0001").indication("K0000004", "GGZ-W3", "2023-01-31").claim("K0000004", "2023-01")
    b.client("K0000005", "0001").indication("K0000005", "GGZ-W3", "2019-01-01", "2023-01-01")
    b.claim("K0000005", "2023-01")
    b.client("K0000006", "0001").indication("K0000006", "GGZ-W3", "2023-02-01").claim("K0000006", "2023-01")
    frame = ggz_klanten(b.build(), 2023)
    assert value_of(frame, "ggz_klanten", "zwolle", "2023") == 3.0


def test_profile_is_taken_from_latest_valid_indication():
    """The latest start wins, and on the same start the higher indicatie_id."""
    b = two_regions()
    b.client("K0000001", "0001").indication("K0000001", "GGZ-W2", "2021-01-01")
    b.indication("K0000001", "GGZ-B4", "2022-06-01").claim("K0000001", "2023-01")
    b.client("K0000002", "0001").indication("K0000002", "GGZ-B5", "2022-01-01")
    b.indication("K0000002", "GGZ-W1", "2022-01-01").claim("K0000002", "2023-01")
    counted = counted_clients(b.build(), (2023,))
    assert list(counted["profile"]) == ["GGZ-B4", "GGZ-W1"]
    assert list(counted["client"]) == [0, 1]


def test_client_with_indications_in_two_sectors_counts_in_both():
    """A valid GGZ and a valid GZ indication give one counted row per sector."""
    b = two_regions()
    b.client("K0000001", "0001").indication("K0000001", "GGZ-W1", "2020-01-01")
    b.indication("K0000001", "VG3", "2022-01-01").claim("K0000001", "2023-01")
    counted = counted_clients(b.build(), (2022, 2023))
    assert list(zip(counted["year"], counted["sector"], counted["profile"], strict=True)) == [
        (2023, 0, "GGZ-W1"),
        (2023, 1, "VG3"),
    ]


def test_inwoners_sums_municipalities_of_the_edition_year():
    """Zwolle 1.000 + 500, Utrecht 2.500, all regions 4.000; 2022 is not used."""
    frame = inwoners(two_regions().build(), 2023)
    assert list(frame["region"]) == ["utrecht", "zwolle", "alle-regios"]
    assert list(frame["value"]) == [2500.0, 1500.0, 4000.0]
    assert set(frame["unit"]) == {"inwoners"}


def test_ggz_klanten_split_by_w_and_b():
    """Two W and one B client in Zwolle; one B client in Utrecht."""
    b = two_regions()
    b.counted("K0000001", "0001", "GGZ-W1").counted("K0000002", "0002", "GGZ-W5")
    b.counted("K0000003", "0001", "GGZ-B3").counted("K0000004", "0003", "GGZ-B7")
    frame = ggz_klanten(b.build(), 2023)
    assert list(frame["category"]) == ["", "GGZ-W", "GGZ-B"] * 3
    assert list(frame["value"]) == [1.0, 0.0, 1.0, 3.0, 2.0, 1.0, 4.0, 2.0, 2.0]


def test_ggz_klanten_per_10k_pools_counts_for_all_regions():
    """Zwolle 3 / 1.500 -> 20, Utrecht 1 / 2.500 -> 4, all regions 4 / 4.000 -> 10."""
    b = two_regions()
    for i in range(3):
        b.counted(f"K000000{i}", "0001")
    b.counted("K0000009", "0003")
    frame = ggz_klanten_per_10k(b.build(), 2023)
    assert list(frame["value"]) == [4.0, 20.0, 10.0]
    assert set(frame["unit"]) == {"per 10.000 inwoners"}


def test_gz_klanten_series_from_2020():
    """A GZ client with claims in January 2021 and 2023 counts in exactly those years."""
    b = two_regions()
    b.client("K0000001", "0001").indication("K0000001", "LG5", "2019-05-01")
    b.claim("K0000001", "2021-01").claim("K0000001", "2022-02").claim("K0000001", "2023-01")
    frame = gz_klanten(b.build(), 2023)
    zwolle = frame[frame["region"] == "zwolle"]
    assert list(zwolle["period"]) == ["2020", "2021", "2022", "2023"]
    assert list(zwolle["value"]) == [0.0, 1.0, 0.0, 1.0]


def test_gz_klanten_per_1000_uses_inhabitants_of_the_same_year():
    """2022: 2 clients / 900 inhabitants of 0001; 2023: 2 / 1.500; no inhabitants in 2020 gives NaN."""
    b = two_regions()
    for i in range(2):
        b.client(f"K000000{i}", "0001").indication(f"K000000{i}", "VG2", "2021-06-01")
        b.claim(f"K000000{i}", "2022-01").claim(f"K000000{i}", "2023-01")
    frame = gz_klanten_per_1000(b.build(), 2023)
    assert value_of(frame, "gz_klanten_per_1000", "zwolle", "2022") == 2 * 1000 / 900
    assert value_of(frame, "gz_klanten_per_1000", "zwolle", "2023") == 2 * 1000 / 1500
    assert str(value_of(frame, "gz_klanten_per_1000", "zwolle", "2020")) == "nan"
