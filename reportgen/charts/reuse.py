"""Charts drawn once: a chart function's call is keyed on everything its pictures depend on.

`drawn_once` wraps a public chart function. While the chart cache is on
(`reportgen.cache.chartstore.chart_cache`), it names the call by a digest of the
function, its arguments (data, labels, size, colours, formatters), the house style's
matplotlib settings and chart font, and the versions of the code and of the libraries
that draw and encode; `draw_chart` then takes the pictures from the cache under that
key, or draws them and stores them there. The cached bytes are the drawn bytes, so a
build gives the same files with or without the cache.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from reportgen.cache.chartkey import Undescribable, description_digest
from reportgen.cache.chartstore import StoredChart, cache_enabled, read_chart

P = ParamSpec("P")
R = TypeVar("R")

ENCODERS = ("matplotlib", "pillow", "fonttools", "numpy")
"""Libraries whose version changes the bytes of a drawn chart."""

_current: ContextVar[str | None] = ContextVar("chart_key", default=None)
_fetched: ContextVar[tuple[str, StoredChart | None] | None] = ContextVar("chart_fetched", default=None)


@functools.cache
def _versions() -> str:
    """The code version and the drawing libraries' versions, once per process."""
    from reportgen.cache.keys import code_version, library_versions

    return code_version() + ";" + library_versions(ENCODERS)


def chart_key(fn: Callable, args: tuple, kwargs: dict) -> str | None:
    """The key of one call of chart function `fn`, or None when the call cannot be described."""
    return named_chart_key(f"{fn.__module__}.{fn.__qualname__}", args, kwargs)


def named_chart_key(name: str, args: tuple, kwargs: dict) -> str | None:
    """The key of one call of the chart function of full name `name` ("module.function"),
    or None when the call cannot be described; needs neither the function nor matplotlib."""
    from reportgen.charts.style import house_settings

    try:
        return description_digest(_versions(), house_settings(), name, args, kwargs)
    except Undescribable:
        return None


def current_chart_key() -> str | None:
    """The key of the chart being drawn now (None: not cached)."""
    return _current.get()


def stored_chart(key: str) -> StoredChart | None:
    """The cache entry under `key` (None: absent or damaged), read once per chart call:
    an entry already read under `already_read` is not read (nor warned about) again."""
    fetched = _fetched.get()
    if fetched is not None and fetched[0] == key:
        return fetched[1]
    return read_chart(key)


@contextmanager
def already_read(key: str, stored: StoredChart | None) -> Iterator[None]:
    """Within the block, `stored_chart(key)` gives `stored` without reading the cache."""
    token = _fetched.set((key, stored))
    try:
        yield
    finally:
        _fetched.reset(token)


@contextmanager
def _keyed(key: str | None) -> Iterator[None]:
    token = _current.set(key)
    try:
        yield
    finally:
        _current.reset(token)


def drawn_once(fn: Callable[P, R]) -> Callable[P, R]:
    """Let `fn`'s charts come from the cache when the cache is on (see the module doc)."""

    @functools.wraps(fn)
    def cached(*args: P.args, **kwargs: P.kwargs) -> R:
        key = chart_key(fn, args, kwargs) if cache_enabled() else None
        with _keyed(key):
            return fn(*args, **kwargs)

    return cached
