"""The headline rules: plain numbers in, a Dutch sentence and its direction out.

Each rule compares a region with the all-regions figure (or with itself a year or two
earlier) against a threshold from settings.yaml. A value that is suppressed (None)
never leads to a claim: the rule then says there are too few clients to compare.
Directions ("hoger", "lager", "gelijk", "gestegen", "gedaald", ...) let `reportgen
check` notice an editor's override that says the opposite of the data.
"""

from __future__ import annotations

from reportgen.formatting import format_decimal, format_int, format_percent, format_points
from reportgen.headlines.significance import clear_count_change, clear_share_difference
from reportgen.headlines.verdict import Verdict

TOO_FEW = "te weinig klanten voor een vergelijking"
EPS = 1e-9


MAJORITY = 0.5
"""A group is 'vooral' / 'voornamelijk' only when it is more than this part of the whole."""


def _pct(share: float) -> str:
    return format_percent(share)


def is_majority(share: float | None) -> bool:
    """Whether a share is more than half as the reader sees it: its printed percentage is
    above 50 (a group printed as 50% next to another 50% is no majority)."""
    return share is not None and int(format_percent(share).rstrip("%")) > 100 * MAJORITY


NO_CLEAR_CHANGE = "niet duidelijk veranderd"
"""What a headline says when a change passes the size threshold but not the test (or the
minimum number of people): the chart shows a difference, chance could have made it."""


def _relative(region: float, reference: float) -> float:
    """Relative difference of region from reference (0.05 = 5% higher)."""
    return (region - reference) / reference


def clients_verdict(region_rate: float | None, average_rate: float | None, margin: float) -> Verdict:
    """GGZ clients per 10.000 inhabitants against the all-regions figure.

    'Gelijk' while the relative difference is smaller than `margin`; from `margin` on,
    'hoger' or 'lager'.
    """
    if region_rate is None or not average_rate:
        return Verdict(f"Aantal GGZ-klanten: {TOO_FEW}", "onbekend", "Regio of gemiddelde niet getoond.")
    diff = _relative(region_rate, average_rate)
    basis = (
        f"Regel: gelijk zolang de regio minder dan {format_percent(margin)} afwijkt van alle regio's. "
        f"Cijfers: regio {format_decimal(region_rate)}, alle regio's {format_decimal(average_rate)} "
        f"per 10.000 inwoners, verschil {format_percent(diff, signed=True)}."
    )
    if abs(diff) < margin - EPS:
        return Verdict("Gelijk aantal GGZ-klanten als gemiddeld", "gelijk", basis)
    if diff > 0:
        return Verdict("Hoger aantal GGZ-klanten dan gemiddeld", "hoger", basis)
    return Verdict("Lager aantal GGZ-klanten dan gemiddeld", "lager", basis)


def locations_verdict(region_rate: float | None, average_rate: float | None, margin: float) -> Verdict:
    """Intramural locations per 1.000 GGZ clients against the all-regions figure."""
    if region_rate is None or not average_rate:
        return Verdict(f"Locaties: {TOO_FEW}", "onbekend", "Regio of gemiddelde niet getoond.")
    diff = _relative(region_rate, average_rate)
    basis = (
        f"Regel: relatief veel of weinig vanaf {format_percent(margin)} verschil met alle regio's. "
        f"Cijfers: regio {format_decimal(region_rate, 0)}, alle regio's {format_decimal(average_rate, 0)} "
        f"per 1.000 GGZ-klanten, verschil {format_percent(diff, signed=True)}."
    )
    if diff >= margin - EPS:
        return Verdict("Relatief veel locaties ten opzichte van andere regio's", "hoger", basis)
    if diff <= -margin + EPS:
        return Verdict("Relatief weinig locaties ten opzichte van andere regio's", "lager", basis)
    return Verdict("Vergelijkbaar aantal locaties ten opzichte van andere regio's", "gelijk", basis)


HOME_FORMS = ("VPT", "MPT", "PGB")


