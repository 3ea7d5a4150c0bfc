"""Identifiers, postcodes, months and text columns for the example data, built in bulk.

Millions of claim rows cannot be formatted one f-string at a time within the time budget, so
text columns are made by formatting each distinct value once and gathering it by integer
code (a pyarrow `take`), and codes are drawn as integers first.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

FIRST_MONTH = np.datetime64("2020-01", "M")
N_MONTHS = 48  # January 2020 up to and including December 2023

# Letter pairs of Dutch postcodes never use F, I, O, Q, U or Y, nor the pairs SA, SD and SS.
_LETTERS = np.array(list("ABCEGHJKLMNPRSTVWXZ"))
_PAIRS = np.array([a + b for a in _LETTERS for b in _LETTERS if a + b not in ("SA", "SD", "SS")])
PC6_PER_PC4 = len(_PAIRS)
"""Postcode codes per 4-digit area: a code is pc4 * PC6_PER_PC4 + the letter pair's position."""


def text_column(values: np.ndarray, codes: np.ndarray) -> pd.Series:
    """A str column holding values[code] per row; code -1 gives a missing value."""
    codes = np.asarray(codes, dtype=np.int64)
    missing = codes < 0
    index = pa.array(np.where(missing, 0, codes), mask=missing)
    dictionary = pa.array(np.asarray(values, dtype=object), type=pa.large_string())
    return pd.Series(dictionary.take(index).to_pandas(), dtype="str")


def spaced_ids(n: int, low: int, high: int, rng: np.random.Generator) -> np.ndarray:
    """`n` distinct integers in [low, high), in random order, spread with random gaps."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    max_gap = max(1, min(40, (high - low) // n - 1))
    values = low + np.cumsum(rng.integers(1, max_gap + 1, size=n))
    if values[-1] >= high:
        raise ValueError(f"{n} ids do not fit between {low} and {high}")
    return rng.permutation(values)


def formatted(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    """Numbers as ids like K0012345: a prefix and zero-padded digits (object array)."""
    digits = pc.utf8_lpad(pa.array(np.asarray(numbers, dtype=np.int64)).cast(pa.string()), width, "0")
    return np.asarray(pc.binary_join_element_wise(prefix, digits, "").to_numpy(zero_copy_only=False), dtype=object)


def random_pc6(pc4_low: np.ndarray, pc4_high: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One random postcode per row, its four digits within [pc4_low, pc4_high], as integer codes.

    The code is pc4 * len(pairs) + letter-pair index; `pc6_text` turns it into "1234AB".
    """
    pc4 = rng.integers(np.asarray(pc4_low), np.asarray(pc4_high) + 1)
    return pc4.astype(np.int64) * len(_PAIRS) + rng.integers(0, len(_PAIRS), size=len(pc4))


def distinct_pc6(pc4_low: np.ndarray, pc4_high: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Like `random_pc6`, but no two rows share a postcode (redrawn until distinct)."""
    codes = random_pc6(pc4_low, pc4_high, rng)
    for _ in range(100):
        _, first = np.unique(codes, return_index=True)
        dup = np.setdiff1d(np.arange(len(codes)), first)
        if len(dup) == 0:
            return codes
        codes[dup] = random_pc6(np.asarray(pc4_low)[dup], np.asarray(pc4_high)[dup], rng)
    raise ValueError("could not draw distinct postcodes")


def pc6_text(codes: np.ndarray) -> np.ndarray:
    """Postcode codes as text like "8011AB" (object array)."""
    codes = np.asarray(codes, dtype=np.int64)
    pc4, pair = np.divmod(codes, len(_PAIRS))
    digits = formatted("", pc4, 4)
    return np.asarray(
        pc.binary_join_element_wise(pa.array(digits), pa.array(_PAIRS[pair]), "").to_numpy(zero_copy_only=False),
        dtype=object,
    )


def month_labels() -> np.ndarray:
    """The 48 months of the example data as "YYYY-MM" (object array, index = month number)."""
    return np.array([str(FIRST_MONTH + i) for i in range(N_MONTHS)], dtype=object)


def month_start(month: np.ndarray) -> np.ndarray:
    """First day of each month number (0 = January 2020), as datetime64[D]; negative allowed."""
    return (FIRST_MONTH + np.asarray(month, dtype=np.int64)).astype("datetime64[D]")


def days_in_month(month: np.ndarray) -> np.ndarray:
    """Number of days of each month number."""
    m = np.asarray(month, dtype=np.int64)
    return (month_start(m + 1) - month_start(m)).astype(np.int64)


def as_ns(dates: np.ndarray) -> pd.Series:
    """Dates (datetime64[D], NaT allowed) as the contract's datetime64[ns] column."""
    return pd.Series(np.asarray(dates, dtype="datetime64[D]").astype("datetime64[ns]"))
