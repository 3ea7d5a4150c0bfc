"""What a careful reader checks on the Regioplan pages: charts that make sense where counts
are hidden, headlines that agree with their chart, notes only where they apply, dates
that never break, the document title on every slide, and speaker notes with the rule
and numbers behind every headline."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation

from reportgen import pipeline
from reportgen.charts.hbar import ranked_order
from reportgen.charts.lines import ends_in_line, monthly_lines
from reportgen.charts.series import Series
from reportgen.charts.stacked import _column_labels
from reportgen.content.loader import national_override_warnings, read_subject_content
from reportgen.data.regions import REGION_NAMES
from reportgen.formatting import NBSP, SUPPRESSED
from reportgen.headlines.rules import (
    care_at_home_headline,
    profile_mix_headline,
    sectorvreemd_headline,
    sectorvreemd_profiles_headline,
    waiting_list_headline,
)
from reportgen.kinds import Subject
from reportgen.kinds.regioplan_ggz.charts import OTHER_PROFILES
from reportgen.kinds.regioplan_ggz.waiting_chart import (
    MERGED_LABEL,
    merge_note,
    merged_values,
    statuses_to_merge,
    waiting_series,
)
from reportgen.layout.assemble import assemble_document
from reportgen.layout.spec import Layout
from reportgen.model import ChartFrame, Document, TableFrame, TextFrame
from reportgen.render.pptx import render_pptx
from reportgen.textfit import wrap_text
from reportgen.values import Values

REGIONS = ("drenthe", "flevoland", "zaanstreek-waterland")


@pytest.fixture(scope="module")
def docs(layout: Layout, registry, example_values: pd.DataFrame) -> dict[str, Document]:
    """The assembled decks of three regions that showed each problem."""
    contents = pipeline.read_contents(pipeline.Options(regions=REGIONS), layout, example_values)[0]
    return {
        r: assemble_document(
            layout=layout,
            registry=registry,
            values=example_values,
            subject=Subject(r, REGION_NAMES[r], (r,)),
            edition=2023,
            content=contents[r],
        )
        for r in REGIONS
    }


def _frame(doc: Document, frame_id: str):
    return next(f for p in doc.pages for f in p.frames if f.id == frame_id)


def _text(frame: TextFrame) -> str:
    return " ".join(p.text for p in frame.paragraphs).replace(NBSP, " ")


# 1. the waiting-list chart


def test_mostly_hidden_statuses_are_merged() -> None:
    """Two statuses hidden in most months become one line; a lone mostly hidden status takes the smallest other."""
    shown = {
        "urgent": (None, None, None),
        "actief": (40.0, 41.0, 42.0),
        "wacht op voorkeur": (None, 12.0, None),
        "totaal": (55.0, 60.0, 57.0),
    }
    raw = {"urgent": (5.0, 6.0, 7.0), "actief": (40.0, 41.0, 42.0), "wacht op voorkeur": (10.0, 12.0, 8.0)}
    raw["totaal"] = tuple(sum(raw[s][i] for s in ("urgent", "actief", "wacht op voorkeur")) for i in range(3))
    assert statuses_to_merge(shown, raw) == ["urgent", "wacht op voorkeur"]
    assert merged_values(["urgent", "wacht op voorkeur"], shown, raw, 10) == (15.0, 18.0, 15.0)
    one_hidden = dict(shown, **{"wacht op voorkeur": (20.0, 21.0, 22.0)})
    raw_one = dict(raw, **{"wacht op voorkeur": (20.0, 21.0, 22.0)})
    assert statuses_to_merge(one_hidden, raw_one) == ["urgent", "wacht op voorkeur"]


def test_merged_line_never_shows_a_small_count_or_reveals_a_hidden_status() -> None:
    """Below the threshold it is hidden; with the one remaining status hidden and the total shown, too."""
    shown = {"urgent": (None,), "actief": (None,), "wacht op voorkeur": (None,), "totaal": (40.0,)}
    raw = {"urgent": (15.0,), "actief": (5.0,), "wacht op voorkeur": (20.0,), "totaal": (40.0,)}
    assert merged_values(["urgent", "wacht op voorkeur"], shown, raw, 10) == (None,)
    raw_small = {"urgent": (3.0,), "actief": (30.0,), "wacht op voorkeur": (4.0,), "totaal": (37.0,)}
    shown_small = dict(shown, actief=(30.0,))
    assert merged_values(["urgent", "wacht op voorkeur"], shown_small, raw_small, 10) == (None,)


@pytest.mark.parametrize("region", sorted(REGION_NAMES))
def test_every_legend_entry_is_a_drawn_line(region: str, example_values: pd.DataFrame) -> None:
    """No legend entry without a drawn series, and no line that is hidden most of the time."""
    months, lines, merged = waiting_series(Values(example_values), region, 10)
    assert lines, region
    for s in lines:
        hidden = sum(v is None for v in s.values)
        assert hidden < len(months), s.name
        assert hidden * 2 <= len(months), f"{s.name} hidden in {hidden} of {len(months)} months"
        assert all(v is None or v == 0 or v >= 10 for v in s.values), s.name
    assert (MERGED_LABEL in " ".join(s.name for s in lines)) == bool(merged) or len(merged) == 3


def test_merge_is_named_in_the_note(docs: dict[str, Document]) -> None:
    """The source line of the waiting chart says what 'Overig wachtend' holds, when the chart has it."""
    for doc in docs.values():
        alt = _frame(doc, "wachtlijst").alt_text
        source = _text(_frame(doc, "wachtlijst_bron"))
        assert (MERGED_LABEL in alt) == (f"{MERGED_LABEL}:" in source)
    assert merge_note(["urgent", "wacht op voorkeur"]).startswith(f"{MERGED_LABEL}: urgent en wacht op voorkeur")


def test_interrupted_line_has_no_end_marker() -> None:
    """A dot marks a line's end only where the line runs into its last month; a hidden end has no label."""
    assert ends_in_line((1.0, 2.0, 3.0))
    assert not ends_in_line((1.0, None, 3.0))
    assert not ends_in_line((1.0, 2.0, None))
    chart = monthly_lines(
        ["2023-01", "2023-02"], [Series("A", (12, None)), Series("B", (20, 30))], width_pt=200, height_pt=150
    )
    assert chart.labels == ("30",)
    assert SUPPRESSED not in chart.labels


