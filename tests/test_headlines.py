"""The headline rules, case by case, including the boundaries of their thresholds."""

from __future__ import annotations

import pytest

from reportgen.headlines.overrides import contradiction
from reportgen.headlines.rules import (
    Verdict,
    care_at_home_headline,
    clients_verdict,
    locations_verdict,
    profile_mix_headline,
    sectorvreemd_headline,
    waiting_list_headline,
)


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        (16.0, "gelijk"),  # equal
        (16.47, "gelijk"),  # +2.9%: inside the 3% margin
        (16.48, "hoger"),  # +3.0%: on the margin counts as higher
        (15.52, "lager"),  # -3.0%
        (15.53, "gelijk"),  # -2.9%
        (19.0, "hoger"),
        (12.0, "lager"),
    ],
)
def test_clients_verdict_boundaries(region: float, expected: str) -> None:
    """Clients per 10.000: 'gelijk' below a 3% difference, 'hoger'/'lager' from 3% on."""
    assert clients_verdict(region, 16.0, 0.03).direction == expected


def test_clients_verdict_texts() -> None:
    """The three sentences as printed."""
    assert clients_verdict(19.0, 16.0, 0.03).text == "Hoger aantal GGZ-klanten dan gemiddeld"
    assert clients_verdict(12.0, 16.0, 0.03).text == "Lager aantal GGZ-klanten dan gemiddeld"
    assert clients_verdict(16.1, 16.0, 0.03).text == "Gelijk aantal GGZ-klanten als gemiddeld"


def test_clients_verdict_suppressed() -> None:
    """A suppressed rate makes no claim."""
    assert clients_verdict(None, 16.0, 0.03) == Verdict(
        "Aantal GGZ-klanten: te weinig klanten voor een vergelijking", "onbekend"
    )


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        (46.0, "gelijk"),
        (45.0, "gelijk"),
        (48.3, "hoger"),
        (48.29, "gelijk"),
        (43.7, "lager"),
        (43.71, "gelijk"),
        (66, "hoger"),
    ],
)
def test_locations_verdict_boundaries(region: float, expected: str) -> None:
    """Locations per 1.000: 'relatief veel/weinig' from a 5% difference (46 -> 48,3 / 43,7)."""
    assert locations_verdict(region, 46.0, 0.05).direction == expected


def test_locations_verdict_texts() -> None:
    """Sentences as printed."""
    assert locations_verdict(49, 46, 0.05).text == "Relatief veel locaties ten opzichte van andere regio's"
    assert locations_verdict(45, 46, 0.05).text == "Vergelijkbaar aantal locaties ten opzichte van andere regio's"
    assert locations_verdict(40, 46, 0.05).text == "Relatief weinig locaties ten opzichte van andere regio's"
    assert locations_verdict(None, 46, 0.05).direction == "onbekend"


def _mix(intra: float, vpt: float, mpt: float, pgb: float) -> dict[str, float | None]:
    return {"intramuraal": intra, "VPT": vpt, "MPT": mpt, "PGB": pgb}


def test_care_at_home_rise_mainly_mpt() -> None:
    """Home share 40% -> 45%, MPT grew most: 'vooral het aandeel MPT'."""
    v = care_at_home_headline("Utrecht", _mix(0.60, 0.10, 0.20, 0.10), _mix(0.55, 0.11, 0.24, 0.10), 1.0)
    assert v == Verdict(
        "Het aandeel zorg in eigen omgeving in Utrecht is toegenomen, vooral het aandeel MPT", "gestegen"
    )


def test_care_at_home_rise_with_pgb_fall() -> None:
    """Home share up while PGB fell by 2 points: the fall is named."""
    v = care_at_home_headline("Zwolle", _mix(0.60, 0.10, 0.15, 0.15), _mix(0.55, 0.12, 0.20, 0.13), 1.0)
    assert v.text == "Het aandeel zorg in eigen omgeving in Zwolle is toegenomen, hierbinnen is het aandeel PGB gedaald"


def test_care_at_home_boundary_one_point() -> None:
    """Exactly +1 point counts as a rise; +0,9 point is 'vrijwel gelijk'."""
    up = care_at_home_headline("X", _mix(0.60, 0.10, 0.20, 0.10), _mix(0.59, 0.10, 0.21, 0.10), 1.0)
    flat = care_at_home_headline("X", _mix(0.60, 0.10, 0.20, 0.10), _mix(0.591, 0.10, 0.209, 0.10), 1.0)
    assert up.direction == "gestegen"
    assert flat == Verdict("Het aandeel zorg in eigen omgeving in X is vrijwel gelijk gebleven", "gelijk")


