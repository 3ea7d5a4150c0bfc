"""A clean PowerPoint package: nothing left of python-pptx's built-in template, masters a
company template can replace, footer and slide number as PowerPoint's own, KPI tiles as
groups and decoration marked as such."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn
from readback import sample_document

from reportgen.render import render_pptx

DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


@pytest.fixture(scope="module")
def pptx() -> bytes:
    return render_pptx(sample_document())


@pytest.fixture(scope="module")
def regioplan(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from reportgen import pipeline

    out = tmp_path_factory.mktemp("out")
    pipeline.build(pipeline.Options(regions=("zwolle",), out_dir=out, formats=("pptx",), jobs=1))
    return (out / "2023" / "regioplan-ggz-2023-2024-zwolle.pptx").read_bytes()


def _part(pptx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(pptx)) as package:
        return etree.fromstring(package.read(name))


def test_no_thumbnail_and_no_printer_settings(pptx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(pptx)) as package:
        names = package.namelist()
        rels = package.read("_rels/.rels").decode() + package.read("ppt/_rels/presentation.xml.rels").decode()
    assert not [n for n in names if "thumbnail" in n or "printerSettings" in n]
    assert "thumbnail" not in rels and "printerSettings" not in rels


def test_app_properties_name_the_program_the_slides_and_16_9(pptx: bytes) -> None:
    app = _part(pptx, "docProps/app.xml")
    ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.findtext(f"{ns}Application") == "reportgen"
    assert app.findtext(f"{ns}PresentationFormat") == "Breedbeeld"
    assert app.findtext(f"{ns}Slides") == str(len(sample_document().pages))
    assert "Macintosh" not in etree.tostring(app).decode()


def test_slide_size_is_16_9_without_a_4_3_type(pptx: bytes) -> None:
    size = _part(pptx, "ppt/presentation.xml").find(qn("p:sldSz"))
    assert (size.get("cx"), size.get("cy"), size.get("type")) == ("12192000", "6858000", None)


def test_no_last_printed_date(pptx: bytes) -> None:
    core = _part(pptx, "docProps/core.xml")
    assert core.find(qn("cp:lastPrinted")) is None


def test_titles_take_font_and_colour_from_the_master(pptx: bytes) -> None:
    """The title placeholder's runs set no typeface or colour; the master's title style
    holds the house title colour, so a company template's master can restyle them."""
    deck = Presentation(io.BytesIO(pptx))
    title_frame = next(f for f in sample_document().pages[0].frames if getattr(f, "role", "") == "title")
    for slide in deck.slides:
        title = slide.shapes.title
        assert title is not None
        for props in title._element.iter(qn("a:rPr")):
            assert props.find(qn("a:latin")) is None and props.find(qn("a:solidFill")) is None
    style = deck.slide_masters[0]._element.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    assert style.find(f"{qn('a:defRPr')}/{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val") == title_frame.style.color


def test_footer_and_slide_number_are_powerpoints_own(regioplan: bytes) -> None:
    """The footer text is in the layout's footer placeholder and the page number is a
    slide-number field in the slide-number placeholder, so it renumbers when slides move."""
    deck = Presentation(io.BytesIO(regioplan))
    for number, slide in enumerate(deck.slides, start=1):
        holders = {ph.placeholder_format.type: ph for ph in slide.placeholders}
        assert "Zwolle" in holders[PP_PLACEHOLDER.FOOTER].text_frame.text
        fields = list(holders[PP_PLACEHOLDER.SLIDE_NUMBER]._element.iter(qn("a:fld")))
        assert [(f.get("type"), f.findtext(qn("a:t"))) for f in fields] == [("slidenum", str(number))]


def test_each_kpi_tile_is_one_group(regioplan: bytes) -> None:
    slide = Presentation(io.BytesIO(regioplan)).slides[0]
    groups = {s.name: s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP}
    tiles = [name for name in groups if name.startswith("kpi_")]
    assert len(tiles) == 4
    for name in tiles:
        members = [s.name for s in groups[name].shapes]
        assert f"{name}_tegel" in members and f"{name}_waarde" in members and f"{name}_label" in members


def test_decorative_shapes_are_marked(regioplan: bytes) -> None:
    """Tile backgrounds and panels (the document's rectangles) are marked decorative;
    text and charts are not."""
    marked, unmarked = [], []
    for slide in Presentation(io.BytesIO(regioplan)).slides:
        for c_nv_pr in slide.shapes._spTree.iter(qn("p:cNvPr")):
            (marked if list(c_nv_pr.iter(DECORATIVE)) else unmarked).append(c_nv_pr.get("name"))
    assert marked and all(n.endswith(("_tegel", "_paneel")) for n in marked)
    assert not [n for n in unmarked if n.endswith(("_tegel", "_paneel"))]