# 2. headlines that agree with their chart


def test_vooral_only_for_a_majority() -> None:
    """'vooral' / 'voornamelijk' only above 50% as printed; otherwise the largest group with its share."""
    assert "vooral" in sectorvreemd_profiles_headline("X", "GGZ-W3", 0.56).text
    for share in (0.5, 0.503, 0.47):
        text = sectorvreemd_profiles_headline("X", "GGZ-W3", share).text
        assert "vooral" not in text and "grootste groep" in text and "%" in text
    assert "voornamelijk" not in sectorvreemd_headline("X", 0.2, 0.21, "GGZ-W3", 3.0, 0.47).text
    assert "voornamelijk GGZ-W3" in sectorvreemd_headline("X", 0.2, 0.21, "GGZ-W3", 3.0, 0.53).text


def test_overige_stands_last() -> None:
    """The remainder bar is the bottom bar even when it is the largest."""
    values = [0.47, 0.53]
    assert ranked_order(values, [False, True]) == [0, 1]
    assert ranked_order([0.2, None, 0.5], [False, False, True]) == [0, 1, 2]
    assert OTHER_PROFILES == "Overige profielen"


def test_small_changes_are_no_clear_change() -> None:
    """+5 people is never 'flink gestegen'; a 2-point profile difference among 722 clients is no claim."""
    small = waiting_list_headline("X", 32, 37, 0.02, 0.15, 10, 1.96)
    assert small.direction == "gelijk" and "niet duidelijk veranderd" in small.text
    clear = waiting_list_headline("X", 100, 160, 0.02, 0.15, 10, 1.96)
    assert clear.text.endswith("flink gestegen")
    region = {"GGZ-W2": 0.19, "GGZ-W3": 0.44}
    average = {"GGZ-W2": 0.21, "GGZ-W3": 0.42}
    assert profile_mix_headline("X", region, average, 2.0, 722, 1.96).direction == "gelijk"
    assert "relatief" in profile_mix_headline("X", region, average, 2.0, 20000, 1.96).text
    start = {"VPT": 0.1, "MPT": 0.2, "PGB": 0.1}
    end = {"VPT": 0.11, "MPT": 0.24, "PGB": 0.1}
    assert "niet duidelijk" in care_at_home_headline("X", start, end, 1.0, (285, 290), 1.96).text
    assert "toegenomen" in care_at_home_headline("X", start, end, 1.0, (5000, 5000), 1.96).text


def test_thresholds_are_settings(layout: Layout) -> None:
    """The minimum change and the test level are in settings.yaml."""
    assert layout.settings.thresholds["wachtlijst_min_verschil"] == 10
    assert layout.settings.thresholds["toets_z"] == 1.96


# 3. method changes


