"""Charts in the PDF: matplotlib's one-page vector PDF placed as a form XObject.

Embedding the chart as vector keeps it sharp at any zoom and its labels searchable, and
reusing matplotlib's page (via pdfrw) avoids redrawing it: the form is scaled onto the
frame's box, the size the chart was drawn for.
"""

from __future__ import annotations

from pdfrw import PdfReader
from pdfrw.buildxobj import pagexobj
from pdfrw.errors import PdfParseError
from pdfrw.toreportlab import makerl
from reportlab.pdfgen.canvas import Canvas

from reportgen.model import PAGE_HEIGHT, ChartFrame


def draw_chart(canvas: Canvas, frame: ChartFrame) -> None:
    """Place the chart's first PDF page, scaled to fill the frame's box."""
    try:
        page = PdfReader(fdata=frame.pdf).pages[0]
    except (PdfParseError, IndexError, TypeError, ValueError) as exc:
        raise ValueError(f"render_pdf: chart {frame.id!r} does not hold a readable PDF page") from exc
    form = pagexobj(page)
    x0, y0, x1, y1 = (float(v) for v in form.BBox)
    canvas.saveState()
    canvas.translate(frame.box.x, PAGE_HEIGHT - frame.box.bottom)
    canvas.scale(frame.box.w / (x1 - x0), frame.box.h / (y1 - y0))
    canvas.translate(-x0, -y0)
    canvas.doForm(makerl(canvas, form))
    canvas.restoreState()
