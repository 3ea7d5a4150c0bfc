"""The house font's advance widths, read from the font files once and kept beside them.

Reading the character map and the widths of a TrueType file with fontTools takes a tenth of
a second per face, in every process that measures text. `advances.json` holds what that
reading gives (code point -> advance width, the width of .notdef, units per em) for each
face, with the SHA-256 of the file it was read from; a face whose file no longer matches is
read from the file again. Write the JSON anew with `python -m reportgen.fonts.advances`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import cache
from pathlib import Path

TABLES = Path(__file__).with_name("advances.json")

Table = tuple[dict[int, int], int, int]
"""(code point -> advance width, .notdef width, units per em) of one face."""


def table_from_font(path: Path) -> Table:
    """A face's advance widths as fontTools reads them from the file."""
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # the files' header dates are harmless
    font = TTFont(str(path), lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths = {cp: hmtx[name][0] for cp, name in cmap.items()}
    notdef = hmtx[".notdef"][0] if ".notdef" in hmtx.metrics else font["head"].unitsPerEm // 2
    return widths, notdef, font["head"].unitsPerEm


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def _kept_faces() -> dict:
    """advances.json, read once per process ({} when it cannot be read)."""
    try:
        faces = json.loads(TABLES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return faces if isinstance(faces, dict) else {}


def kept_table(path: Path) -> Table | None:
    """The face's table from advances.json when it was read from a file with these bytes; else None."""
    try:
        face = _kept_faces()[path.name]
        if face["sha256"] != _sha256(path):
            return None
        return {int(cp): int(w) for cp, w in face["widths"]}, int(face["notdef"]), int(face["units_per_em"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def advance_table(path: Path) -> Table:
    """A face's advance widths: from advances.json when it matches the file, else from the file."""
    return kept_table(path) or table_from_font(path)


def write_tables(paths: list[Path]) -> Path:
    """Read every face from its file and write advances.json; returns its path."""
    faces = {}
    for path in paths:
        widths, notdef, upm = table_from_font(path)
        faces[path.name] = {
            "sha256": _sha256(path),
            "units_per_em": upm,
            "notdef": notdef,
            "widths": sorted(widths.items()),
        }
    TABLES.write_text(json.dumps(faces, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    _kept_faces.cache_clear()
    return TABLES


if __name__ == "__main__":
    from reportgen.fonts import FONT_FILES

    print(write_tables(sorted(FONT_FILES.values())))
