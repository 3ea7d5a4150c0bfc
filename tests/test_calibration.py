"""The example data reproduces the published figures through the real indicator functions."""

from __future__ import annotations

import pandas as pd
import pytest

from reportgen.data.synth import synthesize
from reportgen.indicators import compute_regioplan

ALL = "alle-regios"
CARE = ("intramuraal", "VPT", "MPT", "PGB")
YEARS = ("2021-01", "2022-01", "2023-01")


@pytest.fixture(scope="session")
def values() -> pd.DataFrame:
    """The Regioplan 2023 indicators of the default example data, computed once."""
    return compute_regioplan(synthesize(), 2023)


def value(values: pd.DataFrame, indicator: str, region: str, period: str, category: str = "", unit: str = "") -> float:
    """The one value of an indicator for a region, period and category (and unit, when given)."""
    v = values
    rows = v[(v["indicator"] == indicator) & (v["region"] == region) & (v["period"] == period)]
    rows = rows[rows["category"] == category]
    if unit:
        rows = rows[rows["unit"] == unit]
    assert len(rows) == 1, (indicator, region, period, category, unit)
    return float(rows["value"].iloc[0])


def care_shares(values: pd.DataFrame, region: str) -> dict[str, dict[str, float]]:
    """Share of each type of care per January, for one region."""
    return {p: {c: value(values, "leveringsvorm", region, p, c, "aandeel") for c in CARE} for p in YEARS}


def sectorvreemd_share(values: pd.DataFrame, region: str, year: str) -> float:
    """Share of GGZ clients whose main provider is contracted in the GZ or VV segment."""
    return sum(value(values, "sectorvreemd", region, year, seg, "aandeel") for seg in ("GZ", "VV"))


def test_all_regions_have_16_ggz_clients_per_10000(values: pd.DataFrame) -> None:
    """The all-regions average rounds to 16 GGZ clients per 10.000 inhabitants."""
    assert round(value(values, "ggz_klanten_per_10k", ALL, "2023")) == 16


def test_zwolle_and_drenthe_clearly_above_utrecht_clearly_below_rotterdam_equal(values: pd.DataFrame) -> None:
    """Zwolle and Drenthe are at least 10% above the average, Utrecht 10% below, Rotterdam within 2%."""
    avg = value(values, "ggz_klanten_per_10k", ALL, "2023")
    rate = {r: value(values, "ggz_klanten_per_10k", r, "2023") for r in ("zwolle", "drenthe", "utrecht", "rotterdam")}
    assert rate["zwolle"] >= 1.10 * avg
    assert rate["drenthe"] >= 1.10 * avg
    assert rate["utrecht"] <= 0.90 * avg
    assert abs(rate["rotterdam"] / avg - 1) <= 0.02


def test_locations_per_1000_clients_round_to_the_published_values(values: pd.DataFrame) -> None:
    """Intramural locations per 1.000 GGZ clients: all 46, Zwolle 45, Utrecht 45, Drenthe 49, Rotterdam 66."""
    published = {ALL: 46, "zwolle": 45, "utrecht": 45, "drenthe": 49, "rotterdam": 66}
    for region, expected in published.items():
        assert round(value(values, "locaties_per_1000", region, "2023")) == expected, region


@pytest.mark.parametrize("region", ["zwolle", "utrecht", "drenthe", "rotterdam"])
def test_care_at_home_grows_each_year(values: pd.DataFrame, region: str) -> None:
    """The share of VPT, MPT and PGB together rises from 2021 to 2022 to 2023."""
    shares = care_shares(values, region)
    home = [1 - shares[p]["intramuraal"] for p in YEARS]
    assert home[0] < home[1] < home[2]


def test_zwolle_pgb_share_falls(values: pd.DataFrame) -> None:
    """In Zwolle care at home grows while the PGB share falls from 2021 to 2023."""
    shares = care_shares(values, "zwolle")
    assert shares["2023-01"]["PGB"] < shares["2021-01"]["PGB"]


@pytest.mark.parametrize("region", ["utrecht", "drenthe", "rotterdam"])
def test_growth_of_care_at_home_is_mainly_mpt(values: pd.DataFrame, region: str) -> None:
    """MPT has the largest increase in share from 2021 to 2023 of all types of care."""
    shares = care_shares(values, region)
    increase = {c: shares["2023-01"][c] - shares["2021-01"][c] for c in CARE}
    assert max(increase, key=increase.get) == "MPT"


