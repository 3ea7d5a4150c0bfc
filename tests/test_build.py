"""End to end: build a region from the example data in both formats and read the files back."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from build_helpers import example_document
from readback import (
    normalized,
    pdf_fonts,
    pdf_image_xobjects,
    pdf_page_count,
    pdf_page_text,
    pptx_chart_groups,
    pptx_pictures,
    pptx_slide_count,
    pptx_slide_text,
    pptx_titles,
)

from reportgen import pipeline
from reportgen.formatting import format_decimal, format_int, format_percent
from reportgen.kinds.regioplan_ggz.waiting_chart import waiting_series
from reportgen.model import ChartFrame, TableFrame, TextFrame
from reportgen.textfit import text_height, wrap_text
from reportgen.values import Values

REGION = "zwolle"
STEM = "regioplan-ggz-2023-2024-zwolle"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build Zwolle once for the whole module."""
    out = tmp_path_factory.mktemp("out")
    pipeline.build(pipeline.Options(regions=(REGION,), out_dir=out))
    return out / "2023"


@pytest.fixture(scope="module")
def document(built: Path):
    """The assembled Document for Zwolle, and the audit table written beside the built files."""
    doc = example_document(REGION, example_data=True)
    audit = pd.read_csv(built / f"{STEM}-audit.csv", dtype=str, keep_default_na=False)
    return doc, audit


def _audit(
    audit: pd.DataFrame, indicator: str, region: str, period: str, category: str, unit: str
) -> tuple[float, bool]:
    """(value, hidden) of one row of the audit CSV; a hidden value has no number there."""
    row = audit[
        (audit.indicator == indicator)
        & (audit.region == region)
        & (audit.period == period)
        & (audit.category == category)
        & (audit.unit == unit)
    ]
    assert len(row) == 1, (indicator, region, period, category, unit)
    hidden = row.suppressed.iloc[0] == "ja"
    assert hidden == (row.value.iloc[0] == "")
    return (float("nan") if hidden else float(row.value.iloc[0])), hidden


def test_files_written(built: Path) -> None:
    """PPTX, PDF and the audit CSV are written under output/<edition>/."""
    assert sorted(p.name for p in built.iterdir()) == [f"{STEM}-audit.csv", f"{STEM}.pdf", f"{STEM}.pptx"]


def test_same_pages_and_titles(built: Path, document) -> None:
    """Both formats have the document's pages, with the same titles."""
    doc, _ = document
    pptx, pdf = built / f"{STEM}.pptx", built / f"{STEM}.pdf"
    assert pptx_slide_count(pptx) == pdf_page_count(pdf) == len(doc.pages)
    assert pptx_titles(pptx) == [p.title for p in doc.pages]
    assert [p.title for p in doc.pages][:2] == ["Kenmerken van de regio Zwolle", "Huidige vraagontwikkeling in Zwolle"]


def test_same_text_per_page(built: Path, document) -> None:
    """PPTX and PDF hold the same text on every page (chart internals aside)."""
    doc, _ = document
    for i in range(len(doc.pages)):
        assert normalized(pptx_slide_text(built / f"{STEM}.pptx", i)) == normalized(
            pdf_page_text(built / f"{STEM}.pdf", i)
        ), f"page {i + 1}"


