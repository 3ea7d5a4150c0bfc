"""Shared pieces of the Regioanalyse headline rules: comparing with all regions, ranking municipalities."""

from __future__ import annotations

from reportgen.headlines.rules import Verdict
from reportgen.kinds.regioanalyse_gz.common import municipality_name
from reportgen.values import Values

UNKNOWN = Verdict("Te weinig klanten voor een vergelijking", "onbekend")


def compared(region: float | None, reference: float | None, margin: float) -> str | None:
    """'hoger', 'lager' or 'gelijk': region against reference, 'gelijk' within `margin` (relative)."""
    if region is None or not reference:
        return None
    diff = (region - reference) / abs(reference)
    if abs(diff) < margin:
        return "gelijk"
    return "hoger" if diff > 0 else "lager"


def in_words(direction: str, higher: str, lower: str, same: str) -> str:
    """The words for a direction from `compared`, so each sentence reads naturally."""
    return {"hoger": higher, "lager": lower, "gelijk": same}[direction]


def than(direction: str) -> str:
    """The comparing word after `in_words`: "dan" after a comparative ("harder dan"), "als"
    after an equality ("even hard als"), as Dutch grammar asks."""
    return "als" if direction == "gelijk" else "dan"


def ranked_shown(
    values: Values, indicator: str, codes, period: str, category: str, unit: str
) -> list[tuple[float, str]]:
    """(value, municipality name) of the shown values, highest first."""
    found = [(values.shown(indicator, c, period, category, unit), c) for c in codes]
    return sorted(((v, municipality_name(c)) for v, c in found if v is not None), key=lambda t: (-t[0], t[1]))
