"""Text as both renderers may put it on a page: XML-safe and on one line per run.

Document text comes from editors and data files, so it can hold anything a Python string
holds. PPTX is XML, and the PDF's outline, metadata and annotations are written by the
same rule, so one helper removes what XML 1.0 cannot carry; both renderers call it before
any text reaches python-pptx or reportlab, and never pass text through a markup parser.

The same helper removes every invisible format character (`reportgen.textchars`): the
explicit bidirectional controls (U+202A-U+202E, U+2066-U+2069), with which one stray
override in a data value would make PowerPoint show the rest of the line reversed while
the PDF (which draws text in logical order) would not, and zero-width spaces, joiners and
the like, which would let PowerPoint break or join words where the PDF does not.
Right-to-left letters themselves are kept.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.model import Paragraph, Run
from reportgen.textchars import without_invisible

LINK_COLOR = "0563C1"
"""Colour of hyperlink runs in both formats (the Office hyperlink blue), always underlined."""

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAKS = re.compile("[\t\n\r]")


def printable(text: str) -> str:
    """`text` without the characters XML 1.0 does not allow (C0 controls other than tab,
    newline and carriage return, lone surrogates, U+FFFE and U+FFFF) and without invisible
    format characters such as bidirectional controls and zero-width spaces."""
    return without_invisible(_NOT_XML.sub("", text))


def run_text(text: str) -> str:
    """Text of one run as it is printed: XML-safe, with tabs and line breaks as spaces,
    because a frame's lines come from the line breaker, not from the text."""
    return _LINE_BREAKS.sub(" ", printable(text))


def printable_paragraphs(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """The paragraphs with every run's text (and link) made printable, so the line breaker
    measures exactly the text that is drawn."""
    return tuple(
        replace(
            p,
            runs=tuple(
                Run(run_text(r.text), r.bold, r.italic, printable(r.link) if r.link else None, r.field) for r in p.runs
            ),
        )
        for p in paragraphs
    )
