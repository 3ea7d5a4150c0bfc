"""Narrative frames: an editor's section text under its heading, as the content check accepted it."""

from __future__ import annotations

from reportgen.content import SubjectContent
from reportgen.layout.frames import text_frame
from reportgen.layout.load import HEADING_HEIGHT, section_slots
from reportgen.layout.spec import FrameSpec, Layout
from reportgen.model import Box, Frame, Paragraph, Run, TextStyle
from reportgen.textfit import style_at_size, text_height, wrap_text


def narrative_frames(spec: FrameSpec, layout: Layout, content: SubjectContent) -> list[Frame]:
    """A narrative frame: its heading and the section's text as checked; in a draft, a text
    that is missing or too long shows a visible placeholder instead of vanishing."""
    theme = layout.theme
    box = spec.box
    section = str(spec.options["sectie"])
    slot = section_slots(layout)[section]
    heading = text_frame(
        f"{spec.id}_kop",
        Box(box.x, box.y, box.w, HEADING_HEIGHT),
        str(spec.options["kop"]),
        theme.style("kop"),
        "heading",
    )
    text_box = Box(box.x, box.y + HEADING_HEIGHT + 4, slot.width, slot.height)
    text = content.section(section)
    paragraphs = text.paragraphs if text is not None else ()
    if not paragraphs:
        paragraphs = (Paragraph((Run("[Deze tekst ontbreekt nog.]", italic=True),)),)
    style = text.style if text is not None and text.paragraphs else slot.style
    if style is None:  # only in a draft: the text does not fit; show what fits at the minimum size
        style = style_at_size(slot.style, slot.min_size)
        paragraphs = truncate_to_fit(paragraphs, style, text_box)
    body = text_frame(f"{spec.id}_tekst", text_box, paragraphs, style, "narrative")
    return [heading, body]


def needs_marker(content: SubjectContent, narratives: list[FrameSpec]) -> bool:
    """Whether a draft page must say CONCEPT: a text on it is missing, concept, or too long."""
    for spec in narratives:
        section = str(spec.options["sectie"])
        text = content.section(section)
        if text is None or not text.paragraphs or text.concept or text.style is None:
            return True
    return False


def truncate_to_fit(paragraphs: tuple[Paragraph, ...], style: TextStyle, box: Box) -> tuple[Paragraph, ...]:
    """For drafts only: the leading paragraphs that fit, then a visible 'text cut off' line."""
    marker = Paragraph((Run("[Tekst te lang: ingekort in dit concept.]", italic=True),))
    kept: list[Paragraph] = []
    for p in paragraphs:
        trial = (*kept, p, marker)
        if text_height(wrap_text(trial, style, box.w), style) > box.h:
            break
        kept.append(p)
    return (*kept, marker)
