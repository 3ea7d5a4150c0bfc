"""The example content of edition 2023 passes the check for every region, without warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.content import load_subject_content, read_subject_content
from reportgen.content.slots import SectionSlot
from reportgen.data.regions import REGION_IDS, REGION_NAMES
from reportgen.model import TextStyle

CONTENT = Path(__file__).resolve().parent.parent / "content"
STYLE = TextStyle(size=11, leading=13.5, space_after=4, indent=12)
SLOTS = {
    s.section: s
    for s in (
        SectionSlot("wat_valt_op", "Wat valt op in deze regio?", 280, 390, STYLE, 9),
        SectionSlot("samenwerking", "Samenwerking met partners in de regio", 280, 390, STYLE, 9),
        SectionSlot("ontwikkelingen", "Ontwikkelingen", 280, 390, STYLE, 9, shared=True),
        SectionSlot("terugblik", "Terugblik regionale projecten (bereikt)", 430, 390, STYLE, 9),
        SectionSlot("vooruitblik", "Vooruitblik regionale projecten (doelen)", 430, 390, STYLE, 9),
        SectionSlot("knelpunten", "Knelpunten en kansen", 560, 390, STYLE, 9),
    )
}
EXAMPLE_REGIONS = {
    "amsterdam",
    "apeldoorn-zutphen",
    "flevoland",
    "friesland",
    "t-gooi",
    "kennemerland",
    "zaanstreek-waterland",
}


def variables(region: str) -> dict[str, str]:
    """The variables the indicator stage provides, with Dutch-formatted stand-in values."""
    return {
        "inwoners": "1.234.567",
        "ggz_klanten": "12.345",
        "ggz_w": "10.123",
        "ggz_b": "2.222",
        "ggz_klanten_per_10k": "16,2",
        "locaties_per_1000": "45",
        "regio": region,
        "regio_naam": REGION_NAMES[region],
        "editie": "2023",
        "volgend_jaar": "2024",
    }


@pytest.mark.parametrize("region", REGION_IDS)
def test_example_content_passes_check(region: str) -> None:
    """No errors and no warnings for any region of edition 2023."""
    problems = read_subject_content(CONTENT, 2023, region, SLOTS, variables(region), set())[1]
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("region", REGION_IDS)
def test_example_content_fits_at_ten_points_or_more(region: str) -> None:
    """Every section is set at 10 pt or larger, so the pages keep some air."""
    content = load_subject_content(CONTENT, 2023, region, SLOTS, variables(region), set())
    sizes = {s.section: s.style.size for s in content.sections if s.style is not None}
    assert len(sizes) == 6
    assert min(sizes.values()) >= 10


@pytest.mark.parametrize("region", REGION_IDS)
def test_example_flags(region: str) -> None:
    """The seven regions without a published deck are example text; all texts are final."""
    content = load_subject_content(CONTENT, 2023, region, SLOTS, variables(region), set())
    assert content.example == (region in EXAMPLE_REGIONS)
    assert content.concept is False


def test_every_region_has_the_national_publication_date() -> None:
    """The national text shows the national date 1 juni 2023 in every region (no regional slip)."""
    dates = {}
    for region in ("drenthe", "zwolle"):
        content = load_subject_content(CONTENT, 2023, region, SLOTS, variables(region), set())
        section = content.section("ontwikkelingen")
        assert section is not None and section.national
        text = " ".join(p.text for p in section.paragraphs)
        dates[region] = [d for d in ("1 juni 2023", "1 juli 2023") if d in text]
    assert dates == {"drenthe": ["1 juni 2023"], "zwolle": ["1 juni 2023"]}
