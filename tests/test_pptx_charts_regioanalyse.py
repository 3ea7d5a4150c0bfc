"""Native PowerPoint charts in the Regioanalyse GZ: every chart of the layout but the maps
is a chart shape with the description's data, values from the audit, the PDF's label
texts, no hidden value in its data, and a forecast scale that starts near its values.

't Gooi is built once (it hides small counts on several charts); the maps stay pictures.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pypdf import PdfReader
from readback import libreoffice_pdf, normalized, pptx_chart_printed_texts

from reportgen.charts.numberformat import FORMATTERS, GENERAL
from reportgen.formatting import format_int
from reportgen.model import ChartFrame
from reportgen.render.pptx_chart_frames import frame_geometry, moved_labels, scale_of, x_at

STEM = "regioanalyse-gz-2023-t-gooi"
BAR, COLUMN = XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.COLUMN_CLUSTERED
EXPECTED_TYPES = {
    "herkomst": XL_CHART_TYPE.COLUMN_STACKED_100,
    "klanten": COLUMN,
    "groei_gemeenten": BAR,
    "leeftijd": COLUMN,
    **{f"profielmix_{s}": XL_CHART_TYPE.COLUMN_STACKED_100 for s in ("vg", "lvg", "lg", "zg")},
    "prognose": XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS,
    "nieuwe_klanten": BAR,
    "scenarios": XL_CHART_TYPE.COLUMN_STACKED,
    "zelfstandig": BAR,
    "kosten": COLUMN,
    "personeel": COLUMN,
    "financiering": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "sectorvreemd": XL_CHART_TYPE.COLUMN_STACKED_100,
    "wachtlijst": XL_CHART_TYPE.LINE,
    "streefnorm": BAR,
    "voorkeur": BAR,
}
MAPS = {"regios", "ses", "stedelijkheid", "toewijzingen_vg", "toewijzingen_lvg", "toewijzingen_lg", "toewijzingen_zg"}


@pytest.fixture(scope="module")
def built(gooi_regioanalyse):
    """'t Gooi rendered once: (folder with the files, Document, audit)."""
    return gooi_regioanalyse


def _frames(doc) -> list[tuple[int, ChartFrame]]:
    return [(p.number - 1, f) for p in doc.pages for f in p.frames if isinstance(f, ChartFrame)]


def _native(doc) -> list[tuple[int, ChartFrame]]:
    """The chart frames drawn as native charts (maps are pictures)."""
    return [(i, f) for i, f in _frames(doc) if f.data is not None]


def _shapes(out: Path) -> dict[str, object]:
    deck = Presentation(out / f"{STEM}.pptx")
    return {s.name: s for slide in deck.slides for s in slide.shapes}


def _chart(group):
    return next(s for s in group.shapes if s.has_chart).chart


def _values(chart) -> list[list[float | None]]:
    return [list(s.values) for s in chart.plots[0].series]


def test_every_chart_but_the_maps_is_native(built) -> None:
    """Chart frames are chart shapes of the expected type with the description's
    categories, series and values (None where hidden); maps are pictures with alt text."""
    out, doc, _ = built
    shapes = _shapes(out)
    frames = _frames(doc)
    assert {f.id for _, f in frames} == set(EXPECTED_TYPES) | MAPS
    for _, frame in frames:
        shape = shapes[frame.id]
        if frame.id in MAPS:
            assert shape.shape_type == MSO_SHAPE_TYPE.PICTURE and frame.data is None, frame.id
            assert shape._element.nvPicPr.cNvPr.get("descr") == frame.alt_text.strip(), frame.id
            continue
        assert shape.shape_type == MSO_SHAPE_TYPE.GROUP, frame.id
        assert shape._element.nvGrpSpPr.cNvPr.get("descr"), frame.id
        chart = _chart(shape)
        assert chart.chart_type == EXPECTED_TYPES[frame.id], frame.id
        assert [s.name for s in chart.plots[0].series] == [s.name for s in frame.data.series], frame.id
        if frame.id == "prognose":
            for series, described in zip(chart.plots[0].series, frame.data.series, strict=True):
                points = [(float(c), v) for c, v in zip(frame.data.categories, described.values, strict=True)]
                xs = [float(v.text) for v in series._element.find(qn("c:xVal")).iter(qn("c:v"))]
                assert list(zip(xs, series.values, strict=True)) == points
            continue
        assert _categories(chart) == list(frame.data.categories), frame.id
        assert [tuple(v) for v in _values(chart)] == [s.values for s in frame.data.series], frame.id


def _categories(chart) -> list[str]:
    """The category texts as cached in the chart ("" for the empty one between growth panels)."""
    cache = chart.plots[0].series[0]._element.find(qn("c:cat")).find(qn("c:strRef")).find(qn("c:strCache"))
    return [pt.find(qn("c:v")).text or "" for pt in cache.findall(qn("c:pt"))]


def _audit_values(audit: pd.DataFrame, frame: ChartFrame) -> tuple[list[float], int]:
    """The shown audit values of the chart's refs, and how many of its refs are hidden."""
    shown, hidden = [], 0
    for ref in frame.refs:
        rows = audit[
            (audit.indicator == ref.indicator)
            & (audit.region == ref.region)
            & (audit.period == ref.period)
            & (audit.category == ref.category)
            & ((audit.unit == ref.unit) if ref.unit else True)
        ]
        assert len(rows) >= 1, ref
        for _, row in rows.iterrows():
            if row.suppressed == "ja":
                hidden += 1
            else:
                shown.append(float(row.value))
    return shown, hidden


