"""The built-in example data: deterministic, within the data contract, real regions and plausible records."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from reportgen.data.regions import REGION_IDS
from reportgen.data.schema import TABLES, Dataset
from reportgen.data.synth import expected_clients, national_scale, synthesize
from reportgen.data.synth.quota import capped_apportionment, largest_remainder, sticky_labels
from reportgen.data.synth.reference import reference_municipalities, reference_population

DTYPES = {"code": "str", "text": "str", "enum": "str", "month": "str", "int": "int64", "amount": "float64"}


@pytest.fixture(scope="session")
def ds() -> Dataset:
    """The default example data set, generated once."""
    return synthesize()


@pytest.fixture(scope="session")
def small() -> Dataset:
    """A small example data set for the cheap checks that need two runs."""
    return synthesize(seed=7, scale=0.05)


def test_same_seed_gives_identical_frames(small: Dataset) -> None:
    """Two runs with the same seed and scale give equal frames, table by table."""
    again = synthesize(seed=7, scale=0.05)
    for table in TABLES:
        pd.testing.assert_frame_equal(small.table(table.name), again.table(table.name))


def test_other_seed_gives_other_claims(small: Dataset) -> None:
    """Another seed draws other clients, so the claims differ."""
    other = synthesize(seed=8, scale=0.05)
    assert not small.declaraties["klant_id"].equals(other.declaraties["klant_id"])


def test_columns_and_dtypes_follow_the_contract(ds: Dataset) -> None:
    """Every table has exactly the contract's columns, in order, with the Dataset's dtypes."""
    for table in TABLES:
        frame = ds.table(table.name)
        assert list(frame.columns) == table.column_names
        for col in table.columns:
            expected = "datetime64[ns]" if col.kind == "date" else DTYPES[col.kind]
            assert str(frame[col.name].dtype) == expected, (table.name, col.name)


def test_values_match_patterns_enums_and_minimums(ds: Dataset) -> None:
    """Codes match their patterns, enums their allowed values, numbers their minimums."""
    for table in TABLES:
        frame = ds.table(table.name)
        for col in table.columns:
            values = frame[col.name].dropna()
            if col.pattern:
                assert values.str.fullmatch(col.pattern.strip("^$")).all(), (table.name, col.name)
            if col.allowed:
                assert set(values.unique()) <= set(col.allowed), (table.name, col.name)
            if col.minimum is not None:
                assert (values >= col.minimum).all(), (table.name, col.name)
            if col.kind == "month":
                assert values.str.fullmatch(r"20\d\d-(0[1-9]|1[0-2])").all(), (table.name, col.name)


def test_required_columns_are_filled(ds: Dataset) -> None:
    """Required columns have no missing values; optional ones are empty only where allowed."""
    for table in TABLES:
        frame = ds.table(table.name)
        for col in table.columns:
            if col.required:
                assert frame[col.name].notna().all(), (table.name, col.name)


def test_keys_are_unique(ds: Dataset) -> None:
    """No two rows share a key, the optional agb_code of claims included."""
    for table in TABLES:
        frame = ds.table(table.name)
        assert not frame.duplicated(list(table.key)).any(), table.name


def test_references_resolve(ds: Dataset) -> None:
    """Every filled reference points to an existing row of the referenced table."""
    for table in TABLES:
        frame = ds.table(table.name)
        for col in table.columns:
            if col.references:
                target_table, target_col = col.references
                values = frame[col.name].dropna()
                assert values.isin(ds.table(target_table)[target_col]).all(), (table.name, col.name)


def test_claims_without_provider_are_pgb(ds: Dataset) -> None:
    """Only PGB claims lack an AGB code and a postcode."""
    decl = ds.declaraties
    no_agb = decl["agb_code"].isna()
    assert set(decl.loc[no_agb, "leveringsvorm"].unique()) == {"PGB"}
    assert (decl["postcode"].isna() == no_agb).all()


def test_rotterdam_and_t_gooi_have_their_municipalities(ds: Dataset) -> None:
    """Rotterdam is Rotterdam, Capelle and Krimpen; 't Gooi the eight municipalities of the Regioanalyse."""
    gem = ds.gemeenten
    rotterdam = gem.loc[gem["regio"] == "rotterdam", "gemeente"]
    assert sorted(rotterdam) == ["Capelle aan den IJssel", "Krimpen aan den IJssel", "Rotterdam"]
    assert sorted(gem.loc[gem["regio"] == "rotterdam", "gemeentecode"]) == ["0502", "0542", "0599"]
    gooi = gem.loc[gem["regio"] == "t-gooi", "gemeente"]
    assert sorted(gooi) == [
        "Almere",
        "Blaricum",
        "Eemnes",
        "Gooise Meren",
        "Hilversum",
        "Huizen",
        "Laren",
        "Wijdemeren",
    ]
    assert gem.loc[gem["gemeente"] == "Almere", "regio"].tolist() == ["t-gooi"]


