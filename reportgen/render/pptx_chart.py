"""A chart description as a native, editable PowerPoint chart.

The chart's data go into its embedded workbook (hidden values are blank cells, so the
workbook holds only what the chart prints), its labels print the values through the
description's number format (Dutch in any locale) or, where no code can, as texts.
The plot area is placed by hand (`pptx_chart_layout`), so the texts PowerPoint cannot
draw (a column's "n = ...", a "*" beside a hidden part) stand where they belong, in
text boxes grouped with the chart so they move with it.
"""

from __future__ import annotations

from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.series import _BaseCategorySeries
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE, XL_TICK_MARK
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.shapes.group import GroupShape
from pptx.slide import Slide
from pptx.text.text import Font
from pptx.util import Pt

from reportgen.fonts import PPTX_FAMILY
from reportgen.model import Box, ChartData, ChartFrame, ChartSeries, Paragraph, Run, TextFrame, TextStyle
from reportgen.printable import printable
from reportgen.render.pptx_chart_data import chart_data_of
from reportgen.render.pptx_chart_drawn import behind_shapes, over_shapes
from reportgen.render.pptx_chart_frames import frame_geometry
from reportgen.render.pptx_chart_kinds import style_drawn_kind
from reportgen.render.pptx_chart_layout import (
    LABEL_SIZE,
    LINE_WIDTH,
    MUTED,
    RULE,
    SEPARATOR,
    SMALL_SIZE,
    ChartGeometry,
    chart_geometry,
    mark_boxes,
)
from reportgen.render.pptx_shapes import add_text_box
from reportgen.render.pptx_text import emu

CHART_TYPES = {
    "stacked_percent": XL_CHART_TYPE.COLUMN_STACKED_100,
    "clustered": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE,
    "ranked_bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "growth": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "reference_bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "forecast": XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS,
    "scenario": XL_CHART_TYPE.COLUMN_STACKED,
}
"""The PowerPoint chart type of each description kind."""
DRAWN_KINDS = ("growth", "reference_bar", "forecast", "scenario")
"""Kinds whose arrows, lines, fan or bubbles are drawn as shapes (`pptx_chart_drawn`)."""

GENERAL = "General"


def add_native_chart(slide: Slide, frame: ChartFrame, date_time: tuple[int, int, int, int, int, int]) -> GroupShape:
    """The frame's description as a chart in the frame's box, grouped with its marks;
    the group carries the frame's id as name and its alt text."""
    data = frame.data
    assert data is not None
    b = frame.box
    chart_data = chart_data_of(data, date_time)
    drawn = data.kind in DRAWN_KINDS
    geometry = frame_geometry(data, b.w, b.h) if drawn else chart_geometry(data, b.w, b.h)
    shapes = behind_shapes(slide, data, geometry, b) if drawn else []
    graphic = slide.shapes.add_chart(CHART_TYPES[data.kind], emu(b.x), emu(b.y), emu(b.w), emu(b.h), chart_data)
    graphic.name = printable(f"{frame.id}_grafiek")
    alt = printable(frame.alt_text)
    graphic._element.nvGraphicFramePr.cNvPr.set("descr", alt)
    style_chart(graphic.chart, data, geometry)
    shapes.append(graphic)
    if drawn:
        style_drawn_kind(graphic.chart, data, geometry)
        shapes += over_shapes(slide, data, geometry, b)
    for text, box, align in [] if drawn else mark_boxes(data, geometry, b):
        shapes.append(_mark_box(slide, text, box, align))
    group = slide.shapes.add_group_shape(shapes)
    group.name = printable(frame.id)
    group._element.nvGrpSpPr.cNvPr.set("descr", alt)
    return group


def _mark_box(slide: Slide, text: str, box: Box, align: str) -> Shape:
    """A mark as a one-line text box in the chart's label style."""
    style = TextStyle(size=LABEL_SIZE, leading=LABEL_SIZE * 1.2, space_after=0, color="262626", align=align)
    frame = TextFrame("label", box, (Paragraph((Run(text),)),), style, role="chart-label")
    shape = add_text_box(slide, frame)
    shape.text_frame.word_wrap = False
    return shape


