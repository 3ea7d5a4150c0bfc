"""Native PowerPoint charts in the Regioplan deck: type, data, labels, hidden values.

The deck of one region is built once; every chart frame of the layout must come out
as a chart shape (not a picture) with the description's categories and series, values
equal to the audit, labels that print what the PDF prints, and a workbook holding only
the values the chart shows.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from build_helpers import example_document
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from readback import libreoffice_pdf, normalized, pptx_chart_groups, pptx_chart_printed_texts

from reportgen import pipeline
from reportgen.formatting import format_percent
from reportgen.indicators.tidy import SHARE, WAITING
from reportgen.model import ChartFrame
from reportgen.render import render_pptx

REGION = "flevoland"
STEM = "regioplan-ggz-2023-2024-flevoland"
EXPECTED_TYPES = {
    "leveringsvorm": XL_CHART_TYPE.COLUMN_STACKED_100,
    "ggz_w_verdeling": XL_CHART_TYPE.COLUMN_STACKED_100,
    "sectorvreemd": XL_CHART_TYPE.COLUMN_STACKED_100,
    "wachtlijst": XL_CHART_TYPE.LINE,
    "sectorvreemd_profielen": XL_CHART_TYPE.BAR_CLUSTERED,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    pipeline.build(pipeline.Options(regions=(REGION,), out_dir=out, jobs=1))
    return out / "2023"


@pytest.fixture(scope="module")
def doc():
    return example_document(REGION, example_data=True)


def _charts(doc) -> list[tuple[int, ChartFrame]]:
    return [(p.number - 1, f) for p in doc.pages for f in p.frames if isinstance(f, ChartFrame)]


def _group(pptx: Path, index: int, frame_id: str):
    return next(g for g in pptx_chart_groups(pptx, index) if g.name == frame_id)


def _chart(group):
    return next(s for s in group.shapes if s.has_chart).chart


def test_every_chart_of_the_layout_is_a_native_chart(built: Path, doc) -> None:
    """Each chart frame is a chart of the expected type with the description's
    categories, series names and values (None where hidden)."""
    charts = _charts(doc)
    assert {f.id for _, f in charts} == set(EXPECTED_TYPES)
    for index, frame in charts:
        chart = _chart(_group(built / f"{STEM}.pptx", index, frame.id))
        assert chart.chart_type == EXPECTED_TYPES[frame.id], frame.id
        plot = chart.plots[0]
        assert list(plot.categories) == list(frame.data.categories), frame.id
        assert [s.name for s in plot.series] == [s.name for s in frame.data.series], frame.id
        assert [tuple(s.values) for s in plot.series] == [s.values for s in frame.data.series], frame.id


def _audit_value(audit: pd.DataFrame, indicator: str, period: str, category: str, unit: str) -> float | None:
    row = audit[
        (audit.indicator == indicator)
        & (audit.region == REGION)
        & (audit.period == period)
        & (audit.category == category)
        & (audit.unit == unit)
    ]
    assert len(row) == 1, (indicator, period, category, unit)
    return None if row.suppressed.iloc[0] == "ja" else float(row.value.iloc[0])


def test_chart_values_equal_the_audit(built: Path, doc) -> None:
    """Stacked shares and waiting counts in the PPTX charts are the audited values (hidden
    ones absent), traced through the chart's refs of the region itself."""
    audit = pd.read_csv(built / f"{STEM}-audit.csv", dtype=str, keep_default_na=False)
    pptx = built / f"{STEM}.pptx"
    checked = 0
    for index, frame in _charts(doc):
        if frame.id not in ("leveringsvorm", "wachtlijst"):
            continue
        plot = _chart(_group(pptx, index, frame.id)).plots[0]
        values = [list(s.values) for s in plot.series]
        n_series = len(values)
        unit = SHARE if frame.id == "leveringsvorm" else WAITING
        for k, ref in enumerate(frame.refs):
            if frame.id == "leveringsvorm":  # refs per column, then per part
                series, point = k % n_series, k // n_series
            else:  # refs per status, then per month
                series, point = divmod(k, len(frame.data.categories))
            expected = _audit_value(audit, ref.indicator, ref.period, ref.category, unit)
            actual = values[series][point]
            if expected is None:
                assert actual is None, ref
            else:
                assert actual == pytest.approx(expected, abs=1e-6), ref
            checked += 1
    assert checked > 20


def test_labels_print_what_the_pdf_prints(built: Path, doc) -> None:
    """Every label of every chart, as PowerPoint prints it from the data and the number
    format, equals a label of the PDF chart: the same texts, as often."""
    for index, frame in _charts(doc):
        group = _group(built / f"{STEM}.pptx", index, frame.id)
        assert Counter(pptx_chart_printed_texts(_chart(group), group)) == Counter(frame.labels), frame.id


