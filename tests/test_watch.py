"""`reportgen watch`: one poll step at a time, without sleeping on the wall clock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen import pipeline
from reportgen.watch import Watcher, run

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def watcher(tmp_path: Path) -> Watcher:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    options = pipeline.Options(
        regions=("zwolle",),
        formats=("pdf",),
        content_dir=tmp_path / "content",
        out_dir=tmp_path / "out",
        jobs=1,
        all_regions=False,
    )
    return Watcher(options, folders=[tmp_path / "content"])


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_watch_rebuilds_after_a_change(watcher: Watcher, tmp_path: Path) -> None:
    first = watcher.step()  # the first poll builds what is not up to date
    pdf = tmp_path / "out" / "2023" / "regioplan-ggz-2023-2024-zwolle.pdf"
    assert f"wrote {pdf}" in first
    built = pdf.read_bytes()
    assert watcher.step() == []  # no file changed: nothing happens
    _edit(tmp_path / "content/2023/zwolle/terugblik.md", "afgelopen periode", "voorbije periode, kortom,")
    lines = watcher.step()
    assert f"wrote {pdf}" in lines
    assert pdf.read_bytes() != built


def test_watch_reports_errors_and_builds_nothing(watcher: Watcher, tmp_path: Path) -> None:
    watcher.step()
    pdf = tmp_path / "out" / "2023" / "regioplan-ggz-2023-2024-zwolle.pdf"
    built = pdf.read_bytes()
    _edit(tmp_path / "content/2023/zwolle/terugblik.md", "editie: 2023", "editie: twintig")
    lines = watcher.step()
    assert any("terugblik.md" in line for line in lines)
    assert lines[-1].startswith("not built:")
    assert pdf.read_bytes() == built


def test_change_elsewhere_rebuilds_nothing(watcher: Watcher, tmp_path: Path) -> None:
    watcher.step()
    _edit(tmp_path / "content/2023/t-gooi/terugblik.md", "---", "---\n")
    assert watcher.step() == ["nothing changed that a document shows"]


def test_run_stops_cleanly_on_ctrl_c(watcher: Watcher) -> None:
    shown: list[str] = []
    polls: list[float] = []

    def interrupt(seconds: float) -> None:
        polls.append(seconds)
        raise KeyboardInterrupt

    watcher.step = lambda: ["a line"]  # type: ignore[method-assign]
    assert run(watcher, shown.append, interval=0.25, sleep=interrupt) == 0
    assert shown == ["a line", "stopped watching"] and polls == [0.25]


def test_command_line_options(tmp_path: Path) -> None:
    from reportgen.cli import build_parser

    args = build_parser().parse_args(["watch", "--region", "zwolle", "--format", "pdf", "--out", str(tmp_path)])
    options = pipeline.Options.from_args(args)
    assert (options.regions, options.formats, options.out_dir, options.use_cache) == (
        ("zwolle",),
        ("pdf",),
        tmp_path,
        True,
    )
    args = build_parser().parse_args(["build", "--no-cache"])
    assert pipeline.Options.from_args(args).use_cache is False