def _font(font: Font, size: float, color: str, bold: bool = False) -> None:
    """Calibri at `size` in `color`, bold or not."""
    font.size = Pt(size)
    font.name = PPTX_FAMILY
    font.bold = bold
    font.color.rgb = RGBColor.from_string(color)


def _manual_layout(parent: etree._Element, x: float, y: float, w: float, h: float, inner: bool) -> None:
    """A `c:layout` placing an element at fractions of the chart space."""
    layout = parent.find(qn("c:layout"))
    if layout is None:
        layout = etree.Element(qn("c:layout"))
        parent.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    if inner:
        etree.SubElement(manual, qn("c:layoutTarget"), val="inner")
    for tag, val in (("c:xMode", "edge"), ("c:yMode", "edge"), ("c:x", x), ("c:y", y), ("c:w", w), ("c:h", h)):
        etree.SubElement(manual, qn(tag), val=str(val) if isinstance(val, str) else f"{val:.6f}")


def style_chart(chart: Chart, data: ChartData, geometry: ChartGeometry) -> None:
    """House style: Calibri 9 pt, no title and no gridlines, legend on top, labels on the data."""
    chart.has_title = False
    _font(chart.font, LABEL_SIZE, MUTED)
    chart_space = chart._chartSpace
    plot_area = chart_space.find(qn("c:chart")).find(qn("c:plotArea"))
    g = geometry
    _manual_layout(plot_area, g.left / g.width, g.top / g.height, g.plot_w / g.width, g.plot_h / g.height, True)
    chart_el = chart_space.find(qn("c:chart"))
    blanks = chart_el.find(qn("c:dispBlanksAs"))
    if blanks is None:
        blanks = etree.SubElement(chart_el, qn("c:dispBlanksAs"))
        chart_el.find(qn("c:plotVisOnly")).addnext(blanks)
    blanks.set("val", "gap")
    chart.has_legend = data.legend
    if data.legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        _font(chart.legend.font, LABEL_SIZE, MUTED)
    _style_axes(chart, data)
    if g.label_skip > 1:
        ax = chart_space.find(qn("c:chart")).find(qn("c:plotArea")).find(qn("c:catAx"))
        skip = etree.Element(qn("c:tickLblSkip"), val=str(g.label_skip))
        ax.insert_element_before(skip, "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst")
    plot = chart.plots[0]
    if data.kind not in ("line", "forecast"):
        plot.gap_width = g.gap_width
        plot.overlap = 100 if data.kind in ("stacked_percent", "growth", "scenario") else 0
        plot.vary_by_categories = False
    for series, described in zip(plot.series, data.series, strict=True):
        _style_series(series, described, data)


def _style_axes(chart: Chart, data: ChartData) -> None:
    """Category axis: a thin rule, no ticks; value axis: the fixed scale, shown only for
    lines (bars carry their values), in the labels' number format."""
    category = chart.category_axis
    category.has_major_gridlines = category.has_minor_gridlines = False
    category.major_tick_mark = category.minor_tick_mark = XL_TICK_MARK.NONE
    _font(category.tick_labels.font, SMALL_SIZE if data.kind == "line" else LABEL_SIZE, MUTED)
    body = category._element.find(qn("c:txPr")).find(qn("a:bodyPr"))
    # level labels; a line's months a hundredth of a degree off level: LibreOffice breaks
    # a label that is exactly level to its category's width ("jan 2023" into "jan 202"
    # and "3") and skips labels (tickLblSkip, as PowerPoint) only when it is not
    body.set("rot", "-600" if data.kind == "line" else "0")
    body.set("vert", "horz")
    category.format.line.color.rgb = RGBColor.from_string(RULE)
    category.format.line.width = Pt(0.75)
    value = chart.value_axis
    value.has_major_gridlines = value.has_minor_gridlines = False
    value.major_tick_mark = value.minor_tick_mark = XL_TICK_MARK.NONE
    value.minimum_scale = data.axis_min or 0.0
    if data.axis_max is not None:
        value.maximum_scale = data.axis_max
    if data.axis_step is not None:
        value.major_unit = data.axis_step
    value.format.line.fill.background()
    value.tick_labels.number_format = data.number_format
    value.tick_labels.number_format_is_linked = False
    _font(value.tick_labels.font, SMALL_SIZE, MUTED)
    value.visible = data.kind in ("line", "forecast")
    if data.kind in ("ranked_bar", "reference_bar"):
        category.reverse_order = True
    if data.kind == "ranked_bar":  # reference bars keep the rule: it is their zero line
        category.format.line.fill.background()


