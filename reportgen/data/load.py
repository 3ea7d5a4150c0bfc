"""Loading a data folder into a validated, typed Dataset, or stopping with every problem.

This is the gate between files and computation: either all eight tables meet the data
contract and come back typed as the Dataset docstring says, or a DataError lists every
problem of every file (each file capped), and nothing is computed. Loading only reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from reportgen.data.arrow import release_freed_memory
from reportgen.data.read.csvread import read_csv_table
from reportgen.data.read.files import table_file
from reportgen.data.read.parquetread import read_parquet_table
from reportgen.data.read.raw import RawTable
from reportgen.data.read.xlsxread import read_xlsx_table
from reportgen.data.schema import TABLES, Dataset, Table
from reportgen.data.validate import validated_tables
from reportgen.errors import DataError, Problem

Reader = Callable[[Path, Table], RawTable | list[Problem]]
READERS: dict[str, Reader] = {
    ".csv": read_csv_table,
    ".parquet": read_parquet_table,
    ".xlsx": read_xlsx_table,
}
"""File name extension (lower case) -> reader."""

EMPTY_DTYPES = {"int": np.int64, "amount": np.float64, "date": "datetime64[ns]"}


def empty_table(table: Table) -> pd.DataFrame:
    """A table without rows, typed as the contract says (for an absent optional table)."""
    return pd.DataFrame({c.name: pd.Series([], dtype=EMPTY_DTYPES.get(c.kind, str)) for c in table.columns})


def load_dataset(directory: Path, warnings: list[Problem] | None = None) -> Dataset:
    """The validated Dataset in `directory`; raises DataError listing every problem.

    Warnings (e.g. ignored extra columns) are appended to `warnings` when given; when there
    are errors they are reported with them.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError([Problem(f"data folder {directory} does not exist or is not a folder")])
    file_problems: dict[str, list[Problem]] = {}
    raws: dict[str, RawTable] = {}
    for table in TABLES:
        found = table_file(directory, table)
        if isinstance(found, Problem):
            file_problems[table.name] = [found]
        elif found is not None:
            try:
                read = READERS[found.suffix.lower()](found, table)
            except OSError as exc:
                read = [Problem(f"cannot read the file ({exc.strerror or exc})", found.name)]
            if isinstance(read, RawTable):
                raws[table.name] = read
            else:
                file_problems[table.name] = read
            release_freed_memory()
    validated = validated_tables(raws)
    read_tables = set(raws)
    del raws
    release_freed_memory()
    problems = [
        problem
        for table in TABLES
        for problem in file_problems.get(table.name, []) + validated.problems.get(table.name, [])
    ]
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    if warnings is not None:
        warnings += problems
    frames = {t.name: validated.frames[t.name] if t.name in read_tables else empty_table(t) for t in TABLES}
    return Dataset(**frames, source=str(directory))
