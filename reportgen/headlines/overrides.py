"""Notice when an editor's headline override says the opposite of what the data show."""

from __future__ import annotations

import re

from reportgen.headlines.rules import Verdict

# Words that commit a sentence to a direction. A word may serve two directions
# ("hoger" is both a higher level and a rise).
DIRECTION_WORDS: dict[str, tuple[str, ...]] = {
    "hoger": ("hoger", "meer", "vaker", "veel", "boven"),
    "lager": ("lager", "minder", "weinig", "onder"),
    "gelijk": ("gelijk", "vergelijkbaar", "hetzelfde", "even vaak", "ongeveer", "stabiel"),
    "gestegen": ("gestegen", "toegenomen", "stijgt", "stijging", "gegroeid", "groei", "hoger", "meer"),
    "gedaald": ("gedaald", "afgenomen", "daalt", "daling", "lager", "minder"),
}


def directions_in(text: str) -> set[str]:
    """The directions an (override) sentence commits to, from its words."""
    lowered = text.lower()
    found = set()
    for direction, words in DIRECTION_WORDS.items():
        if any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words):
            found.add(direction)
    return found


def contradiction(override: str, verdict: Verdict) -> str | None:
    """Why `override` contradicts the computed verdict, or None when it does not.

    Only verdicts with a direction are checked; an override that commits to no
    direction at all is accepted.
    """
    if verdict.direction not in DIRECTION_WORDS:
        return None
    said = directions_in(override)
    if not said or verdict.direction in said:
        return None
    return f"it says '{'/'.join(sorted(said))}' but the data say '{verdict.direction}' (computed: \"{verdict.text}\")"