def test_kpi_values_match_audit(document) -> None:
    """Every KPI value printed equals the computed value, formatted the Dutch way."""
    doc, values = document
    frames = {f.id: f for p in doc.pages for f in p.frames if isinstance(f, TextFrame)}
    inw, _ = _audit(values, "inwoners", REGION, "2023", "", "inwoners")
    klanten, _ = _audit(values, "ggz_klanten", REGION, "2023", "", "klanten")
    rate, _ = _audit(values, "ggz_klanten_per_10k", REGION, "2023", "", "per 10.000 inwoners")
    loc, _ = _audit(values, "locaties_per_1000", REGION, "2023", "", "per 1.000 GGZ-klanten")
    assert frames["kpi_inwoners_waarde"].paragraphs[0].text == format_int(round(inw))
    assert frames["kpi_klanten_waarde"].paragraphs[0].text == format_int(round(klanten))
    assert frames["kpi_per_10k_waarde"].paragraphs[0].text == format_decimal(rate, 1)
    assert frames["kpi_locaties_waarde"].paragraphs[0].text == format_decimal(loc, 0)
    w, _ = _audit(values, "ggz_klanten", REGION, "2023", "GGZ-W", "klanten")
    b, _ = _audit(values, "ggz_klanten", REGION, "2023", "GGZ-B", "klanten")
    assert frames["kpi_klanten_toelichting"].paragraphs[0].text == (
        f"Waarvan GGZ-W: {format_int(round(w))}  ·  waarvan GGZ-B: {format_int(round(b))}"
    )
    avg, _ = _audit(values, "ggz_klanten_per_10k", "alle-regios", "2023", "", "per 10.000 inwoners")
    assert (
        frames["kpi_per_10k_toelichting"].paragraphs[0].text == f"Gemiddeld voor alle regio's: {format_decimal(avg, 1)}"
    )
    count, _ = _audit(values, "ggz_locaties", REGION, "2023", "", "locaties")
    avg_loc, _ = _audit(values, "locaties_per_1000", "alle-regios", "2023", "", "per 1.000 GGZ-klanten")
    assert frames["kpi_locaties_toelichting"].paragraphs[0].text == (
        f"{format_int(round(count))} locaties in de regio; alle regio's: {format_decimal(avg_loc, 0)} per 1.000"
    )


def _stacked_labels(values, indicator: str, columns: list[tuple[str, str]], categories: tuple[str, ...]) -> list[str]:
    """Expected labels of a 100%-stacked chart: per column its shown shares bottom to top, then n."""
    labels: list[str] = []
    for region, period in columns:
        for cat in categories:
            share, hidden = _audit(values, indicator, region, period, cat, "aandeel")
            if hidden:
                labels.append("*")
            elif round(share * 100) > 0:
                labels.append(format_percent(share))
        total, hidden = _audit(values, indicator, region, period, "totaal", "klanten")  # the printed "n ="
        labels.append("n = *" if hidden else f"n = {format_int(round(total))}")
    return labels


def _chart(doc, chart_id: str) -> ChartFrame:
    return next(f for p in doc.pages for f in p.frames if isinstance(f, ChartFrame) and f.id == chart_id)


def test_stacked_chart_labels_match_audit(document) -> None:
    """Every share and total printed in the stacked charts equals the computed value."""
    doc, values = document
    forms = ("intramuraal", "VPT", "MPT", "PGB")
    care_columns = [(REGION, f"{y}-01") for y in (2021, 2022, 2023)]
    assert list(_chart(doc, "leveringsvorm").labels) == _stacked_labels(values, "leveringsvorm", care_columns, forms)
    both = [(REGION, "2023"), ("alle-regios", "2023")]
    profiles = tuple(f"GGZ-W{i}" for i in range(1, 6))
    assert list(_chart(doc, "ggz_w_verdeling").labels) == _stacked_labels(values, "ggz_w_verdeling", both, profiles)
    assert list(_chart(doc, "sectorvreemd").labels) == _stacked_labels(
        values, "sectorvreemd", both, ("GGZ", "GZ", "VV")
    )


def test_waiting_list_labels_match_audit(document, example_values: pd.DataFrame) -> None:
    """The waiting-list chart labels each line with its February value: the statuses shown on
    their own, 'Overig wachtend' (the merged statuses' sum) and the total; a hidden end has no label."""
    doc, values = document
    months, lines, merged = waiting_series(Values(example_values), REGION, 10)
    expected = []
    for status in ("urgent", "actief", "wacht op voorkeur"):
        if status in merged:  # printed only inside 'Overig wachtend': listed hidden in the audit
            assert _audit(values, "wachtlijst", REGION, "2023-02", status, "wachtenden")[1], status
            continue
        value, hidden = _audit(values, "wachtlijst", REGION, "2023-02", status, "wachtenden")
        if not hidden:
            expected.append(format_int(round(value)))
    if merged and len(merged) < 3:
        # the merged line's last value, as the chart computed it from the (internal) values,
        # is the audit's row for the merged statuses
        merged_last = next(s for s in lines if s.name.startswith("Overig wachtend")).values[-1]
        parts = Values(example_values)
        total = sum(parts.get("wachtlijst", REGION, "2023-02", s, "wachtenden").value for s in merged)
        assert merged_last == total
        assert _audit(values, "wachtlijst", REGION, "2023-02", "+".join(merged), "wachtenden") == (total, False)
        expected.append(format_int(round(total)))
    value, hidden = _audit(values, "wachtlijst", REGION, "2023-02", "totaal", "wachtenden")
    expected += [] if hidden else [format_int(round(value))]
    assert merged == ["urgent", "wacht op voorkeur"]
    assert list(_chart(doc, "wachtlijst").labels) == expected


