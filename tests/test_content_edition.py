"""new_edition: last year's texts become this year's concepts, or nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.content import new_edition, read_subject_content
from reportgen.content.slots import SectionSlot
from reportgen.errors import ContentError
from reportgen.model import TextStyle

OLD_TEXT = (
    "---\n"
    "regio: zwolle\n"
    "# beoordeeld door de regiomanager\n"
    "editie: 2023\n"
    "status: definitief\n"
    "laatst_beoordeeld: 2023-06-12\n"
    "auteur: Anna de Vries\n"
    "---\n"
    "Tekst van vorig jaar over {{ regio_naam }}.\n"
)
NATIONAL_TEXT = (
    "---\nregio: landelijk\neditie: 2023\nstatus: definitief\nlaatst_beoordeeld: 2023-05-30\n---\nLandelijk.\n"
)
SETTINGS = "variabelen:\n  datum: 1 juli 2023\n"


def scaffold(root: Path) -> None:
    """Edition 2023 with one region text, its regio.yaml and one national text."""
    for relative, text in (
        ("2023/zwolle/terugblik.md", OLD_TEXT),
        ("2023/zwolle/regio.yaml", SETTINGS),
        ("2023/landelijk/ontwikkelingen.md", NATIONAL_TEXT),
    ):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_new_edition_renews_front_matter_and_keeps_text(tmp_path: Path) -> None:
    """Each text gets editie, status concept and vorige_editie; body and other keys stay."""
    scaffold(tmp_path)
    written = new_edition(tmp_path, 2024, 2023)
    assert written == [
        tmp_path / "2024/landelijk/ontwikkelingen.md",
        tmp_path / "2024/zwolle/regio.yaml",
        tmp_path / "2024/zwolle/terugblik.md",
    ]
    assert (tmp_path / "2024/zwolle/terugblik.md").read_text(encoding="utf-8") == (
        "---\n"
        "regio: zwolle\n"
        "# beoordeeld door de regiomanager\n"
        "editie: 2024\n"
        "status: concept\n"
        "laatst_beoordeeld: 2023-06-12\n"
        "auteur: Anna de Vries\n"
        "vorige_editie: 2023\n"
        "---\n"
        "Tekst van vorig jaar over {{ regio_naam }}.\n"
    )
    assert (tmp_path / "2024/zwolle/regio.yaml").read_text(encoding="utf-8") == SETTINGS


def test_new_edition_replaces_existing_vorige_editie(tmp_path: Path) -> None:
    """A text that already names a previous edition gets the new one, not a second key."""
    path = tmp_path / "2023/zwolle/terugblik.md"
    path.parent.mkdir(parents=True)
    path.write_text(OLD_TEXT.replace("auteur: Anna de Vries\n", "vorige_editie: 2022\n"), encoding="utf-8")
    new_edition(tmp_path, 2024, 2023)
    text = (tmp_path / "2024/zwolle/terugblik.md").read_text(encoding="utf-8")
    assert text.count("vorige_editie") == 1
    assert "vorige_editie: 2023\n" in text


def test_check_shows_new_edition_as_concept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After scaffolding, the check passes with one 'still concept' warning per file."""
    monkeypatch.chdir(tmp_path)
    scaffold(Path("content"))
    new_edition(Path("content"), 2024, 2023)
    style = TextStyle(size=11, leading=13.5, space_after=4, indent=12)
    slots = {
        "terugblik": SectionSlot("terugblik", "Terugblik", 430, 390, style, 9),
        "ontwikkelingen": SectionSlot("ontwikkelingen", "Ontwikkelingen", 280, 390, style, 9, shared=True),
    }
    problems = read_subject_content(Path("content"), 2024, "zwolle", slots, {"regio_naam": "Zwolle"}, set())[1]
    assert [str(p) for p in problems] == [
        "content/2024/landelijk/ontwikkelingen.md:4: warning: still concept: review the text and set "
        "status: definitief",
        "content/2024/zwolle/terugblik.md:5: warning: still concept: review the text and set status: definitief",
    ]


def test_refuses_existing_new_edition(tmp_path: Path) -> None:
    """An edition folder that exists is never overwritten."""
    scaffold(tmp_path)
    (tmp_path / "2024").mkdir()
    with pytest.raises(ContentError) as caught:
        new_edition(tmp_path, 2024, 2023)
    assert str(caught.value) == (
        f"{tmp_path / '2024'}: edition 2024 already exists: edit its files, or remove the folder to start it afresh"
    )
    assert list((tmp_path / "2024").iterdir()) == []


def test_refuses_missing_old_edition(tmp_path: Path) -> None:
    """Without the old edition there is nothing to copy, and nothing is written."""
    with pytest.raises(ContentError) as caught:
        new_edition(tmp_path, 2024, 2023)
    assert str(caught.value) == (
        f"{tmp_path / '2023'}: edition 2023 does not exist: there is nothing to start edition 2024 from"
    )
    assert not (tmp_path / "2024").exists()


def test_broken_front_matter_writes_nothing(tmp_path: Path) -> None:
    """One file that cannot be renewed stops the whole scaffold before anything is written."""
    scaffold(tmp_path)
    (tmp_path / "2023/zwolle/vooruitblik.md").write_text("Geen front matter.\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        new_edition(tmp_path, 2024, 2023)
    assert [(p.source, p.line) for p in caught.value.problems] == [(str(tmp_path / "2023/zwolle/vooruitblik.md"), 1)]
    assert not (tmp_path / "2024").exists()
