"""Ctrl-C during a build: one line, exit code 130, earlier files intact, no temp file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_helpers import EARLIER, run, temp_files, tree, with_earlier_outputs

from reportgen import pipeline

INTERRUPTED = "reportgen: interrupted; files already written are complete, others untouched"
REGIONS = ("t-gooi", "rotterdam", "zwolle")


def forget_kept_documents() -> None:
    """Remove the Documents earlier builds of this test run kept (reportgen/cache/models.py)."""
    from reportgen.cache.keys import cache_dir

    for entry in (cache_dir() / "entries").glob("model-*"):
        entry.unlink(missing_ok=True)


def _interrupted_build(tmp_path: Path, trigger: str) -> tuple[int, list[str], Path]:
    """Start a three-region build in two workers, press Ctrl-C (SIGINT to the whole process
    group, as a terminal does) when `trigger` appears on stderr; exit code, stderr lines, out."""
    out = tmp_path / "out"
    with_earlier_outputs(out)
    forget_kept_documents()  # every document is prepared and assembled, so each stage is reached
    args = [sys.executable, "-m", "reportgen", "build", "--jobs", "2", "--out", str(out)]
    for region in REGIONS:
        args += ["--region", region]
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, cwd=Path.cwd()
    )
    assert process.stderr is not None
    lines = []
    for line in process.stderr:
        lines.append(line.rstrip("\n"))
        if trigger in line:
            os.killpg(process.pid, signal.SIGINT)
            break
    _, rest = process.communicate(timeout=120)
    return process.returncode, lines + rest.splitlines(), out


def _region_files(out: Path, region: str) -> dict[str, bytes]:
    return {name: data for name, data in tree(out).items() if name.endswith((f"-{region}.pptx", f"-{region}.pdf"))}


@pytest.mark.parametrize("trigger", ["loading data", "checking content"])
def test_interrupt_early_writes_nothing(tmp_path: Path, trigger: str) -> None:
    """Ctrl-C before any region is built: nothing is written, the earlier files stay as they were."""
    code, lines, out = _interrupted_build(tmp_path, trigger)
    assert code == 130
    assert lines[-1] == INTERRUPTED
    assert not any("Traceback" in line or "Exception ignored" in line for line in lines)
    assert tree(out) == {f"2023/{name}": data for name, data in EARLIER.items()}
    assert temp_files(tmp_path) == []


def test_interrupt_while_workers_build(tmp_path: Path) -> None:
    """Ctrl-C after the first region is done: the workers stop, the done region's files are whole,
    the rest untouched (zwolle has either all its earlier files or none of them), no temp file."""
    code, lines, out = _interrupted_build(tmp_path, ": done")
    assert code == 130
    assert lines[-1] == INTERRUPTED
    assert not any("Traceback" in line or "Exception ignored" in line for line in lines)
    assert temp_files(tmp_path) == []
    files = tree(out)
    zwolle = {name: data for name, data in files.items() if "-zwolle" in name}
    earlier = {f"2023/{name}": data for name, data in EARLIER.items()}
    assert zwolle == earlier or not (set(zwolle.values()) & set(earlier.values()))
    for region in REGIONS:
        made = _region_files(out, region)
        if made and not (region == "zwolle" and zwolle == earlier):
            assert len(made) == 2
            assert all(data.startswith((b"%PDF", b"PK")) for data in made.values())


def test_swallowed_interrupt_still_stops(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A KeyboardInterrupt that a finalizer or library swallowed ('Exception ignored') still ends
    the run with exit code 130 and the one line, instead of exit 0."""

    def build(options, progress=None):
        try:
            os.kill(os.getpid(), signal.SIGINT)
        except KeyboardInterrupt:
            pass  # what a finalizer does with it
        return pipeline.BuildResult()

    monkeypatch.setattr(pipeline, "build", build)
    result = run(["build", "--region", "zwolle", "--quiet"], capsys)
    assert result.code == 130
    assert result.err.splitlines() == [INTERRUPTED]
