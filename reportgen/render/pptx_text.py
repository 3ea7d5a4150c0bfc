"""Text frames as editable PowerPoint text: paragraphs, runs, lists and links.

PowerPoint breaks the lines itself, so every setting that decides where a line breaks or
sits is written out explicitly to match the PDF: zero insets, word wrap without
autofit, exact line spacing, no kerning, list indents equal to the line breaker's
marker and text positions. Nothing is inherited from the template's text styles.
"""

from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame as PptxTextFrame
from pptx.text.text import _Paragraph, _Run
from pptx.util import Emu, Pt

from reportgen.fonts import PPTX_FAMILY
from reportgen.model import Paragraph, Run, TextStyle
from reportgen.printable import LINK_COLOR, printable_paragraphs
from reportgen.textfit import BULLET, paragraph_indent

EMU_PER_PT = 12700
LANGUAGE = "nl-NL"
ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
HYPERLINK_COLOR_EXT = "{A12FA001-AC4F-418D-AE19-62706E023703}"
HYPERLINK_COLOR_NS = "http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"


def emu(points: float) -> Emu:
    """Points as whole EMU (12700 per point)."""
    return Emu(round(points * EMU_PER_PT))


def set_body(text_frame: PptxTextFrame, style: TextStyle) -> None:
    """Body properties shared by every text frame: no insets, wrap, no autofit, anchor."""
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.NONE
    text_frame.margin_left = text_frame.margin_right = Emu(0)
    text_frame.margin_top = text_frame.margin_bottom = Emu(0)
    text_frame.vertical_anchor = ANCHOR.get(style.valign, MSO_ANCHOR.TOP)


def fill_text(text_frame: PptxTextFrame, paragraphs: tuple[Paragraph, ...], style: TextStyle) -> None:
    """Replace the frame's text with `paragraphs` set in `style` (the body properties are
    the caller's: a text box and a table cell differ there)."""
    text_frame.clear()
    clean = printable_paragraphs(paragraphs) or (Paragraph(runs=()),)
    starts = list_starts(clean)
    for index, para in enumerate(clean):
        p = text_frame.paragraphs[0] if index == 0 else text_frame.add_paragraph()
        last = index == len(clean) - 1
        format_paragraph(p, para, style, last, starts[index])
        for run in para.runs:
            add_run(p, run, style, para.kind == "heading")
        end = p._p.get_or_add_endParaRPr()
        end.set("lang", LANGUAGE)
        end.set("sz", str(round(style.size * 100)))


def list_starts(paragraphs: tuple[Paragraph, ...]) -> list[int]:
    """For every numbered paragraph, the number its list starts at (0 for other kinds).

    PowerPoint numbers consecutive numbered paragraphs of a level itself, from the list's
    `startAt`; a paragraph whose number does not follow its predecessor starts a new list.
    """
    starts: list[int] = []
    current: dict[int, tuple[int, int]] = {}
    for para in paragraphs:
        if para.kind not in ("bullet", "number"):
            current = {}
            starts.append(0)
            continue
        keep_level = para.kind == "number"
        current = {k: v for k, v in current.items() if k < para.level or (k == para.level and keep_level)}
        if para.kind == "bullet":
            starts.append(0)
            continue
        number = para.number or 1
        start, previous = current.get(para.level, (number, number - 1))
        if number != previous + 1:
            start = number
        current[para.level] = (start, number)
        starts.append(start)
    return starts


def format_paragraph(p: _Paragraph, para: Paragraph, style: TextStyle, last: bool, start: int) -> None:
    """Alignment, exact spacing, list indents and the list marker of one paragraph; the
    marker in the frame's colour and font, as in the PDF (not the first run's, which may
    be a link)."""
    p.alignment = ALIGN.get(style.align, PP_ALIGN.LEFT)
    p.line_spacing = Pt(style.leading)
    p.space_before = Pt(0)
    p.space_after = Pt(0 if last else style.space_after)
    ppr = p._p.get_or_add_pPr()
    text_x, marker_x, _ = paragraph_indent(para, style)
    ppr.set("marL", str(emu(text_x)))
    ppr.set("indent", str(emu(marker_x - text_x)))
    if para.level > 0 and para.kind in ("bullet", "number"):
        ppr.set("lvl", str(min(para.level, 8)))
    if para.kind not in ("bullet", "number"):
        etree.SubElement(ppr, qn("a:buNone"))
        return
    marker_color = etree.SubElement(ppr, qn("a:buClr"))
    etree.SubElement(marker_color, qn("a:srgbClr"), val=style.color)
    etree.SubElement(ppr, qn("a:buFont"), typeface=PPTX_FAMILY)
    if para.kind == "bullet":
        etree.SubElement(ppr, qn("a:buChar"), char=BULLET)
        return
    numbering = etree.SubElement(ppr, qn("a:buAutoNum"), type="arabicPeriod")
    if start != 1:
        numbering.set("startAt", str(start))


def add_run(p: _Paragraph, run: Run, style: TextStyle, heading: bool) -> _Run:
    """One run with the house font, size, colour, weight and slant; links underlined in
    the link colour (also in PowerPoint, through the hyperlink-colour extension)."""
    r = p.add_run()
    r.text = run.text
    font = r.font
    font.name = PPTX_FAMILY
    font.size = Pt(style.size)
    font.bold = run.bold or style.bold or heading
    font.italic = run.italic or style.italic
    font.color.rgb = RGBColor.from_string(LINK_COLOR if run.link else style.color)
    rpr = r._r.get_or_add_rPr()
    rpr.set("lang", LANGUAGE)
    rpr.set("kern", "0")
    if run.link:
        font.underline = True
        r.hyperlink.address = run.link
        link_click = rpr.find(qn("a:hlinkClick"))
        ext_list = etree.SubElement(link_click, qn("a:extLst"))
        ext = etree.SubElement(ext_list, qn("a:ext"), uri=HYPERLINK_COLOR_EXT)
        etree.SubElement(ext, f"{{{HYPERLINK_COLOR_NS}}}hlinkClr", nsmap={"ahyp": HYPERLINK_COLOR_NS}, val="tx")
    if run.field:
        as_field(r._r, run.field)
    return r


SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
"""The id of the slide-number field (any fixed GUID: equal decks stay equal bytes)."""


def as_field(r: etree._Element, kind: str) -> None:
    """Turn a run (`a:r`) into a field of that type (`a:fld`, e.g. "slidenum") with the
    run's properties and text as its current value."""
    field = etree.Element(qn("a:fld"), id=SLIDE_NUMBER_FIELD_ID, type=kind)
    for child in list(r):
        field.append(child)
    r.addprevious(field)
    r.getparent().remove(r)
