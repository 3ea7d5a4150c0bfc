"""Document kinds as plug-ins: the registry the core asks for a kind by its id.

A built-in kind is a package here whose module holds `KIND`; `register_kind` adds one
from elsewhere (a test, a local extension) without touching the core.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.kinds.spec import Kind, Subject

__all__ = ["DEFAULT_KIND", "Kind", "Subject", "get_kind", "kind_ids", "register_kind"]

DEFAULT_KIND = "regioplan-ggz"
BUILT_IN: dict[str, str] = {
    "regioplan-ggz": "reportgen.kinds.regioplan_ggz",
    "regioanalyse-gz": "reportgen.kinds.regioanalyse_gz",
}
"""Kind id -> the module that defines its `KIND`, imported only when asked for."""

_registered: dict[str, Kind] = {}


def __getattr__(name: str):
    """`Kind` and `Subject`, imported on first use: asking which kinds exist stays cheap."""
    if name in ("Kind", "Subject"):
        from reportgen.kinds import spec

        return getattr(spec, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def register_kind(kind: Kind) -> Kind:
    """Make a kind available under its id (replacing one of the same id)."""
    _registered[kind.id] = kind
    return kind


def kind_ids() -> tuple[str, ...]:
    """The ids of every available kind, built-in first."""
    return tuple(dict.fromkeys([*BUILT_IN, *_registered]))


def get_kind(kind_id: str) -> Kind | None:
    """The kind with this id, or None when there is none."""
    if kind_id in _registered:
        return _registered[kind_id]
    module = BUILT_IN.get(kind_id)
    if module is None:
        return None
    return register_kind(import_module(module).KIND)
