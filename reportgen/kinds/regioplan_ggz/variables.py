"""Variables an editor may use in Regioplan narratives, and the deck's metadata keywords."""

from __future__ import annotations

from reportgen.formatting import SUPPRESSED, format_decimal, format_int
from reportgen.indicators.tidy import CLIENTS, INHABITANTS, PER_10K, PER_1000
from reportgen.kinds.spec import Subject
from reportgen.values import Values


def region_variables(values: Values, subject: Subject, edition: int) -> dict[str, str]:
    """`{{ name }}` variables of a region's narratives, formatted the Dutch way."""
    v = values if isinstance(values, Values) else Values(values)
    region, period = subject.area, str(edition)

    def count(indicator: str, category: str = "", unit: str = CLIENTS) -> str:
        shown = v.shown(indicator, region, period, category, unit)
        return SUPPRESSED if shown is None else format_int(round(shown))

    rate = v.shown("ggz_klanten_per_10k", region, period, unit=PER_10K)
    loc = v.shown("locaties_per_1000", region, period, unit=PER_1000)
    return {
        "regio": subject.name,
        "regio_id": subject.id,
        "regio_naam": subject.name,
        "editie": str(edition),
        "volgend_jaar": str(edition + 1),
        "vorig_jaar": str(edition - 1),
        "inwoners": count("inwoners", unit=INHABITANTS),
        "ggz_klanten": count("ggz_klanten"),
        "ggz_w": count("ggz_klanten", "GGZ-W"),
        "ggz_b": count("ggz_klanten", "GGZ-B"),
        "ggz_klanten_per_10k": SUPPRESSED if rate is None else format_decimal(rate, 1),
        "locaties_per_1000": SUPPRESSED if loc is None else format_decimal(loc, 0),
    }


def keywords(subject: Subject) -> tuple[str, ...]:
    """PDF and PPTX keywords of a region's deck."""
    return ("Wlz", "GGZ", "regioplan", subject.name)
