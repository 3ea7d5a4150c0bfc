"""End to end: the Regioanalyse GZ of 't Gooi from the example data, read back from both formats.

The figures printed for 't Gooi are those of the calibration targets (tests/
test_calibration_regioanalyse.py): 2.386 to 2.668 clients, 5,2 to 5,6 per 1.000 (+8,4%),
34% with a migration background, +15% to 2040, € 5.763 to € 6.289 per client (+9,1%), 57%
aged 23-65, 45% light profiles, 17 providers.
"""

from __future__ import annotations

import pandas as pd
import pytest
from readback import (
    normalized,
    pdf_fonts,
    pdf_image_xobjects,
    pdf_page_count,
    pdf_page_text,
    pptx_slide_count,
    pptx_slide_text,
    pptx_titles,
)

from reportgen.formatting import format_decimal, format_euro, format_int, format_percent
from reportgen.model import ChartFrame, TableFrame, TextFrame
from reportgen.options import Options

REGION = "t-gooi"
STEM = "regioanalyse-gz-2023-t-gooi"


@pytest.fixture(scope="module")
def built(gooi_regioanalyse):
    """'t Gooi prepared, assembled and rendered once: (folder with the files, Document, audit)."""
    return gooi_regioanalyse


def _audit(audit: pd.DataFrame, indicator: str, region: str, period: str, category: str = "", unit: str | None = None):
    """The value of one audit row (None when hidden)."""
    rows = audit[
        (audit.indicator == indicator)
        & (audit.region == region)
        & (audit.period == period)
        & (audit.category == category)
    ]
    if unit is not None:
        rows = rows[rows.unit == unit]
    assert len(rows) == 1, (indicator, region, period, category, unit)
    return None if rows.suppressed.iloc[0] == "ja" else float(rows.value.iloc[0])


def _chart(doc, chart_id: str) -> ChartFrame:
    return next(f for p in doc.pages for f in p.frames if isinstance(f, ChartFrame) and f.id == chart_id)


def _text(doc, frame_id: str) -> str:
    frame = next(f for p in doc.pages for f in p.frames if f.id == frame_id)
    assert isinstance(frame, TextFrame)
    return " ".join(p.text for p in frame.paragraphs)


def test_files_pages_and_titles(built) -> None:
    """PPTX, PDF and audit are written; both formats have the document's pages and titles."""
    out, doc, _ = built
    assert sorted(p.name for p in out.iterdir()) == [f"{STEM}-audit.csv", f"{STEM}.pdf", f"{STEM}.pptx"]
    assert pptx_slide_count(out / f"{STEM}.pptx") == pdf_page_count(out / f"{STEM}.pdf") == len(doc.pages) == 28
    titles = pptx_titles(out / f"{STEM}.pptx")
    assert titles == [p.title for p in doc.pages]
    assert titles[:4] == [
        "Regioanalyse gehandicaptenzorg 2023",
        "Inhoudsopgave",
        "Wijzigingen ten opzichte van 2022",
        "Waarom een regioanalyse?",
    ]


def test_table_of_contents_gives_the_real_page_numbers(built) -> None:
    """Every page after the contents is listed once, with the number it has in both files."""
    out, doc, _ = built
    tables = [f for f in doc.pages[1].frames if isinstance(f, TableFrame)]
    rows = [row for t in tables for row in t.rows]
    titles = pptx_titles(out / f"{STEM}.pptx")
    assert [int(n) for _, n in rows] == list(range(3, len(titles) + 1))
    for title, number in rows:
        assert titles[int(number) - 1] == title
        assert normalized(title) in normalized(pdf_page_text(out / f"{STEM}.pdf", int(number) - 1))


def test_change_page_refers_to_the_pages_that_show_the_changes(built) -> None:
    """The three method changes, each with the pages where its figures stand."""
    _, doc, _ = built
    table = next(f for f in doc.pages[2].frames if isinstance(f, TableFrame))
    refs = {row[0]: row[2] for row in table.rows}
    by_chart = {f.id: p.number for p in doc.pages for f in p.frames if isinstance(f, ChartFrame)}
    kpi_page = next(p.number for p in doc.pages for f in p.frames if f.id == "kpi_locaties_waarde")
    assert refs == {
        "Voorspelmodel zorgvraag": f"p. {by_chart['prognose']}",
        "Groei zelfstandig wonen": f"pp. {by_chart['scenarios']} en {by_chart['zelfstandig']}",
        "Aantal zorglocaties": f"p. {kpi_page}",
    }


def test_same_text_per_page(built) -> None:
    """PPTX and PDF hold the same text on every page (chart internals aside)."""
    out, doc, _ = built
    for i in range(len(doc.pages)):
        pptx = normalized(pptx_slide_text(out / f"{STEM}.pptx", i))
        assert pptx == normalized(pdf_page_text(out / f"{STEM}.pdf", i)), f"page {i + 1}"


