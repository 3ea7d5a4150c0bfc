"""Page furniture: the document heading above each page title, the footer with the page
number, and the CONCEPT marker of a draft page."""

from __future__ import annotations

from reportgen.layout.frames import text_frame
from reportgen.layout.spec import Layout
from reportgen.model import Box, Frame, Paragraph, Run


def document_heading(layout: Layout, text: str) -> Frame:
    """The document's title and subject in a small line just above each page title, as
    the printed decks carry it on every slide."""
    box = layout.title_box
    style = layout.theme.style("voettekst")
    return text_frame(
        "documenttitel",
        Box(box.x, max(box.y - 14, 2.0), box.w, 12),
        text,
        style,
        "text",
        min_size=7,
        bold=True,
        color=layout.theme.colors["accent"],
    )


def footer_frames(
    layout: Layout, title: str, subject_name: str, number: int, example_data: bool, example_text: bool, concept: bool
) -> list[Frame]:
    """Footer (organisation, document, subject; page number) and, where needed, the CONCEPT marker.

    A deck made from the built-in example data, or holding example narrative, says so on
    every page, so it can never pass for a real one.
    """
    theme = layout.theme
    box = layout.footer_box
    left = f"{layout.settings.organisation}  ·  {title}  ·  {subject_name}"
    if example_data:
        left += "  ·  Gemaakt met voorbeeldgegevens, niet met echte cijfers"
    if example_text:
        left += "  ·  Bevat voorbeeldtekst"
    style = theme.style("voettekst")
    frames: list[Frame] = [
        text_frame("voettekst", Box(box.x, box.y, box.w - 40, box.h), left, style, "footer", min_size=7),
        text_frame(
            "paginanummer",
            Box(box.right - 40, box.y, 40, box.h),
            (Paragraph((Run(str(number), field="slidenum"),)),),
            style,
            "page-number",
            align="right",
        ),
    ]
    if concept:
        marker_style = theme.style("titel")
        frames.append(
            text_frame(
                "concept",
                Box(box.right - 150, 24, 150, 30),
                "CONCEPT",
                marker_style,
                "marker",
                color=theme.colors["concept"],
                align="right",
            )
        )
    return frames
