"""The chart cache: an unchanged chart comes back byte for byte without matplotlib, a changed
description, style or code version is drawn again, and a damaged entry is redrawn with a warning."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from build_helpers import one_region_options, refusing

from reportgen import pipeline
from reportgen.cache import chartkey, chartstore
from reportgen.charts import Series, grouped_bars, municipality_map, output, ranked_hbars, reuse, style
from reportgen.charts.pictures import pictures_for

GOOI = {"GM0034": 4, "GM0376": 0, "GM0402": 1, "GM0406": 2, "GM0417": 3, "GM0317": 1, "GM1942": None, "GM1696": 4}


@pytest.fixture
def charts_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache of this test's own; its chart entries live in the returned folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "reportgen" / "charts"


@pytest.fixture
def draws(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, float]]:
    """The box of every figure drawn, in order."""
    seen: list[tuple[float, float]] = []
    house_figure = output.house_figure

    def counted(width_pt, height_pt):
        seen.append((width_pt, height_pt))
        return house_figure(width_pt, height_pt)

    monkeypatch.setattr(output, "house_figure", counted)
    return seen


def _no_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every way of drawing or saving a chart fail the test."""
    for name in ("house_figure", "pdf_bytes", "png_bytes", "palette_png"):
        monkeypatch.setattr(output, name, refusing(name))


def _bars(values=(17.3, 17.1), width_pt=278.0):
    return ranked_hbars(["Drenthe", "Zwolle"], list(values), width_pt=width_pt, height_pt=200, title="Klanten")


def _map():
    return municipality_map("t-gooi", ["1", "2", "3", "4", "5"], GOOI, width_pt=300, height_pt=300, title="SES")


def _entries(charts_dir: Path) -> list[Path]:
    return sorted(charts_dir.rglob("*.chart"))


def test_a_hit_returns_the_drawn_bytes_without_matplotlib(charts_dir, monkeypatch):
    with chartstore.chart_cache(True):
        drawn = _bars(), _map()
        assert len(_entries(charts_dir)) == 2
        _no_drawing(monkeypatch)
        again = _bars(), _map()
    assert again == drawn
    assert drawn[0].pdf.startswith(b"%PDF") and drawn[1].png.startswith(b"\x89PNG")


def test_a_picture_missing_from_the_entry_is_drawn_and_added(charts_dir, draws):
    with chartstore.chart_cache(True):
        with pictures_for(("pdf",)):
            pdf_only = _map()
        with pictures_for(("pptx",)):
            png_only = _map()
        with pictures_for(("pdf", "pptx")):
            both = _map()
    assert len(draws) == 2  # the PDF, then the PNG; both then come from the entry
    assert (both.pdf, both.png) == (pdf_only.pdf, png_only.png)
    assert pdf_only.png == b"" and png_only.pdf == b""
    assert both == _map()  # drawn without the cache: the same chart


@pytest.mark.parametrize(
    "changed",
    [
        lambda: _bars(values=(17.3, 17.2)),
        lambda: _bars(width_pt=279.0),
        lambda: ranked_hbars(["Drenthe", "Zwolle"], [17.3, 17.1], width_pt=278, height_pt=200, title="Cliënten"),
    ],
    ids=["value", "size", "title"],
)
def test_a_changed_description_is_drawn(charts_dir, draws, changed):
    with chartstore.chart_cache(True):
        first = _bars()
        other = changed()
    assert len(draws) == 2 and len(_entries(charts_dir)) == 2
    assert other != first


def test_a_changed_style_or_code_version_is_drawn(charts_dir, draws, monkeypatch):
    with chartstore.chart_cache(True):
        _bars()
        house_settings = style.house_settings
        monkeypatch.setattr(style, "house_settings", lambda: {**house_settings(), "hatch.linewidth": 0.6})
        _bars()
        monkeypatch.setattr(style, "house_settings", house_settings)
        monkeypatch.setattr(reuse, "_versions", lambda: "another code version")
        _bars()
    assert len(draws) == 3 and len(_entries(charts_dir)) == 3


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-10],
        lambda data: data[:-5] + bytes([data[-5] ^ 1]) + data[-4:],
        lambda data: b"not a cache entry at all",
        lambda data: data.replace(b'"key": "', b'"key": "0', 1),
    ],
    ids=["truncated", "altered", "foreign", "other-key"],
)
def test_a_damaged_entry_is_drawn_again_with_a_warning(charts_dir, draws, caplog, damage):
    with chartstore.chart_cache(True):
        first = _bars()
        (entry,) = _entries(charts_dir)
        entry.write_bytes(damage(entry.read_bytes()))
        with caplog.at_level(logging.WARNING, logger="reportgen.cache"):
            second = _bars()
        third = _bars()
    assert second == first == third
    assert len(draws) == 2  # drawn again once; the fresh entry then serves
    (record,) = caplog.records
    assert str(entry) in record.getMessage() and "drawn again" in record.getMessage()


def test_without_the_cache_nothing_is_read_or_stored(charts_dir, draws):
    with chartstore.chart_cache(True):
        _bars()
    with chartstore.chart_cache(False):
        _bars()
        _map()
    _bars()  # outside a build the cache is off too
    assert len(draws) == 4 and len(_entries(charts_dir)) == 1


def test_a_formatter_from_outside_reportgen_is_never_cached(charts_dir, draws):
    groups = [Series("Regio", (0.25, 0.5))]
    with chartstore.chart_cache(True):
        for _ in range(2):
            grouped_bars(["a", "b"], groups, width_pt=200, height_pt=150, value_format=lambda v: f"{v}")
    assert len(draws) == 2 and _entries(charts_dir) == []


def test_descriptions_name_types_and_closed_over_values():
    def formatter(decimals):
        return lambda v: round(v, decimals)

    describe = chartkey.describe
    assert describe(1) != describe(1.0) != describe(True)
    assert describe([1, 2]) != describe((1, 2))
    assert describe({"b": 1, "a": 2}) == describe({"a": 2, "b": 1})
    with pytest.raises(chartkey.Undescribable):
        describe(formatter(1))  # made in a test module: its code is not part of the code version
    own = formatter(1)
    own.__module__ = "reportgen.example"
    other = formatter(2)
    other.__module__ = "reportgen.example"
    assert describe(own) != describe(other)
    with pytest.raises(chartkey.Undescribable):
        describe(object())


def test_a_second_build_draws_no_chart_and_writes_the_same_files(tmp_path, monkeypatch):
    """The Regioplan of one region built again into a new folder: every chart from the cache
    (the test run's own cache, so the example data it holds stays where other tests look)."""
    first = pipeline.build(one_region_options(tmp_path / "first", "zwolle", ("pptx", "pdf")))
    assert not first.failed
    _no_drawing(monkeypatch)
    second = pipeline.build(one_region_options(tmp_path / "second", "zwolle", ("pptx", "pdf")))
    assert not second.failed, second.failed
    names = sorted(p.name for p in (tmp_path / "first" / "2023").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "second" / "2023").iterdir()) and names
    for name in names:
        assert (tmp_path / "first" / "2023" / name).read_bytes() == (tmp_path / "second" / "2023" / name).read_bytes()


def test_no_cache_build_draws_every_chart(tmp_path, monkeypatch):
    assert not pipeline.build(one_region_options(tmp_path / "first", "zwolle", ("pdf",))).failed
    monkeypatch.setattr(output, "pdf_bytes", refusing("pdf_bytes"))
    result = pipeline.build(one_region_options(tmp_path / "second", "zwolle", ("pdf",), use_cache=False))
    assert "pdf_bytes was called" in str(result.failed.get("zwolle", ""))
