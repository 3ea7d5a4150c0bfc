"""Turn count arrays into the tidy indicator frame every consumer reads.

Indicators compute numpy arrays shaped (region, period, category); this module adds the
"alle-regios" row, divides counts into shares and rates, and lays the arrays out as rows in
the one fixed order (region, period, category, unit), so every indicator sorts the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from reportgen.indicators.base import ALL_REGIONS

COLUMNS = ("indicator", "region", "period", "category", "value", "unit", "suppressed")

# The units of the values: every module that writes or reads a value names its unit from here.
CLIENTS = "klanten"
SHARE = "aandeel"
INHABITANTS = "inwoners"
LOCATIONS = "locaties"
WAITING = "wachtenden"
PER_10K = "per 10.000 inwoners"
PER_1000 = "per 1.000 GGZ-klanten"


def empty_frame() -> pd.DataFrame:
    """A tidy frame without rows, with the right columns and types."""
    return pd.DataFrame(
        {
            "indicator": pd.Series([], dtype=str),
            "region": pd.Series([], dtype=str),
            "period": pd.Series([], dtype=str),
            "category": pd.Series([], dtype=str),
            "value": pd.Series([], dtype=np.float64),
            "unit": pd.Series([], dtype=str),
            "suppressed": pd.Series([], dtype=bool),
        }
    )


def grid_counts(
    region: np.ndarray, period: np.ndarray, category: np.ndarray, shape: tuple[int, int, int]
) -> np.ndarray:
    """Number of items per (region, period, category) position; items with a -1 anywhere are left out."""
    n_reg, n_per, n_cat = shape
    keep = (region >= 0) & (period >= 0) & (category >= 0)
    flat = (region[keep] * n_per + period[keep]) * n_cat + category[keep]
    counts = np.bincount(flat.astype(np.int64), minlength=n_reg * n_per * n_cat)
    return counts.reshape(shape).astype(np.float64)


def with_all_regions(values: np.ndarray) -> np.ndarray:
    """The array with one more region row: the sum over all regions ("alle-regios")."""
    return np.concatenate([values, values.sum(axis=0, keepdims=True)], axis=0)


def ratio(numerator: np.ndarray, denominator: np.ndarray, factor: float = 1.0) -> np.ndarray:
    """numerator / denominator * factor; NaN where the denominator is 0 (nothing to divide by)."""
    num = np.asarray(numerator, dtype=np.float64)
    den = np.broadcast_to(np.asarray(denominator, dtype=np.float64), num.shape)
    out = np.full(num.shape, np.nan)
    np.divide(num * factor, den, out=out, where=den != 0)
    return out


def tidy_rows(
    indicator: str,
    regions: Sequence[str],
    periods: Sequence[str],
    categories: Sequence[str],
    blocks: Sequence[tuple[str, np.ndarray]],
) -> pd.DataFrame:
    """Rows of one indicator from arrays shaped (region + alle-regios, period, category), one per unit.

    Row order: region (as given, then "alle-regios"), period, category, unit (as given).
    """
    labels = [*regions, ALL_REGIONS]
    shape = (len(labels), len(periods), len(categories), len(blocks))
    if not all(b.shape == shape[:3] for _, b in blocks):
        raise ValueError(f"{indicator}: arrays must be shaped {shape[:3]}")
    values = np.stack([b for _, b in blocks], axis=-1).reshape(-1)
    r, p, c, u = np.unravel_index(np.arange(values.size), shape)
    return pd.DataFrame(
        {
            "indicator": pd.Series([indicator] * values.size, dtype=str),
            "region": pd.Series(np.asarray(labels, dtype=object)[r], dtype=str),
            "period": pd.Series(np.asarray(periods, dtype=object)[p], dtype=str),
            "category": pd.Series(np.asarray(categories, dtype=object)[c], dtype=str),
            "value": values.astype(np.float64),
            "unit": pd.Series(np.asarray([name for name, _ in blocks], dtype=object)[u], dtype=str),
            "suppressed": np.zeros(values.size, dtype=bool),
        }
    )
