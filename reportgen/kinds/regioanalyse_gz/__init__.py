"""The Regioanalyse GZ: the larger yearly analysis of disability care (GZ) per region, with
maps per municipality, the forecast to 2040 and the capacity scenarios."""

from __future__ import annotations

from pathlib import Path

from reportgen.kinds.regioanalyse_gz.charts import CHARTS
from reportgen.kinds.regioanalyse_gz.common import region_subjects
from reportgen.kinds.regioanalyse_gz.headlines import HEADLINE_IDS, SUMMARY_ORDER, THRESHOLDS, analysis_headlines
from reportgen.kinds.regioanalyse_gz.kpis import KPIS
from reportgen.kinds.regioanalyse_gz.variables import analysis_variables, keywords
from reportgen.kinds.spec import Kind


def analysis_values(dataset, edition: int, min_count: int):
    """The tidy figure frame of the Regioanalyse, small counts suppressed."""
    from reportgen.kinds.regioanalyse_gz.figures import compute_regioanalyse

    return compute_regioanalyse(dataset, edition, min_count)


SECTIONS = ("inleiding", "doelen", "scenarios_uitleg", "middelen", "personeel", "innovaties", "initiatieven")

KIND = Kind(
    id="regioanalyse-gz",
    title="Regioanalyse GZ",
    layout=Path(__file__).resolve().parents[3] / "layouts" / "regioanalyse-gz.yaml",
    values=analysis_values,
    subjects=region_subjects,
    charts=CHARTS,
    kpis=KPIS,
    headlines=analysis_headlines,
    summary_order=SUMMARY_ORDER,
    headline_ids=HEADLINE_IDS,
    thresholds=THRESHOLDS,
    sections=SECTIONS,
    variables=analysis_variables,
    keywords=keywords,
    content_folder="regioanalyse",
)
