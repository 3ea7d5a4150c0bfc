"""Regioanalyse GZ figures on hand-built data, against values worked out by hand."""

from __future__ import annotations

import math

import pytest
from indicator_builders import DatasetBuilder
from regioanalyse_builders import gz_client, population, value

from reportgen.kinds.regioanalyse_gz.figures import (
    age,
    characteristics,
    clients,
    costs,
    home,
    profiles,
    sectorvreemd,
    supply,
)
from reportgen.kinds.regioanalyse_gz.figures.population import gz_inwoners

ALL = "alle-regios"


def two_municipalities() -> DatasetBuilder:
    """'t Gooi with Hilversum (0402) and Almere (0034); Zwolle (0193) without clients."""
    b = DatasetBuilder().region("0402", "t-gooi").region("0034", "t-gooi").region("0193", "zwolle")
    b.provider("01000001", "GZ").provider("02000002", "GZ").provider("03000003", "VV").provider("04000004", "GZ")
    population(b, "0402", {(2020, "18-64"): 1000, (2023, "18-64"): 1000})
    population(b, "0034", {(2020, "18-64"): 3000, (2023, "18-64"): 4000})
    population(b, "0193", {(2020, "18-64"): 1000, (2023, "18-64"): 1000})
    return b


def test_clients_rates_and_growth_per_region_and_municipality() -> None:
    """2020: 4 clients on 4.000 inhabitants (1,0 per 1.000); 2023: 10 on 5.000 (2,0): +100%.

    Almere: 2 of 3.000 (0,667) to 8 of 4.000 (2,0): +200%. Hilversum: 2 of 1.000 both years: 0%.
    """
    b = two_municipalities()
    for i in range(2):
        gz_client(b, f"K000000{i}", "0402", years=(2020, 2023))
        gz_client(b, f"K000001{i}", "0034", years=(2020, 2023))
    for i in range(6):
        gz_client(b, f"K000002{i}", "0034", years=(2023,))
    ds = b.build()
    counts = clients.gz_klanten(ds, 2023)
    assert value(counts, "gz_klanten", "t-gooi", "2020") == 4
    assert value(counts, "gz_klanten", "GM0034", "2023") == 8
    assert value(counts, "gz_klanten", ALL, "2023") == 10
    rates = clients.gz_klanten_per_1000(ds, 2023)
    assert value(rates, "gz_klanten_per_1000", "t-gooi", "2020") == pytest.approx(1.0)
    assert value(rates, "gz_klanten_per_1000", "t-gooi", "2023") == pytest.approx(2.0)
    assert value(rates, "gz_klanten_per_1000", "GM0034", "2020") == pytest.approx(2 / 3)
    assert value(rates, "gz_klanten_per_1000", ALL, "2023") == pytest.approx(10 / 6)
    assert math.isnan(value(rates, "gz_klanten_per_1000", "t-gooi", "2021"))
    growth = clients.gz_klanten_per_1000_groei(ds, 2023)
    assert value(growth, "gz_klanten_per_1000_groei", "t-gooi", "2020-2023") == pytest.approx(100.0)
    assert value(growth, "gz_klanten_per_1000_groei", "GM0034", "2020-2023") == pytest.approx(200.0)
    assert value(growth, "gz_klanten_per_1000_groei", "GM0402", "2020-2023") == pytest.approx(0.0)


def test_age_bands_and_share_aged_23_to_65() -> None:
    """Ages 10, 20, 23, 40, 64, 65, 70 in 2023: bands 1, 2, 0, 1, 1, 2; aged 23 up to 65: 3 of 7."""
    b = two_municipalities()
    for i, age_2023 in enumerate((10, 20, 23, 40, 64, 65, 70)):
        gz_client(b, f"K00000{i:02d}", "0402", born=2023 - age_2023)
    ds = b.build()
    bands = age.gz_leeftijd(ds, 2023)
    expected = {"0-18": 1, "19-23": 2, "24-34": 0, "35-49": 1, "50-64": 1, "65+": 2}
    for band, n in expected.items():
        assert value(bands, "gz_leeftijd", "t-gooi", "2023", band, "klanten") == n
        assert value(bands, "gz_leeftijd", "t-gooi", "2023", band, "aandeel") == pytest.approx(n / 7)
    working = age.gz_leeftijd_23_65(ds, 2023)
    assert value(working, "gz_leeftijd_23_65", "t-gooi", "2023", unit="klanten") == 3
    assert value(working, "gz_leeftijd_23_65", "t-gooi", "2023", unit="aandeel") == pytest.approx(3 / 7)


