"""Hostile narrative files: invisible characters and folders where files belong."""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hostile_helpers import run, temp_files, tree, with_earlier_outputs

from reportgen.content.sanitize import cleaned_inline, cleaned_source
from reportgen.printable import printable
from reportgen.textchars import is_invisible

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u202e\u2066\u061c\u180e\u00ad"


def _content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    for part in ("zwolle", "landelijk"):
        shutil.copytree(Path("content/2023") / part, root / "2023" / part)
    return root


def _last_text_line(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(i for i, line in enumerate(lines, start=1) if line.strip())


def _insert(path: Path, line: int, at: int, chars: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = lines[line - 1][:at] + chars + lines[line - 1][at:]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_every_format_character_is_invisible() -> None:
    """All of Unicode category Cf is treated alike, and so are the default-ignorable fillers."""
    cf = [chr(cp) for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) == "Cf"]
    assert len(cf) > 150
    assert all(is_invisible(ch) for ch in cf)
    assert all(is_invisible(ch) for ch in "\u034f\u3164\ufe0f")
    assert not any(is_invisible(ch) for ch in "aé א\u00a0-\u2011")
    text = "a" + "".join(cf) + "b\u3164c"
    assert printable(text) == "abc"
    assert cleaned_source(text) == "abc"
    assert cleaned_inline(text) == "abc"


def test_check_warns_about_each_invisible_character(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Zero-width space, word joiner and a bidi override: a warning each with line and position."""
    content = _content(tmp_path)
    path = content / "2023" / "zwolle" / "vooruitblik.md"
    line = _last_text_line(path)
    _insert(path, line, 4, "\u2060")
    _insert(path, line, 2, "\u200b\u202e")
    result = run(["check", "--region", "zwolle", "--content", str(content)], capsys)
    assert result.code == 0
    assert result.err.splitlines() == [
        f"{path}:{line}: warning: invisible character U+200B ZERO WIDTH SPACE at character 3 is left out: delete it",
        f"{path}:{line}: warning: invisible character U+202E RIGHT-TO-LEFT OVERRIDE at character 4 is left out: "
        "delete it",
        f"{path}:{line}: warning: invisible character U+2060 WORD JOINER at character 7 is left out: delete it",
        "checked 1 region(s): 0 error(s), 3 warning(s): ok",
    ]


def test_invisible_characters_never_reach_the_pptx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A build with invisible characters in a narrative writes a PPTX without any of them."""
    content = _content(tmp_path)
    path = content / "2023" / "zwolle" / "vooruitblik.md"
    _insert(path, _last_text_line(path), 3, INVISIBLE)
    out = tmp_path / "out"
    result = run(
        ["build", "--region", "zwolle", "--format", "pptx", "--content", str(content), "--out", str(out), "--quiet"],
        capsys,
    )
    assert result.code == 0
    with zipfile.ZipFile(out / "2023" / "regioplan-ggz-2023-2024-zwolle.pptx") as package:
        xml = "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".xml"))
    assert not [ch for ch in INVISIBLE if ch in xml]
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "vooruitblik.md",
            "is a folder, not a file (expected the Markdown text of section 'vooruitblik' here; "
            "rename or remove the folder)",
        ),
        ("regio.yaml", "is a folder, not a file (expected the YAML file regio.yaml here; rename or remove the folder)"),
    ],
)
def test_folder_instead_of_content_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    """A folder where a narrative or settings file belongs is named as a folder, not as a missing
    file, and the national text does not silently stand in for it; build writes nothing."""
    content = _content(tmp_path)
    path = content / "2023" / "zwolle" / name
    path.unlink(missing_ok=True)
    path.mkdir()
    check = run(["check", "--region", "zwolle", "--content", str(content)], capsys)
    assert check.code == 1
    assert check.err.splitlines() == [
        f"{path}: {expected}",
        "checked 1 region(s): 1 error(s), 0 warning(s): fix the errors above, then run the check again",
    ]
    out = tmp_path / "out"
    before = with_earlier_outputs(out)
    built = run(["build", "--region", "zwolle", "--content", str(content), "--out", str(out), "--quiet"], capsys)
    assert built.code == 1
    assert built.err.splitlines() == [
        f"{path}: {expected}",
        "reportgen: stopped: 1 problem(s) in the content; nothing was written",
    ]
    assert tree(out) == before


def test_huge_text_gives_readable_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 200.000-character variable name and a 300.000-character word: the messages stay short
    (each cut at 1000 characters) and still name file and line."""
    content = _content(tmp_path)
    path = content / "2023" / "zwolle" / "vooruitblik.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\nWe {{{{ {'x' * 200_000} }}}} en {'y' * 300_000}\n")
    line = len(path.read_text(encoding="utf-8").splitlines())
    result = run(["check", "--region", "zwolle", "--content", str(content)], capsys)
    assert result.code == 1
    lines = result.err.splitlines()
    where = f"{path}:{line}: "
    assert lines[0].startswith(f"{where}unknown variable {{{{ {'x' * 900}")
    cut = re.fullmatch(r".*\.\.\. \((\d+) characters\)", lines[0])
    assert cut is not None and int(cut.group(1)) > 200_000
    assert len(lines[0]) == len(where) + 1000 + len(f"... ({cut.group(1)} characters)")
    assert len(result.err) < 3000


def test_invisible_characters_in_regio_yaml_are_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The region settings file gets the same warning as the narratives."""
    content = _content(tmp_path)
    path = content / "2023" / "zwolle" / "regio.yaml"
    path.write_text("variabelen:\n  contactpersoon: Jan\u200bde Vries\n", encoding="utf-8")
    result = run(["check", "--region", "zwolle", "--content", str(content)], capsys)
    assert result.code == 0
    assert (
        f"{path}:2: warning: invisible character U+200B ZERO WIDTH SPACE at character 22 is left out: delete it"
        in result.err.splitlines()
    )
