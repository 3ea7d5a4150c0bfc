"""Column operations done directly in pyarrow where pandas would loop in Python.

pandas' `str` columns are stored in pyarrow; for set membership and number parsing the
pyarrow kernels are many times faster than the pandas paths, which matters at tens of
millions of claims.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

ARROW_TYPES = {"int64": pa.int64(), "float64": pa.float64()}


def _arrow_text(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    return pc.cast(pa.array(values, from_pandas=True), pa.large_string())


def is_in(values: pd.Series, known: pd.Series) -> np.ndarray:
    """Per row of `values`: does it occur in `known`? (Missing values never do.)"""
    found = pc.is_in(_arrow_text(values), value_set=pc.unique(_arrow_text(known)))
    return np.asarray(pc.fill_null(found, False), dtype=bool)


def parsed_numbers(text: pd.Series, usable: np.ndarray, dtype: str) -> np.ndarray:
    """The numbers in `text` where `usable` (already checked to be well-formed), 0 elsewhere."""
    filled = _arrow_text(text.where(usable, "0"))
    return np.asarray(pc.cast(filled, ARROW_TYPES[dtype]), dtype=dtype)


def text_bytes(values: pd.Series) -> int:
    """Total length in UTF-8 bytes of the text cells of `values` (missing cells count 0)."""
    total = pc.sum(pc.binary_length(_arrow_text(values))).as_py()
    return int(total or 0)


def _chunks(values: pd.Series) -> list[pa.Array]:
    array = pa.array(values, from_pandas=True)
    return list(array.chunks) if isinstance(array, pa.ChunkedArray) else [array]


def with_missing(values: pd.Series, present: np.ndarray) -> pd.Series:
    """`values.where(present)` for a text column, sharing its text instead of copying it.

    Only a new validity bitmap is made; the characters and offsets of the column are reused,
    so marking the empty cells of an optional column costs an eighth of a byte per row.
    """
    if present.all():
        return values
    chunks = _chunks(values)
    if not pa.types.is_large_string(chunks[0].type):
        return values.where(present)
    masked = []
    start = 0
    for chunk in chunks:
        keep = present[start : start + len(chunk)] & np.asarray(chunk.is_valid(), dtype=bool)
        bits = np.packbits(np.concatenate([np.zeros(chunk.offset, dtype=bool), keep]), bitorder="little")
        _, offsets, text = chunk.buffers()
        masked.append(
            pa.LargeStringArray.from_buffers(len(chunk), offsets, text, pa.py_buffer(bits), offset=chunk.offset)
        )
        start += len(chunk)
    result = pa.chunked_array(masked, type=pa.large_string()).to_pandas()
    result.index = values.index
    result.name = values.name
    return result


def distinct_codes(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Per row the position of its value among the distinct values, and those values in order of appearance.

    A missing value is one of the distinct values. One pass of pyarrow's hash kernel, whose
    chunks share one dictionary.
    """
    encoded = pc.dictionary_encode(_arrow_text(values), null_encoding="encode")
    chunks = list(encoded.chunks) if isinstance(encoded, pa.ChunkedArray) else [encoded]
    if not chunks:
        return np.zeros(0, dtype=np.int32), pd.Series([], dtype=str)
    distinct = chunks[-1].dictionary
    smallest = np.min_scalar_type(-len(distinct))  # a few months or providers fit in one byte per row
    codes = np.concatenate([np.asarray(chunk.indices).astype(smallest, copy=False) for chunk in chunks])
    return codes, distinct.to_pandas()


def value_codes(values: pd.Series) -> tuple[np.ndarray, int]:
    """Per row the number of its distinct value (missing counts as one value), and how many there are."""
    codes, distinct = distinct_codes(values)
    return codes, len(distinct)


def not_ascii(values: pd.Series) -> np.ndarray:
    """Per row: does the text have a character outside ASCII? (Missing values do not.)

    pyarrow's ASCII test reads bytes without a regular expression engine.
    """
    ascii_only = pc.string_is_ascii(_arrow_text(values))
    return ~np.asarray(pc.fill_null(ascii_only, True), dtype=bool)


def release_freed_memory() -> None:
    """Hand memory Arrow has freed back to the system.

    Arrow's allocator keeps freed blocks for reuse; after a large file was parsed those would
    sit on top of everything allocated next and raise the peak of the whole load.
    """
    pa.default_memory_pool().release_unused()
