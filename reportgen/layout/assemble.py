"""Assembly: layout + computed values + charts + narrative -> one frozen Document.

Everything a page shows is resolved here, once; the renderers only draw. Page numbers
(for the footer, the leeswijzer and the change pages) are computed from the pages that
are actually present, never typed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportgen.content import SubjectContent
from reportgen.headlines.rules import Verdict
from reportgen.kinds.spec import ChartRequest, Kind, KpiContext, Subject, edition_fields
from reportgen.layout import pages as special
from reportgen.layout.frames import grown_to_fill, text_frame
from reportgen.layout.furniture import document_heading, footer_frames
from reportgen.layout.headlines import headline_problems, headlines_with_overrides, page_notes, subject_headlines
from reportgen.layout.kpis import kpi_frames, marks_shown, method_marker
from reportgen.layout.narrative import narrative_frames, needs_marker
from reportgen.layout.spec import FrameSpec, Layout, PageOutline, PageSpec
from reportgen.model import Box, ChartFrame, Document, Frame, Page, Paragraph, Run
from reportgen.values import Values

__all__ = ["assemble_document", "headline_problems", "subject_headlines"]

CHART_HEADLINE_H = 46.0
CHART_SOURCE_H = 32.0
CHART_GAP = 4.0


@dataclass(frozen=True)
class _Context:
    layout: Layout
    registry: dict
    values: Values
    subject: Subject
    edition: int
    headlines: dict[str, Verdict]
    content: SubjectContent
    changed: frozenset[str] = frozenset()
    change_page: int | None = None

    @property
    def kind(self) -> Kind:
        return self.layout.kind

    @property
    def fields(self) -> dict[str, object]:
        return {**self.subject.fields(), **edition_fields(self.edition)}


def _chart_frames(spec: FrameSpec, ctx: _Context) -> list[Frame]:
    chart = ctx.kind.charts[spec.options["grafiek"]]
    theme = ctx.layout.theme
    box = spec.box
    chart_box = Box(
        box.x,
        box.y + CHART_HEADLINE_H + CHART_GAP,
        box.w,
        box.h - CHART_HEADLINE_H - CHART_SOURCE_H - 2 * CHART_GAP,
    )
    built = chart.build(
        ChartRequest(ctx.values, ctx.subject, ctx.edition, chart_box.w, chart_box.h, ctx.layout.settings.min_count)
    )
    headline = ctx.headlines[chart.headline]
    source = special.source_line(
        ctx.registry,
        chart.indicators,
        ctx.edition,
        built.has_suppressed,
        ctx.layout.settings.min_count,
        built.peildatum,
        built.note,
    )
    return [
        text_frame(
            f"{spec.id}_kop",
            Box(box.x, box.y, box.w, CHART_HEADLINE_H),
            headline.text,
            theme.style("grafiekkop"),
            "headline",
            min_size=10,
            refs=headline.refs,
            no_widow=True,
        ),
        ChartFrame(
            id=spec.id,
            box=chart_box,
            pdf=built.image.pdf,
            png=built.image.png,
            alt_text=built.image.alt_text,
            labels=built.image.labels,
            refs=built.refs,
            data=built.image.data,
            mark_refs=built.mark_refs,
            derived=built.derived,
        ),
        text_frame(
            f"{spec.id}_bron",
            Box(box.x, chart_box.bottom + CHART_GAP, box.w, CHART_SOURCE_H),
            source,
            theme.style("bron"),
            "source",
            min_size=7,
        ),
    ]


def _document_date(content: SubjectContent, edition: int) -> str:
    """The document date: the latest review date of its texts, else 1 January of the edition.

    Taken from the inputs, not the clock, so the same inputs give the same files.
    """
    dates = sorted(s.reviewed for s in content.sections if s.reviewed)
    return f"{dates[-1]}T00:00:00" if dates else f"{edition}-01-01T00:00:00"


def _frame_list(
    spec: FrameSpec,
    ctx: _Context,
    page_numbers: dict[str, list[int]],
    contents: list[tuple[str, int]],
    before: tuple[Frame, ...] = (),
) -> list[Frame]:
    theme = ctx.layout.theme
    kind = spec.kind
    if kind == "kpi":
        kpi = ctx.kind.kpis[spec.options["kpi"]]
        content = kpi.build(KpiContext(ctx.values, ctx.subject, ctx.edition))
        if kpi.headline is not None:
            content = replace(content, verdict=ctx.headlines[kpi.headline])
        frames = kpi_frames(spec, content, theme)
        if ctx.change_page is not None and ctx.changed & set(kpi.indicators):
            frames.append(method_marker(spec, ctx.change_page, theme))
        return frames
    if kind == "bron":
        indicators = tuple(spec.options["indicatoren"])
        hidden = any(ctx.values.any_suppressed(i, a, str(ctx.edition)) for i in indicators for a in ctx.subject.areas)
        hidden = hidden and marks_shown(before)  # the note explains a "*" only where a tile shows one
        text = special.source_line(ctx.registry, indicators, ctx.edition, hidden, ctx.layout.settings.min_count)
        return [text_frame(spec.id, spec.box, text, theme.style("bron"), "source", min_size=7)]
    if kind == "grafiek":
        return _chart_frames(spec, ctx)
    if kind == "verhaal":
        return narrative_frames(spec, ctx.layout, ctx.content)
    if kind == "samenvatting":
        return special.summary_frames(spec, ctx.headlines, ctx.kind.summary_order, theme)
    if kind == "link":
        url = ctx.layout.settings.analyses_url
        paragraphs = (Paragraph((Run(str(spec.options["tekst"])), Run(url, link=url))),)
        return [text_frame(spec.id, spec.box, paragraphs, theme.style("tekst"), "link", color=theme.colors["accent"])]
    if kind == "tekst":
        text = str(spec.options["tekst"]).format(**ctx.fields)
        return [text_frame(spec.id, spec.box, text, theme.style(spec.options.get("stijl", "tekst")), "text")]
    if kind == "leeswijzer":
        wanted = spec.options.get("indicatoren")
        numbers = page_numbers if wanted is None else {i: p for i, p in page_numbers.items() if i in wanted}
        other = spec.options.get("regioanalyse")
        analysis = None if other is None else layout_page_numbers(other, ctx.registry, ctx.edition)[1]
        return special.leeswijzer_frames(spec, ctx.registry, ctx.edition, numbers, theme, analysis)
    if kind == "inhoud":
        return special.contents_frames(spec, contents, theme)
    if kind == "wijzigingen":
        return special.changes_frames(spec, ctx.registry, ctx.edition, page_numbers, theme)
    if kind == "bijlage":
        return special.appendix_frames(spec, ctx.registry, ctx.edition, page_numbers, theme)
    raise ValueError(f"assembly: unknown frame kind {kind!r} (frame {spec.id})")


def _frame_indicators(kind: Kind, spec: FrameSpec) -> tuple[str, ...]:
    """Indicators a frame shows, for page references."""
    if spec.kind == "kpi":
        return kind.kpis[spec.options["kpi"]].indicators
    if spec.kind == "grafiek":
        return kind.charts[spec.options["grafiek"]].indicators
    return ()


def _frame_headline(kind: Kind, spec: FrameSpec) -> str | None:
    """The headline id a frame prints, if any."""
    if spec.kind == "kpi":
        return kind.kpis[spec.options["kpi"]].headline
    if spec.kind == "grafiek":
        return kind.charts[spec.options["grafiek"]].headline
    return None


def _present_pages(layout: Layout, changed: bool) -> list[PageSpec]:
    return [p for p in layout.pages if changed or not p.only_with_changes]


def layout_page_numbers(
    layout: Layout | PageOutline, registry: dict, edition: int
) -> tuple[list[PageSpec], dict[str, list[int]], frozenset[str]]:
    """The pages of a layout present in an edition, the pages per indicator, and the indicators
    whose method changed (the change pages are present only then)."""
    shown = {ind for p in layout.pages for f in p.frames for ind in _frame_indicators(layout.kind, f)}
    changed_ids = frozenset(special.changed_indicators(registry, shown, edition))
    page_specs = _present_pages(layout, bool(changed_ids))
    return page_specs, indicator_pages(layout.kind, page_specs), changed_ids


def indicator_pages(kind: Kind, pages: list[PageSpec]) -> dict[str, list[int]]:
    """Indicator id -> the page numbers (1-based) where a frame shows it."""
    result: dict[str, list[int]] = {}
    for number, page in enumerate(pages, start=1):
        for frame in page.frames:
            for ind in _frame_indicators(kind, frame):
                if number not in result.setdefault(ind, []):
                    result[ind].append(number)
    return result


def assemble_document(
    *,
    layout: Layout,
    registry: dict,
    values: Values,
    subject: Subject,
    edition: int,
    content: SubjectContent,
    created: str | None = None,
    draft: bool = False,
    example_data: bool = False,
) -> Document:
    """The whole document of one subject, from its content as read (and checked).

    `created` fixes the document date; by default it is the latest review date of the texts.
    """
    vals = values if isinstance(values, Values) else Values(values)
    computed = subject_headlines(layout, vals, subject, edition)
    ctx = _Context(
        layout=layout,
        registry=registry,
        values=vals,
        subject=subject,
        edition=edition,
        headlines=headlines_with_overrides(computed, content),
        content=content,
    )
    kind = layout.kind
    page_specs, page_numbers, changed_ids = layout_page_numbers(layout, registry, edition)
    change_page = next(
        (n for n, p in enumerate(page_specs, start=1) if any(f.kind == "wijzigingen" for f in p.frames)), None
    )
    ctx = replace(ctx, changed=changed_ids, change_page=change_page)
    title = layout.title.format(**ctx.fields)
    titles = [spec.title.format(**ctx.fields) for spec in page_specs]
    contents = [(t, n) for n, t in enumerate(titles, start=1)]
    pages: list[Page] = []
    for number, spec in enumerate(page_specs, start=1):
        frames: list[Frame] = []
        page_title = titles[number - 1]
        frames.append(
            text_frame(
                f"{spec.id}_titel", layout.title_box, page_title, layout.theme.style("titel"), "title", min_size=18
            )
        )
        frames.append(document_heading(layout, f"{title} {subject.name}"))
        for frame_spec in spec.frames:
            frames.extend(_frame_list(frame_spec, ctx, page_numbers, contents[number:], tuple(frames)))
        if not draft:
            frames = grown_to_fill(frames)
        concept = draft and needs_marker(content, [f for f in spec.frames if f.kind == "verhaal"])
        frames.extend(footer_frames(layout, title, subject.name, number, example_data, content.example, concept))
        ids = [h for f in spec.frames if (h := _frame_headline(kind, f)) is not None]
        if any(f.kind == "samenvatting" for f in spec.frames):  # the summary repeats the headlines
            ids += [h for h in kind.summary_order if h not in ids and ctx.headlines[h].direction != "onbekend"]
        notes = page_notes(page_title, ids, ctx.headlines)
        pages.append(Page(number=number, title=page_title, frames=tuple(frames), notes=notes))
    return Document(
        kind=layout.document,
        subject=subject.id,
        subject_name=subject.name,
        edition=edition,
        title=f"{title} {subject.name}",
        author=layout.settings.organisation,
        created=created or _document_date(content, edition),
        pages=tuple(pages),
        keywords=kind.keywords(subject),
        template=layout.template,
    )
