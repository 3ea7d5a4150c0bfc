"""The Regioplan GGZ: an 8-page deck per region on GGZ clients, care forms, waiting lists
and sectorvreemde care, with headlines written from the data by rules."""

from __future__ import annotations

from pathlib import Path

from reportgen.kinds.regioplan_ggz.charts import CHARTS
from reportgen.kinds.regioplan_ggz.headlines import HEADLINE_IDS, SUMMARY_ORDER, THRESHOLDS, region_headlines
from reportgen.kinds.regioplan_ggz.kpis import KPIS
from reportgen.kinds.regioplan_ggz.subjects import region_subjects
from reportgen.kinds.regioplan_ggz.variables import keywords, region_variables
from reportgen.kinds.spec import Kind


def regioplan_values(dataset, edition: int, min_count: int):
    """The tidy indicator frame of the Regioplan, small counts suppressed."""
    from reportgen.indicators import compute_regioplan

    return compute_regioplan(dataset, edition, min_count=min_count)


SECTIONS = ("wat_valt_op", "samenwerking", "ontwikkelingen", "terugblik", "vooruitblik", "knelpunten")

KIND = Kind(
    id="regioplan-ggz",
    title="Regioplan GGZ",
    layout=Path(__file__).resolve().parents[3] / "layouts" / "regioplan-ggz.yaml",
    values=regioplan_values,
    subjects=region_subjects,
    charts=CHARTS,
    kpis=KPIS,
    headlines=region_headlines,
    summary_order=SUMMARY_ORDER,
    headline_ids=HEADLINE_IDS,
    thresholds=THRESHOLDS,
    sections=SECTIONS,
    variables=region_variables,
    keywords=keywords,
)
