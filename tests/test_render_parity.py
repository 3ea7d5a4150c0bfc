"""PPTX and PDF from one Document agree: same text per page, same boxes, same safety."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readback import (
    normalized,
    pdf_fonts,
    pdf_links,
    pdf_metadata,
    pdf_outline_titles,
    pdf_page_count,
    pdf_page_text,
    pdf_placements,
    pptx_core,
    pptx_notes,
    pptx_pictures,
    pptx_runs,
    pptx_shape_boxes,
    pptx_slide_count,
    pptx_slide_text,
    pptx_tables,
    sample_chart,
    sample_document,
)

from reportgen.errors import UsageError
from reportgen.jobs import source_date
from reportgen.model import Box, ChartFrame, Document, Page, Paragraph, Rect, Run, TableFrame, TextFrame, TextStyle
from reportgen.render import printable, render_pdf, render_pptx
from reportgen.render.dates import document_datetime, pdf_date, zip_date_time

NASTY = '<a:t>&amp;</a:t> "quotes" \x00\x07 \u202e 😀'
NASTY_SHOWN = '<a:t>&amp;</a:t> "quotes"   😀'


@pytest.fixture(scope="module")
def rendered() -> tuple[Document, bytes, bytes]:
    """The sample document with its PPTX and PDF."""
    doc = sample_document()
    return doc, render_pptx(doc), render_pdf(doc)


def test_every_page_has_the_same_text_in_both(rendered: tuple[Document, bytes, bytes]) -> None:
    """Per page, the slide's text equals the PDF page's text (charts aside), whitespace collapsed."""
    doc, pptx, pdf = rendered
    assert pptx_slide_count(pptx) == pdf_page_count(pdf) == len(doc.pages)
    for i in range(len(doc.pages)):
        assert normalized(pptx_slide_text(pptx, i)) == normalized(pdf_page_text(pdf, i))


def test_every_frame_sits_at_its_box_in_the_pptx(rendered: tuple[Document, bytes, bytes]) -> None:
    """Each frame's shape has the frame's box in whole EMU (12700 per point); a table is as
    tall as its rows (4 rows of 20 pt), as in the PDF."""
    doc, pptx, _ = rendered
    for i, page in enumerate(doc.pages):
        boxes = pptx_shape_boxes(pptx, i)
        expected = {f.id: tuple(round(v * 12700) for v in (f.box.x, f.box.y, f.box.w, f.box.h)) for f in page.frames}
        if i == 2:
            expected["aanbieders"] = (508000, 1143000, 7620000, 80 * 12700)
        assert boxes == expected


def test_painted_boxes_sit_at_their_frames_in_the_pdf(rendered: tuple[Document, bytes, bytes]) -> None:
    """Filled rectangles, filled text frames and charts are painted exactly at the frame boxes."""
    doc, _, pdf = rendered
    for i, page in enumerate(doc.pages):
        painted = {(p.x, p.y, p.w, p.h) for p in pdf_placements(pdf, i)}
        for frame in page.frames:
            if isinstance(frame, Rect | ChartFrame) or (isinstance(frame, TextFrame) and frame.fill):
                assert (frame.box.x, frame.box.y, frame.box.w, frame.box.h) in painted


def test_links_titles_and_metadata_agree(rendered: tuple[Document, bytes, bytes]) -> None:
    """The same link, document title and author are in both files."""
    _, pptx, pdf = rendered
    assert [r.link for r in pptx_runs(pptx, 0) if r.link] == pdf_links(pdf, 0)
    assert (pptx_core(pptx)["title"], pptx_core(pptx)["author"]) == (
        pdf_metadata(pdf)["Title"],
        pdf_metadata(pdf)["Author"],
    )


def nasty_document() -> Document:
    """One page with the hostile text in every place text can go."""
    chart_pdf, chart_png = sample_chart()
    style = TextStyle()
    frames = (
        TextFrame("title", Box(40, 24, 880, 40), (Paragraph((Run(NASTY),)),), style, role="title"),
        TextFrame(
            "tekst",
            Box(40, 100, 400, 100),
            (Paragraph((Run(NASTY, bold=True), Run(" link", link='https://x.org/?q="<&>\x01'))),),
            style,
        ),
        TableFrame("tabel", Box(40, 300, 400, 100), (NASTY, "b"), ((NASTY, "\x0b"),), (200, 200), style),
        ChartFrame("grafiek", Box(500, 100, 300, 200), chart_pdf, chart_png, alt_text=NASTY),
    )
    return replace(sample_document(), title=NASTY, author=NASTY, pages=(Page(1, NASTY, frames, notes=NASTY),))


def test_hostile_text_renders_and_reads_back_in_both() -> None:
    """Markup-like text, quotes and emoji survive; control and bidi-override characters are dropped."""
    doc = nasty_document()
    pptx, pdf = render_pptx(doc), render_pdf(doc)
    shown = normalized(NASTY_SHOWN)
    expected = f"{shown} {shown} link {shown} b {shown}"
    assert normalized(pptx_slide_text(pptx, 0)) == expected
    assert normalized(pdf_page_text(pdf, 0)) == expected
    assert pptx_tables(pptx, 0) == [[[NASTY_SHOWN, "b"], [NASTY_SHOWN, ""]]]
    assert pptx_pictures(pptx, 0) == [("grafiek", NASTY_SHOWN)]
    assert pptx_notes(pptx, 0) == NASTY_SHOWN
    assert pptx_core(pptx)["title"] == pdf_metadata(pdf)["Title"] == NASTY_SHOWN
    assert pdf_outline_titles(pdf) == [NASTY_SHOWN]
    assert pdf_links(pdf, 0) == [r.link for r in pptx_runs(pptx, 0) if r.link] == ['https://x.org/?q="<&>']
    assert all(f.embedded for f in pdf_fonts(pdf))


def test_printable_drops_only_what_it_must() -> None:
    """XML-forbidden and bidi-override characters go; tabs, newlines, emoji and Hebrew stay."""
    assert printable("a\x00b\x07c\x1fd\ud800e\ufffef\uffff") == "abcdef"
    assert printable("x\u202ay\u202ez\u2066w\u2069") == "xyzw"
    assert printable("tab\tnl\ncr\r 😀 שלום é") == "tab\tnl\ncr\r 😀 שלום é"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=40), st.just("lone \ud800 surrogates \udfff")), st.text(max_size=20))
def test_any_text_renders_in_both(text: str, cell: str) -> None:
    """Whatever a string holds, both renderers produce a file that reads back."""
    style = TextStyle()
    page = Page(
        1,
        text,
        (
            TextFrame("t", Box(10, 10, 300, 100), (Paragraph((Run(text, link=text or None),), kind="bullet"),), style),
            TableFrame("tb", Box(10, 200, 300, 50), (cell,), ((text,),), (300,), style),
        ),
        notes=text,
    )
    doc = replace(sample_document(), title=text, pages=(page,))
    assert pptx_slide_count(render_pptx(doc)) == 1
    assert pdf_page_count(render_pdf(doc)) == 1


def test_document_date_is_utc_and_overridable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A naive date is UTC, an offset is converted, SOURCE_DATE_EPOCH wins, garbage is refused."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    doc = sample_document()
    assert document_datetime(doc) == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    assert document_datetime(replace(doc, created="2024-03-01T10:30:00+01:00")) == datetime(
        2024, 3, 1, 9, 30, tzinfo=UTC
    )
    assert pdf_date(document_datetime(doc)) == "D:20240301093000+00'00'"
    assert zip_date_time(datetime(1970, 1, 1, tzinfo=UTC)) == (1980, 1, 1, 0, 0, 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert document_datetime(replace(doc, created=source_date())) == datetime(1970, 1, 1, tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        source_date()


RENDER_AND_HASH = """
import hashlib, sys
sys.path.insert(0, {tests!r})
from readback import sample_document
from reportgen.render import render_pdf, render_pptx
doc = sample_document()
print(hashlib.sha256(render_pptx(doc)).hexdigest(), hashlib.sha256(render_pdf(doc)).hexdigest())
"""


def test_output_does_not_depend_on_the_process(rendered: tuple[Document, bytes, bytes]) -> None:
    """Another interpreter with another hash seed renders byte-identical files."""
    _, pptx, pdf = rendered
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    env.pop("SOURCE_DATE_EPOCH", None)
    script = RENDER_AND_HASH.format(tests=str(Path(__file__).parent))
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == [hashlib.sha256(pptx).hexdigest(), hashlib.sha256(pdf).hexdigest()]
