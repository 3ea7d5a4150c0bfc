"""Intramural GGZ locations: more than two GGZ clients at a register postcode."""

from __future__ import annotations

from indicator_builders import DatasetBuilder, value_of

from reportgen.indicators.locations import SECTOR_NEUTRAL_LOCATIONS_FROM, ggz_locaties, locaties_per_1000
from reportgen.indicators.registry import load_registry

GGZ, GZ = "00000001", "00000002"


def scenario(year: int) -> DatasetBuilder:
    """Zwolle and Utrecht register locations, with GGZ clients claiming intramural care in January `year`.

    - 1111AA (GGZ provider, Zwolle): 3 clients, one of them from Utrecht -> location
    - 2222BB (GGZ provider, Zwolle): 2 clients -> not a location
    - 3333CC (GGZ provider, Zwolle): 3 claims but 2 distinct clients -> not a location
    - 4444DD (GGZ provider, Zwolle): 3 clients with VPT claims -> not intramural
    - 5555EE (GGZ provider, Zwolle): 2 GGZ clients and 1 GZ client -> not a location
    - 6666FF (GZ provider, Zwolle): 3 clients -> a location from edition 2023 on
    - 7777GG (GGZ and GZ provider, Utrecht): 4 clients -> one location, counted once
    - 8888HH: 3 clients, but not in the register -> not a location
    """
    b = DatasetBuilder().region("0001", "zwolle", {year: 10_000}).region("0002", "utrecht", {year: 10_000})
    b.provider(GGZ, "GGZ").provider(GZ, "GZ")
    for postcode, gemeente, agb in [
        ("1111AA", "0001", GGZ),
        ("2222BB", "0001", GGZ),
        ("3333CC", "0001", GGZ),
        ("4444DD", "0001", GGZ),
        ("5555EE", "0001", GGZ),
        ("6666FF", "0001", GZ),
        ("7777GG", "0002", GGZ),
        ("7777GG", "0002", GZ),
    ]:
        b.location(postcode, gemeente, agb)
    n = 0

    def add(postcode: str, gemeente: str = "0001", leveringsvorm: str = "intramuraal", profile: str = "GGZ-W3") -> str:
        nonlocal n
        n += 1
        klant = f"K{n:07d}"
        b.counted(klant, gemeente, profile, year, leveringsvorm=leveringsvorm, agb_code=GGZ, postcode=postcode)
        return klant

    add("1111AA"), add("1111AA"), add("1111AA", gemeente="0002")
    add("2222BB"), add("2222BB")
    add("3333CC")
    twice = add("3333CC")
    b.claim(twice, f"{year}-01", agb_code=GGZ, postcode="3333CC")
    for _ in range(3):
        add("4444DD", leveringsvorm="VPT")
    add("5555EE"), add("5555EE"), add("5555EE", profile="VG3")
    for _ in range(3):
        add("6666FF")
    for _ in range(4):
        add("7777GG", gemeente="0002")
    for _ in range(3):
        add("8888HH")
    return b


def test_locations_2023_count_every_sector():
    """Zwolle has 1111AA and 6666FF, Utrecht 7777GG once; all regions 3."""
    frame = ggz_locaties(scenario(2023).build(), 2023)
    assert list(frame["region"]) == ["utrecht", "zwolle", "alle-regios"]
    assert list(frame["value"]) == [1.0, 2.0, 3.0]
    assert set(frame["unit"]) == {"locaties"}


def test_locations_before_2023_only_ggz_providers():
    """Edition 2022 leaves out 6666FF (GZ provider); 7777GG still has a GGZ provider."""
    frame = ggz_locaties(scenario(2022).build(), 2022)
    assert list(frame["value"]) == [1.0, 1.0, 2.0]


def test_locations_per_1000_ggz_clients():
    """Zwolle: 2 locations / 17 GGZ clients; Utrecht 1 / 5; all regions 3 / 22 (the GZ client does not count)."""
    frame = locaties_per_1000(scenario(2023).build(), 2023)
    assert value_of(frame, "locaties_per_1000", "zwolle", "2023") == 2 * 1000 / 17
    assert value_of(frame, "locaties_per_1000", "utrecht", "2023") == 200.0
    assert value_of(frame, "locaties_per_1000", "alle-regios", "2023") == 3 * 1000 / 22
    assert set(frame["unit"]) == {"per 1.000 GGZ-klanten"}


def test_method_change_edition_matches_registry():
    """The code switches method in the edition the registry names for the change."""
    methods = load_registry()["ggz_locaties"].methoden
    assert methods[1].editie == SECTOR_NEUTRAL_LOCATIONS_FROM
