"""The Regioanalyse GZ tables: optional, loaded typed when present, refused with file:line messages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from data_helpers import messages

from reportgen.data.load import load_dataset
from reportgen.data.schema_gz import GZ_TABLES


def put(directory: Path, name: str, text: str) -> None:
    """Add or replace one file of the data set (UTF-8)."""
    (directory / name).write_text(text, encoding="utf-8")


def test_a_regioplan_folder_loads_with_the_new_tables_empty(data_dir: Path) -> None:
    """Without the new files the data set loads; each new table is empty with its columns."""
    ds = load_dataset(data_dir)
    for table in GZ_TABLES:
        frame = ds.table(table.name)
        assert list(frame.columns) == table.column_names
        assert len(frame) == 0


def test_good_new_tables_load_typed(data_dir: Path) -> None:
    """Every new table is read and typed as the contract says."""
    put(data_dir, "bevolkingsprognose.csv", "gemeentecode,jaar,leeftijdsgroep,inwoners\n0193,2040,80+,9100\n")
    put(
        data_dir,
        "gemeentekenmerken.csv",
        "gemeentecode,ses_groep,stedelijkheid,pct_nederlands,pct_westers,pct_niet_westers\n0402,4,5,70.5,11.5,18\n",
    )
    put(data_dir, "personeel.csv", "regio,jaar,medewerkers\nt-gooi,2020,1604\nt-gooi,2040,1692\n")
    put(data_dir, "streefnormen.csv", "status,classificatie,weken\nactief,VG,13\n")
    put(
        data_dir,
        "wachtperiodes.csv",
        "klant_id,zorgprofiel,status,wacht_van,geplaatst_op\nK0000001,VG5,actief,2022-10-03,\n",
    )
    put(data_dir, "locatiecoordinaten.csv", "locatie_id,x,y\nL000001,203150,502870\n")
    put(data_dir, "bevolking_nederland.csv", "jaar,inwoners\n2023,17811291\n")
    ds = load_dataset(data_dir)
    assert ds.bevolking_nederland["inwoners"].tolist() == [17811291]
    assert ds.personeel["medewerkers"].tolist() == [1604, 1692]
    assert ds.gemeentekenmerken["pct_niet_westers"].dtype == np.float64
    assert pd.isna(ds.wachtperiodes["geplaatst_op"].iloc[0])
    assert ds.locatiecoordinaten["x"].tolist() == [203150]
    assert ds.bevolkingsprognose["inwoners"].tolist() == [9100]
    assert ds.streefnormen["weken"].tolist() == [13]


def test_forecast_with_unknown_municipality_and_age_group(data_dir: Path) -> None:
    """A forecast row for a municipality not in gemeenten, and an age group the contract lacks."""
    put(
        data_dir,
        "bevolkingsprognose.csv",
        "gemeentecode,jaar,leeftijdsgroep,inwoners\n0193,2040,80+,9100\n0999,2040,80+,10\n0193,2040,85+,10\n",
    )
    assert messages(data_dir) == [
        "bevolkingsprognose.csv:3: column 'gemeentecode': unknown municipality '0999' (not in gemeenten.csv)",
        "bevolkingsprognose.csv:4: column 'leeftijdsgroep': '85+' is not one of the allowed values: "
        "0-17, 18-64, 65-79, 80+",
    ]


def test_characteristics_out_of_range(data_dir: Path) -> None:
    """SES group 6 is above the five groups; a negative percentage is refused."""
    put(
        data_dir,
        "gemeentekenmerken.csv",
        "gemeentecode,ses_groep,stedelijkheid,pct_nederlands,pct_westers,pct_niet_westers\n"
        "0193,6,3,80,10,10\n0402,3,0,80,10,-1\n",
    )
    assert messages(data_dir) == [
        "gemeentekenmerken.csv:2: column 'ses_groep': '6' is outside the plausible range (expected 1 to 5)",
        "gemeentekenmerken.csv:3: column 'stedelijkheid': '0' is below the minimum (expected 1 or more)",
        "gemeentekenmerken.csv:3: column 'pct_niet_westers': '-1' is negative (expected 0 or more)",
    ]


def test_workforce_of_an_unknown_region_and_a_duplicate_year(data_dir: Path) -> None:
    """personeel names a region reportgen does not know, and one region-year twice."""
    put(data_dir, "personeel.csv", "regio,jaar,medewerkers\ntwente,2020,10\nzwolle,2020,5\nzwolle,2020,6\n")
    found = messages(data_dir)
    assert any(m.startswith("personeel.csv:2: column 'regio': unknown region 'twente'") for m in found)
    assert any(m.startswith("personeel.csv:4:") and "zwolle" in m and "2020" in m for m in found)


def test_national_population_of_zero_and_a_duplicate_year(data_dir: Path) -> None:
    """bevolking_nederland with 0 inhabitants, a year given twice and a count with a decimal part."""
    put(data_dir, "bevolking_nederland.csv", "jaar,inwoners\n2022,0\n2023,17811291\n2023,17811292\n2021,17.5\n")
    found = messages(data_dir)
    assert any(m.startswith("bevolking_nederland.csv:2: column 'inwoners': '0'") for m in found), found
    assert any(m.startswith("bevolking_nederland.csv:4:") and "2023" in m for m in found), found
    assert any(m.startswith("bevolking_nederland.csv:5: column 'inwoners': '17.5'") for m in found), found


def test_streefnorm_for_a_status_without_one(data_dir: Path) -> None:
    """niet-actief has no streefnorm."""
    put(data_dir, "streefnormen.csv", "status,classificatie,weken\nniet-actief,VG,13\n")
    assert messages(data_dir) == [
        "streefnormen.csv:2: column 'status': 'niet-actief' is not one of the allowed values: "
        "urgent, actief, wacht op voorkeur"
    ]


def test_placement_before_the_wait_started(data_dir: Path) -> None:
    """A spell placed before it started, and one of an unknown client."""
    put(
        data_dir,
        "wachtperiodes.csv",
        "klant_id,zorgprofiel,status,wacht_van,geplaatst_op\n"
        "K0000001,VG5,actief,2022-10-03,2022-09-30\nK0000099,VG5,actief,2022-10-03,\n",
    )
    assert messages(data_dir) == [
        "wachtperiodes.csv:2: column 'geplaatst_op': '2022-09-30' is before wacht_van '2022-10-03'",
        "wachtperiodes.csv:3: column 'klant_id': unknown client 'K0000099' (not in klanten.csv)",
    ]


def test_coordinates_outside_the_netherlands(data_dir: Path) -> None:
    """RD coordinates outside the Dutch extent, and a location not in locaties."""
    put(data_dir, "locatiecoordinaten.csv", "locatie_id,x,y\nL000001,350000,502870\nL000009,203150,502870\n")
    assert messages(data_dir) == [
        "locatiecoordinaten.csv:2: column 'x': '350000' is outside the plausible range (expected 0 to 300000)",
        "locatiecoordinaten.csv:3: column 'locatie_id': unknown location 'L000009' (not in locaties.csv)",
    ]
