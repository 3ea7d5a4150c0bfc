"""Headline rules and narrative variables of the Regioanalyse GZ, on values worked out by hand."""

from __future__ import annotations

import pandas as pd

from reportgen.kinds import Subject
from reportgen.kinds.regioanalyse_gz.headlines import analysis_headlines
from reportgen.kinds.regioanalyse_gz.rulebase import compared
from reportgen.kinds.regioanalyse_gz.variables import analysis_variables, scenario_range
from reportgen.kinds.spec import HeadlineRequest
from reportgen.values import Values

GOOI = Subject("t-gooi", "'t Gooi", ("t-gooi", "GM0406", "GM0417"))
THRESHOLDS = {"gz_gelijk_marge": 0.05, "gz_groei_punten": 1.0, "gz_profiel_punten": 2.0}


def _values(rows: list[tuple]) -> Values:
    """Values from (indicator, region, period, category, value, unit[, suppressed]) rows."""
    full = [(*r, False) if len(r) == 6 else r for r in rows]
    return Values(
        pd.DataFrame(full, columns=["indicator", "region", "period", "category", "value", "unit", "suppressed"])
    )


def _headlines(rows: list[tuple]):
    return analysis_headlines(HeadlineRequest(_values(rows), GOOI, 2023, THRESHOLDS))


def test_compared_uses_a_relative_margin() -> None:
    """4,9% above is 'gelijk' with a 5% margin; 5,1% above is 'hoger'; a missing value says nothing."""
    assert compared(10.49, 10.0, 0.05) == "gelijk"
    assert compared(10.51, 10.0, 0.05) == "hoger"
    assert compared(9.4, 10.0, 0.05) == "lager"
    assert compared(None, 10.0, 0.05) is None


def test_growth_headline_and_tile_compare_points() -> None:
    """+8,4% against +4,4% is 4 points more: 'harder'; +4,9% against +4,4% is within 1 point."""
    rows = [("gz_klanten_per_1000_groei", "t-gooi", "2020-2023", "", 8.4, "procent")]
    rows += [("gz_klanten_per_1000_groei", "alle-regios", "2020-2023", "", 4.4, "procent")]
    found = _headlines(rows)
    assert found["klanten"].text.endswith("harder dan in alle regio's samen")
    assert found["tegel_groei"].text == "Stijgt harder dan gemiddeld"
    rows[0] = ("gz_klanten_per_1000_groei", "t-gooi", "2020-2023", "", 4.9, "procent")
    same = _headlines(rows)
    assert same["tegel_groei"].text == "Stijgt even hard als gemiddeld"
    assert same["klanten"].text.endswith("even hard als in alle regio's samen")


def test_hidden_values_make_no_claim() -> None:
    """A suppressed growth gives 'too few clients', never a direction."""
    rows = [("gz_klanten_per_1000_groei", "t-gooi", "2020-2023", "", 8.4, "procent", True)]
    rows += [("gz_klanten_per_1000_groei", "alle-regios", "2020-2023", "", 4.4, "procent", False)]
    assert _headlines(rows)["klanten"].direction == "onbekend"


def test_municipality_headlines_name_the_right_places() -> None:
    """Of Huizen (group 4) and Laren (group 2) Huizen is the most urban; one of two has SES 4 or 5."""
    rows = [
        ("gz_stedelijkheid", "GM0406", "2023", "", 4.0, "groep"),
        ("gz_stedelijkheid", "GM0417", "2023", "", 2.0, "groep"),
        ("gz_ses_groep", "GM0406", "2023", "", 4.0, "groep"),
        ("gz_ses_groep", "GM0417", "2023", "", 3.0, "groep"),
    ]
    found = _headlines(rows)
    assert found["stedelijkheid"].text == "Huizen is het meest stedelijk (groep 4)"
    assert found["ses"].text == "1 van de 2 gemeenten heeft een hoge sociaaleconomische status (groep 4 of 5)"


def test_scenario_range_and_variables() -> None:
    """Extra places at home 107, 189, 219 give '107 tot 219'; one hidden scenario gives '*'."""
    rows = [
        ("gz_capaciteit_extra", "t-gooi", "2028", f"{s}|{part}", v, "plekken")
        for s, part, v in (
            ("geen-groei", "thuis", 107),
            ("halve-groei", "thuis", 189),
            ("groei", "thuis", 219),
            ("geen-groei", "intramuraal", 112),
            ("halve-groei", "intramuraal", 30),
            ("groei", "intramuraal", 0),
        )
    ]
    values = _values(rows + [("gz_prognose_verandering", "t-gooi", "2023-2040", "mid", 15.0, "procent")])
    assert scenario_range(values, "t-gooi", 2023, "thuis") == "107 tot 219"
    found = analysis_variables(values, GOOI, 2023)
    assert (found["extra_thuis"], found["extra_intramuraal"], found["groei_2040"]) == (
        "107 tot 219",
        "0 tot 112",
        "15%",
    )
    hidden = _values([(*rows[0][:6], True), *rows[1:]])
    assert analysis_variables(hidden, GOOI, 2023)["extra_thuis"] == "*"