def test_hidden_values_are_not_in_the_chart_data(built: Path, doc) -> None:
    """The chart's cached values are the shown values and nothing else: a hidden value
    is no point, not a zero."""
    for index, frame in _charts(doc):
        chart = _chart(_group(built / f"{STEM}.pptx", index, frame.id))
        shown = sorted(v for s in frame.data.series for v in s.values if v is not None)
        cached = [float(pt.text) for pt in chart._chartSpace.iter(qn("c:v")) if _is_number(pt.text)]
        assert sorted(cached) == pytest.approx(shown), frame.id


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_workbooks_hold_no_number_for_a_hidden_value(built: Path, doc) -> None:
    """The count of numeric cells in each workbook equals the count of shown values."""
    hidden_somewhere = False
    for index, frame in _charts(doc):
        chart = _chart(_group(built / f"{STEM}.pptx", index, frame.id))
        with zipfile.ZipFile(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob)) as xlsx:
            sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
        numeric = re.findall(r'<c r="[B-Z]+\d+"(?: s="\d+")?><v>', sheet)
        shown = [v for s in frame.data.series for v in s.values if v is not None]
        hidden_somewhere = hidden_somewhere or any(v is None for s in frame.data.series for v in s.values)
        assert len(numeric) == len(shown), frame.id
    assert hidden_somewhere, "the example region should hide at least one value"


def test_native_deck_is_smaller_than_with_pictures(doc) -> None:
    """The deck with native charts is smaller than the same deck with chart pictures."""
    pictures = replace(
        doc,
        pages=tuple(
            replace(p, frames=tuple(replace(f, data=None) if isinstance(f, ChartFrame) else f for f in p.frames))
            for p in doc.pages
        ),
    )
    native, with_pictures = len(render_pptx(doc)), len(render_pptx(pictures))
    assert native < with_pictures * 0.6, (native, with_pictures)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_every_chart_label(built: Path, doc, tmp_path: Path) -> None:
    """LibreOffice converts the PPTX to PDF; every label of every chart appears on its page."""
    reader = libreoffice_pdf(built / f"{STEM}.pptx", tmp_path, 240)
    for index, frame in _charts(doc):
        page = normalized(reader.pages[index].extract_text()).replace(" ", "")
        for label in frame.labels:
            assert label.replace(" ", "") in page, (frame.id, label)
        if frame.id == "wachtlijst":  # the first month's label keeps its year whole ("jan 2022")
            assert frame.data.categories[0].replace(" ", "") in page, frame.data.categories[0]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_labels_are_dutch_in_an_english_office(tmp_path: Path) -> None:
    """Thousands with a dot and whole percentages print as in the PDF even when the
    converting office runs in English: the number formats carry no locale separator."""
    from readback import sample_document

    from reportgen import charts
    from reportgen.model import Box, Page

    lines = charts.monthly_lines(
        ["2023-01", "2023-02"], [charts.Series("Totaal", (1250.0, 2438.0))], width_pt=300, height_pt=200
    )
    bars = charts.ranked_hbars(
        ["Noord", "Zuid"], [0.25, 0.75], width_pt=300, height_pt=200, value_format=format_percent
    )
    frames = tuple(
        ChartFrame(name, Box(x, 100, 300, 200), c.pdf, c.png, c.alt_text, c.labels, data=c.data)
        for name, x, c in (("lijnen", 40, lines), ("staven", 500, bars))
    )
    base = sample_document()
    doc = replace(base, pages=(Page(1, "Getallen", frames),))
    (tmp_path / "getallen.pptx").write_bytes(render_pptx(doc))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}
    text = libreoffice_pdf(tmp_path / "getallen.pptx", tmp_path, 240, env=env).pages[0].extract_text()
    assert "2.438" in text and "2,438" not in text
    assert "75%" in text and "25%" in text
    assert lines.labels == ("2.438",)


def test_line_dots_stand_where_the_pdf_draws_them(built: Path, doc) -> None:
    """A waiting line has its end dot only when it runs into a shown last month, and a small
    dot on a shown month between hidden ones; Flevoland's Actief ends hidden, so no dot."""
    from reportgen.charts.lines import ends_in_line, lone_points

    index, frame = next((i, f) for i, f in _charts(doc) if f.id == "wachtlijst")
    chart = _chart(_group(built / f"{STEM}.pptx", index, frame.id))
    ended_hidden = 0
    for series, described in zip(chart.plots[0].series, frame.data.series, strict=True):
        dotted = sorted(
            int(d.find(qn("c:idx")).get("val"))
            for d in series._element.findall(qn("c:dPt"))
            if d.find(qn("c:marker")) is not None and d.find(qn("c:marker")).find(qn("c:symbol")).get("val") == "circle"
        )
        values = described.values
        expected = sorted(lone_points(values) + ([len(values) - 1] if ends_in_line(values) else []))
        assert dotted == expected, described.name
        ended_hidden += values[-1] is None
    assert ended_hidden >= 1
