"""The pages of another document a leeswijzer cites: its `regioanalyse:` names that document's
layout file, and assembly numbers its pages as that document would."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from reportgen.kinds import get_kind
from reportgen.layout.spec import FrameSpec, PageOutline, PageSpec
from reportgen.problems import Collector
from reportgen.yamlfile import LineDict, load_yaml_with_lines

FrameReader = Callable[[Any, Collector], FrameSpec | None]
"""Reads one frame of a layout file (load.py's reader), noting its problems."""


def with_companion(frame: FrameSpec, folder: Path, out: Collector, read_frame: FrameReader) -> FrameSpec:
    """A leeswijzer frame whose `regioanalyse:` names a layout file (beside this one), with that
    layout's pages in its place: the leeswijzer cites the pages where it shows each indicator.

    Only the pages are read: the other document's theme, texts and settings are checked when it
    is built itself."""
    name = frame.options.get("regioanalyse") if frame.kind == "leeswijzer" else None
    if name is None:
        return frame
    where = f"leeswijzer '{frame.id}': 'regioanalyse' names {name!r}"
    line = frame.option_lines.get("regioanalyse", frame.line)
    path = folder / str(name)
    data = load_yaml_with_lines(path) if path.is_file() else None
    kind = get_kind(str(data.get("document"))) if isinstance(data, LineDict) else None
    if kind is None or not isinstance(data, LineDict):
        out.add(line, f"{where}, which is no layout of a known document kind beside this one")
        return frame
    quiet = Collector(path)
    pages = tuple(
        PageSpec(
            id=str(raw.get("id", "")),
            title=str(raw.get("titel", "")),
            frames=tuple(f for f in (read_frame(r, quiet) for r in raw.get("frames") or []) if f is not None),
            only_with_changes=bool(raw.get("alleen_bij_wijzigingen", False)),
        )
        for raw in data.get("paginas") or []
        if isinstance(raw, LineDict)
    )
    unknown = [
        f.id
        for p in pages
        for f in p.frames
        if (f.kind == "kpi" and f.options.get("kpi") not in kind.kpis)
        or (f.kind == "grafiek" and f.options.get("grafiek") not in kind.charts)
    ]
    if unknown or quiet.problems:
        out.add(line, f"{where}, whose frames {unknown or [quiet.problems[0].message]} cannot be read")
        return frame
    return replace(frame, options={**frame.options, "regioanalyse": PageOutline(kind, pages)})
