"""Lists in one cell of the recipients table: e-mail addresses, document kinds, region ids.

A provider may have several addresses, and may ask for some documents or regions only;
all are written in one cell, separated by ';'. The same splitting serves the data check
and the distribution, so what was checked is what is used.
"""

from __future__ import annotations

import re

SEPARATOR = ";"

ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
"""An address as a mail server takes it: local part, '@', a domain with a top-level part."""

SLUG = re.compile(r"[a-z][a-z0-9-]*")


def cell_items(cell: object) -> list[str]:
    """The non-empty items of a ';'-separated cell, trimmed, in order, without repeats."""
    if not isinstance(cell, str):
        return []
    return list(dict.fromkeys(item.strip() for item in cell.split(SEPARATOR) if item.strip()))


def invalid_addresses(cell: object) -> list[str]:
    """The items of an e-mail cell that are not a valid address (an empty cell has none)."""
    return [item for item in cell_items(cell) if not ADDRESS.fullmatch(item)]
