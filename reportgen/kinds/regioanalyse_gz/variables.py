"""Variables the Regioanalyse narratives may use (`{{ name }}`), formatted the Dutch way."""

from __future__ import annotations

from reportgen.formatting import SUPPRESSED, format_int, format_percent
from reportgen.kinds.spec import Subject
from reportgen.values import Values

SCENARIO_IDS = ("geen-groei", "halve-groei", "groei")
HORIZON_YEARS = 5


def scenario_range(values: Values, area: str, edition: int, part: str) -> str | None:
    """'80 tot 199': the fewest and most extra places of one part ('thuis' or 'intramuraal')
    over the three scenarios; one number when they agree; None when any is hidden."""
    period = str(edition + HORIZON_YEARS)
    found = [values.shown("gz_capaciteit_extra", area, period, f"{s}|{part}", "plekken") for s in SCENARIO_IDS]
    if any(v is None for v in found):
        return None
    low, high = round(min(found)), round(max(found))
    return format_int(low) if low == high else f"{format_int(low)} tot {format_int(high)}"


def analysis_variables(values: Values, subject: Subject, edition: int) -> dict[str, str]:
    """The region's figures the texts may quote: scenario ranges, forecast, clients."""
    v = values if isinstance(values, Values) else Values(values)
    area = subject.area
    clients = v.shown("gz_klanten", area, str(edition), "", "klanten")
    mid = v.shown("gz_prognose_verandering", area, f"{edition}-2040", "mid", "procent")
    return {
        "extra_thuis": scenario_range(v, area, edition, "thuis") or SUPPRESSED,
        "extra_intramuraal": scenario_range(v, area, edition, "intramuraal") or SUPPRESSED,
        "scenario_jaar": str(edition + HORIZON_YEARS),
        "gz_klanten": SUPPRESSED if clients is None else format_int(round(clients)),
        "groei_2040": SUPPRESSED if mid is None else format_percent(mid / 100, 0),
    }


def keywords(subject: Subject) -> tuple[str, ...]:
    """PDF and PPTX keywords of a region's analysis."""
    return ("Wlz", "GZ", "regioanalyse", subject.name)
