"""Frames as PowerPoint shapes: text boxes, rectangles, chart pictures and tables.

Each shape is named after its frame id, so a reader (or a test) can find the frame again.
Shapes carry explicit fills and lines instead of theme styles, so the slide looks the
same whatever template it is built on.
"""

from __future__ import annotations

import io

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.picture import Picture
from pptx.slide import Slide
from pptx.table import _Cell
from pptx.util import Pt

from reportgen.model import Box, ChartFrame, Paragraph, Rect, Run, TableFrame, TextFrame, TextStyle
from reportgen.printable import printable
from reportgen.render.pptx_text import emu, fill_text, set_body
from reportgen.tablefit import CELL_PADDING, RULE_WIDTH, row_heights, table_rows

RECT_LINE_WIDTH = 0.75
"""Outline width in points of a Rect that has a line colour (as in the PDF)."""

NO_STYLE_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"
"""PowerPoint's built-in table style "No Style, No Grid": fills and rules come from the cells
(the header row is still flagged, for screen readers)."""


def place(shape: BaseShape, box: Box, name: str) -> None:
    """Move and size a shape to a box and name it after its frame."""
    shape.left, shape.top, shape.width, shape.height = emu(box.x), emu(box.y), emu(box.w), emu(box.h)
    shape.name = printable(name)


def set_fill(shape: Shape, fill: str | None) -> None:
    """A solid fill in "RRGGBB", or no fill."""
    if fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(fill)
    else:
        shape.fill.background()


def fill_text_shape(shape: Shape, frame: TextFrame) -> None:
    """Put a text frame into an existing shape (a text box or the title placeholder)."""
    place(shape, frame.box, frame.id)
    set_fill(shape, frame.fill)
    set_body(shape.text_frame, frame.style)
    fill_text(shape.text_frame, frame.paragraphs, frame.style)


def add_text_box(slide: Slide, frame: TextFrame) -> Shape:
    """A text box holding the frame's paragraphs."""
    shape = slide.shapes.add_textbox(emu(frame.box.x), emu(frame.box.y), emu(frame.box.w), emu(frame.box.h))
    fill_text_shape(shape, frame)
    return shape


def add_rect(slide: Slide, frame: Rect) -> Shape:
    """A rectangle with the frame's fill and, if given, a thin outline; no theme effects."""
    b = frame.box
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, emu(b.x), emu(b.y), emu(b.w), emu(b.h))
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)
    place(shape, b, frame.id)
    set_fill(shape, frame.fill)
    if frame.line:
        shape.line.color.rgb = RGBColor.from_string(frame.line)
        shape.line.width = Pt(RECT_LINE_WIDTH)
    else:
        shape.line.fill.background()
    mark_decorative(shape)
    return shape


DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def mark_decorative(shape: BaseShape) -> None:
    """Mark a shape as decoration (Office's "Mark as decorative"), so screen readers
    skip it and the accessibility checker asks no alt text for it."""
    c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
    ext_list = c_nv_pr.find(qn("a:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(c_nv_pr, qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"), uri=DECORATIVE_EXT)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}, val="1")


def add_chart_picture(slide: Slide, frame: ChartFrame) -> Picture:
    """The chart's PNG stretched over the frame's box, with its alt text as description."""
    b = frame.box
    picture = slide.shapes.add_picture(io.BytesIO(frame.png), emu(b.x), emu(b.y), emu(b.w), emu(b.h))
    place(picture, b, frame.id)
    picture._element.nvPicPr.cNvPr.set("descr", printable(frame.alt_text))
    return picture


def edges(total: float, widths: tuple[float, ...] | list[float]) -> list[int]:
    """Whole-EMU sizes of consecutive parts, rounded at their edges so they add up exactly."""
    positions = [0.0]
    for w in widths:
        positions.append(positions[-1] + w)
    scale = total / positions[-1] if positions[-1] else 0.0
    rounded = [emu(p * scale) for p in positions]
    return [b - a for a, b in zip(rounded, rounded[1:], strict=False)]


def add_table(slide: Slide, frame: TableFrame) -> GraphicFrame:
    """A real PowerPoint table: header fill and colour, cell text in the table's style,
    cell padding and a thin rule under every row, rows as tall as in the PDF."""
    rows = table_rows(frame)
    heights = row_heights(frame)
    b = frame.box
    graphic = slide.shapes.add_table(len(rows), len(frame.col_widths), emu(b.x), emu(b.y), emu(b.w), emu(b.h))
    place(graphic, b, frame.id)
    table = graphic.table
    tbl_pr = table._tbl.tblPr
    tbl_pr.set("firstRow", "1" if frame.header else "0")
    tbl_pr.set("bandRow", "0")
    style_id = tbl_pr.find(qn("a:tableStyleId"))
    if style_id is None:
        style_id = etree.SubElement(tbl_pr, qn("a:tableStyleId"))
    style_id.text = NO_STYLE_TABLE
    for column, width in zip(table.columns, edges(b.w, frame.col_widths), strict=True):
        column.width = width
    for row, height in zip(table.rows, heights, strict=True):
        row.height = emu(height)
    for r, (cells, style) in enumerate(rows):
        header = r == 0 and bool(frame.header)
        for c, text in enumerate(cells):
            fill_cell(table.cell(r, c), text, style, frame.header_fill if header else None)
            set_rules(table.cell(r, c), frame.rule_color, top=r > 0)
    return graphic


def fill_cell(cell: _Cell, text: str, style: TextStyle, fill: str | None) -> None:
    """Cell text as one paragraph in `style`, padded on all sides, anchored at the top."""
    cell.margin_left = cell.margin_right = emu(CELL_PADDING)
    cell.margin_top = cell.margin_bottom = emu(CELL_PADDING)
    cell.vertical_anchor = MSO_ANCHOR.TOP
    if fill:
        cell.fill.solid()
        cell.fill.fore_color.rgb = RGBColor.from_string(fill)
    else:
        cell.fill.background()
    fill_text(cell.text_frame, (Paragraph(runs=(Run(text),)),), style)


def set_rules(cell: _Cell, rule_color: str, top: bool) -> None:
    """Cell borders: none left and right, a thin rule at the bottom (and at the top when
    the row above has one too, so both cells agree on their shared edge)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for index, (tag, drawn) in enumerate((("a:lnL", False), ("a:lnR", False), ("a:lnT", top), ("a:lnB", True))):
        line = etree.Element(qn(tag))
        if drawn:
            line.set("w", str(emu(RULE_WIDTH)))
            solid = etree.SubElement(line, qn("a:solidFill"))
            etree.SubElement(solid, qn("a:srgbClr"), val=rule_color)
        else:
            line.set("w", "0")
            etree.SubElement(line, qn("a:noFill"))
        tc_pr.insert(index, line)
