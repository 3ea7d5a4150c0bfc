"""Which pictures of a chart a build needs, so that no picture is drawn for nothing.

A chart is saved as a vector PDF (for the PDF document) and as a PNG (for a PPTX picture);
a chart with a description goes into the PPTX as a native chart and needs no PNG at all.
Saving is most of the cost of a chart, so a build states the formats it writes with
`pictures_for(formats)` and `draw_chart` saves only those. Outside such a block every
picture is saved, as anyone calling a chart function directly expects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

PICTURES_OF_FORMAT = {"pdf": frozenset({"pdf"}), "pptx": frozenset({"png"})}
"""The chart pictures a document format draws from."""

_wanted: ContextVar[frozenset[str] | None] = ContextVar("chart_pictures", default=None)
"""The pictures to save; None outside a `pictures_for` block: every one."""


def pictures_needed(formats: Iterable[str]) -> frozenset[str]:
    """The pictures the document `formats` ("pdf", "pptx") need; none for an empty tuple
    (a check assembles documents without writing them)."""
    return frozenset(p for f in formats for p in PICTURES_OF_FORMAT.get(f, ()))


@contextmanager
def pictures_for(formats: Iterable[str]) -> Iterator[None]:
    """Within the block, charts save only the pictures that `formats` need."""
    token = _wanted.set(pictures_needed(formats))
    try:
        yield
    finally:
        _wanted.reset(token)


def wants_pdf() -> bool:
    """Whether the chart's vector PDF is needed."""
    wanted = _wanted.get()
    return wanted is None or "pdf" in wanted


def wants_png(native: bool) -> bool:
    """Whether the chart's PNG is needed: inside a build never for a chart the PPTX
    draws natively (`native`), since only a picture chart goes in as a PNG."""
    wanted = _wanted.get()
    return wanted is None or ("png" in wanted and not native)
