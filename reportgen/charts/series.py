"""The plain data a chart draws: named series of values, None where suppressed.

Chart functions take these instead of DataFrames, so the charts do not depend on how
indicators are computed and tests can state their input in one line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.formatting import SUPPRESSED


@dataclass(frozen=True)
class Series:
    """One series: a name for the legend, one value per category (None = suppressed)
    and an optional colour ("RRGGBB" or a palette name; None takes the next house colour)."""

    name: str
    values: tuple[float | None, ...]
    color: str | None = None


SUPPRESSED_SPOKEN = "niet getoond"
"""How a suppressed value is read out in alt texts (a screen reader would say 'asterisk')."""


_MARK = re.compile(r"(?<!\S)" + re.escape(SUPPRESSED) + r"(?!\S)")


def spoken(label: str) -> str:
    """A label as it should be read aloud: a standalone "*" becomes "niet getoond"."""
    return _MARK.sub(SUPPRESSED_SPOKEN, label)


def check_series(kind: str, categories: Sequence[str], series: Sequence[Series]) -> None:
    """Refuse series whose length does not match the categories, or no data at all."""
    if not categories:
        raise ValueError(f"{kind}: no categories")
    if not series:
        raise ValueError(f"{kind}: no series")
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError(f"{kind}: series {s.name!r} has {len(s.values)} values for {len(categories)} categories")


def defined(values: Sequence[float | None]) -> list[float]:
    """The values that are shown (not suppressed)."""
    return [float(v) for v in values if v is not None]