def care_at_home_headline(
    region_name: str,
    start: dict[str, float | None],
    end: dict[str, float | None],
    points: float,
    counts: tuple[float, float] | None = None,
    z: float | None = None,
) -> Verdict:
    """How the share of care at home (VPT + MPT + PGB) moved between two Januaries.

    Shares are fractions (0..1) per leveringsvorm. A change of at least `points`
    percentage points counts as a rise or fall, provided it passes the two-sample test
    at `z` for the client `counts` (start, end) when those are given. When the total rose
    while one form fell by at least `points`, the headline names the fall ('hierbinnen
    ... gedaald'); otherwise it names the form that grew most ('vooral ...').
    """
    subject = f"Het aandeel zorg in eigen omgeving in {region_name}"
    if any(start.get(f) is None or end.get(f) is None for f in HOME_FORMS):
        return Verdict(f"{subject}: {TOO_FEW}", "onbekend", "Een of meer leveringsvormen niet getoond.")
    change = {f: 100 * (end[f] - start[f]) for f in HOME_FORMS}  # type: ignore[operator]
    total = sum(change.values())
    before = sum(start[f] for f in HOME_FORMS)  # type: ignore[misc]
    after = sum(end[f] for f in HOME_FORMS)  # type: ignore[misc]
    n_before, n_after = counts if counts else (None, None)
    clear = clear_share_difference(after, before, n_after, z, n_before)
    basis = (
        f"Regel: toe- of afgenomen vanaf {format_points(points, 1)} verschil"
        + (" en een duidelijk verschil (toets)" if counts and z else "")
        + f". Cijfers: zorg in eigen omgeving {_pct(before)} -> {_pct(after)}; "
        + "; ".join(f"{f} {format_points(change[f], 1, signed=True)}" for f in HOME_FORMS)
        + "."
    )
    biggest_rise = max(HOME_FORMS, key=lambda f: (change[f], -HOME_FORMS.index(f)))
    biggest_fall = min(HOME_FORMS, key=lambda f: (change[f], HOME_FORMS.index(f)))
    if abs(total) >= points - EPS and not clear:
        return Verdict(f"{subject} is {NO_CLEAR_CHANGE}", "gelijk", basis)
    if total >= points - EPS:
        if change[biggest_fall] <= -points + EPS:
            text = f"{subject} is toegenomen, hierbinnen is het aandeel {biggest_fall} gedaald"
            return Verdict(text, "gestegen", basis)
        return Verdict(f"{subject} is toegenomen, vooral het aandeel {biggest_rise}", "gestegen", basis)
    if total <= -points + EPS:
        return Verdict(f"{subject} is afgenomen, vooral het aandeel {biggest_fall}", "gedaald", basis)
    return Verdict(f"{subject} is vrijwel gelijk gebleven", "gelijk", basis)


def profile_mix_headline(
    region_name: str,
    region: dict[str, float | None],
    average: dict[str, float | None],
    points: float,
    n: float | None = None,
    z: float | None = None,
) -> Verdict:
    """Which GGZ-W profiles are relatively more or less common than in all regions.

    Differences are in percentage points of the share; a profile counts from `points` on
    and, when the region's number of clients `n` is given, only if the difference passes
    the proportion test at `z`. Suppressed profiles are left out of the comparison.
    """
    diffs = {
        p: 100 * (region[p] - average[p])  # type: ignore[operator]
        for p in region
        if region.get(p) is not None and average.get(p) is not None
    }
    if not diffs or not any(region[p] for p in diffs):  # nothing shown, or only empty profiles
        return Verdict(f"Verdeling GGZ-W-indicaties in {region_name}: {TOO_FEW}", "onbekend", "Niets getoond.")

    def counts(p: str) -> bool:
        return clear_share_difference(region[p], average[p], n, z)  # type: ignore[arg-type]

    basis = (
        f"Regel: een profiel telt vanaf {format_points(points, 1)} verschil met alle regio's"
        + (" en een duidelijk verschil (toets)" if n and z else "")
        + ". Cijfers: "
        + "; ".join(f"{p} {_pct(region[p])} tegen {_pct(average[p])}" for p in diffs)  # type: ignore[arg-type]
        + (f"; {format_int(n)} klanten." if n else ".")
    )
    more = max(diffs, key=lambda p: (diffs[p], p))
    less = min(diffs, key=lambda p: (diffs[p], p))
    has_more = diffs[more] >= points - EPS and counts(more)
    has_less = diffs[less] <= -points + EPS and counts(less)
    if has_more and has_less:
        text = f"In {region_name} zijn er relatief meer {more}- en relatief minder {less}-indicaties"
        return Verdict(text, "n.v.t.", basis)
    if has_more:
        return Verdict(f"In {region_name} zijn er relatief meer {more}-indicaties dan gemiddeld", "n.v.t.", basis)
    if has_less:
        return Verdict(f"In {region_name} zijn er relatief minder {less}-indicaties dan gemiddeld", "n.v.t.", basis)
    text = f"De verdeling van GGZ-W-indicaties in {region_name} lijkt op die van alle regio's"
    return Verdict(text, "gelijk", basis)


