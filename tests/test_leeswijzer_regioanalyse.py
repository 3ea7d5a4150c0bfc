"""The Regioplan's leeswijzer cites the pages of the Regioanalyse: computed from its layout, they
are the pages on which the built Regioanalyse prints the same figure."""

from __future__ import annotations

import pytest

from reportgen.indicators.registry import load_registry
from reportgen.model import TableFrame
from reportgen.options import Options

REGION = "zwolle"


def _document(kind: str):
    """The assembled document of one kind for REGION."""
    from reportgen.jobs import assembled
    from reportgen.prepare import prepare

    prepared = prepare(Options(regions=(REGION,), document=kind, all_regions=False))
    (job,) = prepared.jobs()
    return assembled(job)


@pytest.fixture(scope="module")
def documents():
    return _document("regioplan-ggz"), _document("regioanalyse-gz")


def _printed_pages(doc) -> dict[str, set[int]]:
    """Indicator -> the pages on which a frame of the document prints one of its values."""
    pages: dict[str, set[int]] = {}
    for page in doc.pages:
        for frame in page.frames:
            for ref in (*getattr(frame, "refs", ()), *getattr(frame, "mark_refs", ())):
                pages.setdefault(ref.indicator, set()).add(page.number)
    return pages


def test_regioanalyse_column_gives_the_pages_of_the_built_analysis(documents) -> None:
    """Every row names the pages where the analysis prints the indicators the registry links it to."""
    plan, analysis = documents
    registry = load_registry()
    by_title = {meta.title: meta for meta in registry.values()}
    printed = _printed_pages(analysis)
    table = next(f for p in plan.pages for f in p.frames if isinstance(f, TableFrame) and f.id == "leeswijzer")
    assert table.header[-1] == "Regioanalyse"
    cited = 0
    for row in table.rows:
        meta = by_title[row[0]]
        real = sorted({n for other in meta.regioanalyse for n in printed.get(other, set())})
        if not meta.regioanalyse:
            assert row[-1] == "niet in de regioanalyse"
            continue
        assert real, f"{meta.id}: the analysis prints none of {meta.regioanalyse}"
        numbers = [int(n) for n in row[-1].removeprefix("pagina ").replace(" en ", ", ").split(", ")]
        assert numbers == real, meta.id
        cited += 1
    assert cited >= 8
    titles = {p.number: p.title for p in analysis.pages}
    row = next(r for r in table.rows if r[0] == registry["wachtlijst"].title)
    assert titles[int(row[-1].removeprefix("pagina "))].startswith("Wachtlijst en wachttijden")
