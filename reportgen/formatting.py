"""Dutch number, money and date formatting, the same everywhere a number is printed.

Documents, chart labels, alt texts and narrative variables all go through these
functions, so a figure reads the same in the text as in the chart next to it:
"2.438" (dot groups thousands), "8,4" (comma before decimals), "8,4%", "€ 6.289",
"feb 2023". Rounding is half away from zero (0,125 -> 0,13), as a reader rounds by
hand, never banker's rounding; floats are read through their shortest decimal form so
1.005 rounds like the 1,005 it was written as. The minus sign is a plain hyphen-minus
so text extracted from a PDF compares with a simple string.

A value of None is a suppressed small count (privacy) and prints as `SUPPRESSED`.
"""

from __future__ import annotations

import math
import numbers
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

SUPPRESSED = "*"
"""What a suppressed value prints as; the page explains it with `suppressed_note`."""

DEFAULT_MIN_COUNT = 10
"""The smallest client count that may be shown."""

MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTH_ABBRS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")

_MONTH_KEY = re.compile(r"^(\d{4})-(\d{2})$")

Number = int | float | Decimal


def suppressed_note(min_count: int = DEFAULT_MIN_COUNT) -> str:
    """The footnote that explains the `SUPPRESSED` mark, for the given threshold."""
    return f"{SUPPRESSED} Niet getoond: minder dan {min_count} klanten, of herleidbaar tot zo'n klein aantal."


SUPPRESSED_NOTE = suppressed_note(DEFAULT_MIN_COUNT)


def _as_decimal(value: Number) -> Decimal:
    """The exact decimal a value was written as (floats via their shortest repr)."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, numbers.Integral):
        result = Decimal(int(value))
    else:
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"cannot format {value!r}: not a finite number")
        result = Decimal(repr(number))
    if not result.is_finite():
        raise ValueError(f"cannot format {value!r}: not a finite number")
    return result


def _grouped(value: Decimal, decimals: int, signed: bool = False) -> str:
    """`value` rounded half away from zero, with Dutch separators and an optional '+'."""
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded.is_zero():
        rounded = abs(rounded)
    text = format(abs(rounded), f",.{decimals}f").replace(",", "_").replace(".", ",").replace("_", ".")
    if rounded < 0:
        return "-" + text
    if signed and rounded > 0:
        return "+" + text
    return text


def format_int(value: Number | None, signed: bool = False) -> str:
    """A whole number with thousands dots: 2438 -> "2.438" (None -> "*")."""
    if value is None:
        return SUPPRESSED
    return _grouped(_as_decimal(value), 0, signed)


def format_decimal(value: Number | None, decimals: int = 1, signed: bool = False) -> str:
    """A number with a decimal comma: (8.4, 1) -> "8,4"; (1234.5, 1) -> "1.234,5"."""
    if value is None:
        return SUPPRESSED
    return _grouped(_as_decimal(value), decimals, signed)


def format_percent(share: Number | None, decimals: int = 0, signed: bool = False) -> str:
    """A share 0..1 as a percentage: (0.084, 1) -> "8,4%"; signed=True gives "+8,4%"."""
    if share is None:
        return SUPPRESSED
    return _grouped(_as_decimal(share) * 100, decimals, signed) + "%"


def format_points(points: Number | None, decimals: int = 0, signed: bool = False) -> str:
    """A difference of percentages, given in points: 5.0 -> "5 procentpunt"."""
    if points is None:
        return SUPPRESSED
    return _grouped(_as_decimal(points), decimals, signed) + " procentpunt"


def format_euro(amount: Number | None, decimals: int = 0) -> str:
    """An amount in euros: 6289 -> "€ 6.289"; -6289 -> "€ -6.289"."""
    if amount is None:
        return SUPPRESSED
    return "€ " + _grouped(_as_decimal(amount), decimals)


def format_euro_millions(amount: Number | None, decimals: int = 0) -> str:
    """An amount in euros, shown in millions: 150_000_000 -> "€ 150 mln"."""
    if amount is None:
        return SUPPRESSED
    return "€ " + _grouped(_as_decimal(amount) / Decimal(1_000_000), decimals) + " mln"


def format_n(count: int | None) -> str:
    """The group size printed above a column: 1234 -> "n = 1.234", None -> "n = *"."""
    return "n = " + format_int(count)


def month_name_nl(month: int) -> str:
    """The Dutch name of a month: 1 -> "januari"."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    return MONTH_NAMES[month - 1]


def month_abbr_nl(month: int) -> str:
    """The Dutch abbreviation of a month, without a dot: 3 -> "mrt"."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    return MONTH_ABBRS[month - 1]


def parse_month(key: str) -> tuple[int, int]:
    """(year, month) of a month key "YYYY-MM"; raises ValueError for anything else."""
    match = _MONTH_KEY.match(key)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"month key must look like '2023-02', got {key!r}")
    return int(match.group(1)), int(match.group(2))


def month_label(key: str) -> str:
    """A month key as a short Dutch label: "2023-02" -> "feb 2023"."""
    year, month = parse_month(key)
    return f"{month_abbr_nl(month)} {year}"


def format_date_nl(day: date) -> str:
    """A date written out in Dutch: 2023-06-01 -> "1 juni 2023"."""
    return f"{day.day} {month_name_nl(day.month)} {day.year}"


def join_nl(items: list[str] | tuple[str, ...]) -> str:
    """Items as a Dutch enumeration: ["a", "b", "c"] -> "a, b en c"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


NBSP = "\u00a0"
_DATE = re.compile(
    r"\b(?:(\d{1,2}) )?(" + "|".join(MONTH_NAMES + MONTH_ABBRS) + r")( \d{4})?\b(?!-)",
)


def unbroken_dates(text: str) -> str:
    """`text` with the spaces inside each date ("1 januari 2023", "februari 2023",
    "1 juni") made no-break spaces, so no line ever breaks inside a date."""

    def glue(match: re.Match[str]) -> str:
        if not match.group(1) and not match.group(3):
            return match.group(0)
        return match.group(0).replace(" ", NBSP)

    return _DATE.sub(glue, text)
