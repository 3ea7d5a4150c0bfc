"""The example data's municipalities and 2023 population are CBS's, as in the shared geo folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from reportgen.data.regions import REGION_NAMES
from reportgen.data.synth.reference import national_population, reference_municipalities, reference_population

GEO = Path(__file__).resolve().parents[1].parent / "shared" / "geo"
"""The shared reference folder beside the clone (../shared/geo)."""

pytestmark = pytest.mark.skipif(
    not (GEO / "gemeente_zorgkantoorregio_2023.csv").is_file(),
    reason=f"CBS reference folder {GEO} is not present beside the clone",
)


def geo_csv(name: str) -> pd.DataFrame:
    """One CSV of the geo folder, every column as text."""
    return pd.read_csv(GEO / name, dtype=str, keep_default_na=False)


def test_membership_equals_the_cbs_division_of_the_eleven_regions() -> None:
    """Every municipality of the eleven regions, and no other, in the right region."""
    geo = geo_csv("gemeente_zorgkantoorregio_2023.csv")
    by_name = {name: slug for slug, name in REGION_NAMES.items()}
    geo = geo[geo["zorgkantoorregio"].isin(by_name)]
    expected = dict(zip(geo["gemeentecode"], geo["zorgkantoorregio"].map(by_name), strict=True))
    ours = reference_municipalities()
    assert dict(zip(ours["gemeentecode"], ours["regio"], strict=True)) == expected
    assert dict(zip(ours["gemeentecode"], ours["gemeente"], strict=True)) == dict(
        zip(geo["gemeentecode"], geo["gemeente"], strict=True)
    )


def test_published_region_sizes() -> None:
    """Zwolle has 15 municipalities, Utrecht 25 with Nijkerk, 't Gooi 8 with Almere."""
    ours = reference_municipalities()
    sizes = ours["regio"].value_counts()
    assert (sizes["zwolle"], sizes["utrecht"], sizes["t-gooi"]) == (15, 25, 8)
    assert ours.set_index("gemeente").loc[["Nijkerk", "Almere"], "regio"].tolist() == ["utrecht", "t-gooi"]


def test_population_2023_equals_cbs_per_municipality() -> None:
    """The age groups of 2023 add up to CBS's inhabitants on 1 January 2023 in every municipality."""
    geo = geo_csv("bevolking_gemeente_2023.csv")
    pop = reference_population()
    ours = pop[pop["jaar"] == 2023].groupby("gemeentecode")["inwoners"].sum()
    cbs = geo.set_index("gemeentecode")["inwoners"].astype("int64").reindex(ours.index)
    assert cbs.notna().all()
    assert ours.to_dict() == cbs.to_dict()
    assert int(ours[reference_municipalities().query("regio == 't-gooi'")["gemeentecode"]].sum()) == 476222


def test_national_population_is_the_sum_of_every_cbs_municipality() -> None:
    """bevolking_nederland 2023 is the sum of all 342 municipalities of the CBS file (17.811.291)."""
    geo = geo_csv("bevolking_gemeente_2023.csv")
    national = national_population()
    assert len(geo) == 342
    assert national.set_index("jaar")["inwoners"].to_dict() == {2023: geo["inwoners"].astype(int).sum()}
