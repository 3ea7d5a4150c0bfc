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
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.base import BaseShape
from pptx.slide import Slide, SlideLayout

from reportgen.model import PAGE_HEIGHT, PAGE_WIDTH, ChartFrame, Document, Page, Rect, TableFrame, TextFrame
from reportgen.printable import printable
from reportgen.render.dates import document_datetime, zip_date_time
from reportgen.render.pptx_chart import add_native_chart
from reportgen.render.pptx_package import (
    drop_last_printed,
    drop_template_leftovers,
    set_master_title_style,
    write_app_properties,
)
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
    if doc.template is None:
        set_master_title_style(presentation, doc)
    when = document_datetime(doc)
    for page in doc.pages:
        slide = presentation.slides.add_slide(layout)
        draw_slide(slide, page, doc.background, zip_date_time(when))
    set_core_properties(presentation, doc, when.replace(tzinfo=None))
    drop_last_printed(presentation)
    write_app_properties(presentation, doc)
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
    drop_template_leftovers(presentation)
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


def draw_slide(slide: Slide, page: Page, background: str, date_time: tuple[int, int, int, int, int, int]) -> None:
    """Fill one slide: background, the title placeholder, every other frame as a shape,
    stacked in the page's drawing order; notes when the page has them. `date_time`
    dates the workbooks of the charts."""
    slide.background.fill.solid()
    slide.background.fill.fore_color.rgb = RGBColor.from_string(background)
    placeholders = slide_placeholders(slide)
    shapes: list[tuple[BaseShape, str | None]] = []
    for frame in page.frames:
        role = frame.role if isinstance(frame, TextFrame) else ""
        holder = placeholders.pop(role, None)
        if holder is not None and isinstance(frame, TextFrame):
            fill_text_shape(holder, frame)
            if role == "title":
                drop_theme_font_and_color(holder)
            shapes.append((holder, frame.group))
        else:
            shapes.append((add_frame(slide, frame, date_time), getattr(frame, "group", None)))
    for unused in placeholders.values():
        unused._element.getparent().remove(unused._element)
    tree = slide.shapes._spTree
    for shape in grouped(slide, shapes):
        tree.remove(shape._element)
        tree.insert_element_before(shape._element, "p:extLst")
    if page.notes.strip():
        notes = printable(page.notes).replace("\r\n", "\n").replace("\r", "\n")
        slide.notes_slide.notes_text_frame.text = notes


PLACEHOLDER_ROLES = {PP_PLACEHOLDER.FOOTER: "footer", PP_PLACEHOLDER.SLIDE_NUMBER: "page-number"}
"""Frame roles that go into the layout's own footer and slide-number placeholders."""


def slide_placeholders(slide: Slide) -> dict[str, BaseShape]:
    """The slide's title placeholder and copies of the layout's footer and slide-number
    placeholders, by the frame role they take; every other placeholder removed."""
    found: dict[str, BaseShape] = {}
    for shape in list(slide.placeholders):
        if "title" not in found and shape.placeholder_format.type in TITLE_TYPES:
            found["title"] = shape
        else:
            shape._element.getparent().remove(shape._element)
    for holder in slide.slide_layout.placeholders:
        role = PLACEHOLDER_ROLES.get(holder.placeholder_format.type)
        if role and role not in found:
            slide.shapes.clone_placeholder(holder)
            found[role] = slide.placeholders[holder.placeholder_format.idx]
    return found


def drop_theme_font_and_color(shape: BaseShape) -> None:
    """Leave a title's font and colour to the master's title style (and so to a company
    template): no typeface or colour on its runs."""
    for props in shape._element.iter(qn("a:rPr"), qn("a:endParaRPr")):
        for tag in ("a:solidFill", "a:latin", "a:ea", "a:cs"):
            for element in props.findall(qn(tag)):
                props.remove(element)


def grouped(slide: Slide, shapes: list[tuple[BaseShape, str | None]]) -> list[BaseShape]:
    """The shapes in order, consecutive ones of the same group (a KPI tile) made one
    group shape named after it."""
    out: list[BaseShape] = []
    members: list[BaseShape] = []
    name: str | None = None
    for shape, group in [*shapes, (None, None)]:
        if members and group != name:
            if len(members) > 1:
                group_shape = slide.shapes.add_group_shape(members)
                group_shape.name = printable(name or "")
                out.append(group_shape)
            else:
                out.extend(members)
            members = []
        name = group
        if shape is not None and group is None:
            out.append(shape)
        elif shape is not None:
            members.append(shape)
    return out


def add_frame(slide: Slide, frame: object, date_time: tuple[int, int, int, int, int, int]) -> BaseShape:
    """Add one frame as a shape by its type (a chart with a description as a native
    chart, else as its picture); an unknown type is an error naming the renderer."""
    if isinstance(frame, TextFrame):
        return add_text_box(slide, frame)
    if isinstance(frame, Rect):
        return add_rect(slide, frame)
    if isinstance(frame, ChartFrame):
        if frame.data is not None:
            return add_native_chart(slide, frame, date_time)
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
    core.created = core.modified = when
