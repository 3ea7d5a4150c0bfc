"""The document model as JSON and back, so an assembled Document can be kept between builds.

Only the frozen classes of `reportgen.model` are written and read: an object is tagged with
its class name, looked up in a fixed table on reading, and built from its fields alone, so
a foreign or damaged text can at worst fail to decode (a `ValueError`), never run code.
Tuples come back as tuples, bytes (chart pictures, a template) as bytes, floats exactly.
"""

from __future__ import annotations

import base64
import json
from dataclasses import fields, is_dataclass

from reportgen import model

CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        model.Box,
        model.Run,
        model.Paragraph,
        model.TextStyle,
        model.Ref,
        model.DerivedValue,
        model.TextFrame,
        model.Rect,
        model.ChartSeries,
        model.ChartMark,
        model.ChartExtra,
        model.ChartData,
        model.ChartFrame,
        model.TableFrame,
        model.Page,
        model.Document,
    )
}
"""Every class a Document is made of, by name: the only classes decoding builds."""

_CLASS = "$c"
_BYTES = "$b"


def model_value_plain(value: object) -> object:
    """`value` (a model object, or a value one holds) as JSON-able data: model objects tagged
    with their class, bytes as base64."""
    if is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if CLASSES.get(name) is not type(value):
            raise TypeError(f"not a class of the document model: {name}")
        return {_CLASS: name, **{f.name: model_value_plain(getattr(value, f.name)) for f in fields(value)}}
    if isinstance(value, bytes):
        return {_BYTES: base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple):
        return [model_value_plain(v) for v in value]
    if value is None or isinstance(value, str | bool | int | float):
        return value
    raise TypeError(f"cannot keep a {type(value).__name__} in the document model")


def model_value_built(data: object) -> object:
    """The model object (or value) that `model_value_plain` made `data` from; ValueError when it
    is not such data."""
    if isinstance(data, list):
        return tuple(model_value_built(v) for v in data)
    if isinstance(data, dict):
        if set(data) == {_BYTES} and isinstance(data[_BYTES], str):
            return base64.b64decode(data[_BYTES].encode("ascii"), validate=True)
        cls = CLASSES.get(str(data.get(_CLASS)))
        if cls is None:
            raise ValueError(f"unknown class {data.get(_CLASS)!r}")
        names = {f.name for f in fields(cls)}
        given = {k: v for k, v in data.items() if k != _CLASS}
        if not set(given) <= names:
            raise ValueError(f"unknown fields {sorted(set(given) - names)} of {cls.__name__}")
        return cls(**{k: model_value_built(v) for k, v in given.items()})
    if data is None or isinstance(data, str | bool | int | float):
        return data
    raise ValueError(f"unexpected {type(data).__name__}")


def document_json(doc: model.Document) -> str:
    """The document as JSON text (same document, same text)."""
    return json.dumps(model_value_plain(doc), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def document_from_json(text: str) -> model.Document:
    """The document `document_json` wrote; ValueError when the text is not one."""
    try:
        doc = model_value_built(json.loads(text))
    except (TypeError, ValueError, KeyError, RecursionError) as exc:  # a missing field, bad base64, not JSON
        raise ValueError(f"not a document: {exc}") from None
    if not isinstance(doc, model.Document):
        raise ValueError("not a document")
    return doc
