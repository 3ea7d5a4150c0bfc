"""Closest-match suggestions for misspelt names in content files.

Most unknown names are typing errors ("regoi" for "regio"); naming the likely intended
one saves an editor from reading the whole list.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest_name(name: str, known: Iterable[str]) -> str | None:
    """The known name most like `name`, or None when none is close."""
    matches = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(name: str, known: Iterable[str], template: str = "'{}'") -> str:
    """' (did you mean 'x'?)' for the closest known name, or '' when there is none."""
    match = closest_name(name, known)
    return f" (did you mean {template.format(match)}?)" if match else ""


def name_list(known: Iterable[str]) -> str:
    """The known names sorted and comma-separated, for messages."""
    return ", ".join(sorted(known)) or "(none)"
