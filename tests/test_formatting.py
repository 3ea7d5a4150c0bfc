"""Dutch number, money and date formatting: exact strings, boundaries and rounding."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.formatting import (
    SUPPRESSED,
    SUPPRESSED_NOTE,
    format_date_nl,
    format_decimal,
    format_euro,
    format_euro_millions,
    format_int,
    format_n,
    format_percent,
    format_points,
    join_nl,
    month_abbr_nl,
    month_label,
    month_name_nl,
    parse_month,
    suppressed_note,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (2438, "2.438"),
        (999_999, "999.999"),
        (1_000_000, "1.000.000"),
        (-2438, "-2.438"),
        (-1000, "-1.000"),
        (2.5, "3"),
        (-2.5, "-3"),
        (3.5, "4"),
        (-0.4, "0"),
        (999.5, "1.000"),
    ],
)
def test_format_int(value, expected):
    """Whole numbers get a dot per thousand and round half away from zero."""
    assert format_int(value) == expected


def test_format_int_signed():
    """signed=True puts a plus before positive numbers only."""
    assert (format_int(5, signed=True), format_int(0, signed=True), format_int(-5, signed=True)) == ("+5", "0", "-5")


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (8.4, 1, "8,4"),
        (0.125, 2, "0,13"),
        (0.135, 2, "0,14"),
        (-0.125, 2, "-0,13"),
        (1.005, 2, "1,01"),
        (2.675, 2, "2,68"),
        (0.5, 0, "1"),
        (1234.5, 1, "1.234,5"),
        (1_000_000, 2, "1.000.000,00"),
        (-0.04, 1, "0,0"),
        (0, 1, "0,0"),
        (5.8, 0, "6"),
    ],
)
def test_format_decimal(value, decimals, expected):
    """A decimal comma, thousands dots, and rounding as written, not as stored in binary."""
    assert format_decimal(value, decimals) == expected


def test_format_decimal_rejects_negative_decimals():
    """A negative number of decimals is a programming error."""
    with pytest.raises(ValueError):
        format_decimal(1.5, -1)


@pytest.mark.parametrize(
    ("share", "decimals", "expected"),
    [
        (0.084, 1, "8,4%"),
        (0.0845, 1, "8,5%"),
        (0.285, 0, "29%"),
        (0.005, 0, "1%"),
        (0.0049, 0, "0%"),
        (0, 0, "0%"),
        (1, 0, "100%"),
        (-0.34, 0, "-34%"),
        (12.5, 0, "1.250%"),
    ],
)
def test_format_percent(share, decimals, expected):
    """A share 0..1 prints as a percentage with the % sign directly after it."""
    assert format_percent(share, decimals) == expected


def test_format_percent_signed():
    """Changes print with their sign; no change has none."""
    assert format_percent(0.084, 1, signed=True) == "+8,4%"
    assert format_percent(-0.087, 1, signed=True) == "-8,7%"
    assert format_percent(0.0, 1, signed=True) == "0,0%"


def test_format_points():
    """A difference of percentages reads as procentpunt."""
    assert format_points(5.0) == "5 procentpunt"
    assert format_points(-1.25, 1) == "-1,3 procentpunt"
    assert format_points(2, signed=True) == "+2 procentpunt"


def test_format_euro():
    """Euros with a space after the sign and thousands dots; minus after the sign."""
    assert format_euro(6289) == "€ 6.289"
    assert format_euro(6289.5) == "€ 6.290"
    assert format_euro(-6289) == "€ -6.289"
    assert format_euro(0) == "€ 0"
    assert format_euro(12.5, 2) == "€ 12,50"


def test_format_euro_millions():
    """Large amounts print in millions, rounded half away from zero."""
    assert format_euro_millions(150_000_000) == "€ 150 mln"
    assert format_euro_millions(192_500_000) == "€ 193 mln"
    assert format_euro_millions(1_250_000, 1) == "€ 1,3 mln"
    assert format_euro_millions(2_000_000_000) == "€ 2.000 mln"


def test_suppressed_values_print_as_the_mark():
    """None is a suppressed count and prints as '*' in every formatter."""
    assert SUPPRESSED == "*"
    printed = {
        format_int(None),
        format_decimal(None),
        format_percent(None),
        format_points(None),
        format_euro(None),
        format_euro_millions(None),
    }
    assert printed == {"*"}


def test_format_n():
    """The group size above a column, suppressed or not."""
    assert format_n(1234) == "n = 1.234"
    assert format_n(None) == "n = *"
    assert format_n(0) == "n = 0"


def test_suppressed_note():
    """The footnote names the threshold it was built from."""
    assert SUPPRESSED_NOTE == "* Niet getoond: minder dan 10 klanten, of herleidbaar tot zo'n klein aantal."
    assert suppressed_note(20) == "* Niet getoond: minder dan 20 klanten, of herleidbaar tot zo'n klein aantal."


def test_numpy_and_decimal_inputs():
    """Values straight from pandas/numpy or Decimal format like Python numbers."""
    assert format_percent(np.float64(0.23)) == "23%"
    assert format_int(np.int64(2438)) == "2.438"
    assert format_decimal(Decimal("0.125"), 2) == "0,13"


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, np.float64("nan")])
def test_non_finite_numbers_are_refused(bad):
    """NaN or infinity is a computing error, never printed."""
    with pytest.raises(ValueError):
        format_decimal(bad, 1)


def test_month_names():
    """Dutch month names and abbreviations, without a dot."""
    assert month_name_nl(1) == "januari"
    assert month_name_nl(12) == "december"
    assert month_abbr_nl(3) == "mrt"
    assert month_abbr_nl(5) == "mei"
    with pytest.raises(ValueError):
        month_name_nl(13)
    with pytest.raises(ValueError):
        month_abbr_nl(0)


def test_month_label():
    """A month key prints as abbreviation and year."""
    assert month_label("2023-02") == "feb 2023"
    assert month_label("2022-10") == "okt 2022"
    assert parse_month("2021-01") == (2021, 1)


@pytest.mark.parametrize("bad", ["2023-13", "2023-00", "2023-2", "feb 2023", "2023-02-01"])
def test_bad_month_keys_are_refused(bad):
    """Only "YYYY-MM" with a real month is a month key."""
    with pytest.raises(ValueError):
        month_label(bad)


def test_format_date_nl():
    """A date written out with the day without a leading zero."""
    assert format_date_nl(date(2023, 6, 1)) == "1 juni 2023"
    assert format_date_nl(date(2024, 12, 31)) == "31 december 2024"


def test_join_nl():
    """Dutch enumerations end with 'en' and no comma before it."""
    assert join_nl([]) == ""
    assert join_nl(["VPT"]) == "VPT"
    assert join_nl(["VPT", "MPT"]) == "VPT en MPT"
    assert join_nl(["intramuraal", "VPT", "MPT"]) == "intramuraal, VPT en MPT"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_int_round_trips(n):
    """Removing the thousands dots gives back the integer."""
    assert int(format_int(n).replace(".", "")) == n
