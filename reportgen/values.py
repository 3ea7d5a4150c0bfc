"""Look up computed indicator values for a document, never handing out a suppressed one."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reportgen.data.regions import ALL_REGIONS

__all__ = ["ALL_REGIONS", "Value", "Values"]


@dataclass(frozen=True)
class Value:
    """One computed value: None when it must not be printed (suppressed or absent)."""

    value: float | None
    suppressed: bool

    @property
    def shown(self) -> float | None:
        return None if self.suppressed else self.value


class Values:
    """An index over the tidy indicator frame (indicator, region, period, category, unit)."""

    def __init__(self, frame: pd.DataFrame):
        self._index: dict[tuple[str, str, str, str, str], Value] = {}
        cols = ["indicator", "region", "period", "category", "unit", "value", "suppressed"]
        for ind, reg, per, cat, unit, val, sup in frame[cols].itertuples(index=False, name=None):
            v = None if pd.isna(val) else float(val)
            self._index[(str(ind), str(reg), str(per), str(cat), str(unit))] = Value(v, bool(sup))
        # (indicator, region, period) of every hidden value: `any_suppressed` is asked for every
        # figure of a page, and scanning the whole index per question took a second per document
        self._hiding = {k[:3] for k, v in self._index.items() if v.suppressed}

    def get(self, indicator: str, region: str, period: str, category: str = "", unit: str | None = None) -> Value:
        """The value, or Value(None, False) when the frame has no such row.

        `unit` may be omitted when the indicator has one unit for that key.
        """
        if unit is not None:
            return self._index.get((indicator, region, period, category, unit), Value(None, False))
        hits = [v for k, v in self._index.items() if k[:4] == (indicator, region, period, category)]
        if len(hits) > 1:
            raise KeyError(f"{indicator}/{region}/{period}/{category}: several units, name one")
        return hits[0] if hits else Value(None, False)

    def shown(
        self, indicator: str, region: str, period: str, category: str = "", unit: str | None = None
    ) -> float | None:
        """The value if it may be printed, else None."""
        return self.get(indicator, region, period, category, unit).shown

    def any_suppressed(self, indicator: str, region: str, period: str) -> bool:
        """Whether any value of an indicator for a region and period is hidden."""
        return (indicator, region, period) in self._hiding

    def categories(self, indicator: str, region: str, period: str, unit: str) -> list[str]:
        """Categories of one distribution, in the frame's order."""
        return [k[3] for k in self._index if k[0] == indicator and k[1] == region and k[2] == period and k[4] == unit]

    def periods(self, indicator: str, region: str) -> list[str]:
        """Periods an indicator has for a region, in the frame's order, without repeats."""
        seen: dict[str, None] = {}
        for k in self._index:
            if k[0] == indicator and k[1] == region:
                seen.setdefault(k[2], None)
        return list(seen)
