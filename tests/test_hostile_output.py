"""Failures while writing: a full disk or a file-size limit leaves no temp file, names the file,
and leaves an earlier build's files as they were."""

from __future__ import annotations

import errno
import os
import resource
from pathlib import Path

import pytest
from hostile_helpers import EARLIER, run, temp_files, tree, with_earlier_outputs

from reportgen import write
from reportgen.write import WriteError, write_all_atomic


def test_disk_full_removes_every_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while the second of three files is written: the message names that file,
    the first file's finished temp file and the second's partial one are both removed."""
    earlier = {tmp_path / name: data for name, data in EARLIER.items()}
    for path, data in earlier.items():
        path.write_bytes(data)
    calls = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(write.os, "fsync", fsync)
    paths = list(earlier)
    with pytest.raises(WriteError) as raised:
        write_all_atomic({path: b"new " * 1000 for path in paths})
    assert str(raised.value) == f"disk full writing {paths[1]}"
    assert tree(tmp_path) == {name: data for name, data in EARLIER.items()}


def test_file_size_limit_is_named(tmp_path: Path) -> None:
    """A real file-size limit (the kernel refuses the write): named, and nothing left behind."""
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"earlier")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(WriteError) as raised:
            write_all_atomic({target: b"x" * 100_000})
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert str(raised.value) == f"file-size limit reached writing {target}"
    assert tree(tmp_path) == {"deck.pptx": b"earlier"}


def test_output_below_a_file_is_named(tmp_path: Path) -> None:
    """An output folder that is really a file: said so, nothing written."""
    (tmp_path / "out").write_bytes(b"not a folder")
    target = tmp_path / "out" / "2023" / "deck.pdf"
    with pytest.raises(WriteError) as raised:
        write_all_atomic({target: b"pdf"})
    assert str(raised.value) == f"cannot write {target}: a part of its folder path is a file, not a folder"
    assert tree(tmp_path) == {"out": b"not a folder"}


def test_build_hitting_a_file_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """End to end: the PPTX (about 94 KB for Zwolle) is larger than the 32 KiB limit, its audit
    CSV (about 7 KB) is not. The region fails with the file named and exit code 1, its earlier
    files stay byte-identical, and no temp file remains anywhere."""
    out = tmp_path / "out"
    before = with_earlier_outputs(out)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (32_768, hard))
    try:
        result = run(
            ["build", "--region", "zwolle", "--format", "pptx", "--out", str(out), "--jobs", "1", "--quiet"], capsys
        )
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert result.code == 1
    pptx = out / "2023" / "regioplan-ggz-2023-2024-zwolle.pptx"
    assert result.err.splitlines() == [
        f"reportgen: build failed for zwolle (file-size limit reached writing {pptx}); "
        "their earlier outputs are untouched"
    ]
    assert tree(out) == before
    assert temp_files(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
