"""Headline rules of the Regioanalyse GZ: a sentence per chart and tile, written from the data.

Comparisons with all regions use the margins in settings.yaml (`koppen`); a hidden value
never leads to a claim.
"""

from __future__ import annotations

from reportgen.formatting import format_percent
from reportgen.headlines.rules import Verdict
from reportgen.kinds.regioanalyse_gz.common import SECTORS, municipalities
from reportgen.kinds.regioanalyse_gz.rulebase import UNKNOWN, compared, in_words, ranked_shown, than
from reportgen.kinds.regioanalyse_gz.rules_access import (
    beyond_norm_rule,
    costs_rule,
    financing_rule,
    preference_rule,
    sectorvreemd_rule,
    waiting_rule,
    workforce_rule,
)
from reportgen.kinds.regioanalyse_gz.rules_region import REGION_TILE_RULES
from reportgen.kinds.spec import HeadlineRequest
from reportgen.model import Ref
from reportgen.values import ALL_REGIONS

THRESHOLDS = ("gz_gelijk_marge", "gz_groei_punten", "gz_profiel_punten")


def _origin(r: HeadlineRequest) -> Verdict:
    p = str(r.edition)
    dutch = [r.values.shown("gz_herkomst", a, p, "nederlands", "procent") for a in (r.subject.area, ALL_REGIONS)]
    if None in dutch:
        return UNKNOWN
    direction = compared(100 - dutch[0], 100 - dutch[1], r.thresholds["gz_gelijk_marge"])
    how = in_words(direction, "vaker", "minder vaak", "even vaak")
    text = f"Inwoners van {r.subject.name} hebben {how} een migratieachtergrond {than(direction)} gemiddeld"
    return Verdict(text, direction)


def _clients(r: HeadlineRequest) -> Verdict:
    period = f"{r.edition - 3}-{r.edition}"
    own, avg = (
        r.values.shown("gz_klanten_per_1000_groei", a, period, "", "procent") for a in (r.subject.area, ALL_REGIONS)
    )
    if own is None or avg is None:
        return UNKNOWN
    points = r.thresholds["gz_groei_punten"]
    direction = "gelijk" if abs(own - avg) < points else ("hoger" if own > avg else "lager")
    how = in_words(direction, "harder", "minder hard", "even hard")
    since = r.edition - 3
    text = f"Het aantal GZ-klanten per 1.000 inwoners steeg sinds {since} {how} {than(direction)} in alle regio's samen"
    return Verdict(text, direction)


def _municipality_growth(r: HeadlineRequest) -> Verdict:
    period = f"{r.edition - 3}-{r.edition}"
    ranked = ranked_shown(r.values, "gz_klanten_per_1000_groei", municipalities(r.subject), period, "", "procent")
    if len(ranked) < 2:
        return UNKNOWN
    return Verdict(f"De sterkste groei is er in {ranked[0][1]}, de kleinste in {ranked[-1][1]}", "n.v.t.")


def _age(r: HeadlineRequest) -> Verdict:
    p = str(r.edition)
    old = [r.values.shown("gz_leeftijd", a, p, "65+", "aandeel") for a in (r.subject.area, ALL_REGIONS)]
    direction = compared(old[0], old[1], r.thresholds["gz_gelijk_marge"])
    if direction is None:
        return UNKNOWN
    how = in_words(direction, "vaker", "minder vaak", "even vaak")
    text = f"Klanten in {r.subject.name} zijn {how} 65 jaar of ouder {than(direction)} in alle regio's"
    return Verdict(text, direction)


def _share_compared(r: HeadlineRequest, indicator: str) -> Verdict:
    p = str(r.edition)
    own, avg = (r.values.shown(indicator, a, p, "", "aandeel") for a in (r.subject.area, ALL_REGIONS))
    direction = compared(own, avg, r.thresholds["gz_gelijk_marge"])
    return UNKNOWN if direction is None else Verdict(direction, direction)


def _working_age(r: HeadlineRequest) -> Verdict:
    return _share_compared(r, "gz_leeftijd_23_65")


def _light(r: HeadlineRequest) -> Verdict:
    return _share_compared(r, "gz_lichte_profielen")


