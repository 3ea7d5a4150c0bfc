"""The charts and maps a Regioanalyse layout may place, by id, with the indicators each shows."""

from __future__ import annotations

from functools import partial

from reportgen.kinds.regioanalyse_gz import charts_access as access
from reportgen.kinds.regioanalyse_gz import charts_care as care
from reportgen.kinds.regioanalyse_gz import charts_future as future
from reportgen.kinds.regioanalyse_gz import charts_means as means
from reportgen.kinds.regioanalyse_gz import charts_region as region
from reportgen.kinds.regioanalyse_gz.common import SECTORS
from reportgen.kinds.spec import ChartSpec

MAPS = "gebiedsindeling"
"""The registry entry naming the source of the boundaries on every map."""

CHARTS: dict[str, ChartSpec] = {
    "regios": ChartSpec(region.regions_map, "regios", (MAPS,)),
    "ses": ChartSpec(region.ses_map, "ses", ("gz_ses_groep", MAPS)),
    "stedelijkheid": ChartSpec(region.urbanity_map, "stedelijkheid", ("gz_stedelijkheid", MAPS)),
    "herkomst": ChartSpec(region.origin_chart, "herkomst", ("gz_herkomst",), ("gz_gelijk_marge",)),
    "klanten": ChartSpec(care.clients_chart, "klanten", ("gz_klanten_per_1000", "gz_klanten"), ("gz_groei_punten",)),
    "groei_gemeenten": ChartSpec(care.municipality_growth_chart, "groei_gemeenten", ("gz_klanten_per_1000_groei",)),
    "leeftijd": ChartSpec(care.age_chart, "leeftijd", ("gz_leeftijd",), ("gz_gelijk_marge",)),
    **{
        f"toewijzingen_{s.lower()}": ChartSpec(
            partial(care.assignments_map, s),
            f"toewijzingen_{s.lower()}",
            ("gz_toewijzingen_groei", "gz_locatiepunten", MAPS),
        )
        for s in SECTORS
    },
    **{
        f"profielmix_{s.lower()}": ChartSpec(
            partial(care.profile_mix_chart, s),
            f"profielmix_{s.lower()}",
            ("gz_profielmix", "gz_profielmix_totaal"),
            ("gz_profiel_punten",),
        )
        for s in SECTORS
    },
    "prognose": ChartSpec(
        future.forecast_chart, "prognose", ("gz_prognose", "gz_prognose_verandering", "voorspelmodel")
    ),
    "nieuwe_klanten": ChartSpec(
        future.new_clients_chart, "nieuwe_klanten", ("gz_prognose_nieuwe_klanten", "voorspelmodel")
    ),
    "scenarios": ChartSpec(
        future.scenario_chart,
        "scenarios",
        ("gz_capaciteit_bestaand", "gz_capaciteit_extra", "gz_zelfstandig_scenario", "groei_zelfstandig_wonen"),
    ),
    "zelfstandig": ChartSpec(
        future.independent_change_chart,
        "zelfstandig",
        ("gz_zelfstandig_verandering", "groei_zelfstandig_wonen"),
        ("gz_groei_punten",),
    ),
    "financiering": ChartSpec(
        means.financing_chart,
        "financiering",
        ("gz_uitgaven_per_beroepsbevolking", "gz_uitgaven", "gz_prognose"),
        ("gz_groei_punten",),
    ),
    "kosten": ChartSpec(future.cost_chart, "kosten", ("gz_kosten_per_klant", "gz_kosten_per_klant_groei")),
    "personeel": ChartSpec(future.workforce_chart, "personeel", ("gz_medewerkers_per_klant", "gz_medewerkers")),
    "sectorvreemd": ChartSpec(access.sectorvreemd_chart, "sectorvreemd", ("gz_sectorvreemd",)),
    "wachtlijst": ChartSpec(access.waiting_chart, "wachtlijst", ("gz_wachtend",), ("gz_gelijk_marge",)),
    "streefnorm": ChartSpec(access.beyond_norm_chart, "streefnorm", ("gz_buiten_streefnorm",)),
    "voorkeur": ChartSpec(access.preference_weeks_chart, "voorkeur", ("gz_wachttijd_voorkeur_weken",)),
}
