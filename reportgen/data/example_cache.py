"""A disk cache of the built-in example data, so a build does not generate it every time.

Generating the example set takes a few seconds; reading it back from Parquet takes well
under one. The cache key is a hash of everything the generator depends on (its source
files, the reference data, the seed and scale, and the pandas version), so a change to
any of them makes a fresh set. The cache lives in $XDG_CACHE_HOME/reportgen (default
~/.cache/reportgen); when it cannot be read or written, the data is simply generated.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pandas as pd

from reportgen.data.schema import TABLES, Dataset

DATA_DIR = Path(__file__).parent


def cache_dir() -> Path:
    """Where cached example sets are kept."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportgen"


def cache_key(seed: int, scale: float) -> str:
    """A hash of the generator's code and inputs: equal keys mean equal data."""
    digest = hashlib.sha256(f"{seed}|{scale!r}|{pd.__version__}".encode())
    generator = sorted(p for p in (DATA_DIR / "synth").rglob("*") if p.is_file() and p.suffix in (".py", ".csv"))
    sources = generator + sorted((DATA_DIR / "reference").glob("*.csv"))
    for path in sources + [DATA_DIR / "schema.py", DATA_DIR / "regions.py"]:
        digest.update(str(path.relative_to(DATA_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _read(folder: Path, source: str) -> Dataset | None:
    try:
        frames = {t.name: pd.read_parquet(folder / f"{t.name}.parquet") for t in TABLES}
    except (OSError, ValueError):
        return None
    return Dataset(**frames, source=source)


def _write(folder: Path, ds: Dataset) -> None:
    from reportgen.write import write_all_atomic

    files = {}
    for t in TABLES:
        buffer = io.BytesIO()
        ds.table(t.name).to_parquet(buffer, compression="zstd", index=False)
        files[folder / f"{t.name}.parquet"] = buffer.getvalue()
    write_all_atomic(files)


def example_source(seed: int = 2023, scale: float = 1.0) -> str:
    """How messages name the example set."""
    return f"example data (seed {seed}, scale {scale:g})"


def cached_example_table(name: str, seed: int = 2023, scale: float = 1.0) -> pd.DataFrame | None:
    """One table of the cached example set, or None when it is not cached (yet)."""
    try:
        return pd.read_parquet(cache_dir() / f"voorbeelddata-{cache_key(seed, scale)}" / f"{name}.parquet")
    except (OSError, ValueError):
        return None


def cached_example_dataset(seed: int = 2023, scale: float = 1.0) -> Dataset:
    """The example data set: from the cache when it holds this exact version, else generated and cached."""
    from reportgen.data.synth import synthesize

    folder = cache_dir() / f"voorbeelddata-{cache_key(seed, scale)}"
    if folder.is_dir():
        cached = _read(folder, example_source(seed, scale))
        if cached is not None:
            return cached
    ds = synthesize(seed=seed, scale=scale)
    from reportgen.write import WriteError

    try:
        _write(folder, ds)
    except (OSError, WriteError):
        pass  # a read-only home only costs the next build the generation time
    return ds