def test_chart_values_are_audited_values(built) -> None:
    """Every number in a chart's data is a shown audit value of that chart (to the audit's
    six decimals; a percentage as a fraction), or for the scenarios' existing places the sum of the audited parts."""
    out, doc, audit = built
    shapes = _shapes(out)
    checked = 0
    for _, frame in _native(doc):
        audited, _ = _audit_values(audit, frame)
        parts = [a for r, a in zip(frame.refs, audited, strict=False) if r.indicator == "gz_capaciteit_bestaand"]
        for values in _values(_chart(shapes[frame.id])):
            for v in values:
                if v is None:
                    continue
                ok = any(math.isclose(v, a, abs_tol=1e-6) or math.isclose(v, a / 100, abs_tol=1e-8) for a in audited)
                if frame.id == "scenarios" and not ok:
                    ok = math.isclose(v, sum(parts[:4]), abs_tol=1e-5)
                assert ok, (frame.id, v)
                checked += 1
    assert checked > 150


def test_labels_print_what_the_pdf_prints(built) -> None:
    """Every label of the PDF chart is printed in the native chart as often (values, growth,
    counts, totals, bubbles, reference names, forecast ends); number formats are Dutch codes."""
    out, doc, _ = built
    shapes = _shapes(out)
    for _, frame in _native(doc):
        chart = _chart(shapes[frame.id])
        missing = Counter(t for t in frame.labels if t) - Counter(pptx_chart_printed_texts(chart, shapes[frame.id]))
        assert not missing, (frame.id, missing)
        code = frame.data.number_format
        assert code == GENERAL or code in FORMATTERS, frame.id


def test_hidden_values_are_absent_from_chart_and_workbook(built) -> None:
    """The cached values and the workbook's number cells are the shown values only (for the
    forecast also its years, a hidden value's year with a blank value)."""
    out, doc, _ = built
    shapes = _shapes(out)
    for _, frame in _native(doc):
        chart = _chart(shapes[frame.id])
        shown = [v for s in frame.data.series for v in s.values if v is not None]
        tag = "c:yVal" if frame.id == "prognose" else "c:val"
        cached = [float(v.text) for el in chart._chartSpace.iter(qn(tag)) for v in el.iter(qn("c:v"))]
        assert sorted(cached) == pytest.approx(sorted(shown)), frame.id
        with zipfile.ZipFile(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob)) as xlsx:
            sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
        numeric = re.findall(r'<c r="[A-Z]+\d+"(?: s="\d+")?(?: t="n")?><v>', sheet)
        years = len(frame.data.categories) * len(frame.data.series) if frame.id == "prognose" else 0
        assert len(numeric) == len(shown) + years, frame.id


def test_forecast_scale_starts_below_its_lowest_value(built) -> None:
    """The forecast's scale starts at a round value under the minimum line, not at 0, in the
    description, the PowerPoint axis and the PDF's scale labels."""
    out, doc, _ = built
    index, frame = next((i, f) for i, f in _frames(doc) if f.id == "prognose")
    low = min(v for s in frame.data.series for v in s.values if v is not None)
    start = frame.data.axis_min
    assert 0 < start < low and start % frame.data.axis_step == 0
    assert low - start <= frame.data.axis_step
    axis = _chart(_shapes(out)[frame.id]).value_axis
    assert axis.minimum_scale == start and axis.maximum_scale == frame.data.axis_max
    page = normalized(PdfReader(out / f"{STEM}.pdf").pages[index].extract_text())
    assert format_int(start) in page


def test_reference_bar_labels_touch_no_line(built) -> None:
    """In the native reference bars no value label's span (at the bar end or moved) holds a
    reference line."""
    from reportgen.fonts import text_width
    from reportgen.render.pptx_chart_layout import EDGE, LABEL_SIZE

    _, doc, _ = built
    for _, frame in _frames(doc):
        if frame.data is None or frame.data.kind != "reference_bar":
            continue
        data = frame.data
        g = frame_geometry(data, frame.box.w, frame.box.h)
        s = scale_of(data, g)
        lines = [x_at(g, s, e.values[0]) for e in data.extras if e.kind == "reference" and e.values]
        moved = moved_labels(data, g)
        for i, (v, text) in enumerate(zip(data.series[0].values, data.series[0].labels, strict=True)):
            if v is None:
                continue
            w = text_width(text, LABEL_SIZE) + 2 * EDGE
            x = x_at(g, s, v)
            start = moved.get(i, x + 1 if v >= 0 else x - 1 - w)
            assert not any(start < line < start + w for line in lines), (frame.id, text)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_every_chart_label(built, tmp_path: Path) -> None:
    """LibreOffice converts the PPTX to PDF; every label of every native chart appears on its page."""
    out, doc, _ = built
    reader = libreoffice_pdf(out / f"{STEM}.pptx", tmp_path, 400)
    for index, frame in _native(doc):
        page = normalized(reader.pages[index].extract_text()).replace(" ", "")
        for label in frame.labels:
            assert label.replace(" ", "") in page, (frame.id, label)
