"""Markdown to document paragraphs: runs, lists, headings, source lines and warnings."""

from __future__ import annotations

from reportgen.content.markdown import parsed_markdown
from reportgen.errors import Problem
from reportgen.model import Paragraph, Run

SRC = "content/2023/zwolle/terugblik.md"


def test_bold_italic_and_link_runs() -> None:
    """Emphasis and links become runs with the matching flags and URL."""
    parsed = parsed_markdown("Dit is **vet**, *schuin*, ***beide*** en [een link](https://example.nl/a).", SRC, 7)
    assert parsed.paragraphs == (
        Paragraph(
            (
                Run("Dit is "),
                Run("vet", bold=True),
                Run(", "),
                Run("schuin", italic=True),
                Run(", "),
                Run("beide", bold=True, italic=True),
                Run(" en "),
                Run("een link", link="https://example.nl/a"),
                Run("."),
            )
        ),
    )
    assert parsed.lines == (7,)
    assert parsed.problems == ()


def test_single_line_break_is_a_space() -> None:
    """Two lines of one paragraph join with one space; a blank line starts a new paragraph."""
    parsed = parsed_markdown("eerste regel\ntweede regel\n\nnieuwe alinea", SRC, 10)
    assert [p.text for p in parsed.paragraphs] == ["eerste regel tweede regel", "nieuwe alinea"]
    assert parsed.lines == (10, 13)


def test_numbered_list_with_nested_bullets() -> None:
    """Numbers follow the list start; a nested list is level 1; each item keeps its line."""
    body = "3. drie\n4. vier\n   - sub a\n   - sub b\n5. vijf\n"
    parsed = parsed_markdown(body, SRC, 20)
    assert parsed.paragraphs == (
        Paragraph((Run("drie"),), "number", 0, 3),
        Paragraph((Run("vier"),), "number", 0, 4),
        Paragraph((Run("sub a"),), "bullet", 1, None),
        Paragraph((Run("sub b"),), "bullet", 1, None),
        Paragraph((Run("vijf"),), "number", 0, 5),
    )
    assert parsed.lines == (20, 21, 22, 23, 24)


def test_sub_headings() -> None:
    """## and ### become heading paragraphs, without warnings."""
    parsed = parsed_markdown("## Somatiek\n\nTekst.\n\n### Kans\n", SRC, 8)
    assert [(p.kind, p.text) for p in parsed.paragraphs] == [
        ("heading", "Somatiek"),
        ("body", "Tekst."),
        ("heading", "Kans"),
    ]
    assert parsed.lines == (8, 10, 12)
    assert parsed.problems == ()


def test_loose_list_item_paragraphs_join() -> None:
    """A list item with two paragraphs prints as one item."""
    parsed = parsed_markdown("- eerste deel\n\n  tweede deel\n- volgende\n", SRC, 1)
    assert [p.text for p in parsed.paragraphs] == ["eerste deel tweede deel", "volgende"]


def test_top_level_heading_warns_and_prints_as_text() -> None:
    """A '#' heading is shown as a body paragraph with a warning naming the line."""
    parsed = parsed_markdown("Intro.\n\n# Titel\n", SRC, 7)
    assert [(p.kind, p.text) for p in parsed.paragraphs] == [("body", "Intro."), ("body", "Titel")]
    assert parsed.problems == (
        Problem(
            "a '#' heading is not supported (the layout prints the section title): shown as plain "
            "text; use '##' for a sub-heading",
            SRC,
            9,
            severity="warning",
        ),
    )


def test_deeper_list_warns_and_moves_up() -> None:
    """A third list level is shown at level 1 with a warning."""
    parsed = parsed_markdown("- a\n  - b\n    - c\n", SRC, 5)
    assert [(p.text, p.level) for p in parsed.paragraphs] == [("a", 0), ("b", 1), ("c", 1)]
    assert [(p.line, p.message) for p in parsed.problems] == [
        (
            7,
            "lists nested more than one level deep are not supported: shown at the second level; "
            "move these points up a level",
        )
    ]


def test_image_and_html_are_dropped_with_warnings() -> None:
    """Images and HTML leave no text, and each gets a warning on its own line."""
    parsed = parsed_markdown("Zie\n![grafiek](g.png) hier <b>vet</b>.", SRC, 3)
    assert parsed.paragraphs == (Paragraph((Run("Zie hier vet."),)),)
    assert [(p.line, p.message) for p in parsed.problems] == [
        (4, "images are not supported and were left out: describe the point in words (charts come from the layout)"),
        (4, "HTML is not supported and was left out: remove '<b>'; use **bold** or *italic* for emphasis"),
        (4, "HTML is not supported and was left out: remove '</b>'; use **bold** or *italic* for emphasis"),
    ]


def test_table_code_quote_and_rule_warn() -> None:
    """Tables, code blocks and quotes print as plain text; a rule is left out; each warns."""
    body = "| a | b |\n|---|---|\n| 1 | 2 |\n\n    code\n\n> citaat\n\n***\n"
    parsed = parsed_markdown(body, SRC, 1)
    assert [p.text for p in parsed.paragraphs] == ["a | b", "1 | 2", "code", "citaat"]
    assert [p.line for p in parsed.problems] == [1, 5, 7, 9]
    assert all(p.severity == "warning" for p in parsed.problems)
    assert parsed.problems[3].message == (
        "horizontal rules ('---', '***') are not supported and were left out: start a new "
        "paragraph or a '##' sub-heading instead"
    )


def test_link_without_web_address_keeps_text() -> None:
    """A relative link keeps its text, loses its target and warns."""
    parsed = parsed_markdown("Lees [het rapport](rapport.pdf).", SRC, 4)
    assert parsed.paragraphs == (Paragraph((Run("Lees het rapport."),)),)
    assert parsed.problems[0].message == (
        "link 'rapport.pdf' is not a web address: only links starting with https://, http:// or "
        "mailto: work; the text is shown without a link"
    )


def test_markup_characters_stay_literal() -> None:
    """'<', '&', entities and quotes print exactly as typed."""
    parsed = parsed_markdown("a < b & \"c\" &amp; 'd' 5 > 3", SRC, 1)
    assert parsed.paragraphs[0].text == "a < b & \"c\" &amp; 'd' 5 > 3"
    assert parsed.problems == ()
