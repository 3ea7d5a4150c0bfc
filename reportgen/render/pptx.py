"""The PPTX renderer: a `Document` as an editable PowerPoint deck, returned as bytes.

The only module (with its `pptx_*` helpers) that imports python-pptx. Every slide uses a
layout with a title placeholder, and the page's "title" frame goes into it, so
PowerPoint's outline, navigation and accessibility checker see the slide titles. All
other frames become ordinary shapes at the frame's box, in drawing order. The saved
package is rewritten with fixed zip dates, so the same document gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import datetime

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.base import BaseShape
from pptx.slide import Slide, SlideLayout

from reportgen.model import PAGE_HEIGHT, PAGE_WIDTH, ChartFrame, Document, Page, Rect, TableFrame, TextFrame
from reportgen.printable import printable
from reportgen.render.dates import document_datetime, zip_date_time
from reportgen.render.pptx_shapes import add_chart_picture, add_rect, add_table, add_text_box, fill_text_shape
from reportgen.render.pptx_text import LANGUAGE, emu
from reportgen.render.zipfix import normalized_zip

TITLE_LAYOUT = "Title Only"
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
CORE_TEXT_LIMIT = 255
"""python-pptx refuses core property texts longer than this."""


def render_pptx(doc: Document) -> bytes:
    """The document as a 16:9 PPTX, one slide per page, on python-pptx's built-in
    template or on the document's `template` (a .pptx whose own slides are dropped)."""
    presentation = open_presentation(doc.template)
    layout = title_layout(presentation)
    for page in doc.pages:
        slide = presentation.slides.add_slide(layout)
        draw_slide(slide, page, doc.background)
    when = document_datetime(doc)
    set_core_properties(presentation, doc, when.replace(tzinfo=None))
    buffer = io.BytesIO()
    presentation.save(buffer)
    return normalized_zip(buffer.getvalue(), zip_date_time(when))


def open_presentation(template: bytes | None) -> PptxPresentation:
    """The template (or the built-in one) without slides, at 960 x 540 pt."""
    presentation = Presentation(io.BytesIO(template)) if template is not None else Presentation()
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    presentation.slide_width = emu(PAGE_WIDTH)
    presentation.slide_height = emu(PAGE_HEIGHT)
    return presentation


def has_title(layout: SlideLayout) -> bool:
    """Whether a layout has a title placeholder."""
    return any(ph.placeholder_format.type in TITLE_TYPES for ph in layout.placeholders)


def title_layout(presentation: PptxPresentation) -> SlideLayout:
    """The layout every slide uses: "Title Only", else the first with a title placeholder,
    else the first layout."""
    layouts = list(presentation.slide_layouts)
    for layout in layouts:
        if layout.name == TITLE_LAYOUT and has_title(layout):
            return layout
    return next((layout for layout in layouts if has_title(layout)), layouts[0])


def draw_slide(slide: Slide, page: Page, background: str) -> None:
    """Fill one slide: background, the title placeholder, every other frame as a shape,
    stacked in the page's drawing order; notes when the page has them."""
    slide.background.fill.solid()
    slide.background.fill.fore_color.rgb = RGBColor.from_string(background)
    title_shape = keep_only_title_placeholder(slide)
    title_frame = next((f for f in page.frames if isinstance(f, TextFrame) and f.role == "title"), None)
    shapes: list[BaseShape] = []
    for frame in page.frames:
        if frame is title_frame and title_shape is not None:
            fill_text_shape(title_shape, frame)
            shapes.append(title_shape)
        else:
            shapes.append(add_frame(slide, frame))
    if title_shape is not None and title_frame is None:
        title_shape._element.getparent().remove(title_shape._element)
    tree = slide.shapes._spTree
    for shape in shapes:
        tree.remove(shape._element)
        tree.insert_element_before(shape._element, "p:extLst")
    if page.notes.strip():
        notes = printable(page.notes).replace("\r\n", "\n").replace("\r", "\n")
        slide.notes_slide.notes_text_frame.text = notes


def keep_only_title_placeholder(slide: Slide) -> BaseShape | None:
    """Remove the placeholders the layout put on the slide, except the title; return it."""
    title = None
    for shape in list(slide.placeholders):
        if title is None and shape.placeholder_format.type in TITLE_TYPES:
            title = shape
        else:
            shape._element.getparent().remove(shape._element)
    return title


def add_frame(slide: Slide, frame: object) -> BaseShape:
    """Add one frame as a shape by its type; an unknown type is an error naming the renderer."""
    if isinstance(frame, TextFrame):
        return add_text_box(slide, frame)
    if isinstance(frame, Rect):
        return add_rect(slide, frame)
    if isinstance(frame, ChartFrame):
        return add_chart_picture(slide, frame)
    if isinstance(frame, TableFrame):
        return add_table(slide, frame)
    raise TypeError(f"render_pptx: cannot draw a frame of type {type(frame).__name__}")


def core_text(text: str) -> str:
    """A core property text: printable and within python-pptx's length limit."""
    return printable(text)[:CORE_TEXT_LIMIT]


def set_core_properties(presentation: PptxPresentation, doc: Document, when: datetime) -> None:
    """Title, author, subject (what the document is about), keywords and every date set to `when` (naive UTC)."""
    core = presentation.core_properties
    core.title = core_text(doc.title)
    core.author = core_text(doc.author)
    core.last_modified_by = core_text(doc.author)
    core.subject = core_text(doc.subject_name or doc.subject)
    core.keywords = core_text(", ".join(doc.keywords))
    core.category = core_text(doc.kind)
    core.comments = ""
    core.language = LANGUAGE
    core.revision = 1
    core.created = core.modified = core.last_printed = when
