"""The audit table: every value behind a region's document, so figures can be checked by hand.

Suppressed values are left empty here too: the audit file travels with the documents and
must not reveal what the documents hide.
"""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd

from reportgen.indicators.base import ALL_REGIONS

AUDIT_COLUMNS = ("indicator", "region", "period", "category", "value", "unit", "suppressed")
DECIMALS = 6


def audit_table(frame: pd.DataFrame, region: str) -> pd.DataFrame:
    """Rows of `region` and "alle-regios" in frame order; value empty (NaN) when suppressed, suppressed "ja"/"nee"."""
    rows = frame[frame["region"].isin([region, ALL_REGIONS])].reset_index(drop=True)
    suppressed = rows["suppressed"].to_numpy(dtype=bool)
    value = np.where(suppressed, np.nan, rows["value"].to_numpy(dtype=np.float64))
    return pd.DataFrame(
        {
            "indicator": rows["indicator"].astype(str),
            "region": rows["region"].astype(str),
            "period": rows["period"].astype(str),
            "category": rows["category"].astype(str),
            "value": value,
            "unit": rows["unit"].astype(str),
            "suppressed": pd.Series(np.where(suppressed, "ja", "nee"), dtype=str),
        }
    )


def format_value(value: float) -> str:
    """A number with '.' decimals, rounded to 6 decimals, without trailing zeros; empty when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{float(value):.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def audit_csv_bytes(table: pd.DataFrame) -> bytes:
    """The audit table as UTF-8 CSV: ',' separated, LF line ends, the same bytes for the same table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(AUDIT_COLUMNS)
    for row in table[list(AUDIT_COLUMNS)].itertuples(index=False, name=None):
        indicator, region, period, category, value, unit, suppressed = row
        writer.writerow([indicator, region, period, category, format_value(value), unit, suppressed])
    return out.getvalue().encode("utf-8")
