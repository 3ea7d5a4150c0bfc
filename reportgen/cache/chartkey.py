"""A chart's full description as one digest: equal digests mean the same chart is drawn.

A chart function's arguments (data, labels, colours, box size, formatters) are written
out as canonical text, with the type of every value, so 1 and 1.0 or a list and a tuple
never share a text. Formatters are described by what they run: their module, name,
byte code, constants, defaults and the values they closed over. Anything that cannot
be written out this way (an object of an unknown kind, a function from outside
reportgen, whose code the code version does not cover) makes the chart undescribable:
it is then drawn every time rather than risk a stale picture.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import types
from collections.abc import Mapping

OWN_PACKAGE = "reportgen"
"""Functions from this package are covered by the code version; others are not described."""


class Undescribable(Exception):
    """An argument has no canonical description; the chart is drawn without the cache."""


def _code_text(code: types.CodeType) -> str:
    consts = ",".join(_code_text(c) if isinstance(c, types.CodeType) else describe(c) for c in code.co_consts)
    digest = hashlib.sha256(code.co_code).hexdigest()
    return f"code({code.co_name};{digest};{','.join(code.co_names)};[{consts}])"


def _function_text(fn: types.FunctionType) -> str:
    module = fn.__module__ or ""
    if module != OWN_PACKAGE and not module.startswith(OWN_PACKAGE + "."):
        raise Undescribable(f"function {module}.{fn.__qualname__} is not part of {OWN_PACKAGE}")
    cells = [describe(c.cell_contents) for c in fn.__closure__ or ()]
    defaults = describe(fn.__defaults__) + describe(fn.__kwdefaults__)
    return f"fn({module}.{fn.__qualname__};{_code_text(fn.__code__)};{defaults};[{','.join(cells)}])"


def _float_text(value: float) -> str:
    return f"float:{float(value)!r}"


def describe(value: object) -> str:
    """Canonical text of a value, naming its type; Undescribable for what it cannot write out."""
    if value is None or isinstance(value, bool | str | bytes):
        return f"{type(value).__name__}:{value!r}"
    if isinstance(value, enum.Enum):
        return f"enum:{type(value).__module__}.{type(value).__qualname__}.{value.name}"
    if type(value) is int:
        return f"int:{value!r}"
    if type(value) is float:
        return _float_text(value)
    if type(value).__module__ == "numpy" and hasattr(value, "item") and getattr(value, "ndim", None) == 0:
        return f"numpy.{type(value).__name__}:{value.item()!r}"
    if isinstance(value, tuple | list | frozenset | set):
        items = [describe(v) for v in value]
        if isinstance(value, frozenset | set):
            items.sort()
        return f"{type(value).__name__}({','.join(items)})"
    if isinstance(value, Mapping):
        pairs = sorted(f"{describe(k)}={describe(v)}" for k, v in value.items())
        return f"{type(value).__name__}{{{','.join(pairs)}}}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts = [f"{f.name}={describe(getattr(value, f.name))}" for f in dataclasses.fields(value)]
        return f"{type(value).__module__}.{type(value).__qualname__}({','.join(parts)})"
    if isinstance(value, functools.partial):
        return f"partial({describe(value.func)};{describe(value.args)};{describe(value.keywords)})"
    if isinstance(value, types.MethodType):
        return f"method({describe(value.__self__)};{describe(value.__func__)})"
    if isinstance(value, types.FunctionType):
        return _function_text(value)
    if isinstance(value, types.BuiltinFunctionType | type) and value.__module__ == "builtins":
        return f"builtin:{value.__qualname__}"
    raise Undescribable(f"no description for a {type(value).__module__}.{type(value).__qualname__}")


def description_digest(*parts: object) -> str:
    """SHA-256 (hex) of the canonical description of `parts`; Undescribable if one has none."""
    return hashlib.sha256(describe(parts).encode("utf-8")).hexdigest()
