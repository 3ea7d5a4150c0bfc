"""Chart functions that look in the chart cache before their drawing code is loaded.

The public chart functions live in modules that import matplotlib, which takes longer
to load than a rebuild of one region needs for everything else. `lazy_chart` stands in
for such a function: while the chart cache is on it keys the call exactly as the
function's own `drawn_once` would (`reportgen.charts.reuse.named_chart_key`) and, when
the cache holds everything the call returns (labels, alt text, the native-chart
description and the pictures this build needs), hands that out without importing the
function's module. On a miss, an undescribable call or with the cache off, it imports
the module and calls the function, which draws and stores as before.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable

from reportgen.cache.chartstore import StoredChart, cache_enabled, read_chart
from reportgen.charts.image import ChartImage
from reportgen.charts.pictures import wants_pdf, wants_png
from reportgen.charts.reuse import already_read, named_chart_key


def cached_image(stored: StoredChart | None) -> ChartImage | None:
    """What a chart call returns, taken from its cache entry `stored`; None when there is
    no entry or it lacks any part of it."""
    if stored is None or not stored.described:
        return None
    wanted = {n for n, w in (("pdf", wants_pdf()), ("png", wants_png(native=stored.data is not None))) if w}
    if not wanted <= set(stored.pictures):
        return None
    return ChartImage(
        pdf=stored.pictures["pdf"] if "pdf" in wanted else b"",
        png=stored.pictures["png"] if "png" in wanted else b"",
        labels=tuple(stored.labels),
        alt_text=stored.alt_text,
        data=stored.data,
    )


@functools.cache
def lazy_chart(module: str, name: str) -> Callable[..., ChartImage]:
    """The chart function `name` of `module`, importing that module only on a cache miss."""
    full_name = f"{module}.{name}"

    def chart(*args: object, **kwargs: object) -> ChartImage:
        key = named_chart_key(full_name, args, kwargs) if cache_enabled() else None
        if key is None:
            return getattr(importlib.import_module(module), name)(*args, **kwargs)
        stored = read_chart(key)
        image = cached_image(stored)
        if image is not None:
            return image
        with already_read(key, stored):
            return getattr(importlib.import_module(module), name)(*args, **kwargs)

    chart.__name__ = chart.__qualname__ = name
    chart.__module__ = module
    chart.__doc__ = f"`{full_name}`, taken from the chart cache when it holds the call (see `reportgen.charts.lazy`)."
    return chart
