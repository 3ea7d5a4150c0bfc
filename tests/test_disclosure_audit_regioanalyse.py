"""The audit file beside a Regioanalyse lists exactly what the document prints, and the
Regioanalyse of the example edition passes the build gate together with the Regioplan.

't Gooi from the example data, assembled (no files rendered). A chart of shares lists the
shares, not the counts behind them; an "n =" or a total of existing places is listed as the
sum the chart prints, not as its parts; a tile lists the one unit it prints.
"""

from __future__ import annotations

import io
import math
import re
from itertools import combinations

import pandas as pd
import pytest

from reportgen.jobs import assembled, audit_bytes
from reportgen.model import ChartFrame, TextFrame
from reportgen.options import Options

REGION = "t-gooi"
NUMBER = re.compile(r"-?\d[\d.]*(?:,\d+)?")


@pytest.fixture(scope="module")
def analysis():
    """(prepared, Document, audit table) of 't Gooi's Regioanalyse."""
    from reportgen.prepare import prepare

    prepared = prepare(Options(regions=(REGION,), document="regioanalyse-gz", all_regions=False, formats=()))
    (job,) = prepared.jobs()
    doc = assembled(job)
    raw = audit_bytes(job.values, doc, prepared.layout.settings.min_count)
    audit = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    return prepared, doc, audit


def _rows(audit: pd.DataFrame, refs) -> pd.DataFrame:
    """The audit rows of these refs (a ref without unit: every unit of its key)."""
    keep = [
        any(
            (r.indicator, r.region, r.period, r.category) == (i, a, p, c) and (r.unit is None or r.unit == u)
            for r in refs
        )
        for i, a, p, c, u in audit[["indicator", "region", "period", "category", "unit"]].itertuples(index=False)
    ]
    return audit[keep]


def _numbers(texts) -> list[float]:
    """The numbers in printed texts, Dutch style ("2.668", "7,5", "n = 1.452")."""
    return [float(t.replace(".", "").replace(",", ".")) for text in texts for t in NUMBER.findall(text)]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0, abs_tol=1e-6)


def test_native_charts_list_exactly_their_printed_values(analysis):
    """Each chart drawn from data: every shown value of the audit is a plotted value or printed
    beside the series (an "n =", a share in a bubble, an end label), and every plotted value and
    every printed figure is in the audit (as printed, or the change between two listed values)."""
    _, doc, audit = analysis
    charts = [f for p in doc.pages for f in p.frames if isinstance(f, ChartFrame) and f.data is not None]
    assert {c.id for c in charts} >= {"sectorvreemd", "leeftijd", "wachtlijst", "streefnorm", "profielmix_vg"}
    for chart in charts:
        rows = _rows(audit, chart.refs)
        shown = rows[rows["suppressed"] == "nee"]
        listed = [
            (float(v), 100.0 if u == "procent" else 1.0) for v, u in zip(shown["value"], shown["unit"], strict=True)
        ]
        plotted = [v for s in chart.data.series for v in s.values if v is not None]
        plotted += [v for e in chart.data.extras for v in e.values]  # reference lines, arrow ends
        marks = _numbers([m.text for m in chart.data.marks] + [e.text for e in chart.data.extras])
        for value, scale in listed:  # plotted (a percentage as it is or as a fraction), or printed beside
            seen = any(_close(value / scale, v) or _close(value, v) for v in plotted)
            assert seen or _forms(value) & {round(abs(m), 2) for m in marks}, (chart.id, value)
        for value in plotted:
            assert any(_close(value, v / scale) or _close(value, v) for v, scale in listed), (chart.id, value)
        printed = set().union(set(), *(_forms(v) for v, _ in listed)) | _changes([v for v, _ in listed])
        printed |= {round(sum(c)) for k in (2, 3) for c in combinations([v for v, _ in listed], k)}
        for value in marks:  # beside the series: values as printed, changes, column totals, years
            assert round(abs(value), 2) in printed or 1990 <= value <= 2100, (chart.id, value)


def test_share_charts_list_no_counts(analysis):
    """The sector, age, profile-mix charts print shares: their audit rows hold no counts but the printed "n ="."""
    _, doc, audit = analysis
    for chart_id in ("sectorvreemd", "leeftijd", "profielmix_vg", "profielmix_lvg", "profielmix_lg", "profielmix_zg"):
        chart = next(f for p in doc.pages for f in p.frames if isinstance(f, ChartFrame) and f.id == chart_id)
        rows = _rows(audit, chart.refs)
        counts = rows[rows["unit"] == "klanten"]
        assert set(counts["indicator"]) <= {"gz_profielmix_totaal", "gz_sectorvreemd"}, chart_id
        assert set(counts.loc[counts["indicator"] == "gz_sectorvreemd", "category"]) <= {"totaal"}, chart_id


def test_sums_the_charts_print_are_listed_in_place_of_their_parts(analysis):
    """'t Gooi: the sector chart's "n =" (hidden for 't Gooi, whose GGZ-provider count is small
    and needs a complement; 34.693 for all regions), 2.668 existing places (scenarios)."""
    _, _, audit = analysis
    sector = audit[(audit["indicator"] == "gz_sectorvreemd") & (audit["unit"] == "klanten")]
    assert list(zip(sector["region"], sector["category"], sector["value"], sector["suppressed"], strict=True)) == [
        (REGION, "totaal", "", "ja"),
        ("alle-regios", "totaal", "34693", "nee"),
    ]
    existing = audit[audit["indicator"] == "gz_capaciteit_bestaand"]
    assert list(zip(existing["category"], existing["value"], strict=True)) == [("totaal", "2668")]


