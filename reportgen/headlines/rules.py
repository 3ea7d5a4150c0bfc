"""The headline rules: plain numbers in, a Dutch sentence and its direction out.

Each rule compares a region with the all-regions figure (or with itself a year or two
earlier) against a threshold from settings.yaml. A value that is suppressed (None)
never leads to a claim: the rule then says there are too few clients to compare.
Directions ("hoger", "lager", "gelijk", "gestegen", "gedaald", ...) let `reportgen
check` notice an editor's override that says the opposite of the data.
"""

from __future__ import annotations

from dataclasses import dataclass

TOO_FEW = "te weinig klanten voor een vergelijking"
EPS = 1e-9


@dataclass(frozen=True)
class Verdict:
    """A headline or verdict: the sentence, and which way the data point."""

    text: str
    direction: str  # hoger | lager | gelijk | gestegen | gedaald | onbekend | n.v.t.


def _relative(region: float, reference: float) -> float:
    """Relative difference of region from reference (0.05 = 5% higher)."""
    return (region - reference) / reference


def clients_verdict(region_rate: float | None, average_rate: float | None, margin: float) -> Verdict:
    """GGZ clients per 10.000 inhabitants against the all-regions figure.

    'Gelijk' while the relative difference is smaller than `margin`; from `margin` on,
    'hoger' or 'lager'.
    """
    if region_rate is None or not average_rate:
        return Verdict(f"Aantal GGZ-klanten: {TOO_FEW}", "onbekend")
    diff = _relative(region_rate, average_rate)
    if abs(diff) < margin - EPS:
        return Verdict("Gelijk aantal GGZ-klanten als gemiddeld", "gelijk")
    if diff > 0:
        return Verdict("Hoger aantal GGZ-klanten dan gemiddeld", "hoger")
    return Verdict("Lager aantal GGZ-klanten dan gemiddeld", "lager")


def locations_verdict(region_rate: float | None, average_rate: float | None, margin: float) -> Verdict:
    """Intramural locations per 1.000 GGZ clients against the all-regions figure."""
    if region_rate is None or not average_rate:
        return Verdict(f"Locaties: {TOO_FEW}", "onbekend")
    diff = _relative(region_rate, average_rate)
    if diff >= margin - EPS:
        return Verdict("Relatief veel locaties ten opzichte van andere regio's", "hoger")
    if diff <= -margin + EPS:
        return Verdict("Relatief weinig locaties ten opzichte van andere regio's", "lager")
    return Verdict("Vergelijkbaar aantal locaties ten opzichte van andere regio's", "gelijk")


HOME_FORMS = ("VPT", "MPT", "PGB")


def care_at_home_headline(
    region_name: str, start: dict[str, float | None], end: dict[str, float | None], points: float
) -> Verdict:
    """How the share of care at home (VPT + MPT + PGB) moved between two Januaries.

    Shares are fractions (0..1) per leveringsvorm. A change of at least `points`
    percentage points counts as a rise or fall. When the total rose while one form fell
    by at least `points`, the headline names the fall ('hierbinnen ... gedaald');
    otherwise it names the form that grew most ('vooral ...').
    """
    subject = f"Het aandeel zorg in eigen omgeving in {region_name}"
    if any(start.get(f) is None or end.get(f) is None for f in HOME_FORMS):
        return Verdict(f"{subject}: {TOO_FEW}", "onbekend")
    change = {f: 100 * (end[f] - start[f]) for f in HOME_FORMS}  # type: ignore[operator]
    total = sum(change.values())
    biggest_rise = max(HOME_FORMS, key=lambda f: (change[f], -HOME_FORMS.index(f)))
    biggest_fall = min(HOME_FORMS, key=lambda f: (change[f], HOME_FORMS.index(f)))
    if total >= points - EPS:
        if change[biggest_fall] <= -points + EPS:
            return Verdict(f"{subject} is toegenomen, hierbinnen is het aandeel {biggest_fall} gedaald", "gestegen")
        return Verdict(f"{subject} is toegenomen, vooral het aandeel {biggest_rise}", "gestegen")
    if total <= -points + EPS:
        return Verdict(f"{subject} is afgenomen, vooral het aandeel {biggest_fall}", "gedaald")
    return Verdict(f"{subject} is vrijwel gelijk gebleven", "gelijk")


