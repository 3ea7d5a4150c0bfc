"""What a chart function returns, and how a drawn figure becomes those bytes.

A chart is handed to both renderers as finished bytes: a one-page vector PDF for the
PDF document and a PNG for the PPTX picture. Both are byte-identical for equal input
(no dates, no software tags), so a rebuild with unchanged data changes no file. A build
saves only the pictures its formats use (`reportgen.charts.pictures`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from reportgen.cache.chartstore import StoredChart, store_chart
from reportgen.charts.image import ChartImage
from reportgen.charts.pictures import wants_pdf, wants_png
from reportgen.charts.reuse import current_chart_key, stored_chart
from reportgen.charts.style import chart_context
from reportgen.model import ChartData

PNG_DPI = 200
"""Resolution of the PNG: sharp on a projected slide, small enough for a deck."""

PNG_COMPRESSION = 1
"""zlib level of the PNG: the fastest; flat chart colours compress well even so."""

MIN_SIDE_PT = 40.0
"""A chart box smaller than this in either direction cannot hold a readable chart."""


def check_box(width_pt: float, height_pt: float) -> None:
    """Refuse a box no chart can be drawn in."""
    if width_pt < MIN_SIDE_PT or height_pt < MIN_SIDE_PT:
        raise ValueError(f"chart box {width_pt} x {height_pt} pt is too small (min {MIN_SIDE_PT} pt a side)")


PALETTE_COLORS = 128
"""Colours of a palette PNG: ample for flat fills with anti-aliased edges."""


def palette_png(fig: Figure) -> bytes:
    """The figure as an 8-bit palette PNG at `PNG_DPI`.

    Maps have few flat colours but many anti-aliased edges; as a palette image their PNG
    is about a fifth of the full-colour one, at no visible cost. The quantiser is
    deterministic, so equal figures still give equal bytes.
    """
    raw = io.BytesIO()
    fig.savefig(raw, format="rgba", dpi=PNG_DPI)
    width = int(fig.get_size_inches()[0] * PNG_DPI)
    height = len(raw.getvalue()) // (4 * width)
    image = Image.frombuffer("RGBA", (width, height), raw.getvalue(), "raw", "RGBA", 0, 1)
    quantized = image.quantize(colors=PALETTE_COLORS, method=Image.Quantize.FASTOCTREE)
    png = io.BytesIO()
    quantized.save(png, format="png", compress_level=6)
    return png.getvalue()


def pdf_bytes(fig: Figure) -> bytes:
    """The figure as a one-page vector PDF, without metadata that would differ between runs."""
    pdf = io.BytesIO()
    fig.savefig(pdf, format="pdf", metadata={"CreationDate": None, "Creator": None, "Producer": None})
    return pdf.getvalue()


def png_bytes(fig: Figure, palette: bool = False) -> bytes:
    """The figure as a PNG at `PNG_DPI`, without metadata; a palette image if `palette`
    (see `palette_png`)."""
    if palette:
        return palette_png(fig)
    png = io.BytesIO()
    fig.savefig(
        png, format="png", dpi=PNG_DPI, metadata={"Software": None}, pil_kwargs={"compress_level": PNG_COMPRESSION}
    )
    return png.getvalue()


@contextmanager
def house_figure(width_pt: float, height_pt: float) -> Iterator[Figure]:
    """A blank figure of exactly the box size, in the house style, released after use."""
    check_box(width_pt, height_pt)
    with chart_context():
        fig = Figure(figsize=(width_pt / 72, height_pt / 72), dpi=72)
        FigureCanvasAgg(fig)
        fig.patch.set_alpha(0.0)
        try:
            yield fig
        finally:
            fig.clear()


def draw_chart(
    width_pt: float,
    height_pt: float,
    draw: Callable[[Figure], tuple[tuple[str, ...], str]],
    palette: bool = False,
    data: ChartData | None = None,
) -> ChartImage:
    """Run `draw` on a fresh house figure (it returns labels and alt text) and save the
    pictures the build needs (see `reportgen.charts.pictures`; the PNG as a palette image
    if `palette`), with the description it was drawn from. A picture not needed is empty.

    Under a chart key (`reportgen.charts.reuse`) the pictures come from the chart cache when
    it holds them; else they are drawn and stored there, with any others stored before.
    The entry keeps the description `data` too, so that a later call can be answered
    from the cache alone (`reportgen.charts.lazy`)."""
    wanted = tuple(n for n, w in (("pdf", wants_pdf()), ("png", wants_png(native=data is not None))) if w)
    key = current_chart_key()
    stored = stored_chart(key) if key is not None else None
    if stored is None or not set(wanted) <= set(stored.pictures):
        with house_figure(width_pt, height_pt) as fig:
            labels, alt_text = draw(fig)
            pictures = {n: pdf_bytes(fig) if n == "pdf" else png_bytes(fig, palette) for n in wanted}
        if key is not None:
            earlier = stored.pictures if stored is not None else {}
            store_chart(key, StoredChart(tuple(labels), alt_text, {**earlier, **pictures}, described=True, data=data))
    else:
        labels, alt_text, pictures = stored.labels, stored.alt_text, stored.pictures
        if not stored.described:  # an entry from before descriptions were kept: complete it
            store_chart(key, StoredChart(labels, alt_text, pictures, described=True, data=data))
    return ChartImage(
        pdf=pictures["pdf"] if "pdf" in wanted else b"",
        png=pictures["png"] if "png" in wanted else b"",
        labels=tuple(labels),
        alt_text=alt_text,
        data=data,
    )
