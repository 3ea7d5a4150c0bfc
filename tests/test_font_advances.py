"""The house font's advance widths kept in advances.json are those fontTools reads from the
font files, and a face whose file changed is measured from the file again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reportgen.fonts import FONT_FILES, advances, text_width


@pytest.mark.parametrize("style", sorted(FONT_FILES), ids=lambda s: FONT_FILES[s].stem)
def test_kept_table_is_the_font_files(style: tuple[bool, bool]) -> None:
    path = FONT_FILES[style]
    kept = advances.kept_table(path)
    assert kept is not None, "advances.json is out of date: run python -m reportgen.fonts.advances"
    assert kept == advances.table_from_font(path)


def test_changed_font_file_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regular = FONT_FILES[(False, False)]
    copy = tmp_path / regular.name
    shutil.copy(regular, copy)
    assert advances.kept_table(copy) is not None  # same bytes, same name: the kept table serves
    faces = json.loads(advances.TABLES.read_text(encoding="utf-8"))
    faces[regular.name]["widths"] = [[ord("a"), 1]]  # a table that no longer matches its file
    faces[regular.name]["sha256"] = "0" * 64
    kept_json = tmp_path / "advances.json"
    kept_json.write_text(json.dumps(faces), encoding="utf-8")
    monkeypatch.setattr(advances, "TABLES", kept_json)
    advances._kept_faces.cache_clear()
    try:
        assert advances.kept_table(copy) is None
        assert advances.advance_table(copy) == advances.table_from_font(regular)
    finally:
        monkeypatch.undo()
        advances._kept_faces.cache_clear()


def test_widths_are_the_fonts() -> None:
    widths, _, upm = advances.table_from_font(FONT_FILES[(False, False)])
    assert text_width("zorg", 10) == sum(widths[ord(c)] for c in "zorg") * 10 / upm
