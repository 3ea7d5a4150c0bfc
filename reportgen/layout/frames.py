"""Small builders for the text frames assembly places: one style, checked to fit."""

from __future__ import annotations

from dataclasses import replace

from reportgen.errors import LayoutError, Problem
from reportgen.formatting import unbroken_dates
from reportgen.model import Box, Paragraph, Ref, Run, TextFrame, TextStyle
from reportgen.textfit import SIZE_STEP, largest_fitting_style, style_at_size, text_height, wrap_text


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
    no_widow: bool = False,
    **style_changes: object,
) -> TextFrame:
    """A text frame whose text is known to fit its box.

    With `min_size` the text may be set smaller to fit; without, it must fit as styled.
    Generated text that cannot fit is a layout fault, raised as LayoutError naming the frame.
    Dates in the text get no-break spaces, so a line never breaks inside one. With
    `no_widow` (headlines) a size is preferred at which a third line is not one lone word.
    """
    raw = paragraphs_of(content) if isinstance(content, str) else content
    paragraphs = tuple(replace(p, runs=tuple(replace(r, text=unbroken_dates(r.text)) for r in p.runs)) for p in raw)
    style = replace(style, **style_changes) if style_changes else style
    fitting = largest_fitting_style(paragraphs, style, box.w, box.h, min_size if min_size is not None else style.size)
    if fitting is not None and no_widow and min_size is not None:
        fitting = _without_widow(paragraphs, fitting, box, min_size)
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


def _has_widow(paragraphs: tuple[Paragraph, ...], style: TextStyle, width: float) -> bool:
    """Whether the text wraps to three lines or more with a single word on its last line."""
    lines = wrap_text(paragraphs, style, width)
    return len(lines) > 2 and len(lines[-1].text.split()) == 1


def _without_widow(paragraphs: tuple[Paragraph, ...], style: TextStyle, box: Box, min_size: float) -> TextStyle:
    """The largest style from `style` down to `min_size` that fits without a lone last word
    (a headline of three lines with one word on the last reads as a mistake); `style` when none."""
    size = style.size
    while size >= min_size - 1e-6:
        trial = style_at_size(style, size)
        fits = text_height(wrap_text(paragraphs, trial, box.w), trial) <= box.h + 1e-6
        if fits and not _has_widow(paragraphs, trial, box.w):
            return trial
        size = round(size - SIZE_STEP, 2)
    return style


GROW_LIMIT = 1.25
"""Narrative text may be set up to this factor larger than its style when its page has room."""


def grown_to_fill(frames: list, role: str = "narrative") -> list:
    """The page's frames with its `role` texts set at one common larger size, the largest
    (up to GROW_LIMIT times the smallest of them) at which every one still fits its box, so
    short texts do not leave a quarter of the page blank. Other frames are unchanged."""
    texts = [f for f in frames if isinstance(f, TextFrame) and f.role == role]
    if not texts:
        return frames
    base = min(texts, key=lambda f: f.style.size).style
    best = None
    size = base.size
    while size <= base.size * GROW_LIMIT + 1e-6:
        trial = style_at_size(base, size)
        if all(text_height(wrap_text(f.paragraphs, trial, f.box.w), trial) <= f.box.h + 1e-6 for f in texts):
            best = trial
        else:
            break
        size = round(size + SIZE_STEP, 2)
    if best is None or best.size == base.size and all(f.style == base for f in texts):
        return frames
    return [replace(f, style=best) if f in texts else f for f in frames]
