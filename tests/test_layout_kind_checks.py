"""A layout is checked against its document kind when it is loaded: every mistake is
reported by `check` (and `build`) with file and line, all at once, before any data is read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from reportgen.cli import main
from reportgen.kinds import kind_ids
from reportgen.layout.load import LAYOUT_DIR

CHARTS = "leveringsvorm, ggz_w_verdeling, wachtlijst, sectorvreemd, sectorvreemd_profielen"
PLACEHOLDERS = "{regio}, {regio_naam}, {editie}, {volgend_jaar}, {vorig_jaar}"


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    """A scratch copy of the built-in layout folder; returns the layout file."""
    shutil.copytree(LAYOUT_DIR, tmp_path / "layouts")
    return tmp_path / "layouts" / "regioplan-ggz.yaml"


def _replace(path: Path, old: str, new: str) -> int:
    """Replace text in a file once; return the 1-based line where it stood."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _check(layout: Path, capsys: pytest.CaptureFixture[str], command: str = "check") -> list[str]:
    """The problem lines `reportgen <command>` prints for this layout (it must exit with 1)."""
    assert main([command, "--region", "zwolle", "--layout", str(layout)]) == 1
    return [line for line in capsys.readouterr().err.splitlines() if not line.startswith("reportgen:")]


def test_unknown_chart(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _replace(layout, "grafiek: wachtlijst,", "grafiek: wachtlijsten,")
    assert _check(layout, capsys) == [
        f"{layout}:{line}: frame 'wachtlijst': unknown chart 'wachtlijsten' in regioplan-ggz (expected one of {CHARTS})"
    ]


def test_unknown_kpi(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _replace(layout, "kpi: inwoners,", "kpi: bewoners,")
    assert _check(layout, capsys) == [
        f"{layout}:{line}: frame 'kpi_inwoners': unknown KPI 'bewoners' in regioplan-ggz "
        "(expected one of inwoners, ggz_klanten, ggz_klanten_per_10k, locaties_per_1000)"
    ]


def test_unknown_section(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _replace(layout, "sectie: knelpunten,", "sectie: knelpunt,")
    assert _check(layout, capsys) == [
        f"{layout}:{line}: frame 'knelpunten': unknown section 'knelpunt' in regioplan-ggz (expected one of "
        "wat_valt_op, samenwerking, ontwikkelingen, terugblik, vooruitblik, knelpunten)"
    ]


def test_missing_threshold(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = layout.parent / "settings.yaml"
    _replace(settings, "  sectorvreemd_punten: 3.0\n", "")
    line = _replace(settings, "koppen:", "koppen:")
    assert _check(layout, capsys) == [
        f"{settings}:{line}: threshold 'sectorvreemd_punten' is missing under 'koppen' "
        "(the regioplan-ggz headline rules need it)"
    ]


def test_missing_theme_role(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _replace(layout.parent / "theme.yaml", "kpi_label:", "kpi_etiket:")
    text = layout.read_text(encoding="utf-8").splitlines()
    lines = [n for n, t in enumerate(text, start=1) if "soort: kpi," in t]
    ids = ["kpi_inwoners", "kpi_klanten", "kpi_per_10k", "kpi_locaties"]
    assert _check(layout, capsys) == [
        f"{layout}:{n}: frame '{i}' (kpi) is drawn in text style 'kpi_label', "
        "which the theme does not define under 'tekst'"
        for n, i in zip(lines, ids, strict=True)
    ]


def test_placeholders(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = _replace(layout, 'titel: "Regioplan {editie}/{volgend_jaar} GGZ"', 'titel: "Regioplan {jaar} GGZ"')
    page = _replace(layout, 'titel: "Leeswijzer"', 'titel: "Leeswijzer {regio_naam"')
    assert _check(layout, capsys) == [
        f"{layout}:{title}: 'titel' has an unknown placeholder {{jaar}} (expected one of {PLACEHOLDERS})",
        f"{layout}:{page}: page 'leeswijzer': 'titel' has an unbalanced '{{' or '}}' "
        "(write a placeholder as {name}, a brace itself as {{ or }})",
    ]


@pytest.mark.parametrize("name", ["../regioplan-{regio}", "/tmp/regioplan-{regio}", "uit\\\\{regio}"])
def test_file_name_stays_in_the_output_folder(layout: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    line = _replace(layout, 'bestandsnaam: "regioplan-ggz-{editie}-{volgend_jaar}-{regio}"', f'bestandsnaam: "{name}"')
    shown = name.replace("\\\\", "\\")
    assert _check(layout, capsys) == [
        f"{layout}:{line}: 'bestandsnaam' {shown!r} must be a plain file name (no '/', '\\', '..' or absolute "
        "path): the files are always written in the output folder"
    ]


def test_template_must_be_an_existing_pptx(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = layout.parent
    line = _replace(layout, "sjabloon: null", "sjabloon: huisstijl.potx")
    assert _check(layout, capsys) == [
        f"{layout}:{line}: template {folder / 'huisstijl.potx'} must be a PowerPoint file ending in .pptx"
    ]
    _replace(layout, "sjabloon: huisstijl.potx", "sjabloon: huisstijl.pptx")
    assert _check(layout, capsys) == [f"{layout}:{line}: template {folder / 'huisstijl.pptx'} not found"]
    (folder / "huisstijl.pptx").write_text("geen zip", encoding="utf-8")
    assert _check(layout, capsys) == [
        f"{layout}:{line}: template {folder / 'huisstijl.pptx'} is not a .pptx file (not a zip package)"
    ]
    Presentation().save(str(folder / "huisstijl.pptx"))
    assert main(["check", "--region", "zwolle", "--layout", str(layout)]) == 0


def test_font_sizes_must_be_positive(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theme = layout.parent / "theme.yaml"
    line = _replace(theme, "bron: {size: 8,", "bron: {size: 0,")
    assert _check(layout, capsys) == [
        f"{theme}:{line}: style 'bron': 'size' must be a number of points greater than 0, got 0"
    ]


def test_all_problems_at_once_also_from_build(layout: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Mistakes in the layout, the theme and the settings come together, from build too, and nothing is written."""
    chart = _replace(layout, "grafiek: wachtlijst,", "grafiek: wachtlijsten,")
    theme = layout.parent / "theme.yaml"
    size = _replace(theme, "bron: {size: 8,", "bron: {size: -1,")
    settings = layout.parent / "settings.yaml"
    _replace(settings, "  wachtlijst_flink: 0.15\n", "")
    koppen = _replace(settings, "koppen:", "koppen:")
    expected = [
        f"{theme}:{size}: style 'bron': 'size' must be a number of points greater than 0, got -1",
        f"{layout}:{chart}: frame 'wachtlijst': unknown chart 'wachtlijsten' in regioplan-ggz "
        f"(expected one of {CHARTS})",
        f"{settings}:{koppen}: threshold 'wachtlijst_flink' is missing under 'koppen' "
        "(the regioplan-ggz headline rules need it)",
    ]
    assert _check(layout, capsys) == expected
    assert main(["build", "--region", "zwolle", "--layout", str(layout), "--out", str(tmp_path / "out")]) == 1
    assert [line for line in capsys.readouterr().err.splitlines() if not line.startswith("reportgen:")] == expected
    assert not (tmp_path / "out").exists()


def test_layout_of_another_kind_is_refused(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _replace(layout, "document: regioplan-ggz", "document: regioanalyse-vv")
    assert _check(layout, capsys) == [
        f"{layout}:{line}: unknown document kind 'regioanalyse-vv' (expected one of {', '.join(kind_ids())})"
    ]


def test_check_assembles_every_document(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A generated text that cannot fit its frame stops build; check finds it first, by assembling."""
    _replace(layout, "titel_box: [36, 22, 888, 34]", "titel_box: [36, 22, 888, 12]")
    problems = [p for p in _check(layout, capsys) if not p.startswith("checked ")]
    assert problems == [
        "zwolle: frame 'kenmerken_titel': text needs 28 pt but the box is 12 pt high (text starts: "
        "'Kenmerken van de regio Zwolle'); enlarge the box in the layout or shorten the text"
    ]
