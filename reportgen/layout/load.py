"""Read a layout YAML (with its theme and settings) into a checked `Layout`.

Every problem in the files is collected and reported at once, each with file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.content.slots import SectionSlot
from reportgen.errors import LayoutError, Problem
from reportgen.kinds import DEFAULT_KIND, get_kind, kind_ids
from reportgen.layout.checks import check_against_kind, check_file_name, check_texts, read_template
from reportgen.layout.companion import with_companion
from reportgen.layout.spec import FrameSpec, Layout, PageSpec, Settings, Theme
from reportgen.model import PAGE_HEIGHT, PAGE_WIDTH, Box, TextStyle
from reportgen.problems import Collector
from reportgen.yamlfile import LineDict, load_yaml_with_lines

LAYOUT_DIR = Path(__file__).resolve().parents[2] / "layouts"

# Frame kinds and the options each needs (besides soort, id, box) or may have.
FRAME_KINDS: dict[str, tuple[set[str], set[str]]] = {
    "kpi": ({"kpi"}, set()),
    "bron": ({"indicatoren"}, set()),
    "grafiek": ({"grafiek"}, set()),
    "verhaal": ({"sectie", "kop"}, {"landelijk", "verplicht"}),
    "samenvatting": ({"kop"}, set()),
    "leeswijzer": (set(), {"indicatoren", "regioanalyse"}),
    "inhoud": (set(), set()),
    "link": ({"tekst"}, set()),
    "tekst": ({"tekst"}, {"stijl"}),
    "wijzigingen": (set(), set()),
    "bijlage": (set(), set()),
}
STYLE_KEYS = {"size", "leading", "space_after", "indent", "kleur", "bold", "italic", "align"}


def _box(value: Any, where: LineDict, key: str, out: Collector) -> Box:
    """A [x, y, w, h] list inside the page, or a problem."""
    line = where.line_of(key)
    if not (isinstance(value, list) and len(value) == 4 and all(isinstance(v, int | float) for v in value)):
        out.add(line, f"'{key}' must be [x, y, width, height] in points, got {value!r}")
        return Box(0, 0, 1, 1)
    box = Box(*(float(v) for v in value))
    if box.x < 0 or box.y < 0 or box.w <= 0 or box.h <= 0 or box.right > PAGE_WIDTH or box.bottom > PAGE_HEIGHT:
        out.add(line, f"'{key}' {value} does not lie inside the {PAGE_WIDTH:g} x {PAGE_HEIGHT:g} pt page")
    return box


def _number(spec: LineDict, key: str, default: float, out: Collector, what: str) -> float:
    """A size in points greater than 0, or a problem (and the default)."""
    value = spec.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        out.add(spec.line_of(key), f"{what}: '{key}' must be a number of points greater than 0, got {value!r}")
        return default
    return float(value)


def _theme(path: Path, out: Collector) -> Theme | None:
    data = load_yaml_with_lines(path)
    out = out.for_file(path)
    if not isinstance(data, LineDict):
        out.add(1, "expected a mapping with 'kleuren' and 'tekst'")
        return None
    colors = {str(k): str(v) for k, v in (data.get("kleuren") or {}).items()}
    for name, value in colors.items():
        if len(value) != 6 or any(c not in "0123456789abcdefABCDEF" for c in value):
            out.add(data["kleuren"].line_of(name), f"colour '{name}' must be 6 hex digits RRGGBB, got {value!r}")
    styles: dict[str, TextStyle] = {}
    for role, spec in (data.get("tekst") or {}).items():
        unknown = set(spec) - STYLE_KEYS
        if unknown:
            out.add(spec.line, f"style '{role}': unknown keys {sorted(unknown)} (allowed: {sorted(STYLE_KEYS)})")
        color = spec.get("kleur", "tekst")
        color = colors.get(color, color)
        size = _number(spec, "size", 11.0, out, f"style '{role}'")
        styles[role] = TextStyle(
            size=size,
            leading=_number(spec, "leading", size * 1.2, out, f"style '{role}'"),
            space_after=float(spec.get("space_after", 0)),
            indent=float(spec.get("indent", 12)),
            color=str(color),
            bold=bool(spec.get("bold", False)),
            italic=bool(spec.get("italic", False)),
            align=str(spec.get("align", "left")),
        )
    for role in ("titel", "kop", "tekst", "grafiekkop", "bron", "voettekst", "tabel"):
        if role not in styles:
            out.add(data.line_of("tekst"), f"text style '{role}' is missing under 'tekst'")
    min_size = _number(data, "minimale_tekstgrootte", 9.0, out, "theme")
    return Theme(colors=colors, styles=styles, min_size=min_size)


def _settings(path: Path, out: Collector) -> Settings | None:
    data = load_yaml_with_lines(path)
    out = out.for_file(path)
    if not isinstance(data, LineDict):
        out.add(1, "expected a mapping")
        return None
    for key in ("organisatie", "analyses_url", "kleine_aantallen_drempel"):
        if key not in data:
            out.add(data.line, f"'{key}' is missing")
    min_count = data.get("kleine_aantallen_drempel", 10)
    if not isinstance(min_count, int) or min_count < 1:
        out.add(
            data.line_of("kleine_aantallen_drempel"),
            f"'kleine_aantallen_drempel' must be a whole number >= 1, got {min_count!r}",
        )
    thresholds = {}
    for key, value in (data.get("koppen") or {}).items():
        if not isinstance(value, int | float):
            out.add(data["koppen"].line_of(key), f"threshold '{key}' must be a number, got {value!r}")
        else:
            thresholds[str(key)] = float(value)
    if any(p.source == out.source for p in out.problems):
        return None
    return Settings(
        str(data["organisatie"]),
        str(data["analyses_url"]),
        int(min_count),
        thresholds,
        data.line_of("koppen"),
        str(path),
    )


def _frame(raw: Any, out: Collector) -> FrameSpec | None:
    if not isinstance(raw, LineDict):
        out.add(None, f"a frame must be a mapping, got {raw!r}")
        return None
    kind = raw.get("soort")
    if kind not in FRAME_KINDS:
        out.add(
            raw.line_of("soort"),
            f"unknown frame kind {kind!r} (expected one of {', '.join(sorted(FRAME_KINDS))})",
        )
        return None
    required, optional = FRAME_KINDS[kind]
    for key in sorted(required - set(raw)):
        out.add(raw.line, f"frame '{raw.get('id', '?')}' ({kind}) needs '{key}'")
    unknown = set(raw) - required - optional - {"soort", "id", "box"}
    if unknown:
        out.add(raw.line, f"frame '{raw.get('id', '?')}': unknown keys {sorted(unknown)}")
    if "id" not in raw:
        out.add(raw.line, f"a {kind} frame needs an 'id'")
    box = _box(raw.get("box"), raw, "box", out)
    options = {k: v for k, v in raw.items() if k not in ("soort", "id", "box")}
    return FrameSpec(
        kind=str(kind),
        id=str(raw.get("id", "")),
        box=box,
        options=options,
        line=raw.line,
        option_lines={k: raw.line_of(k) for k in options},
    )


def load_layout(path: Path, document: str | None = None) -> Layout:
    """Read a layout and the theme and settings it names, and check it against its kind.

    Every problem in the three files is reported at once, each with file and line,
    before any data is read. `document`, when given, is the kind the layout must be of.
    """
    path = Path(path)
    data = load_yaml_with_lines(path)
    out = Collector(path)
    if not isinstance(data, LineDict):
        raise LayoutError([Problem("expected a mapping with 'document' and 'paginas'", source=str(path), line=1)])
    for key in ("document", "titel", "bestandsnaam", "thema", "instellingen", "paginas"):
        if key not in data:
            out.add(data.line, f"'{key}' is missing")
    if out.problems:
        raise LayoutError(out.problems)
    kind = get_kind(str(data["document"]))
    if kind is None:
        out.add(
            data.line_of("document"),
            f"unknown document kind {data['document']!r} (expected one of {', '.join(kind_ids())})",
        )
        raise LayoutError(out.problems)
    if document is not None and document != kind.id:
        out.add(data.line_of("document"), f"this layout is for '{kind.id}', not for '{document}'")
    theme = _theme(path.parent / str(data["thema"]), out)
    settings = _settings(path.parent / str(data["instellingen"]), out)
    template = read_template(data, path.parent, out)
    check_file_name(data, out)
    pages: list[PageSpec] = []
    seen: set[str] = set()
    for raw_page in data["paginas"] or []:
        frames = tuple(f for f in (_frame(r, out) for r in raw_page.get("frames") or []) if f is not None)
        frames = tuple(with_companion(f, path.parent, out, _frame) for f in frames)
        for f in frames:
            if f.id in seen:
                out.add(f.line, f"frame id '{f.id}' is used twice")
            seen.add(f.id)
        pages.append(
            PageSpec(
                id=str(raw_page.get("id", "")),
                title=str(raw_page.get("titel", "")),
                frames=frames,
                only_with_changes=bool(raw_page.get("alleen_bij_wijzigingen", False)),
                line=raw_page.line,
            )
        )
    check_texts(data, kind, out)
    title_box = _box(data.get("titel_box", [36, 22, 888, 34]), data, "titel_box", out)
    footer_box = _box(data.get("voettekst_box", [36, 512, 888, 12]), data, "voettekst_box", out)
    if theme is not None and settings is not None:
        check_against_kind(pages, kind, theme, settings, out, data.line_of("thema"))
    if out.problems or theme is None or settings is None:
        raise LayoutError(out.problems)
    return Layout(
        document=kind.id,
        kind=kind,
        title=str(data["titel"]),
        file_name=str(data["bestandsnaam"]),
        theme=theme,
        settings=settings,
        template=template,
        title_box=title_box,
        footer_box=footer_box,
        pages=tuple(pages),
        source=path,
    )


HEADING_HEIGHT = 30.0  # room for a narrative frame's heading above its text


def section_slots(layout: Layout) -> dict[str, SectionSlot]:
    """The narrative sections of a layout and the text area each is printed in."""
    text = layout.theme.style("tekst")
    slots: dict[str, SectionSlot] = {}
    for frame in layout.frames("verhaal"):
        section = str(frame.options["sectie"])
        slots[section] = SectionSlot(
            section=section,
            title=str(frame.options["kop"]),
            width=frame.box.w,
            height=frame.box.h - HEADING_HEIGHT - 4,
            style=text,
            min_size=layout.theme.min_size,
            required=bool(frame.options.get("verplicht", True)),
            shared=bool(frame.options.get("landelijk", False)),
        )
    return slots


def default_layout_path(document: str = DEFAULT_KIND) -> Path:
    """Where the built-in layout of a document kind lives."""
    kind = get_kind(document)
    return kind.layout if kind is not None else LAYOUT_DIR / f"{document}.yaml"
