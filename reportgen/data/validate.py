"""Validating read tables against the data contract, all problems at once.

Every check of every readable file runs before anything is reported, so a user fixes a
file in one pass instead of one error per run. Problems are reported per file in line
order and capped per file; nothing downstream runs on data with an error.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reportgen.data.arrow import release_freed_memory
from reportgen.data.checked import CheckedTable, checked_table
from reportgen.data.findings import capped_problems
from reportgen.data.read.raw import RawTable
from reportgen.data.relations import duplicate_keys, unknown_references
from reportgen.data.rules import table_rule_findings
from reportgen.data.schema import TABLES
from reportgen.errors import Problem


@dataclass(frozen=True)
class Validated:
    """Typed tables (only trustworthy without error problems) and the problems per table."""

    frames: dict[str, pd.DataFrame]
    problems: dict[str, list[Problem]]


def validated_tables(raws: dict[str, RawTable]) -> Validated:
    """Check cells, keys, table rules and references of every table in `raws`.

    Tables are visited in contract order, so the problems come out in a stable order.
    """
    tables: dict[str, CheckedTable] = {}
    for table in TABLES:
        if table.name in raws:
            tables[table.name] = checked_table(raws[table.name])
            release_freed_memory()
    problems: dict[str, list[Problem]] = {}
    for name, table in tables.items():
        findings = [
            *table.findings,
            *duplicate_keys(table),
            *table_rule_findings(table),
            *unknown_references(table, tables),
        ]
        problems[name] = capped_problems(table.raw, findings)
        release_freed_memory()
    frames = {name: table.typed_frame() for name, table in tables.items()}
    return Validated(frames, problems)
