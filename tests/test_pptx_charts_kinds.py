"""Native chart details checked on small hand-made charts: a hidden value of each
Regioanalyse chart kind, value labels clear of reference lines, the forecast's scale,
and a lone ranked bar. The example regions hide no value in these charts, so the
hidden cases are built here.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from readback import pptx_chart_printed_texts
from test_pptx_charts_regioanalyse import _chart

from reportgen.clearance import CLEARANCE, label_start
from reportgen.model import ChartFrame


def test_label_clears_reference_lines() -> None:
    """A label over a line moves past it (and past the next one it would then hit); one
    clear of every line stays; to the left for a negative bar."""
    assert label_start(100, 20, [50, 200]) == 100
    assert label_start(100, 20, [110]) == 110 + CLEARANCE
    assert label_start(100, 20, [110, 125]) == 125 + CLEARANCE
    assert label_start(100, 20, [50], leftward=True) == 80
    assert label_start(100, 20, [90], leftward=True) == 90 - CLEARANCE - 20
    assert label_start(100, 20, [95, 75], leftward=True) == 75 - CLEARANCE - 20


def test_forecast_ticks_start_at_a_round_value_below_the_minimum() -> None:
    """4.281 to 4.691 gets the scale 4.200 to 4.800 in steps of 200; a scale that would
    start within one step of zero starts at zero; a minimum on a round value gets one step
    below it."""
    from reportgen.charts.forecast import forecast_ticks

    assert forecast_ticks(4281, 4691) == [4200, 4400, 4600, 4800]
    assert forecast_ticks(10, 100) == [0, 25, 50, 75, 100]
    assert forecast_ticks(950, 1300) == [900, 1000, 1100, 1200, 1300]
    assert forecast_ticks(1000, 1300)[0] == 900


def _hiding_deck(tmp_path: Path) -> tuple[Path, tuple[ChartFrame, ...]]:
    """A one-slide deck with the four Regioanalyse chart kinds, each hiding a value."""
    from dataclasses import replace

    from readback import sample_document

    from reportgen import charts
    from reportgen.charts import Series
    from reportgen.model import Box, Page
    from reportgen.render import render_pptx

    growth = charts.growth_bars(
        ["2020", "2021", "2022"],
        [Series("Regio", (5.0, None, 6.0)), Series("Alle", (4.0, 4.5, 5.0))],
        width_pt=420,
        height_pt=220,
        counts=[(100.0, None, 120.0), None],
    )
    refs = charts.reference_bars(
        ["A", "B", "C"], [0.05, None, -0.02], [("Regio", 0.03), ("Alle", None)], width_pt=420, height_pt=220
    )
    fan = charts.forecast_fan(
        [2023, 2025, 2030],
        [900.0, None, 980.0],
        [950.0, 990.0, 1040.0],
        [990.0, 1030.0, 1100.0],
        width_pt=420,
        height_pt=220,
    )
    scenario = charts.scenario_bars(
        ["Geen", "Half"],
        [Series("Bestaand", (1000.0, 1000.0)), Series("Extra", (None, 40.0))],
        [0.5, None],
        width_pt=420,
        height_pt=220,
    )
    frames = tuple(
        ChartFrame(name, Box(x, y, 420, 220), c.pdf, c.png, c.alt_text, c.labels, data=c.data)
        for name, x, y, c in (
            ("groei", 20, 40, growth),
            ("referentie", 480, 40, refs),
            ("prognose", 20, 300, fan),
            ("scenario", 480, 300, scenario),
        )
    )
    doc = replace(sample_document(), pages=(Page(1, "Verborgen", frames),))
    path = tmp_path / "verborgen.pptx"
    path.write_bytes(render_pptx(doc))
    return path, frames


def test_hidden_values_of_each_kind_are_blank_cells_with_a_star(tmp_path: Path) -> None:
    """A hidden value of a growth panel, a reference bar, a forecast line and a scenario
    part is no point and no workbook number; the chart prints "*" for it as the PDF does."""
    path, frames = _hiding_deck(tmp_path)
    shapes = {s.name: s for s in Presentation(path).slides[0].shapes}
    for frame in frames:
        group = shapes[frame.id]
        chart = _chart(group)
        shown = [v for s in frame.data.series for v in s.values if v is not None]
        hidden = sum(v is None for s in frame.data.series for v in s.values)
        assert hidden > 0, frame.id
        tag = "c:yVal" if frame.id == "prognose" else "c:val"
        cached = [float(v.text) for el in chart._chartSpace.iter(qn(tag)) for v in el.iter(qn("c:v"))]
        assert sorted(cached) == pytest.approx(sorted(shown)), frame.id
        with zipfile.ZipFile(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob)) as xlsx:
            sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
        numbers = [float(v) for v in re.findall(r'<c r="[A-Z]+\d+"(?: s="\d+")?(?: t="n")?><v>([^<]*)</v>', sheet)]
        years = [float(c) for c in frame.data.categories] * 3 if frame.id == "prognose" else []
        assert sorted(numbers) == pytest.approx(sorted(shown + years)), frame.id
        printed = pptx_chart_printed_texts(chart, group)
        if frame.id != "prognose":
            assert "*" in printed, frame.id
        missing = Counter(t for t in frame.labels if t) - Counter(printed)
        assert not missing, (frame.id, missing)


def test_a_lone_ranked_bar_is_as_slim_as_in_the_pdf() -> None:
    """One bar in a tall frame ("Overige profielen 100%"): its row is at most 40 pt high, as
    in the PDF, so the bar is 18 pt thick at the top instead of filling the frame."""
    from reportgen.model import ChartData, ChartSeries
    from reportgen.render.pptx_chart_layout import MAX_ROW, chart_geometry

    data = ChartData("ranked_bar", ("Overige profielen",), (ChartSeries("Waarde", (1.0,), "0079C1", ("100%",)),), "0%")
    g = chart_geometry(data, 520, 432)
    assert g.plot_h == MAX_ROW and g.bar == 18.0
    assert g.gap_width == round((MAX_ROW - 18.0) / 18.0 * 100)
