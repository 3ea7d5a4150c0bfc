"""The cache of validated data and values: used when whole, rebuilt with a warning when not."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from reportgen import pipeline
from reportgen.cache import cached, keys
from reportgen.cache.store import DamagedEntry, Entry, entry_bytes, parse_entry


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "reportgen" / "entries"


def _values(layout, warnings, use_cache=True) -> pd.DataFrame:
    return cached.cached_values(layout, pipeline.example_dataset(), None, 2023, warnings, use_cache)


def test_values_round_trip_unchanged(layout, example_values, cache_home: Path) -> None:
    warnings: list = []
    first = _values(layout, warnings)
    [entry] = list(cache_home.glob("values-*.cache"))
    second = _values(layout, warnings)
    pd.testing.assert_frame_equal(second, example_values)
    pd.testing.assert_frame_equal(first, example_values)
    assert warnings == [] and entry.is_file()


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-40],  # truncated
        lambda b: b[:-20] + bytes(20),  # bytes changed
        lambda b: b"PAR1" + b[4:],  # not an entry at all
        lambda b: b"",  # empty
    ],
)
def test_corrupt_values_entry_is_rebuilt_with_a_warning(layout, example_values, cache_home: Path, damage) -> None:
    _values(layout, [])
    [entry] = list(cache_home.glob("values-*.cache"))
    entry.write_bytes(damage(entry.read_bytes()))
    warnings: list = []
    again = _values(layout, warnings)
    pd.testing.assert_frame_equal(again, example_values)
    assert len(warnings) == 1 and warnings[0].severity == "warning" and str(entry) == warnings[0].source
    key = entry.name.removeprefix("values-").removesuffix(".cache")
    pd.testing.assert_frame_equal(parse_entry(entry.read_bytes(), key).tables["values"], example_values)


def test_foreign_entry_under_our_name_is_not_trusted(layout, example_values, cache_home: Path) -> None:
    _values(layout, [])
    [entry] = list(cache_home.glob("values-*.cache"))
    forged = example_values.assign(value=example_values["value"] + 1)
    entry.write_bytes(entry_bytes("some other key", Entry({"values": forged}, {})))
    warnings: list = []
    pd.testing.assert_frame_equal(_values(layout, warnings), example_values)
    assert "another key" in warnings[0].message


def test_no_cache_ignores_the_entry(layout, example_values, cache_home: Path) -> None:
    _values(layout, [])
    [entry] = list(cache_home.glob("values-*.cache"))
    key = entry.name.removeprefix("values-").removesuffix(".cache")
    forged = example_values.assign(value=0.0)
    entry.write_bytes(entry_bytes(key, Entry({"values": forged}, {})))
    pd.testing.assert_frame_equal(_values(layout, [], use_cache=False), example_values)
    assert entry.read_bytes() == entry_bytes(key, Entry({"values": forged}, {}))  # left alone: not rewritten


def test_no_cache_leaves_nothing_in_the_cache(layout, example_values, cache_home: Path) -> None:
    """A build with --no-cache (or a test that swaps a kind's values) must not fill the cache for later builds."""
    pd.testing.assert_frame_equal(_values(layout, [], use_cache=False), example_values)
    assert list(cache_home.glob("values-*.cache")) == []


def test_parse_entry_checks_every_part() -> None:
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", None]})
    data = entry_bytes("k", Entry({"t": frame}, {"n": 1}))
    entry = parse_entry(data, "k")
    pd.testing.assert_frame_equal(entry.tables["t"], frame)
    assert entry.note == {"n": 1}
    with pytest.raises(DamagedEntry, match="another key"):
        parse_entry(data, "other")
    with pytest.raises(DamagedEntry, match="trailing"):
        parse_entry(data + b"x", "k")


def test_dataset_cache_keeps_tables_and_warnings(data_dir: Path, cache_home: Path) -> None:
    from reportgen.data.load import load_dataset

    table = data_dir / "klanten.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",opmerking"] + [line + ",x" for line in lines[1:]]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected_warnings: list = []
    expected = load_dataset(data_dir, expected_warnings)
    assert expected_warnings  # the extra column is reported, and must be reported again from the cache
    for _ in range(2):  # computed, then read back
        warnings: list = []
        got = cached.cached_dataset(data_dir, warnings)
        assert warnings == expected_warnings and got.source == expected.source
        for name in ("gemeenten", "klanten", "declaraties", "wachtlijst", "ontvangers"):
            pd.testing.assert_frame_equal(got.table(name), expected.table(name))
    assert len(list(cache_home.glob("dataset-*.cache"))) == 1
    assert keys.data_digest(data_dir) != keys.data_digest(None)


def test_same_data_in_another_folder_names_that_folder(tmp_path: Path, cache_home: Path) -> None:
    """A copy of a data folder elsewhere reports its own paths, not those of the first folder read."""
    import shutil

    from data_helpers import MINIMAL

    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(MINIMAL, first)
    shutil.copytree(MINIMAL, second)
    assert cached.cached_dataset(first, []).source == str(first)
    assert cached.cached_dataset(second, []).source == str(second)
    assert cached.cached_dataset(first, []).source == str(first)  # read back from the cache
