"""The chart kinds: printed labels, alt texts, output bytes, determinism and layout helpers."""

from __future__ import annotations

import io
import struct

import matplotlib as mpl
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from reportgen.charts import (
    PALETTE,
    ChartImage,
    Series,
    grouped_bars,
    monthly_lines,
    ranked_hbars,
    stacked_percent_bars,
)
from reportgen.charts.fontcache import CHART_FAMILY, lean_font_bytes
from reportgen.charts.grouped import label_size
from reportgen.charts.hbar import ranked_order, row_font_size
from reportgen.charts.lines import month_tick_labels, value_ticks
from reportgen.charts.place import spread_positions, truncated, wrapped
from reportgen.charts.style import mpl_color, series_color, text_color_on
from reportgen.fonts import text_width
from reportgen.formatting import format_decimal

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MONTHS = [f"2022-{m:02d}" for m in range(1, 13)] + ["2023-01", "2023-02"]


def _stacked() -> ChartImage:
    return stacked_percent_bars(
        ["jan 2021", "jan 2022"],
        [Series("Intramuraal", (0.5, 0.6)), Series("VPT", (0.3, 0.02)), Series("PGB", (0.2, None))],
        ["n = 1.234", "n = *"],
        width_pt=296,
        height_pt=330,
        title="Leveringsvorm",
    )


def _grouped() -> ChartImage:
    return grouped_bars(
        ["GGZ", "GZ", "VV"],
        [Series("Zwolle", (0.86, 0.09, 0.05)), Series("Alle regio's", (0.8, 0.13, None))],
        width_pt=296,
        height_pt=330,
        title="Sectorvreemde zorg",
    )


def _lines() -> ChartImage:
    return monthly_lines(
        MONTHS,
        [
            Series("Urgent", (12, 14, 15, 13, 16, 18, 17, 19, 22, 21, 20, 23, 25, 24)),
            Series("Actief", (80, 85, 90, 95, 101, 99, 104, 110, 115, 118, 121, 125, 130, 1234)),
            Series("Wacht op voorkeur", (40, 42, None, 45, 47, 50, 52, 51, 55, 58, 60, 61, 63, None)),
        ],
        width_pt=278,
        height_pt=360,
    )


def _hbars() -> ChartImage:
    return ranked_hbars(
        ["Drenthe", "Rotterdam", "Utrecht", "Zaanstreek/Waterland", "Zwolle"],
        [17.3, 22.4, 15.9, None, 17.1],
        width_pt=278,
        height_pt=200,
        value_format=lambda v: format_decimal(v, 1),
        highlight="Zwolle",
        title="GGZ-klanten per 10.000 inwoners",
    )


BUILDERS = {"stacked": _stacked, "grouped": _grouped, "lines": _lines, "hbars": _hbars}
SIZES = {"stacked": (296, 330), "grouped": (296, 330), "lines": (278, 360), "hbars": (278, 200)}


@pytest.fixture(scope="module")
def charts() -> dict[str, ChartImage]:
    """Each example chart drawn once for the whole module."""
    return {name: build() for name, build in BUILDERS.items()}


