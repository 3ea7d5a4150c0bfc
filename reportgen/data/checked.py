"""One table after its cells were checked: trimmed text, typed columns, and what is wrong.

Rules that look at several columns or tables (keys, references, table-specific rules) work
on this, so they can skip cells that already have a problem of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from reportgen.data.arrow import text_bytes
from reportgen.data.by_value import checked_by_value
from reportgen.data.cells import CheckedColumn, checked_column
from reportgen.data.findings import Finding
from reportgen.data.read.raw import RawTable


@dataclass
class CheckedTable:
    """A RawTable with each column checked and converted."""

    raw: RawTable
    text: pd.DataFrame
    columns: dict[str, CheckedColumn]
    findings: list[Finding] = field(default_factory=list)

    def usable(self, name: str) -> np.ndarray:
        """Rows where column `name` is filled in and passed its own checks."""
        filled = (self.text[name] != "").to_numpy(dtype=bool, na_value=False)
        return filled & ~self.columns[name].bad

    def typed_frame(self) -> pd.DataFrame:
        """The table with contract types, columns in contract order, rows in file order."""
        return pd.DataFrame({name: self.columns[name].values for name in self.raw.table.column_names})


def _trimmed_column(values: pd.Series) -> pd.Series:
    """The column without leading or trailing spaces; the column itself when no cell has any.

    Stripping only ever removes characters, so equal byte totals mean nothing changed, and a
    column of millions of claims need not be held twice.
    """
    stripped = values.str.strip()
    return values if text_bytes(stripped) == text_bytes(values) else stripped


def trimmed(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell without leading or trailing spaces: exports often pad cells."""
    return pd.DataFrame({name: _trimmed_column(frame[name]) for name in frame.columns})


def checked_table(raw: RawTable) -> CheckedTable:
    """Every column of `raw` checked against its contract kind; findings in column order."""
    text = trimmed(raw.frame)
    noted: dict[str, np.ndarray] = {}
    for note in raw.notes:
        noted.setdefault(note.column, np.zeros(len(text), dtype=bool))[note.position] = True
    columns: dict[str, CheckedColumn] = {}
    findings: list[Finding] = []
    for column in raw.table.columns:
        skip = noted.get(column.name)
        if column.name in raw.bad_columns:
            skip = np.ones(len(text), dtype=bool)
        checked = None if skip is not None else checked_by_value(text[column.name], column, raw.decimal_comma)
        if checked is None:
            skipped = np.zeros(len(text), dtype=bool) if skip is None else skip
            checked = checked_column(text[column.name], column, raw.decimal_comma, skipped)
        columns[column.name] = checked
        findings += checked.findings
    return CheckedTable(raw, text, columns, findings)
