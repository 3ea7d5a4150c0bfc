"""The file form shared by cache entries: a magic line, a JSON header, then checked parts.

Every entry names the key it was stored under and the size and SHA-256 of each part, so a
truncated, altered, foreign or misplaced file is recognised before any of it is used.
"""

from __future__ import annotations

import hashlib
import json


def framed_bytes(magic: bytes, key: str, fields: dict, parts: list[tuple[str, bytes]]) -> bytes:
    """`magic`, the header (key, `fields`, each part's name, size and digest), then the parts."""
    header = {
        "key": key,
        **fields,
        "parts": [{"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()} for n, b in parts],
    }
    return magic + json.dumps(header).encode("ascii") + b"\n" + b"".join(b for _, b in parts)


def framed_parts(data: bytes, magic: bytes, key: str, damaged: type[Exception]) -> tuple[dict, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) parts of `data` stored under `key`; `damaged` is
    raised, with the reason, for anything that is not exactly such an entry."""
    if not data.startswith(magic):
        raise damaged("not a reportgen cache entry")
    head_end = data.find(b"\n", len(magic))
    if head_end < 0:
        raise damaged("has no header")
    try:
        header = json.loads(data[len(magic) : head_end])
        if header["key"] != key:
            raise damaged("stored under another key")
        offset, parts = head_end + 1, []
        for part in header["parts"]:
            name, size = str(part["name"]), int(part["size"])
            body = data[offset : offset + size]
            offset += size
            if len(body) != size or hashlib.sha256(body).hexdigest() != part["sha256"]:
                raise damaged(f"part {name!r} is truncated or changed")
            parts.append((name, body))
    except damaged:
        raise
    except Exception as exc:  # any unreadable header: the entry is not ours to trust
        raise damaged(f"unreadable ({type(exc).__name__})") from None
    if offset != len(data):
        raise damaged("has trailing bytes")
    return header, parts
