"""Checking and converting one column of text cells to the type its contract kind asks for.

Everything is vectorised: a regular expression (`Series.str.fullmatch`) decides which cells
have the right form, the good cells are converted in one go, and the bad ones become a
Finding. A cell gets at most one problem: the first check it fails.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.data.arrow import not_ascii, parsed_numbers, with_missing
from reportgen.data.findings import Finding, Message, quoted
from reportgen.data.schema import Column

# Digits are spelled [0-9]: a regular expression's \d also matches full-width and
# Arabic-Indic digits, which the number parsers then choke on or misread.
INT_FORM = r"-?[0-9]{1,18}"
THOUSANDS_INT_FORM = r"-?[0-9]{1,3}(\.[0-9]{3})+"
POINT_AMOUNT_FORM = r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?"
COMMA_AMOUNT_FORM = r"-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?"
MONTH_FORM = r"[0-9]{4}-(0[1-9]|1[0-2])"
DATE_FORM = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
DIGIT_KINDS = ("int", "amount", "month", "date", "code")
FIRST_DATE_YEAR, LAST_DATE_YEAR = 1678, 2261


@dataclass(frozen=True)
class CheckedColumn:
    """A column's typed values (valid where `bad` is False) and the problems found in it.

    When the column was checked per distinct value, `codes` holds per row the position of its
    text in `distinct`, so key and reference checks can work on those too.
    """

    values: pd.Series
    bad: np.ndarray
    findings: list[Finding]
    codes: np.ndarray | None = None
    distinct: pd.Series | None = None


class _Checker:
    """Accumulates findings for one column; rows already bad are not checked again."""

    def __init__(self, text: pd.Series, column: Column, skip: np.ndarray):
        self.text = text
        self.column = column
        self.bad = skip.copy()
        self.findings: list[Finding] = []

    def flag(self, mask: np.ndarray, message: Message) -> None:
        """Record the rows of `mask` not yet bad as one finding, and mark them bad."""
        new = mask & ~self.bad
        if new.any():
            self.findings.append(Finding(new, self.column.name, message))
            self.bad |= new

    def flag_unless(self, ok: pd.Series, active: np.ndarray, message: Message) -> None:
        """Flag the `active` rows where the check `ok` failed (or gave no answer)."""
        self.flag(active & ~ok.to_numpy(dtype=bool, na_value=False), message)

    def value(self, position: int) -> str:
        """The cell at `position` as messages show it."""
        return quoted(self.text.iloc[position])


def _to_number(text: pd.Series, usable: np.ndarray, dtype: str) -> pd.Series:
    return pd.Series(parsed_numbers(text, usable, dtype), index=text.index)


def ascii_pattern(pattern: str) -> str:
    """A contract pattern with its \\d spelled as [0-9], so only ASCII digits match."""
    return pattern.replace(r"\d", "[0-9]")


def _foreign_digit(text: str) -> str | None:
    """The first digit in `text` that is not one of the ASCII digits 0-9, or None."""
    return next((ch for ch in text if ch.isdigit() and not ("0" <= ch <= "9")), None)


def _flag_foreign_digits(checker: _Checker, present: np.ndarray) -> None:
    """Flag cells with full-width, Arabic-Indic or other non-ASCII digits.

    Only cells with a non-ASCII character are looked at one by one, so ordinary files
    cost one vectorised scan.
    """
    candidates = present & not_ascii(checker.text)
    if not candidates.any():
        return
    foreign = np.zeros(len(checker.text), dtype=bool)
    for position in np.flatnonzero(candidates):
        foreign[position] = _foreign_digit(checker.text.iloc[position]) is not None

    def message(i: int) -> str:
        digit = _foreign_digit(checker.text.iloc[i]) or "?"
        name = unicodedata.name(digit, "digit").lower()
        return (
            f"{checker.value(i)} has the digit '{digit}' (U+{ord(digit):04X}, {name}): "
            "expected the ASCII digits 0-9 only"
        )

    checker.flag(foreign, message)


def _shown(number: float) -> str:
    return f"{number:.0f}" if float(number).is_integer() else f"{number:g}"


def _range_check(checker: _Checker, usable: np.ndarray, numbers: pd.Series) -> None:
    """Flag values outside the column's plausible range, and any that is not finite."""
    column = checker.column
    values = numbers.to_numpy(dtype="float64")
    if column.maximum is not None:
        low = "" if column.minimum is None else f"{_shown(column.minimum)} to "
        expected = f"{low}{_shown(column.maximum)}" if low else f"at most {_shown(column.maximum)}"
        checker.flag(
            usable & ~(values <= column.maximum),
            lambda i: f"{checker.value(i)} is outside the plausible range (expected {expected})",
        )
    checker.flag(usable & ~np.isfinite(values), lambda i: f"{checker.value(i)} is not a finite number")


