"""A second document kind, defined under tests/, is checked and built in both formats
without any change to the core."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from minimal_kind import KIND, LAYOUT, TEXT
from readback import normalized, pdf_page_count, pdf_page_text, pptx_slide_count, pptx_titles

from reportgen import pipeline
from reportgen.kinds import get_kind, register_kind
from reportgen.layout.load import LAYOUT_DIR


@pytest.fixture
def kind_files(tmp_path: Path) -> tuple[Path, Path]:
    """The kind registered, its layout (with the shared theme and settings) and one region's content."""
    register_kind(KIND)
    layouts = tmp_path / "layouts"
    layouts.mkdir()
    for name in ("theme.yaml", "settings.yaml"):
        shutil.copy(LAYOUT_DIR / name, layouts / name)
    (layouts / "testkaart.yaml").write_text(LAYOUT, encoding="utf-8")
    region = tmp_path / "content" / "2023" / "zwolle"
    region.mkdir(parents=True)
    (region / "toelichting.md").write_text(TEXT, encoding="utf-8")
    return layouts / "testkaart.yaml", tmp_path / "content"


def test_second_kind_checks_and_builds_in_both_formats(kind_files: tuple[Path, Path], tmp_path: Path) -> None:
    layout, content = kind_files
    assert get_kind("testkaart") is KIND
    options = pipeline.Options(
        regions=("zwolle",),
        document="testkaart",
        layout_path=layout,
        content_dir=content,
        out_dir=tmp_path / "out",
        jobs=1,
    )
    report = pipeline.check(options)
    assert not report.errors, [str(p) for p in report.problems]
    result = pipeline.build(options)
    assert not result.failed
    folder = tmp_path / "out" / "2023"
    assert [p.name for p in result.written["zwolle"]] == [
        "testkaart-2023-zwolle.pptx",
        "testkaart-2023-zwolle.pdf",
        "testkaart-2023-zwolle-audit.csv",
    ]
    pptx = (folder / "testkaart-2023-zwolle.pptx").read_bytes()
    pdf = (folder / "testkaart-2023-zwolle.pdf").read_bytes()
    assert pptx_slide_count(pptx) == pdf_page_count(pdf) == 2
    assert pptx_titles(pptx) == ["Cijfers van Zwolle", "Toelichting"]
    second = normalized(pdf_page_text(pdf, 1))
    assert "Wat de cijfers zeggen" in second and "Zwolle telt er veel" in second


def test_layout_of_the_second_kind_is_checked_against_it(kind_files: tuple[Path, Path]) -> None:
    """The Regioplan's chart ids mean nothing to the second kind."""
    from reportgen.errors import LayoutError
    from reportgen.layout.load import load_layout

    layout, _ = kind_files
    layout.write_text(LAYOUT.replace("grafiek: profielen", "grafiek: wachtlijst"), encoding="utf-8")
    with pytest.raises(LayoutError) as raised:
        load_layout(layout)
    line = (
        LAYOUT.splitlines().index(
            "      - {soort: grafiek, id: profielen, grafiek: profielen, box: [310, 76, 400, 400]}"
        )
        + 1
    )
    assert [str(p) for p in raised.value.problems] == [
        f"{layout}:{line}: frame 'profielen': unknown chart 'wachtlijst' in testkaart (expected one of profielen)"
    ]
