"""The only place that writes output files: whole, atomically, or not at all.

A file is written to a temporary name in the same directory and moved into place with
os.replace, so a reader (or a failed build) never sees a half-written file and an
earlier good output survives any failure. Whatever fails (a full disk, a file-size
limit, an interrupt), every temporary file this module created is removed again, and
the error names the file that could not be written and why.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from reportgen.errors import Problem, ReportgenError
from reportgen.interrupt import interrupts_deferred

_WHY = {
    errno.ENOSPC: "disk full writing {path}",
    errno.EDQUOT: "disk quota exceeded writing {path}",
    errno.EFBIG: "file-size limit reached writing {path}",
    errno.EACCES: "no permission to write {path}",
    errno.EPERM: "no permission to write {path}",
    errno.EROFS: "read-only file system: cannot write {path}",
    errno.ENOTDIR: "cannot write {path}: a part of its folder path is a file, not a folder",
    errno.EEXIST: "cannot write {path}: a part of its folder path is a file, not a folder",
    errno.EISDIR: "cannot write {path}: it is a folder",
}


class WriteError(ReportgenError):
    """An output file could not be written; nothing of it was left behind."""

    def __init__(self, path: Path, exc: OSError):
        why = _WHY.get(exc.errno or 0, "cannot write {path}: {reason}")
        super().__init__("output", [Problem(why.format(path=path, reason=exc.strerror or exc))])
        self.path = path
        self.errno = exc.errno


def _staged(path: Path, data: bytes, temps: list[str]) -> str:
    """Write `data` to a new temporary sibling of `path`, recorded in `temps` before the
    first byte is written, so that a failure at any point can remove it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temps.append(tmp)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o644)
    return tmp


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` atomically; return the path. Raises WriteError."""
    return write_all_atomic({Path(path): data})[0]


def write_text_atomic(path: Path, text: str) -> Path:
    """Write UTF-8 text with LF line ends atomically; return the path."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_all_atomic(files: dict[Path, bytes]) -> list[Path]:
    """Write several files so that either all are replaced or, on failure, none is.

    Every file is first written to a temporary sibling; only when all are on disk are
    they moved into place, one os.replace each. On any failure (including Ctrl-C) every
    temporary file is removed; a failure of the file system raises WriteError naming
    the file.
    """
    temps: list[str] = []
    staged: list[tuple[str, Path]] = []
    current = Path()
    try:
        for path, data in files.items():
            current = Path(path)
            staged.append((_staged(current, data, temps), current))
        with interrupts_deferred():  # all files replaced, or (on Ctrl-C before this) none
            for tmp, path in staged:
                current = path
                os.replace(tmp, path)
                temps.remove(tmp)
    except OSError as exc:
        _remove(temps)
        raise WriteError(current, exc) from exc
    except BaseException:
        _remove(temps)
        raise
    return [p for _, p in staged]


def _remove(temps: list[str]) -> None:
    for tmp in temps:
        try:
            Path(tmp).unlink(missing_ok=True)
        except OSError:
            pass  # the file system refuses even this; the original error matters more
