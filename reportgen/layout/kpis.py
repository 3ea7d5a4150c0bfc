"""KPI tiles: which value each tile shows, its verdict and note, composed into frames."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportgen.formatting import SUPPRESSED, format_decimal, format_int
from reportgen.headlines.rules import Verdict
from reportgen.layout.frames import text_frame
from reportgen.layout.spec import FrameSpec, Theme
from reportgen.model import Box, Frame, Rect, Ref
from reportgen.values import ALL_REGIONS, Values


@dataclass(frozen=True)
class KpiContent:
    """What one tile says: label, the value as printed, verdict, note, and what it shows.

    The verdict is filled in by assembly from the headlines (computed by the rules in
    `reportgen.headlines`, or an editor's override), so a tile and the summary agree.
    """

    label: str
    value: str
    verdict: Verdict | None
    note: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class KpiContext:
    """What the KPI builders need: the values, the region and the edition."""

    values: Values
    region: str
    edition: int

    @property
    def period(self) -> str:
        return str(self.edition)


def _int_or_mark(value: float | None) -> str:
    return SUPPRESSED if value is None else format_int(round(value))


def _dec_or_mark(value: float | None, decimals: int = 1) -> str:
    return SUPPRESSED if value is None else format_decimal(value, decimals)


def inwoners_kpi(ctx: KpiContext) -> KpiContent:
    """Inhabitants on 1 January of the edition year."""
    v = ctx.values.shown("inwoners", ctx.region, ctx.period, unit="inwoners")
    return KpiContent(
        "Aantal inwoners",
        _int_or_mark(v),
        None,
        f"Op 1 januari {ctx.edition}",
        (Ref("inwoners", ctx.region, ctx.period, unit="inwoners"),),
    )


def ggz_klanten_kpi(ctx: KpiContext) -> KpiContent:
    """GGZ clients in January, with the GGZ-W / GGZ-B split."""
    total = ctx.values.shown("ggz_klanten", ctx.region, ctx.period, "", "klanten")
    w = ctx.values.shown("ggz_klanten", ctx.region, ctx.period, "GGZ-W", "klanten")
    b = ctx.values.shown("ggz_klanten", ctx.region, ctx.period, "GGZ-B", "klanten")
    return KpiContent(
        "Aantal GGZ-klanten",
        _int_or_mark(total),
        None,
        f"Waarvan GGZ-W: {_int_or_mark(w)}  ·  waarvan GGZ-B: {_int_or_mark(b)}",
        tuple(Ref("ggz_klanten", ctx.region, ctx.period, c, "klanten") for c in ("", "GGZ-W", "GGZ-B")),
    )


def per_10k_kpi(ctx: KpiContext) -> KpiContent:
    """GGZ clients per 10.000 inhabitants, judged against all regions."""
    unit = "per 10.000 inwoners"
    region = ctx.values.shown("ggz_klanten_per_10k", ctx.region, ctx.period, unit=unit)
    average = ctx.values.shown("ggz_klanten_per_10k", ALL_REGIONS, ctx.period, unit=unit)
    return KpiContent(
        "GGZ-klanten per 10.000 inwoners",
        _dec_or_mark(region),
        None,
        f"Gemiddeld voor alle regio's: {_dec_or_mark(average)}",
        (
            Ref("ggz_klanten_per_10k", ctx.region, ctx.period, unit=unit),
            Ref("ggz_klanten_per_10k", ALL_REGIONS, ctx.period, unit=unit),
        ),
    )


def locaties_kpi(ctx: KpiContext) -> KpiContent:
    """Intramural locations per 1.000 GGZ clients, judged against all regions."""
    unit = "per 1.000 GGZ-klanten"
    region = ctx.values.shown("locaties_per_1000", ctx.region, ctx.period, unit=unit)
    average = ctx.values.shown("locaties_per_1000", ALL_REGIONS, ctx.period, unit=unit)
    count = ctx.values.shown("ggz_locaties", ctx.region, ctx.period, unit="locaties")
    return KpiContent(
        "Intramurale locaties per 1.000 GGZ-klanten",
        _dec_or_mark(region, 0),
        None,
        f"{_int_or_mark(count)} locaties in de regio; alle regio's: {_dec_or_mark(average, 0)} per 1.000",
        (
            Ref("locaties_per_1000", ctx.region, ctx.period, unit=unit),
            Ref("ggz_locaties", ctx.region, ctx.period, unit="locaties"),
            Ref("locaties_per_1000", ALL_REGIONS, ctx.period, unit=unit),
        ),
    )


KPIS: dict[str, tuple[Callable[[KpiContext], KpiContent], tuple[str, ...], str | None]] = {
    "inwoners": (inwoners_kpi, ("inwoners",), None),
    "ggz_klanten": (ggz_klanten_kpi, ("ggz_klanten",), None),
    "ggz_klanten_per_10k": (per_10k_kpi, ("ggz_klanten_per_10k",), "kpi_per_10k"),
    "locaties_per_1000": (locaties_kpi, ("locaties_per_1000", "ggz_locaties"), "kpi_locaties"),
}
"""KPI id -> (builder, indicators it shows (for the leeswijzer and change pages), headline id of its verdict)."""


def kpi_frames(spec: FrameSpec, content: KpiContent, theme: Theme) -> list[Frame]:
    """A tile: background, label, value, verdict and note, each in its own text frame."""
    box = spec.box
    pad = 10.0
    inner_w = box.w - 2 * pad
    frames: list[Frame] = [Rect(f"{spec.id}_tegel", box, theme.colors["tegel"])]
    y = box.y + 7
    frames.append(
        text_frame(
            f"{spec.id}_label",
            Box(box.x + pad, y, inner_w, 14),
            content.label,
            theme.style("kpi_label"),
            "kpi-label",
        )
    )
    y += 14
    value_style = theme.style("kpi_waarde")
    frames.append(
        text_frame(
            f"{spec.id}_waarde",
            Box(box.x + pad, y, inner_w, value_style.leading),
            content.value,
            value_style,
            "kpi-value",
            refs=content.refs,
        )
    )
    y += value_style.leading + 1
    if content.verdict is not None:
        frames.append(
            text_frame(
                f"{spec.id}_oordeel",
                Box(box.x + pad, y, inner_w, 13),
                content.verdict.text,
                theme.style("kpi_oordeel"),
                "kpi-verdict",
                min_size=8,
            )
        )
        y += 13
    note_h = box.bottom - y - 4
    frames.append(
        text_frame(
            f"{spec.id}_toelichting",
            Box(box.x + pad, y, inner_w, note_h),
            content.note,
            theme.style("kpi_toelichting"),
            "kpi-note",
            min_size=8,
        )
    )
    return frames
