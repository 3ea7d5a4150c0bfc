"""Text frames and tables on a reportlab canvas, line by line from the house line breaker.

The PDF shows exactly the lines `reportgen.textfit` computed (the lines the fit checks
measured), placed where PowerPoint places the same paragraphs in the PPTX: first baseline
by `first_baseline`, then one leading per line and the paragraph spacing after each
paragraph. Text is drawn with plain text operators, never through a markup parser.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from reportgen.model import PAGE_HEIGHT, Box, Paragraph, TableFrame, TextFrame, TextStyle
from reportgen.printable import LINK_COLOR, printable_paragraphs
from reportgen.render.pdf_fonts import (
    UNDERLINE_OFFSET,
    UNDERLINE_THICKNESS,
    first_baseline,
    font_name,
    font_segments,
)
from reportgen.tablefit import CELL_PADDING, RULE_WIDTH, cell_lines, cell_paragraphs, row_heights, table_rows
from reportgen.textfit import Line, run_width, text_height, wrap_text


def color(hex_rgb: str) -> HexColor:
    """A reportlab colour from "RRGGBB"."""
    return HexColor("#" + hex_rgb)


def fill_box(canvas: Canvas, box: Box, fill: str) -> None:
    """Paint a box (model coordinates) in one colour, without an outline."""
    canvas.setFillColor(color(fill))
    canvas.rect(box.x, PAGE_HEIGHT - box.bottom, box.w, box.h, stroke=0, fill=1)


def line_start(line: Line, style: TextStyle, left: float, width: float) -> float:
    """x of the line's first character: the indent, shifted for centre or right alignment."""
    if style.align == "center":
        return left + line.x + (width - line.x - line.width) / 2
    if style.align == "right":
        return left + width - line.width
    return left + line.x


def draw_line(
    canvas: Canvas, line: Line, paragraph: Paragraph, style: TextStyle, left: float, width: float, baseline: float
) -> None:
    """Draw one line's marker and runs with their baseline at `baseline` (model y)."""
    heading = paragraph.kind == "heading"
    y = PAGE_HEIGHT - baseline
    text = canvas.beginText()
    text.setFillColor(color(style.color))
    if line.marker:
        text.setTextOrigin(left + line.marker_x, y)
        text.setFont(font_name(style.bold, style.italic), style.size)
        text.textOut(line.marker)
    x = line_start(line, style, left, width)
    links: list[tuple[float, float, str]] = []
    for run in line.runs:
        text.setTextOrigin(x, y)
        text.setFillColor(color(LINK_COLOR if run.link else style.color))
        for name, piece in font_segments(run.text, run.bold or style.bold or heading, run.italic or style.italic):
            text.setFont(name, style.size)
            text.textOut(piece)
        advance = run_width(run, style, heading)
        if run.link:
            links.append((x, advance, run.link))
        x += advance
    canvas.drawText(text)
    for start, advance, url in links:
        draw_link(canvas, start, advance, y, style.size, url)


def draw_link(canvas: Canvas, x: float, width: float, y: float, size: float, url: str) -> None:
    """Underline a link run and make its rectangle (baseline `y`, PDF coordinates) clickable."""
    canvas.setStrokeColor(color(LINK_COLOR))
    canvas.setLineWidth(UNDERLINE_THICKNESS * size)
    under = y - UNDERLINE_OFFSET * size
    canvas.line(x, under, x + width, under)
    canvas.linkURL(url, (x, y - 0.25 * size, x + width, y + 0.75 * size), relative=0, thickness=0)


def draw_lines(
    canvas: Canvas,
    lines: list[Line],
    paragraphs: tuple[Paragraph, ...],
    style: TextStyle,
    left: float,
    top: float,
    width: float,
) -> None:
    """Draw wrapped lines in a column `width` wide whose text block starts at `top` (model y)."""
    baseline = top + first_baseline(style.size, style.leading)
    for line in lines:
        draw_line(canvas, line, paragraphs[line.paragraph], style, left, width, baseline)
        baseline += style.leading + (style.space_after if line.last_of_paragraph else 0.0)


def block_top(box: Box, style: TextStyle, lines: list[Line]) -> float:
    """Top (model y) of the text block in its box, by the style's vertical alignment."""
    room = box.h - text_height(lines, style)
    if style.valign == "middle":
        return box.y + room / 2
    if style.valign == "bottom":
        return box.y + room
    return box.y


def draw_text_frame(canvas: Canvas, frame: TextFrame) -> None:
    """Draw a text frame: its optional fill, then its paragraphs wrapped to the box width."""
    if frame.fill:
        fill_box(canvas, frame.box, frame.fill)
    paragraphs = printable_paragraphs(frame.paragraphs)
    lines = wrap_text(paragraphs, frame.style, frame.box.w)
    top = block_top(frame.box, frame.style, lines)
    draw_lines(canvas, lines, paragraphs, frame.style, frame.box.x, top, frame.box.w)


def draw_table(canvas: Canvas, frame: TableFrame) -> None:
    """Draw a table from the top of its box: header fill, cell text, a rule under every row."""
    y = frame.box.y
    for index, ((cells, style), height) in enumerate(zip(table_rows(frame), row_heights(frame), strict=True)):
        if frame.header and index == 0:
            fill_box(canvas, Box(frame.box.x, y, frame.box.w, height), frame.header_fill)
        x = frame.box.x
        for text, col_width in zip(cells, frame.col_widths, strict=True):
            inner = col_width - 2 * CELL_PADDING
            lines = cell_lines(text, style, col_width)
            draw_lines(canvas, lines, cell_paragraphs(text), style, x + CELL_PADDING, y + CELL_PADDING, inner)
            x += col_width
        y += height
        canvas.setStrokeColor(color(frame.rule_color))
        canvas.setLineWidth(RULE_WIDTH)
        canvas.line(frame.box.x, PAGE_HEIGHT - y, frame.box.right, PAGE_HEIGHT - y)
