"""Tile verdicts about the region itself: its socio-economic status and urbanity against all regions.

Both compare the region's mean group (its municipalities weighted by inhabitants) with that of
all regions, 'gelijk' within the relative margin `gz_gelijk_marge`.
"""

from __future__ import annotations

from reportgen.headlines.rules import Verdict
from reportgen.kinds.regioanalyse_gz.rulebase import compared
from reportgen.kinds.spec import HeadlineRequest
from reportgen.values import ALL_REGIONS

NO_GROUPS = Verdict("Geen gegevens", "onbekend")


def _group_rule(indicator: str, words: dict[str, str]):
    """A rule comparing the region's mean group of `indicator` with all regions, in the given words."""

    def rule(r: HeadlineRequest) -> Verdict:
        own, avg = (r.values.shown(indicator, a, str(r.edition), "", "groep") for a in (r.subject.area, ALL_REGIONS))
        direction = compared(own, avg, r.thresholds["gz_gelijk_marge"])
        return NO_GROUPS if direction is None else Verdict(words[direction], direction)

    return rule


REGION_TILE_RULES = {
    "tegel_ses": _group_rule(
        "gz_ses_groep",
        {
            "hoger": "Hogere sociaaleconomische status",
            "lager": "Lagere sociaaleconomische status",
            "gelijk": "Gemiddelde sociaaleconomische status",
        },
    ),
    "tegel_stedelijkheid": _group_rule(
        "gz_stedelijkheid",
        {"hoger": "Stedelijker dan gemiddeld", "lager": "Landelijker dan gemiddeld", "gelijk": "Ongeveer gemiddeld"},
    ),
}
"""Headline id -> rule of the tiles on the region's characteristics."""
