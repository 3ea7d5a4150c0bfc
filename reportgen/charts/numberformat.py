"""Excel number format codes that print a value exactly as `reportgen.formatting` does.

A native PowerPoint chart prints its data labels from the cells of its workbook with a
number format code. Codes such as "#,##0" or "0.0%" are shown with the viewer's own
separators, so an English PowerPoint would print "2,438" where the PDF prints "2.438".
The codes here use only digit placeholders and escaped literals, so they print Dutch
numbers in any locale; `label_format` gives the code for a formatter, or None when no
such code exists (the renderer then writes the label texts themselves).
"""

from __future__ import annotations

from collections.abc import Callable

from reportgen.formatting import format_int, format_percent

WHOLE_NUMBER = r"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"
"""2438 -> "2.438", 1234567 -> "1.234.567" (values from 0 to 999.999.999)."""

WHOLE_PERCENT = "0%"
"""0.084 -> "8%"."""

GENERAL = "General"
"""No code prints the labels: they are written as texts."""

_CODES: dict[Callable[..., str], str] = {format_int: WHOLE_NUMBER, format_percent: WHOLE_PERCENT}

FORMATTERS: dict[str, Callable[..., str]] = {code: fmt for fmt, code in _CODES.items()}
"""The formatter each code stands for (tests check the labels with it)."""


def label_format(formatter: Callable[..., str], values: list[float]) -> str:
    """The code printing `values` as `formatter` does, or GENERAL when there is none
    (another formatter, or values outside the code's range)."""
    code = _CODES.get(formatter)
    if code is None or any(v < 0 or v >= 1e9 for v in values):
        return GENERAL
    return code
