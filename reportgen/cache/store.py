"""Cache entries that are never trusted blindly.

An entry is one file: a magic line, a JSON header naming the key it was stored under and
the SHA-256 and length of every part, then the parts (Parquet tables and a JSON note). On
reading, a wrong magic, another key, a bad checksum or an unreadable table makes the entry
count as absent, with a warning; the caller computes the result afresh and stores it again.
Parquet, not pickle: a foreign file in the cache folder can at worst be ignored, never run.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.cache.framing import framed_bytes, framed_parts
from reportgen.errors import Problem

if TYPE_CHECKING:  # pandas loads only for an entry with tables: a kept document needs none
    import pandas as pd

MAGIC = b"reportgen-cache 1\n"


class DamagedEntry(Exception):
    """The entry exists but cannot be used; the message says why."""


@dataclass(frozen=True)
class Entry:
    """What an entry holds: named tables and a JSON-able note."""

    tables: dict[str, pd.DataFrame]
    note: dict


def entry_bytes(key: str, entry: Entry) -> bytes:
    """The file form of an entry stored under `key`."""
    parts: list[tuple[str, bytes]] = []
    for name, frame in entry.tables.items():
        buffer = io.BytesIO()
        frame.to_parquet(buffer, compression="zstd", index=False)
        parts.append((f"table:{name}", buffer.getvalue()))
    parts.append(("note", json.dumps(entry.note, sort_keys=True).encode("utf-8")))
    return framed_bytes(MAGIC, key, {}, parts)


def parse_entry(data: bytes, key: str) -> Entry:
    """The entry in `data` if it is whole and was stored under `key`; else DamagedEntry."""
    _, parts = framed_parts(data, MAGIC, key, DamagedEntry)
    tables: dict[str, pd.DataFrame] = {}
    note: dict = {}
    try:
        for name, body in parts:
            if name == "note":
                note = json.loads(body)
            else:
                import pandas as pd

                tables[name.removeprefix("table:")] = pd.read_parquet(io.BytesIO(body))
    except Exception as exc:  # an unreadable table: the entry is not ours to trust
        raise DamagedEntry(f"unreadable ({type(exc).__name__})") from None
    return Entry(tables, note)


def read_entry(path: Path, key: str, warnings: list[Problem]) -> Entry | None:
    """The entry at `path`, or None when absent; a damaged one adds a warning and counts as absent."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        warnings.append(
            Problem(f"cache entry could not be read ({exc.strerror}); computed again", str(path), severity="warning")
        )
        return None
    try:
        return parse_entry(data, key)
    except DamagedEntry as exc:
        warnings.append(
            Problem(f"cache entry ignored: {exc}; computed again and stored anew", str(path), severity="warning")
        )
        return None


def store_entry(path: Path, key: str, entry: Entry) -> None:
    """Store an entry atomically; a cache that cannot be written only costs time later."""
    from reportgen.write import WriteError, write_bytes_atomic

    try:
        write_bytes_atomic(path, entry_bytes(key, entry))
    except (OSError, WriteError, ValueError, TypeError):  # e.g. a full disk or a file-size limit
        pass
