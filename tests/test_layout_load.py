"""Layout, theme and settings files: read and checked, every problem with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from reportgen.errors import LayoutError
from reportgen.layout.load import LAYOUT_DIR, load_layout, section_slots


def _copy_layouts(tmp_path: Path) -> Path:
    """A scratch copy of the built-in layout folder."""
    target = tmp_path / "layouts"
    shutil.copytree(LAYOUT_DIR, target)
    return target / "regioplan-ggz.yaml"


def _replace(path: Path, old: str, new: str) -> int:
    """Replace text in a file; return the 1-based line where it stood."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _messages(path: Path) -> list[str]:
    with pytest.raises(LayoutError) as raised:
        load_layout(path)
    return [str(p) for p in raised.value.problems]


def test_builtin_layout_loads(layout) -> None:
    """The built-in layout has its pages and narrative slots of the documented size."""
    assert [p.id for p in layout.pages] == [
        "kenmerken",
        "vraagontwikkeling",
        "regio",
        "projecten",
        "knelpunten",
        "leeswijzer",
        "wijzigingen",
    ]
    slots = section_slots(layout)
    assert (slots["terugblik"].width, slots["terugblik"].height, slots["terugblik"].min_size) == (430.0, 390.0, 9.0)
    assert slots["ontwikkelingen"].shared and not slots["wat_valt_op"].shared
    assert layout.settings.min_count == 10 and layout.template is None


def test_unknown_frame_kind(tmp_path: Path) -> None:
    """An unknown frame kind names file, line and the kinds that exist."""
    path = _copy_layouts(tmp_path)
    line = _replace(path, "{soort: kpi, id: kpi_inwoners", "{soort: tegel, id: kpi_inwoners")
    assert _messages(path) == [
        f"{path}:{line}: unknown frame kind 'tegel' (expected one of bijlage, bron, grafiek, inhoud, kpi, leeswijzer, "
        "link, samenvatting, tekst, verhaal, wijzigingen)"
    ]


def test_box_outside_page_and_missing_option(tmp_path: Path) -> None:
    """A box off the page and a chart without its chart id are both reported."""
    path = _copy_layouts(tmp_path)
    line1 = _replace(path, "box: [36, 76, 250, 88]", "box: [900, 76, 250, 88]")
    line2 = _replace(path, "grafiek: wachtlijst, box", "box")
    assert _messages(path) == [
        f"{path}:{line1}: 'box' [900, 76, 250, 88] does not lie inside the 960 x 540 pt page",
        f"{path}:{line2}: frame 'wachtlijst' (grafiek) needs 'grafiek'",
    ]


def test_bad_threshold_in_settings(tmp_path: Path) -> None:
    """A threshold that is not a number is reported at its line in settings.yaml."""
    path = _copy_layouts(tmp_path)
    settings = path.parent / "settings.yaml"
    line = _replace(settings, "locaties_marge: 0.05", "locaties_marge: vijf procent")
    assert _messages(path) == [f"{settings}:{line}: threshold 'locaties_marge' must be a number, got 'vijf procent'"]


def test_yaml_syntax_error(tmp_path: Path) -> None:
    """A YAML syntax error names the file and line."""
    path = _copy_layouts(tmp_path)
    theme = path.parent / "theme.yaml"
    line = _replace(theme, 'primair: "003B5C"', 'primair: "003B5C')
    [message] = _messages(path)
    assert message.startswith(f"{theme}:") and "YAML syntax error" in message
    assert int(message.split(":")[1]) >= line


def test_missing_template_and_named_template(tmp_path: Path) -> None:
    """A template that does not exist is an error; one that exists is used for the PPTX."""
    path = _copy_layouts(tmp_path)
    line = _replace(path, "sjabloon: null", "sjabloon: huisstijl.pptx")
    assert _messages(path) == [f"{path}:{line}: template {path.parent / 'huisstijl.pptx'} not found"]
    Presentation().save(str(path.parent / "huisstijl.pptx"))
    assert load_layout(path).template == (path.parent / "huisstijl.pptx").read_bytes()


def test_leeswijzer_names_a_readable_analysis_layout(tmp_path: Path) -> None:
    """`regioanalyse:` must name a layout beside this one whose charts and tiles its kind knows."""
    path = _copy_layouts(tmp_path)
    line = _replace(path, "regioanalyse: regioanalyse-gz.yaml", "regioanalyse: regioanalyse-zz.yaml")
    assert _messages(path) == [
        f"{path}:{line}: leeswijzer 'leeswijzer': 'regioanalyse' names 'regioanalyse-zz.yaml', "
        "which is no layout of a known document kind beside this one"
    ]
    path = _copy_layouts(tmp_path / "second")
    _replace(path.parent / "regioanalyse-gz.yaml", "grafiek: wachtlijst,", "grafiek: wachtrij,")
    assert _messages(path) == [
        f"{path}:{line}: leeswijzer 'leeswijzer': 'regioanalyse' names 'regioanalyse-gz.yaml', "
        "whose frames ['wachtlijst'] cannot be read"
    ]


def test_leeswijzer_knows_the_pages_of_the_analysis(layout) -> None:
    """The Regioplan's leeswijzer carries the pages of the Regioanalyse layout, as that document has them."""
    (frame,) = layout.frames("leeswijzer")
    outline = frame.options["regioanalyse"]
    assert outline.kind.id == "regioanalyse-gz"
    assert outline.pages[0].id == "voorblad" and any(p.only_with_changes for p in outline.pages)
