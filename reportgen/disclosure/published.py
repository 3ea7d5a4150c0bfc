"""Read what an edition publishes: the audit CSV beside every document, of every kind.

Each document writes `<name>-audit.csv` with exactly the values it prints (hidden ones empty
and marked "ja"). The document kind is the part of the file name before "-<edition>", e.g.
"regioplan-ggz"; every kind in the edition's folder counts, unless a selection is asked for.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from reportgen.disclosure.cells import CELL_COLUMNS
from reportgen.disclosure.relations import COUNT_UNITS
from reportgen.errors import DataError, Problem

AUDIT_SUFFIX = "-audit.csv"
AUDIT_HEADER = ("indicator", "region", "period", "category", "value", "unit", "suppressed")


def document_kind(path: Path, edition: int) -> str:
    """ "regioplan-ggz" for regioplan-ggz-2023-2024-zwolle-audit.csv."""
    name = path.name.removesuffix(AUDIT_SUFFIX)
    marker = f"-{edition}-"
    return name.split(marker, 1)[0] if marker in name else name


def edition_files(folder: Path, edition: int, documents: Sequence[str] = ()) -> list[Path]:
    """The audit files of an edition under `folder` (any depth), sorted; only the named kinds when given."""
    if not folder.is_dir():
        raise DataError([Problem(f"no such folder: {folder}")])
    paths = sorted(p for p in folder.rglob(f"*{AUDIT_SUFFIX}") if p.is_file())
    if documents:
        paths = [p for p in paths if document_kind(p, edition) in documents]
    return paths


def _number(text: str, path: Path, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise DataError([Problem(f"expected a number or nothing, got {text!r}", str(path), line, "value")]) from None
    if not math.isfinite(value):  # a change in % or points may be below 0; a count never is (see below)
        raise DataError([Problem(f"expected a finite number, got {text!r}", str(path), line, "value")])
    return value


def read_published(paths: Sequence[Path]) -> pd.DataFrame:
    """All rows of the audit files as one cells table; a value is published when it is filled in
    and not marked hidden. A cell listed in several files is published if any file prints it."""
    rows: list[tuple] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = tuple(next(reader, ()))
            if header != AUDIT_HEADER:
                raise DataError([Problem(f"expected the header {','.join(AUDIT_HEADER)}", str(path), 1)])
            for line, row in enumerate(reader, start=2):
                if len(row) != len(AUDIT_HEADER):
                    raise DataError([Problem(f"expected {len(AUDIT_HEADER)} fields, got {len(row)}", str(path), line)])
                indicator, region, period, category, text, unit, hidden = row
                if hidden not in ("ja", "nee"):
                    raise DataError([Problem(f"expected 'ja' or 'nee', got {hidden!r}", str(path), line, "suppressed")])
                shown = hidden == "nee" and text != ""
                value = _number(text, path, line) if shown else math.nan
                if value < 0 and unit in COUNT_UNITS:
                    raise DataError([Problem(f"expected a count of 0 or more, got {text!r}", str(path), line, "value")])
                rows.append((indicator, region, period, category, unit, value, shown))
    cells = pd.DataFrame(rows, columns=list(CELL_COLUMNS)).astype({"value": float, "published": bool})
    return cells.sort_values("published", ascending=False, kind="stable").drop_duplicates(
        ["indicator", "region", "period", "category", "unit"]
    )
