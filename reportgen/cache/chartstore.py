"""Drawn charts kept between builds, so an unchanged chart is drawn once.

An entry is one file per chart description (`reportgen.cache.chartkey`) under
`<cache>/charts/`: a magic line, a JSON header with the key, the chart's printed labels
and alt text, the description for a native PowerPoint chart (`data`, a model
`ChartData` or null) and the SHA-256 and length of each picture, then the pictures (the
vector PDF, the PNG, whichever were drawn). An entry without `data` can still give its
pictures to a drawing chart function, but not stand in for the whole call. An entry
that is truncated, altered, stored under another key or not an entry at all is ignored
with a warning and drawn again. Nothing in an entry is ever executed.

Reading and storing happen only inside a `chart_cache(True)` block (a build without
`--no-cache`); elsewhere every chart is drawn as before.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.cache import keys
from reportgen.cache.framing import framed_bytes, framed_parts
from reportgen.cache.modelcodec import model_value_built, model_value_plain
from reportgen.model import ChartData

MAGIC = b"reportgen-chart 1\n"
PICTURES = ("pdf", "png")
"""The pictures an entry may hold, in file order."""

log = logging.getLogger("reportgen.cache")

_enabled: ContextVar[bool] = ContextVar("chart_cache", default=False)


@contextmanager
def chart_cache(enabled: bool) -> Iterator[None]:
    """Within the block, charts are read from and stored in the cache if `enabled`."""
    token = _enabled.set(enabled)
    try:
        yield
    finally:
        _enabled.reset(token)


def cache_enabled() -> bool:
    """Whether charts drawn now use the cache."""
    return _enabled.get()


@dataclass(frozen=True)
class StoredChart:
    """What drawing a chart gave: its printed labels, alt text and the pictures drawn
    (name -> bytes; a picture the build did not need is absent); if `described`, also
    the native-chart description `data` the chart function returned (None: a picture)."""

    labels: tuple[str, ...]
    alt_text: str
    pictures: dict[str, bytes] = field(default_factory=dict)
    described: bool = False
    data: ChartData | None = None


class DamagedChart(Exception):
    """The entry exists but cannot be used; the message says why."""


def entry_path(key: str) -> Path:
    """Where the entry of a chart key lives."""
    return keys.cache_dir() / "charts" / key[:2] / f"{key}.chart"


def chart_entry_bytes(key: str, chart: StoredChart) -> bytes:
    """The file form of a chart stored under `key`."""
    parts = [(name, chart.pictures[name]) for name in PICTURES if name in chart.pictures]
    fields = {
        "labels": list(chart.labels),
        "alt_text": chart.alt_text,
        **({"data": model_value_plain(chart.data)} if chart.described else {}),
    }
    return framed_bytes(MAGIC, key, fields, parts)


def parse_chart_entry(data: bytes, key: str) -> StoredChart:
    """The chart in `data` if it is whole and was stored under `key`; else DamagedChart."""
    header, parts = framed_parts(data, MAGIC, key, DamagedChart)
    try:
        labels, alt_text = header["labels"], header["alt_text"]
        if not (isinstance(labels, list) and all(isinstance(t, str) for t in labels) and isinstance(alt_text, str)):
            raise DamagedChart("labels or alt text are not texts")
        described = "data" in header
        data_model = model_value_built(header["data"]) if described else None
    except DamagedChart:
        raise
    except Exception as exc:  # an unreadable description: the entry is not ours to trust
        raise DamagedChart(f"unreadable ({type(exc).__name__})") from None
    if not (data_model is None or isinstance(data_model, ChartData)):
        raise DamagedChart("data is not a chart description")
    pictures: dict[str, bytes] = {}
    for name, body in parts:
        if name not in PICTURES or name in pictures:
            raise DamagedChart(f"unknown or repeated picture {name!r}")
        pictures[name] = body
    return StoredChart(tuple(labels), alt_text, pictures, described, data_model)


def read_chart(key: str) -> StoredChart | None:
    """The chart stored under `key`, or None when there is none or the cache is off; a
    damaged entry is logged as a warning and counts as absent (the chart is drawn again)."""
    if not cache_enabled():
        return None
    path = entry_path(key)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("warning: %s: chart cache entry could not be read (%s); the chart is drawn again", path, exc)
        return None
    try:
        return parse_chart_entry(data, key)
    except DamagedChart as exc:
        log.warning("warning: %s: chart cache entry ignored: %s; the chart is drawn again and stored anew", path, exc)
        return None


def store_chart(key: str, chart: StoredChart) -> None:
    """Store a drawn chart atomically (when the cache is on); a cache that cannot be
    written only costs time later."""
    if not cache_enabled():
        return
    from reportgen.write import WriteError, write_bytes_atomic

    try:
        write_bytes_atomic(entry_path(key), chart_entry_bytes(key, chart))
    except (OSError, WriteError):
        pass
