"""Break styled paragraphs into lines and measure how much room they take.

The fit checks (`reportgen check`), assembly (does a headline fit its box?) and the PDF
renderer all use this one line breaker with the house font's metrics, so a text the
check passes is a text the page shows whole. PowerPoint wraps with the same widths
(Carlito is metric-compatible with Calibri).

Lines break where PowerPoint and LibreOffice break them: at spaces, and after a hyphen
that stands between two characters ("GGZ-" | "klanten"). A no-break space (U+00A0)
never breaks, so dates written with it ("1\u00a0januari\u00a02023") stay on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportgen.fonts import text_width
from reportgen.formatting import unbroken_dates
from reportgen.model import Paragraph, Run, TextStyle

BULLET = "\u2022"
NBSP = "\u00a0"
_TOKEN = re.compile(r"[^ \t\n]+?-(?=[^ \t\n-])|[^ \t\n]+|[ \t\n]+")
"""Words split after an inner hyphen, and runs of breakable white space (not NBSP)."""


@dataclass(frozen=True)
class Line:
    """One printed line: its runs, where the text starts (x from the frame's left edge),
    an optional list marker drawn at `marker_x`, and its measured width."""

    runs: tuple[Run, ...]
    x: float
    width: float
    paragraph: int
    marker: str = ""
    marker_x: float = 0.0
    last_of_paragraph: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def run_width(run: Run, style: TextStyle, heading: bool = False) -> float:
    """Width of one run in points at the style's size."""
    return text_width(run.text, style.size, bold=run.bold or style.bold or heading, italic=run.italic or style.italic)


def _tokens(paragraph: Paragraph) -> list[Run]:
    """The paragraph as word and space pieces, each keeping its run's style; a word with
    an inner hyphen is several pieces, so a line may end after the hyphen."""
    pieces: list[Run] = []
    for run in paragraph.runs:
        for tok in _TOKEN.findall(unbroken_dates(run.text.replace("\n", " "))):
            pieces.append(Run(tok, run.bold, run.italic, run.link))
    return pieces


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring pieces of the same style into one run."""
    merged: list[Run] = []
    for r in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].link) == (r.bold, r.italic, r.link):
            merged[-1] = Run(merged[-1].text + r.text, r.bold, r.italic, r.link)
        else:
            merged.append(r)
    return tuple(merged)


def _width_of(piece: Run, text: str, style: TextStyle, heading: bool) -> float:
    return run_width(Run(text, piece.bold, piece.italic), style, heading)


def _split_long_word(piece: Run, style: TextStyle, heading: bool, room: float) -> list[Run]:
    """Cut a word wider than the whole line into pieces that each fit.

    Widths add up character by character (the house font is set without kerning), so each
    character is measured once: a word of any length is cut in one pass.
    """
    widths: dict[str, float] = {}  # sums of these only find where to measure the piece exactly
    parts: list[Run] = []
    start, used = 0, 0.0
    for i, ch in enumerate(piece.text):
        if ch not in widths:
            widths[ch] = run_width(Run(ch, piece.bold, piece.italic), style, heading)
        if (
            i > start
            and used + widths[ch] > room
            and _width_of(piece, piece.text[start : i + 1], style, heading) > room
        ):
            parts.append(Run(piece.text[start:i], piece.bold, piece.italic, piece.link))
            start, used = i, 0.0
        used += widths[ch]
    if start < len(piece.text):
        parts.append(Run(piece.text[start:], piece.bold, piece.italic, piece.link))
    return parts


def paragraph_indent(paragraph: Paragraph, style: TextStyle) -> tuple[float, float, str]:
    """(text x, marker x, marker) for a paragraph of this kind and level."""
    if paragraph.kind == "bullet":
        return style.indent * (paragraph.level + 1), style.indent * paragraph.level, BULLET
    if paragraph.kind == "number":
        marker = f"{paragraph.number or 1}."
        return style.indent * (paragraph.level + 1) + style.size * 0.4, style.indent * paragraph.level, marker
    return 0.0, 0.0, ""


def wrap_paragraph(paragraph: Paragraph, index: int, style: TextStyle, width: float) -> list[Line]:
    """Break one paragraph into lines no wider than `width` points."""
    heading = paragraph.kind == "heading"
    x, marker_x, marker = paragraph_indent(paragraph, style)
    room = max(width - x, style.size)
    lines: list[Line] = []
    current: list[Run] = []
    current_w = 0.0

    def flush(last: bool) -> None:
        nonlocal current, current_w
        while current and not current[-1].text.strip(" \t\n"):
            current_w -= run_width(current.pop(), style, heading)
        lines.append(
            Line(
                runs=_merge(current),
                x=x,
                width=max(current_w, 0.0),
                paragraph=index,
                marker=marker if not lines else "",
                marker_x=marker_x,
                last_of_paragraph=last,
            )
        )
        current, current_w = [], 0.0

    pieces = _tokens(paragraph)
    queue = list(pieces)
    while queue:
        piece = queue.pop(0)
        w = run_width(piece, style, heading)
        is_space = not piece.text.strip(" \t\n")
        if is_space and not current:
            continue
        if current_w + w <= room + 1e-6:
            current.append(piece)
            current_w += w
            continue
        if is_space:
            flush(False)
            continue
        if not current and w > room:
            parts = _split_long_word(piece, style, heading, room)
            queue[:0] = parts[1:]
            current.append(parts[0])
            current_w += run_width(parts[0], style, heading)
            flush(False)
            continue
        flush(False)
        queue.insert(0, piece)
    flush(True)
    return lines


def wrap_text(paragraphs: tuple[Paragraph, ...] | list[Paragraph], style: TextStyle, width: float) -> list[Line]:
    """All paragraphs of a frame broken into lines for a frame `width` points wide."""
    lines: list[Line] = []
    for i, p in enumerate(paragraphs):
        lines.extend(wrap_paragraph(p, i, style, width))
    return lines


def text_height(lines: list[Line], style: TextStyle) -> float:
    """Height the lines take: one leading per line plus paragraph spacing between paragraphs."""
    if not lines:
        return 0.0
    paragraphs_after = sum(1 for ln in lines[:-1] if ln.last_of_paragraph)
    return len(lines) * style.leading + paragraphs_after * style.space_after


def lines_room(style: TextStyle, height: float) -> int:
    """How many lines of this style a box of `height` points holds (without paragraph spacing)."""
    return int((height + 1e-6) // style.leading)


def fits(paragraphs: tuple[Paragraph, ...] | list[Paragraph], style: TextStyle, box_w: float, box_h: float) -> bool:
    """Whether the text fits the box whole."""
    return text_height(wrap_text(paragraphs, style, box_w), style) <= box_h + 1e-6


SIZE_STEP = 0.5
"""Text that does not fit is tried again this many points smaller, down to a minimum."""


def style_at_size(style: TextStyle, size: float) -> TextStyle:
    """The style set at `size` points, leading and paragraph spacing scaled alike."""
    factor = size / style.size
    return replace(style, size=size, leading=style.leading * factor, space_after=style.space_after * factor)


def sizes_down_to(size: float, min_size: float) -> list[float]:
    """The sizes to try, largest first: `size`, then SIZE_STEP smaller each time, down to `min_size`."""
    sizes = [size]
    k = 1
    while size - k * SIZE_STEP >= min_size - 1e-6:
        sizes.append(round(size - k * SIZE_STEP, 2))
        k += 1
    return sizes


def largest_fitting_style(
    paragraphs: tuple[Paragraph, ...] | list[Paragraph], style: TextStyle, width: float, height: float, min_size: float
) -> TextStyle | None:
    """The style at the largest size (from `style.size` down to `min_size`) at which the
    text fits a `width` x `height` box, or None when it does not fit even at `min_size`."""
    for size in sizes_down_to(style.size, min_size):
        trial = style_at_size(style, size)
        if text_height(wrap_text(paragraphs, trial, width), trial) <= height + 1e-6:
            return trial
    return None
