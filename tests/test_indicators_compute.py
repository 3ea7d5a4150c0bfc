"""compute_regioplan: all indicators together, in a fixed order, suppressed, computed once."""

from __future__ import annotations

import pandas as pd
from indicator_builders import DatasetBuilder, value_of

import reportgen.indicators.base as base_module
from reportgen.indicators import COLUMNS, INDICATOR_FUNCTIONS, compute_regioplan
from reportgen.indicators.audit import audit_csv_bytes, audit_table
from reportgen.indicators.registry import load_registry


def small_dataset():
    """Zwolle with 12 GGZ clients (11 W3, 1 B4), Utrecht with 2, Drenthe without clients."""
    b = DatasetBuilder()
    b.region("0001", "zwolle", {2020: 1000, 2021: 1000, 2022: 1000, 2023: 1200})
    b.region("0002", "utrecht", {2023: 3000}).region("0003", "drenthe", {2023: 500})
    b.provider("00000001", "GGZ").location("1111AA", "0001", "00000001")
    for i in range(11):
        b.counted(f"K{i:07d}", "0001", "GGZ-W3", agb_code="00000001", postcode="1111AA")
    b.counted("K0000011", "0001", "GGZ-B4", leveringsvorm="PGB")
    b.counted("K0000012", "0002", "GGZ-W1").counted("K0000013", "0002", "GGZ-W2")
    b.waiting("2022-05", "K0000012", "GGZ-W1", "urgent")
    return b.build()


def test_columns_order_and_types():
    """The tidy columns in contract order, with text, float and bool types."""
    frame = compute_regioplan(small_dataset(), 2023)
    assert tuple(frame.columns) == COLUMNS
    assert frame["value"].dtype == "float64" and frame["suppressed"].dtype == bool
    assert all(pd.api.types.is_string_dtype(frame[c]) for c in ("indicator", "region", "period", "category", "unit"))


def test_indicator_and_region_order():
    """Indicators in catalog order; regions in REGION_IDS order, all regions last; drenthe present with 0."""
    frame = compute_regioplan(small_dataset(), 2023)
    assert list(dict.fromkeys(frame["indicator"])) == list(INDICATOR_FUNCTIONS)
    klanten = frame[(frame["indicator"] == "ggz_klanten") & (frame["category"] == "")]
    assert list(klanten["region"]) == ["drenthe", "utrecht", "zwolle", "alle-regios"]
    assert list(klanten["value"]) == [0.0, 2.0, 12.0, 14.0]
    keys = frame[["indicator", "region", "period", "category", "unit"]]
    assert not keys.duplicated().any()


def test_suppression_is_applied():
    """Utrecht's 2 clients and Zwolle's single B client are hidden, and so is Zwolle's total of 12:
    all regions (14) minus Zwolle (12) would give Utrecht's 2. Zwolle's rate goes with its count."""
    frame = compute_regioplan(small_dataset(), 2023)
    shown = frame.set_index(["indicator", "region", "period", "category", "unit"])["suppressed"]
    assert shown[("ggz_klanten", "utrecht", "2023", "", "klanten")]
    assert shown[("ggz_klanten", "zwolle", "2023", "GGZ-B", "klanten")]
    assert shown[("ggz_klanten", "zwolle", "2023", "GGZ-W", "klanten")]
    assert shown[("ggz_klanten", "zwolle", "2023", "", "klanten")]
    assert shown[("ggz_klanten_per_10k", "utrecht", "2023", "", "per 10.000 inwoners")]
    assert shown[("ggz_klanten_per_10k", "zwolle", "2023", "", "per 10.000 inwoners")]
    assert value_of(frame, "ggz_klanten_per_10k", "zwolle", "2023") == 12 * 10_000 / 1200


def test_lower_threshold_shows_more():
    """With min_count 1 only values that are not a number and rates over zero clients stay hidden."""
    frame = compute_regioplan(small_dataset(), 2023, min_count=1)
    hidden = frame[frame["suppressed"] & frame["value"].notna()]
    assert set(hidden["unit"]) == {"per 10.000 inwoners", "per 1.000 inwoners"}
    assert set(hidden["value"]) == {0.0}
    assert len(hidden) == 11


def test_same_input_same_output():
    """Two runs give equal frames and byte-identical audit files."""
    first = compute_regioplan(small_dataset(), 2023)
    second = compute_regioplan(small_dataset(), 2023)
    assert first.equals(second)
    assert audit_csv_bytes(audit_table(first, "zwolle")) == audit_csv_bytes(audit_table(second, "zwolle"))


def test_counted_clients_computed_once(monkeypatch):
    """All twelve indicators share one selection of counted clients."""
    calls = []
    original = base_module.counted_clients

    def counting(*args, **kwargs):
        calls.append(args[1])
        return original(*args, **kwargs)

    monkeypatch.setattr(base_module, "counted_clients", counting)
    compute_regioplan(small_dataset(), 2023)
    assert calls == [(2020, 2021, 2022, 2023)]


def test_registry_units_match_computed_units():
    """The unit the registry prints is one the indicator actually produces (Regioplan catalog; the
    Regioanalyse entries are checked in test_indicators_registry)."""
    frame = compute_regioplan(small_dataset(), 2023)
    for ident, meta in load_registry().items():
        if meta.functie in INDICATOR_FUNCTIONS:
            assert meta.unit in set(frame.loc[frame["indicator"] == ident, "unit"]), ident
