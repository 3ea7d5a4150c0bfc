"""Checks between rows and between tables: unique keys and references.

A duplicate names both places ("also on line 7"), a dangling reference names the table
file it is missing from, so the user knows which of the two files to fix.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.arrow import is_in
from reportgen.data.checked import CheckedTable
from reportgen.data.findings import Finding, place_of, quoted

REFERENCE_NOUNS = {"gemeenten": "municipality", "klanten": "client", "aanbieders": "provider", "locaties": "location"}
"""How a message names a value of a referenced table: "unknown municipality '9999'"."""


def duplicate_keys(table: CheckedTable) -> list[Finding]:
    """Rows whose key equals an earlier row's; the message points at the first one."""
    key = list(table.raw.table.key)
    if not key or len(table.text) < 2:
        return []
    keys = table.text[key]
    repeated = keys.duplicated(keep="first").to_numpy()
    if not repeated.any():
        return []
    positions = pd.Series(np.arange(len(keys)), index=keys.index)
    first = positions.groupby([keys[name] for name in key], sort=False).transform("min").to_numpy()

    def message(i: int) -> str:
        shown = ", ".join(f"{name}={keys[name].iloc[i]}" for name in key)
        return f"duplicate key ({shown}) also on {place_of(table.raw, int(first[i]))}"

    return [Finding(repeated, None, message)]


def unknown_references(table: CheckedTable, tables: dict[str, CheckedTable]) -> list[Finding]:
    """Values that do not exist in the table and column the contract says they refer to.

    A reference into a table that could not be read is not checked: that table's own
    problem is already reported, and every value would look unknown.
    """
    findings: list[Finding] = []
    for column in table.raw.table.columns:
        if column.references is None or column.references[0] not in tables:
            continue
        target_name, target_column = column.references
        target = tables[target_name]
        values = table.text[column.name]
        unknown = table.usable(column.name) & ~is_in(values, target.text[target_column])
        noun = REFERENCE_NOUNS.get(target_name, f"{target_column} value")
        where = target.raw.source

        def message(i: int, values: pd.Series = values, noun: str = noun, where: str = where) -> str:
            return f"unknown {noun} {quoted(values.iloc[i])} (not in {where})"

        findings.append(Finding(unknown, column.name, message))
    return findings
