"""Renderers: one resolved `Document` drawn as PPTX (python-pptx) and as PDF (reportlab).

Both see only the document model and place every frame at the same box, so a slide and
its PDF page match; `docs/rendering.md` describes the rules they share.
"""

from reportgen.printable import printable
from reportgen.render.pdf import render_pdf
from reportgen.render.pptx import render_pptx

__all__ = ["printable", "render_pdf", "render_pptx"]