def test_region_tiles_print_inhabitants_ses_and_urbanity() -> None:
    """476.222 inhabitants, 2,7% of the Netherlands (476.222 / 17.811.291 = 2,674%);
    SES 3,8 against 2,9 (31% higher: 'hogere status');
    urbanity 4,3 against 4,1 (4,9% higher, within the 5% margin: 'als gemiddeld')."""
    from reportgen.kinds.regioanalyse_gz.kpis import KPIS
    from reportgen.kinds.spec import KpiContext

    rows = [
        ("gz_inwoners", "t-gooi", "2023", "", 476222.0, "inwoners"),
        ("gz_inwoners_aandeel", "t-gooi", "2023", "", 2.674, "procent"),
        ("gz_ses_groep", "t-gooi", "2023", "", 3.8, "groep"),
        ("gz_ses_groep", "alle-regios", "2023", "", 2.9, "groep"),
        ("gz_stedelijkheid", "t-gooi", "2023", "", 4.3, "groep"),
        ("gz_stedelijkheid", "alle-regios", "2023", "", 4.1, "groep"),
    ]
    ctx = KpiContext(_values(rows), GOOI, 2023)
    inhabitants = KPIS["inwoners"].build(ctx)
    assert (inhabitants.value, inhabitants.note) == ("476.222", "2,7% van Nederland")
    ses, urban = KPIS["ses"].build(ctx), KPIS["stedelijkheid"].build(ctx)
    assert (ses.value, ses.note, urban.value, urban.note) == ("3,8", "Alle regio's: 2,9", "4,3", "Alle regio's: 4,1")
    verdicts = _headlines(rows)
    assert verdicts["tegel_ses"].text == "Hogere sociaaleconomische status"
    assert verdicts["tegel_stedelijkheid"].text == "Ongeveer gemiddeld"
    lower = [r if r[1] != "t-gooi" else (*r[:4], 2.0, r[5]) for r in rows]
    assert _headlines(lower)["tegel_stedelijkheid"].text == "Landelijker dan gemiddeld"
    assert _headlines(rows[:2])["tegel_ses"].direction == "onbekend"


def test_financing_headline_and_tiles() -> None:
    """'t Gooi € 690 -> € 776 per inhabitant 18-64 (+12,5%), all regions € 1.000 -> € 1.075 (+7,5%):
    5 points more, 'meer dan'; within 1 point it is 'ongeveer even veel als'. Tiles: 3.326 clients
    in 2040 against 2.668; € 251 mln against € 201 mln."""
    from reportgen.kinds.regioanalyse_gz.kpis import KPIS
    from reportgen.kinds.spec import KpiContext

    unit = "euro per inwoner 18-64 per jaar"
    rows = [
        ("gz_uitgaven_per_beroepsbevolking", "t-gooi", "2023", "", 690.0, unit),
        ("gz_uitgaven_per_beroepsbevolking", "t-gooi", "2040", "", 776.25, unit),
        ("gz_uitgaven_per_beroepsbevolking", "alle-regios", "2023", "", 1000.0, unit),
        ("gz_uitgaven_per_beroepsbevolking", "alle-regios", "2040", "", 1075.0, unit),
        ("gz_prognose", "t-gooi", "2040", "max", 3326.4, "klanten (prognose)"),
        ("gz_klanten", "t-gooi", "2023", "", 2668.0, "klanten"),
        ("gz_uitgaven", "t-gooi", "2023", "", 201_200_000.0, "euro per jaar"),
        ("gz_uitgaven", "t-gooi", "2040", "", 250_800_000.0, "euro per jaar"),
    ]
    verdict = _headlines(rows)["financiering"]
    assert verdict.text == (
        "Bij gelijke kosten per klant stijgen de uitgaven per inwoner van 18-64 jaar tot 2040 met 13%, "
        "meer dan in alle regio's samen"
    )
    close = [r if r[1:3] != ("alle-regios", "2040") else (*r[:4], 1120.0, r[5]) for r in rows]  # +12,0%
    assert _headlines(close)["financiering"].direction == "gelijk"
    hidden = [r if r[1:3] != ("t-gooi", "2040") else (*r, True) for r in rows]
    assert _headlines(hidden)["financiering"].direction == "onbekend"
    ctx = KpiContext(_values(rows), GOOI, 2023)
    clients, spending = KPIS["klanten_2040"].build(ctx), KPIS["uitgaven_2040"].build(ctx)
    assert (clients.value, clients.note) == ("3.326", "2023: 2.668")
    assert (spending.value, spending.note) == ("€ 251 mln", "2023: € 201 mln, bij gelijke kosten per klant")
