"""The build's disclosure check, remembered across processes.

Whether the values the selected documents may print give away a hidden count depends only
on those values, the regions, the threshold, the municipalities and the code; when all of
them are those of a check that passed before, the linear programs need not be solved
again. Only a pass is remembered (a failing build must keep naming its findings), in the
cache folder like every other result: a damaged or foreign entry is ignored with a warning.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import pandas as pd

from reportgen.cache import keys
from reportgen.cache.store import Entry, read_entry, store_entry
from reportgen.errors import Problem


def gate_key(values: pd.DataFrame, regions: Sequence[str], min_count: int, gemeenten: pd.DataFrame | None) -> str:
    """What the disclosure check of a build depends on."""
    content = hashlib.sha256()
    for frame in (values, gemeenten):
        if frame is None:
            content.update(b"-")
            continue
        content.update(repr(list(frame.columns)).encode())
        content.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return keys.digest_of(
        "disclosure-gate", keys.code_version(), content.hexdigest(), repr(sorted(set(regions))), str(min_count)
    )


def checked_once(check: Callable[[], None], key: str, warnings: list[Problem], use_cache: bool = True) -> None:
    """Run `check` (it raises when the check fails) unless a pass under `key` is remembered;
    remember a pass."""
    path = keys.cache_dir() / "entries" / f"gate-{key}.cache"
    if use_cache and read_entry(path, key, warnings) is not None:
        return
    check()
    if use_cache:
        store_entry(path, key, Entry({}, {"passed": True}))
