"""Checks of a layout against its document kind, so a mistake is reported with file and
line when the layout is loaded, not as a KeyError halfway through a build.

Each check adds its problems to a `Collector`; `load_layout` raises them all at once.
"""

from __future__ import annotations

import string
import zipfile
from pathlib import Path, PurePosixPath, PureWindowsPath

from reportgen.kinds.spec import EDITION_FIELDS, Kind
from reportgen.layout.spec import PageSpec, Settings, Theme
from reportgen.problems import Collector
from reportgen.yamlfile import LineDict

FRAME_STYLES: dict[str, tuple[str, ...]] = {
    "kpi": ("kpi_label", "kpi_waarde", "kpi_oordeel", "kpi_toelichting"),
    "grafiek": ("grafiekkop", "bron"),
    "bron": ("bron",),
    "verhaal": ("kop", "tekst"),
    "samenvatting": ("kop", "tekst"),
    "link": ("tekst",),
    "leeswijzer": ("tekst", "tabel"),
    "inhoud": ("tekst", "tabel"),
    "wijzigingen": ("tekst", "tabel"),
    "bijlage": ("tekst", "tabel"),
}
"""Text styles (theme roles) each frame kind is drawn with."""

FRAME_COLOURS: dict[str, tuple[str, ...]] = {"kpi": ("tegel",), "samenvatting": ("paneel",), "link": ("accent",)}
"""Theme colours each frame kind is drawn with."""


def placeholders(kind: Kind) -> tuple[str, ...]:
    """The `{names}` a title or file name may use: the subject's and the edition's."""
    return (kind.placeholder, f"{kind.placeholder}_naam", *EDITION_FIELDS)


def _placeholder_problems(text: str, allowed: tuple[str, ...]) -> list[str]:
    """What is wrong with the `{placeholders}` of a text: unknown names, unbalanced braces."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return ["has an unbalanced '{' or '}' (write a placeholder as {name}, a brace itself as {{ or }})"]
    wanted = ", ".join("{" + a + "}" for a in allowed)
    return [f"has an unknown placeholder {{{n}}} (expected one of {wanted})" for n in names if n not in allowed]


def check_texts(data: LineDict, kind: Kind, out: Collector) -> None:
    """The placeholders of the title, the file name, page titles and 'tekst' frames."""
    allowed = placeholders(kind)
    texts = [(data.line_of(key), f"'{key}'", data.get(key)) for key in ("titel", "bestandsnaam")]
    for page in data.get("paginas") or []:
        if not isinstance(page, LineDict):
            continue
        texts.append((page.line_of("titel"), f"page '{page.get('id', '?')}': 'titel'", page.get("titel", "")))
        for frame in page.get("frames") or []:
            if isinstance(frame, LineDict) and frame.get("soort") == "tekst":
                texts.append((frame.line_of("tekst"), f"frame '{frame.get('id', '?')}': 'tekst'", frame.get("tekst")))
    for line, where, text in texts:
        for problem in _placeholder_problems(str(text or ""), allowed):
            out.add(line, f"{where} {problem}")


def check_file_name(data: LineDict, out: Collector) -> None:
    """`bestandsnaam` names a file inside the output folder, one per subject."""
    name = str(data.get("bestandsnaam") or "")
    line = data.line_of("bestandsnaam")
    if not name.strip():
        out.add(line, "'bestandsnaam' is empty")
    elif (
        "/" in name
        or "\\" in name
        or ".." in name
        or PurePosixPath(name).is_absolute()
        or PureWindowsPath(name).is_absolute()
        or PureWindowsPath(name).drive
    ):
        out.add(
            line,
            f"'bestandsnaam' {name!r} must be a plain file name (no '/', '\\', '..' or absolute path): "
            "the files are always written in the output folder",
        )


def read_template(data: LineDict, folder: Path, out: Collector) -> bytes | None:
    """The company template's bytes (`sjabloon`, relative to the layout), or None for the built-in one."""
    template = data.get("sjabloon")
    if not template:
        return None
    path = folder / str(template)
    line = data.line_of("sjabloon")
    if path.suffix.lower() != ".pptx":
        out.add(line, f"template {path} must be a PowerPoint file ending in .pptx")
        return None
    if not path.is_file():
        out.add(line, f"template {path} not found")
        return None
    if not zipfile.is_zipfile(path):
        out.add(line, f"template {path} is not a .pptx file (not a zip package)")
        return None
    return path.read_bytes()


def check_against_kind(
    pages: list[PageSpec], kind: Kind, theme: Theme, settings: Settings, out: Collector, theme_line: int = 1
) -> None:
    """Every chart, KPI and section a layout names exists in its kind; the theme has every
    style and colour its frames are drawn with; settings.yaml has every threshold the kind uses."""
    for page in pages:
        for frame in page.frames:
            option, known, what = {
                "grafiek": ("grafiek", kind.charts, "chart"),
                "kpi": ("kpi", kind.kpis, "KPI"),
                "verhaal": ("sectie", kind.sections, "section"),
            }.get(frame.kind, ("", (), ""))
            if option and option in frame.options and str(frame.options[option]) not in known:
                out.add(
                    frame.option_lines.get(option, frame.line),
                    f"frame '{frame.id}': unknown {what} {str(frame.options[option])!r} in {kind.id} "
                    f"(expected one of {', '.join(known) or 'none'})",
                )
            roles = FRAME_STYLES.get(frame.kind, ())
            if frame.kind == "tekst":
                roles = (str(frame.options.get("stijl", "tekst")),)
            for role in roles:
                if role not in theme.styles:
                    out.add(
                        frame.option_lines.get("stijl", frame.line),
                        f"frame '{frame.id}' ({frame.kind}) is drawn in text style '{role}', "
                        f"which the theme does not define under 'tekst'",
                    )
            for colour in FRAME_COLOURS.get(frame.kind, ()):
                if colour not in theme.colors:
                    out.add(
                        frame.line,
                        f"frame '{frame.id}' ({frame.kind}) is drawn in colour '{colour}', "
                        f"which the theme does not define under 'kleuren'",
                    )
    for role in kind.theme_roles:
        if role not in theme.styles:
            out.add(theme_line, f"the theme does not define text style '{role}' under 'tekst' ({kind.id} needs it)")
    settings_file = out.for_file(settings.source)
    for name in kind.all_thresholds():
        if name not in settings.thresholds:
            settings_file.add(
                settings.thresholds_line,
                f"threshold '{name}' is missing under 'koppen' (the {kind.id} headline rules need it)",
            )
