"""Checking a column once per distinct value instead of once per row.

A national claims file has fifteen million rows but only some sixty months, a few thousand
providers and about a million clients. Every cell check depends on the cell's text alone,
so checking each distinct value once and spreading the outcome over its rows gives the same
values, problems and messages at a fraction of the work, and in time linear in the rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.arrow import distinct_codes, with_missing
from reportgen.data.cells import CheckedColumn, checked_column
from reportgen.data.findings import Finding, Message
from reportgen.data.schema import Column

TEXT_KINDS = ("code", "text", "enum", "month")
MOST_DISTINCT = 0.5
"""Above this share of distinct values per row, checking by value saves nothing."""


def _per_row(message: Message, codes: np.ndarray) -> Message:
    """The message of a distinct value, asked for by row."""
    return lambda i: message(int(codes[i]))


def _spread_values(checked: pd.Series, text: pd.Series, column: Column, codes: np.ndarray) -> pd.Series:
    """The typed values of the rows, from the typed values of the distinct texts."""
    if column.kind in TEXT_KINDS:
        present = checked.notna().to_numpy(dtype=bool)[codes]
        return with_missing(text, present)
    return pd.Series(checked.array.take(codes), index=text.index)


def checked_by_value(text: pd.Series, column: Column, decimal_comma: bool) -> CheckedColumn | None:
    """`checked_column` of `text` (no cell skipped), worked out per distinct value; None when
    the column has too many distinct values for that to pay."""
    if column.kind == "amount":
        return None
    codes, distinct = distinct_codes(text)
    if len(distinct) > MOST_DISTINCT * len(text):
        return None
    checked = checked_column(distinct, column, decimal_comma, np.zeros(len(distinct), dtype=bool))
    findings = [Finding(f.mask[codes], f.column, _per_row(f.message, codes)) for f in checked.findings]
    values = _spread_values(checked.values, text, column, codes)
    return CheckedColumn(values, checked.bad[codes], findings, codes, distinct)
