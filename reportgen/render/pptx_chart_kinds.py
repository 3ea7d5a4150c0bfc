"""House style of the Regioanalyse's native charts beyond what `pptx_chart.style_chart`
sets for every chart: the forecast's year axis and line styles, the name column of the
reference bars, and no label on a point whose text stands beside the chart instead.
"""

from __future__ import annotations

from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.series import _BaseCategorySeries
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_MARKER_STYLE, XL_TICK_LABEL_POSITION
from pptx.enum.dml import MSO_LINE
from pptx.oxml.ns import qn
from pptx.util import Pt

from reportgen.model import ChartData
from reportgen.render.pptx_chart_frames import moved_labels, scale_of, squeezed_parts
from reportgen.render.pptx_chart_layout import RULE, ChartGeometry

FORECAST_LINES = ((1.25, MSO_LINE.DASH), (2.0, MSO_LINE.SOLID), (1.25, MSO_LINE.ROUND_DOT))
"""Width and dash of the forecast's lines in the description's order: max, mid, min."""


def style_drawn_kind(chart: Chart, data: ChartData, g: ChartGeometry) -> None:
    """The kind's own settings; the chart and plot area are left unfilled so the shapes
    behind (the fan) show through."""
    space = chart._chartSpace
    for parent in (space, space.find(qn("c:chart")).find(qn("c:plotArea"))):
        sp = parent.find(qn("c:spPr"))
        if sp is None:
            sp = etree.SubElement(parent, qn("c:spPr"))
            if parent is space:
                space.find(qn("c:chart")).addnext(sp)
        for child in list(sp):
            sp.remove(child)
        etree.SubElement(sp, qn("a:noFill"))
    if data.kind == "forecast":
        _forecast(chart, data)
        return
    series = chart.plots[0].series[0] if data.series else None
    if data.kind == "reference_bar":
        chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
        chart.value_axis.minimum_scale = scale_of(data, g).low
        for i in moved_labels(data, g):
            assert series is not None
            _no_label(series, i)
    if data.kind == "scenario":
        for j, i, _, _ in squeezed_parts(data, g):
            _no_label(chart.plots[0].series[j], i)


def _no_label(series: _BaseCategorySeries, index: int) -> None:
    """No label on one point (`c:dLbl` with `c:delete`)."""
    d_lbl = series.points[index].data_label._get_or_add_dLbl()
    for child in list(d_lbl):
        if child.tag != qn("c:idx"):
            d_lbl.remove(child)
    etree.SubElement(d_lbl, qn("c:delete"), val="1")


def _forecast(chart: Chart, data: ChartData) -> None:
    """Years along x without PowerPoint's tick labels (the years stand below as texts),
    the value scale from the description's rounded start, each line in its colour and dash."""
    s = scale_of(data)
    x_axis = chart.category_axis
    x_axis.minimum_scale, x_axis.maximum_scale = s.x_low, s.x_high
    x_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
    x_axis.has_major_gridlines = False
    x_axis.format.line.color.rgb = RGBColor.from_string(RULE)
    x_axis.format.line.width = Pt(0.75)
    for series, described, (width, dash) in zip(chart.plots[0].series, data.series, FORECAST_LINES, strict=False):
        series.format.line.color.rgb = RGBColor.from_string(described.color)
        series.format.line.width = Pt(width)
        series.format.line.dash_style = dash
        series.smooth = False
        series.marker.style = XL_MARKER_STYLE.NONE
