"""The table of contents and a leeswijzer split over pages, as layout frames of any kind;
`--document all` runs every kind."""

from __future__ import annotations

import argparse
from dataclasses import replace

from build_helpers import example_document

from reportgen.cli import _per_kind
from reportgen.kinds import kind_ids
from reportgen.layout.spec import Box, FrameSpec, PageSpec
from reportgen.model import TableFrame

REGION = "zwolle"


def _document(layout, registry, values):
    return example_document(REGION, layout, registry, values)


def _with_pages(layout, first: PageSpec, leeswijzer_options: dict):
    """The Regioplan layout with `first` in front and the leeswijzer given `leeswijzer_options`."""
    pages = []
    for page in layout.pages:
        frames = tuple(
            replace(f, options={**f.options, **leeswijzer_options}) if f.kind == "leeswijzer" else f
            for f in page.frames
        )
        pages.append(replace(page, frames=frames))
    return replace(layout, pages=(first, *pages))


def _without_analysis(page: PageSpec) -> PageSpec:
    """The page with its leeswijzer citing no Regioanalyse."""
    frames = tuple(replace(f, options={k: v for k, v in f.options.items() if k != "regioanalyse"}) for f in page.frames)
    return replace(page, frames=frames)


CONTENTS = PageSpec("inhoud", "Inhoudsopgave", (FrameSpec("inhoud", "inhoud", Box(36, 76, 888, 424), {}),))


def test_contents_list_every_later_page_with_its_number(layout, registry, example_values) -> None:
    """Pages 2.. with their titles as numbered in the document, split over two columns."""
    doc = _document(_with_pages(layout, CONTENTS, {}), registry, example_values)
    tables = [f for f in doc.pages[0].frames if isinstance(f, TableFrame)]
    assert [t.id for t in tables] == ["inhoud_1", "inhoud_2"]
    rows = [row for t in tables for row in t.rows]
    assert rows == [(p.title, str(p.number)) for p in doc.pages[1:]]
    assert len(tables[0].rows) - len(tables[1].rows) in (0, 1)
    assert tables[1].box.x > tables[0].box.right


def test_leeswijzer_shows_only_the_indicators_named(layout, registry, example_values) -> None:
    """`indicatoren:` limits the leeswijzer; without `regioanalyse:` it has no Regioanalyse column."""
    options = {"indicatoren": ["ggz_klanten", "wachtlijst"]}
    plain = replace(layout, pages=tuple(_without_analysis(p) for p in layout.pages))
    doc = _document(_with_pages(plain, CONTENTS, options), registry, example_values)
    table = next(f for p in doc.pages for f in p.frames if f.id == "leeswijzer" and isinstance(f, TableFrame))
    assert [row[0] for row in table.rows] == [registry["ggz_klanten"].title, registry["wachtlijst"].title]
    assert table.header == ("Indicator", "Bron", "Peildatum", "Toelichting", "In dit document")


def test_document_all_runs_every_kind() -> None:
    """`--document all` gives the arguments once per kind; one kind stays one run."""
    args = argparse.Namespace(document="all", layout=None, region=None)
    assert [a.document for a in _per_kind(args)] == list(kind_ids())
    assert "regioanalyse-gz" in kind_ids() and "regioplan-ggz" in kind_ids()
    one = argparse.Namespace(document="regioplan-ggz", layout=None)
    assert _per_kind(one) == [one]