def test_light_profiles_and_the_profile_mix_leaves_out_small_groups() -> None:
    """Light: VG3, LG4, LVG2 of five clients (60%). Mix: 25 of 30 VG clients are 3VG; 5VG (5) is left out."""
    b = two_municipalities()
    for i, profile in enumerate(("VG3", "VG5", "LG4", "LVG2", "ZGvis1")):
        gz_client(b, f"K00000{i:02d}", "0402", profile=profile)
    ds = b.build()
    light = profiles.gz_lichte_profielen(ds, 2023)
    assert value(light, "gz_lichte_profielen", "t-gooi", "2023", unit="aandeel") == pytest.approx(0.6)

    b = two_municipalities()
    for i in range(30):
        gz_client(b, f"K00001{i:02d}", "0034", profile="VG3" if i < 25 else "VG5")
    mix = profiles.gz_profielmix(b.build(), 2023)
    assert value(mix, "gz_profielmix", "t-gooi", "2023", "VG|3VG", "aandeel") == pytest.approx(25 / 30)
    assert value(mix, "gz_profielmix_totaal", "t-gooi", "2023", "VG") == 30
    assert mix[(mix["category"] == "VG|5VG")].empty


def test_providers_and_locations_need_enough_clients() -> None:
    """Provider 1: 5 intramural (counts); 2: 4 intramural (not); 3 (VV): 2 MPT (counts); 4: 1 VPT (not).

    Location 1211AA (VV provider's register entry) has 5 intramural clients: counts in 2023,
    not in 2022 when only GZ providers' locations counted. 1211AB with 4 does not count.
    """
    b = two_municipalities()
    b.location("1211AA", "0402", "03000003").location("1211AB", "0402", "02000002")
    n = 0
    for agb, lv, k, pc in (
        ("01000001", "intramuraal", 5, "1211AA"),
        ("02000002", "intramuraal", 4, "1211AB"),
        ("03000003", "MPT", 2, "1211XX"),
        ("04000004", "VPT", 1, "1211XY"),
    ):
        for _ in range(k):
            gz_client(b, f"K{n:07d}", "0402", years=(2022, 2023), lv=lv, agb_code=agb, postcode=pc)
            n += 1
    ds = b.build()
    assert value(supply.gz_aanbieders(ds, 2023), "gz_aanbieders", "t-gooi", "2023") == 2
    locations = supply.gz_locaties(ds, 2023)
    assert value(locations, "gz_locaties", "t-gooi", "2023") == 1
    assert value(locations, "gz_locaties", "GM0402", "2023") == 1
    assert value(locations, "gz_locaties", "GM0034", "2023") == 0
    assert value(supply.gz_locaties(ds, 2022), "gz_locaties", "t-gooi", "2022") == 0


def test_locations_count_from_two_home_clients_or_five_intramural() -> None:
    """The provider rule holds per location too. In Almere (0034): 1211AC has 2 MPT clients
    (counts), 1211AD 1 VPT client (not), 1211AE 4 intramural and 1 MPT (neither rule: not).
    In Hilversum (0402): 1211AA has 5 intramural clients (counts). PGB clients never count.

    Expected: Almere 1, Hilversum 1, 't Gooi 2.
    """
    b = two_municipalities()
    for pc, gem in (("1211AA", "0402"), ("1211AC", "0034"), ("1211AD", "0034"), ("1211AE", "0034")):
        b.location(pc, gem, "01000001")
    n = 0
    for lv, k, pc in (
        ("intramuraal", 5, "1211AA"),
        ("MPT", 2, "1211AC"),
        ("VPT", 1, "1211AD"),
        ("intramuraal", 4, "1211AE"),
        ("MPT", 1, "1211AE"),
    ):
        for _ in range(k):
            gz_client(b, f"K{n:07d}", "0034", lv=lv, postcode=pc)
            n += 1
    for _ in range(3):
        gz_client(b, f"K{n:07d}", "0034", lv="PGB", agb_code=None, postcode=None)
        n += 1
    locations = supply.gz_locaties(b.build(), 2023)
    assert value(locations, "gz_locaties", "GM0034", "2023") == 1
    assert value(locations, "gz_locaties", "GM0402", "2023") == 1
    assert value(locations, "gz_locaties", "t-gooi", "2023") == 2


