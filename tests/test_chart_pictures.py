"""Only the requested format drawn: a PDF build saves no chart PNG, a PPTX build no chart
PDF and no PNG of a native chart, a check neither; the files are those of a full build."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_helpers import one_region_options, refusing, without_kept_documents

from reportgen import pipeline
from reportgen.charts import municipality_map, output, ranked_hbars
from reportgen.charts.pictures import pictures_for, pictures_needed

REGION = "zwolle"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GOOI = {"GM0034": 4, "GM0376": 0, "GM0402": 1, "GM0406": 2, "GM0417": 3, "GM0317": 1, "GM1942": None, "GM1696": 4}


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def assembled_here(monkeypatch: pytest.MonkeyPatch) -> None:
    without_kept_documents(monkeypatch)


@pytest.fixture(scope="module")
def full_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """One region in both formats: the files every partial build must match."""
    out = tmp_path_factory.mktemp("both")
    result = pipeline.build(one_region_options(out, REGION, ("pptx", "pdf")))
    assert list(result.written) == [REGION] and not result.failed
    return _files(out)


def _only(out: Path, extension: str, full: dict[str, bytes]) -> None:
    """Every file of the build is byte-identical to the full build's, and its document is there."""
    files = _files(out)
    assert any(name.endswith(extension) for name in files)
    assert all(name in full and data == full[name] for name, data in files.items())


def test_pdf_build_saves_no_png(tmp_path, monkeypatch, full_build):
    monkeypatch.setattr(output, "png_bytes", refusing("png_bytes"))
    monkeypatch.setattr(output, "palette_png", refusing("palette_png"))
    result = pipeline.build(one_region_options(tmp_path, REGION, ("pdf",)))
    assert not result.failed, result.failed
    _only(tmp_path, ".pdf", full_build)


def test_pptx_build_saves_no_pdf(tmp_path, monkeypatch, full_build):
    monkeypatch.setattr(output, "pdf_bytes", refusing("pdf_bytes"))
    result = pipeline.build(one_region_options(tmp_path, REGION, ("pptx",)))
    assert not result.failed, result.failed
    _only(tmp_path, ".pptx", full_build)


def test_check_saves_no_picture(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "pdf_bytes", refusing("pdf_bytes"))
    monkeypatch.setattr(output, "png_bytes", refusing("png_bytes"))
    report = pipeline.check(one_region_options(tmp_path, REGION, ("pptx", "pdf")))
    assert not [p for p in report.problems if p.severity == "error"]


def _bars():
    return ranked_hbars(["Drenthe", "Zwolle"], [17.3, 17.1], width_pt=278, height_pt=200, title="Klanten")


def _map():
    return municipality_map("t-gooi", ["1", "2", "3", "4", "5"], GOOI, width_pt=300, height_pt=300, title="SES")


def test_pptx_keeps_the_png_of_a_picture_chart_only():
    """A map goes into the PPTX as a picture, a bar chart as a native chart."""
    with pictures_for(("pptx",)):
        bars, drawn_map = _bars(), _map()
    assert bars.data is not None and bars.png == b"" and bars.pdf == b""
    assert drawn_map.data is None and drawn_map.png.startswith(PNG_SIGNATURE) and drawn_map.pdf == b""


def test_pictures_are_those_of_a_chart_drawn_outside_a_build():
    """A picture saved for a build is the one saved when every picture is asked for."""
    every = _map()
    assert every.pdf.startswith(b"%PDF") and every.png.startswith(PNG_SIGNATURE)
    with pictures_for(("pdf",)):
        pdf_only = _map()
    with pictures_for(("pptx",)):
        png_only = _map()
    assert (pdf_only.pdf, pdf_only.png) == (every.pdf, b"")
    assert (png_only.pdf, png_only.png) == (b"", every.png)


@pytest.mark.parametrize(
    ("formats", "pictures"),
    [(("pdf",), {"pdf"}), (("pptx",), {"png"}), (("pptx", "pdf"), {"pdf", "png"}), ((), set())],
)
def test_pictures_needed(formats, pictures):
    assert pictures_needed(formats) == pictures
