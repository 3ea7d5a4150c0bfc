"""The forecast, the three capacity scenarios and the workforce, against values worked out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from indicator_builders import DatasetBuilder
from regioanalyse_builders import gz_client, population, value

from reportgen.data.schema import Dataset
from reportgen.kinds.regioanalyse_gz.figures import capacity, costs, forecast, workforce

YEARS = (2020, 2021, 2022, 2023)
ADULTS = {2020: 10, 2021: 12, 2022: 14, 2023: 16}
SPREAD = float(np.std([12 / 10 - 1, 14 / 12 - 1, 16 / 14 - 1]))
"""The adults' yearly changes +20%, +16,67%, +14,29% (mean 16,98%) deviate by +3,02, -0,32 and
-2,70 points: standard deviation 2,344%. Seventeen years on the band is 17 x 2,344% = 39,84%."""
MAX_2040 = 26 * (1 + 17 * SPREAD) + 10
MIN_2040 = 26 * (1 - 17 * SPREAD) + 10


def forecast_data() -> Dataset:
    """'t Gooi (Hilversum only): 1.000 inhabitants 18-64 and 500 aged 65-79 every year.

    Adults in care: 10, 12, 14, 16 (rates 1,0% 1,2% 1,4% 1,6%: mean 1,3%, spread SPREAD);
    elderly: 5 every year (1,0%, spread 0). Forecast 2040: 2.000 adults and 1.000 elderly.
    """
    b = DatasetBuilder().region("0402", "t-gooi")
    b.provider("01000001", "GZ")
    population(b, "0402", {(y, g): n for y in YEARS for g, n in (("18-64", 1000), ("65-79", 500))})
    population(b, "0402", {(2040, "18-64"): 2000, (2040, "65-79"): 1000}, table="bevolkingsprognose")
    for i in range(16):
        gz_client(b, f"K00000{i:02d}", "0402", years=tuple(y for y in YEARS if i < ADULTS[y]), born=1983)
    for i in range(5):
        gz_client(b, f"K00001{i:02d}", "0402", years=YEARS, born=1950, lv="MPT", bedrag=500.0)
    b.rows["personeel"] += [
        {"regio": "t-gooi", "jaar": 2020, "medewerkers": 20},
        {"regio": "t-gooi", "jaar": 2040, "medewerkers": 21},
    ]
    return b.build()


def test_forecast_min_mid_max() -> None:
    """2040: mid 1,3% x 2.000 + 1% x 1.000 = 26 + 10 = 36; the adults' part widens by 39,84%:
    max 26 x 1,3984 + 10 = 46,36, min 26 x 0,6016 + 10 = 25,64. 2023: all three 13 + 5 = 18.

    Against the 21 clients of 2023: mid +71,4%, max +120,8%, min +22,1%. New clients (mid): 36 - 18 = 18.
    """
    ds = forecast_data()
    values = forecast.gz_prognose(ds, 2023)
    assert value(values, "gz_prognose", "t-gooi", "2040", "mid") == pytest.approx(36.0)
    assert value(values, "gz_prognose", "t-gooi", "2040", "min") == pytest.approx(MIN_2040)
    assert value(values, "gz_prognose", "t-gooi", "2040", "max") == pytest.approx(MAX_2040)
    assert (round(MIN_2040, 2), round(MAX_2040, 2)) == (25.64, 46.36)
    for scenario in ("min", "mid", "max"):
        assert value(values, "gz_prognose", "t-gooi", "2023", scenario) == pytest.approx(18.0)
    change = forecast.gz_prognose_verandering(ds, 2023)
    assert value(change, "gz_prognose_verandering", "t-gooi", "2023-2040", "mid") == pytest.approx(100 * 15 / 21)
    assert value(change, "gz_prognose_verandering", "t-gooi", "2023-2040", "min") == pytest.approx(
        100 * (MIN_2040 - 21) / 21
    )
    assert value(change, "gz_prognose_verandering", "t-gooi", "2023-2040", "max") == pytest.approx(
        100 * (MAX_2040 - 21) / 21
    )
    new = forecast.gz_prognose_nieuwe_klanten(ds, 2023)
    assert value(new, "gz_prognose_nieuwe_klanten", "GM0402", "2023-2040") == pytest.approx(18.0)


def test_rate_spread_is_the_deviation_of_the_yearly_changes() -> None:
    """Rates 1,0 1,0 1,2 1,2: changes 0, +20%, 0 (mean 6,67%; deviations -6,67, +13,33, -6,67):
    spread sqrt((1 + 4 + 1) / 3) x 6,67% = sqrt(2) / 15. A rate of 0 leaves the change after it
    undefined: 0, 2, 3, 3 keeps two changes, +50% and 0% (spread 25%); 0, 0, 2, 3 keeps one, and
    one change has no spread."""
    rates = pd.DataFrame([[1.0, 1.0, 1.2, 1.2], [0.0, 2.0, 3.0, 3.0], [0.0, 0.0, 2.0, 3.0]])
    spread = forecast.rate_spread(rates).to_numpy()
    assert spread == pytest.approx([np.sqrt(2) / 15, 0.25, 0.0])


def test_scenario_factors_widen_with_the_years_and_stop_at_zero() -> None:
    """Spread 5%: 4 years on min 0,8 and max 1,2; 25 years on min 0 (not -0,25) and max 2,25."""
    factors = forecast.scenario_factors(np.array([0.05, 0.05, 0.05]), np.array([0.0, 4.0, 25.0]))
    assert factors["min"] == pytest.approx([1.0, 0.8, 0.0])
    assert factors["mid"] == pytest.approx([1.0, 1.0, 1.0])
    assert factors["max"] == pytest.approx([1.0, 1.2, 2.25])


def test_three_scenarios_split_the_same_extra_capacity() -> None:
    """Existing 899 / 113 / 612 / 814 (2.438), needed 2.972: 534 extra in every scenario.

    VPT+MPT share 725/2.438, PGB share 814/2.438. At home needed in 2028 with the VPT/MPT share
    grown by 0%, 2% and 4% a year: 1.876,09 / 1.968,08 / 2.067,57 places, so 337, 429 and 529
    extra at home, 197, 105 and 5 extra intramural; independent 1.876 / 1.968 / 2.068 of 2.972.
    """
    existing = {"intramuraal": 899, "VPT": 113, "MPT": 612, "PGB": 814}
    result = capacity.scenarios(existing, 2972, 0.04)
    assert [s.name for s in result] == ["geen-groei", "halve-groei", "groei"]
    assert [(s.extra_intramural, s.extra_home) for s in result] == [(197, 337), (105, 429), (5, 529)]
    assert {s.extra_intramural + s.extra_home for s in result} == {534}
    assert [round(s.share_independent, 4) for s in result] == [0.6312, 0.6622, 0.6958]


def test_scenarios_keep_extra_home_within_the_extra_capacity() -> None:
    """Fast growth cannot need more home places than the extra; no extra when capacity suffices."""
    existing = {"intramuraal": 100, "VPT": 50, "MPT": 50, "PGB": 0}
    fast = capacity.scenarios(existing, 220, 0.5)
    assert (fast[-1].extra_intramural, fast[-1].extra_home) == (0, 20)
    enough = capacity.scenarios(existing, 150, 0.04)
    assert {(s.extra_intramural, s.extra_home) for s in enough} == {(0, 0)}


def test_historic_growth_of_the_package_share() -> None:
    """VPT/MPT share 50% -> 60,5% over two years: 10% a year."""
    assert capacity.historic_growth([100, 110, 121], [200, 200, 200]) == pytest.approx(0.10)
    assert capacity.historic_growth([0, 5], [10, 10]) == 0.0


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_historic_growth_without_clients_is_zero_without_a_warning() -> None:
    """An area without GZ clients (numpy counts 0 of 0) has no growth, and no 0/0 warning."""
    zeros = np.zeros(4, dtype=np.int64)
    assert capacity.historic_growth(zeros, zeros) == 0.0
    assert capacity.historic_growth(np.array([0, 0, 0, 3]), np.array([0, 0, 0, 6])) == 0.0


def test_capacity_figure_on_the_forecast_data() -> None:
    """2023: 16 intramural + 5 MPT. Needed 2028: no forecast for 2028, so the max forecast is 0 and nothing extra.

    The MPT share goes 5/15 -> 5/21 over three years: (15/21)^(1/3) - 1 = -10,6% a year.
    """
    ds = forecast_data()
    frame = capacity.gz_capaciteit(ds, 2023)
    assert value(frame, "gz_capaciteit_bestaand", "t-gooi", "2023", "intramuraal") == 16
    assert value(frame, "gz_capaciteit_bestaand", "t-gooi", "2023", "MPT") == 5
    assert value(frame, "gz_groei_thuis", "t-gooi", "2020-2023") == pytest.approx(100 * ((15 / 21) ** (1 / 3) - 1))
    assert value(frame, "gz_capaciteit_extra", "t-gooi", "2028", "groei|thuis") == 0


def test_employees_per_client_now_and_in_2040() -> None:
    """2020: 20 employees for 15 clients (1,33); 2040: 21 for the max forecast of 46,36 (0,453)."""
    frame = workforce.gz_medewerkers(forecast_data(), 2023)
    assert value(frame, "gz_medewerkers", "t-gooi", "2040") == 21
    assert value(frame, "gz_medewerkers_per_klant", "t-gooi", "2020") == pytest.approx(20 / 15)
    assert value(frame, "gz_medewerkers_per_klant", "t-gooi", "2040") == pytest.approx(21 / MAX_2040)


def test_spending_in_2040_at_constant_cost_per_client() -> None:
    """Cost per client 2023: (16 x 1.000 + 5 x 500) / 21; 2040: 12 x that x 46,36 (max), per 2.000 adults."""
    frame = costs.gz_uitgaven(forecast_data(), 2023)
    per_client = (16 * 1000 + 5 * 500) / 21
    assert value(frame, "gz_uitgaven", "t-gooi", "2040") == pytest.approx(12 * per_client * MAX_2040)
    assert value(frame, "gz_uitgaven_per_beroepsbevolking", "t-gooi", "2040") == pytest.approx(
        12 * per_client * MAX_2040 / 2000
    )