def test_every_chart_has_source_line(built: Path, document) -> None:
    """Each chart has its 'Bron:' line beneath it, also in the PDF text of its page."""
    doc, _ = document
    for page in doc.pages:
        ids = {f.id: f for f in page.frames}
        for chart in (f for f in page.frames if isinstance(f, ChartFrame)):
            source = ids[f"{chart.id}_bron"]
            assert source.paragraphs[0].text.startswith("Bron: ")
            assert source.box.y >= chart.box.bottom
            assert normalized(source.paragraphs[0].text) in normalized(
                pdf_page_text(built / f"{STEM}.pdf", page.number - 1)
            )


def test_no_text_outside_its_frame(document) -> None:
    """Every text frame's wrapped text fits its box, and every box lies on the page."""
    doc, _ = document
    for page in doc.pages:
        for f in page.frames:
            assert 0 <= f.box.x and f.box.right <= 960 and 0 <= f.box.y and f.box.bottom <= 540, f.id
            if isinstance(f, TextFrame):
                height = text_height(wrap_text(f.paragraphs, f.style, f.box.w), f.style)
                assert height <= f.box.h + 0.01, (page.number, f.id, height, f.box.h)
            if isinstance(f, TableFrame):
                from reportgen.tablefit import row_heights

                assert sum(row_heights(f)) <= f.box.h + 0.01, f.id


def test_pdf_fonts_embedded_and_no_raster(built: Path) -> None:
    """All PDF fonts are embedded and no raster image is used."""
    fonts = pdf_fonts(built / f"{STEM}.pdf")
    assert fonts and all(f.embedded for f in fonts)
    assert pdf_image_xobjects(built / f"{STEM}.pdf") == []


def test_pptx_charts_have_alt_text(built: Path, document) -> None:
    """Every chart in the PPTX is a native chart in a group named after its frame, and
    both carry its alt text; no chart is a picture."""
    doc, _ = document
    for page in doc.pages:
        charts = [f for f in page.frames if isinstance(f, ChartFrame)]
        groups = pptx_chart_groups(built / f"{STEM}.pptx", page.number - 1)
        assert [g.name for g in groups] == [c.id for c in charts]
        for group, chart in zip(groups, charts, strict=True):
            graphic = next(s for s in group.shapes if s.has_chart)
            assert group._element.nvGrpSpPr.cNvPr.get("descr") == chart.alt_text
            assert graphic._element.nvGraphicFramePr.cNvPr.get("descr") == chart.alt_text
        assert pptx_pictures(built / f"{STEM}.pptx", page.number - 1) == []


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    """Building again from the same inputs gives the same bytes."""
    pipeline.build(pipeline.Options(regions=(REGION,), out_dir=tmp_path))
    for name in (f"{STEM}.pptx", f"{STEM}.pdf", f"{STEM}-audit.csv"):
        assert (tmp_path / "2023" / name).read_bytes() == (built / name).read_bytes(), name


def test_failed_build_leaves_previous_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that fails midway leaves the earlier files untouched and no temporary files."""
    pipeline.build(pipeline.Options(regions=(REGION,), out_dir=tmp_path, formats=("pdf",)))
    target = tmp_path / "2023"
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    stamp = {p.name: os.stat(p).st_mtime_ns for p in target.iterdir()}

    def broken(doc):
        raise RuntimeError("renderer failed")

    import reportgen.render.pdf as pdf_module

    monkeypatch.setattr(pdf_module, "render_pdf", broken)
    result = pipeline.build(pipeline.Options(regions=(REGION,), out_dir=tmp_path))
    assert result.failed == {REGION: "RuntimeError: renderer failed"}
    assert result.written == {}
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert {p.name: os.stat(p).st_mtime_ns for p in target.iterdir()} == stamp