def _below_minimum_message(checker: _Checker) -> Message:
    minimum = checker.column.minimum
    if minimum == 0:
        return lambda i: f"{checker.value(i)} is negative (expected 0 or more)"
    shown = f"{minimum:g}"
    return lambda i: f"{checker.value(i)} is below the minimum (expected {shown} or more)"


def _number(checker: _Checker, present: np.ndarray, decimal_comma: bool) -> pd.Series:
    text = checker.text
    if checker.column.kind == "int":
        if decimal_comma:
            grouped = text.str.fullmatch(THOUSANDS_INT_FORM).to_numpy(dtype=bool, na_value=False)
            text = text.where(~grouped, text.str.replace(".", "", regex=False))
        checker.flag_unless(
            text.str.fullmatch(INT_FORM), present, lambda i: f"{checker.value(i)} is not a whole number"
        )
        dtype = "int64"
    elif decimal_comma:
        example = "a number with a decimal comma, e.g. 1234,56 or 1.234,56"
        checker.flag_unless(
            text.str.fullmatch(COMMA_AMOUNT_FORM),
            present,
            lambda i: f"{checker.value(i)} is not an amount (expected {example})",
        )
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        dtype = "float64"
    else:
        example = "a number with a decimal point, e.g. 1234.56"
        checker.flag_unless(
            text.str.fullmatch(POINT_AMOUNT_FORM),
            present,
            lambda i: f"{checker.value(i)} is not an amount (expected {example})",
        )
        dtype = "float64"
    usable = present & ~checker.bad
    numbers = _to_number(text, usable, dtype)
    if checker.column.minimum is not None:
        checker.flag(usable & (numbers.to_numpy() < checker.column.minimum), _below_minimum_message(checker))
    _range_check(checker, usable, numbers)
    if not checker.column.required:
        if dtype == "int64":
            return numbers.astype("Int64").where(present)
        return numbers.where(present)
    return numbers


def _date(checker: _Checker, present: np.ndarray) -> pd.Series:
    text = checker.text
    checker.flag_unless(
        text.str.fullmatch(DATE_FORM), present, lambda i: f"{checker.value(i)} is not a date (expected YYYY-MM-DD)"
    )
    usable = present & ~checker.bad
    years = _to_number(text.str.slice(0, 4), usable, "int64").to_numpy()
    hint = "" if checker.column.required else "; leave the cell empty for no end date"
    checker.flag(
        usable & ((years < FIRST_DATE_YEAR) | (years > LAST_DATE_YEAR)),
        lambda i: f"{checker.value(i)} is outside the years {FIRST_DATE_YEAR}-{LAST_DATE_YEAR}{hint}",
    )
    usable = present & ~checker.bad
    dates = pd.to_datetime(text.where(usable, None), format="%Y-%m-%d", errors="coerce")
    checker.flag(usable & dates.isna().to_numpy(), lambda i: f"{checker.value(i)} is not an existing date")
    return dates.astype("datetime64[ns]")


def _text(checker: _Checker, present: np.ndarray) -> pd.Series:
    column = checker.column
    if column.kind == "code" and column.pattern:
        pattern = column.pattern
        checker.flag_unless(
            checker.text.str.fullmatch(ascii_pattern(pattern)),
            present,
            lambda i: f"{checker.value(i)} does not match the pattern {pattern}",
        )
    elif column.kind == "enum":
        allowed = ", ".join(column.allowed)
        checker.flag_unless(
            checker.text.isin(column.allowed),
            present,
            lambda i: f"{checker.value(i)} is not one of the allowed values: {allowed}",
        )
    elif column.kind == "month":
        checker.flag_unless(
            checker.text.str.fullmatch(MONTH_FORM),
            present,
            lambda i: f"{checker.value(i)} is not a month (expected YYYY-MM)",
        )
    return with_missing(checker.text, present)


def checked_column(text: pd.Series, column: Column, decimal_comma: bool, skip: np.ndarray) -> CheckedColumn:
    """The column converted to its contract type, with every cell problem as a Finding.

    `text` is already trimmed; "" is an empty cell. `skip` marks rows whose cell the reader
    already rejected. Bad cells hold a placeholder in `values` and are marked in `bad`.
    """
    checker = _Checker(text, column, skip)
    empty = (text == "").to_numpy(dtype=bool, na_value=True)
    if column.required:
        checker.flag(empty, lambda i: "is empty (a value is required)")
    present = ~empty & ~checker.bad
    if column.kind in DIGIT_KINDS:
        _flag_foreign_digits(checker, present)
        present &= ~checker.bad
    if column.kind in ("int", "amount"):
        values = _number(checker, present, decimal_comma)
    elif column.kind == "date":
        values = _date(checker, present)
    else:
        values = _text(checker, present)
    return CheckedColumn(values, checker.bad, checker.findings)
