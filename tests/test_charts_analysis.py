"""The Regioanalyse chart kinds: growth arrows, forecast fan, reference bars and scenario
columns: printed labels, alt texts, suppression, vector and deterministic output."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reportgen.charts import ChartImage, Series, forecast_fan, growth_bars, reference_bars, scenario_bars
from reportgen.charts.forecast import band_runs
from reportgen.charts.growth import growth, growth_text
from reportgen.charts.scenario import column_total


def _growth() -> ChartImage:
    return growth_bars(
        ["2020", "2021", "2022", "2023"],
        [Series("'t Gooi", (5.2, 5.3, 5.5, 5.6)), Series("Alle regio's", (6.6, 6.8, 6.9, 6.9), color="grey")],
        width_pt=440,
        height_pt=260,
        title="GZ-klanten per 1.000 inwoners",
    )


def _forecast() -> ChartImage:
    return forecast_fan(
        [2023, 2025, 2028, 2030, 2035, 2040],
        [2668, 2600, 2500, 2450, 2400, 2348],
        [2668, 2750, 2850, 2920, 3000, 3068],
        [2668, 2900, 3200, 3450, 3700, 3815],
        width_pt=300,
        height_pt=260,
        title="Verwacht aantal klanten",
    )


def _reference() -> ChartImage:
    return reference_bars(
        ["Hilversum", "Almere", "Wijdemeren", "Huizen", "Laren"],
        [-0.0212, 0.0745, 0.1703, None, -0.0045],
        [("'t Gooi", 0.0835), ("Alle regio's", 0.044)],
        width_pt=300,
        height_pt=220,
        title="Groei per gemeente",
    )


def _scenario() -> ChartImage:
    return scenario_bars(
        ["2023", "Scenario 1", "Scenario 2"],
        [
            Series("Bestaand", (2668, 2668, 2668)),
            Series("Extra intramuraal", (0, 454, 394)),
            Series("Extra thuis", (0, 80, None)),
        ],
        [0.54, 0.55, None],
        width_pt=440,
        height_pt=300,
        title="Capaciteit 2028",
    )


BUILDERS = {"growth": _growth, "forecast": _forecast, "reference": _reference, "scenario": _scenario}


@pytest.fixture(scope="module")
def charts() -> dict[str, ChartImage]:
    return {name: build() for name, build in BUILDERS.items()}


def test_growth_values():
    """Change between first and last year: 5,6 / 5,2 - 1 = 7,69%; unknown when suppressed."""
    assert growth(5.2, 5.6) == pytest.approx(0.076923, abs=1e-6)
    assert growth_text(growth(5.2, 5.6)) == "+7,7%"
    assert growth_text(growth(6.9, 6.8)) == "-1,4%"
    assert growth(None, 5.6) is None and growth(0, 5) is None
    assert growth_text(None) == "*"


def test_growth_labels_and_alt_text(charts):
    """Values year by year per group, then its growth."""
    assert charts["growth"].labels == ("5,2", "5,3", "5,5", "5,6", "+7,7%", "6,6", "6,8", "6,9", "6,9", "+4,5%")
    assert charts["growth"].alt_text == (
        "GZ-klanten per 1.000 inwoners. Kolommen per jaar, 2020 tot en met 2023, met de groei. "
        "'t Gooi: 2020 5,2, 2021 5,3, 2022 5,5, 2023 5,6; groei +7,7%. "
        "Alle regio's: 2020 6,6, 2021 6,8, 2022 6,9, 2023 6,9; groei +4,5%."
    )


def test_growth_with_suppressed_first_year():
    """A suppressed first year has no column, prints '*', and the growth is '*' too."""
    chart = growth_bars(["2020", "2023"], [Series("Regio", (None, 12.0))], width_pt=200, height_pt=200)
    assert chart.labels == ("*", "12,0", "*")
    assert "groei niet getoond" in chart.alt_text
    with pytest.raises(ValueError, match="two years"):
        growth_bars(["2023"], [Series("Regio", (1.0,))], width_pt=200, height_pt=200)


def test_growth_with_counts_row():
    """Counts under the years of one group follow its growth in the labels and the alt text."""
    chart = growth_bars(
        ["2020", "2023"],
        [Series("'t Gooi", (5.24, 5.64)), Series("Alle regio's", (6.6, 6.9))],
        width_pt=300,
        height_pt=220,
        counts=[(2386, None), None],
    )
    assert chart.labels == ("5,2", "5,6", "+7,6%", "2.386", "*", "6,6", "6,9", "+4,5%")
    assert chart.alt_text.endswith("Aantal klanten, 't Gooi: 2020 2.386, 2023 niet getoond.")
    with pytest.raises(ValueError, match="one row"):
        growth_bars(["2020", "2023"], [Series("R", (1.0, 2.0))], width_pt=200, height_pt=200, counts=[(1,)])


def test_forecast_labels_and_alt_text(charts):
    """End labels max, mid, min with the change since 2023: 3815/2668 = +43%, 3068/2668 =
    +15%, 2348/2668 = -12%."""
    assert charts["forecast"].labels == ("Max 3.815 (+43%)", "Mid 3.068 (+15%)", "Min 2.348 (-12%)")
    alt = charts["forecast"].alt_text
    assert alt.startswith(
        "Verwacht aantal klanten. Prognose van 2023 tot en met 2040 met een bandbreedte. Max: 2023 2.668"
    )
    assert "Min: 2023 2.668, 2025 2.600, 2028 2.500, 2030 2.450, 2035 2.400, 2040 2.348; verandering -12%." in alt


def test_forecast_band_breaks_at_a_suppressed_value():
    """The band is drawn only over consecutive years where min and max are both shown."""
    assert band_runs([2023, 2025, 2030, 2040], [1, 2, None, 4], [5, 6, 7, 8]) == [
        [(2023.0, 1.0, 5.0), (2025.0, 2.0, 6.0)]
    ]
    assert band_runs([2023, 2030], [1, 2], [3, 4]) == [[(2023.0, 1.0, 3.0), (2030.0, 2.0, 4.0)]]
    chart = forecast_fan([2023, 2030, 2040], [10, None, 12], [11, 13, None], [12, 14, 16], width_pt=250, height_pt=180)
    assert chart.labels == ("Max 16 (+33%)", "Mid * (*)", "Min 12 (+20%)")


def test_forecast_prints_the_changes_it_is_given():
    """Lines from 10 to 9, 12 and 15; given changes -12,4%, +15,4% and +43,2% (against another
    base) are printed and spoken instead of -10%, +20% and +50%; an unknown change prints '*'."""
    chart = forecast_fan(
        [2023, 2040], [10, 9], [10, 12], [10, 15], width_pt=250, height_pt=180, changes=[-0.124, 0.154, 0.432]
    )
    assert chart.labels == ("Max 15 (+43%)", "Mid 12 (+15%)", "Min 9 (-12%)")
    assert "Max: 2023 10, 2040 15; verandering +43%." in chart.alt_text
    unknown = forecast_fan([2023, 2040], [10, 9], [10, 12], [10, 15], width_pt=250, height_pt=180, changes=[None] * 3)
    assert unknown.labels == ("Max 15 (*)", "Mid 12 (*)", "Min 9 (*)")


def test_forecast_refuses_bad_years():
    """Years must rise; every line needs a value per year."""
    with pytest.raises(ValueError, match="rising"):
        forecast_fan([2030, 2023], [1, 2], [1, 2], [1, 2], width_pt=200, height_pt=200)
    with pytest.raises(ValueError, match="Mid has 1 values"):
        forecast_fan([2023, 2030], [1, 2], [1], [1, 2], width_pt=200, height_pt=200)


def test_reference_bars_labels(charts):
    """Highest first, negatives after the positives, suppressed last; then the references."""
    assert charts["reference"].labels == (
        "+17,0%",
        "+7,5%",
        "-0,5%",
        "-2,1%",
        "*",
        "'t Gooi +8,4%",
        "Alle regio's +4,4%",
    )
    assert charts["reference"].alt_text == (
        "Groei per gemeente. Liggende staven van hoog naar laag: Wijdemeren +17,0%, Almere +7,5%, Laren -0,5%, "
        "Hilversum -2,1% en Huizen niet getoond. Referentielijnen: 't Gooi +8,4% en Alle regio's +4,4%."
    )


def test_scenario_labels_hide_a_total_that_would_reveal(charts):
    """Zero parts get no label; a suppressed part hides its column's total as well."""
    assert charts["scenario"].labels == (
        "2.668", "2.668", "54%",
        "2.668", "454", "80", "3.202", "55%",
        "2.668", "394", "*", "*", "*",
    )  # fmt: skip
    assert column_total([2668, 454, 80]) == 3202
    assert column_total([2668, None]) is None
    assert charts["scenario"].alt_text.endswith(
        "Scenario 2: Bestaand 2.668, Extra intramuraal 394 en Extra thuis niet getoond; "
        "totaal niet getoond; zelfstandig wonend niet getoond."
    )


def test_scenario_refuses_bad_input():
    """Negative counts, shares outside 0..1 and a bubble count mismatch are refused."""
    with pytest.raises(ValueError, match="negative"):
        scenario_bars(["a"], [Series("x", (-1,))], [0.5], width_pt=200, height_pt=200)
    with pytest.raises(ValueError, match="0..1"):
        scenario_bars(["a"], [Series("x", (1,))], [1.5], width_pt=200, height_pt=200)
    with pytest.raises(ValueError, match="2 bubbles for 1"):
        scenario_bars(["a"], [Series("x", (1,))], [0.1, 0.2], width_pt=200, height_pt=200)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_vector_pdf_with_text(charts, name):
    """No raster image in the PDF, the font embedded, every label present as text."""
    chart = charts[name]
    assert b"/Subtype /Image" not in chart.pdf
    assert b"/FontFile2" in chart.pdf
    text = PdfReader(io.BytesIO(chart.pdf)).pages[0].extract_text()
    assert all(label in text for label in chart.labels)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_same_input_same_bytes(charts, name):
    """Drawing again gives byte-identical PDF and PNG."""
    again = BUILDERS[name]()
    assert again.pdf == charts[name].pdf
    assert again.png == charts[name].png