def _png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from the PNG header."""
    return struct.unpack(">II", png[16:24])


def test_stacked_labels(charts):
    """Segment labels bottom to top per column, then the total; suppressed is '*'."""
    assert charts["stacked"].labels == ("50%", "30%", "20%", "n = 1.234", "60%", "2%", "*", "n = *")


def test_stacked_alt_text(charts):
    """The alt text lists every share per column and reads '*' as 'niet getoond'."""
    assert charts["stacked"].alt_text == (
        "Leveringsvorm. Gestapelde kolommen, verdeling in procenten. "
        "jan 2021 (n = 1.234): Intramuraal 50%, VPT 30% en PGB 20%. "
        "jan 2022 (n = niet getoond): Intramuraal 60%, VPT 2% en PGB niet getoond."
    )


def test_stacked_whole_column_suppressed_shows_one_mark():
    """A column without any shown share carries a single '*' and no zero-share labels."""
    chart = stacked_percent_bars(
        ["Regio", "Alle regio's"],
        [Series("A", (None, 0.75)), Series("B", (None, 0.25)), Series("C", (None, 0.0))],
        ["n = *", "n = 4.000"],
        width_pt=200,
        height_pt=200,
    )
    assert chart.labels == ("*", "n = *", "75%", "25%", "n = 4.000")


def test_stacked_refuses_bad_shares():
    """Shares above 100% in a column or outside 0..1 are errors, not drawings."""
    with pytest.raises(ValueError, match="more than 1"):
        stacked_percent_bars(["x"], [Series("A", (0.7,)), Series("B", (0.4,))], width_pt=200, height_pt=200)
    with pytest.raises(ValueError, match="0..1"):
        stacked_percent_bars(["x"], [Series("A", (1.5,))], width_pt=200, height_pt=200)


def test_grouped_labels_and_alt_text(charts):
    """One label per group within each category, in group order."""
    assert charts["grouped"].labels == ("86%", "80%", "9%", "13%", "5%", "*")
    assert charts["grouped"].alt_text == (
        "Sectorvreemde zorg. Staafdiagram in procenten, Zwolle en Alle regio's naast elkaar. "
        "GGZ: Zwolle 86% en Alle regio's 80%. GZ: Zwolle 9% en Alle regio's 13%. "
        "VV: Zwolle 5% en Alle regio's niet getoond."
    )


def test_grouped_decimals():
    """decimals sets the precision of the labels."""
    chart = grouped_bars(["a"], [Series("R", (0.123,)), Series("A", (0.1,))], width_pt=150, height_pt=150, decimals=1)
    assert chart.labels == ("12,3%", "10,0%")


def test_lines_label_the_last_values(charts):
    """Each line whose last month is shown is labelled with its last value; a line whose
    last month is hidden gets no label (no stray '*' near zero)."""
    assert charts["lines"].labels == ("24", "1.234")


def test_lines_alt_text():
    """The alt text names the period and every monthly value."""
    chart = monthly_lines(["2022-12", "2023-01"], [Series("Urgent", (5, None))], width_pt=200, height_pt=150)
    assert chart.alt_text == (
        "Lijndiagram per maand, van dec 2022 tot en met jan 2023. Urgent: dec 2022 5, jan 2023 niet getoond."
    )
    assert chart.labels == ()


def test_hbars_ranked_labels(charts):
    """Values top to bottom from high to low, the suppressed one last."""
    assert charts["hbars"].labels == ("22,4", "17,3", "17,1", "15,9", "*")
    assert charts["hbars"].alt_text == (
        "GGZ-klanten per 10.000 inwoners. Liggende staven van hoog naar laag: Rotterdam 22,4, "
        "Drenthe 17,3, Zwolle 17,1, Utrecht 15,9 en Zaanstreek/Waterland niet getoond."
    )


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_output_formats(charts, name):
    """PDF and PNG bytes, the PDF page exactly the box, the PNG the box at 200 dpi."""
    chart = charts[name]
    width, height = SIZES[name]
    assert chart.pdf.startswith(b"%PDF")
    assert chart.png.startswith(PNG_SIGNATURE)
    page = PdfReader(io.BytesIO(chart.pdf)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (width, height)
    assert _png_size(chart.png) == (int(width * 200 / 72), int(height * 200 / 72))


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_pdf_is_vector_with_real_text(charts, name):
    """No images in the PDF; the font is embedded as TrueType and labels stay text."""
    chart = charts[name]
    assert b"/Subtype /Image" not in chart.pdf
    assert b"/FontFile2" in chart.pdf
    text = PdfReader(io.BytesIO(chart.pdf)).pages[0].extract_text()
    assert all(label in text for label in chart.labels)


def test_pdf_has_no_dates_or_producer(charts):
    """Nothing that changes between runs goes into the PDF metadata."""
    pdf = charts["stacked"].pdf
    assert b"/CreationDate" not in pdf
    assert b"/Producer" not in pdf


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_same_input_same_bytes(charts, name):
    """Drawing a chart again gives byte-identical PDF and PNG."""
    again = BUILDERS[name]()
    assert again.pdf == charts[name].pdf
    assert again.png == charts[name].png


def test_settings_do_not_leak(charts):
    """The house settings apply only while a chart is drawn."""
    before = (mpl.rcParams["font.family"], mpl.rcParams["pdf.fonttype"], mpl.rcParams["font.size"])
    _grouped()
    assert (mpl.rcParams["font.family"], mpl.rcParams["pdf.fonttype"], mpl.rcParams["font.size"]) == before


def test_input_errors():
    """Mismatched lengths, negative values and tiny boxes are refused."""
    with pytest.raises(ValueError, match="2 values for 3 categories"):
        grouped_bars(["a", "b", "c"], [Series("R", (0.1, 0.2))], width_pt=200, height_pt=200)
    with pytest.raises(ValueError, match="negative"):
        ranked_hbars(["a"], [-1.0], width_pt=200, height_pt=200)
    with pytest.raises(ValueError, match="too small"):
        grouped_bars(["a"], [Series("R", (0.1,))], width_pt=20, height_pt=200)
    with pytest.raises(ValueError, match="month key"):
        monthly_lines(["2023-1"], [Series("R", (1,))], width_pt=200, height_pt=200)


def test_month_tick_labels_thin_out_when_crowded():
    """Year under the first label of each year; every other month when slots are narrow."""
    assert month_tick_labels(MONTHS, 30) == [
        "jan\n2022", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec", "jan\n2023", "feb"
    ]  # fmt: skip
    assert text_width("mei", 8) + 3 > 10  # the widest abbreviation needs two 10 pt slots
    assert month_tick_labels(MONTHS, 10) == [
        "jan\n2022", "", "mrt", "", "mei", "", "jul", "", "sep", "", "nov", "", "jan\n2023", ""
    ]  # fmt: skip
    assert month_tick_labels(["2022-06", "2022-07"], 30) == ["jun\n2022", "jul"]


def test_value_ticks():
    """Round steps from 0 past the maximum; whole numbers for counts."""
    assert value_ticks(134, whole=True) == [0.0, 40.0, 80.0, 120.0, 160.0]
    assert value_ticks(0, whole=True) == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert value_ticks(0.34, whole=False)[:3] == [0.0, 0.1, 0.2]


def test_ranked_order():
    """Highest first, ties in input order, suppressed last in input order."""
    assert ranked_order([5, 7, None, 5, 7, None]) == [1, 4, 0, 3, 2, 5]


def test_row_font_size():
    """The house size in roomy rows, smaller in tight rows, never below the minimum."""
    assert row_font_size(20) == 9.0
    assert row_font_size(8.35) == 7.0
    assert row_font_size(4) == 6.5


def test_grouped_label_size():
    """Labels shrink to fit their column, and give up below the minimum size."""
    assert label_size(["50%"], 40) == 9.0
    assert label_size(["40,0%", "5%"], 5) is None


def test_spread_positions():
    """Colliding labels move apart by the spacing; free ones stay; the top bound holds."""
    assert spread_positions([10, 30], 5, 0, 100) == [10, 30]
    assert spread_positions([10, 11, 30], 5, 0, 100) == [10, 15, 30]
    assert spread_positions([11, 10], 5, 0, 100) == [15, 10]
    assert spread_positions([98, 99], 5, 0, 100) == [95, 100]
    assert spread_positions([], 5, 0, 100) == []


def test_truncated_and_wrapped():
    """Long labels wrap at spaces, and are cut with an ellipsis past the line limit."""
    assert truncated("Zwolle", 9, 100) == "Zwolle"
    assert wrapped("Regio Apeldoorn/Zutphen en omstreken", 9, 80, 3) == "Regio\nApeldoorn/Zutphen\nen omstreken"
    cut = truncated("Apeldoorn/Zutphen", 9, 40)
    assert cut.endswith("\u2026")
    assert text_width(cut, 9) <= 40


def test_colours():
    """Palette names resolve, labels on dark fills are white, on light fills dark."""
    assert PALETTE["accent"] == "F5A623"
    assert mpl_color("accent") == "#F5A623"
    assert mpl_color("003b5c") == "#003B5C"
    assert series_color(None, 1) == "#0079C1"
    assert series_color("grey", 0) == "#8C8C8C"
    assert text_color_on("#003B5C") == "#FFFFFF"
    assert text_color_on("#0079C1") == "#FFFFFF"
    assert text_color_on("#B7D7EE") == "#262626"
    with pytest.raises(ValueError):
        mpl_color("blue-ish")


def test_lean_chart_font():
    """The chart copy of the house font keeps Dutch letters and the euro, drops layout tables."""
    font = TTFont(io.BytesIO(lean_font_bytes(False, False)))
    cmap = font.getBestCmap()
    assert all(ord(ch) in cmap for ch in "€ëéïó…%*")
    assert "GPOS" not in font and "GSUB" not in font
    assert font["name"].getDebugName(1) == CHART_FAMILY
