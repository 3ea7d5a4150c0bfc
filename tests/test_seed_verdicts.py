"""With the example data, the verdicts of four regions say what their published decks say."""

from __future__ import annotations

import pandas as pd
import pytest

from reportgen.data.regions import REGION_NAMES
from reportgen.kinds.regioplan_ggz.headlines import compute_headlines
from reportgen.layout.spec import Layout
from reportgen.values import Values

EXPECTED = {
    "zwolle": {
        "kpi_per_10k": "Hoger aantal GGZ-klanten dan gemiddeld",
        "kpi_locaties": "Vergelijkbaar aantal locaties ten opzichte van andere regio's",
        "leveringsvorm": "Het aandeel zorg in eigen omgeving in Zwolle is toegenomen, "
        "hierbinnen is het aandeel PGB gedaald",
    },
    "utrecht": {
        "kpi_per_10k": "Lager aantal GGZ-klanten dan gemiddeld",
        "kpi_locaties": "Vergelijkbaar aantal locaties ten opzichte van andere regio's",
        "leveringsvorm": "Het aandeel zorg in eigen omgeving in Utrecht is toegenomen, vooral het aandeel MPT",
        "sectorvreemd_richting": "gelijk",
    },
    "drenthe": {
        "kpi_per_10k": "Hoger aantal GGZ-klanten dan gemiddeld",
        "kpi_locaties": "Relatief veel locaties ten opzichte van andere regio's",
        "leveringsvorm": "Het aandeel zorg in eigen omgeving in Drenthe is toegenomen, vooral het aandeel MPT",
    },
    "rotterdam": {
        "kpi_per_10k": "Gelijk aantal GGZ-klanten als gemiddeld",
        "kpi_locaties": "Relatief veel locaties ten opzichte van andere regio's",
        "leveringsvorm": "Het aandeel zorg in eigen omgeving in Rotterdam is toegenomen, vooral het aandeel MPT",
        "ggz_w_verdeling": "In Rotterdam zijn er relatief meer GGZ-W2- en relatief minder GGZ-W3-indicaties",
        # the published deck said 'iets gedaald' for 100 -> 92 people and 'voornamelijk' for a
        # profile of 43%: under the documented minimum change and majority rule the deck now
        # says neither (docs/headlines.md)
        "wachtlijst": "In Rotterdam is het aantal wachtenden in een jaar tijd niet duidelijk veranderd",
        "sectorvreemd": "In Rotterdam zitten GGZ-klanten minder vaak bij een sectorvreemde aanbieder dan gemiddeld, "
        "de grootste groep is GGZ-W3 (43%)",
    },
}


@pytest.mark.parametrize("region", sorted(EXPECTED))
def test_verdicts_match_published_decks(region: str, example_values: pd.DataFrame, layout: Layout) -> None:
    """Each headline named for the region in its published deck comes out the same from the data."""
    headlines = compute_headlines(
        Values(example_values), region, REGION_NAMES[region], 2023, layout.settings.thresholds
    )
    for hid, text in EXPECTED[region].items():
        if hid == "sectorvreemd_richting":
            assert headlines["sectorvreemd"].direction == text, headlines["sectorvreemd"].text
        else:
            assert headlines[hid].text == text, hid
