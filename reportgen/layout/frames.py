"""Small builders for the text frames assembly places: one style, checked to fit."""

from __future__ import annotations

from dataclasses import replace

from reportgen.errors import LayoutError, Problem
from reportgen.formatting import unbroken_dates
from reportgen.model import Box, Paragraph, Ref, Run, TextFrame, TextStyle
from reportgen.textfit import largest_fitting_style, text_height, wrap_text


def paragraphs_of(text: str, bold: bool = False) -> tuple[Paragraph, ...]:
    """Plain text as paragraphs, one per line of `text`."""
    return tuple(Paragraph((Run(line, bold=bold),)) for line in text.split("\n"))


def text_frame(
    frame_id: str,
    box: Box,
    content: str | tuple[Paragraph, ...],
    style: TextStyle,
    role: str = "text",
    *,
    min_size: float | None = None,
    fill: str | None = None,
    refs: tuple[Ref, ...] = (),
    **style_changes: object,
) -> TextFrame:
    """A text frame whose text is known to fit its box.

    With `min_size` the text may be set smaller to fit; without, it must fit as styled.
    Generated text that cannot fit is a layout fault, raised as LayoutError naming the frame.
    Dates in the text get no-break spaces, so a line never breaks inside one.
    """
    raw = paragraphs_of(content) if isinstance(content, str) else content
    paragraphs = tuple(replace(p, runs=tuple(replace(r, text=unbroken_dates(r.text)) for r in p.runs)) for p in raw)
    style = replace(style, **style_changes) if style_changes else style
    fitting = largest_fitting_style(paragraphs, style, box.w, box.h, min_size if min_size is not None else style.size)
    if fitting is None:
        needed = text_height(wrap_text(paragraphs, style, box.w), style)
        raise LayoutError(
            [
                Problem(
                    f"frame '{frame_id}': text needs {needed:.0f} pt but the box is {box.h:.0f} pt high "
                    f"(text starts: {paragraphs[0].text[:60]!r}); "
                    "enlarge the box in the layout or shorten the text"
                )
            ]
        )
    return TextFrame(id=frame_id, box=box, paragraphs=paragraphs, style=fitting, role=role, fill=fill, refs=refs)
