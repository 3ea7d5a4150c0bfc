"""Which function computes which indicator, in the order the indicator frame lists them.

The registry (layouts/indicators.yaml) names these functions in its `functie` field; this is
the only place that ties ids to code.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.indicators.base import RegioplanBase
from reportgen.indicators.care_mix import ggz_w_verdeling, leveringsvorm
from reportgen.indicators.locations import ggz_locaties, locaties_per_1000
from reportgen.indicators.population import (
    ggz_klanten,
    ggz_klanten_per_10k,
    gz_klanten,
    gz_klanten_per_1000,
    inwoners,
)
from reportgen.indicators.sectorvreemd import sectorvreemd, sectorvreemd_profielen
from reportgen.indicators.waiting import wachtlijst

IndicatorFunction = Callable[[Dataset, int, RegioplanBase | None], pd.DataFrame]

INDICATOR_FUNCTIONS: dict[str, IndicatorFunction] = {
    "inwoners": inwoners,
    "ggz_klanten": ggz_klanten,
    "ggz_klanten_per_10k": ggz_klanten_per_10k,
    "gz_klanten": gz_klanten,
    "gz_klanten_per_1000": gz_klanten_per_1000,
    "ggz_locaties": ggz_locaties,
    "locaties_per_1000": locaties_per_1000,
    "ggz_w_verdeling": ggz_w_verdeling,
    "leveringsvorm": leveringsvorm,
    "wachtlijst": wachtlijst,
    "sectorvreemd": sectorvreemd,
    "sectorvreemd_profielen": sectorvreemd_profielen,
}
"""Function name -> function; the key is also the id of the indicator it computes."""
