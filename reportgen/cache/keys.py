"""Digests of what a build reads: the code, the layout folder, the registry, the data and
the content. Equal digests mean equal inputs, so a cached result or an earlier output may
be used; any changed byte gives a new digest."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

import reportgen

PACKAGE_DIR = Path(reportgen.__file__).resolve().parent
LAYOUT_DIR = PACKAGE_DIR.parent / "layouts"
"""The built-in layouts, theme, settings and registry (as reportgen.layout.load and
reportgen.indicators.registry name them; not imported here, to keep a no-op build light)."""
LIBRARIES = ("pandas", "numpy", "pyarrow", "matplotlib", "reportlab", "python-pptx", "pyyaml")
LAYOUT_SUFFIXES = {".yaml", ".yml", ".pptx", ".png", ".jpg", ".jpeg", ".svg", ".csv", ".json", ".ttf"}


def cache_dir() -> Path:
    """Where cached results and build records live: $XDG_CACHE_HOME/reportgen (default ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportgen"


def digest_of(*parts: str) -> str:
    """A short hex digest of several strings, kept apart so ("ab", "c") differs from ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def files_under(folder: Path, suffixes: set[str] | None = None) -> Iterable[Path]:
    """Every regular file below `folder`, sorted, without hidden files and byte-code caches."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(p.startswith(".") or p == "__pycache__" for p in rel.parts) or not path.is_file():
            continue
        if suffixes is None or path.suffix.lower() in suffixes:
            found.append(path)
    return sorted(found)


BIG_FILE = 1 << 20
"""Files at least this large are hashed once per process while their size, modification
time and inode stay the same: a national data folder is read once, not at every step."""

_big_digests: dict[tuple, bytes] = {}


def _file_digest(path: Path) -> bytes:
    """SHA-256 of a file's bytes (a marker when it cannot be read)."""
    try:
        st = path.stat()
        stamp = (str(path), st.st_size, st.st_mtime_ns, st.st_ino)
        if st.st_size >= BIG_FILE and stamp in _big_digests:
            return _big_digests[stamp]
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 22), b""):
                h.update(block)
    except OSError:
        return b"unreadable"
    if st.st_size >= BIG_FILE:
        _big_digests[stamp] = h.digest()
    return h.digest()


def files_digest(files: Iterable[Path], root: Path) -> str:
    """A digest of the names (relative to `root`) and the bytes of `files`."""
    h = hashlib.sha256()
    for path in files:
        h.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        h.update(_file_digest(path))
    return h.hexdigest()[:32]


def folder_digest(folder: Path, suffixes: set[str] | None = None) -> str:
    """A digest of every file below `folder` (an absent folder has a digest too)."""
    return files_digest(files_under(folder, suffixes), folder)


def library_versions(names: tuple[str, ...] = LIBRARIES) -> str:
    """ "name=version;..." of the installed `names` ("-" for one not installed): output bytes
    depend on them, so a key that covers the output covers them too."""
    versions = []
    for name in names:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return ";".join(versions)


@cache
def code_version() -> str:
    """The version of the code that makes the files: reportgen's own files (sources, fonts,
    reference data), its version, Python's and the libraries' that draw and compute."""
    return digest_of(reportgen.__version__, sys.version, library_versions(), folder_digest(PACKAGE_DIR, None))


def layout_folder(layout_path: Path | None, document: str) -> Path:
    """The folder of the layout a build uses: --layout's, a registered kind's, or the built-in one."""
    from reportgen import kinds

    if layout_path is not None:
        return Path(layout_path).resolve().parent
    if document in kinds.BUILT_IN and document not in kinds._registered:
        return LAYOUT_DIR  # built-in kinds keep their layouts there
    kind = kinds.get_kind(document)
    return Path(kind.layout).resolve().parent if kind is not None else LAYOUT_DIR


def layout_digest(layout_path: Path | None, document: str) -> str:
    """The layout folder (layout, theme, settings, templates) and the built-in one with the registry."""
    folders = dict.fromkeys([layout_folder(layout_path, document), LAYOUT_DIR.resolve()])
    return digest_of(*(folder_digest(f, LAYOUT_SUFFIXES) for f in folders))


def settings_digest() -> str:
    """settings.yaml and the indicator registry: what the values depend on besides the data."""
    files = [p for p in (LAYOUT_DIR / "settings.yaml", LAYOUT_DIR / "indicators.yaml") if p.is_file()]
    return digest_of(*(files_digest([p], p.parent) for p in files))


def data_digest(data_dir: Path | None) -> str:
    """The data folder's files, or the built-in example data (whose generator is code)."""
    if data_dir is None:
        return "example-data"
    return "data:" + folder_digest(Path(data_dir))
