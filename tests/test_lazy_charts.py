"""Charts answered from the cache load no drawing code: a rebuild of one region whose
charts are all cached runs without importing matplotlib, and writes the same bytes as a
build that draws every chart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen import charts
from reportgen.cache import chartstore

TESTS = Path(__file__).resolve().parent

BUILD = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from build_helpers import one_region_options
from reportgen import pipeline
pipeline._kept_models = lambda *args: {{}}  # assemble the document: its charts are asked for
result = pipeline.build(one_region_options(Path({out!r}), "zwolle", ("pptx", "pdf"), use_cache={cache}))
assert not result.failed, result.failed
print("matplotlib" in sys.modules)
"""


def _build(out: Path, cache_home: Path, use_cache: bool) -> bool:
    """Build zwolle's Regioplan in a fresh process; whether matplotlib was imported."""
    script = BUILD.format(tests=str(TESTS), out=str(out), cache=use_cache)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1] == "True"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "2023").iterdir())}


def test_a_rebuild_with_every_chart_cached_imports_no_matplotlib(tmp_path):
    cache_home = tmp_path / "xdg"
    assert _build(tmp_path / "first", cache_home, use_cache=True)  # charts drawn and stored
    assert not _build(tmp_path / "second", cache_home, use_cache=True)
    assert _build(tmp_path / "uncached", cache_home, use_cache=False)
    drawn, cached = _files(tmp_path / "uncached"), _files(tmp_path / "second")
    assert drawn and cached == drawn


def test_importing_the_chart_package_loads_no_drawing_code():
    done = subprocess.run(
        [sys.executable, "-c", "import sys, reportgen.kinds.spec; print('matplotlib' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"


def test_an_entry_without_a_description_is_drawn_by_the_chart_function(tmp_path, monkeypatch):
    """An entry kept before descriptions were stored gives its pictures to the chart
    function (no figure drawn) and is then completed, so the next call needs no drawing code."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from reportgen.charts import output

    def bars():
        return charts.ranked_hbars(["Drenthe", "Zwolle"], [17.3, 17.1], width_pt=278.0, height_pt=200, title="K")

    with chartstore.chart_cache(True):
        drawn = bars()
        (entry,) = sorted(tmp_path.rglob("*.chart"))
        key = entry.stem
        stored = chartstore.parse_chart_entry(entry.read_bytes(), key)
        assert stored.described and stored.data == drawn.data
        old = chartstore.StoredChart(stored.labels, stored.alt_text, stored.pictures)
        entry.write_bytes(chartstore.chart_entry_bytes(key, old))
        calls: list[str] = []
        draw_chart = output.draw_chart
        monkeypatch.setattr(output, "house_figure", lambda *a: pytest.fail("a figure was drawn"))
        hbar = sys.modules["reportgen.charts.hbar"]
        monkeypatch.setattr(hbar, "draw_chart", lambda *a, **k: calls.append("draw") or draw_chart(*a, **k))
        again = bars()
        assert calls == ["draw"] and again == drawn
        assert chartstore.parse_chart_entry(entry.read_bytes(), key).described
        third = bars()
        assert calls == ["draw"] and third == drawn