def test_living_independently_and_growth_per_sector() -> None:
    """2020: 1 of 4 at home (MPT); 2023: 2 of 4 (VPT, PGB): 25% -> 50%, +25 %-points.

    Almere's VG clients and Hilversum's LG clients: 2 in both years, 0% growth.
    """
    b = two_municipalities()
    gz_client(b, "K0000001", "0034", years=(2020,), lv="MPT")
    gz_client(b, "K0000002", "0034", years=(2020, 2023))
    gz_client(b, "K0000003", "0402", years=(2020, 2023), profile="LG5")
    gz_client(b, "K0000004", "0402", years=(2020,), profile="LG5")
    gz_client(b, "K0000005", "0034", years=(2023,), lv="VPT")
    gz_client(b, "K0000006", "0402", years=(2023,), lv="PGB", agb_code=None, postcode=None, profile="LG5")
    ds = b.build()
    shares = home.gz_zelfstandig(ds, 2023)
    assert value(shares, "gz_zelfstandig", "t-gooi", "2020", unit="aandeel") == pytest.approx(0.25)
    assert value(shares, "gz_zelfstandig", "t-gooi", "2023", unit="aandeel") == pytest.approx(0.5)
    change = home.gz_zelfstandig_verandering(ds, 2023)
    assert value(change, "gz_zelfstandig_verandering", "t-gooi", "2020-2023") == pytest.approx(25.0)
    growth = home.gz_toewijzingen_groei(ds, 2023)
    assert value(growth, "gz_toewijzingen_groei", "GM0034", "2020-2023", "VG") == pytest.approx(0.0)
    assert value(growth, "gz_toewijzingen", "GM0402", "2023", "LG") == 2
    assert value(growth, "gz_toewijzingen_groei", "GM0402", "2020-2023", "LG") == pytest.approx(0.0)
    assert value(growth, "gz_toewijzingen_groei", "t-gooi", "2020-2023", "VG") == pytest.approx(0.0)


def test_cost_per_client_and_spending() -> None:
    """2020: (1.500 + 3.000) / 2 = 2.250; 2023: three clients of 2.000 = 2.000 (-11,1%).

    Spending 2023: 12 x 2.000 x 3 = 72.000 a year; per inhabitant 18-64 (5.000): 14,40.
    """
    b = two_municipalities()
    gz_client(b, "K0000001", "0402", years=(2020,), bedrag=1000.0)
    b.claim("K0000001", "2020-01", leveringsvorm="MPT", bedrag=500.0, agb_code="01000001", postcode="1211AA")
    gz_client(b, "K0000002", "0402", years=(2020,), bedrag=3000.0)
    for i in range(3):
        gz_client(b, f"K000001{i}", "0034", years=(2023,), bedrag=2000.0)
    ds = b.build()
    cost = costs.gz_kosten_per_klant(ds, 2023)
    assert value(cost, "gz_kosten_per_klant", "t-gooi", "2020") == pytest.approx(2250.0)
    assert value(cost, "gz_kosten_per_klant", "t-gooi", "2023") == pytest.approx(2000.0)
    assert value(cost, "gz_kosten_per_klant_groei", "t-gooi", "2020-2023") == pytest.approx(-100 / 9)
    spending = costs.gz_uitgaven(ds, 2023)
    assert value(spending, "gz_uitgaven", "t-gooi", "2023") == pytest.approx(72_000.0)
    assert value(spending, "gz_uitgaven_per_beroepsbevolking", "t-gooi", "2023") == pytest.approx(14.4)


def test_segment_of_the_main_provider_and_profiles_at_vv() -> None:
    """Client 1: VV 2.000 > GZ 1.000, so VV; client 2 at GZ; client 3 only PGB (left out): 1 and 1 of 2."""
    b = two_municipalities()
    gz_client(b, "K0000001", "0402", bedrag=1000.0)
    b.claim("K0000001", "2023-01", leveringsvorm="intramuraal", bedrag=2000.0, agb_code="03000003", postcode="1211AC")
    gz_client(b, "K0000002", "0402")
    gz_client(b, "K0000003", "0402", lv="PGB", agb_code=None, postcode=None)
    ds = b.build()
    seg = sectorvreemd.gz_sectorvreemd(ds, 2023)
    assert value(seg, "gz_sectorvreemd", "t-gooi", "2023", "VV", "klanten") == 1
    assert value(seg, "gz_sectorvreemd", "t-gooi", "2023", "GZ", "aandeel") == pytest.approx(0.5)
    assert value(seg, "gz_sectorvreemd", "t-gooi", "2023", "GGZ", "klanten") == 0
    mix = sectorvreemd.gz_sectorvreemd_profielen(ds, 2023)
    assert mix.empty  # one VV client: below the 20 needed to show a group


