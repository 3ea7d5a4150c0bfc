"""Frames generated from the indicator registry and the headlines: 'Bron' lines, the
leeswijzer, the method-change page and its appendix, the summary panel and the footer.

Nothing here is typed into a layout: titles, sources, dates, explanations and method
changes come from layouts/indicators.yaml; page numbers from the assembled pages.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportgen.formatting import join_nl, suppressed_note
from reportgen.headlines.rules import Verdict
from reportgen.indicators.registry import methods_changed_since, peildatum_text
from reportgen.layout.frames import text_frame
from reportgen.layout.spec import FrameSpec, Theme
from reportgen.model import Box, Frame, Paragraph, Rect, Run, TableFrame
from reportgen.tablefit import row_heights
from reportgen.textfit import largest_fitting_style, sizes_down_to, style_at_size

__all__ = [
    "appendix_frames",
    "changed_indicators",
    "changes_frames",
    "leeswijzer_frames",
    "source_line",
    "summary_frames",
]


def _dates_text(metas: list, edition: int) -> str:
    """The reference dates of the figures a frame shows: one date as is; several dates
    each with the figures it belongs to, the date most of them share last ('overige cijfers')."""
    groups: dict[str, list[str]] = {}
    for m in metas:
        groups.setdefault(peildatum_text(m, edition), []).append(m.title[:1].lower() + m.title[1:])
    if len(groups) == 1:
        return next(iter(groups))
    common = max(groups, key=lambda d: len(groups[d]))
    parts = [f"{join_nl(titles)} {d}" for d, titles in groups.items() if d != common]
    return "; ".join([*parts, f"overige cijfers {common}"])


def source_line(
    registry: dict,
    indicators: Iterable[str],
    edition: int,
    suppressed: bool,
    min_count: int,
    peildatum: str = "",
    note: str = "",
) -> str:
    """'Bron: ... Peildatum: ...' for the indicators a frame shows, with `note` and the
    small-count note (only when a "*" is shown). `peildatum` replaces the registry's
    dates when the frame shows fewer periods than the indicator covers."""
    metas = [registry[i] for i in indicators if i in registry]
    sources: list[str] = []
    for m in metas:
        for part in str(m.bron).split(";"):
            part = part.strip()
            if part and part not in sources:
                sources.append(part)
    dates = peildatum or _dates_text(metas, edition)
    text = f"Bron: {join_nl(sources)}. Peildatum: {dates}."
    if note:
        text += " " + note
    if suppressed:
        text += " " + suppressed_note(min_count)
    return text


def changed_indicators(registry: dict, shown: set[str], edition: int) -> list[str]:
    """Indicators shown in the document whose method changed since the previous edition, in registry order."""
    return [i for i, m in registry.items() if i in shown and methods_changed_since(m, edition)]


def _pages_text(numbers: list[int]) -> str:
    if not numbers:
        return "-"
    return ("p. " if len(numbers) == 1 else "pp. ") + join_nl([str(n) for n in numbers])


def _fitted_table(
    frame_id: str,
    box: Box,
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    fractions: tuple[float, ...],
    theme: Theme,
) -> TableFrame:
    """A table set at the largest size (down to the theme minimum minus one) at which it fits its box."""
    widths = tuple(box.w * f for f in fractions)
    base = theme.style("tabel")
    for size in sizes_down_to(base.size, min(theme.min_size, base.size) - 1):
        table = TableFrame(
            id=frame_id,
            box=box,
            header=header,
            rows=tuple(rows),
            col_widths=widths,
            style=style_at_size(base, size),
            header_fill=theme.colors["primair"],
            header_color="FFFFFF",
            rule_color=theme.colors["lijn"],
        )
        if sum(row_heights(table)) <= box.h:
            return table
    from reportgen.errors import LayoutError, Problem

    raise LayoutError([Problem(f"table '{frame_id}' does not fit its box of {box.h:.0f} pt; enlarge it in the layout")])


def leeswijzer_frames(
    spec: FrameSpec,
    registry: dict,
    edition: int,
    page_numbers: dict[str, list[int]],
    theme: Theme,
    analysis_pages: dict[str, list[int]] | None = None,
) -> list[Frame]:
    """The leeswijzer: per indicator in this document its title, source, date, explanation and page
    references. With `analysis_pages` (indicator -> pages of the Regioanalyse) a last column cites
    the pages of the Regioanalyse that show the same figure (the registry's `regioanalyse`)."""
    header = ("Indicator", "Bron", "Peildatum", "Toelichting", "In dit document", "Regioanalyse")
    rows = []
    for ind, meta in registry.items():
        if ind not in page_numbers:
            continue
        ra = sorted({p for other in meta.regioanalyse for p in (analysis_pages or {}).get(other, [])})
        rows.append(
            (
                meta.title,
                meta.bron,
                peildatum_text(meta, edition),
                meta.toelichting,
                _pages_text(page_numbers[ind]),
                ("pagina " + join_nl([str(p) for p in ra])) if ra else "niet in de regioanalyse",
            )
        )
    fractions = (0.16, 0.14, 0.12, 0.38, 0.09, 0.11)
    if analysis_pages is None:
        header, rows, fractions = header[:-1], [r[:-1] for r in rows], (0.18, 0.16, 0.13, 0.43, 0.10)
    return [_fitted_table(spec.id, spec.box, header, rows, fractions, theme)]


def contents_frames(spec: FrameSpec, contents: list[tuple[str, int]], theme: Theme) -> list[Frame]:
    """The table of contents: the pages after it (title, number), numbered as present in this
    document, in two columns side by side (the first holding the extra row)."""
    rows = [(title, str(number)) for title, number in contents]
    half = (len(rows) + 1) // 2
    box, gap = spec.box, 24.0
    width = (box.w - gap) / 2
    return [
        _fitted_table(
            f"{spec.id}_{i + 1}",
            Box(box.x + i * (width + gap), box.y, width, box.h),
            ("Onderwerp", "Pagina"),
            part,
            (0.84, 0.16),
            theme,
        )
        for i, part in enumerate((rows[:half], rows[half:]))
        if part
    ]


def changes_frames(
    spec: FrameSpec, registry: dict, edition: int, page_numbers: dict[str, list[int]], theme: Theme
) -> list[Frame]:
    """'Wijzigingen ten opzichte van <vorig jaar>': what changed, and on which pages it shows."""
    box = spec.box
    intro = (
        f"Voor een aantal cijfers in dit document is de rekenwijze in de editie {edition} aangepast "
        f"ten opzichte van de editie {edition - 1}. "
        "Een verschil met vorig jaar kan daardoor uit de methode komen en niet uit een echte verandering "
        "in de regio. De tabel zegt welke cijfers het betreft en waar ze in dit document staan; "
        "daaronder staat elke wijziging volledig beschreven."
    )
    intro_frame = text_frame(
        f"{spec.id}_intro", Box(box.x, box.y, box.w * 0.75, 60), intro, theme.style("tekst"), "text", min_size=9
    )
    rows = []
    shown = set(page_numbers)
    for ind in changed_indicators(registry, shown, edition):
        meta = registry[ind]
        for method in methods_changed_since(meta, edition):
            rows.append((meta.title, method.samenvatting, _pages_text(page_numbers[ind])))
    table_box = Box(box.x, box.y + 72, box.w, box.h - 72)
    table = _fitted_table(
        f"{spec.id}_tabel",
        table_box,
        ("Indicator", "Wat is er veranderd", "In dit document"),
        rows,
        (0.25, 0.6, 0.15),
        theme,
    )
    return [intro_frame, table]


def appendix_frames(
    spec: FrameSpec, registry: dict, edition: int, page_numbers: dict[str, list[int]], theme: Theme
) -> list[Frame]:
    """The full description of every method change shown in this document, a heading and paragraph each."""
    paragraphs: list[Paragraph] = [Paragraph((Run("Elke wijziging volledig beschreven"),), kind="heading")]
    for ind in changed_indicators(registry, set(page_numbers), edition):
        meta = registry[ind]
        for method in methods_changed_since(meta, edition):
            heading = f"{meta.title} (aangepast in de editie {method.editie})"
            paragraphs.append(Paragraph((Run(heading),), kind="heading"))
            paragraphs.append(Paragraph((Run(method.beschrijving),)))
    style = largest_fitting_style(tuple(paragraphs), theme.style("tekst"), spec.box.w, spec.box.h, theme.min_size)
    return [
        text_frame(spec.id, spec.box, tuple(paragraphs), style or theme.style("tekst"), "text", min_size=theme.min_size)
    ]


def summary_frames(spec: FrameSpec, headlines: dict[str, Verdict], order: tuple[str, ...], theme: Theme) -> list[Frame]:
    """A side panel listing what the figures show: the headlines in the kind's order, as bullets."""
    box = spec.box
    pad = 12.0
    listed = [headlines[h] for h in order if headlines[h].direction != "onbekend"]
    bullets = tuple(Paragraph((Run(v.text + "."),), kind="bullet") for v in listed)
    refs = tuple(dict.fromkeys(r for v in listed for r in v.refs))
    heading = text_frame(
        f"{spec.id}_kop",
        Box(box.x + pad, box.y + pad, box.w - 2 * pad, 34),
        str(spec.options["kop"]),
        theme.style("kop"),
        "heading",
    )
    body_box = Box(box.x + pad, box.y + pad + 40, box.w - 2 * pad, box.h - 2 * pad - 40)
    body = text_frame(
        f"{spec.id}_tekst", body_box, bullets, theme.style("tekst"), "text", min_size=theme.min_size, refs=refs
    )
    return [Rect(f"{spec.id}_paneel", box, theme.colors["paneel"]), heading, body]
