"""The example data reproduces the 't Gooi-Almere figures of the Regioanalyse GZ 2023 through the figures.

Only the published figures that agree with each other and with the counting rules are targets;
docs/example-data.md lists the others and why they are not reproduced.
"""

from __future__ import annotations

import pandas as pd
import pytest
from regioanalyse_builders import value

from reportgen.data.example_cache import cached_example_dataset
from reportgen.kinds.regioanalyse_gz.figures import compute_regioanalyse

GOOI, ALL = "t-gooi", "alle-regios"
YEARS = ("2020", "2021", "2022", "2023")


@pytest.fixture(scope="module")
def values() -> pd.DataFrame:
    """The Regioanalyse 2023 figures of the default example data, computed once."""
    return compute_regioanalyse(cached_example_dataset(), 2023)


def test_gz_clients_2020_to_2023(values: pd.DataFrame) -> None:
    """2.386, 2.438, 2.582, 2.668 GZ clients in 't Gooi."""
    assert [value(values, "gz_klanten", GOOI, y) for y in YEARS] == [2386, 2438, 2582, 2668]


def test_clients_per_1000_and_their_growth(values: pd.DataFrame) -> None:
    """'t Gooi 5,2 -> 5,6 (+8,4%), all regions 6,6 -> 6,9 (+4,4%)."""
    gooi = [round(value(values, "gz_klanten_per_1000", GOOI, y), 1) for y in YEARS]
    pooled = [round(value(values, "gz_klanten_per_1000", ALL, y), 1) for y in YEARS]
    assert (gooi[0], gooi[-1], pooled[0], pooled[-1]) == (5.2, 5.6, 6.6, 6.9)
    assert round(value(values, "gz_klanten_per_1000_groei", GOOI, "2020-2023"), 1) == 8.4
    assert round(value(values, "gz_klanten_per_1000_groei", ALL, "2020-2023"), 1) == 4.4


def test_share_of_the_netherlands(values: pd.DataFrame) -> None:
    """476.222 inhabitants, 2,7% of the Netherlands (17.811.291 on 1 January 2023)."""
    assert value(values, "gz_inwoners", GOOI, "2023") == 476222
    assert round(value(values, "gz_inwoners_aandeel", GOOI, "2023"), 1) == 2.7


def test_migration_background(values: pd.DataFrame) -> None:
    """34% of the inhabitants of 't Gooi have a migration background (western or non-western)."""
    share = sum(value(values, "gz_herkomst", GOOI, "2023", c) for c in ("westers", "niet-westers"))
    assert round(share) == 34


def test_forecast_2040_min_mid_max(values: pd.DataFrame) -> None:
    """The forecast of 2040 against the clients of 2023: min -12%, mid +15%, max +43% (3.820 clients)."""
    changes = [value(values, "gz_prognose_verandering", GOOI, "2023-2040", s) for s in ("min", "mid", "max")]
    assert [round(c) for c in changes] == [-12, 15, 43]
    assert round(value(values, "gz_prognose", GOOI, "2040", "max")) == 3820


def test_cost_per_client(values: pd.DataFrame) -> None:
    """5.763 -> 6.289 in 't Gooi (+9,1%) and 7.177 -> 7.799 for all regions (+8,7%)."""
    assert round(value(values, "gz_kosten_per_klant", GOOI, "2020")) == 5763
    assert round(value(values, "gz_kosten_per_klant", GOOI, "2023")) == 6289
    assert round(value(values, "gz_kosten_per_klant", ALL, "2020")) == 7177
    assert round(value(values, "gz_kosten_per_klant", ALL, "2023")) == 7799
    assert round(value(values, "gz_kosten_per_klant_groei", GOOI, "2020-2023"), 1) == 9.1
    assert round(value(values, "gz_kosten_per_klant_groei", ALL, "2020-2023"), 1) == 8.7


