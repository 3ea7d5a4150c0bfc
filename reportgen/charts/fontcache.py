"""A lean copy of the house font for charts: Latin glyphs only, no OpenType layout.

matplotlib re-subsets the font for every PDF it saves; with Carlito's full glyph set
and its large GPOS table that alone takes longer than drawing the chart. The lean copy
(Basic Latin, Latin-1, Latin Extended-A and common punctuation) subsets in a fraction
of the time. Without GSUB/GPOS there is no kerning or ligatures, which is what
`reportgen.fonts.text_width` measures, so chart text is laid out as it is measured.

The copies are written once to a content-addressed folder in the temporary directory
and reused; if that is impossible the original files are used (slower, same look).
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from functools import cache
from io import BytesIO
from pathlib import Path

from reportgen.fonts import PDF_FAMILY, font_file
from reportgen.write import WriteError, write_bytes_atomic

CHART_FAMILY = "Carlito Chart"
"""Family name of the lean copy, distinct so it never shadows a full Carlito."""

KEPT_CODEPOINTS: tuple[int, ...] = (
    *range(0x20, 0x7F),
    *range(0xA0, 0x180),
    0x2013,  # en dash
    0x2014,  # em dash
    0x2018,
    0x2019,
    0x201C,
    0x201D,
    0x201E,
    0x2022,  # bullet
    0x2026,  # ellipsis
    0x2030,  # per mille
    0x20AC,  # euro
    0x2212,  # minus
    0x2264,
    0x2265,
)
LEAN_VERSION = "2"
"""Bump when the subsetting changes, so old cached copies are not reused."""

_STYLE_NAMES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "Bold Italic"}


def lean_font_bytes(bold: bool, italic: bool) -> bytes:
    """The lean chart copy of one style of the house font, renamed to `CHART_FAMILY`
    (fontTools is loaded only here: a build whose copies exist needs none of it)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    font = TTFont(str(font_file(bold, italic)), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern"]
    options.glyph_names = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=KEPT_CODEPOINTS)
    subsetter.subset(font)
    style = _STYLE_NAMES[(bold, italic)]
    postscript = CHART_FAMILY.replace(" ", "") + "-" + style.replace(" ", "")
    font["name"].removeNames(nameID=16)
    font["name"].removeNames(nameID=17)
    for name_id, value in ((1, CHART_FAMILY), (3, postscript), (4, f"{CHART_FAMILY} {style}"), (6, postscript)):
        font["name"].setName(value, name_id, 3, 1, 0x409)
        font["name"].setName(value, name_id, 1, 0, 0)
    out = BytesIO()
    font.save(out, reorderTables=True)
    return out.getvalue()


def _cache_dir() -> Path:
    """The folder for the lean copies, named after the source fonts and the recipe."""
    digest = hashlib.sha256(LEAN_VERSION.encode())
    for key in sorted(_STYLE_NAMES):
        digest.update(font_file(*key).read_bytes())
    return Path(tempfile.gettempdir()) / f"reportgen-chartfont-{digest.hexdigest()[:16]}"


@cache
def _lean_paths() -> dict[tuple[bool, bool], Path]:
    """Where the lean copy of each style lives."""
    folder = _cache_dir()
    return {
        key: folder / f"{CHART_FAMILY.replace(' ', '')}-{style.replace(' ', '')}.ttf"
        for key, style in _STYLE_NAMES.items()
    }


def chart_font_files() -> tuple[str, dict[tuple[bool, bool], Path]]:
    """(family, style -> path) of the fonts charts are set in: the lean copies (written
    again if something removed them), else the original house font files."""
    paths = _lean_paths()
    try:
        for key, path in paths.items():
            if not path.is_file():
                write_bytes_atomic(path, lean_font_bytes(*key))
    except (OSError, WriteError):
        return PDF_FAMILY, {key: font_file(*key) for key in _STYLE_NAMES}
    return CHART_FAMILY, paths
