"""The audit table and its CSV bytes."""

from __future__ import annotations

import math

import pandas as pd

from reportgen.indicators.audit import audit_csv_bytes, audit_table, format_value


def tiny_frame() -> pd.DataFrame:
    """Zwolle, Utrecht and all regions, with one suppressed Zwolle count."""
    return pd.DataFrame(
        {
            "indicator": ["ggz_klanten", "ggz_klanten", "ggz_klanten", "ggz_w_verdeling", "ggz_w_verdeling"],
            "region": ["utrecht", "zwolle", "alle-regios", "zwolle", "zwolle"],
            "period": ["2023"] * 5,
            "category": ["", "", "", "GGZ-W1", "GGZ-W1"],
            "value": [120.0, 7.0, 127.0, 1 / 3, 7.0],
            "unit": ["klanten", "klanten", "klanten", "aandeel", "klanten"],
            "suppressed": [False, True, False, False, True],
        }
    )


def test_audit_table_keeps_region_and_all_regions_and_hides_suppressed():
    """Utrecht is dropped; suppressed values are empty and marked 'ja'."""
    table = audit_table(tiny_frame(), "zwolle")
    assert list(table.columns) == ["indicator", "region", "period", "category", "value", "unit", "suppressed"]
    assert list(table["region"]) == ["zwolle", "alle-regios", "zwolle", "zwolle"]
    assert list(table["suppressed"]) == ["ja", "nee", "nee", "ja"]
    assert math.isnan(table["value"][0]) and table["value"][1] == 127.0 and math.isnan(table["value"][3])


def test_audit_csv_exact_bytes():
    """Header, LF line ends, '.' decimals, at most six decimals, empty suppressed values."""
    expected = (
        b"indicator,region,period,category,value,unit,suppressed\n"
        b"ggz_klanten,zwolle,2023,,,klanten,ja\n"
        b"ggz_klanten,alle-regios,2023,,127,klanten,nee\n"
        b"ggz_w_verdeling,zwolle,2023,GGZ-W1,0.333333,aandeel,nee\n"
        b"ggz_w_verdeling,zwolle,2023,GGZ-W1,,klanten,ja\n"
    )
    assert audit_csv_bytes(audit_table(tiny_frame(), "zwolle")) == expected


def test_format_value():
    """Trailing zeros go, six decimals at most, negative zero is 0, missing is empty."""
    assert [format_value(v) for v in (12.0, 1234.5, 2 / 3, 0.1 + 0.2, -1e-9, math.nan)] == [
        "12",
        "1234.5",
        "0.666667",
        "0.3",
        "0",
        "",
    ]


def test_category_with_comma_is_quoted():
    """A category holding the separator is quoted so the columns stay aligned."""
    table = audit_table(tiny_frame().assign(category="a,b"), "utrecht")
    assert audit_csv_bytes(table).splitlines()[1] == b'ggz_klanten,utrecht,2023,"a,b",120,klanten,nee'
