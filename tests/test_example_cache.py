"""The example-data cache gives exactly what the generator gives, and survives a broken cache."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from reportgen.data import example_cache
from reportgen.data.schema import TABLES
from reportgen.data.synth import synthesize


def test_cached_dataset_equals_generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """First call generates and stores; the second reads the same frames back from the cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = example_cache.cached_example_dataset(seed=11, scale=0.05)
    stored = list((tmp_path / "reportgen").iterdir())
    assert len(stored) == 1 and len(list(stored[0].glob("*.parquet"))) == len(TABLES)
    second = example_cache.cached_example_dataset(seed=11, scale=0.05)
    fresh = synthesize(seed=11, scale=0.05)
    for t in TABLES:
        pd.testing.assert_frame_equal(second.table(t.name), fresh.table(t.name).reset_index(drop=True))
        pd.testing.assert_frame_equal(first.table(t.name), fresh.table(t.name))
    assert second.source == fresh.source


def test_key_changes_with_seed_and_scale() -> None:
    """Different seed or scale never share a cache entry."""
    base = example_cache.cache_key(2023, 1.0)
    assert base != example_cache.cache_key(2024, 1.0)
    assert base != example_cache.cache_key(2023, 2.0)
    assert base == example_cache.cache_key(2023, 1.0)


def test_unreadable_cache_falls_back_to_generating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder with a damaged file is ignored and the data generated instead."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "reportgen" / f"voorbeelddata-{example_cache.cache_key(7, 0.05)}"
    folder.mkdir(parents=True)
    (folder / "klanten.parquet").write_bytes(b"not parquet")
    ds = example_cache.cached_example_dataset(seed=7, scale=0.05)
    pd.testing.assert_frame_equal(ds.klanten, synthesize(seed=7, scale=0.05).klanten)
