"""The PDF renderer: pages, text, fonts, outline, metadata, geometry and determinism."""

from __future__ import annotations

from dataclasses import replace

import pytest
from readback import (
    Placement,
    normalized,
    pdf_fonts,
    pdf_image_xobjects,
    pdf_links,
    pdf_metadata,
    pdf_outline_titles,
    pdf_page_count,
    pdf_page_size,
    pdf_page_text,
    pdf_placements,
    pdf_text_origins,
    sample_document,
)

from reportgen.jobs import source_date
from reportgen.model import Box, Page, Paragraph, Run, TableFrame, TextFrame, TextStyle
from reportgen.render import render_pdf
from reportgen.render.pdf_fonts import first_baseline, font_segments
from reportgen.tablefit import row_heights


@pytest.fixture(scope="module")
def pdf() -> bytes:
    """The sample deck rendered once for the whole module."""
    return render_pdf(sample_document())


def one_page(*frames: object, title: str = "Pagina") -> object:
    """The sample document cut down to one page holding `frames`."""
    return replace(sample_document(), pages=(Page(1, title, tuple(frames)),))


def test_pages_are_slide_sized(pdf: bytes) -> None:
    """Every page is 960 x 540 pt, one per document page."""
    assert pdf_page_count(pdf) == 3
    assert [pdf_page_size(pdf, i) for i in range(3)] == [(960.0, 540.0)] * 3


def test_page_text_is_the_documents_text(pdf: bytes) -> None:
    """Each page shows exactly the text of its frames, list markers included."""
    assert normalized(pdf_page_text(pdf, 0)) == (
        "Regioplan GGZ 2024 Zwolle Terugblik In de regio Zwolle wonen meer cliënten met een "
        "GGZ-profiel dan vorig jaar. Zie de website voor de cijfers. • Wonen met begeleiding "
        "• Behandeling in de wijk, ook voor cliënten met een lange wachttijd 1. Eerst de "
        "wachtlijst 2. Dan de doorstroom 16 Bron: Vektis, bewerking zorgkantoor"
    )
    assert normalized(pdf_page_text(pdf, 1)) == "Cliënten per 10.000"
    assert normalized(pdf_page_text(pdf, 2)) == (
        "Aanbieders Aanbieder Cliënten Aandeel Dimence Groep 412 38% Stichting Philadelphia "
        "Zorg, locatie Zwolle-Zuid en omgeving 95 9% Overig 580 53%"
    )


def test_chart_is_vector_text_inside_a_form(pdf: bytes) -> None:
    """The chart's own labels are searchable text inside the placed form."""
    text = normalized(pdf_page_text(pdf, 1, include_charts=True))
    assert "Cliënten per 10.000" in text.replace("Cliënten per 10.000", "", 1)
    assert all(label in text.split() for label in ("12", "16", "Zwolle", "Drenthe"))


def test_outline_lists_page_titles(pdf: bytes) -> None:
    """The bookmarks are the page titles, in page order."""
    assert pdf_outline_titles(pdf) == ["Regioplan GGZ Zwolle", "Cliënten per 10.000 inwoners", "Aanbieders"]


def test_every_font_is_embedded_and_there_are_no_images(pdf: bytes) -> None:
    """Fonts on every page, charts included, carry their glyphs; nothing is a bitmap."""
    fonts = pdf_fonts(pdf)
    assert fonts and all(f.embedded and "+" in f.name for f in fonts)  # embedded subsets
    assert {f.name.split("+")[-1] for f in fonts} == {"Carlito", "Carlito-Bold", "Carlito-Italic", "DejaVuSans"}
    assert pdf_image_xobjects(pdf) == []


def test_metadata_comes_from_the_document(pdf: bytes) -> None:
    """Title, author, region, keywords and the document's date are in the info dictionary."""
    meta = pdf_metadata(pdf)
    assert (meta["Title"], meta["Author"], meta["Subject"], meta["Keywords"]) == (
        "Regioplan GGZ 2024 Zwolle",
        "Zorgkantoor",
        "Zwolle",
        "Wlz, GGZ, Zwolle",
    )
    assert meta["CreationDate"] == meta["ModDate"] == "D:20240301093000+00'00'"


