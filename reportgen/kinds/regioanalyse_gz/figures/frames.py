"""Small helpers that turn grouped client tables into the project's tidy indicator rows."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from reportgen.indicators.base import ALL_REGIONS
from reportgen.indicators.tidy import COLUMNS


def with_areas(frame: pd.DataFrame, municipal: bool = False, keep: Sequence[str] | None = None) -> pd.DataFrame:
    """The rows once per area they count for: their region, alle-regios, and (optionally) their municipality.

    The area column is categorical, built from codes, so repeating large frames stays cheap;
    `keep` names the only other columns the caller needs (default: all), since repeating the
    text columns of a wide frame costs more than the counting that follows.
    """
    if keep is not None:
        frame = frame[["region", *(["gemeente"] if municipal else []), *keep]]
    n = len(frame)
    codes, labels = [], []
    sources = [frame["region"], None, *([frame["gemeente"]] if municipal else [])]
    for source in sources:
        if source is None:
            part, names = np.zeros(n, dtype=np.int64), [ALL_REGIONS]
        else:
            part, uniques = pd.factorize(source)
            names = [str(u) for u in uniques]
        codes.append(np.where(part >= 0, part + len(labels), -1))
        labels += names
    area = pd.Categorical.from_codes(np.concatenate(codes), categories=pd.Index(labels, dtype=object))
    repeated = frame.iloc[np.tile(np.arange(n), len(sources))].reset_index(drop=True)
    return repeated.assign(area=area)


def _product(levels: dict[str, Sequence]) -> pd.Index:
    """Every combination of the levels' values, in order (a plain Index for one level)."""
    if len(levels) == 1:
        name, values = next(iter(levels.items()))
        return pd.Index(list(values), name=name)
    return pd.MultiIndex.from_product([list(v) for v in levels.values()], names=list(levels))


def full_counts(frame: pd.DataFrame, levels: dict[str, Sequence]) -> pd.Series:
    """Number of rows per combination of `levels` (column -> values), zeros included, in that order."""
    names = list(levels)
    return frame.groupby(names).size().reindex(_product(levels), fill_value=0).astype(np.float64)


def full_sums(frame: pd.DataFrame, levels: dict[str, Sequence], column: str) -> pd.Series:
    """Sum of `column` per combination of `levels`, zeros included."""
    names = list(levels)
    return frame.groupby(names)[column].sum().reindex(_product(levels), fill_value=0.0).astype(np.float64)


def share(part: pd.Series, whole: pd.Series) -> pd.Series:
    """part / whole aligned on whole's levels; NaN where whole is 0."""
    extra = [n for n in part.index.names if n not in whole.index.names]
    keys = part.index.droplevel(extra) if extra else part.index
    aligned = whole.reindex(keys)
    values = np.full(len(part), np.nan)
    den = aligned.to_numpy(dtype=np.float64)
    np.divide(part.to_numpy(dtype=np.float64), den, out=values, where=den != 0)
    return pd.Series(values, index=part.index)


def rows(
    indicator: str,
    values: pd.Series,
    unit: str,
    period: str | None = None,
    category: str | None = None,
    suppressed: np.ndarray | None = None,
) -> pd.DataFrame:
    """Tidy rows from a Series indexed by area (and period, category where not given as constants)."""
    idx = values.index.to_frame(index=False)
    n = len(values)

    def column(name: str, constant: str | None) -> pd.Series:
        if constant is not None:
            return pd.Series([constant] * n, dtype=str)
        return idx[name].astype(str).astype(object).astype(str)

    return pd.DataFrame(
        {
            "indicator": pd.Series([indicator] * n, dtype=str),
            "region": idx["area"].astype(object).astype(str),
            "period": column("period", period),
            "category": column("category", category),
            "value": values.to_numpy(dtype=np.float64),
            "unit": pd.Series([unit] * n, dtype=str),
            "suppressed": np.zeros(n, dtype=bool) if suppressed is None else np.asarray(suppressed, dtype=bool),
        }
    )[list(COLUMNS)]


def growth_percent(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Change from first to last in percent; NaN where first is 0 or missing."""
    out = np.full(np.shape(first), np.nan)
    first = np.asarray(first, dtype=np.float64)
    np.divide(100.0 * (np.asarray(last, dtype=np.float64) - first), first, out=out, where=first != 0)
    return out


def counts_and_shares(
    indicator: str, located: pd.DataFrame, areas: Sequence[str], categories: Sequence[str], unit: str, period: str
) -> pd.DataFrame:
    """Tidy rows of the clients per area and category, as numbers (in `unit`) and as shares of the
    area's total: the usual form of a distribution over categories."""
    counts = full_counts(located, {"area": areas, "category": categories})
    totals = full_counts(located, {"area": areas})
    return pd.concat(
        [
            rows(indicator, counts, unit, period=period),
            rows(indicator, share(counts, totals), "aandeel", period=period),
        ],
        ignore_index=True,
    )
