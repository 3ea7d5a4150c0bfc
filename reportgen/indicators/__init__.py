"""Indicators of the Regioplan GGZ: pure pandas from the Dataset to one tidy, suppressed frame.

Every indicator is a function `(ds, edition, base=None) -> DataFrame` with the columns of
`tidy.COLUMNS`; `compute_regioplan` runs them all on one shared `RegioplanBase`, so the
expensive selection of counted clients happens once.
"""

from __future__ import annotations

import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.indicators.base import ALL_REGIONS, RegioplanBase, counted_clients, prepare_base
from reportgen.indicators.catalog import INDICATOR_FUNCTIONS
from reportgen.indicators.suppress import Hierarchy, apply_suppression
from reportgen.indicators.tidy import COLUMNS, empty_frame

__all__ = [
    "ALL_REGIONS",
    "COLUMNS",
    "INDICATOR_FUNCTIONS",
    "RegioplanBase",
    "apply_suppression",
    "compute_regioplan",
    "counted_clients",
    "prepare_base",
]


def compute_regioplan(ds: Dataset, edition: int, min_count: int = 10) -> pd.DataFrame:
    """All Regioplan indicators of an edition, in catalog order, with small counts suppressed
    across the regions and municipalities of the data's gemeenten table."""
    base = prepare_base(ds, edition)
    frames = [function(ds, edition, base) for function in INDICATOR_FUNCTIONS.values()]
    frame = pd.concat([empty_frame(), *frames], ignore_index=True)
    return apply_suppression(frame, min_count, hierarchy=Hierarchy.from_gemeenten(ds.gemeenten))
