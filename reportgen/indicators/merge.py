"""Merge mostly-small categories into one shown "overig" group before suppressing.

A chart with a category that is small in most areas would otherwise show '*' for it almost
everywhere, and suppression would have to hide other categories to protect it. Adding such
categories together first keeps one shown bar instead of several hidden ones. The merge is
applied to every area and period alike, so the chart's categories are the same in every
column, and the chart's note says which categories were merged (`merged_note`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from reportgen.disclosure.relations import COUNT_UNITS, SHARE_UNIT, is_total, segment_of

OTHER = "overig"


def mostly_small(frame: pd.DataFrame, indicator: str, min_count: int, share: float = 0.5) -> list[str]:
    """Categories of `indicator` whose count is from 1 to min_count - 1 in more than `share` of its cells."""
    rows = frame[(frame["indicator"] == indicator) & frame["unit"].isin(COUNT_UNITS)]
    rows = rows[~rows["category"].map(is_total)]
    value = rows["value"].to_numpy(dtype=float)
    small = pd.Series((value > 0) & (value < min_count), index=rows.index)
    fraction = small.groupby(rows["category"].to_numpy(), sort=False).mean()
    return [str(c) for c, f in fraction.items() if f > share]


def merge_categories(frame: pd.DataFrame, indicator: str, categories: Sequence[str], into: str = OTHER) -> pd.DataFrame:
    """The frame with `categories` of `indicator` replaced by one category `into` (per segment when the
    categories are written segment|part): counts added up, shares recomputed within the distribution.

    The merged rows take the place of the first merged category; other indicators are untouched.
    """
    merged = set(categories)
    if not merged:
        return frame
    is_ind = (frame["indicator"] == indicator).to_numpy()
    category = frame["category"].astype(str)
    target = category.map(lambda c: f"{segment_of(c)}|{into}" if segment_of(c) else into)
    renamed = frame.assign(category=np.where(is_ind & category.isin(merged).to_numpy(), target, category))
    key = ["indicator", "region", "period", "category", "unit"]
    part = renamed[is_ind]
    summed = part.groupby(key, sort=False, as_index=False).agg(value=("value", "sum"), suppressed=("suppressed", "any"))
    counts = summed[summed["unit"].isin(COUNT_UNITS)]
    seg = counts["category"].map(segment_of)
    totals = (
        counts[~counts["category"].map(is_total)]
        .groupby([counts["region"], counts["period"], seg], sort=False)["value"]
        .transform("sum")
    )
    share_of = dict(
        zip(
            zip(counts["region"], counts["period"], counts["category"], strict=True),
            counts["value"] / totals.reindex(counts.index),
            strict=True,
        )
    )
    is_share = (summed["unit"] == SHARE_UNIT).to_numpy()
    shares = [
        share_of.get((r, p, c), np.nan)
        for r, p, c in zip(summed["region"], summed["period"], summed["category"], strict=True)
    ]
    summed.loc[is_share, "value"] = np.asarray(shares, dtype=float)[is_share]
    first = int(np.flatnonzero(is_ind)[0])
    before, after = frame.iloc[:first], frame.iloc[first:][~is_ind[first:]]
    columns = list(frame.columns)
    return pd.concat([before, summed[columns], after], ignore_index=True).astype(frame.dtypes.to_dict())


def merged_note(categories: Sequence[str], label: str = OTHER) -> str:
    """The sentence under a chart that merged categories: which ones, and why."""
    names = ", ".join(categories)
    return f"Onder '{label}' samengenomen: {names} (meestal te weinig klanten om apart te tonen)."
