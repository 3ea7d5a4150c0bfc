"""Writing a Dataset in the canonical CSV form of the data contract.

UTF-8 without BOM, ',' separator, '.' decimals, LF line ends, columns in contract order,
dates as YYYY-MM-DD, amounts with two decimals, an empty cell for a missing value. The
same Dataset always gives the same bytes, and `load_dataset` reads it back unchanged.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reportgen.data.schema import TABLES, Dataset, Table
from reportgen.write import write_all_atomic

NEEDS_QUOTES = r'[,"\r\n]'
"""A cell with any of these characters is quoted, as the CSV standard requires."""


def amount_text(values: pd.Series) -> pd.Series:
    """Amounts with exactly two decimals ('1234.50'), vectorised via whole cents."""
    numbers = values.to_numpy(dtype=np.float64, na_value=np.nan)
    missing = np.isnan(numbers)
    cents = np.rint(np.where(missing, 0.0, numbers) * 100).astype(np.int64)
    sign = np.where(cents < 0, "-", "")
    whole = pd.Series(np.abs(cents) // 100).astype(str)
    fraction = pd.Series(np.abs(cents) % 100).astype(str).str.zfill(2)
    text = sign + whole + "." + fraction
    return text.where(~missing, "")


def column_text(values: pd.Series, kind: str) -> pd.Series:
    """One column in its canonical text form ("" for missing)."""
    if kind == "amount":
        return amount_text(values)
    if kind == "date":
        return pd.to_datetime(values).dt.strftime("%Y-%m-%d").fillna("")
    if kind == "int":
        return values.astype("Int64").astype(str).fillna("")
    return values.astype(str).where(values.notna(), "")


def csv_field(text: pd.Series) -> pa.ChunkedArray | pa.Array:
    """Cells as CSV fields: quoted (with doubled quotes) only when they hold ',', '"' or a line end."""
    cells = pa.array(text.reset_index(drop=True), type=pa.large_string(), from_pandas=True)
    needs_quotes = pc.match_substring_regex(cells, NEEDS_QUOTES)
    quote, nothing = pa.scalar('"', pa.large_string()), pa.scalar("", pa.large_string())
    quoted = pc.binary_join_element_wise(quote, pc.replace_substring(cells, '"', '""'), quote, nothing)
    return pc.if_else(needs_quotes, quoted, cells)


def table_csv_bytes(frame: pd.DataFrame, table: Table) -> bytes:
    """The canonical CSV bytes of one table: header line, then one line per row, LF ends."""
    header = ",".join(table.column_names) + "\n"
    if len(frame) == 0:
        return header.encode("utf-8")
    fields = [csv_field(column_text(frame[c.name], c.kind)) for c in table.columns]
    lines = pc.binary_join_element_wise(*fields, pa.scalar(",", pa.large_string()))
    if isinstance(lines, pa.ChunkedArray):
        lines = lines.combine_chunks()
    rows = pa.LargeListArray.from_arrays([0, len(lines)], lines)
    body = pc.binary_join(rows, pa.scalar("\n", pa.large_string()))[0]
    return header.encode("utf-8") + body.as_buffer().to_pybytes() + b"\n"


def write_dataset(ds: Dataset, directory: Path) -> list[Path]:
    """Write every table as `<name>.csv` in `directory`, all or none; return the paths.

    An optional table without rows is left out: absent, it loads as empty, while a file with
    only a header would be refused.
    """
    directory = Path(directory)
    tables = [t for t in TABLES if not t.optional or len(ds.table(t.name))]
    files = {directory / f"{t.name}.csv": table_csv_bytes(ds.table(t.name), t) for t in tables}
    return write_all_atomic(files)
