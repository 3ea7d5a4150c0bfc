"""Every computed value of a document kind as a table for analysts: internal only.

Unlike the audit CSV beside each document, this table includes the values hidden by
small-count suppression (marked `verborgen: ja`), so it must never be distributed.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from reportgen.errors import UsageError
from reportgen.kinds.spec import Subject
from reportgen.values import ALL_REGIONS

COLUMNS = ("indicator", "area", "period", "category", "value", "unit", "verborgen")
SUFFIXES = (".csv", ".xlsx")


def default_values_name(document: str, edition: int) -> str:
    """The default file name: it says the file is internal."""
    return f"{document}-{edition}-intern-waarden.csv"


def internal_values_table(values: pd.DataFrame, subjects: tuple[Subject, ...]) -> pd.DataFrame:
    """The values of the subjects' areas and of all regions, hidden ones included, in frame order."""
    areas = {a for s in subjects for a in s.areas} | {ALL_REGIONS}
    rows = values[values["region"].astype(str).isin(areas)].reset_index(drop=True)
    return pd.DataFrame(
        {
            "indicator": rows["indicator"].astype(str),
            "area": rows["region"].astype(str),
            "period": rows["period"].astype(str),
            "category": rows["category"].astype(str),
            "value": rows["value"].astype(float),
            "unit": rows["unit"].astype(str),
            "verborgen": ["ja" if s else "nee" for s in rows["suppressed"].astype(bool)],
        },
        columns=list(COLUMNS),
    )


def table_bytes(table: pd.DataFrame, path: Path) -> bytes:
    """The table as CSV (UTF-8, comma, dot decimals) or XLSX, by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"--out {path}: expected a file name ending in .csv or .xlsx")
    buffer = io.BytesIO()
    if suffix == ".csv":
        table.to_csv(buffer, index=False, lineterminator="\n")
    else:
        table.to_excel(buffer, index=False, sheet_name="intern", engine="openpyxl")
    return buffer.getvalue()