def test_all_eleven_regions_are_present(ds: Dataset) -> None:
    """The gemeenten table covers exactly the eleven regions, with their printed names."""
    gem = ds.gemeenten
    assert sorted(gem["regio"].unique()) == sorted(REGION_IDS)
    assert gem.loc[gem["regio"] == "t-gooi", "regio_naam"].unique().tolist() == ["'t Gooi"]
    assert gem.loc[gem["regio"] == "utrecht", "gemeentecode"].nunique() == 25


def test_t_gooi_has_its_cbs_inhabitants_in_2023(ds: Dataset) -> None:
    """The population of 't Gooi on 1 January 2023 is CBS's 476.222, not the Regioanalyse's 473.101."""
    pop = ds.bevolking.merge(ds.gemeenten, on="gemeentecode")
    total = pop.loc[(pop["regio"] == "t-gooi") & (pop["jaar"] == 2023), "inwoners"].sum()
    assert total == 476222


def test_only_the_age_split_of_t_gooi_before_2023_differs_from_the_reference(ds: Dataset) -> None:
    """Every municipality keeps its modelled total of every year; only 't Gooi's split over the age
    groups in 2021 and 2022 is moved (to give the rate spread of the forecast band)."""
    keys = ["gemeentecode", "jaar", "leeftijdsgroep"]
    ours = ds.bevolking.set_index(keys)["inwoners"]
    reference = reference_population().set_index(keys)["inwoners"].reindex(ours.index)
    totals = ["gemeentecode", "jaar"]
    assert ours.groupby(level=totals).sum().equals(reference.groupby(level=totals).sum())
    gooi = set(reference_municipalities().query("regio == 't-gooi'")["gemeentecode"])
    moved = ours.index[(ours != reference).to_numpy()].to_frame(index=False)
    assert set(moved["gemeentecode"]) <= gooi
    assert set(moved["jaar"]) == {2021, 2022}  # 2020 is where the steady trend starts: unchanged


def test_population_has_every_year_and_age_group(ds: Dataset) -> None:
    """Each municipality has four age groups for each year 2019-2023."""
    counts = ds.bevolking.groupby("gemeentecode").size()
    assert (counts == 20).all()
    assert sorted(ds.bevolking["jaar"].unique()) == [2019, 2020, 2021, 2022, 2023]


def test_no_ggz_before_2021(ds: Dataset) -> None:
    """GGZ entered the Wlz in 2021: no GGZ indication starts earlier, no GGZ client claims earlier."""
    ind = ds.indicaties
    ggz = ind[ind["sector"] == "GGZ"]
    assert ggz["geldig_van"].min() >= pd.Timestamp("2021-01-01")
    ggz_clients = set(ggz["klant_id"]) - set(ind.loc[ind["sector"] != "GGZ", "klant_id"])
    months = ds.declaraties.loc[ds.declaraties["klant_id"].isin(ggz_clients), "maand"]
    assert months.min() == "2021-01"


def test_indications_end_after_they_start(ds: Dataset) -> None:
    """A closed indication never ends before it starts."""
    ind = ds.indicaties.dropna(subset=["geldig_tot"])
    assert (ind["geldig_tot"] >= ind["geldig_van"]).all()


def test_locations_lie_in_their_municipality(ds: Dataset) -> None:
    """Each location's postcode digits fall within its municipality's postcode range."""
    ref = reference_municipalities().set_index("gemeentecode")
    loc = ds.locaties
    pc4 = loc["postcode"].str[:4].astype(int).to_numpy()
    low = ref.loc[loc["gemeentecode"], "pc4_van"].to_numpy()
    high = ref.loc[loc["gemeentecode"], "pc4_tot"].to_numpy()
    assert ((pc4 >= low) & (pc4 <= high)).all()


def test_providers_have_segments_and_some_codes_start_with_zero(ds: Dataset) -> None:
    """Providers exist in all three segments; some AGB codes keep a leading zero."""
    prov = ds.aanbieders
    assert set(prov["contractsegment"]) == {"GGZ", "GZ", "VV"}
    assert prov["agb_code"].str.startswith("0").any()
    assert prov["naam"].is_unique


def test_intramural_ggz_w3_costs_six_to_nine_thousand_a_month(ds: Dataset) -> None:
    """Full-month intramural GGZ-W3 claims lie between 6.000 and 9.000 euros."""
    decl = ds.declaraties
    stay = decl[decl["prestatiecode"] == "ZGW3"]
    assert stay["bedrag"].quantile(0.05) > 6000
    assert stay["bedrag"].quantile(0.95) < 9000