def test_change_page_holds_table_and_appendix_and_tile_points_to_it(docs: dict[str, Document]) -> None:
    """One page lists and describes the change; the locations tile says which page; the editions agree."""
    doc = docs["drenthe"]
    page = doc.pages[-1]
    ids = {f.id for f in page.frames}
    assert {"wijzigingen_tabel", "bijlage"} <= ids
    marker = _text(_frame(doc, "kpi_locaties_methode"))
    assert marker.endswith(f"zie p. {page.number}")
    intro = _text(_frame(doc, "wijzigingen_intro"))
    appendix = _text(_frame(doc, "bijlage"))
    assert "in de editie 2023 aangepast" in intro and "aangepast in de editie 2023" in appendix
    assert not any(f.id == "kpi_inwoners_methode" for f in doc.pages[0].frames)


# 4. notes only where they apply


def test_no_note_without_a_mark(docs: dict[str, Document]) -> None:
    """A chart's source explains '*' only when the chart shows one (as a label or in a legend name)."""
    for doc in docs.values():
        for page in doc.pages:
            for chart in (f for f in page.frames if isinstance(f, ChartFrame)):
                source = _text(_frame(doc, f"{chart.id}_bron"))
                marked = any(SUPPRESSED in lab for lab in chart.labels) or f" {SUPPRESSED}:" in chart.alt_text
                assert ("Niet getoond" in source) == marked, (doc.subject, chart.id, chart.labels)


def test_peildatum_lists_the_periods_shown(docs: dict[str, Document]) -> None:
    """The sector charts show January of the edition only, and say so."""
    for chart in ("sectorvreemd", "sectorvreemd_profielen"):
        source = _text(_frame(docs["flevoland"], f"{chart}_bron"))
        assert "Peildatum: januari 2023." in source and "2022" not in source


# 5. dates


def test_no_date_split_across_lines(docs: dict[str, Document]) -> None:
    """No line of any text frame ends inside a date, at any width; each date names its figure."""
    style = _frame(docs["drenthe"], "bron_kpi").style
    for width in range(40, 260, 7):
        for line in wrap_text(_frame(docs["drenthe"], "bron_kpi").paragraphs, style, width):
            assert not line.text.rstrip().endswith((" 1", "januari")), line.text
    source = _text(_frame(docs["drenthe"], "bron_kpi"))
    assert "aantal inwoners 1 januari 2023" in source and "overige cijfers januari 2023" in source
    assert f"1{NBSP}januari{NBSP}2023" in " ".join(p.text for p in _frame(docs["drenthe"], "bron_kpi").paragraphs)


# 6. the document title and the analyses link


def test_document_title_on_every_page_and_link_on_page_one(docs: dict[str, Document]) -> None:
    """Each slide carries 'Regioplan 2023/2024 GGZ <regio>'; page 1 and the leeswijzer link to the analyses."""
    doc = docs["drenthe"]
    for page in doc.pages:
        heading = next(f for f in page.frames if f.id == "documenttitel")
        assert _text(heading) == "Regioplan 2023/2024 GGZ Drenthe"
    for number in (1, next(p.number for p in doc.pages if p.title == "Leeswijzer")):
        links = [
            r.link
            for f in doc.pages[number - 1].frames
            if isinstance(f, TextFrame)
            for p in f.paragraphs
            for r in p.runs
        ]
        assert any(links), number


# 7. content slips


def test_check_warns_on_a_regional_value_of_a_national_variable(tmp_path: Path) -> None:
    """A region giving a national fact another value gets a warning at its line."""
    path = tmp_path / "regio.yaml"
    path.write_text("variabelen:\n  publicatiedatum_inkoopbeleid: 1 juli 2023\n", encoding="utf-8")
    warnings = national_override_warnings(
        path, {"publicatiedatum_inkoopbeleid": "1 juni 2023"}, {"publicatiedatum_inkoopbeleid": "1 juli 2023"}
    )
    assert len(warnings) == 1 and warnings[0].line == 2 and warnings[0].severity == "warning"
    assert "1 juni 2023" in warnings[0].message
    assert not national_override_warnings(path, {"a": "x"}, {"a": "x"})


def test_drenthe_uses_the_national_date(layout: Layout, example_values: pd.DataFrame) -> None:
    """The example content has no regional slip left: no override warnings for any region."""
    content_dir = Path(__file__).resolve().parents[1] / "content"
    for region in ("drenthe", "zwolle"):
        content, problems = read_subject_content(content_dir, 2023, region, {}, {}, ())
        assert not [p for p in problems if "national" in p.message], region


