"""Variables and lookup order: computed < national < region, region text over national text."""

from __future__ import annotations

from pathlib import Path

from reportgen.content import load_subject_content
from reportgen.content.markdown import parsed_markdown
from reportgen.content.slots import SectionSlot
from reportgen.content.variables import markdown_literal, substituted_text
from reportgen.model import Paragraph, Run, TextStyle

STYLE = TextStyle(size=11, leading=13.5, space_after=4, indent=12)
SLOTS = {
    "wat_valt_op": SectionSlot("wat_valt_op", "Wat valt op in deze regio?", 280, 390, STYLE, 9),
    "ontwikkelingen": SectionSlot("ontwikkelingen", "Ontwikkelingen", 280, 390, STYLE, 9, shared=True),
}


def front(region: str) -> str:
    """Valid front matter for a file in the folder of `region`."""
    return f"---\nregio: {region}\neditie: 2023\nstatus: definitief\nlaatst_beoordeeld: 2023-06-01\n---\n"


def write(root: Path, relative: str, text: str) -> None:
    """Write a file under the content root."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_values_substituted_as_given() -> None:
    """Dutch-formatted values are inserted exactly; spaces inside the braces are optional."""
    values = {"ggz_klanten": "1.234", "per_10k": "16,2"}
    text, problems = substituted_text(
        "{{ggz_klanten}} klanten, {{  per_10k }} per 10.000", values, "f", 1, "r", markdown=False
    )
    assert text == "1.234 klanten, 16,2 per 10.000"
    assert problems == []
    escaped, _ = substituted_text("{{ggz_klanten}} klanten", values, "f", 1, "r")
    assert parsed_markdown(escaped, "f", 1).paragraphs[0].text == "1.234 klanten"


def test_values_never_become_markup() -> None:
    """Markdown punctuation in a value is escaped so it prints literally."""
    assert markdown_literal("**1** <b> & 2.") == "\\*\\*1\\*\\* \\<b\\> \\& 2\\."


def test_value_with_markup_prints_literally(tmp_path: Path) -> None:
    """A value like '*x*' or '1. ' prints as typed, not as emphasis or a list."""
    write(tmp_path, "2023/zwolle/wat_valt_op.md", front("zwolle") + "{{ a }} en {{ b }}\n")
    write(tmp_path, "2023/landelijk/ontwikkelingen.md", front("landelijk") + "Tekst.\n")
    content = load_subject_content(tmp_path, 2023, "zwolle", SLOTS, {"a": "1. *x*", "b": "<i>&amp;"}, set())
    assert content.sections[0].paragraphs == (Paragraph((Run("1. *x* en <i>&amp;"),)),)


def test_override_order_and_national_section(tmp_path: Path) -> None:
    """Region variables beat national ones, which beat computed ones; the national text is used."""
    write(tmp_path, "2023/landelijk/variabelen.yaml", "datum: 1 juni 2023\nbron: landelijk\n")
    write(tmp_path, "2023/drenthe/regio.yaml", "variabelen:\n  datum: 1 juli 2023\n")
    write(tmp_path, "2023/drenthe/wat_valt_op.md", front("drenthe") + "{{ regio_naam }}: {{ bron }}\n")
    write(tmp_path, "2023/landelijk/ontwikkelingen.md", front("landelijk") + "Op {{ datum }}.\n")
    computed = {"regio_naam": "Drenthe", "datum": "berekend", "bron": "berekend"}
    content = load_subject_content(tmp_path, 2023, "drenthe", SLOTS, computed, set())
    wat, ontw = content.sections
    assert wat.paragraphs[0].text == "Drenthe: landelijk"
    assert ontw.paragraphs[0].text == "Op 1 juli 2023."
    assert (ontw.national, ontw.source) == (True, str(tmp_path / "2023/landelijk/ontwikkelingen.md"))
    assert dict(content.variables) == {"regio_naam": "Drenthe", "datum": "1 juli 2023", "bron": "landelijk"}


def test_region_file_overrides_national_section(tmp_path: Path) -> None:
    """A region's own ontwikkelingen.md is used instead of the national one."""
    write(tmp_path, "2023/zwolle/wat_valt_op.md", front("zwolle") + "Tekst.\n")
    write(tmp_path, "2023/zwolle/ontwikkelingen.md", front("zwolle") + "Eigen tekst.\n")
    write(tmp_path, "2023/landelijk/ontwikkelingen.md", front("landelijk") + "Landelijke tekst.\n")
    content = load_subject_content(tmp_path, 2023, "zwolle", SLOTS, {}, set())
    section = content.section("ontwikkelingen")
    assert section is not None
    assert (section.paragraphs[0].text, section.national) == ("Eigen tekst.", False)


def test_headline_override_with_variable(tmp_path: Path) -> None:
    """A koppen entry is kept with its file and line, variables filled in as plain text."""
    write(tmp_path, "2023/zwolle/wat_valt_op.md", front("zwolle") + "Tekst.\n")
    write(tmp_path, "2023/landelijk/ontwikkelingen.md", front("landelijk") + "Tekst.\n")
    write(
        tmp_path,
        "2023/zwolle/regio.yaml",
        "variabelen: {}\nkoppen:\n  klanten: '*{{ regio_naam }}* telt veel klanten'\n",
    )
    content = load_subject_content(tmp_path, 2023, "zwolle", SLOTS, {"regio_naam": "Zwolle"}, {"klanten"})
    headline = content.headline("klanten")
    assert headline is not None
    assert (headline.text, headline.source, headline.line) == (
        "*Zwolle* telt veel klanten",
        str(tmp_path / "2023/zwolle/regio.yaml"),
        3,
    )
    assert content.headline("wachtlijst") is None


def test_example_and_concept_flags(tmp_path: Path) -> None:
    """voorbeeldtekst and status travel to the region's flags."""
    write(
        tmp_path,
        "2023/zwolle/wat_valt_op.md",
        front("zwolle").replace("---\nregio", "---\nvoorbeeldtekst: true\nregio") + "T.\n",
    )
    write(tmp_path, "2023/landelijk/ontwikkelingen.md", front("landelijk") + "T.\n")
    content = load_subject_content(tmp_path, 2023, "zwolle", SLOTS, {}, set())
    assert (content.example, content.concept) == (True, False)
    assert [s.example for s in content.sections] == [True, False]