def test_mpt_clients_claim_hundreds_to_2500_a_month(ds: Dataset) -> None:
    """A GGZ client's monthly MPT total lies between a few hundred euros and 2.500 (plus module rounding)."""
    decl = ds.declaraties
    ggz_mpt = decl[(decl["leveringsvorm"] == "MPT") & decl["prestatiecode"].isin(["H126", "H300", "H153"])]
    ggz_clients = ds.indicaties.loc[ds.indicaties["sector"] == "GGZ", "klant_id"]
    monthly = ggz_mpt[ggz_mpt["klant_id"].isin(ggz_clients)].groupby(["klant_id", "maand"])["bedrag"].sum()
    assert monthly.max() < 2500.05
    assert monthly.median() > 300


def test_waiting_list_covers_january_2022_to_february_2023(ds: Dataset) -> None:
    """Snapshots exist for the fourteen months from January 2022 up to February 2023."""
    months = sorted(ds.wachtlijst["peilmaand"].unique())
    assert months[0] == "2022-01" and months[-1] == "2023-02" and len(months) == 14


def test_clients_come_and_go(ds: Dataset) -> None:
    """New indications and ended ones occur every year, so counts change."""
    ind = ds.indicaties
    starts = ind["geldig_van"].dt.year.value_counts()
    ends = ind["geldig_tot"].dropna().dt.year.value_counts()
    assert all(starts[y] > 1000 for y in (2020, 2021, 2022, 2023))
    assert all(ends[y] > 1000 for y in (2020, 2021, 2022, 2023))


def test_default_set_has_about_ten_thousand_ggz_and_45_thousand_gz_clients(ds: Dataset) -> None:
    """January 2023 has roughly 10k GGZ and 45k GZ clients with a claim."""
    jan = ds.declaraties.loc[ds.declaraties["maand"] == "2023-01", "klant_id"].unique()
    sector = ds.indicaties.drop_duplicates("klant_id").set_index("klant_id")["sector"]
    counts = sector.loc[jan].value_counts()
    assert 9_000 < counts["GGZ"] < 12_000
    assert 40_000 < counts["GZ"] < 50_000


def test_expected_clients_predicts_the_client_count(ds: Dataset) -> None:
    """The size estimate behind national_scale is within 2% of the real count."""
    assert abs(expected_clients(1.0) / len(ds.klanten) - 1) < 0.02


def test_national_scale_aims_at_400_thousand_clients() -> None:
    """national_scale() times the default size gives about 400.000 clients."""
    assert abs(expected_clients(national_scale()) - 400_000) < 8_000


def test_scale_multiplies_clients(small: Dataset) -> None:
    """A 5% data set has about 5% of the clients of the default one."""
    assert abs(len(small.klanten) / expected_clients(1.0) - 0.05) < 0.005


def test_scale_must_be_positive() -> None:
    """A scale of zero is refused."""
    with pytest.raises(ValueError, match="scale"):
        synthesize(scale=0)


def test_largest_remainder_sums_exactly() -> None:
    """Counts 7 over weights 1:1:1 are 3, 2, 2 (ties go to the first)."""
    assert largest_remainder(7, np.array([1.0, 1.0, 1.0])).tolist() == [3, 2, 2]


def test_capped_apportionment_respects_caps() -> None:
    """10 over weights 5:1 with caps 6 and 10 gives 6 and 4."""
    assert capped_apportionment(10, np.array([5.0, 1.0]), np.array([6, 10])).tolist() == [6, 4]


def test_sticky_labels_keep_what_the_quota_allows() -> None:
    """Previous labels 0,0,1,1 with quota 1 zero and 3 ones keep both ones and one zero."""
    labels = sticky_labels(np.array([0, 0, 1, 1]), np.array([1, 3]), np.random.default_rng(0))
    assert labels[2:].tolist() == [1, 1]
    assert sorted(labels[:2].tolist()) == [0, 1]


def test_ids_look_like_the_contract_says(ds: Dataset) -> None:
    """Spot check of id shapes: K + 7 digits, I + 8, L + 6, postcode 4 digits and 2 letters."""
    assert re.fullmatch(r"K\d{7}", ds.klanten["klant_id"].iloc[0])
    assert re.fullmatch(r"I\d{8}", ds.indicaties["indicatie_id"].iloc[0])
    assert re.fullmatch(r"L\d{6}", ds.locaties["locatie_id"].iloc[0])
    assert re.fullmatch(r"\d{4}[A-Z]{2}", ds.locaties["postcode"].iloc[0])
