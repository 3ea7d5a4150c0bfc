"""An input table as read from its file, before validation: every cell still text.

All three readers (CSV, XLSX, Parquet) produce a RawTable, so validation and type
conversion are written once and report the same messages whatever the file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from reportgen.data.schema import Table
from reportgen.errors import Problem, shortened


@dataclass(frozen=True)
class CellNote:
    """A problem the reader already found in one cell (e.g. an Excel number in a code column)."""

    position: int
    column: str
    message: str


@dataclass(frozen=True)
class RawTable:
    """The contract columns of one file as text, with where each row came from.

    `frame` holds only the contract columns, all `str` dtype, "" for an empty cell, rows in
    file order. `places[i]` is the line (CSV), sheet row (XLSX) or 1-based row (Parquet)
    of row i; `place_word` says which, so messages can say "line 7" or "row 7". A Parquet
    file has no lines, so its row number goes into the message (`place_in_message`).
    `notes` are cell problems the reader found, `problems` the reader's other findings (rows
    it had to skip, header warnings); `bad_columns` were rejected as a whole by the reader
    and are not checked cell by cell.
    """

    table: Table
    source: str
    frame: pd.DataFrame
    places: np.ndarray
    place_word: str = "line"
    decimal_comma: bool = False
    place_in_message: bool = False
    notes: tuple[CellNote, ...] = ()
    problems: tuple[Problem, ...] = ()
    bad_columns: frozenset[str] = field(default_factory=frozenset)


def normalised_header(names: list[object]) -> list[str]:
    """Header cells as column names: trimmed and lower case, so 'Klant_ID ' matches klant_id."""
    return ["" if name is None else str(name).strip().lower() for name in names]


def header_problems(table: Table, source: str, header: list[str], line: int | None) -> list[Problem]:
    """Missing and doubled contract columns (errors) and ignored extra columns (a warning)."""
    problems: list[Problem] = []
    expected = table.column_names
    doubled = sorted({name for name in header if name in expected and header.count(name) > 1})
    for name in doubled:
        problems.append(Problem("appears more than once in the header", source, line, name))
    missing = [name for name in expected if name not in header]
    if missing:
        found = shortened(", ".join(shortened(name) for name in header if name), 300) or "none"
        hint = " (is the separator ',' or ';'?)" if len(header) == 1 else ""
        word = "column" if len(missing) == 1 else "columns"
        problems.append(Problem(f"missing {word} {', '.join(missing)} (found: {found}){hint}", source, line))
    extra = [name for name in header if name and name not in expected]
    if extra and not missing:
        ignored = shortened(", ".join(shortened(name) for name in extra), 300)
        problems.append(Problem(f"extra columns ignored: {ignored}", source, line, severity="warning"))
    return problems


def empty_file_problem(table: Table, source: str) -> Problem:
    """The problem for a file without a header row."""
    columns = ", ".join(table.column_names)
    return Problem(f"file is empty (expected a header row with columns {columns})", source)


def no_rows_problem(table: Table, source: str, line: int | None) -> Problem:
    """The problem for a file with a header but no records."""
    return Problem("file has a header but no data rows (expected at least one row below the header)", source, line)


def text_frame(columns: dict[str, list[str] | pd.Series]) -> pd.DataFrame:
    """A frame of `str` columns with a fresh RangeIndex."""
    return pd.DataFrame({name: pd.Series(values, dtype=str) for name, values in columns.items()})
