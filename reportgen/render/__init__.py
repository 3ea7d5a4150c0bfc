"""Renderers: one resolved `Document` drawn as PPTX (python-pptx) and as PDF (reportlab).

Both see only the document model and place every frame at the same box, so a slide and
its PDF page match; `docs/rendering.md` describes the rules they share.
"""

from reportgen.printable import printable

__all__ = ["printable", "render_pdf", "render_pptx"]


def __getattr__(name: str):
    """`render_pdf` and `render_pptx`, imported on first use: the PDF renderer loads without python-pptx."""
    if name == "render_pdf":
        from reportgen.render.pdf import render_pdf

        return render_pdf
    if name == "render_pptx":
        from reportgen.render.pptx import render_pptx

        return render_pptx
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
