"""A chart description as the data of a native chart, with a workbook that carries the
document's date (XlsxWriter stamps it with the current time), so equal decks are equal
bytes. Hidden values (None) become blank cells: the workbook holds only what is shown.
"""

from __future__ import annotations

import io
import re
import zipfile

from pptx.chart.data import CategoryChartData, XyChartData

from reportgen.model import ChartData
from reportgen.printable import printable
from reportgen.render.zipfix import normalized_zip

DateTime = tuple[int, int, int, int, int, int]
_CREATED = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def dated_workbook(blob: bytes, date_time: DateTime) -> bytes:
    """The workbook with `date_time` as its creation and change date, zipped reproducibly."""
    y, mo, d, h, mi, s = date_time
    stamp = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "docProps/core.xml":
                data = _CREATED.sub(rb"\g<1>" + stamp.encode() + rb"\g<3>", data)
            target.writestr(entry.filename, data)
    return normalized_zip(out.getvalue(), date_time)


class _Dated:
    """Chart data whose embedded workbook carries the document's date, not the time of rendering
    (same inputs, same bytes)."""

    def __init__(self, number_format: str, date_time: DateTime) -> None:
        super().__init__(number_format=number_format)
        self._date_time = date_time

    @property
    def xlsx_blob(self) -> bytes:
        return dated_workbook(super().xlsx_blob, self._date_time)


class DatedChartData(_Dated, CategoryChartData):
    """Category chart data whose workbook carries the document's date."""


class DatedXyChartData(_Dated, XyChartData):
    """XY chart data (the forecast: x is the year) whose workbook carries the document's date."""


def chart_data_of(data: ChartData, date_time: DateTime) -> CategoryChartData | XyChartData:
    """The description's series as chart data: per category, or for the forecast as
    (year, value) points, a hidden value a blank cell (the line breaks there)."""
    if data.kind == "forecast":
        xy = DatedXyChartData(data.number_format, date_time)
        for s in data.series:
            series = xy.add_series(printable(s.name), number_format=data.number_format)
            for year, value in zip(data.categories, s.values, strict=True):
                series.add_data_point(float(year), value)
        return xy
    chart_data = DatedChartData(data.number_format, date_time)
    chart_data.categories = [printable(c) for c in data.categories]
    for s in data.series:
        chart_data.add_series(printable(s.name), s.values, number_format=data.number_format)
    return chart_data
