"""compute_regioanalyse: every figure in one frame, small counts and what rests on them suppressed."""

from __future__ import annotations

import pytest
from data_helpers import MINIMAL
from indicator_builders import DatasetBuilder
from regioanalyse_builders import gz_client, population

from reportgen.data.load import load_dataset
from reportgen.indicators.registry import load_registry
from reportgen.indicators.tidy import COLUMNS
from reportgen.kinds.regioanalyse_gz.figures import compute_regioanalyse


def small_and_large() -> DatasetBuilder:
    """Almere (0034) with 3 clients in 2020 and 2023, Hilversum (0402) with 12 in both years."""
    b = DatasetBuilder().region("0402", "t-gooi").region("0034", "t-gooi")
    b.provider("01000001", "GZ")
    for code in ("0402", "0034"):
        population(b, code, {(2020, "18-64"): 2000, (2023, "18-64"): 2000})
    for i in range(3):
        gz_client(b, f"K00000{i:02d}", "0034", years=(2020, 2023))
    for i in range(12):
        gz_client(b, f"K00001{i:02d}", "0402", years=(2020, 2023))
    return b


def flag(frame, indicator: str, region: str, period: str, category: str = "", unit: str | None = None) -> bool:
    """The suppressed flag of one row."""
    rows = frame[(frame["indicator"] == indicator) & (frame["region"] == region) & (frame["period"] == period)]
    rows = rows[rows["category"] == category]
    if unit is not None:
        rows = rows[rows["unit"] == unit]
    assert len(rows) == 1, (indicator, region, period, category)
    return bool(rows["suppressed"].iloc[0])


def test_small_municipality_is_hidden_with_its_rate_and_change() -> None:
    """3 clients in Almere: count, rate, change of the rate and of living independently hidden.

    't Gooi (15) minus Hilversum (12) would give Almere's 3 back, so Hilversum's count is
    hidden with it (hiding 't Gooi instead would leave all regions, here 't Gooi alone, to
    give it back): Almere can then be anything from 0 to 15. Hilversum's rate and change
    follow its count; the region is shown.
    """
    frame = compute_regioanalyse(small_and_large().build(), 2023)
    assert list(frame.columns) == list(COLUMNS)
    assert flag(frame, "gz_klanten", "GM0034", "2023")
    assert flag(frame, "gz_klanten_per_1000", "GM0034", "2023")
    assert flag(frame, "gz_klanten_per_1000_groei", "GM0034", "2020-2023")
    assert flag(frame, "gz_zelfstandig_verandering", "GM0034", "2020-2023")
    assert flag(frame, "gz_klanten", "GM0402", "2023")
    assert flag(frame, "gz_klanten_per_1000", "GM0402", "2023")
    assert flag(frame, "gz_klanten_per_1000_groei", "GM0402", "2020-2023")
    assert not flag(frame, "gz_klanten", "t-gooi", "2023")
    assert not flag(frame, "gz_kosten_per_klant", "t-gooi", "2023")


def test_result_is_deterministic_and_ordered() -> None:
    """Same data, same frame; regions come before alle-regios, municipalities after."""
    ds = small_and_large().build()
    first, second = compute_regioanalyse(ds, 2023), compute_regioanalyse(ds, 2023)
    assert first.equals(second)
    areas = first.loc[first["indicator"] == "gz_klanten", "region"].drop_duplicates().tolist()
    assert areas == ["t-gooi", "alle-regios", "GM0034", "GM0402"]


def test_every_indicator_has_a_registry_entry() -> None:
    """Each indicator id the Regioanalyse computes is documented in layouts/indicators.yaml."""
    frame = compute_regioanalyse(small_and_large().build(), 2023)
    registry = load_registry()
    missing = sorted(set(frame["indicator"]) - set(registry))
    assert missing == []


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_data_without_gz_clients_computes_without_warnings() -> None:
    """The minimal data set has no GZ clients: every figure runs without a 0/0 warning, and the
    growth of care at home is 0 rather than NaN."""
    frame = compute_regioanalyse(load_dataset(MINIMAL), 2023)
    growth = frame[frame["indicator"] == "gz_groei_thuis"]
    assert len(growth) and (growth["value"] == 0.0).all()