def test_tiles_list_the_one_unit_they_print(analysis):
    """Each tile: one audit row per value it prints (the unit it prints, not every unit of the
    figure); a tile compared with all regions lists the region and all regions."""
    _, doc, audit = analysis
    tiles = [f for p in doc.pages for f in p.frames if isinstance(f, TextFrame) and f.role == "kpi-value"]
    assert len(tiles) == 13
    for tile in tiles:
        rows = _rows(audit, tile.refs)
        assert len(rows) == len(tile.refs), tile.id
        assert set(rows["region"]) <= {REGION, "alle-regios"}, tile.id
    compared = [t for t in tiles if any(r.region == "alle-regios" for r in t.refs)]
    assert len(compared) >= 8
    for tile in compared:
        assert list(_rows(audit, tile.refs)["region"]) == [REGION, "alle-regios"], tile.id


def test_every_listed_value_is_printed(analysis):
    """Every shown value of the audit is among the numbers the document prints or plots
    (rounded as printed: whole, one or two decimals, percentages of shares)."""
    _, doc, audit = analysis
    texts = []
    plotted = []
    for page in doc.pages:
        for frame in page.frames:
            if isinstance(frame, TextFrame):
                texts += [p.text for p in frame.paragraphs]
            elif isinstance(frame, ChartFrame):
                texts += list(frame.labels)
                if frame.data is not None:
                    plotted += [v for s in frame.data.series for v in s.values if v is not None]
    printed = set(_numbers(texts))
    drawn = {ref for p in doc.pages for f in p.frames if isinstance(f, ChartFrame) and f.data is None for ref in f.refs}
    drawn_keys = {(r.indicator, r.region, r.period, r.category) for r in drawn}
    for row in audit[audit["suppressed"] == "nee"].itertuples(index=False):
        value = float(row.value)
        forms = {round(value), round(value, 1), round(value, 2), round(value * 100), round(value * 100, 1)}
        forms |= {round(value / 1e6), round(value / 1e6, 1)}  # euros printed as "€ 193 mln"
        forms |= {abs(f) for f in forms}
        seen = bool(forms & printed) or any(_close(value, v) for v in plotted)
        assert seen or (row.indicator, row.region, row.period, row.category) in drawn_keys, row


def test_the_example_edition_passes_the_gate_with_both_kinds(analysis):
    """The Regioanalyse's gate takes the Regioplan's printed values too, and finds nothing."""
    prepared, _, _ = analysis
    prepared.refuse_disclosing()


def _forms(value: float) -> set[float]:
    """How a value may be printed: rounded to 0-2 decimals, as a percentage of a share, or as
    the rest of 100% ("0% ... uit een andere sector" for a share of 100% at GZ providers)."""
    out = set()
    for v in (value, value * 100, 100 - value * 100):
        out |= {round(abs(v), d) for d in (0, 1, 2)}
    return out


def _changes(values: list[float]) -> set[float]:
    """The changes between two listed values as a headline prints them ("met 12%"): the
    later over the earlier minus one, as a percentage, rounded to 0-1 decimals."""
    out = set()
    for a in values:
        for b in values:
            if a and a != b:
                out |= {round(abs(100 * (b / a - 1)), d) for d in (0, 1)}
    return out


def test_headlines_list_the_figures_they_print(analysis):
    """A headline printing figures names them; each figure (years and the age band aside) is one
    of its audit rows as printed, or the change between two of them. The forecast headline's
    15% (min +7%, max +25%) is in the audit."""
    _, doc, audit = analysis
    headlines = [f for p in doc.pages for f in p.frames if isinstance(f, TextFrame) and f.role == "headline"]
    with_figures = [h for h in headlines if h.refs]
    assert {h.id for h in with_figures} >= {"prognose_kop", "kosten_kop", "personeel_kop", "voorkeur_kop"}
    for headline in with_figures:
        rows = _rows(audit, headline.refs)
        assert len(rows) == len(headline.refs), headline.id
        forms = set().union(*(_forms(float(v)) for v in rows["value"])) | _changes([float(v) for v in rows["value"]])
        text = " ".join(p.text for p in headline.paragraphs).replace("18-64 jaar", "")
        figures = [n for n in _numbers([text]) if not 1990 <= n <= 2100]
        assert figures and all(round(abs(n), 2) in forms for n in figures), (headline.id, text)
    forecast = audit[audit["indicator"] == "gz_prognose_verandering"]
    assert list(forecast["category"]) == ["min", "mid", "max"]


MAPS = ("ses", "stedelijkheid", "toewijzingen_vg", "toewijzingen_lvg", "toewijzingen_lg", "toewijzingen_zg")
"""Maps print their legend's classes ("10% tot 20%"), not values: their values are the colours."""


def test_charts_print_only_their_listed_values(analysis):
    """Every figure a chart prints is one of its audit rows as printed, the change between two
    of them (the growth arrows, "+21%" after a forecast line) or the sum of some of them (the
    places a scenario column adds up to)."""
    _, doc, audit = analysis
    charts = [f for p in doc.pages for f in p.frames if isinstance(f, ChartFrame) and f.refs]
    assert {c.id for c in charts} >= {"klanten", "kosten", "scenarios", "prognose", "financiering"}
    for chart in charts:
        if chart.id in MAPS:
            continue
        values = [float(v) for v in _rows(audit, chart.refs)["value"] if v]
        forms = set().union(*(_forms(v) for v in values))
        forms |= {round(abs(b / a - 1) * 100, d) for a in values for b in values if a for d in (0, 1)}
        forms |= {round(sum(c)) for k in (2, 3) for c in combinations(values, k)}
        for figure in _numbers(chart.labels):
            assert round(abs(figure), 2) in forms, (chart.id, figure)
