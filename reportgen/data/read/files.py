"""Finding the one file of each contract table in a data folder.

A table may come as CSV, Parquet or XLSX. Two files for one table are refused rather than
picked from, since either choice could silently be the stale one.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.data.schema import Table
from reportgen.errors import Problem

FORMATS = (".csv", ".parquet", ".xlsx")
"""Accepted file name extensions (case-insensitive), in the order messages list them."""


def _expected_names(table: Table) -> str:
    names = [f"{table.name}{suffix}" for suffix in FORMATS]
    return f"{', '.join(names[:-1])} or {names[-1]}"


def _file_names(table: Table) -> set[str]:
    return {f"{table.name}{suffix}" for suffix in FORMATS}


def table_file(directory: Path, table: Table) -> Path | Problem | None:
    """The table's file, a problem (none or several), or None for a missing optional table."""
    same_stem = sorted(
        (p for p in directory.iterdir() if p.is_file() and p.stem.lower() == table.name),
        key=lambda p: p.name,
    )
    candidates = [p for p in same_stem if p.suffix.lower() in FORMATS]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        names = ", ".join(p.name for p in candidates)
        return Problem(f"more than one file for table '{table.name}': {names} (keep one)", str(directory))
    folders = sorted(p.name for p in directory.iterdir() if p.is_dir() and p.name.lower() in _file_names(table))
    if folders:
        return Problem(
            f"is a folder, not a file (expected the table '{table.name}' in a file named {_expected_names(table)})",
            str(directory / folders[0]),
        )
    if table.optional:
        return None
    others = f"; found {', '.join(p.name for p in same_stem)}, which is not a supported format" if same_stem else ""
    return Problem(f"missing file for table '{table.name}' (expected {_expected_names(table)}{others})", str(directory))
