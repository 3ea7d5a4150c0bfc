"""The validated dataset and the kind's values, from the cache when their inputs are unchanged.

The dataset of a data folder is keyed on the folder's bytes and the code version; the
values on that, the document kind, edition, small-count threshold, settings.yaml and the
registry. Example data is cached by `reportgen.data.example_cache` already.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.cache import keys
from reportgen.cache.store import Entry, read_entry, store_entry
from reportgen.errors import Problem

if TYPE_CHECKING:  # the gate's remembered pass is read without pandas
    import pandas as pd


def _entry_path(kind: str, key: str) -> Path:
    return keys.cache_dir() / "entries" / f"{kind}-{key}.cache"


def dataset_key(data_dir: Path) -> str:
    """What a validated dataset of `data_dir` depends on.

    The folder's place is part of it: the dataset and its warnings name the files they came
    from, so the same bytes read from another folder must not report the first folder's paths.
    """
    place = str(Path(data_dir).resolve())
    return keys.digest_of("dataset", keys.code_version(), place, keys.data_digest(data_dir))


def cached_dataset(data_dir: Path, warnings: list[Problem], use_cache: bool = True):
    """The validated dataset of `data_dir` with its load warnings (appended to `warnings`)."""
    from reportgen.data.load import load_dataset
    from reportgen.data.schema import Dataset

    key = dataset_key(data_dir)
    path = _entry_path("dataset", key)
    names = [f.name for f in fields(Dataset) if f.name != "source"]
    entry = read_entry(path, key, warnings) if use_cache else None
    if entry is not None and set(entry.tables) == set(names):
        warnings += [Problem(**p) for p in entry.note.get("warnings", [])]
        return Dataset(**{n: entry.tables[n] for n in names}, source=str(entry.note.get("source", "")))
    found: list[Problem] = []
    dataset = load_dataset(data_dir, found)
    warnings += found
    if use_cache:  # --no-cache bypasses the cache: nothing read from it, nothing left in it
        note = {"source": dataset.source, "warnings": [asdict(p) for p in found]}
        store_entry(path, key, Entry({n: dataset.table(n) for n in names}, note))
    return dataset


def values_key(data_key: str, document: str, edition: int, min_count: int) -> str:
    """What a kind's values depend on: data, code, kind, edition, threshold, settings, registry."""
    return keys.digest_of(
        "values", keys.code_version(), data_key, document, str(edition), str(min_count), keys.settings_digest()
    )


def cached_values(layout, dataset, data_dir: Path | None, edition: int, warnings: list[Problem], use_cache=True):
    """The kind's tidy values frame, from the cache when nothing it depends on changed."""
    return cached_kind_values(layout.kind, dataset, data_dir, edition, layout.settings.min_count, warnings, use_cache)


def cached_kind_values(
    kind, dataset, data_dir: Path | None, edition: int, min_count: int, warnings: list[Problem], use_cache=True
) -> pd.DataFrame:
    """A kind's tidy values frame by the kind alone (no layout needed), from the cache when unchanged."""
    key = values_key(keys.data_digest(data_dir), kind.id, edition, min_count)
    path = _entry_path("values", key)
    entry = read_entry(path, key, warnings) if use_cache else None
    if entry is not None and "values" in entry.tables:
        return entry.tables["values"]
    from reportgen.data.on_demand import whole_dataset

    values: pd.DataFrame = kind.values(whole_dataset(dataset), edition, min_count)
    if use_cache:
        store_entry(path, key, Entry({"values": values}, {}))
    return values


def _check_path(check: str, digest: str) -> tuple[Path, str]:
    key = keys.digest_of("check", check, keys.code_version(), digest)
    return _entry_path(check, key), key


def passed_before(check: str, digest: str, warnings: list[Problem] | None = None) -> bool:
    """Whether this code passed the check `check` on inputs with this digest before (a slow check, such as
    the disclosure audit of a whole edition, need not run again on the same values). A damaged
    record counts as no pass, with a warning in `warnings` when given."""
    path, key = _check_path(check, digest)
    entry = read_entry(path, key, warnings if warnings is not None else [])
    return entry is not None and entry.note.get("passed") is True


def remember_passed(check: str, digest: str) -> None:
    """Record that the check passed on inputs with this digest (see `passed_before`)."""
    path, key = _check_path(check, digest)
    store_entry(path, key, Entry({}, {"passed": True}))


def edition_gate_digest(options) -> str:
    """What the edition-wide disclosure gate's verdict depends on: the layout folder (threshold,
    settings, registry), the data, the kind and the edition (the code version is added by
    `passed_before`). The content is not among them: the gate looks at computed values only."""
    return keys.digest_of(
        keys.layout_digest(options.layout_path, options.document),
        keys.data_digest(options.data_dir),
        options.document,
        str(options.edition),
    )
