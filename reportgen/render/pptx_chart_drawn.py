"""The shapes and texts drawn with a Regioanalyse native chart, where PowerPoint's chart
cannot: growth arrows with their change, dashed reference lines with their key, the
forecast's fan, years and line ends, the scenarios' totals and bubbles, and value labels
moved clear of a reference line. They are grouped with the chart and move with it.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.slide import Slide
from pptx.util import Pt

from reportgen.fonts import PPTX_FAMILY, text_width
from reportgen.model import Box, ChartData
from reportgen.printable import printable
from reportgen.render.pptx_chart_frames import (
    ARROW_RISE,
    BOX_PAD,
    END_GAP,
    LABEL_GAP,
    REF_ROW,
    ROW,
    TOTAL_ROOM,
    bubble_diameter,
    moved_labels,
    scale_of,
    squeezed_parts,
    x_at,
    y_at,
    year_x,
)
from reportgen.render.pptx_chart_layout import EDGE, LABEL_SIZE, MUTED, SMALL_SIZE, ChartGeometry
from reportgen.render.pptx_text import emu

ARROW_COLOR = "595959"
HEAD = 4.0
DARK = "262626"


def text_shape(
    slide: Slide,
    text: str,
    box: Box,
    align: str = "left",
    bold: bool = False,
    size: float = LABEL_SIZE,
    color: str = DARK,
) -> Shape:
    """A one-line text box without margins, vertically centred in `box`."""
    shape = slide.shapes.add_textbox(emu(box.x), emu(box.y), emu(box.w), emu(box.h))
    _fill_text(shape, text, align, bold, size, color)
    return shape


def _fill_text(shape: Shape, text: str, align: str, bold: bool, size: float, color: str) -> None:
    """One run of `text` in the house font, without margins or wrapping."""
    frame = shape.text_frame
    frame.word_wrap = False
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    p = frame.paragraphs[0]
    p.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[align]
    run = p.add_run()
    run.text = printable(text)
    run.font.size, run.font.name, run.font.bold = Pt(size), PPTX_FAMILY, bold
    run.font.color.rgb = RGBColor.from_string(color)


def _line(
    slide: Slide, points: list[tuple[float, float]], color: str, width: float, dash: MSO_LINE | None = None
) -> Shape:
    """An open polyline through points on the slide (in points)."""
    builder = slide.shapes.build_freeform(emu(points[0][0]), emu(points[0][1]), scale=1.0)
    builder.add_line_segments([(emu(x), emu(y)) for x, y in points[1:]], close=False)
    shape = builder.convert_to_shape()
    shape.fill.background()
    shape.line.color.rgb = RGBColor.from_string(color)
    shape.line.width = Pt(width)
    if dash is not None:
        shape.line.dash_style = dash
    return shape


def _polygon(slide: Slide, points: list[tuple[float, float]], color: str) -> Shape:
    """A closed, filled polygon without outline."""
    builder = slide.shapes.build_freeform(emu(points[0][0]), emu(points[0][1]), scale=1.0)
    builder.add_line_segments([(emu(x), emu(y)) for x, y in points[1:]], close=True)
    shape = builder.convert_to_shape()
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(color)
    shape.line.fill.background()
    return shape


def _framed_text(slide: Slide, kind: MSO_SHAPE, text: str, box: Box) -> Shape:
    """A white rounded box or circle with a grey outline and bold text."""
    shape = slide.shapes.add_shape(kind, emu(box.x), emu(box.y), emu(box.w), emu(box.h))
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string("FFFFFF")
    shape.line.color.rgb = RGBColor.from_string(ARROW_COLOR)
    shape.line.width = Pt(0.9)
    shape.shadow.inherit = False
    _fill_text(shape, text, "center", True, LABEL_SIZE, DARK)
    return shape


def behind_shapes(slide: Slide, data: ChartData, g: ChartGeometry, frame: Box) -> list[BaseShape]:
    """What lies under the chart's series, as in the PDF: the forecast's fan between its
    two lines, the dashed reference lines behind the bars."""
    s = scale_of(data, g)
    out: list[BaseShape] = []
    for extra in data.extras:
        if extra.kind == "reference" and extra.values:
            x = frame.x + x_at(g, s, extra.values[0])
            top, bottom = frame.y + g.top, frame.y + g.top + g.plot_h
            out.append(_line(slide, [(x, top), (x, bottom)], extra.color, 1.25, MSO_LINE.DASH))
        if extra.kind != "band":
            continue
        low, high = data.series[extra.end].values, data.series[extra.start].values
        run: list[tuple[float, float, float]] = []
        for year, lo, hi in [*zip(data.categories, low, high, strict=True), ("", None, None)]:
            if lo is not None and hi is not None:
                run.append((year_x(g, s, float(year)), y_at(g, s, lo), y_at(g, s, hi)))
                continue
            if len(run) > 1:
                outline = [(x, y) for x, _, y in run] + [(x, y) for x, y, _ in reversed(run)]
                out.append(_polygon(slide, [(frame.x + x, frame.y + y) for x, y in outline], extra.color))
            run = []
    return out


def over_shapes(slide: Slide, data: ChartData, g: ChartGeometry, frame: Box) -> list[BaseShape]:
    """What lies over the chart: arrows, reference lines and key, bubbles, moved labels and marks."""
    s = scale_of(data, g)
    fx, fy = frame.x, frame.y
    out: list[BaseShape] = []
    n = len(data.categories)
    refs = [e for e in data.extras if e.kind == "reference"]
    for extra in data.extras:
        if extra.kind == "arrow":
            first, last, top_value = extra.values
            x0, x1 = fx + g.x_center(extra.start, n), fx + g.x_center(extra.end, n)
            y0 = fy + y_at(g, s, first) - LABEL_GAP - LABEL_SIZE - 2
            y1 = fy + y_at(g, s, last) - LABEL_GAP - LABEL_SIZE - 2
            top = fy + y_at(g, s, top_value) - LABEL_GAP - LABEL_SIZE - ARROW_RISE - LABEL_SIZE / 2
            out.append(_line(slide, [(x0, y0), (x0, top), (x1, top), (x1, y1 - HEAD)], ARROW_COLOR, 0.9))
            head = [(x1 - HEAD * 0.6, y1 - HEAD), (x1 + HEAD * 0.6, y1 - HEAD), (x1, y1)]
            out.append(_polygon(slide, head, ARROW_COLOR))
            w = text_width(extra.text, LABEL_SIZE, bold=True) + 2 * BOX_PAD + 4
            h = LABEL_SIZE + 2 * BOX_PAD
            box = Box((x0 + x1) / 2 - w / 2, top - h / 2, w, h)
            out.append(_framed_text(slide, MSO_SHAPE.ROUNDED_RECTANGLE, extra.text, box))
        elif extra.kind == "bubble":
            d = bubble_diameter(data)
            cx = fx + g.x_center(extra.start, n)
            box = Box(cx - d / 2, fy + g.top - 8.0 - d - TOTAL_ROOM, d, d)
            out.append(_framed_text(slide, MSO_SHAPE.OVAL, extra.text, box))
    for k, ref in enumerate(refs):
        y = fy + g.top + g.plot_h + EDGE + (k + 0.5) * REF_ROW
        x = fx + g.left
        out.append(_line(slide, [(x, y), (x + 14, y)], ref.color, 1.25, MSO_LINE.DASH))
        w = text_width(ref.text, LABEL_SIZE) + 4
        out.append(text_shape(slide, ref.text, Box(x + 17, y - REF_ROW / 2, w, REF_ROW)))
    for i, start in moved_labels(data, g).items():
        text = data.series[0].labels[i]
        w = text_width(text, LABEL_SIZE) + 4
        y = fy + g.top + g.plot_h * (i + 0.5) / n - ROW / 2
        out.append(text_shape(slide, text, Box(fx + start + EDGE - 2, y, w, ROW)))
    out += _mark_shapes(slide, data, g, frame)
    return out


def _mark_shapes(slide: Slide, data: ChartData, g: ChartGeometry, frame: Box) -> list[BaseShape]:
    """The description's texts beside the series, for the Regioanalyse kinds."""
    s = scale_of(data, g)
    n = len(data.categories)
    fx, fy = frame.x, frame.y
    out: list[BaseShape] = []
    ends: list[tuple[float, int, str]] = []
    beside: dict[int, list[tuple[float, int, str]]] = {}
    for j, i, text, y in squeezed_parts(data, g):
        beside.setdefault(i, []).append((y, j, text))
    for m in data.marks:
        w = text_width(m.text, LABEL_SIZE, bold=True) + 4
        if m.where.startswith(("below:", "name:")):
            row = int(m.where.split(":")[1])
            bold = m.where.startswith("name:")
            size = LABEL_SIZE if bold else SMALL_SIZE
            if data.kind == "forecast":
                x = year_x(g, s, m.at)
            else:
                x = g.left + g.plot_w * (m.at + 0.5) / n
            y = fy + g.top + g.plot_h + 2 + (row + (0 if data.kind == "forecast" else 1)) * ROW
            box = Box(fx + x - w / 2 - 20, y, w + 40, ROW)
            out.append(text_shape(slide, m.text, box, "center", bold, size=size, color=MUTED if not bold else DARK))
        elif m.where.startswith("head:"):
            y = fy + g.top + g.plot_h + 2 + ROW
            out.append(text_shape(slide, m.text, Box(fx + EDGE, y, g.left - EDGE, ROW), size=SMALL_SIZE, color=MUTED))
        elif m.where.startswith("end:"):
            j = int(m.where.split(":")[1])
            known = [v for v in data.series[j].values if v is not None]
            ends.append((y_at(g, s, known[-1]) if known else g.top + g.plot_h, j, m.text))
        elif m.where == "top":
            x = g.x_center(m.category, n)
            y = y_at(g, s, m.at) - 4 - ROW
            out.append(text_shape(slide, m.text, Box(fx + x - w / 2, fy + y, w, ROW), "center", True))
        elif m.where.startswith("above:"):
            x = g.x_center(m.category, n)
            y = g.top + g.plot_h - ROW - 2
            out.append(text_shape(slide, m.text, Box(fx + x - w / 2, fy + y, w, ROW), "center"))
        elif m.where == "beside":
            if data.kind == "reference_bar":
                y = g.top + g.plot_h * (m.category + 0.5) / n - ROW / 2
                x = x_at(g, s, 0.0) + 3
            elif data.kind == "scenario":
                beside.setdefault(m.category, []).append((y_at(g, s, m.at), -1, m.text))
                continue
            else:
                y = y_at(g, s, m.at) - ROW / 2
                x = g.x_center(m.category, n) + g.bar / 2 + 3
            out.append(text_shape(slide, m.text, Box(fx + x, fy + y, w, ROW)))
    for i, items in beside.items():
        for y, _, text in _spread(sorted(items), LABEL_SIZE + 1):
            x = fx + g.x_center(i, n) + g.bar / 2 + 3
            w = text_width(text, LABEL_SIZE) + 4
            out.append(text_shape(slide, text, Box(x, fy + y - ROW / 2, w, ROW)))
    for y, j, text in _spread(sorted(ends), LABEL_SIZE + 2):
        w = text_width(text, LABEL_SIZE, bold=True) + 4
        x = fx + g.left + g.plot_w + END_GAP
        bold = j == 1
        out.append(text_shape(slide, text, Box(x, fy + y - ROW / 2, w, ROW), "left", bold))
    return out


def _spread(items: list[tuple[float, int, str]], spacing: float) -> list[tuple[float, int, str]]:
    """End labels top to bottom, pushed apart so that none overlaps the one above."""
    out: list[tuple[float, int, str]] = []
    for y, j, text in items:
        if out and y < out[-1][0] + spacing:
            y = out[-1][0] + spacing
        out.append((y, j, text))
    return out
