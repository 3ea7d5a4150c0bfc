"""The PDF renderer: a `Document` drawn on a reportlab canvas, returned as bytes.

The only module (with its `pdf_*` helpers) that imports reportlab and pdfrw. Pages are
960 x 540 pt like the slides; the model's top-left origin is turned into PDF's
bottom-left one here. Output is deterministic: reportlab's invariant mode fixes the file
id, and the dates come from the document, never from the clock.
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from reportgen.model import PAGE_HEIGHT, PAGE_WIDTH, Box, ChartFrame, Document, Page, Rect, TableFrame, TextFrame
from reportgen.printable import printable
from reportgen.render.dates import document_datetime, pdf_date
from reportgen.render.pdf_chart import draw_chart
from reportgen.render.pdf_fonts import font_name
from reportgen.render.pdf_text import color, draw_table, draw_text_frame, fill_box

RECT_LINE_WIDTH = 0.75
"""Outline width in points of a Rect that has a line colour (PowerPoint's default line)."""

LANGUAGE = "nl-NL"


def render_pdf(doc: Document) -> bytes:
    """The document as a PDF: one page per `Page`, fonts embedded, an outline of page
    titles, and the same bytes for the same document."""
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        pageCompression=1,
        initialFontName=font_name(),
        lang=LANGUAGE,
    )
    set_metadata(canvas, doc)
    for index, page in enumerate(doc.pages, start=1):
        draw_page(canvas, page, index, doc.background)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def set_metadata(canvas: Canvas, doc: Document) -> None:
    """Title, author, subject (what the document is about), keywords and the fixed document date."""
    canvas.setTitle(printable(doc.title))
    canvas.setAuthor(printable(doc.author))
    canvas.setSubject(printable(doc.subject_name or doc.subject))
    canvas.setKeywords(printable(", ".join(doc.keywords)))
    canvas.setCreator("reportgen")
    stamp = pdf_date(document_datetime(doc))
    canvas.setDateFormatter(lambda *_: stamp)
    canvas.showOutline()


def draw_page(canvas: Canvas, page: Page, index: int, background: str) -> None:
    """Draw the `index`-th page: background, bookmark with the page title, then the frames
    in order."""
    key = f"page{index}"
    canvas.bookmarkPage(key)
    canvas.addOutlineEntry(printable(page.title) or f"Pagina {page.number}", key, level=0)
    fill_box(canvas, Box(0, 0, PAGE_WIDTH, PAGE_HEIGHT), background)
    for frame in page.frames:
        draw_frame(canvas, frame)


def draw_frame(canvas: Canvas, frame: object) -> None:
    """Draw one frame by its type; an unknown type is an error naming the renderer."""
    if isinstance(frame, TextFrame):
        draw_text_frame(canvas, frame)
    elif isinstance(frame, Rect):
        draw_rect(canvas, frame)
    elif isinstance(frame, ChartFrame):
        draw_chart(canvas, frame)
    elif isinstance(frame, TableFrame):
        draw_table(canvas, frame)
    else:
        raise TypeError(f"render_pdf: cannot draw a frame of type {type(frame).__name__}")


def draw_rect(canvas: Canvas, frame: Rect) -> None:
    """A filled rectangle, outlined when the frame has a line colour."""
    fill_box(canvas, frame.box, frame.fill)
    if frame.line:
        canvas.setStrokeColor(color(frame.line))
        canvas.setLineWidth(RECT_LINE_WIDTH)
        canvas.rect(frame.box.x, PAGE_HEIGHT - frame.box.bottom, frame.box.w, frame.box.h, stroke=1, fill=0)