def test_employees_2020_and_2040(values: pd.DataFrame) -> None:
    """1.604 employees in 2020 (0,7 per client) and 1.692 in 2040 (0,4 per client of the max forecast)."""
    assert value(values, "gz_medewerkers", GOOI, "2020") == 1604
    assert value(values, "gz_medewerkers", GOOI, "2040") == 1692
    assert round(value(values, "gz_medewerkers_per_klant", GOOI, "2020"), 1) == 0.7
    assert round(value(values, "gz_medewerkers_per_klant", GOOI, "2040"), 1) == 0.4


def test_the_same_extra_capacity_in_every_scenario(values: pd.DataFrame) -> None:
    """Extra intramural falls and extra at home rises from scenario to scenario; their sum is the same."""
    rows = values[(values["indicator"] == "gz_capaciteit_extra") & (values["region"] == GOOI)]
    extra = dict(zip(rows["category"], rows["value"], strict=True))
    names = ("geen-groei", "halve-groei", "groei")
    totals = {extra[f"{n}|intramuraal"] + extra[f"{n}|thuis"] for n in names}
    assert len(totals) == 1
    assert extra["geen-groei|thuis"] <= extra["halve-groei|thuis"] <= extra["groei|thuis"]


def test_share_aged_23_to_65(values: pd.DataFrame) -> None:
    """57% of 't Gooi's GZ clients are aged 23-65, fewer than over all regions."""
    gooi = value(values, "gz_leeftijd_23_65", GOOI, "2023", unit="aandeel")
    assert round(100 * gooi) == 57
    assert gooi < value(values, "gz_leeftijd_23_65", ALL, "2023", unit="aandeel")


def test_share_of_light_profiles(values: pd.DataFrame) -> None:
    """45% of 't Gooi's GZ clients have a light profile, more than over all regions."""
    gooi = value(values, "gz_lichte_profielen", GOOI, "2023", unit="aandeel")
    assert round(100 * gooi) == 45
    assert gooi > value(values, "gz_lichte_profielen", ALL, "2023", unit="aandeel")


def test_seventeen_providers(values: pd.DataFrame) -> None:
    """17 providers serve enough of 't Gooi's GZ clients (2 at home or 5 intramural)."""
    assert value(values, "gz_aanbieders", GOOI, "2023") == 17


def test_fifty_three_locations(values: pd.DataFrame) -> None:
    """53 care locations in 't Gooi (from 5 intramural or 2 VPT/MPT GZ clients, all segments)."""
    assert value(values, "gz_locaties", GOOI, "2023") == 53


def test_capacity_needed_in_2028(values: pd.DataFrame) -> None:
    """The max forecast of 2028, the capacity needed, is 2.972 places."""
    assert value(values, "gz_capaciteit_benodigd", GOOI, "2028") == 2972


def test_share_living_independently_per_scenario(values: pd.DataFrame) -> None:
    """54% / 56% / 58% of the clients of 2028 live independently in the three scenarios."""
    shares = [value(values, "gz_zelfstandig_scenario", GOOI, "2028", s) for s in ("geen-groei", "halve-groei", "groei")]
    assert [round(100 * s) for s in shares] == [54, 56, 58]


def test_gz_clients_per_provider_segment(values: pd.DataFrame) -> None:
    """95,1% of 't Gooi's GZ clients at a GZ provider, 4,8% at VV, 0,1% at GGZ; all regions
    94,2% / 5,4% / 0,5%; at VV providers 't Gooi shows more than one profile group."""
    for area, expected in ((GOOI, (95.1, 4.8, 0.1)), (ALL, (94.2, 5.4, 0.5))):
        shares = [value(values, "gz_sectorvreemd", area, "2023", s, unit="aandeel") for s in ("GZ", "VV", "GGZ")]
        assert tuple(round(100 * s, 1) for s in shares) == expected
    profiles = values[(values["indicator"] == "gz_sectorvreemd_profielen") & (values["region"] == GOOI)]
    assert profiles["category"].nunique() >= 2