def test_every_chart_and_map_has_its_source_line(built) -> None:
    """Each chart and map has a 'Bron:' line beneath it, in the PDF too; maps name CBS and Kadaster."""
    out, doc, _ = built
    maps = {
        "regios",
        "ses",
        "stedelijkheid",
        "toewijzingen_vg",
        "toewijzingen_lvg",
        "toewijzingen_lg",
        "toewijzingen_zg",
    }
    seen = set()
    for page in doc.pages:
        ids = {f.id: f for f in page.frames}
        for chart in (f for f in page.frames if isinstance(f, ChartFrame)):
            seen.add(chart.id)
            source = ids[f"{chart.id}_bron"].paragraphs[0].text
            assert source.startswith("Bron: ") and "Peildatum: " in source, chart.id
            assert ids[f"{chart.id}_bron"].box.y >= chart.box.bottom
            assert normalized(source) in normalized(pdf_page_text(out / f"{STEM}.pdf", page.number - 1))
            if chart.id in maps:
                assert "CBS, Kadaster (via PDOK)" in source, chart.id
    assert maps <= seen


def test_pdf_is_vector_with_embedded_fonts(built) -> None:
    """No raster image in the PDF (maps and charts are vector) and every font embedded."""
    out, _, _ = built
    fonts = pdf_fonts(out / f"{STEM}.pdf")
    assert fonts and all(f.embedded for f in fonts)
    assert pdf_image_xobjects(out / f"{STEM}.pdf") == []


def test_every_value_shown_is_in_the_audit(built) -> None:
    """Every value a chart or tile shows has its row in the audit."""
    _, doc, audit = built
    keys = set(zip(audit.indicator, audit.region, audit.period, audit.category, strict=True))
    for page in doc.pages:
        for frame in page.frames:
            for ref in getattr(frame, "refs", ()):
                assert (ref.indicator, ref.region, ref.period, ref.category) in keys, (frame.id, ref)


def test_clients_chart_prints_the_calibrated_figures(built) -> None:
    """5,2 5,3 5,5 5,6 (+8,4%) with 2.386 ... 2.668 clients; all regions 6,6 ... 6,9 (+4,4%)."""
    _, doc, audit = built
    years = ("2020", "2021", "2022", "2023")
    expected = []
    for area in (REGION, "alle-regios"):
        rates = [_audit(audit, "gz_klanten_per_1000", area, y) for y in years]
        expected += [format_decimal(r, 1) for r in rates]
        expected.append(format_percent(rates[-1] / rates[0] - 1, 1, signed=True))
        if area == REGION:
            expected += [format_int(round(_audit(audit, "gz_klanten", area, y))) for y in years]
    labels = list(_chart(doc, "klanten").labels)
    assert labels == expected
    assert labels[:9] == ["5,2", "5,3", "5,5", "5,6", "+8,4%", "2.386", "2.438", "2.582", "2.668"]
    assert labels[9:] == ["6,6", "6,8", "6,9", "6,9", "+4,4%"]


def test_cost_chart_prints_the_calibrated_figures(built) -> None:
    """€ 5.763 to € 6.289 per client in 't Gooi (+9,1%); € 7.177 to € 7.799 for all regions (+8,7%)."""
    _, doc, audit = built
    labels = list(_chart(doc, "kosten").labels)
    gooi = [_audit(audit, "gz_kosten_per_klant", REGION, y) for y in ("2020", "2021", "2022", "2023")]
    assert labels[:4] == [format_euro(round(v)) for v in gooi]
    assert (labels[0], labels[3], labels[4]) == ("€ 5.763", "€ 6.289", "+9,1%")
    assert (labels[5], labels[8], labels[9]) == ("€ 7.177", "€ 7.799", "+8,7%")


def test_tiles_print_the_calibrated_figures(built) -> None:
    """Clients 2.668, growth +8,4%, migration 34%, aged 23-65 57%, light profiles 45%, 17 providers."""
    _, doc, audit = built
    assert _text(doc, "kpi_klanten_waarde") == format_int(round(_audit(audit, "gz_klanten", REGION, "2023"))) == "2.668"
    assert _text(doc, "kpi_groei_waarde") == "+8,4%"
    dutch = _audit(audit, "gz_herkomst", REGION, "2023", "nederlands")
    assert _text(doc, "kpi_migratie_waarde") == format_percent((100 - dutch) / 100, 0) == "34%"
    share = _audit(audit, "gz_leeftijd_23_65", REGION, "2023", unit="aandeel")
    assert _text(doc, "kpi_leeftijd_waarde") == format_percent(share, 0) == "57%"
    assert _text(doc, "kpi_leeftijd_oordeel") == "Minder dan gemiddeld"
    light = _audit(audit, "gz_lichte_profielen", REGION, "2023", unit="aandeel")
    assert _text(doc, "kpi_licht_waarde") == format_percent(light, 0) == "45%"
    assert _text(doc, "kpi_licht_oordeel") == "Relatief lichtere zorg"
    providers = _audit(audit, "gz_aanbieders", REGION, "2023")
    assert _text(doc, "kpi_aanbieders_waarde") == format_int(round(providers)) == "17"