def test_source_date_epoch_overrides_the_document_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """With SOURCE_DATE_EPOCH=1700000000 the dates are 2023-11-14 22:13:20 UTC."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    meta = pdf_metadata(render_pdf(replace(sample_document(), created=source_date())))
    assert meta["CreationDate"] == meta["ModDate"] == "D:20231114221320+00'00'"


def test_same_document_gives_same_bytes(pdf: bytes) -> None:
    """Rendering again gives byte-identical output."""
    assert render_pdf(sample_document()) == pdf


def test_links_are_annotations(pdf: bytes) -> None:
    """A run with a link becomes a clickable URI annotation."""
    assert pdf_links(pdf, 0) == ["https://example.org/zwolle?a=1&b=2"]
    assert pdf_links(pdf, 1) == []


def test_first_baseline_follows_powerpoint() -> None:
    """The first baseline sits 0.78 x leading down, or leading - 0.264 x size when tighter."""
    assert first_baseline(11, 13.2) == pytest.approx(10.296)
    assert first_baseline(24, 28.8) == pytest.approx(22.464)
    assert first_baseline(10, 10) == pytest.approx(7.36)


def test_text_sits_where_the_rules_put_it(pdf: bytes) -> None:
    """Bottom-aligned title, top-aligned body and table cells start at hand-worked baselines."""
    origins = pdf_text_origins(pdf, 0)
    assert origins[0] == ("Regioplan GGZ 2024 Zwolle", 40.0, 57.664)  # 24 + 40 - 28.8 + 0.78 * 28.8
    assert origins[1] == ("Terugblik", 40.0, 100.296)  # 90 + 0.78 * 13.2
    assert origins[2] == ("In de regio Zwolle wonen ", 40.0, 117.496)  # + 13.2 + 4 space after
    table = pdf_text_origins(pdf, 2)
    assert table[1] == ("Aanbieder", 44.0, 103.36)  # 90 + 4 padding + 0.78 * 12
    assert table[4] == ("Dimence Groep", 44.0, 123.36)  # one 20 pt row lower


def test_centred_text_is_centred_in_its_box() -> None:
    """A centred, middle-aligned line is placed half the spare room in, both ways."""
    style = TextStyle(size=10, leading=12, align="center", valign="middle")
    frame = TextFrame("t", Box(100, 100, 200, 52), (Paragraph((Run("iiii"),)),), style)
    # "iiii" in Carlito 10 pt: 4 x 470/2048 x 10 = 9.1796875 pt wide; the line is 12 of 52 pt
    origin = pdf_text_origins(render_pdf(one_page(frame)), 0)[0]
    assert origin == ("iiii", 195.41, 129.36)


def test_filled_shapes_sit_at_their_boxes(pdf: bytes) -> None:
    """Background, band, KPI tile, chart form, framed rectangle and table header are painted
    at the model's boxes."""
    assert pdf_placements(pdf, 0) == [
        Placement("fill", 0, 0, 960, 540, "FFFFFF"),
        Placement("fill", 0, 0, 960, 8, "1F3864"),
        Placement("fill", 520, 90, 180, 60, "2E75B6"),
    ]
    assert pdf_placements(pdf, 1) == [
        Placement("fill", 0, 0, 960, 540, "FFFFFF"),
        Placement("form", 40, 90, 450, 300),
        Placement("fill", 520, 90, 400, 300, "F2F2F2"),
        Placement("stroke", 520, 90, 400, 300),
    ]
    assert pdf_placements(pdf, 2)[1] == Placement("fill", 40, 90, 600, 20, "1F3864")


def test_table_rows_grow_with_wrapped_cells() -> None:
    """A cell that wraps to two lines makes its row 2 x 12 + 2 x 4 = 32 pt high."""
    # "Philadelphia" is 1058+1076+... = 49.92 pt at 10 pt; two of them and a space (102.09 pt)
    # do not fit the 100 - 2 x 4 = 92 pt inside the cell, one does.
    table = TableFrame(
        "t",
        Box(0, 0, 200, 100),
        ("A", "B"),
        (("kort", "x"), ("Philadelphia Philadelphia", "y")),
        (100, 100),
        TextStyle(10, 12),
    )
    assert row_heights(table) == [20.0, 20.0, 32.0]
    short = TableFrame("t", Box(0, 0, 400, 100), ("A",), (("een twee",),), (400,), TextStyle(10, 12))
    assert row_heights(short) == [20.0, 20.0]


def test_missing_glyphs_fall_back_to_dejavu() -> None:
    """Characters Carlito lacks are drawn in DejaVu Sans and read back as themselves."""
    assert font_segments("ok 😀!", False, False) == [("Carlito", "ok "), ("DejaVuSans", "😀"), ("Carlito", "!")]
    frame = TextFrame("t", Box(40, 40, 400, 40), (Paragraph((Run("smile 😀 done"),)),), TextStyle())
    rendered = render_pdf(one_page(frame))
    assert normalized(pdf_page_text(rendered, 0)) == "smile 😀 done"
    assert {f.name.split("+")[-1] for f in pdf_fonts(rendered)} == {"Carlito", "DejaVuSans"}


def test_unknown_frame_type_is_refused() -> None:
    """A frame class the renderer does not know raises TypeError naming both."""

    class Sticker:
        box = Box(0, 0, 1, 1)

    with pytest.raises(TypeError, match="render_pdf.*Sticker"):
        render_pdf(one_page(Sticker()))
