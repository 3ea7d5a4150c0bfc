"""A minimal second document kind, defined entirely outside the package: one KPI tile,
one chart and one narrative section per region, on two pages."""

from __future__ import annotations

from pathlib import Path

from reportgen import charts
from reportgen.data.regions import REGION_NAMES
from reportgen.formatting import SUPPRESSED, format_int
from reportgen.headlines.rules import Verdict
from reportgen.indicators import compute_regioplan
from reportgen.kinds import Kind, Subject
from reportgen.kinds.spec import BuiltChart, ChartRequest, ChartSpec, HeadlineRequest, KpiContent, KpiContext, KpiSpec
from reportgen.model import Ref

PROFILES = ("GGZ-W", "GGZ-B")


def kaart_values(dataset, edition: int, min_count: int):
    """The indicator frame (this kind shows only a few of its values)."""
    return compute_regioplan(dataset, edition, min_count=min_count)


def kaart_subjects(dataset, regions: tuple[str, ...]) -> tuple[Subject, ...]:
    """One card per region; layouts call it {gebied}."""
    return tuple(Subject(r, REGION_NAMES[r], (r,), placeholder="gebied") for r in regions)


def klanten_kpi(ctx: KpiContext) -> KpiContent:
    """GGZ clients of the region."""
    value = ctx.values.shown("ggz_klanten", ctx.subject.area, ctx.period, "", "klanten")
    text = SUPPRESSED if value is None else format_int(round(value))
    return KpiContent(
        "GGZ-klanten", text, None, f"In januari {ctx.edition}", (Ref("ggz_klanten", ctx.subject.area, ctx.period),)
    )


def profielen_chart(req: ChartRequest) -> BuiltChart:
    """GGZ-W and GGZ-B clients as bars."""
    period = str(req.edition)
    counts = [req.values.shown("ggz_klanten", req.subject.area, period, p, "klanten") for p in PROFILES]
    image = charts.ranked_hbars(list(PROFILES), counts, width_pt=req.width, height_pt=req.height, title="Klanten")
    refs = tuple(Ref("ggz_klanten", req.subject.area, period, p) for p in PROFILES)
    return BuiltChart(image, refs, any(c is None for c in counts))


def kaart_headlines(request: HeadlineRequest) -> dict[str, Verdict]:
    """One headline: which of the two profiles has more clients."""
    period = str(request.edition)
    w, b = (request.values.shown("ggz_klanten", request.subject.area, period, p, "klanten") for p in PROFILES)
    if w is None or b is None:
        return {"profielen": Verdict("Te weinig klanten voor een vergelijking", "onbekend")}
    return {"profielen": Verdict(f"In {request.subject.name} meer GGZ-{'W' if w >= b else 'B'}-klanten", "n.v.t.")}


KIND = Kind(
    id="testkaart",
    title="Testkaart",
    layout=Path(__file__).parent / "testkaart.yaml",
    values=kaart_values,
    subjects=kaart_subjects,
    charts={"profielen": ChartSpec(profielen_chart, "profielen", ("ggz_klanten",))},
    kpis={"klanten": KpiSpec(klanten_kpi, ("ggz_klanten",))},
    headlines=kaart_headlines,
    summary_order=("profielen",),
    headline_ids=("profielen",),
    sections=("toelichting",),
    placeholder="gebied",
)

LAYOUT = """document: testkaart
titel: "Testkaart {editie}"
bestandsnaam: "testkaart-{editie}-{gebied}"
thema: theme.yaml
instellingen: settings.yaml
sjabloon: null
paginas:
  - id: cijfers
    titel: "Cijfers van {gebied_naam}"
    frames:
      - {soort: kpi, id: kpi_klanten, kpi: klanten, box: [36, 76, 250, 96]}
      - {soort: grafiek, id: profielen, grafiek: profielen, box: [310, 76, 400, 400]}
  - id: toelichting
    titel: "Toelichting"
    frames:
      - {soort: verhaal, id: toelichting, sectie: toelichting, kop: "Wat de cijfers zeggen", box: [36, 76, 500, 300]}
"""

TEXT = """---
regio: zwolle
editie: 2023
status: definitief
laatst_beoordeeld: 2023-05-01
---
De kaart laat zien hoeveel GGZ-klanten de regio heeft: {{ gebied_naam }} telt er veel.
"""
