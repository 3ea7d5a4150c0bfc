"""Classes for a map from values and class bounds: the legend texts and each area's class.

A map shows classes, not values; this turns values (growth per municipality, a
score) into the class indices `municipality_map` takes, with legend texts that say
where each class begins and ends. Suppressed values (None) stay None.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence

from reportgen.formatting import format_percent


def class_labels(bounds: Sequence[float], fmt: Callable[[float], str]) -> list[str]:
    """Legend texts for the classes the bounds make: "< a", "a tot b", ..., "z of meer"."""
    labels = [f"< {fmt(bounds[0])}"]
    labels += [f"{fmt(lo)} tot {fmt(hi)}" for lo, hi in zip(bounds, bounds[1:], strict=False)]
    labels.append(f"{fmt(bounds[-1])} of meer")
    return labels


def classified(
    values: Mapping[str, float | None],
    bounds: Sequence[float],
    fmt: Callable[[float], str] = lambda v: format_percent(v, 0),
) -> tuple[list[str], dict[str, int | None]]:
    """(legend texts, area -> class index) for values cut at the rising `bounds`.

    A value equal to a bound falls in the class that starts there; len(bounds) + 1
    classes in all. None stays None (not shown).
    """
    if not bounds or any(b <= a for a, b in zip(bounds, bounds[1:], strict=False)):
        raise ValueError(f"class bounds must be one or more rising values, got {list(bounds)}")
    classes = {key: None if v is None else bisect.bisect_right(bounds, float(v)) for key, v in values.items()}
    return class_labels(bounds, fmt), classes