def test_rotterdam_has_more_w2_and_less_w3_than_all_regions(values: pd.DataFrame) -> None:
    """Rotterdam's GGZ-W2 share is above, its GGZ-W3 share below the all-regions share."""

    def share(region: str, profile: str) -> float:
        return value(values, "ggz_w_verdeling", region, "2023", profile, "aandeel")

    assert share("rotterdam", "GGZ-W2") > share(ALL, "GGZ-W2")
    assert share("rotterdam", "GGZ-W3") < share(ALL, "GGZ-W3")


def test_rotterdam_waiting_list_fell_slightly(values: pd.DataFrame) -> None:
    """Rotterdam's waiting list in February 2023 is 2% to 15% below February 2022."""
    before = value(values, "wachtlijst", "rotterdam", "2022-02", "totaal")
    after = value(values, "wachtlijst", "rotterdam", "2023-02", "totaal")
    assert -0.15 <= after / before - 1 <= -0.02


def test_rotterdam_sectorvreemd_about_14_percent_below_average(values: pd.DataFrame) -> None:
    """About 14% of Rotterdam's GGZ clients are at a GZ or VV provider, fewer than on average."""
    rotterdam = sectorvreemd_share(values, "rotterdam", "2023")
    assert 0.13 <= rotterdam <= 0.15
    assert rotterdam < sectorvreemd_share(values, ALL, "2023")


def test_rotterdam_sectorvreemd_clients_are_mainly_w3(values: pd.DataFrame) -> None:
    """Among Rotterdam's sectorvreemde clients GGZ-W3 is the largest profile, in both segments."""
    v = values
    rows = v[(v["indicator"] == "sectorvreemd_profielen") & (v["region"] == "rotterdam") & (v["unit"] == "klanten")]
    segment = rows["category"].str.split("|").str[0]
    profile = rows["category"].str.split("|").str[1]
    assert rows.groupby(profile)["value"].sum().idxmax() == "GGZ-W3"
    for seg in ("GZ", "VV"):
        in_seg = rows[segment == seg]
        assert profile[in_seg.index].loc[in_seg["value"].idxmax()] == "GGZ-W3", seg


def test_utrecht_one_in_five_sectorvreemd_five_points_up(values: pd.DataFrame) -> None:
    """Utrecht has 19-21% of GGZ clients at a GZ or VV provider in 2023, about 5 points more than in 2022."""
    now = sectorvreemd_share(values, "utrecht", "2023")
    before = sectorvreemd_share(values, "utrecht", "2022")
    assert 0.19 <= now <= 0.21
    assert 0.04 <= now - before <= 0.06


def test_t_gooi_gz_clients_are_the_published_counts(values: pd.DataFrame) -> None:
    """'t Gooi has exactly 2.386, 2.438, 2.582 and 2.668 GZ clients in 2020-2023."""
    counts = [value(values, "gz_klanten", "t-gooi", str(y)) for y in (2020, 2021, 2022, 2023)]
    assert counts == [2386, 2438, 2582, 2668]


def test_gz_clients_per_1000_inhabitants_match_the_regioanalyse(values: pd.DataFrame) -> None:
    """GZ per 1.000: 't Gooi 5,2 5,3 5,5 5,6 and all regions 6,6 6,8 6,9 6,9 (one decimal)."""
    years = ("2020", "2021", "2022", "2023")
    gooi = [round(value(values, "gz_klanten_per_1000", "t-gooi", y), 1) for y in years]
    pooled = [round(value(values, "gz_klanten_per_1000", ALL, y), 1) for y in years]
    assert gooi == [5.2, 5.3, 5.5, 5.6]
    assert pooled == [6.6, 6.8, 6.9, 6.9]


def test_gz_growth_in_t_gooi_outpaces_all_regions(values: pd.DataFrame) -> None:
    """The GZ rate grows 8,4% in 't Gooi and 4,4% over all regions from 2020 to 2023."""

    def growth(region: str) -> float:
        first = value(values, "gz_klanten_per_1000", region, "2020")
        return round(100 * (value(values, "gz_klanten_per_1000", region, "2023") / first - 1), 1)

    assert growth("t-gooi") == 8.4
    assert growth(ALL) == 4.4


def test_t_gooi_inhabitants_in_2023(values: pd.DataFrame) -> None:
    """The inwoners indicator gives 't Gooi its CBS population of 1 January 2023 (476.222)."""
    assert value(values, "inwoners", "t-gooi", "2023") == 476222