def profile_mix_headline(
    region_name: str, region: dict[str, float | None], average: dict[str, float | None], points: float
) -> Verdict:
    """Which GGZ-W profiles are relatively more or less common than in all regions.

    Differences are in percentage points of the share; a profile counts from `points` on.
    Suppressed profiles are left out of the comparison.
    """
    diffs = {
        p: 100 * (region[p] - average[p])  # type: ignore[operator]
        for p in region
        if region.get(p) is not None and average.get(p) is not None
    }
    if not diffs or not any(region[p] for p in diffs):  # nothing shown, or only empty profiles
        return Verdict(f"Verdeling GGZ-W-indicaties in {region_name}: {TOO_FEW}", "onbekend")
    more = max(diffs, key=lambda p: (diffs[p], p))
    less = min(diffs, key=lambda p: (diffs[p], p))
    has_more = diffs[more] >= points - EPS
    has_less = diffs[less] <= -points + EPS
    if has_more and has_less:
        text = f"In {region_name} zijn er relatief meer {more}- en relatief minder {less}-indicaties"
        return Verdict(text, "n.v.t.")
    if has_more:
        return Verdict(f"In {region_name} zijn er relatief meer {more}-indicaties dan gemiddeld", "n.v.t.")
    if has_less:
        return Verdict(f"In {region_name} zijn er relatief minder {less}-indicaties dan gemiddeld", "n.v.t.")
    return Verdict(f"De verdeling van GGZ-W-indicaties in {region_name} lijkt op die van alle regio's", "gelijk")


def waiting_list_headline(
    region_name: str, year_ago: float | None, latest: float | None, slight: float, strong: float
) -> Verdict:
    """How the number of people waiting changed over a year (same month, a year apart).

    Relative change: below `slight` in size is 'vrijwel gelijk'; from `slight` 'iets',
    from `strong` 'flink' gestegen or gedaald.
    """
    subject = f"In {region_name} is het aantal wachtenden in een jaar tijd"
    if year_ago is None or latest is None or year_ago == 0:
        return Verdict(f"Wachtenden in {region_name}: {TOO_FEW}", "onbekend")
    change = _relative(latest, year_ago)
    if change <= -strong + EPS:
        return Verdict(f"{subject} flink gedaald", "gedaald")
    if change <= -slight + EPS:
        return Verdict(f"{subject} iets gedaald", "gedaald")
    if change < slight - EPS:
        return Verdict(f"{subject} vrijwel gelijk gebleven", "gelijk")
    if change < strong - EPS:
        return Verdict(f"{subject} iets gestegen", "gestegen")
    return Verdict(f"{subject} flink gestegen", "gestegen")


def sectorvreemd_headline(
    region_name: str,
    region_share: float | None,
    average_share: float | None,
    main_profile: str | None,
    points: float,
) -> Verdict:
    """Whether GGZ clients in the region more or less often live at a provider of another sector.

    Shares are fractions of GGZ clients at a GZ or VV provider; the difference in
    percentage points counts from `points` on. `main_profile` (the most common profile
    among those clients, None when suppressed) is named when known.
    """
    if region_share is None or average_share is None:
        return Verdict(f"Sectorvreemde zorg in {region_name}: {TOO_FEW}", "onbekend")
    diff = 100 * (region_share - average_share)
    subject = f"In {region_name} zitten GGZ-klanten"
    if diff <= -points + EPS:
        text, direction = f"{subject} minder vaak bij een sectorvreemde aanbieder dan gemiddeld", "lager"
    elif diff >= points - EPS:
        text, direction = f"{subject} vaker bij een sectorvreemde aanbieder dan gemiddeld", "hoger"
    else:
        text, direction = (
            f"{subject} ongeveer even vaak bij een sectorvreemde aanbieder als gemiddeld",
            "gelijk",
        )
    if main_profile:
        text += f", voornamelijk {main_profile}-klanten"
    return Verdict(text, direction)


def sectorvreemd_profiles_headline(region_name: str, main_profile: str | None) -> Verdict:
    """Which profile is most common among GGZ clients at providers of another sector."""
    if not main_profile:
        return Verdict(f"Sectorvreemde zorg in {region_name}: {TOO_FEW}", "onbekend")
    return Verdict(f"Bij sectorvreemde aanbieders in {region_name} gaat het vooral om {main_profile}-klanten", "n.v.t.")