def waiting_list_headline(
    region_name: str,
    year_ago: float | None,
    latest: float | None,
    slight: float,
    strong: float,
    min_change: float = 0.0,
    z: float | None = None,
) -> Verdict:
    """How the number of people waiting changed over a year (same month, a year apart).

    Relative change: below `slight` in size is 'vrijwel gelijk'; from `slight` 'iets',
    from `strong` 'flink' gestegen or gedaald. A change smaller than `min_change` people,
    or one that does not pass the Poisson test at `z`, is no clear change: 'vrijwel gelijk'.
    """
    subject = f"In {region_name} is het aantal wachtenden in een jaar tijd"
    if year_ago is None or latest is None or year_ago == 0:
        return Verdict(f"Wachtenden in {region_name}: {TOO_FEW}", "onbekend", "Een van de twee maanden niet getoond.")
    change = _relative(latest, year_ago)
    basis = (
        f"Regel: iets vanaf {format_percent(slight)}, flink vanaf {format_percent(strong)} verandering, "
        f"en alleen bij minstens {format_int(min_change)} wachtenden verschil"
        + (f" en z >= {format_decimal(z, 2)} (Poisson-toets)" if z else "")
        + f". Cijfers: {format_int(year_ago)} -> {format_int(latest)} wachtenden "
        f"({format_int(latest - year_ago, signed=True)}, {format_percent(change, signed=True)})."
    )
    if abs(change) >= slight - EPS and not clear_count_change(year_ago, latest, min_change, z or 0.0):
        return Verdict(f"{subject} {NO_CLEAR_CHANGE}", "gelijk", basis)
    if change <= -strong + EPS:
        return Verdict(f"{subject} flink gedaald", "gedaald", basis)
    if change <= -slight + EPS:
        return Verdict(f"{subject} iets gedaald", "gedaald", basis)
    if change < slight - EPS:
        return Verdict(f"{subject} vrijwel gelijk gebleven", "gelijk", basis)
    if change < strong - EPS:
        return Verdict(f"{subject} iets gestegen", "gestegen", basis)
    return Verdict(f"{subject} flink gestegen", "gestegen", basis)


def largest_group_phrase(profile: str, share: float | None, word: str) -> str:
    """'<word> GGZ-W3-klanten' when the profile is a majority, otherwise 'de grootste
    groep is GGZ-W3 (47%)': a group under half is never 'vooral'."""
    if is_majority(share):
        return f"{word} {profile}-klanten"
    if share is None:
        return f"de grootste groep is {profile}"
    return f"de grootste groep is {profile} ({_pct(share)})"


def sectorvreemd_headline(
    region_name: str,
    region_share: float | None,
    average_share: float | None,
    main_profile: str | None,
    points: float,
    main_share: float | None = None,
    n: float | None = None,
    z: float | None = None,
) -> Verdict:
    """Whether GGZ clients in the region more or less often live at a provider of another sector.

    Shares are fractions of GGZ clients at a GZ or VV provider; the difference in
    percentage points counts from `points` on (and, with `n` clients and `z`, when it
    passes the proportion test). `main_profile` (the most common profile among those
    clients, None when suppressed) is named when known, 'voornamelijk' only when its
    `main_share` is a majority.
    """
    if region_share is None or average_share is None:
        return Verdict(f"Sectorvreemde zorg in {region_name}: {TOO_FEW}", "onbekend", "Aandelen niet getoond.")
    diff = 100 * (region_share - average_share)
    clear = clear_share_difference(region_share, average_share, n, z)
    basis = (
        f"Regel: vaker of minder vaak vanaf {format_points(points, 1)} verschil met alle regio's"
        + (" en een duidelijk verschil (toets)" if n and z else "")
        + f"; 'voornamelijk' alleen bij meer dan de helft. Cijfers: regio {_pct(region_share)}, "
        f"alle regio's {_pct(average_share)} bij een sectorvreemde aanbieder"
        + (f"; grootste profiel {main_profile} {_pct(main_share)}" if main_profile and main_share is not None else "")
        + "."
    )
    subject = f"In {region_name} zitten GGZ-klanten"
    if diff <= -points + EPS and clear:
        text, direction = f"{subject} minder vaak bij een sectorvreemde aanbieder dan gemiddeld", "lager"
    elif diff >= points - EPS and clear:
        text, direction = f"{subject} vaker bij een sectorvreemde aanbieder dan gemiddeld", "hoger"
    else:
        text, direction = (
            f"{subject} ongeveer even vaak bij een sectorvreemde aanbieder als gemiddeld",
            "gelijk",
        )
    if main_profile:
        text += ", " + largest_group_phrase(main_profile, main_share, "voornamelijk")
    return Verdict(text, direction, basis)


def sectorvreemd_profiles_headline(
    region_name: str, main_profile: str | None, main_share: float | None = None
) -> Verdict:
    """Which profile is most common among GGZ clients at providers of another sector:
    'vooral' only when it is more than half of them, otherwise the largest with its share."""
    if not main_profile:
        return Verdict(f"Sectorvreemde zorg in {region_name}: {TOO_FEW}", "onbekend", "Geen profiel getoond.")
    basis = "Regel: 'vooral' alleen bij meer dan de helft, anders het grootste profiel met zijn aandeel. " + (
        f"Cijfers: {main_profile} {_pct(main_share)} van deze klanten." if main_share is not None else ""
    )
    if is_majority(main_share):
        text = f"Bij sectorvreemde aanbieders in {region_name} gaat het vooral om {main_profile}-klanten"
    elif main_share is not None:
        text = f"Bij sectorvreemde aanbieders in {region_name} is {main_profile} de grootste groep ({_pct(main_share)})"
    else:
        text = f"Bij sectorvreemde aanbieders in {region_name} is {main_profile} de grootste groep"
    return Verdict(text, "n.v.t.", basis.strip())
