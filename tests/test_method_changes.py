"""The leeswijzer and the method-change pages come from the registry, with computed page numbers."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from build_helpers import example_document

from reportgen.indicators.registry import IndicatorMeta
from reportgen.layout.spec import Layout
from reportgen.model import Document, TableFrame, TextFrame

REGION = "zwolle"


def _build(layout: Layout, registry: dict[str, IndicatorMeta], values: pd.DataFrame) -> Document:
    return example_document(REGION, layout, registry, values)


def _without_2023_changes(registry: dict[str, IndicatorMeta]) -> dict[str, IndicatorMeta]:
    """The registry as if no method changed in 2023."""
    return {k: replace(m, methoden=tuple(v for v in m.methoden if v.editie < 2023)) for k, m in registry.items()}


def _table(doc: Document, frame_id: str) -> TableFrame:
    return next(f for p in doc.pages for f in p.frames if f.id == frame_id)


def test_edition_with_changes_has_change_page_and_appendix(layout, registry, example_values) -> None:
    """2023 changed how locations are counted: one page lists it with its page and, below, describes it in full."""
    doc = _build(layout, registry, example_values)
    titles = [p.title for p in doc.pages]
    assert titles[-1] == "Wijzigingen ten opzichte van 2022"
    assert len(doc.pages) == 7
    table = _table(doc, "wijzigingen_tabel")
    method = next(v for v in registry["ggz_locaties"].methoden if v.editie == 2023)
    assert (registry["ggz_locaties"].title, method.samenvatting, "p. 1") in table.rows
    appendix = next(f for f in doc.pages[-1].frames if isinstance(f, TextFrame) and f.id == "bijlage")
    texts = [p.text for p in appendix.paragraphs]
    assert f"{registry['ggz_locaties'].title} (aangepast in de editie 2023)" in texts
    assert " ".join(method.beschrijving.split()) in [" ".join(t.split()) for t in texts]


def test_edition_without_changes_has_no_change_pages(layout, registry, example_values) -> None:
    """Without method changes since last year there is neither a change page nor an appendix."""
    doc = _build(layout, _without_2023_changes(registry), example_values)
    titles = [p.title for p in doc.pages]
    assert len(doc.pages) == 6
    assert not any(t.startswith("Wijzigingen") or t.startswith("Bijlage") for t in titles)


def test_change_page_numbers_follow_the_layout(layout, registry, example_values) -> None:
    """Move the locations tile to page 2 and the change page says p. 2 (computed, not typed)."""
    pages = list(layout.pages)
    tile = next(f for f in pages[0].frames if f.id == "kpi_locaties")
    pages[0] = replace(pages[0], frames=tuple(f for f in pages[0].frames if f.id != "kpi_locaties"))
    pages[1] = replace(pages[1], frames=(*pages[1].frames, replace(tile, box=replace(tile.box, y=400, h=94))))
    moved = replace(layout, pages=tuple(pages))
    doc = _build(moved, registry, example_values)
    rows = _table(doc, "wijzigingen_tabel").rows
    assert [r[2] for r in rows if r[0] == registry["ggz_locaties"].title] == ["p. 2"]


def test_leeswijzer_lists_every_indicator_with_registry_fields(layout, registry, example_values) -> None:
    """The leeswijzer has a row per indicator shown, with its source, date, explanation and pages."""
    doc = _build(layout, registry, example_values)
    table = _table(doc, "leeswijzer")
    by_title = {row[0]: row for row in table.rows}
    meta = registry["wachtlijst"]
    analysis = layout.frames("leeswijzer")[0].options["regioanalyse"]  # every page present in 2023
    waiting_page = 1 + [p.id for p in analysis.pages].index("wachtlijst")
    assert by_title[meta.title] == (
        meta.title,
        meta.bron,
        "januari 2022 t/m februari 2023",
        meta.toelichting,
        "p. 2",
        f"pagina {waiting_page}",
    )
    assert set(by_title) == {
        registry[i].title
        for i in (
            "inwoners",
            "ggz_klanten",
            "ggz_klanten_per_10k",
            "ggz_locaties",
            "locaties_per_1000",
            "ggz_w_verdeling",
            "leveringsvorm",
            "wachtlijst",
            "sectorvreemd",
            "sectorvreemd_profielen",
        )
    }
