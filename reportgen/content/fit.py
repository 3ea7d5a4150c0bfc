"""Does a section's text fit its frame, and at which size.

A text is tried at the frame's full size, then 0.5 pt smaller each step down to the
theme's minimum size; leading and paragraph spacing shrink in proportion. The check
and assembly both call `fitted_style`, so the page is set at exactly the size the
check measured. When even the minimum size is too large, the message says how much
to cut, in lines and in words, and where the text first runs past the frame.
"""

from __future__ import annotations

import math

from reportgen.content.slots import SectionSlot
from reportgen.errors import Problem
from reportgen.model import Paragraph, TextStyle
from reportgen.textfit import (
    Line,
    largest_fitting_style,
    lines_room,
    sizes_down_to,
    style_at_size,
    text_height,
    wrap_text,
)

_EPS = 1e-6


def candidate_sizes(slot: SectionSlot) -> list[float]:
    """The sizes to try, largest first: the slot's size, then 0.5 pt steps to min_size."""
    return sizes_down_to(slot.style.size, slot.min_size)


def fitted_style(paragraphs: tuple[Paragraph, ...], slot: SectionSlot) -> TextStyle | None:
    """The largest style the text fits the slot in, or None when it does not fit at all."""
    return largest_fitting_style(paragraphs, slot.style, slot.width, slot.height, slot.min_size)


def _first_overflowing_paragraph(lines: list[Line], style: TextStyle, height: float) -> int:
    """Index of the paragraph holding the first line whose bottom is below the frame."""
    breaks = 0
    for i, line in enumerate(lines):
        bottom = (i + 1) * style.leading + breaks * style.space_after
        if bottom > height + _EPS:
            return line.paragraph
        if line.last_of_paragraph:
            breaks += 1
    return lines[-1].paragraph


def _plural(n: int, word: str) -> str:
    """'1 line', '4 lines'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def overflow_problem(
    paragraphs: tuple[Paragraph, ...],
    lines_of: tuple[int, ...],
    slot: SectionSlot,
    source: str,
) -> Problem | None:
    """The error for a text that does not fit its slot even at the minimum size, else None.

    lines_of gives the source line of each paragraph. Lines needed counts paragraph
    spacing too (rounded up to whole lines); the word estimate uses the text's own
    average of words per printed line.
    """
    if fitted_style(paragraphs, slot) is not None:
        return None
    size = candidate_sizes(slot)[-1]
    style = style_at_size(slot.style, size)
    lines = wrap_text(paragraphs, style, slot.width)
    room = lines_room(style, slot.height)
    needed = math.ceil(text_height(lines, style) / style.leading - _EPS)
    excess = max(needed - room, 1)
    words = sum(len(p.text.split()) for p in paragraphs)
    cut = max(math.ceil(excess * words / len(lines) - _EPS), 1)
    first = _first_overflowing_paragraph(lines, style, slot.height)
    return Problem(
        f"{_plural(excess, 'line')} too long for '{slot.title}' (room for {room} lines at {size:g} pt); "
        f"shorten it by about {_plural(cut, 'word')}",
        source,
        lines_of[first],
    )
