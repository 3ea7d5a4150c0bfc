"""Any text an editor can type loads without crashing and yields XML-safe runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.content import load_subject_content, parsed_markdown
from reportgen.content.sanitize import cleaned_source, xml_allowed
from reportgen.content.slots import SectionSlot
from reportgen.errors import ContentError
from reportgen.model import TextStyle

FRONT = "---\nregio: zwolle\neditie: 2023\nstatus: definitief\nlaatst_beoordeeld: 2023-05-01\n---\n"
STYLE = TextStyle(size=11, leading=13.5, space_after=4, indent=12)
SLOTS = {"terugblik": SectionSlot("terugblik", "Terugblik", 430, 390, STYLE, 9)}
MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab <>&*_-#>`[]()!{}|\n\t\r\x00\x07\ufffe\u00a0é😀1.")))


def assert_clean(runs_text: str) -> None:
    """No XML-forbidden or control character (other than space) in printed text."""
    assert all(xml_allowed(ch) and (ch >= " " and ch != "\x7f") for ch in runs_text), repr(runs_text)


@pytest.fixture(scope="module")
def content_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content folder whose one section file each example rewrites."""
    root = tmp_path_factory.mktemp("content")
    (root / "2023" / "zwolle").mkdir(parents=True)
    return root


@settings(max_examples=150, deadline=None)
@given(body=st.one_of(st.text(), MARKDOWNISH))
def test_any_body_loads_or_raises_content_error(content_dir: Path, body: str) -> None:
    """Loading a section with any body either works or raises ContentError, never anything else."""
    (content_dir / "2023" / "zwolle" / "terugblik.md").write_text(FRONT + body, encoding="utf-8")
    try:
        content = load_subject_content(content_dir, 2023, "zwolle", SLOTS, {"regio": "zwolle"}, set())
    except ContentError:
        return
    for paragraph in content.sections[0].paragraphs:
        assert_clean(paragraph.text)


@settings(max_examples=150, deadline=None)
@given(body=st.one_of(st.text(), MARKDOWNISH))
def test_parsed_runs_are_xml_safe(body: str) -> None:
    """The Markdown stage alone never lets a forbidden character through."""
    for paragraph in parsed_markdown(cleaned_source(body), "f.md", 1).paragraphs:
        assert_clean(paragraph.text)
        assert all(run.text for run in paragraph.runs)