def test_care_at_home_fall_and_suppressed() -> None:
    """A fall names the form that fell most; a suppressed share makes no claim."""
    down = care_at_home_headline("X", _mix(0.50, 0.10, 0.30, 0.10), _mix(0.55, 0.10, 0.25, 0.10), 1.0)
    assert down.text == "Het aandeel zorg in eigen omgeving in X is afgenomen, vooral het aandeel MPT"
    assert (
        care_at_home_headline("X", _mix(0.5, 0.1, 0.3, 0.1), {**_mix(0.5, 0.1, 0.3, 0.1), "VPT": None}, 1.0).direction
        == "onbekend"
    )


def test_profile_mix_more_and_less() -> None:
    """W2 +4 points and W3 -5 points against all regions."""
    region = {"GGZ-W1": 0.05, "GGZ-W2": 0.30, "GGZ-W3": 0.35, "GGZ-W4": 0.20, "GGZ-W5": 0.10}
    average = {"GGZ-W1": 0.05, "GGZ-W2": 0.26, "GGZ-W3": 0.40, "GGZ-W4": 0.19, "GGZ-W5": 0.10}
    assert profile_mix_headline("Rotterdam", region, average, 2.0).text == (
        "In Rotterdam zijn er relatief meer GGZ-W2- en relatief minder GGZ-W3-indicaties"
    )


def test_profile_mix_boundaries_and_suppressed() -> None:
    """Differences under 2 points say the mix is alike; suppressed profiles are skipped."""
    region = {"GGZ-W2": 0.31, "GGZ-W3": 0.39, "GGZ-W5": None}
    average = {"GGZ-W2": 0.30, "GGZ-W3": 0.40, "GGZ-W5": 0.02}
    assert (
        profile_mix_headline("X", region, average, 2.0).text
        == "De verdeling van GGZ-W-indicaties in X lijkt op die van alle regio's"
    )
    region2 = {"GGZ-W2": 0.32, "GGZ-W3": 0.39}
    assert (
        profile_mix_headline("X", region2, average, 2.0).text
        == "In X zijn er relatief meer GGZ-W2-indicaties dan gemiddeld"
    )
    assert profile_mix_headline("X", {"GGZ-W2": None}, average, 2.0).direction == "onbekend"
    assert profile_mix_headline("X", {"GGZ-W2": 0.0, "GGZ-W3": 0.0}, average, 2.0).direction == "onbekend"


@pytest.mark.parametrize(
    ("year_ago", "latest", "word"),
    [
        (100, 85, "flink gedaald"),  # -15%
        (100, 86, "iets gedaald"),  # -14%
        (100, 98, "iets gedaald"),  # -2%
        (100, 99, "vrijwel gelijk gebleven"),  # -1%
        (100, 101, "vrijwel gelijk gebleven"),
        (100, 102, "iets gestegen"),  # +2%
        (100, 114, "iets gestegen"),
        (100, 115, "flink gestegen"),  # +15%
    ],
)
def test_waiting_list_boundaries(year_ago: int, latest: int, word: str) -> None:
    """Waiting list over a year: 2% and 15% are the thresholds, on the threshold counts."""
    v = waiting_list_headline("Rotterdam", year_ago, latest, 0.02, 0.15)
    assert v.text == f"In Rotterdam is het aantal wachtenden in een jaar tijd {word}"


def test_waiting_list_suppressed() -> None:
    """No comparison from a suppressed or zero starting point."""
    assert waiting_list_headline("X", None, 50, 0.02, 0.15).direction == "onbekend"
    assert waiting_list_headline("X", 0, 50, 0.02, 0.15).direction == "onbekend"


def test_sectorvreemd_headlines() -> None:
    """14% against 20% is 'minder vaak'; 3 points is the boundary; the main profile is named."""
    low = sectorvreemd_headline("Rotterdam", 0.14, 0.20, "GGZ-W3", 3.0, 0.6)
    assert low.text == (
        "In Rotterdam zitten GGZ-klanten minder vaak bij een sectorvreemde aanbieder dan gemiddeld, "
        "voornamelijk GGZ-W3-klanten"
    )
    assert sectorvreemd_headline("X", 0.23, 0.20, None, 3.0).direction == "hoger"
    assert sectorvreemd_headline("X", 0.229, 0.20, None, 3.0).direction == "gelijk"
    assert sectorvreemd_headline("X", 0.17, 0.20, None, 3.0).direction == "lager"
    assert sectorvreemd_headline("X", None, 0.20, None, 3.0).direction == "onbekend"


def test_override_contradiction() -> None:
    """An override saying 'hoger' where the data say 'lager' is flagged; agreeing or neutral ones are not."""
    verdict = clients_verdict(12.0, 16.0, 0.03)
    assert contradiction("Hoger aantal klanten dan elders", verdict) == (
        "it says 'gestegen/hoger' but the data say 'lager' (computed: \"Lager aantal GGZ-klanten dan gemiddeld\")"
    )
    assert contradiction("Minder GGZ-klanten dan gemiddeld", verdict) is None
    assert contradiction("GGZ-klanten in de regio", verdict) is None
