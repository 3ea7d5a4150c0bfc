"""A KPI tile composed into frames: background, label, value, verdict and note."""

from __future__ import annotations

from dataclasses import replace

from reportgen.formatting import SUPPRESSED
from reportgen.kinds.spec import KpiContent
from reportgen.layout.frames import text_frame
from reportgen.layout.spec import FrameSpec, Theme
from reportgen.model import Box, Frame, Rect, TextFrame


def kpi_frames(spec: FrameSpec, content: KpiContent, theme: Theme) -> list[Frame]:
    """A tile: background, label, value, verdict and note, each in its own text frame,
    all in one group named after the tile."""
    return [replace(frame, group=spec.id) for frame in _tile_frames(spec, content, theme)]


def _tile_frames(spec: FrameSpec, content: KpiContent, theme: Theme) -> list[Frame]:
    """The tile's frames, top to bottom."""
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


def method_marker(spec: FrameSpec, page: int, theme: Theme) -> Frame:
    """A small mark at the right of a tile's value: this figure's method changed, with the
    page that explains it, so a reader comparing with last year looks there first."""
    box = spec.box
    return text_frame(
        f"{spec.id}_methode",
        Box(box.right - 150, box.y + 30, 140, 12),
        f"Methode gewijzigd, zie p. {page}",
        theme.style("kpi_label"),
        "marker",
        min_size=7,
        align="right",
        bold=False,
        color=theme.colors["accent"],
    )


def marks_shown(frames: tuple[Frame, ...]) -> bool:
    """Whether a KPI tile among `frames` prints the suppression mark (then, and only then,
    the tiles' source line explains it)."""
    return any(
        isinstance(f, TextFrame) and f.role.startswith("kpi") and SUPPRESSED in "".join(p.text for p in f.paragraphs)
        for f in frames
    )
