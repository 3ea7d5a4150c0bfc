"""Reading a Parquet file into a RawTable.

Parquet columns are typed. Numbers, dates and categories are turned into the text the CSV
form would hold (vectorised, with pyarrow), so one validator serves every format. A code
column stored as a number is refused as a whole: its leading zeros are already gone.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from reportgen.data.read.raw import RawTable, empty_file_problem, header_problems, no_rows_problem, normalised_header
from reportgen.data.schema import Column, Table
from reportgen.errors import Problem


def _date_text(values: pa.Array, column: Column) -> pa.Array:
    full = pc.strftime(values, format="%Y-%m-%d")
    if column.kind != "month":
        return full
    return pc.if_else(pc.equal(pc.day(values), 1), pc.strftime(values, format="%Y-%m"), full)


def column_text(values: pa.ChunkedArray, column: Column) -> pa.ChunkedArray | str:
    """The column as text ("" for null), or why it cannot stand for this contract column."""
    kind = values.type
    if pa.types.is_dictionary(kind):
        values = values.cast(kind.value_type)
        kind = values.type
    if pa.types.is_null(kind):
        return pa.chunked_array([pa.array([""] * len(values), pa.string())])
    if (pa.types.is_integer(kind) or pa.types.is_floating(kind)) and column.kind == "code":
        return f"is stored as numbers ({kind}), so leading zeros are lost (expected text, e.g. a string column)"
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        text = pa.chunked_array([_date_text(chunk, column) for chunk in values.chunks], pa.string())
    elif pa.types.is_floating(kind) and column.kind == "int":
        whole = pc.and_(pc.equal(values, pc.floor(values)), pc.is_finite(values))  # inf is no whole number
        text = pc.if_else(
            whole, pc.cast(pc.cast(values, pa.int64(), safe=False), pa.string()), pc.cast(values, pa.string())
        )
    else:
        try:
            text = pc.cast(values, pa.string())
        except (pa.ArrowNotImplementedError, pa.ArrowInvalid):
            return f"has type {kind}, which cannot be read as {column.kind}"
    return pc.fill_null(text, "")


def read_parquet_table(path: Path, table: Table) -> RawTable | list[Problem]:
    """The file as a RawTable (rows numbered from 1), or the problems that stop reading it."""
    source = path.name
    try:
        data = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        return [Problem(f"cannot read the Parquet file ({exc})", source)]
    if data.num_columns == 0:
        return [empty_file_problem(table, source)]
    header = normalised_header(data.column_names)
    problems = header_problems(table, source, header, None)
    if any(p.severity == "error" for p in problems):
        return problems
    if data.num_rows == 0:
        return [*problems, no_rows_problem(table, source, None)]
    texts: dict[str, pa.ChunkedArray] = {}
    bad: set[str] = set()
    for column in table.columns:
        text = column_text(data.column(header.index(column.name)), column)
        if isinstance(text, str):
            problems.append(Problem(text, source, None, column.name))
            bad.add(column.name)
            text = pa.chunked_array([pa.array([""] * data.num_rows, pa.string())])
        texts[column.name] = text
    frame = pa.table(texts).to_pandas()
    return RawTable(
        table,
        source,
        frame,
        np.arange(1, data.num_rows + 1, dtype=np.int64),
        place_word="row",
        place_in_message=True,
        problems=tuple(problems),
        bad_columns=frozenset(bad),
    )