def test_region_tiles_print_the_audit(built) -> None:
    """Inhabitants with their share of the Netherlands, and the mean SES and urbanity groups, as computed."""
    _, doc, audit = built
    people = _audit(audit, "gz_inwoners", REGION, "2023")
    share = _audit(audit, "gz_inwoners_aandeel", REGION, "2023")
    assert _text(doc, "kpi_inwoners_waarde") == format_int(round(people))
    assert _text(doc, "kpi_inwoners_toelichting") == f"{format_percent(share / 100, 1)} van Nederland"
    for tile, indicator in (("ses", "gz_ses_groep"), ("stedelijkheid", "gz_stedelijkheid")):
        own, avg = (_audit(audit, indicator, area, "2023") for area in (REGION, "alle-regios"))
        assert _text(doc, f"kpi_{tile}_waarde") == format_decimal(own, 1)
        assert _text(doc, f"kpi_{tile}_toelichting") == f"Alle regio's: {format_decimal(avg, 1)}"


def test_sector_maps_show_locations_only_where_the_count_is_shown(built) -> None:
    """The VG map has its locations as dots with a legend entry; no dot stands in a municipality
    whose sector count is hidden or small, and each dot is a shown point of the audit."""
    from reportgen.prepare import prepare
    from reportgen.values import Values

    _, doc, audit = built
    (job,) = prepare(Options(regions=(REGION,), document="regioanalyse-gz", all_regions=False)).jobs()
    values = Values(job.values)
    vg = _chart(doc, "toewijzingen_vg")
    points = [r for r in vg.refs if r.indicator == "gz_locatiepunten"]
    assert points and "Zorglocatie" in vg.labels
    assert f"Zorglocatie: {format_int(len(points) // 2)} als stip op de kaart." in vg.alt_text
    for sector in ("VG", "LVG", "LG", "ZG"):
        for ref in _chart(doc, f"toewijzingen_{sector.lower()}").refs:
            if ref.indicator == "gz_locatiepunten":
                assert ref.category.startswith(f"{sector}|")
                count = values.shown("gz_toewijzingen", ref.region, "2023", sector, "klanten")
                assert count is not None and count >= 10, ref
                assert _audit(audit, ref.indicator, ref.region, ref.period, ref.category, ref.unit) is not None


def test_financing_chart_is_native_and_prints_the_audit(built) -> None:
    """Spending per inhabitant 18-64 now and in 2040, region and all regions: a clustered column
    chart PowerPoint draws itself, with the computed amounts as labels; the tiles beside it too."""
    _, doc, audit = built
    chart = _chart(doc, "financiering")
    unit = "euro per inwoner 18-64 per jaar"
    expected = [
        format_euro(round(_audit(audit, "gz_uitgaven_per_beroepsbevolking", area, year, unit=unit)))
        for year in ("2023", "2040")
        for area in (REGION, "alle-regios")
    ]
    assert list(chart.labels) == expected
    assert chart.data is not None and chart.data.kind == "clustered"
    assert [label for s in chart.data.series for label in s.labels] == expected[0::2] + expected[1::2]
    later = _audit(audit, "gz_prognose", REGION, "2040", "max")
    assert _text(doc, "kpi_klanten_2040_waarde") == format_int(round(later))
    spending = _audit(audit, "gz_uitgaven", REGION, "2040")
    assert _text(doc, "kpi_uitgaven_2040_waarde") == f"€ {format_int(round(spending / 1e6))} mln"


def test_forecast_and_scenarios_match_the_audit(built) -> None:
    """The forecast's end labels print the forecast of 2040 and its change against the clients of
    2023 (the same change the headline gives: Max 3.820 (+43%), Mid (+15%), Min (-12%)), and
    the scenario columns print the computed shares."""
    _, doc, audit = built
    last = {v: _audit(audit, "gz_prognose", REGION, "2040", v) for v in ("min", "mid", "max")}
    change = {v: _audit(audit, "gz_prognose_verandering", REGION, "2023-2040", v) for v in ("min", "mid", "max")}
    expected = [
        f"{name} {format_int(round(last[v]))} ({format_percent(change[v] / 100, 0, signed=True)})"
        for name, v in (("Max", "max"), ("Mid", "mid"), ("Min", "min"))
    ]
    assert list(_chart(doc, "prognose").labels) == expected
    assert expected[0] == "Max 3.820 (+43%)"
    assert "met 15% (min -12%, max +43%)" in _text(doc, "prognose_kop")
    labels = _chart(doc, "scenarios").labels
    for scenario in ("geen-groei", "halve-groei", "groei"):
        share = _audit(audit, "gz_zelfstandig_scenario", REGION, "2028", scenario)
        assert format_percent(share, 0) in labels


def test_doelen_quote_the_scenario_numbers(built) -> None:
    """The four goals name the range of extra places at home computed for the scenarios."""
    _, doc, audit = built
    home = [
        _audit(audit, "gz_capaciteit_extra", REGION, "2028", f"{s}|thuis")
        for s in ("geen-groei", "halve-groei", "groei")
    ]
    text = _text(doc, "doelen_tekst")
    assert f"{format_int(round(min(home)))} tot {format_int(round(max(home)))} extra plekken" in text
