"""Cells tables: the values a set of documents publishes, with what is known and what is hidden.

Columns: indicator, region, period, category, unit, value, published. The printed "n =" of a
chart (the total of a distribution that has no total row) is a cell too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.disclosure.relations import COUNT_UNITS, cell_keys, distributions

CELL_COLUMNS = ("indicator", "region", "period", "category", "unit", "value", "published")


def printed_totals(frame: pd.DataFrame, min_count: int) -> pd.DataFrame:
    """The "n =" of every count distribution without a total row: the sum of its categories.

    Hidden (published False) when the sum is a small count, as the chart prints it.
    """
    keys = cell_keys(frame)
    value = dict(zip(keys, frame["value"].to_numpy(dtype=float), strict=True))
    rows = []
    for total, parts in distributions(keys).values():
        if total in value:
            continue
        n = float(sum(value.get(p, 0.0) for p in parts if not np.isnan(value.get(p, 0.0))))
        rows.append((*total, n, not (0 < n < min_count)))
    return pd.DataFrame(rows, columns=list(CELL_COLUMNS)).astype({"value": float, "published": bool})


def frame_cells(frame: pd.DataFrame, hidden: np.ndarray, min_count: int) -> pd.DataFrame:
    """A tidy indicator frame as a cells table (everything in it could be published), with its "n =" totals."""
    cells = pd.DataFrame(
        {
            "indicator": frame["indicator"].astype(str).to_numpy(),
            "region": frame["region"].astype(str).to_numpy(),
            "period": frame["period"].astype(str).to_numpy(),
            "category": frame["category"].astype(str).to_numpy(),
            "unit": frame["unit"].astype(str).to_numpy(),
            "value": frame["value"].to_numpy(dtype=float),
            "published": ~np.asarray(hidden, dtype=bool),
        }
    )
    return pd.concat([cells, printed_totals(frame, min_count)], ignore_index=True)


def is_count(cells: pd.DataFrame) -> np.ndarray:
    """Rows that count people."""
    return cells["unit"].isin(COUNT_UNITS).to_numpy()