def _assignments(r: HeadlineRequest, sector: str) -> Verdict:
    period = f"{r.edition - 3}-{r.edition}"
    ranked = ranked_shown(r.values, "gz_toewijzingen_groei", municipalities(r.subject), period, sector, "procent")
    if not ranked:
        return UNKNOWN
    return Verdict(f"{sector}: de toewijzingen groeiden het sterkst in {ranked[0][1]}", "n.v.t.")


def _profile_mix(r: HeadlineRequest, sector: str) -> Verdict:
    from reportgen.kinds.regioanalyse_gz.charts_care import PROFILES

    first, last = str(r.edition - 3), str(r.edition)
    changes = []
    for p in PROFILES[sector]:
        a = r.values.shown("gz_profielmix", r.subject.area, first, f"{sector}|{p}", "aandeel")
        b = r.values.shown("gz_profielmix", r.subject.area, last, f"{sector}|{p}", "aandeel")
        if a is not None and b is not None:
            changes.append((abs(b - a) * 100, b - a, p))
    if not changes:
        return UNKNOWN
    size, diff, profile = max(changes)
    if size < r.thresholds["gz_profiel_punten"]:
        return Verdict(f"De verdeling van de {sector}-profielen in {r.subject.name} is sinds {first} stabiel", "gelijk")
    way = "gestegen" if diff > 0 else "gedaald"
    return Verdict(f"Sinds {first} is in {r.subject.name} het aandeel {profile} {way}", way)


def _forecast(r: HeadlineRequest) -> Verdict:
    period = f"{r.edition}-2040"
    refs = tuple(Ref("gz_prognose_verandering", r.subject.area, period, v, "procent") for v in ("min", "mid", "max"))
    low, mid, high = (r.values.shown(x.indicator, x.region, x.period, x.category, x.unit) for x in refs)
    if mid is None:
        return UNKNOWN
    way = "groeit" if mid >= 0 else "daalt"
    return Verdict(
        f"Het aantal GZ-klanten {way} tot 2040 naar verwachting met {format_percent(abs(mid) / 100, 0)}"
        f" (min {format_percent(low / 100, 0, signed=True) if low is not None else '*'},"
        f" max {format_percent(high / 100, 0, signed=True) if high is not None else '*'})",
        "gestegen" if mid >= 0 else "gedaald",
        refs=refs,
    )


def _new_clients(r: HeadlineRequest) -> Verdict:
    ranked = ranked_shown(
        r.values, "gz_prognose_nieuwe_klanten", municipalities(r.subject), f"{r.edition}-2040", "", "klanten (prognose)"
    )
    if not ranked:
        return UNKNOWN
    return Verdict(f"De meeste nieuwe klanten tot 2040 worden verwacht in {ranked[0][1]}", "n.v.t.")


def _scenarios(r: HeadlineRequest) -> Verdict:
    from reportgen.kinds.regioanalyse_gz.variables import scenario_range

    home = scenario_range(r.values, r.subject.area, r.edition, "thuis")
    if home is None:
        return UNKNOWN
    return Verdict(f"Over vijf jaar zijn {home} extra plekken voor zorg thuis nodig", "n.v.t.")


def _independent(r: HeadlineRequest) -> Verdict:
    period = f"{r.edition - 3}-{r.edition}"
    own, avg = (
        r.values.shown("gz_zelfstandig_verandering", a, period, "", "procentpunt")
        for a in (r.subject.area, ALL_REGIONS)
    )
    if own is None or avg is None:
        return UNKNOWN
    direction = "gelijk" if abs(own - avg) < r.thresholds["gz_groei_punten"] else ("hoger" if own > avg else "lager")
    how = in_words(direction, "sneller", "langzamer", "even snel")
    text = f"Zelfstandig wonen met Wlz-zorg groeit in {r.subject.name} {how} {than(direction)} gemiddeld"
    return Verdict(text, direction)


def _tile(verdict_of, words: dict[str, str]):
    """A short tile verdict from a headline rule: its direction in a few words."""

    def rule(r: HeadlineRequest) -> Verdict:
        direction = verdict_of(r).direction
        return Verdict(words.get(direction, "Te weinig klanten"), direction)

    return rule


