"""The house font in reportlab, its fallback, and where PowerPoint puts the first baseline.

The four Carlito files are registered once as one family and embedded (subset) in every
PDF, so no standard Helvetica reference sneaks in. Characters Carlito lacks (emoji,
Hebrew, Arabic...) are drawn in DejaVu Sans, which matplotlib ships, instead of as empty
boxes; PowerPoint does the same with its own font fallback. Importing this module also
corrects reportlab's ToUnicode maps for characters beyond the Basic Multilingual Plane
(see `to_unicode_cmap`). The first-baseline rule lives here because it follows from the
font's vertical metrics.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from reportgen.fonts import PDF_FAMILY, font_file, has_glyph

FALLBACK_FAMILY = "DejaVuSans"
_FALLBACK_FILES = {
    (False, False): "DejaVuSans.ttf",
    (True, False): "DejaVuSans-Bold.ttf",
    (False, True): "DejaVuSans-Oblique.ttf",
    (True, True): "DejaVuSans-BoldOblique.ttf",
}

WIN_ASCENT = 1950
"""Carlito's (and Calibri's) OS/2 usWinAscent, in font units."""

WIN_DESCENT = 550
"""Carlito's (and Calibri's) OS/2 usWinDescent, in font units."""

UNDERLINE_OFFSET = 103 / 2048
"""Distance of the underline's centre below the baseline, as a fraction of the size (post table)."""

UNDERLINE_THICKNESS = 194 / 2048
"""Thickness of the underline as a fraction of the size (post table)."""

SINGLE_LINE = 1.2
"""PowerPoint's single line spacing as a multiple of the font size."""


_SUFFIX = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic", (True, True): "-BoldItalic"}


def font_name(bold: bool = False, italic: bool = False) -> str:
    """The reportlab name of the registered house font for a style, registering that face
    (and the family's names) on first use: a document without bold italic never reads that file."""
    return _registered_face(bold, italic)


@cache
def _registered_face(bold: bool, italic: bool) -> str:
    name = PDF_FAMILY + _SUFFIX[(bold, italic)]
    pdfmetrics.registerFont(TTFont(name, str(font_file(bold, italic))))
    _register_family()
    return name


@cache
def _register_family() -> None:
    pdfmetrics.registerFontFamily(
        PDF_FAMILY,
        normal=PDF_FAMILY + _SUFFIX[(False, False)],
        bold=PDF_FAMILY + _SUFFIX[(True, False)],
        italic=PDF_FAMILY + _SUFFIX[(False, True)],
        boldItalic=PDF_FAMILY + _SUFFIX[(True, True)],
    )


@cache
def fallback_font_name(bold: bool = False, italic: bool = False) -> str | None:
    """The reportlab name of the fallback face for a style (registered on first use), or
    None when matplotlib's DejaVu files cannot be found."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0], "mpl-data", "fonts", "ttf", _FALLBACK_FILES[(bold, italic)])
    if not path.is_file():
        return None
    name = FALLBACK_FAMILY + _SUFFIX[(bold, italic)]
    pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def font_segments(text: str, bold: bool, italic: bool) -> list[tuple[str, str]]:
    """`text` cut into (font name, piece) pairs: the house font wherever it has the glyph,
    the fallback face for the characters it lacks."""
    if text and all(has_glyph(ch, bold, italic) for ch in text):  # the usual case: one piece
        return [(font_name(bold, italic), text)]
    segments: list[tuple[str, str]] = []
    for ch in text:
        name = font_name(bold, italic)
        if not has_glyph(ch, bold, italic):
            name = fallback_font_name(bold, italic) or name
        if segments and segments[-1][0] == name:
            segments[-1] = (name, segments[-1][1] + ch)
        else:
            segments.append((name, ch))
    return segments


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for a font subset, with characters beyond the Basic
    Multilingual Plane written as UTF-16 surrogate pairs (reportlab writes their code
    point as is, which readers reject), so emoji and the like can be copied and searched."""
    entries = [f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>" for i, v in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = to_unicode_cmap


def first_baseline(size: float, leading: float) -> float:
    """Distance in points from the top of a text block to its first baseline, the way
    PowerPoint seats the first line of a text box with zero insets and exact line spacing.

    PowerPoint makes a single line 1.2 x size high and puts the baseline at the font's
    Windows ascent share of it: usWinAscent / (usWinAscent + usWinDescent), 0.78 for
    Carlito/Calibri, so 0.936 x size. Exact spacing taller than single scales that seat
    with the line (0.78 x leading); shorter spacing keeps the gap under the baseline and
    takes the cut from above it.
    """
    share = WIN_ASCENT / (WIN_ASCENT + WIN_DESCENT)
    single = SINGLE_LINE * size
    if leading >= single:
        return share * leading
    return leading - (1 - share) * single