def test_characteristics_and_origin_weighted_by_inhabitants() -> None:
    """Hilversum (1.000 inhabitants, 10% non-western) and Almere (4.000, 30%): 't Gooi 26%."""
    b = two_municipalities()
    b.rows["gemeentekenmerken"] += [
        {
            "gemeentecode": "0402",
            "ses_groep": 4,
            "stedelijkheid": 5,
            "pct_nederlands": 80.0,
            "pct_westers": 10.0,
            "pct_niet_westers": 10.0,
        },
        {
            "gemeentecode": "0034",
            "ses_groep": 2,
            "stedelijkheid": 4,
            "pct_nederlands": 60.0,
            "pct_westers": 10.0,
            "pct_niet_westers": 30.0,
        },
    ]
    frame = characteristics.gz_gemeentekenmerken(b.build(), 2023)
    assert value(frame, "gz_ses_groep", "GM0402", "2023") == 4
    assert value(frame, "gz_stedelijkheid", "GM0034", "2023") == 4
    assert value(frame, "gz_herkomst", "t-gooi", "2023", "niet-westers") == pytest.approx(26.0)
    assert value(frame, "gz_herkomst", "t-gooi", "2023", "nederlands") == pytest.approx(64.0)
    assert value(frame, "gz_herkomst", "GM0402", "2023", "westers") == pytest.approx(10.0)
    # regions: (4 x 1.000 + 2 x 4.000) / 5.000 = 2,4 and (5 x 1.000 + 4 x 4.000) / 5.000 = 4,2
    assert value(frame, "gz_ses_groep", "t-gooi", "2023") == pytest.approx(2.4)
    assert value(frame, "gz_stedelijkheid", "t-gooi", "2023") == pytest.approx(4.2)
    assert value(frame, "gz_ses_groep", ALL, "2023") == pytest.approx(2.4)  # Zwolle has no characteristics


def test_inhabitants_and_share_of_the_netherlands() -> None:
    """2023: Hilversum 1.000 + Almere 4.000 = 5.000 of the 80.000 inhabitants of the country (6,25%);
    Zwolle 1.000 (1,25%); all regions 6.000 (7,5%). 2022 is not given: no share for it."""
    b = two_municipalities()
    b.rows["bevolking_nederland"] += [{"jaar": 2023, "inwoners": 80_000}, {"jaar": 2020, "inwoners": 10}]
    frame = gz_inwoners(b.build(), 2023)
    assert value(frame, "gz_inwoners", "t-gooi", "2023") == 5000
    assert value(frame, "gz_inwoners", ALL, "2023") == 6000
    assert value(frame, "gz_inwoners", "GM0034", "2023") == 4000
    assert value(frame, "gz_inwoners_aandeel", "t-gooi", "2023") == pytest.approx(6.25)
    assert value(frame, "gz_inwoners_aandeel", "zwolle", "2023") == pytest.approx(1.25)
    assert value(frame, "gz_inwoners_aandeel", "GM0034", "2023") == pytest.approx(5.0)
    assert value(frame, "gz_inwoners_aandeel", ALL, "2023") == pytest.approx(7.5)


def test_no_share_without_the_country_of_the_edition() -> None:
    """bevolking_nederland has only 2022: the shares of 2023 are empty, not taken against another total."""
    b = two_municipalities()
    b.rows["bevolking_nederland"].append({"jaar": 2022, "inwoners": 80_000})
    frame = gz_inwoners(b.build(), 2023)
    shares = frame[frame["indicator"] == "gz_inwoners_aandeel"]
    assert len(shares) == 6  # two regions, alle-regios and three municipalities
    assert shares["value"].isna().all()
    assert value(frame, "gz_inwoners", "t-gooi", "2023") == 5000
