"""Fitting text to its frame: the size chosen, and the message when it does not fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.content import fitted_style, load_subject_content, overflow_problem, read_subject_content
from reportgen.content.fit import candidate_sizes
from reportgen.content.slots import SectionSlot
from reportgen.errors import Problem
from reportgen.model import Paragraph, Run, TextStyle

FRONT = "---\nregio: zwolle\neditie: 2023\nstatus: definitief\nlaatst_beoordeeld: 2023-05-01\n---\n"


def words(n: int) -> tuple[Paragraph, ...]:
    """n paragraphs of one short word each: one printed line per paragraph."""
    return tuple(Paragraph((Run("woord"),)) for _ in range(n))


def test_candidate_sizes_step_half_a_point() -> None:
    """From 11 pt down to a 9 pt minimum in 0.5 pt steps."""
    slot = SectionSlot("s", "S", 280, 390, TextStyle(size=11, leading=13.5), 9)
    assert candidate_sizes(slot) == [11, 10.5, 10, 9.5, 9]


def test_fits_at_full_size() -> None:
    """Seven one-line paragraphs of 13.5 pt need 94.5 pt: fits 100 pt at 11 pt."""
    style = TextStyle(size=11, leading=13.5, space_after=0)
    slot = SectionSlot("s", "S", 200, 100, style, 9)
    assert fitted_style(words(7), slot) == style


def test_fits_at_smaller_size_with_scaled_leading() -> None:
    """Eight lines: 108 pt at 11, 103.1 at 10.5, 98.2 at 10 pt: set at 10 pt."""
    style = TextStyle(size=11, leading=13.5, space_after=0)
    slot = SectionSlot("s", "S", 200, 100, style, 9)
    fitted = fitted_style(words(8), slot)
    assert fitted is not None
    assert fitted.size == 10
    assert fitted.leading == pytest.approx(13.5 * 10 / 11)


def test_paragraph_spacing_scales_too() -> None:
    """Space after paragraphs shrinks with the size: 4 pt at 11 pt is 2 pt at 5.5 pt."""
    style = TextStyle(size=11, leading=13.5, space_after=4)
    slot = SectionSlot("s", "S", 200, 30, style, 5.5)
    fitted = fitted_style(words(3), slot)
    # 3 lines + 2 gaps: at 5.5 pt 3 * 6.75 + 2 * 2 = 24.25 <= 30; at 6 pt 3 * 7.36 + 2 * 2.18 = 26.45
    # <= 30; at 6.5 pt 3 * 7.98 + 2 * 2.36 = 28.65 <= 30; at 7 pt 3 * 8.59 + 2 * 2.55 = 30.86 > 30.
    assert fitted is not None
    assert fitted.size == 6.5
    assert fitted.space_after == pytest.approx(4 * 6.5 / 11)


def test_overflow_message_counts_spacing_and_words() -> None:
    """Twelve one-word paragraphs at 12 pt leading + 3 pt spacing in 100 pt: 7 lines too long.

    Needed: 12 * 12 + 11 * 3 = 177 pt = 14.75 lines -> 15; room 100 // 12 = 8; 15 - 8 = 7.
    Words per line 12 / 12 = 1, so about 7 words. Line 7 (index 6) is the first past the
    bottom: 7 * 12 + 6 * 3 = 102 > 100.
    """
    style = TextStyle(size=10, leading=12, space_after=3)
    slot = SectionSlot("terugblik", "Terugblik regionale projecten (bereikt)", 200, 100, style, 10)
    lines_of = tuple(range(20, 44, 2))
    assert overflow_problem(words(12), lines_of, slot, "t.md") == Problem(
        "7 lines too long for 'Terugblik regionale projecten (bereikt)' (room for 8 lines at 10 pt); "
        "shorten it by about 7 words",
        "t.md",
        32,
    )


def test_overflow_reports_min_size_and_singular() -> None:
    """One line too long at the 9 pt minimum: the message says '1 line' and '9 pt'."""
    style = TextStyle(size=11, leading=13.5, space_after=0)
    slot = SectionSlot("s", "Wat valt op in deze regio?", 200, 100, style, 9)
    # At 9 pt the leading is 13.5 * 9 / 11 = 11.045: room 9 lines; ten lines need 110.45 pt.
    problem = overflow_problem(words(10), tuple(range(1, 11)), slot, "w.md")
    assert str(problem) == (
        "w.md:10: 1 line too long for 'Wat valt op in deze regio?' (room for 9 lines at 9 pt); "
        "shorten it by about 1 word"
    )


def test_fitting_text_has_no_overflow_problem() -> None:
    """A text that fits gives no problem."""
    slot = SectionSlot("s", "S", 200, 100, TextStyle(size=11, leading=13.5), 9)
    assert overflow_problem(words(3), (1, 2, 3), slot, "x.md") is None


def test_check_reports_overflow_at_source_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the check, the line is the file line of the first paragraph past the frame."""
    monkeypatch.chdir(tmp_path)
    path = Path("content/2023/zwolle/terugblik.md")
    path.parent.mkdir(parents=True)
    path.write_text(FRONT + "\n\n".join(["woord"] * 12) + "\n", encoding="utf-8")
    style = TextStyle(size=10, leading=12, space_after=3)
    slot = SectionSlot("terugblik", "Terugblik regionale projecten (bereikt)", 200, 100, style, 10)
    problems = read_subject_content(Path("content"), 2023, "zwolle", {"terugblik": slot}, {}, set())[1]
    # Paragraphs start on file lines 7, 9, 11, ...; the seventh (index 6) is on line 19.
    assert [str(p) for p in problems] == [
        "content/2023/zwolle/terugblik.md:19: 7 lines too long for 'Terugblik regionale projecten "
        "(bereikt)' (room for 8 lines at 10 pt); shorten it by about 7 words"
    ]


def test_loaded_section_carries_fitted_style(tmp_path: Path) -> None:
    """The loaded section holds the style the check fitted it in."""
    path = tmp_path / "2023" / "zwolle" / "terugblik.md"
    path.parent.mkdir(parents=True)
    path.write_text(FRONT + "\n\n".join(["woord"] * 8) + "\n", encoding="utf-8")
    slot = SectionSlot("terugblik", "T", 200, 100, TextStyle(size=11, leading=13.5, space_after=0), 9)
    content = load_subject_content(tmp_path, 2023, "zwolle", {"terugblik": slot}, {}, set())
    style = content.sections[0].style
    assert style is not None
    assert style.size == 10
