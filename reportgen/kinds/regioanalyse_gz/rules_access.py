"""Headline rules of the Regioanalyse pages on means and access: costs, workforce,
sectorvreemde zorg and waiting."""

from __future__ import annotations

from reportgen.formatting import format_decimal, format_percent
from reportgen.headlines.rules import Verdict
from reportgen.kinds.regioanalyse_gz.rulebase import UNKNOWN, compared, in_words
from reportgen.kinds.spec import HeadlineRequest
from reportgen.model import Ref
from reportgen.values import ALL_REGIONS


def _printed(r: HeadlineRequest, ref: Ref) -> float | None:
    """The shown value a headline prints (None when hidden)."""
    return r.values.shown(ref.indicator, ref.region, ref.period, ref.category, ref.unit)


def costs_rule(r: HeadlineRequest) -> Verdict:
    ref = Ref("gz_kosten_per_klant_groei", r.subject.area, f"{r.edition - 3}-{r.edition}", "", "procent")
    growth = _printed(r, ref)
    if growth is None:
        return UNKNOWN
    way = "stegen" if growth >= 0 else "daalden"
    return Verdict(
        f"De kosten per klant {way} sinds {r.edition - 3} met {format_percent(abs(growth) / 100, 1)}",
        "gestegen" if growth >= 0 else "gedaald",
        refs=(ref,),
    )


def financing_rule(r: HeadlineRequest) -> Verdict:
    """How much the spending per inhabitant aged 18-64 grows to 2040, against all regions."""
    growths = []
    unit = "euro per inwoner 18-64 per jaar"
    refs = tuple(
        Ref("gz_uitgaven_per_beroepsbevolking", area, p, "", unit)
        for area in (r.subject.area, ALL_REGIONS)
        for p in (str(r.edition), "2040")
    )
    for area in (r.subject.area, ALL_REGIONS):
        now, later = (_printed(r, ref) for ref in refs if ref.region == area)
        growths.append(None if now is None or later is None or now == 0 else later / now - 1)
    own, avg = growths
    if own is None or avg is None:
        return UNKNOWN
    points = 100 * (own - avg)
    direction = "gelijk" if abs(points) < r.thresholds["gz_groei_punten"] else ("hoger" if points > 0 else "lager")
    how = in_words(direction, "meer dan", "minder dan", "ongeveer even veel als")
    way = "stijgen" if own >= 0 else "dalen"
    return Verdict(
        f"Bij gelijke kosten per klant {way} de uitgaven per inwoner van 18-64 jaar tot 2040 met "
        f"{format_percent(abs(own), 0)}, {how} in alle regio's samen",
        direction,
        refs=refs,
    )


def workforce_rule(r: HeadlineRequest) -> Verdict:
    refs = tuple(Ref("gz_medewerkers_per_klant", r.subject.area, p, "", "per klant") for p in (str(r.edition), "2040"))
    now, later = (_printed(r, ref) for ref in refs)
    if now is None or later is None:
        return UNKNOWN
    way = "minder" if later < now else "meer"
    return Verdict(
        f"In 2040 zijn er per klant {way} medewerkers: {format_decimal(later, 2)} tegen {format_decimal(now, 2)} nu",
        "gedaald" if later < now else "gestegen",
        refs=refs,
    )


def sectorvreemd_rule(r: HeadlineRequest) -> Verdict:
    ref = Ref("gz_sectorvreemd", r.subject.area, str(r.edition), "GZ", "aandeel")
    own = _printed(r, ref)
    if own is None:
        return UNKNOWN
    return Verdict(
        f"{format_percent(1 - own, 0)} van de GZ-klanten krijgt zorg van een aanbieder uit een andere sector",
        "n.v.t.",
        refs=(ref,),
    )


def waiting_rule(r: HeadlineRequest) -> Verdict:
    months = r.values.periods("gz_wachtend", r.subject.area)
    if not months:
        return UNKNOWN
    first, last = (
        r.values.shown("gz_wachtend", r.subject.area, m, "actief/urgent", "wachtenden") for m in (months[0], months[-1])
    )
    direction = compared(last, first, r.thresholds["gz_gelijk_marge"])
    if direction is None:
        return UNKNOWN
    how = in_words(direction, "gestegen", "gedaald", "gelijk gebleven")
    return Verdict(f"Het aantal actief en urgent wachtenden is in het afgelopen jaar {how}", direction)


def beyond_norm_rule(r: HeadlineRequest) -> Verdict:
    ref = Ref("gz_buiten_streefnorm", r.subject.area, str(r.edition), "totaal", "aandeel")
    share = _printed(r, ref)
    if share is None:
        return UNKNOWN
    return Verdict(
        f"{format_percent(share, 0)} van de actief en urgent wachtenden wacht langer dan de streefnorm",
        "n.v.t.",
        refs=(ref,),
    )


def preference_rule(r: HeadlineRequest) -> Verdict:
    ref = Ref("gz_wachttijd_voorkeur_weken", r.subject.area, str(r.edition - 1), "totaal", "weken")
    weeks = _printed(r, ref)
    if weeks is None:
        return UNKNOWN
    return Verdict(
        f"Wie op een voorkeursplek wachtte, werd na gemiddeld {format_decimal(weeks, 0)} weken geplaatst",
        "n.v.t.",
        refs=(ref,),
    )
