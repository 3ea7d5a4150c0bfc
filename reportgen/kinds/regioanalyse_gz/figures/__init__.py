"""Every figure of the Regioanalyse GZ: pure pandas from the Dataset to one tidy, suppressed frame.

Each figure is a function `(ds, edition, base=None) -> DataFrame` with the columns of
`reportgen.indicators.tidy.COLUMNS`; the `region` column holds an area id (region slug,
`alle-regios`, or municipality `GM####`). `compute_regioanalyse` runs them all on one shared
`GzBase`.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from reportgen.data.regions import REGION_IDS
from reportgen.data.schema import Dataset
from reportgen.indicators.base import ALL_REGIONS
from reportgen.indicators.suppress import Hierarchy
from reportgen.indicators.tidy import COLUMNS, empty_frame
from reportgen.kinds.regioanalyse_gz.figures import (
    age,
    capacity,
    characteristics,
    clients,
    costs,
    forecast,
    home,
    locations,
    population,
    profiles,
    sectorvreemd,
    supply,
    waiting,
    workforce,
)
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.suppression import suppressed

Figure = Callable[[Dataset, int, GzBase | None], pd.DataFrame]

FIGURES: dict[str, Figure] = {
    "gz_inwoners": population.gz_inwoners,
    "gz_gemeentekenmerken": characteristics.gz_gemeentekenmerken,
    "gz_klanten": clients.gz_klanten,
    "gz_klanten_per_1000": clients.gz_klanten_per_1000,
    "gz_klanten_per_1000_groei": clients.gz_klanten_per_1000_groei,
    "gz_leeftijd": age.gz_leeftijd,
    "gz_leeftijd_23_65": age.gz_leeftijd_23_65,
    "gz_lichte_profielen": profiles.gz_lichte_profielen,
    "gz_profielmix": profiles.gz_profielmix,
    "gz_aanbieders": supply.gz_aanbieders,
    "gz_locaties": supply.gz_locaties,
    "gz_toewijzingen_groei": home.gz_toewijzingen_groei,
    "gz_locatiepunten": locations.gz_locatiepunten,
    "gz_zelfstandig": home.gz_zelfstandig,
    "gz_zelfstandig_verandering": home.gz_zelfstandig_verandering,
    "gz_prognose": forecast.gz_prognose,
    "gz_prognose_verandering": forecast.gz_prognose_verandering,
    "gz_prognose_nieuwe_klanten": forecast.gz_prognose_nieuwe_klanten,
    "gz_capaciteit": capacity.gz_capaciteit,
    "gz_kosten_per_klant": costs.gz_kosten_per_klant,
    "gz_uitgaven": costs.gz_uitgaven,
    "gz_medewerkers": workforce.gz_medewerkers,
    "gz_sectorvreemd": sectorvreemd.gz_sectorvreemd,
    "gz_sectorvreemd_profielen": sectorvreemd.gz_sectorvreemd_profielen,
    "gz_wachtend": waiting.gz_wachtend,
    "gz_buiten_streefnorm": waiting.gz_buiten_streefnorm,
    "gz_wachttijd_voorkeur": waiting.gz_wachttijd_voorkeur,
}
"""Figure functions in document order; some return several indicators (see layouts/indicators.yaml)."""


def _area_order(frame: pd.DataFrame) -> pd.Series:
    """Sort key of the region column: regions in document order, alle-regios, then municipalities."""
    known = {r: i for i, r in enumerate(REGION_IDS)}
    known[ALL_REGIONS] = len(REGION_IDS)
    return frame["region"].map(lambda a: (known.get(a, len(REGION_IDS) + 1), a))


def compute_regioanalyse(ds: Dataset, edition: int, min_count: int = 10, complementary: bool = True) -> pd.DataFrame:
    """All Regioanalyse figures of an edition, in FIGURES order, with small counts suppressed
    across municipalities, regions and all regions (`complementary=False`: only within each
    distribution, a weaker set for tests of the disclosure audit)."""
    base = prepare_gz_base(ds, edition)
    frames = []
    for function in FIGURES.values():
        frame = function(ds, edition, base)
        order = frame.assign(_area=_area_order(frame)).sort_values(
            ["indicator", "_area"],
            kind="stable",
            key=lambda c: c if c.name != "indicator" else c.map(_first_seen(frame)),
        )
        frames.append(order.drop(columns="_area"))
    frame = pd.concat([empty_frame(), *frames], ignore_index=True)[list(COLUMNS)]
    return suppressed(frame, min_count, Hierarchy.from_gemeenten(ds.gemeenten), complementary)


def _first_seen(frame: pd.DataFrame) -> dict[str, int]:
    """Position of each indicator's first row, so a figure's indicators keep their order."""
    return {name: i for i, name in enumerate(dict.fromkeys(frame["indicator"]))}


__all__ = ["FIGURES", "GzBase", "compute_regioanalyse", "prepare_gz_base"]
