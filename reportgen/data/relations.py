"""Checks between rows and between tables: unique keys and references.

A duplicate names both places ("also on line 7"), a dangling reference names the table
file it is missing from, so the user knows which of the two files to fix.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.arrow import is_in, value_codes
from reportgen.data.cells import CheckedColumn
from reportgen.data.checked import CheckedTable
from reportgen.data.findings import Finding, place_of, quoted

REFERENCE_NOUNS = {"gemeenten": "municipality", "klanten": "client", "aanbieders": "provider", "locaties": "location"}
"""How a message names a value of a referenced table: "unknown municipality '9999'"."""


KEY_CODE_LIMIT = 2**62
"""Above this many possible keys the key columns cannot be numbered in one int64."""


def _codes_of(table: CheckedTable, name: str) -> tuple[np.ndarray, int]:
    """Per row the number of the column's distinct text, and how many distinct texts it has."""
    checked = table.columns[name]
    if checked.codes is not None and checked.distinct is not None:
        return checked.codes, len(checked.distinct)
    return value_codes(table.text[name])


def key_numbers(table: CheckedTable, key: list[str]) -> np.ndarray | None:
    """One integer per row, equal exactly when the rows' keys are equal; None if it would not fit.

    Comparing one int64 column costs a fraction of the time and memory of hashing several text
    columns of millions of claims.
    """
    numbers = np.zeros(len(table.text), dtype=np.int64)
    span = 1
    for name in key:
        codes, count = _codes_of(table, name)
        span *= max(count, 1)
        if span >= KEY_CODE_LIMIT:
            return None
        numbers *= count
        numbers += codes
    return numbers


def repeated_numbers(numbers: np.ndarray, piece: int = 1 << 20) -> np.ndarray:
    """Per row: does an earlier row hold the same number? (`duplicated(keep="first")`.)

    By a stable sort rather than a hash table, which for fifteen million claims takes a few
    times more memory than the numbers themselves; exports sorted by client and month are
    long sorted runs, which the sort merges quickly. Neighbours in sorted order are compared
    a piece at a time, so no sorted copy of the numbers is made.
    """
    order = np.argsort(numbers, kind="stable")
    repeated = np.zeros(len(numbers), dtype=bool)
    for start in range(1, len(order), piece):
        later = order[start : start + piece]
        same = numbers[later] == numbers[order[start - 1 : start - 1 + len(later)]]
        repeated[later[same]] = True
    return repeated


def duplicate_keys(table: CheckedTable) -> list[Finding]:
    """Rows whose key equals an earlier row's; the message points at the first one."""
    key = list(table.raw.table.key)
    if not key or len(table.text) < 2:
        return []
    keys = table.text[key]
    numbers = key_numbers(table, key)
    if numbers is None:
        repeated = keys.duplicated(keep="first").to_numpy()
    else:
        repeated = repeated_numbers(numbers)
    if not repeated.any():
        return []
    positions = pd.Series(np.arange(len(keys)), index=keys.index)
    groups = [keys[name] for name in key] if numbers is None else numbers
    first = positions.groupby(groups, sort=False).transform("min").to_numpy()

    def message(i: int) -> str:
        shown = ", ".join(f"{name}={keys[name].iloc[i]}" for name in key)
        return f"duplicate key ({shown}) also on {place_of(table.raw, int(first[i]))}"

    return [Finding(repeated, None, message)]


def _known(checked: CheckedColumn, values: pd.Series, known: pd.Series) -> np.ndarray:
    """Per row: does its value occur in `known`? Looked up once per distinct value when possible."""
    if checked.codes is not None and checked.distinct is not None:
        return is_in(checked.distinct, known)[checked.codes]
    return is_in(values, known)


def _lost_rows(target: CheckedTable, column: str) -> bool:
    """Whether some values of `column` in `target` are unknown: rows skipped, or cells bad."""
    return any(p.severity == "error" for p in target.raw.problems) or bool(target.columns[column].bad.any())


def unknown_references(table: CheckedTable, tables: dict[str, CheckedTable]) -> list[Finding]:
    """Values that do not exist in the table and column the contract says they refer to.

    A reference into a table that could not be read, whose reader had to skip rows (an
    unclosed quote, a row with the wrong number of fields), or whose referenced column has
    a bad cell, is not checked: that problem is already reported, and the values it lost
    would look unknown, burying the one cause under a cascade of follow-on errors. The
    next run, with the cause fixed, checks the references.
    """
    findings: list[Finding] = []
    for column in table.raw.table.columns:
        if column.references is None or column.references[0] not in tables:
            continue
        if _lost_rows(tables[column.references[0]], column.references[1]):
            continue
        target_name, target_column = column.references
        target = tables[target_name]
        values = table.text[column.name]
        unknown = table.usable(column.name) & ~_known(table.columns[column.name], values, target.text[target_column])
        noun = REFERENCE_NOUNS.get(target_name, f"{target_column} value")
        where = target.raw.source

        def message(i: int, values: pd.Series = values, noun: str = noun, where: str = where) -> str:
            return f"unknown {noun} {quoted(values.iloc[i])} (not in {where})"

        findings.append(Finding(unknown, column.name, message))
    return findings