def _groups(r: HeadlineRequest, indicator: str) -> list[tuple[float, str]]:
    return ranked_shown(r.values, indicator, municipalities(r.subject), str(r.edition), "", "groep")


def _ses(r: HeadlineRequest) -> Verdict:
    groups = _groups(r, "gz_ses_groep")
    if not groups:
        return UNKNOWN
    high = sum(1 for g, _ in groups if g >= 4)
    return Verdict(
        f"{high} van de {len(groups)} gemeenten {'heeft' if high == 1 else 'hebben'} een hoge "
        "sociaaleconomische status (groep 4 of 5)",
        "n.v.t.",
    )


def _urbanity(r: HeadlineRequest) -> Verdict:
    groups = _groups(r, "gz_stedelijkheid")
    if not groups:
        return UNKNOWN
    top = [name for g, name in groups if g == groups[0][0]]
    verb = "is" if len(top) == 1 else "zijn"
    names = top[0] if len(top) == 1 else ", ".join(top[:-1]) + " en " + top[-1]
    if len(top) > 3:
        return Verdict(f"{len(top)} gemeenten zijn het meest stedelijk (groep {int(groups[0][0])})", "n.v.t.")
    return Verdict(f"{names} {verb} het meest stedelijk (groep {int(groups[0][0])})", "n.v.t.")


def _fixed(text: str):
    return lambda r: Verdict(text.format(regio=r.subject.name), "n.v.t.")


RULES = {
    "regios": _fixed("Het zorgkantoor maakt een regioanalyse voor elk van zijn regio's"),
    "ses": _ses,
    "stedelijkheid": _urbanity,
    "herkomst": _origin,
    "klanten": _clients,
    "groei_gemeenten": _municipality_growth,
    "leeftijd": _age,
    **{f"toewijzingen_{s.lower()}": (lambda r, s=s: _assignments(r, s)) for s in SECTORS},
    **{f"profielmix_{s.lower()}": (lambda r, s=s: _profile_mix(r, s)) for s in SECTORS},
    "prognose": _forecast,
    "nieuwe_klanten": _new_clients,
    "scenarios": _scenarios,
    "zelfstandig": _independent,
    "financiering": financing_rule,
    "kosten": costs_rule,
    "personeel": workforce_rule,
    "sectorvreemd": sectorvreemd_rule,
    "wachtlijst": waiting_rule,
    "streefnorm": beyond_norm_rule,
    "voorkeur": preference_rule,
    "tegel_groei": _tile(
        _clients,
        {
            "hoger": "Stijgt harder dan gemiddeld",
            "lager": "Stijgt minder hard dan gemiddeld",
            "gelijk": "Stijgt even hard als gemiddeld",
        },
    ),
    "tegel_herkomst": _tile(
        _origin, {"hoger": "Meer dan gemiddeld", "lager": "Minder dan gemiddeld", "gelijk": "Ongeveer gemiddeld"}
    ),
    "tegel_leeftijd": _tile(
        _working_age, {"hoger": "Meer dan gemiddeld", "lager": "Minder dan gemiddeld", "gelijk": "Ongeveer gemiddeld"}
    ),
    "tegel_licht": _tile(
        _light,
        {"hoger": "Relatief lichtere zorg", "lager": "Relatief zwaardere zorg", "gelijk": "Gemiddelde zorgzwaarte"},
    ),
    "tegel_zelfstandig": _tile(
        lambda r: _share_compared(r, "gz_zelfstandig"),
        {"hoger": "Vaker dan gemiddeld", "lager": "Minder vaak dan gemiddeld", "gelijk": "Ongeveer gemiddeld"},
    ),
    **REGION_TILE_RULES,
}
SUMMARY_ORDER = ("klanten", "herkomst", "leeftijd", "prognose", "scenarios", "zelfstandig", "kosten", "streefnorm")
HEADLINE_IDS = tuple(RULES)


def analysis_headlines(request: HeadlineRequest) -> dict[str, Verdict]:
    """Every headline of a region's analysis."""
    return {hid: rule(request) for hid, rule in RULES.items()}
