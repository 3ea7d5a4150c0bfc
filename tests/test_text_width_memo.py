"""Memoised word widths give exactly the widths measured character by character."""

from __future__ import annotations

import pytest

from reportgen.fonts import _advance_table, text_width


@pytest.mark.parametrize("bold,italic", [(False, False), (True, False), (False, True), (True, True)])
def test_memoised_width_equals_direct_sum(bold: bool, italic: bool) -> None:
    words = ["Zorgkantoor", "cliënten", "GGZ-aanbieders", "", " ", "€ 1.234,5", "\u2022", "wachtlijst\u00ad"]
    widths, notdef, upm = _advance_table(bold, italic)
    for size in (8.0, 10.5, 11.25):
        for word in words * 2:  # the second time from the memo
            direct = sum(widths.get(ord(ch), notdef) for ch in word) * size / upm
            assert text_width(word, size, bold, italic) == direct
