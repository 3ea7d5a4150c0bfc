"""What a chart function returns, in a module of its own so that a chart taken from the
cache (`reportgen.charts.lazy`) is handed out without importing the drawing code."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.model import ChartData


@dataclass(frozen=True)
class ChartImage:
    """A drawn chart.

    pdf: one vector page of exactly the box size; png: the same at 200 dpi (either empty
    when the build does not need it, see `reportgen.charts.pictures`);
    labels: every value label printed in the chart, in drawing order (tests and the
    audit trail compare them with the computed values); alt_text: a Dutch description
    with the values, for screen readers; data: the description the chart was drawn
    from, for a native PowerPoint chart (None for maps, which stay pictures).
    """

    pdf: bytes
    png: bytes
    labels: tuple[str, ...]
    alt_text: str
    data: ChartData | None = None
