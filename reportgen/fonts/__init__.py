"""The house font (Carlito, metric-compatible with Calibri) and its measurements.

One set of font files serves the PDF renderer (embedded), the charts (matplotlib) and
the fitting checks, so a line that fits in the check fits on the page. In the PPTX the
family is named "Calibri": Carlito has the same advance widths, so PowerPoint wraps the
text where the PDF does.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

FONT_DIR = Path(__file__).parent
PPTX_FAMILY = "Calibri"
PDF_FAMILY = "Carlito"

FONT_FILES: dict[tuple[bool, bool], Path] = {
    (False, False): FONT_DIR / "Carlito-Regular.ttf",
    (True, False): FONT_DIR / "Carlito-Bold.ttf",
    (False, True): FONT_DIR / "Carlito-Italic.ttf",
    (True, True): FONT_DIR / "Carlito-BoldItalic.ttf",
}


def font_file(bold: bool = False, italic: bool = False) -> Path:
    """Path of the TTF for a style."""
    return FONT_FILES[(bold, italic)]


@cache
def _advance_table(bold: bool, italic: bool) -> tuple[dict[int, int], int, int]:
    """(codepoint -> advance width, .notdef width, units per em) for one style
    (see reportgen/fonts/advances.py)."""
    from reportgen.fonts.advances import advance_table

    return advance_table(font_file(bold, italic))


def has_glyph(char: str, bold: bool = False, italic: bool = False) -> bool:
    """Whether the font can draw this character (else it shows as an empty box)."""
    widths, _, _ = _advance_table(bold, italic)
    return ord(char) in widths


@lru_cache(maxsize=65536)
def _text_units(text: str, bold: bool, italic: bool) -> int:
    """Advance width of `text` in font units. Memoised: line breaking measures the same
    words again at every size it tries, and the sum (of integers) is the same either way."""
    widths, notdef, _ = _advance_table(bold, italic)
    return sum(widths.get(ord(ch), notdef) for ch in text)


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of `text` set in the house font at `size` points, without kerning."""
    upm = _advance_table(bold, italic)[2]
    return _text_units(text, bold, italic) * size / upm