def test_leeswijzer_does_not_send_leveringsvorm_to_the_regioanalyse(docs: dict[str, Document], registry) -> None:
    """The regioanalyse does not report the leveringsvorm split, so the leeswijzer says so."""
    table = _frame(docs["drenthe"], "leeswijzer")
    assert isinstance(table, TableFrame)
    row = next(r for r in table.rows if r[0] == registry["leveringsvorm"].title)
    assert row[-1] == "niet in de regioanalyse"


# 8. small blemishes


def test_a_printed_4_percent_always_stands_inside() -> None:
    """3,6% prints as 4% and stands inside its segment like any other 4%."""
    labels = _column_labels([0.036, 0.964], ["#000000", "#ffffff"], 60.0, 300.0)
    assert labels[0].text == "4%" and labels[0].inside


# line breaking that matches PowerPoint


def test_lines_break_after_a_hyphen(docs: dict[str, Document]) -> None:
    """Like PowerPoint: 'GGZ-' at a line end, 'klanten' on the next."""
    style = _frame(docs["drenthe"], "bron_kpi").style
    from reportgen.model import Paragraph, Run

    lines = wrap_text((Paragraph((Run("vooral om GGZ-W3-klanten"),)),), style, 75)
    assert [ln.text for ln in lines][0].endswith("-")
    assert "".join(ln.text.replace(" ", "") for ln in lines) == "voorallomGGZ-W3-klanten".replace("ll", "l")


# speaker notes


def test_notes_on_every_slide_with_rule_and_numbers(docs: dict[str, Document]) -> None:
    """Every page has notes; a page with headlines gives each headline with its rule and numbers."""
    doc = docs["flevoland"]
    assert all(p.notes.strip() for p in doc.pages)
    summary = next(p for p in doc.pages if any(f.id == "in_het_kort_tekst" for f in p.frames))
    assert summary.notes.count("Regel:") >= 5
    notes = doc.pages[1].notes
    assert "Regel:" in notes and "Cijfers:" in notes and "wachtenden" in notes
    prs = Presentation(io.BytesIO(render_pptx(doc)))
    for slide, page in zip(prs.slides, doc.pages, strict=True):
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
        assert slide.notes_slide.notes_text_frame.text.split("\n")[0] == page.notes.split("\n")[0]


def test_no_headline_ends_on_a_lone_third_line_word(docs: dict[str, Document]) -> None:
    """A chart headline never wraps to three lines with one word on the last."""
    for doc in docs.values():
        for page in doc.pages:
            for f in page.frames:
                if isinstance(f, TextFrame) and f.role == "headline":
                    lines = wrap_text(f.paragraphs, f.style, f.box.w)
                    assert not (len(lines) > 2 and len(lines[-1].text.split()) == 1), (doc.subject, f.id)


def test_short_narratives_fill_their_page(docs: dict[str, Document], layout: Layout) -> None:
    """Narratives with room are set larger, all at one size per page, and still fit."""
    base = layout.theme.style("tekst").size
    for doc in docs.values():
        for page in doc.pages:
            texts = [f for f in page.frames if isinstance(f, TextFrame) and f.role == "narrative"]
            if not texts:
                continue
            assert len({f.style.size for f in texts}) == 1, (doc.subject, page.number)
            for f in texts:
                assert text_height_of(f) <= f.box.h + 1e-6
    sizes = [
        f.style.size for f in docs["drenthe"].pages[2].frames if isinstance(f, TextFrame) and f.role == "narrative"
    ]
    assert sizes[0] > base


def text_height_of(frame: TextFrame) -> float:
    from reportgen.textfit import text_height

    return text_height(wrap_text(frame.paragraphs, frame.style, frame.box.w), frame.style)


def test_tile_source_notes_a_mark_only_when_a_tile_shows_one() -> None:
    """The tiles' source line explains '*' only when a tile on the page prints it."""
    from reportgen.layout.kpis import marks_shown
    from reportgen.model import Box, Paragraph, Run, TextStyle

    def tile(text: str) -> TextFrame:
        return TextFrame("t", Box(0, 0, 10, 10), (Paragraph((Run(text),)),), TextStyle(), role="kpi-value")

    assert not marks_shown((tile("944"), tile("18,8")))
    assert marks_shown((tile("944"), tile(SUPPRESSED)))


def test_tile_source_without_marks_has_no_note(docs: dict[str, Document]) -> None:
    """With no '*' on the tiles, their source line carries no small-count note."""
    for doc in docs.values():
        tiles = " ".join(_text(f) for f in doc.pages[0].frames if isinstance(f, TextFrame) and f.role.startswith("kpi"))
        assert (SUPPRESSED in tiles) == ("Niet getoond" in _text(_frame(doc, "bron_kpi")))