def _line_dots(values: tuple[float | None, ...]) -> list[tuple[int, int]]:
    """(point, marker size) of the dots a line carries, as in the PDF: the end dot only where
    the line runs into its last month, and a small dot on a shown month between hidden ones
    (a line cannot draw it); a line whose last month is hidden ends without a dot."""
    n = len(values)

    def shown(i: int) -> bool:
        return 0 <= i < n and values[i] is not None

    dots = [(i, 3) for i in range(n) if shown(i) and n > 1 and not shown(i - 1) and not shown(i + 1)]
    if shown(n - 1) and (n == 1 or shown(n - 2)):
        dots.append((n - 1, 4))
    return dots


def _style_series(s: _BaseCategorySeries, d: ChartSeries, data: ChartData) -> None:
    """Colour, separators or line, and the labels of one series."""
    if data.kind == "forecast":
        return
    if data.kind == "line":
        s.format.line.color.rgb = RGBColor.from_string(d.color)
        s.format.line.width = Pt(LINE_WIDTH)
        s.smooth = False
        s.marker.style = XL_MARKER_STYLE.NONE
        for i, size in _line_dots(d.values):
            point = s.points[i]
            point.marker.style = XL_MARKER_STYLE.CIRCLE
            point.marker.size = size
            point.marker.format.fill.solid()
            point.marker.format.fill.fore_color.rgb = RGBColor.from_string(d.color)
            point.marker.format.line.fill.background()
    else:
        s.format.fill.solid()
        s.format.fill.fore_color.rgb = RGBColor.from_string(d.color)
        s.format.line.color.rgb = RGBColor.from_string(SEPARATOR)
        s.format.line.width = Pt(0.75)
        if data.highlight is not None and data.highlight_color:
            point = s.points[data.highlight]
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = RGBColor.from_string(data.highlight_color)
            point.format.line.color.rgb = RGBColor.from_string(SEPARATOR)
    _labels(s, d, data)


POSITIONS = {
    "stacked_percent": XL_LABEL_POSITION.CENTER,
    "clustered": XL_LABEL_POSITION.OUTSIDE_END,
    "line": XL_LABEL_POSITION.RIGHT,
    "ranked_bar": XL_LABEL_POSITION.OUTSIDE_END,
    "growth": XL_LABEL_POSITION.OUTSIDE_END,
    "reference_bar": XL_LABEL_POSITION.OUTSIDE_END,
    "scenario": XL_LABEL_POSITION.CENTER,
}


def _labels(series: _BaseCategorySeries, described: ChartSeries, data: ChartData) -> None:
    """The value labels: shown through the number format where the description has one,
    else written as texts; deleted on the points that print none."""
    labels = series.data_labels
    labels.show_value = True
    labels.number_format = data.number_format
    labels.number_format_is_linked = False
    labels.position = POSITIONS[data.kind]
    _font(labels.font, LABEL_SIZE, described.label_color)
    for i, text in enumerate(described.labels):
        if not text:
            _delete_label(series, i)
        elif data.number_format == GENERAL:
            frame = series.points[i].data_label.text_frame
            frame.text = printable(text)
            _font(frame.paragraphs[0].runs[0].font, LABEL_SIZE, described.label_color)
            series.points[i].data_label.position = POSITIONS[data.kind]


def _delete_label(series: _BaseCategorySeries, index: int) -> None:
    """No label on one point (`c:dLbl` with `c:delete`)."""
    d_lbl = series.points[index].data_label._get_or_add_dLbl()
    for child in list(d_lbl):
        if child.tag != qn("c:idx"):
            d_lbl.remove(child)
    etree.SubElement(d_lbl, qn("c:delete"), val="1")
